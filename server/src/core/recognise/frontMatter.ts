/**
 * The optional YAML front matter: a `---` first line, YAML, a closing `---`. The `yaml` library parses
 * it with the failsafe schema (every value is text as written: `007` stays `007`) and keeps source
 * positions, so each problem is reported where it is; anything wrong becomes a problem, never an
 * exception.
 */
import { Composer, isAlias, isMap, isScalar, isSeq, Parser, type Alias, type CST, type ParsedNode, type YAMLError } from 'yaml';
import { message, saying, type Message } from '../messages';
import type { AnalysisProblem, FrontMatter, FrontMatterEntry, FrontMatterItem, Span } from '../model';
import type { Line } from '../text/lines';
import { isWhitespace } from '../text/script';
import { countBelow } from '../text/spans';

export const FRONT_MATTER_KEYS: ReadonlySet<string> = new Set([
  'reference', 'date', 'sender', 'addressee', 'in-reply-to', 'counterpart', 'language', 'title',
]);

/** Keys whose value may be a list: a note can answer several communications at once. */
const LIST_KEYS: ReadonlySet<string> = new Set(['in-reply-to']);

/** The names `language:` accepts (the note's language is read from them in analyse.ts). */
/** The names the front matter's `language:` takes (lower case), and the language each means. */
export const LANGUAGE_NAMES: ReadonlyMap<string, 'en' | 'zh'> = new Map([
  ['en', 'en'], ['english', 'en'], ['zh', 'zh'], ['chinese', 'zh'], ['zh-cn', 'zh'], ['zh-hans', 'zh'], ['中文', 'zh'],
]);

/**
 * Real front matter is a few hundred bytes. The closing `---` is looked for this far only, so that a
 * stray `---` first line never swallows a note and a hostile file costs little.
 */
export const MAX_FRONT_MATTER_CHARS = 8 * 1024;
/**
 * Front matter values are text or lists of text (depth 3 below the document). The library's composer
 * recurses per level and relies on catching a stack overflow, which can abort the process instead, so
 * deeper input is refused before it is composed.
 */
const MAX_NESTING = 8;

export interface FrontMatterResult {
  readonly frontMatter?: FrontMatter;
  /** Index of the first line after the front matter (0 when there is none). */
  readonly nextLine: number;
  readonly problems: AnalysisProblem[];
}

export function readFrontMatter(text: string, lines: readonly Line[]): FrontMatterResult {
  if (lines.length === 0 || !isFence(text, lines[0])) return { nextLine: 0, problems: [] };
  const closing = closingFence(text, lines);
  if (closing === undefined) {
    // No FrontMatter in the model: an edit to the line after it could extend it, so the incremental
    // path must re-analyse (it does whenever a note without front matter starts with `---`).
    const unclosed = saying(message('frontMatter.unclosed', { size: MAX_FRONT_MATTER_CHARS / 1024 }));
    return { nextLine: endOfUnclosed(text, lines), problems: [{ span: { start: lines[0].trimStart, end: lines[0].trimEnd }, ...unclosed }] };
  }
  const reader = new EntryReader(text, lines.slice(1, closing).map((line) => line.start), lines[closing].start);
  const entries = reader.read();
  const frontMatter: FrontMatter = { kind: 'frontMatter', span: { start: lines[0].start, end: lines[closing].end }, entries };
  return { frontMatter, nextLine: closing + 1, problems: reader.problems.sort((a, b) => a.span.start - b.span.start) };
}

function closingFence(text: string, lines: readonly Line[]): number | undefined {
  const limit = lines[0].end + MAX_FRONT_MATTER_CHARS;
  for (let n = 1; n < lines.length && lines[n].start <= limit; n++) {
    if (isFence(text, lines[n])) return n;
  }
  return undefined;
}

function isFence(text: string, line: Line): boolean {
  return line.trimEnd - line.trimStart === 3 && text.startsWith('---', line.trimStart);
}

/**
 * Where an unclosed front matter ends: before the first line that cannot be YAML (not blank, indented,
 * a comment, a list item or `key:`). The grammar's test (syntaxes/diplomatic-note.tmLanguage.json,
 * `front-matter`), so the note's text starts where its highlighting does.
 */
