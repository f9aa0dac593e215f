/**
 * `workspace/executeCommand` `diplonote.addTermPair`: records a term and its rendering in the user's
 * glossary through `workspace/applyEdit`; the server never writes a file itself. The pair goes where
 * the term's entry already is when that is one of the user's JSON glossaries (a second entry elsewhere
 * would replace or be replaced by it, since a later user entry with the same id or preferred English
 * form wins whole); otherwise into `diplonote.glossary.json` of the document's workspace folder,
 * created when missing. The client must supply the rendering: a server cannot ask for free text.
 */
import {
  MessageType, ShowMessageNotification, type ClientCapabilities, type Connection, type CreateFile, type ExecuteCommandParams,
  type TextDocumentEdit, type WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { StoredFile } from '../counterparts';
import { BUILT_IN_ORIGIN, type GlossaryEntry, type GlossaryIndex } from '../core/glossary';
import { addPairToGlossary, listsForm, otherLanguage, type GlossaryChange, type TermLanguage, type TermPair } from '../core/glossary/addPair';
import { collapseSpaces } from '../core/glossary/draft';

export const ADD_TERM_PAIR_COMMAND = 'diplonote.addTermPair';
export const WORKSPACE_GLOSSARY = 'diplonote.glossary.json';

/** The command's one argument, as the code actions build it and the client completes it. */
export interface AddTermPairArgument {
  readonly uri: string;
  /** The language of `term`. */
  readonly language: TermLanguage;
  readonly term: string;
  /** The form in the other language; the VS Code client asks the user for it when absent. */
  readonly rendering?: string;
  /** The aligned text in the other language, shown while the user types the rendering. */
  readonly context?: string;
}

/** What the client may need afterwards: the VS Code client saves the glossary it changed. */
export interface AddTermPairResult {
  readonly glossary: string;
  readonly applied: boolean;
}

export interface AddTermPairContext {
  readonly connection: Connection;
  readonly capabilities: ClientCapabilities;
  readonly workspaceFolders: readonly string[];
  readonly glossary: GlossaryIndex;
  /** Reads a file, undefined when there is none; absent where there is no file system (the browser). */
  readonly readFile?: (uri: string) => StoredFile | undefined;
}

/** The file to change, or the message that ends the command instead. */
type Target = { readonly uri: string; readonly base?: GlossaryEntry } | { readonly instead: string };

const LANGUAGE_NAMES: Readonly<Record<TermLanguage, string>> = { en: 'English', zh: 'Chinese' };

export async function addTermPair(params: ExecuteCommandParams, context: AddTermPairContext): Promise<AddTermPairResult | null> {
  const tell = (type: MessageType, message: string) =>
    void context.connection.sendNotification(ShowMessageNotification.type, { type, message: `Diplonote: ${message}` });
  const argument = readArgument(params.arguments?.[0]);
  if (!argument) {
    tell(MessageType.Error, `${ADD_TERM_PAIR_COMMAND} takes one argument { "uri", "language": "en" | "zh", "term", "rendering" }.`);
    return null;
  }
  if (!argument.rendering) {
    tell(MessageType.Info, noRendering(argument));
    return null;
  }
  const pair: TermPair = { language: argument.language, term: argument.term, rendering: argument.rendering };
  const target = targetFor(pair, argument.uri, context);
  if ('instead' in target) {
    tell(MessageType.Info, target.instead);
    return null;
  }
  if (!context.readFile) {
    tell(MessageType.Info, `glossary files cannot be changed from this editor (no file system); add ${describe(pair)} to ${WORKSPACE_GLOSSARY} by hand.`);
    return null;
  }
  const stored = context.readFile(target.uri);
  const existing = stored?.read();
  if (stored && existing === undefined) {
    tell(MessageType.Warning, `${fileName(target.uri)} could not be read; it was left untouched.`);
    return null;
  }
  return applyChange(addPairToGlossary(existing, pair, target.base), { uri: target.uri, existing, pair }, context, tell);
}

async function applyChange(
  change: GlossaryChange, file: { uri: string; existing: string | undefined; pair: TermPair }, context: AddTermPairContext,
  tell: (type: MessageType, message: string) => void,
): Promise<AddTermPairResult | null> {
  const name = fileName(file.uri);
  if (change.kind === 'present') {
    tell(MessageType.Info, `${describe(file.pair)} is in ${name} already; nothing was changed.`);
    return null;
  }
  if (change.kind === 'malformed') {
    tell(MessageType.Warning, `${name}, line ${change.line}: ${change.message} The file was left untouched; mend it and try again.`);
    return null;
  }
  const refusal = unsupported(change, context.capabilities, file.pair);
  if (refusal) {
    tell(MessageType.Warning, refusal);
    return null;
  }
  const answer = await context.connection.workspace.applyEdit({
    label: `Add ${describe(file.pair)} to the glossary`, edit: workspaceEdit(change, file.uri, file.existing ?? ''),
  }).catch((error: unknown) => ({ applied: false, failureReason: error instanceof Error ? error.message : String(error) }));
  if (answer.applied) {
    tell(MessageType.Info, `added ${describe(file.pair)} to ${name}; the checks use it once the file is saved.`);
  } else {
    tell(MessageType.Warning, `${name} was not changed${answer.failureReason ? `: ${answer.failureReason}` : '.'}`);
  }
  return { glossary: file.uri, applied: answer.applied };
}

/** The argument as sent by any client, checked field by field; undefined when unusable. */
function readArgument(value: unknown): AddTermPairArgument | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const { uri, language, term, rendering, context } = value as Record<string, unknown>;
  const known = typeof term === 'string' ? collapseSpaces(term) : '';
  if (typeof uri !== 'string' || (language !== 'en' && language !== 'zh') || known === '') return undefined;
  const other = typeof rendering === 'string' ? collapseSpaces(rendering) : '';
  return {
    uri, language, term: known,
    ...(other ? { rendering: other } : {}),
    ...(typeof context === 'string' ? { context } : {}),
  };
}

