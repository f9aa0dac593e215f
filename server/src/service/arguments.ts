/**
 * Every argument a client sends to a command or a custom request is checked here before use: a note
 * is named by the URI of a document open in the editor, without a query or a fragment (which would
 * name something else than the path does); a note the service writes for (a term pair) must also lie
 * in a workspace folder, under that folder's scheme; terms are one line of at most 200 characters,
 * without control characters. A refusal is a sentence saying which argument and why.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { collapseSpaces } from '../core/glossary/draft';
import { bilingual, message, saying, type Message, type Saying } from '../core/messages';
import type { CorrectionAction } from './features/corrections';
import { hasControlCharacters } from './pathPolicy';
import { hasQueryOrFragment, innermostFolder, schemeOf } from './uris';
import type { Workspace } from './workspace';

/** A refusal says why in the user's language (`said`), and in English (`message`). */
export type Checked<T> = { readonly ok: true; readonly value: T } | ({ readonly ok: false } & Saying);

/** The argument of `diplonote.addTermPair`, as the code actions build it and the client completes it. */
export interface TermPairRequest {
  readonly uri: string;
  /** The language of `term`. */
  readonly language: 'en' | 'zh';
  readonly term: string;
  /** The form in the other language; the VS Code client asks the user for it when absent. */
  readonly rendering?: string;
  /** The aligned text in the other language, shown while the user types the rendering. */
  readonly context?: string;
}

export const MAX_TERM_LENGTH = 200;