function endOfUnclosed(text: string, lines: readonly Line[]): number {
  let n = 1;
  while (n < lines.length && couldBeYaml(text, lines[n])) n++;
  return n;
}

function couldBeYaml(text: string, line: Line): boolean {
  if (line.start === line.end) return true;
  const first = text[line.start];
  if (first === ' ' || first === '\t' || first === '#') return true;
  if (first === '-') return line.end === line.start + 1 || text[line.start + 1] === ' ' || text[line.start + 1] === '\t';
  return startsWithKey(text, line);
}

/** `[A-Za-z_][A-Za-z0-9_-]{0,63}[ \t]{0,8}:`, as the grammar has it, without a regular expression's backtracking. */
function startsWithKey(text: string, line: Line): boolean {
  let at = line.start;
  if (!/[A-Za-z_]/.test(text[at])) return false;
  const nameEnd = Math.min(line.end, line.start + 64);
  for (at++; at < nameEnd && /[A-Za-z0-9_-]/.test(text[at]); at++);
  const spaceEnd = Math.min(line.end, at + 8);
  for (; at < spaceEnd && (text[at] === ' ' || text[at] === '\t'); at++);
  return text[at] === ':';
}

// ---------------------------------------------------------------------------------------------
// Parsing and reading the entries

type YamlNode = ParsedNode | null | undefined;

/** Reads the entries of the front matter whose YAML lines start at `lineStarts` and end at `end`. */
class EntryReader {
  readonly problems: AnalysisProblem[] = [];
  private readonly seen = new Set<string>();
  /** Where the library found the YAML broken, in order: a node holding one gets no second problem. */
  private syntaxErrors: number[] = [];
  /** The first reported alias of each line, by line index. */
  private readonly aliases = new Map<number, number>();
  private readonly offset: number;

  constructor(private readonly text: string, private readonly lineStarts: readonly number[], private readonly end: number) {
    this.offset = lineStarts[0] ?? end;
  }

  read(): FrontMatterEntry[] {
    // YAML ends lines at \n and \r\n only; a lone \r (old Mac files) becomes \n, at the same offset.
    const source = this.text.slice(this.offset, this.end).replace(/\r(?!\n)/g, '\n');
    const tokens = Array.from(new Parser().parse(source));
    const tooDeep = firstTooDeep(tokens);
    if (tooDeep !== undefined) {
      this.report(tooDeep, tooDeep + 1, message('frontMatter.too-deep'));
      return [];
    }
    const [document, ...more] = new Composer({ schema: 'failsafe', uniqueKeys: false }).compose(tokens, true);
    const errors = [...document.errors, ...document.warnings];
    this.syntaxErrors = errors.map((error) => this.offset + error.pos[0]).sort((a, b) => a - b);
    const entries = this.entriesOf(document.contents);
    const reported = new Set<number>();
    for (const error of errors) {
      // One problem per place: the library may add a second reading of the same mistake.
      if (reported.has(error.pos[0]) || this.followsAlias(this.offset + error.pos[0])) continue;
      reported.add(error.pos[0]);
      this.report(error.pos[0], error.pos[1], describe(error, source));
    }
    for (const extra of more) this.report(extra.range[0], extra.range[1], message('frontMatter.second-document'));
    return entries;
  }

  /** `title: *Urgent* reply`: the alias is reported, and what the parser makes of the rest is its echo. */
  private followsAlias(at: number): boolean {
    const alias = this.aliases.get(this.lineOf(at));
    return alias !== undefined && alias <= at;
  }

  private lineOf(offset: number): number {
    return countBelow(this.lineStarts, offset + 1, (start) => start) - 1;
  }

  private brokenWithin(start: number, end: number): boolean {
    const first = countBelow(this.syntaxErrors, start, (at) => at);
    return first < this.syntaxErrors.length && this.syntaxErrors[first] <= end;
  }

  private entriesOf(root: YamlNode): FrontMatterEntry[] {
    if (!root) return [];
    if (!isMap(root)) {
      this.reportNode(root, message('frontMatter.not-a-map'));
      return [];
    }
    const entries: FrontMatterEntry[] = [];
    for (const pair of root.items) {
      const entry = this.entryOf(pair.key as YamlNode, pair.value as YamlNode);
      if (entry) entries.push(entry);
    }
    return entries;
  }

