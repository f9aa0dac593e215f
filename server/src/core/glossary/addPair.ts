/**
 * Adds a term pair (a known form and its rendering in the other language) to a user JSON glossary, as
 * text changes on the file's own text: the user's comments, key order, indentation and line breaks stay
 * as they are, and the new text follows the style of its neighbours (an entry written on one line gets
 * a one-line neighbour). jsonc-parser's `modify` places each insertion and its comma; only the inserted
 * text is styled here. A file that does not parse is never touched: the caller gets the line to mend.
 */
// The ES module build: the default UMD build loads its parts through a require() that esbuild cannot follow.
import { message, type Message } from '../messages';
import {
  applyEdits, findNodeAtLocation, getNodeValue, modify, parseTree, printParseErrorCode, type FormattingOptions, type JSONPath,
  type Node, type ParseError,
} from 'jsonc-parser/lib/esm/main.js';
import { computeLineStarts, lineOfOffset } from '../text/lines';
import { normaliseForm } from './automaton';
import { USER_CATEGORY } from './draft';
import { DEFAULT_MAX_BYTES, sizeProblem } from './problems';
import type { GlossaryEntry } from './types';

export type TermLanguage = 'en' | 'zh';

export interface TermPair {
  /** The language of the known form. */
  readonly language: TermLanguage;
  readonly term: string;
  /** The form in the other language. */
  readonly rendering: string;
}

/** Replace `length` UTF-16 units at `offset` by `content`. */
export interface TextChange {
  readonly offset: number;
  readonly length: number;
  readonly content: string;
}

export type GlossaryChange =
  /** No file yet: its complete text. */
  | { readonly kind: 'create'; readonly text: string }
  | { readonly kind: 'edit'; readonly changes: readonly TextChange[]; readonly text: string; readonly into: 'existing entry' | 'new entry' }
  | { readonly kind: 'present' }
  /** `line` is 1-based, as the user reads it. */
  | { readonly kind: 'malformed'; readonly line: number; readonly said: Message };

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export function otherLanguage(language: TermLanguage): TermLanguage {
  return language === 'en' ? 'zh' : 'en';
}

/** Whether `forms` lists `form`, compared as the matcher compares (case, width, traditional, spaces). */
export function listsForm(forms: readonly string[], form: string): boolean {
  const wanted = normaliseForm(form);
  return forms.some((candidate) => normaliseForm(candidate) === wanted);
}

/**
 * The change that records `pair` in the glossary whose text is `existing` (undefined: no file yet).
 * `base` is the entry in force elsewhere (the built-in one) that a new entry must carry over, because
 * a user entry with the same id or preferred English form replaces it whole.
 */
export function addPairToGlossary(existing: string | undefined, pair: TermPair, base?: GlossaryEntry): GlossaryChange {
  const entry = newEntry(pair, base);
  if (existing === undefined) return { kind: 'create', text: completeGlossary(entry, '\n') };
  if (existing.trim() === '') {
    const text = completeGlossary(entry, eolOf(existing));
    return { kind: 'edit', changes: [{ offset: 0, length: existing.length, content: text }], text, into: 'new entry' };
  }
  const tooBig = sizeProblem(existing, '', DEFAULT_MAX_BYTES);
  if (tooBig) return { kind: 'malformed', line: 1, said: tooBig.said };
  try {
    return new GlossaryEditor(existing).add(pair, entry);
  } catch (error) {
    // jsonc-parser recurses once per nesting level: absurd nesting exhausts the stack.
    if (error instanceof RangeError) return { kind: 'malformed', line: 1, said: message('glossary.json.too-deep-to-edit') };
    throw error;
  }
}

function newEntry(pair: TermPair, base: GlossaryEntry | undefined): Record<string, JsonValue> {
  const other = otherLanguage(pair.language);
  const forms: Record<TermLanguage, string[]> = base
    ? { en: [...base.en], zh: [...base.zh] }
    : { en: [], zh: [] };
  if (!listsForm(forms[pair.language], pair.term)) forms[pair.language].push(pair.term);
  forms[other].push(pair.rendering);
  const entry: Record<string, JsonValue> = {};
  if (base) entry.id = base.id;
  if (base && base.category !== USER_CATEGORY) entry.category = base.category;
  entry.en = oneOrMany(forms.en);
  entry.zh = oneOrMany(forms.zh);
  if (base?.definition) entry.definition = { ...base.definition };
  if (base?.note) entry.note = { ...base.note };
  if (base?.source) entry.source = base.source;
  return entry;
}

function oneOrMany(forms: readonly string[]): JsonValue {
  return forms.length === 1 ? forms[0] : [...forms];
}

