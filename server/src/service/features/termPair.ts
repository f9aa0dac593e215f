/**
 * The plan for `diplonote.addTermPair`: which glossary file records a term and its rendering, and the
 * text changes that do it. The pair goes where the term's entry already is when that is one of the
 * user's JSON glossaries (a second entry elsewhere would replace or be replaced by it, since a later
 * user entry with the same id or preferred English form wins whole); otherwise into
 * `diplonote.glossary.json` of the note's workspace folder, created when missing. The glossary is read
 * through the path policy and never through a symbolic link; the service writes nothing itself.
 */
import { BUILT_IN_ORIGIN, type GlossaryEntry, type GlossaryIndex } from '../../core/glossary';
import { addPairToGlossary, listsForm, otherLanguage, type TermLanguage, type TermPair, type TextChange } from '../../core/glossary/addPair';
import { isUtf8 } from '../../core/text/decode';
import type { TermPairRequest } from '../arguments';
import { readText, READ_LIMITS } from '../files';
import { fileName, folderOf, innermostFolder, joinSegments, samePath } from '../uris';
import type { Workspace } from '../workspace';

export const WORKSPACE_GLOSSARY = 'diplonote.glossary.json';
const ADD_TERM_PAIR = 'diplonote.addTermPair';

export type TermPairPlan =
  | { readonly kind: 'message'; readonly level: 'info' | 'warning'; readonly message: string }
  | {
    readonly kind: 'edit';
    readonly glossary: string;
    /** The pair as the user reads it: `"term" (English) ↔ "rendering"`. */
    readonly pairText: string;
    /** No file yet: it is created holding the changes' text. */
    readonly create: boolean;
    /** The file's text the changes apply to ('' when created). */
    readonly existing: string;
    readonly changes: readonly TextChange[];
    readonly appliedMessage: string;
    /** Completed by the reason the client gave, when any. */
    readonly notAppliedMessage: string;
  };

const LANGUAGE_NAMES: Readonly<Record<TermLanguage, string>> = { en: 'English', zh: 'Chinese' };

function message(level: 'info' | 'warning', text: string): TermPairPlan {
  return { kind: 'message', level, message: text };
}

export function describePair(pair: TermPair): string {
  return `"${pair.term}" (${LANGUAGE_NAMES[pair.language]}) ↔ "${pair.rendering}"`;
}

export async function planTermPair(request: TermPairRequest, glossary: GlossaryIndex, workspace: Workspace): Promise<TermPairPlan> {
  if (!request.rendering) return message('info', noRendering(request));
  const pair: TermPair = { language: request.language, term: request.term, rendering: request.rendering };
  const folder = innermostFolder(request.uri, workspace.folders);
  if (!folder) return message('warning', `${fileName(request.uri)} lies outside every workspace folder; refused.`);
  const target = targetFor(pair, glossary, joinSegments(folder, [WORKSPACE_GLOSSARY]));
  if ('instead' in target) return message('info', target.instead);
  const name = fileName(target.uri);
  const targetFolder = innermostFolder(target.uri, workspace.folders);
  if (!targetFolder) return message('warning', `${name} lies outside every workspace folder; it was left untouched.`);
  if (await isLink(workspace, target.uri)) {
    return message('warning', `${name} is a symbolic link; a glossary is not edited through a link. Add ${describePair(pair)} to the file it leads to by hand.`);
  }
  const read = await readText(workspace, target.uri, READ_LIMITS.glossary, targetFolder);
  if (read.kind === 'refused' && !read.missing) return message('warning', `${name} could not be read (${read.message}); it was left untouched.`);
  if (read.kind === 'text' && !isUtf8(read.encoding)) {
    return message('warning', `${name} is not saved as UTF-8; it was left untouched. Add ${describePair(pair)} by hand, or save it as UTF-8.`);
  }
  const existing = read.kind === 'text' ? read.text : undefined;
  const change = addPairToGlossary(existing, pair, target.base);
  if (change.kind === 'present') return message('info', `${describePair(pair)} is in ${name} already; nothing was changed.`);
  if (change.kind === 'malformed') return message('warning', `${name}, line ${change.line}: ${change.message} The file was left untouched; mend it and try again.`);
  return {
    kind: 'edit', glossary: target.uri, pairText: describePair(pair), create: change.kind === 'create', existing: existing ?? '',
    changes: change.kind === 'create' ? [{ offset: 0, length: 0, content: change.text }] : change.changes,
    appliedMessage: `added ${describePair(pair)} to ${name}; the checks use it once the file is saved.`,
    notAppliedMessage: `${name} was not changed`,
  };
}

/** Whether the file itself is a symbolic link (the folders above it may be: a workspace under /tmp on macOS). */
async function isLink(workspace: Workspace, uri: string): Promise<boolean> {
  const [real, realFolder] = await Promise.all([workspace.realUri(uri), workspace.realUri(folderOf(uri))]);
  return real !== undefined && realFolder !== undefined && !samePath(real, joinSegments(realFolder, [fileName(uri)]));
}

function noRendering(request: TermPairRequest): string {
  const other = LANGUAGE_NAMES[otherLanguage(request.language)];
  return `no ${other} rendering of "${request.term}" was given, and this editor does not ask for one. ` +
    `Run ${ADD_TERM_PAIR} with { "uri", "language": "${request.language}", "term", "rendering": "…" }, ` +
    `or add the pair to ${WORKSPACE_GLOSSARY} by hand.`;
}

/** The file to change, or the message that ends the command instead. */
type Target = { readonly uri: string; readonly base?: GlossaryEntry } | { readonly instead: string };

/**
 * Into the user JSON glossary that already defines the term, else into the workspace glossary,
 * carrying over a built-in entry of the term so that the user entry, which replaces it, keeps its
 * forms, definition and source.
 */
function targetFor(pair: TermPair, glossary: GlossaryIndex, workspaceGlossary: string): Target {
  const entry = glossary.lookup(pair.term);
  const inForce = entry && listsForm(entry[pair.language], pair.term) ? entry : undefined;
  if (inForce && listsForm(inForce[otherLanguage(pair.language)], pair.rendering)) {
    return { instead: `${describePair(pair)} is in the glossary already (${originName(inForce)}); nothing was changed.` };
  }
  if (!inForce || inForce.origin === BUILT_IN_ORIGIN) return { uri: workspaceGlossary, ...(inForce ? { base: inForce } : {}) };
  if (inForce.origin.toLowerCase().endsWith('.glossary.json')) return { uri: inForce.origin };
  return {
    instead: `"${pair.term}" comes from ${fileName(inForce.origin)}; add "${pair.rendering}" to its ` +
      `${LANGUAGE_NAMES[otherLanguage(pair.language)]} forms there (a second entry in another file would compete with it).`,
  };
}

function originName(entry: GlossaryEntry): string {
  return entry.origin === BUILT_IN_ORIGIN ? 'built-in' : fileName(entry.origin);
}