  private entryOf(keyNode: YamlNode, valueNode: YamlNode): FrontMatterEntry | undefined {
    if (!isScalar(keyNode) || typeof keyNode.value !== 'string') {
      if (keyNode) this.reportNode(keyNode, message('frontMatter.key-not-a-name'));
      return undefined;
    }
    const key = keyNode.value;
    const keySpan = this.spanOf(keyNode);
    if (!FRONT_MATTER_KEYS.has(key)) return this.reportUnlessBroken(keySpan, unknownKeyMessage(key));
    if (this.seen.has(key)) return this.reportSpan(keySpan, message('frontMatter.key-twice', { key }));
    this.seen.add(key);
    const value = this.valueOf(key, keySpan, valueNode);
    if (!value) return undefined;
    if (key === 'language' && !LANGUAGE_NAMES.has(value.value.toLowerCase())) {
      this.reportSpan(value.valueSpan, message('frontMatter.unknown-language', { value: value.value }));
    }
    return { key, keySpan, ...value };
  }

  private valueOf(key: string, keySpan: Span, node: YamlNode): Omit<FrontMatterEntry, 'key' | 'keySpan'> | undefined {
    if (isSeq(node)) {
      if (!LIST_KEYS.has(key)) return this.reportUnlessBroken(this.spanOf(node), message('frontMatter.not-a-list', { key }));
      const items = node.items.map((item) => this.textOf(item as YamlNode)).filter((item) => item !== undefined);
      if (items.length === 0) return this.reportSpan(keySpan, message('frontMatter.no-value', { key }));
      return { value: items.map((item) => item.value).join(', '), valueSpan: this.spanOf(node), items };
    }
    if (isMap(node)) return this.reportUnlessBroken(this.spanOf(node), message('frontMatter.nested-map', { key }));
    if (isAlias(node)) return this.reportAlias(node);
    const text = this.textOf(node);
    if (text) return { value: text.value, valueSpan: text.span };
    // `title: - x`: the value is there, but broken, and the broken part is reported.
    const lineEnd = this.lineStarts[this.lineOf(keySpan.end) + 1] ?? this.end;
    if (this.brokenWithin(keySpan.end, lineEnd)) return undefined;
    return this.reportSpan(keySpan, message('frontMatter.no-value', { key }));
  }

  /** A scalar's text; an alias, an anchor or an empty value is reported (or left to the caller). */
  private textOf(node: YamlNode): FrontMatterItem | undefined {
    if (isAlias(node)) return this.reportAlias(node);
    if (!isScalar(node)) return node ? this.reportNode(node, message('frontMatter.list-item')) : undefined;
    if (node.anchor) this.reportAnchor(node);
    const value = String(node.value).trim();
    return value === '' ? undefined : { value, span: this.spanOf(node) };
  }

  private reportAlias(node: Alias.Parsed): undefined {
    const at = this.offset + node.range[0];
    const line = this.lineOf(at);
    if (!this.aliases.has(line)) this.aliases.set(line, at);
    return this.reportNode(node, message('frontMatter.alias', { alias: node.source }));
  }

  /** The library keeps an anchor out of the node's range; it is found just before the value. */
  private reportAnchor(node: ParsedNode): void {
    const valueStart = this.offset + node.range[0];
    const anchorStart = this.text.lastIndexOf(`&${node.anchor}`, valueStart);
    const start = anchorStart >= 0 ? anchorStart : valueStart;
    this.problems.push({
      span: { start, end: start + 1 + (node.anchor ?? '').length },
      ...saying(message('frontMatter.anchor', { anchor: node.anchor ?? '' })),
    });
  }

  private spanOf(node: ParsedNode): Span {
    return this.trimmed(this.offset + node.range[0], this.offset + node.range[1]);
  }

  /** The span without the trailing line breaks and spaces that block values include. */
  private trimmed(start: number, end: number): Span {
    let last = end;
    while (last > start && isWhitespace(this.text.charCodeAt(last - 1))) last--;
    return { start, end: last };
  }