function completeGlossary(entry: Record<string, JsonValue>, eol: string): string {
  return JSON.stringify({ entries: [entry] }, null, 2).split('\n').join(eol) + eol;
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** One line of JSON with a space after each comma and colon and inside braces: `{ "en": "a", "zh": ["b", "c"] }`. */
function inlineJson(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(inlineJson).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${inlineJson(item)}`);
    return members.length === 0 ? '{}' : `{ ${members.join(', ')} }`;
  }
  return JSON.stringify(value);
}

class GlossaryEditor {
  private readonly json: string;
  private readonly eol: string;
  private lineStarts: number[] | undefined;

  constructor(private readonly text: string) {
    // A byte-order mark becomes a space, as the loader does: the parser rejects it, and offsets must not move.
    this.json = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
    this.eol = eolOf(text);
  }

  add(pair: TermPair, entry: Record<string, JsonValue>): GlossaryChange {
    const errors: ParseError[] = [];
    // Comments are kept rather than refused: the loader reports them, and they are the user's to keep.
    const root = parseTree(this.json, errors, { allowTrailingComma: false, disallowComments: false });
    if (errors.length > 0) return this.malformed(errors[0].offset, message('glossary.json.invalid-code', { code: printParseErrorCode(errors[0].error) }));
    if (!root || root.type !== 'object') return this.malformed(root?.offset ?? 0, message('glossary.json.not-an-object'));
    const entries = findNodeAtLocation(root, ['entries']);
    if (!entries) return this.edited(modify(this.json, ['entries'], [entry], { formattingOptions: this.formatting() }), 'new entry');
    if (entries.type !== 'array') return this.malformed(entries.offset, message('glossary.json.entries-not-array'));
    const matching = (entries.children ?? []).filter((element) => listsForm(formsOf(element, pair.language), pair.term));
    const other = otherLanguage(pair.language);
    if (matching.some((element) => listsForm(formsOf(element, other), pair.rendering))) return { kind: 'present' };
    if (matching.length > 0) return this.addForm(entries, matching[0], other, pair.rendering);
    return this.edited([this.append(['entries'], entries, entry)], 'new entry');
  }

  /** The rendering joins the entry's forms in the other language, after the preferred one. */
  private addForm(entries: Node, element: Node, language: TermLanguage, form: string): GlossaryChange {
    const path: JSONPath = ['entries', (entries.children ?? []).indexOf(element), language];
    const forms = findNodeAtLocation(element, [language]);
    if (!forms) return this.edited(modify(this.json, path, form, { formattingOptions: this.formatting() }), 'existing entry');
    if (forms.type === 'string') {
      const written = this.text.slice(forms.offset, forms.offset + forms.length);
      return this.edited([{ offset: forms.offset, length: forms.length, content: `[${written}, ${JSON.stringify(form)}]` }], 'existing entry');
    }
    if (forms.type !== 'array') return this.malformed(forms.offset, message('glossary.json.form-not-list', { language }));
    return this.edited([this.append(path, forms, form)], 'existing entry');
  }

  /** Appends `value` to the array at `path`, laid out like the array's last element. */
  private append(path: JSONPath, array: Node, value: JsonValue): TextChange {
    const [placed] = modify(this.json, [...path, -1], value, {});
    const last = array.children?.[array.children.length - 1];
    if (!last) return { ...placed, content: inlineJson(value) };
    return { ...placed, content: `,${this.separatorAfter(array, last)}${this.layOut(value, last)}` };
  }

  /** What stands between two elements of the array: a line break and the indentation, or a space. */
  private separatorAfter(array: Node, last: Node): string {
    const children = array.children ?? [];
    const before = children.length > 1 ? children[children.length - 2] : undefined;
    const gapStart = before ? before.offset + before.length : array.offset + 1;
    const gap = this.text.slice(gapStart, last.offset);
    return gap.includes('\n') || gap.includes('\r') ? this.eol + this.indentationOf(last.offset) : ' ';
  }

  /** An object goes on several lines when its neighbour does; everything else on one line. */
  private layOut(value: JsonValue, neighbour: Node): string {
    const spread = neighbour.type === 'object' && this.spansLines(neighbour) && value !== null && typeof value === 'object' && !Array.isArray(value);
    if (!spread) return inlineJson(value);
    const outer = this.indentationOf(neighbour.offset);
    const firstMember = neighbour.children?.[0];
    const inner = firstMember ? this.indentationOf(firstMember.offset) : `${outer}  `;
    const members = Object.entries(value).map(([key, item]) => `${inner}${JSON.stringify(key)}: ${inlineJson(item)}`);
    return `{${this.eol}${members.join(`,${this.eol}`)}${this.eol}${outer}}`;
  }

  private spansLines(node: Node): boolean {
    const body = this.text.slice(node.offset, node.offset + node.length);
    return body.includes('\n') || body.includes('\r');
  }

  /** The white space that starts the line holding `offset`, when nothing else precedes it there. */
  private indentationOf(offset: number): string {
    const lineStart = this.lineStart(offset);
    const before = this.text.slice(lineStart, offset);
    return before.trim() === '' ? before : before.slice(0, before.length - before.trimStart().length);
  }

  private lineStart(offset: number): number {
    this.lineStarts ??= computeLineStarts(this.text);
    return this.lineStarts[lineOfOffset(this.lineStarts, offset)];
  }

  /** For the rare insertions left to jsonc-parser's formatter: the file's own indentation and line breaks. */
  private formatting(): FormattingOptions {
    this.lineStarts ??= computeLineStarts(this.text);
    for (const start of this.lineStarts) {
      const first = this.text.charCodeAt(start);
      if (first === 0x09) return { insertSpaces: false, tabSize: 4, eol: this.eol };
      if (first !== 0x20) continue;
      let width = 1;
      while (width < 8 && this.text.charCodeAt(start + width) === 0x20) width++;
      return { insertSpaces: true, tabSize: width, eol: this.eol };
    }
    return { insertSpaces: true, tabSize: 2, eol: this.eol };
  }

  private edited(changes: readonly TextChange[], into: 'existing entry' | 'new entry'): GlossaryChange {
    return { kind: 'edit', changes, text: applyEdits(this.text, [...changes]), into };
  }

  private malformed(offset: number, said: Message): GlossaryChange {
    this.lineStarts ??= computeLineStarts(this.text);
    return { kind: 'malformed', line: lineOfOffset(this.lineStarts, offset) + 1, said };
  }
}

/** The forms an entry node lists in `language`: a string or the strings of an array. */
function formsOf(element: Node, language: TermLanguage): string[] {
  if (element.type !== 'object') return [];
  const node = findNodeAtLocation(element, [language]);
  const value: unknown = node ? getNodeValue(node) : undefined;
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((form): form is string => typeof form === 'string') : [];
}
