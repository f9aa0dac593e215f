/**
 * The plan for `diplonote.addTermPair`: which glossary file records a term and its rendering, and the
 * text changes that do it. The pair goes where the term's entry already is when that is one of the
 * user's JSON glossaries (a second entry elsewhere would replace or be replaced by it, since a later
 * user entry with the same id or preferred English form wins whole); otherwise into
 * `diplonote.glossary.json` of the note's workspace folder, created when missing. The glossary is read
 * through the path policy and never through a symbolic link; the service writes nothing itself.
 */
import { BUILT_IN_ORIGIN, type GlossaryEntry, type GlossaryIndex } from '../../core/glossary';
import { addPairToGlossary, listsForm, otherLanguage, type TermPair, type TextChange } from '../../core/glossary/addPair';
import { format, message, sideWord, type Locale, type Message, type MessageArg } from '../../core/messages';
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
    /** The glossary's file name, for the message when the client did not apply the edit. */
    readonly glossaryName: string;
  };

/** Says a plan's messages in the user's language. */
type Say = (said: Message) => string;

function told(level: 'info' | 'warning', said: string): TermPairPlan {
  return { kind: 'message', level, message: said };
}

export function describePair(pair: TermPair): Message {
  return message('termPair.pair', { term: pair.term, language: sideWord(pair.language), rendering: pair.rendering });
}

export async function planTermPair(request: TermPairRequest, glossary: GlossaryIndex, workspace: Workspace, locale: Locale): Promise<TermPairPlan> {
  const say: Say = (said) => format(locale, said);
  if (!request.rendering) return told('info', say(noRendering(request)));
  const pair: TermPair = { language: request.language, term: request.term, rendering: request.rendering };
  const described = describePair(pair);
  const folder = innermostFolder(request.uri, workspace.folders);
  if (!folder) return told('warning', say(message('refused.outside-folders', { uri: fileName(request.uri) })));
  const target = targetFor(pair, glossary, joinSegments(folder, [WORKSPACE_GLOSSARY]));
  if ('instead' in target) return told('info', say(target.instead));
  const file = fileName(target.uri);
  const targetFolder = innermostFolder(target.uri, workspace.folders);
  if (!targetFolder) return told('warning', say(message('termPair.target-outside', { file })));
  if (await isLink(workspace, target.uri)) return told('warning', say(message('termPair.link', { file, pair: described })));
  const read = await readText(workspace, target.uri, READ_LIMITS.glossary, targetFolder);
  if (read.kind === 'refused' && !read.missing) return told('warning', say(message('termPair.unreadable', { file, reason: read.message })));
  if (read.kind === 'text' && !isUtf8(read.encoding)) return told('warning', say(message('termPair.not-utf8', { file, pair: described })));
  const existing = read.kind === 'text' ? read.text : undefined;
  const change = addPairToGlossary(existing, pair, target.base);
  if (change.kind === 'present') return told('info', say(message('termPair.present', { pair: described, file })));
  if (change.kind === 'malformed') return told('warning', say(message('termPair.malformed', { file, line: change.line, problem: change.said })));
  return {
    kind: 'edit', glossary: target.uri, pairText: say(described), create: change.kind === 'create', existing: existing ?? '',
    changes: change.kind === 'create' ? [{ offset: 0, length: 0, content: change.text }] : change.changes,
    appliedMessage: say(message('termPair.added', { pair: described, file })),
    glossaryName: file,
  };
}

/** Whether the file itself is a symbolic link (the folders above it may be: a workspace under /tmp on macOS). */
async function isLink(workspace: Workspace, uri: string): Promise<boolean> {
  const [real, realFolder] = await Promise.all([workspace.realUri(uri), workspace.realUri(folderOf(uri))]);
  return real !== undefined && realFolder !== undefined && !samePath(real, joinSegments(realFolder, [fileName(uri)]));
}

function noRendering(request: TermPairRequest): Message {
  return message('termPair.no-rendering', {
    other: sideWord(otherLanguage(request.language)), term: request.term, command: ADD_TERM_PAIR,
    usage: `{ "uri", "language": "${request.language}", "term", "rendering": "…" }`, glossary: WORKSPACE_GLOSSARY,
  });
}

/** The file to change, or the message that ends the command instead. */
type Target = { readonly uri: string; readonly base?: GlossaryEntry } | { readonly instead: Message };

/**
 * Into the user JSON glossary that already defines the term, else into the workspace glossary,
 * carrying over a built-in entry of the term so that the user entry, which replaces it, keeps its
 * forms, definition and source.
 */
function targetFor(pair: TermPair, glossary: GlossaryIndex, workspaceGlossary: string): Target {
  const entry = glossary.lookup(pair.term);
  const inForce = entry && listsForm(entry[pair.language], pair.term) ? entry : undefined;
  if (inForce && listsForm(inForce[otherLanguage(pair.language)], pair.rendering)) {
    return { instead: message('termPair.in-glossary', { pair: describePair(pair), origin: originName(inForce) }) };
  }
  if (!inForce || inForce.origin === BUILT_IN_ORIGIN) return { uri: workspaceGlossary, ...(inForce ? { base: inForce } : {}) };
  if (inForce.origin.toLowerCase().endsWith('.glossary.json')) return { uri: inForce.origin };
  return {
    instead: message('termPair.elsewhere', {
      term: pair.term, file: fileName(inForce.origin), rendering: pair.rendering, other: sideWord(otherLanguage(pair.language)),
    }),
  };
}

function originName(entry: GlossaryEntry): MessageArg {
  return entry.origin === BUILT_IN_ORIGIN ? message('termPair.built-in') : fileName(entry.origin);
}