  /** A wrong key or value, unless broken YAML inside it is the cause and reported already. */
  private reportUnlessBroken(span: Span, said: Message): undefined {
    if (this.brokenWithin(span.start, span.end)) return undefined;
    return this.reportSpan(span, said);
  }

  private reportNode(node: ParsedNode, said: Message): undefined {
    return this.reportSpan(this.spanOf(node), said);
  }

  private reportSpan(span: Span, said: Message): undefined {
    this.problems.push({ span, ...saying(said) });
    return undefined;
  }

  /**
   * A problem at YAML offsets. An empty or line-break position (a quote missing at the end of a line)
   * is moved onto the last character before it, where the fix goes.
   */
  private report(start: number, end: number, said: Message): void {
    let from = this.offset + start;
    if (from >= this.end || this.text[from] === '\n' || this.text[from] === '\r') {
      while (from > this.offset && isWhitespace(this.text.charCodeAt(from - 1))) from--;
      from = Math.max(this.offset, from - 1);
    }
    const span = this.trimmed(from, Math.min(this.end, this.offset + end));
    this.problems.push({ span: { start: from, end: Math.max(span.end, from + 1) }, ...saying(said) });
  }
}

/**
 * The offset of the first token nested deeper than MAX_NESTING, walked with a stack of its own: the
 * library's parser builds the tree without recursion, so any depth arrives here intact.
 */
function firstTooDeep(tokens: readonly CST.Token[]): number | undefined {
  const stack = tokens.map((token) => ({ token, depth: 0 }));
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (depth > MAX_NESTING) return token.offset;
    for (const child of childrenOf(token)) stack.push({ token: child, depth: depth + 1 });
  }
  return undefined;
}

function childrenOf(token: CST.Token): CST.Token[] {
  switch (token.type) {
    case 'document':
      return token.value ? [token.value] : [];
    case 'block-map':
    case 'block-seq':
    case 'flow-collection':
      return token.items.flatMap((item) => [item.key, item.value].filter((child): child is CST.Token => !!child));
    default:
      return [];
  }
}

/** The library's message in words for someone who writes notes rather than YAML, where it helps. */
function describe(error: YAMLError, source: string): Message {
  const quote = /^Missing closing (["'])quote$/.exec(error.message);
  if (quote) return message('frontMatter.unclosed-quote', { quote: quote[1] });
  const escape = /^Invalid escape sequence (.*)$/.exec(error.message);
  if (escape) return message('frontMatter.bad-escape', { escape: escape[1] });
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return message('frontMatter.tab-indent');
    case 'BLOCK_AS_IMPLICIT_KEY':
      return message('frontMatter.colon-in-value');
    case 'MULTILINE_IMPLICIT_KEY':
    case 'MISSING_CHAR':
      if (/^Implicit (map )?keys/.test(error.message)) return message('frontMatter.not-key-value');
      break;
    case 'TAG_RESOLVE_FAILED':
      return message('frontMatter.tag');
    case 'BAD_SCALAR_START':
      return message('frontMatter.bad-start', { character: source[error.pos[0]] });
  }
  // The library's own words, in English, name what it found.
  return message('frontMatter.invalid-yaml', { detail: error.message.replace(/[.:]$/, '') });
}

function unknownKeyMessage(key: string): Message {
  const near = nearestKey(key);
  return near ? message('frontMatter.unknown-key.near', { key, near }) : message('frontMatter.unknown-key', { key, known: [...FRONT_MATTER_KEYS] });
}

/** A known key the unknown one is a slip of: another case, `_` for `-`, or at most two letters off. */
function nearestKey(key: string): string | undefined {
  if (key.length > 32) return undefined;
  const folded = key.toLowerCase().replace(/[_ ]/g, '-');
  let best: { key: string; distance: number } | undefined;
  for (const known of FRONT_MATTER_KEYS) {
    const distance = editDistance(folded, known);
    if (distance <= 2 && (!best || distance < best.distance)) best = { key: known, distance };
  }
  return best?.key;
}

/** Levenshtein distance of two short strings (one row at a time). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