function noRendering(argument: AddTermPairArgument): string {
  const other = LANGUAGE_NAMES[otherLanguage(argument.language)];
  return `no ${other} rendering of "${argument.term}" was given, and this editor does not ask for one. ` +
    `Run ${ADD_TERM_PAIR_COMMAND} with { "uri", "language": "${argument.language}", "term", "rendering": "…" }, ` +
    `or add the pair to ${WORKSPACE_GLOSSARY} by hand.`;
}

/**
 * Where the pair goes: into the user JSON glossary that already defines the term, else into the
 * workspace glossary, carrying over a built-in entry of the term so that the user entry, which
 * replaces it, keeps its forms, definition and source.
 */
function targetFor(pair: TermPair, documentUri: string, context: AddTermPairContext): Target {
  const entry = context.glossary.lookup(pair.term);
  const inForce = entry && listsForm(entry[pair.language], pair.term) ? entry : undefined;
  if (inForce && listsForm(inForce[otherLanguage(pair.language)], pair.rendering)) {
    return { instead: `${describe(pair)} is in the glossary already (${originName(inForce)}); nothing was changed.` };
  }
  if (!inForce || inForce.origin === BUILT_IN_ORIGIN) return { uri: workspaceGlossary(documentUri, context.workspaceFolders), ...(inForce ? { base: inForce } : {}) };
  if (inForce.origin.toLowerCase().endsWith('.glossary.json')) return { uri: inForce.origin };
  return {
    instead: `"${pair.term}" comes from ${fileName(inForce.origin)}; add "${pair.rendering}" to its ` +
      `${LANGUAGE_NAMES[otherLanguage(pair.language)]} forms there (a second entry in another file would compete with it).`,
  };
}

/** `diplonote.glossary.json` in the innermost workspace folder holding the document, else the first, else beside the document. */
function workspaceGlossary(documentUri: string, folders: readonly string[]): string {
  const holding = folders.map(withSlash).filter((folder) => documentUri.startsWith(folder)).sort((a, b) => b.length - a.length)[0];
  const folder = holding ?? (folders.length > 0 ? withSlash(folders[0]) : documentUri.slice(0, documentUri.lastIndexOf('/') + 1));
  return `${folder}${WORKSPACE_GLOSSARY}`;
}

function withSlash(uri: string): string {
  return uri.endsWith('/') ? uri : `${uri}/`;
}

/** Why this client cannot take the edit, or undefined when it can. */
function unsupported(change: GlossaryChange, capabilities: ClientCapabilities, pair: TermPair): string | undefined {
  if (capabilities.workspace?.applyEdit !== true) {
    return `this editor does not take edits from the server (workspace/applyEdit); add ${describe(pair)} to ${WORKSPACE_GLOSSARY} by hand.`;
  }
  const operations = capabilities.workspace.workspaceEdit?.resourceOperations ?? [];
  if (change.kind === 'create' && !operations.includes('create')) {
    return `this editor cannot create files on the server's behalf; create ${WORKSPACE_GLOSSARY} containing { "entries": [] } in the workspace folder and run the action again.`;
  }
  return undefined;
}

function workspaceEdit(change: Exclude<GlossaryChange, { kind: 'present' | 'malformed' }>, uri: string, existing: string): WorkspaceEdit {
  if (change.kind === 'create') {
    const create: CreateFile = { kind: 'create', uri, options: { overwrite: false, ignoreIfExists: false } };
    const fill: TextDocumentEdit = {
      textDocument: { uri, version: null },
      edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: change.text }],
    };
    return { documentChanges: [create, fill] };
  }
  const saved = TextDocument.create(uri, 'json', 0, existing);
  const edits = change.changes.map((c) => ({
    range: { start: saved.positionAt(c.offset), end: saved.positionAt(c.offset + c.length) }, newText: c.content,
  }));
  return { changes: { [uri]: edits } };
}

function describe(pair: TermPair): string {
  return `"${pair.term}" (${LANGUAGE_NAMES[pair.language]}) ↔ "${pair.rendering}"`;
}

function originName(entry: GlossaryEntry): string {
  return entry.origin === BUILT_IN_ORIGIN ? 'built-in' : fileName(entry.origin);
}

function fileName(uri: string): string {
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name; // a stray % in a URI the client sent: shown as it is
  }
}