function refused<T>(said: Message): Checked<T> {
  return { ok: false, ...saying(said) };
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** An open note named by `value`; with `inFolder`, also one inside a workspace folder, of its scheme. */
export function openNote(workspace: Workspace, value: unknown, inFolder: boolean): Checked<TextDocument> {
  if (typeof value !== 'string' || value === '') return refused(message('refused.uri-not-text'));
  if (hasQueryOrFragment(value)) return refused(message('refused.query-or-fragment', { uri: shownUri(value) }));
  const document = workspace.documents.get(value);
  if (!document) return refused(message('refused.not-open', { uri: shownUri(value) }));
  const outside = inFolder ? outsideFolders(workspace, value) : undefined;
  return outside ? refused(outside) : { ok: true, value: document };
}

/** A URI as a refusal quotes it: long ones cut. */
export function shownUri(uri: string): string {
  return uri.length > 200 ? `${uri.slice(0, 200)}…` : uri;
}

/** Why a URI is not a file of a workspace folder (outside every folder, or under another scheme); undefined when it is. */
export function outsideFolders(workspace: Workspace, uri: string): Message | undefined {
  const folder = innermostFolder(uri, workspace.folders);
  if (!folder) return message('refused.outside-folders', { uri: shownUri(uri) });
  return schemeOf(folder) !== schemeOf(uri) ? message('refused.other-scheme', { uri: shownUri(uri) }) : undefined;
}

/** A position (0-based line and UTF-16 character); positions past the end are the end. */
export function position(value: unknown): Checked<{ line: number; character: number }> {
  const { line, character } = record(value) ?? {};
  const valid = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  return valid(line) && valid(character) ? { ok: true, value: { line, character } } : refused(message('refused.position'));
}

/** The positions a standard request carries: `position`, `positions` (selection ranges), `range` (code actions). */
export type PositionField = 'position' | 'positions' | 'range';

/**
 * The document a standard request names (`textDocument.uri`), with the positions it must carry
 * (`needs`) there and each position it carries checked: a malformed request is refused, never half-read.
 */
export function documentRequest(value: unknown, needs: readonly PositionField[] = []): Checked<string> {
  const params = record(value);
  const uri = record(params?.textDocument)?.uri;
  if (typeof uri !== 'string') return refused(message('refused.no-document'));
  const has = (field: PositionField) => params !== undefined && field in params;
  const missing = needs.find((field) => !has(field));
  if (missing) return refused(message('refused.missing-field', { field: missing }));
  const range = record(params?.range);
  const positions = [
    ...(has('position') ? [params?.position] : []),
    ...(Array.isArray(params?.positions) ? params.positions : has('positions') ? [undefined] : []),
    ...(has('range') ? [range?.start, range?.end] : []),
  ];
  const invalid = positions.map(position).find((checked) => !checked.ok);
  return invalid && !invalid.ok ? refused(invalid.said) : { ok: true, value: uri };
}

/** Why `text` cannot be a glossary form, or undefined when it can. */
const TERM_WORDS = { term: 'refused.term', rendering: 'refused.rendering', tag: 'refused.tag' } as const;

export function termProblem(text: string, what: keyof typeof TERM_WORDS): Message | undefined {
  const named = message(TERM_WORDS[what]);
  if (/[\r\n\u2028\u2029]/.test(text)) return message('refused.term-lines', { what: named });
  if (hasControlCharacters(text)) return message('refused.term-controls', { what: named });
  if (text.length > MAX_TERM_LENGTH) return message('refused.term-length', { what: named, limit: MAX_TERM_LENGTH });
  return undefined;
}

export function termPairRequest(workspace: Workspace, value: unknown): Checked<{ request: TermPairRequest; document: TextDocument }> {
  const fields = record(value);
  const usage = message('refused.add-term-pair');
  if (!fields) return refused(usage);
  const note = openNote(workspace, fields.uri, true);
  if (!note.ok) return note;
  const { language, term, rendering } = fields;
  if ((language !== 'en' && language !== 'zh') || typeof term !== 'string' || (rendering !== undefined && typeof rendering !== 'string')) return refused(usage);
  const problem = termProblem(term, 'term') ?? (rendering === undefined ? undefined : termProblem(rendering, 'rendering'));
  if (problem) return refused(problem);
  const known = collapseSpaces(term);
  if (known === '') return refused(usage);
  const other = rendering === undefined ? '' : collapseSpaces(rendering);
  return { ok: true, value: { document: note.value, request: { uri: note.value.uri, language, term: known, ...(other ? { rendering: other } : {}) } } };
}

/** A row index of an aligned view: a whole number from 0. */
function isRowIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** The action of `diplonote/correctAlignment`, as the aligned view sends it. */
export function correctionAction(value: unknown): Checked<CorrectionAction> {
  const fields = record(value);
  const usage = bilingual(
    'the action must be { "kind": "pair", "en", "zh" }, { "kind": "unpair" | "split" | "remove", "row" } or { "kind": "merge", "rows": [a, b] }, with row numbers from 0.',
    '操作须为 { "kind": "pair", "en", "zh" }、{ "kind": "unpair" | "split" | "remove", "row" } 或 { "kind": "merge", "rows": [a, b] }，行号从 0 起。');
  switch (fields?.kind) {
    case 'pair':
      return isRowIndex(fields.en) && isRowIndex(fields.zh) ? { ok: true, value: { kind: 'pair', en: fields.en, zh: fields.zh } } : refused(usage);
    case 'unpair':
    case 'split':
    case 'remove':
      return isRowIndex(fields.row) ? { ok: true, value: { kind: fields.kind, row: fields.row } } : refused(usage);
    case 'merge': {
      const rows = fields.rows;
      return Array.isArray(rows) && rows.length === 2 && rows.every(isRowIndex) ? { ok: true, value: { kind: 'merge', rows: [rows[0], rows[1]] } } : refused(usage);
    }
    default:
      return refused(usage);
  }
}

/** The arguments of `diplonote/correctAlignment`: an open note, the stamp of the view, an action. */
export function correctionRequest(workspace: Workspace, value: unknown): Checked<{ document: TextDocument; stamp: string; action: CorrectionAction }> {
  const fields = record(value);
  const note = openNote(workspace, fields?.uri, false);
  if (!note.ok) return note;
  if (typeof fields?.stamp !== 'string' || fields.stamp.length > 200) return refused(bilingual('the stamp must be the one of the aligned view (a string).', '标记须为对齐视图给出的标记（字符串）。'));
  const action = correctionAction(fields.action);
  return action.ok ? { ok: true, value: { document: note.value, stamp: fields.stamp, action: action.value } } : action;
}

/** A term to look up in the concordance: one line of at most 200 characters, not blank. */
export function concordanceTerm(value: unknown): Checked<string> {
  if (typeof value !== 'string') return refused(bilingual('the term must be a string.', '术语须为字符串。'));
  const problem = termProblem(value, 'term');
  if (problem) return refused(problem);
  const term = collapseSpaces(value);
  return term === '' ? refused(bilingual('the term is blank.', '术语为空。')) : { ok: true, value: term };
}

/** One of the formats a request accepts. */
export function formatOf<F extends string>(value: unknown, formats: readonly F[], fallback?: F): Checked<F> {
  if (value === undefined && fallback !== undefined) return { ok: true, value: fallback };
  return formats.includes(value as F) ? { ok: true, value: value as F } : refused(bilingual(`the format must be ${formats.map((f) => `"${f}"`).join(' or ')}.`, `格式须为 ${formats.map((f) => `"${f}"`).join(' 或 ')}。`));
}
