/**
 * Numbered points inside a paragraph: `First, … Second, …`, `firstly, …; secondly, …`, `一是…二是…`,
 * `第一，`, `首先，…其次，…最后，`, `(a)`, `(i)`, `（一）`, `（1）`, `①`; and the paragraph's own number
 * (`1.`, `一、`). Each marker is accepted only where its boundary and its place in a sequence make
 * it a list marker, so that `article 9 (b)` or `统一是` are not taken for points.
 */
import type { Language, Point, PointStyle, Span } from '../model';
import { NO_MEMO, type Memo } from '../memo';
import { isWhitespace, isUpperLatin, isLowerLatin } from '../text/script';
import {
  CHINESE_FINAL, CHINESE_SEQUENCE, CIRCLED_DIGITS, ENGLISH_FINAL_WORDS, ENGLISH_ORDINALS,
  chineseNumeralValue, romanValue,
} from './markers';

// Tried only at the positions a marker can start (see MARKER_STARTS), with the sticky flag so that a
// failed attempt costs one position, not a search to the end.
const MARKER = new RegExp(
  [
    '(?<word>(?:[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]ifth|[Ss]ixth|[Ss]eventh|[Ee]ighth|[Nn]inth|[Tt]enth)(?:ly)?|[Ff]inally|[Ll]astly),',
    '(?<zhShi>[一二三四五六七八九十]{1,3})是',
    '第(?<zhDi>[一二三四五六七八九十]{1,3})[，,、]',
    '(?<zhSeq>首先|其次|再次|最后)[，,]',
    '[（(](?<paren>[一二三四五六七八九十]{1,3}|[a-zA-Z]|[ivxlIVXL]{1,6}|\\d{1,2})[）)]',
    '(?<circled>[①-⑳])',
  ].join('|'),
  'y',
);

/**
 * Markers that count only at the start of a line inside a paragraph, as items listed after a colon:
 * `1.`, `１．`, `2、`, `一、`, `a)`, `2)`, `•`, `▪`, `- `.
 */
const LINE_MARKER = new RegExp(
  [
    '(?<lineNum>[0-9０-９]{1,2})[.．、](?=[ \\t\\u3000]|[\\u3400-\\u9fff])',
    '(?<lineDun>[一二三四五六七八九十]{1,3})、',
    '(?<closeParen>[a-z]|\\d{1,2})[)）](?=[ \\t])',
    '(?<bullet>[•▪]|-(?=[ \\t]))',
  ].join('|'),
  'y',
);

/** The first characters of every marker above, as a table indexed by code unit (a Set is slower). */
const MARKER_STARTS = new Uint8Array(0x10000);
for (const ch of [...'FfSsTtEeNnLl一二三四五六七八九十第首其再最（(', ...CIRCLED_DIGITS]) MARKER_STARTS[ch.charCodeAt(0)] = 1;

const PARAGRAPH_NUMBER = /^(?:(?<arabic>\d{1,2})[.、．](?=[\s\u3400-\u9fff])|(?<dun>[一二三四五六七八九十]{1,3})、)/u;

type Family =
  | 'en-word' | 'zh-shi' | 'zh-seq' | 'paren-latin' | 'paren-roman' | 'paren-arabic' | 'paren-zh' | 'circled'
  | 'line-arabic' | 'line-zh' | 'bullet';

interface Candidate {
  start: number;
  end: number;
  family: Family;
  style: PointStyle;
  ordinal: number;
  isFinal: boolean;
  /** Which boundary the marker needs before it; `line` markers were found at the start of a line. */
  boundary: 'sentence' | 'clause' | 'list' | 'line';
  /** The alternative reading of `(i)`, `(v)`, `(x)`: a Roman numeral instead of a letter. */
  romanAlternative?: number;
}

const FAMILIES: readonly Family[] = [
  'en-word', 'zh-shi', 'zh-seq', 'paren-latin', 'paren-roman', 'paren-arabic', 'paren-zh', 'circled',
  'line-arabic', 'line-zh', 'bullet',
];
const FAMILY_INDEX = new Map(FAMILIES.map((family, index) => [family, index]));
const BRACKETED: readonly Family[] = [
  'paren-latin', 'paren-roman', 'paren-arabic', 'paren-zh', 'circled', 'line-arabic', 'line-zh', 'bullet',
];
const BRACKETED_INDEXES = BRACKETED.map((family) => FAMILY_INDEX.get(family) ?? 0);

/**
 * Sequence state carried from paragraph to paragraph for the lists that run across paragraphs: the
 * last ordinal of each family (0 for none), in a small array so that a copy of it is cheap to keep.
 */
export class PointSequence {
  private constructor(private readonly last: Int32Array) {}

  static start(): PointSequence {
    return new PointSequence(new Int32Array(FAMILIES.length));
  }

  copy(): PointSequence {
    // Not `slice()`: a typed array's slice is several times slower than its constructor.
    return new PointSequence(new Int32Array(this.last));
  }

  equals(other: PointSequence): boolean {
    return this.last.every((ordinal, index) => other.last[index] === ordinal);
  }

  expects(family: Family, ordinal: number): boolean {
    return ordinal === 1 || (ordinal > 1 && this.lastOrdinal(family) === ordinal - 1);
  }

  lastOrdinal(family: Family): number {
    return this.last[FAMILY_INDEX.get(family) ?? 0];
  }

  accept(family: Family, ordinal: number): void {
    this.last[FAMILY_INDEX.get(family) ?? 0] = ordinal;
  }

  /** Lists of bracketed markers do not run on into the next paragraph. */
  endParagraph(): void {
    for (const index of BRACKETED_INDEXES) this.last[index] = 0;
  }
}

/** The paragraph's own number at its very start (`1.`, `一、`), if any. */
export function findParagraphNumber(text: string, start: number, language: Language): Point | undefined {
  const head = text.slice(start, Math.min(text.length, start + 8));
  const match = PARAGRAPH_NUMBER.exec(head);
  if (!match?.groups) return undefined;
  const arabic = match.groups.arabic;
  const ordinal = arabic ? Number(arabic) : chineseNumeralValue(match.groups.dun ?? '');
  if (ordinal === 0) return undefined;
  const marker = { start, end: start + match[0].length };
  return {
    kind: 'point', language, span: { ...marker }, marker, markerText: match[0].trim(),
    style: arabic ? 'arabic' : 'zh-dun', ordinal, isFinal: false, children: [],
  };
}

/**
 * Finds the points of one paragraph made of `parts` (several when a page break split it).
 * `contentStart` skips the paragraph's own number. Runs in time linear in the paragraph.
 */
export function findPoints(
  text: string, parts: readonly Span[], contentStart: number, language: Language, sequence: PointSequence,
  memo: Memo = NO_MEMO,
): Point[] {
  const accepted: PlacedMarker[] = [];
  const families: Family[] = [];
  parts.forEach((part, partIndex) => {
    const from = Math.max(part.start, partIndex === 0 ? contentStart : part.start);
    const startsLine = partIndex > 0;
    const relative = memo.get('markers', `${startsLine ? '\n' : ''}${text.slice(from, part.end)}`, () => scanPart(text, from, part.end, from, startsLine));
    for (const found of relative) {
      const placed = place(shifted(found, from), text, parts, partIndex, from, families, sequence);
      if (placed) accepted.push(placed);
    }
  });
  sequence.endParagraph();
  const end = parts[parts.length - 1].end;
  return buildTree(text, accepted, end, language);
}

/** Marker candidates of `text[from, to)`, with offsets counted from `origin` so they can be reused after a shift. */
function scanPart(text: string, from: number, to: number, origin: number, startsLine: boolean): Candidate[] {
  const found: Candidate[] = [];
  let lineStart = startsLine;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || code === 0x0d) {
      lineStart = true;
      continue;
    }
    if (lineStart && isWhitespace(code)) continue;
    if (lineStart) {
      lineStart = false;
      const marker = lineMarkerAt(text, i, to, origin);
      if (marker) {
        found.push(marker);
        i = marker.end + origin - 1;
        continue;
      }
    }
    if (isLatinWordChar(code)) {
      // A word marker starts a word and ends in a comma: any other word is passed over whole (no
      // marker starts inside a word), without the pattern.
      const end = latinWordEnd(text, i, to);
      if (MARKER_STARTS[code] === 0 || !mayStartOrdinalWord(text, i, from) || text.charCodeAt(end) !== 0x2c) {
        i = end - 1;
        continue;
      }
    } else if (MARKER_STARTS[code] === 0) continue;
    MARKER.lastIndex = i;
    const match = MARKER.exec(text);
    if (!match || i + match[0].length > to) continue;
    const candidate = toCandidate(match, i - origin);
    if (candidate) found.push(candidate);
    i += match[0].length - 1;
  }
  return found;
}

function lineMarkerAt(text: string, at: number, to: number, origin: number): Candidate | undefined {
  LINE_MARKER.lastIndex = at;
  const match = LINE_MARKER.exec(text);
  if (!match?.groups || at + match[0].length > to) return undefined;
  const start = at - origin;
  const end = start + match[0].length;
  const { lineNum, lineDun, closeParen, bullet } = match.groups;
  if (lineNum) return numbered(start, end, 'line-arabic', 'arabic', Number(toHalfWidthDigits(lineNum)), 'line');
  if (lineDun) return numbered(start, end, 'line-zh', 'zh-dun', chineseNumeralValue(lineDun), 'line');
  if (closeParen) {
    const candidate = parenCandidate(closeParen, start, end);
    return candidate && { ...candidate, boundary: 'line' };
  }
  return bullet ? { start, end, family: 'bullet', style: 'bullet', ordinal: 0, isFinal: false, boundary: 'line' } : undefined;
}

function toHalfWidthDigits(digits: string): string {
  return digits.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/**
 * A cheap look before trying the pattern on a Latin letter: a word start, and for lower case only
 * after a colon, a semicolon or `and` (`firstly, …; secondly, …; and lastly, …`).
 */
function mayStartOrdinalWord(text: string, at: number, from: number): boolean {
  if (at > from && isLatinWordChar(text.charCodeAt(at - 1))) return false;
  if (!isLowerLatin(text.charCodeAt(at))) return true;
  let before = at - 1;
  while (before >= from && text.charCodeAt(before) === 0x20) before--;
  const code = text.charCodeAt(before);
  return code === 0x3a || code === 0x3b || code === 0xff1a || code === 0xff1b || code === 0x64 /* the d of "and" */;
}

function toCandidate(match: RegExpExecArray, start: number): Candidate | undefined {
  const groups = match.groups ?? {};
  const end = start + match[0].length;
  if (groups.word) return wordCandidate(groups.word, start, end);
  if (groups.zhShi) return numbered(start, end, 'zh-shi', 'zh-shi', chineseNumeralValue(groups.zhShi), 'clause');
  if (groups.zhDi) return numbered(start, end, 'zh-seq', 'zh-di', chineseNumeralValue(groups.zhDi), 'clause');
  if (groups.zhSeq) return sequenceCandidate(groups.zhSeq, start, end);
  if (groups.paren) return parenCandidate(groups.paren, start, end);
  if (groups.circled) return numbered(start, end, 'circled', 'circled', CIRCLED_DIGITS.indexOf(groups.circled) + 1, 'clause');
  return undefined;
}

function numbered(
  start: number, end: number, family: Family, style: PointStyle, ordinal: number, boundary: Candidate['boundary'],
): Candidate | undefined {
  return ordinal > 0 ? { start, end, family, style, ordinal, isFinal: false, boundary } : undefined;
}

function wordCandidate(word: string, start: number, end: number): Candidate | undefined {
  const lower = word.toLowerCase();
  if (ENGLISH_FINAL_WORDS.has(lower)) {
    return { start, end, family: 'en-word', style: 'final-word', ordinal: 0, isFinal: true, boundary: 'sentence' };
  }
  const stem = lower.endsWith('ly') ? lower.slice(0, -2) : lower;
  return numbered(start, end, 'en-word', 'ordinal-word', ENGLISH_ORDINALS.get(stem) ?? 0, 'sentence');
}

function sequenceCandidate(word: string, start: number, end: number): Candidate | undefined {
  if (word === CHINESE_FINAL) {
    return { start, end, family: 'zh-seq', style: 'zh-sequence', ordinal: 0, isFinal: true, boundary: 'clause' };
  }
  return numbered(start, end, 'zh-seq', 'zh-sequence', CHINESE_SEQUENCE.get(word) ?? 0, 'clause');
}

function parenCandidate(inner: string, start: number, end: number): Candidate | undefined {
  const code = inner.charCodeAt(0);
  if (code >= 0x30 && code <= 0x39) return numbered(start, end, 'paren-arabic', 'arabic-paren', Number(inner), 'list');
  if (code > 0x7f) return numbered(start, end, 'paren-zh', 'zh-paren', chineseNumeralValue(inner), 'list');
  const roman = romanValue(inner.toLowerCase());
  if (inner.length > 1) return numbered(start, end, 'paren-roman', 'roman-paren', roman, 'list');
  const letter = inner.toLowerCase().charCodeAt(0) - 0x60;
  const candidate = numbered(start, end, 'paren-latin', 'latin-paren', letter, 'list');
  if (candidate && roman > 0) candidate.romanAlternative = roman;
  return candidate;
}

/** A marker taken for a point, with what the tree of points needs of it. */
interface PlacedMarker {
  readonly start: number;
  readonly end: number;
  readonly style: PointStyle;
  readonly ordinal: number;
  readonly isFinal: boolean;
  readonly depth: number;
}

/**
 * A candidate of a part's scan (offsets from the part's start) at its place in the text. Its fields
 * are written out: spreading them is several times slower, and this runs for every candidate.
 */
function shifted(candidate: Candidate, by: number): Candidate {
  const { family, style, ordinal, isFinal, boundary, romanAlternative } = candidate;
  return { start: candidate.start + by, end: candidate.end + by, family, style, ordinal, isFinal, boundary, romanAlternative };
}

/** Decides whether a candidate is a point here, and at which depth; undefined when it is not. */
function place(
  candidate: Candidate, text: string, parts: readonly Span[], partIndex: number, from: number,
  families: Family[], sequence: PointSequence,
): PlacedMarker | undefined {
  const resolved = resolveSequence(candidate, sequence, families);
  if (!resolved) return undefined;
  const before = precedingContext(text, resolved.start, parts, partIndex, from);
  if (!boundaryHolds(resolved, before, text.charCodeAt(resolved.start), families.includes(resolved.family))) {
    return undefined;
  }
  sequence.accept(resolved.family, resolved.ordinal);
  const { start, end, style, ordinal, isFinal } = resolved;
  return { start, end, style, ordinal, isFinal, depth: nestingDepth(resolved.family, families) };
}

/** Fixes `(i)` as a letter or a Roman numeral and `Finally` to the ordinal after the last point. */
function resolveSequence(candidate: Candidate, sequence: PointSequence, families: readonly Family[]): Candidate | undefined {
  if (candidate.isFinal) {
    const last = sequence.lastOrdinal(candidate.family);
    return last > 0 ? { ...candidate, ordinal: last + 1 } : undefined;
  }
  if (candidate.family === 'bullet') return { ...candidate, ordinal: sequence.lastOrdinal('bullet') + 1 };
  if (candidate.romanAlternative !== undefined) {
    const continuesLetters =
      families.includes('paren-latin') && sequence.lastOrdinal('paren-latin') === candidate.ordinal - 1;
    if (continuesLetters) return candidate;
    const asRoman: Candidate = { ...candidate, family: 'paren-roman', style: 'roman-paren', ordinal: candidate.romanAlternative };
    return sequence.expects('paren-roman', asRoman.ordinal) ? asRoman : undefined;
  }
  return sequence.expects(candidate.family, candidate.ordinal) ? candidate : undefined;
}

interface Preceding {
  /** The nearest character before the marker that is not white space, or 0 at the paragraph start. */
  char: number;
  /** Whether only spaces/tabs separate the marker from a line break or the paragraph start. */
  atLineStart: boolean;
  /** The word right before, for `; and (c)`. */
  word: string;
}

function precedingContext(text: string, index: number, parts: readonly Span[], partIndex: number, from: number): Preceding {
  let i = index - 1;
  let atLineStart = false;
  const floor = partIndex === 0 ? from : parts[partIndex].start;
  while (i >= floor && isWhitespace(text.charCodeAt(i))) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || code === 0x0d) atLineStart = true;
    i--;
  }
  if (i < floor) {
    if (partIndex === 0) return { char: 0, atLineStart: true, word: '' };
    // A part after the first starts a line (a page break or a blank line stood before it).
    const previousEnd = parts[partIndex - 1].end;
    return { char: text.charCodeAt(previousEnd - 1), atLineStart: true, word: '' };
  }
  const wordEnd = i + 1;
  let wordStart = wordEnd;
  while (wordStart > floor && wordEnd - wordStart < 4 && isLatinWordChar(text.charCodeAt(wordStart - 1))) wordStart--;
  return { char: text.charCodeAt(i), atLineStart, word: text.slice(wordStart, wordEnd).toLowerCase() };
}

function latinWordEnd(text: string, start: number, limit: number): number {
  let end = start + 1;
  while (end < limit && isLatinWordChar(text.charCodeAt(end))) end++;
  return end;
}

/** Where isUpperLatin or isLowerLatin holds, by code unit: the scan asks it of every letter of a paragraph. */
const LATIN_WORD_CHARS = new Uint8Array(0x100);
for (let code = 0; code < 0x100; code++) if (isUpperLatin(code) || isLowerLatin(code)) LATIN_WORD_CHARS[code] = 1;

function isLatinWordChar(code: number): boolean {
  return code < 0x100 && LATIN_WORD_CHARS[code] === 1;
}

const SENTENCE_END = new Set([0x2e, 0x21, 0x3f, 0x3002, 0xff01, 0xff1f, 0x201d, 0x22]); // . ! ? 。 ！ ？ ” "
const CLAUSE_END = new Set([0x3a, 0x3b, 0xff1a, 0xff1b, 0x2014]); // : ; ： ； —
const CHINESE_CLAUSE = new Set([0xff0c, 0x3001]); // ， 、

function boundaryHolds(candidate: Candidate, before: Preceding, firstCode: number, familyActive: boolean): boolean {
  const { char } = before;
  const atStart = char === 0 || before.atLineStart;
  switch (candidate.boundary) {
    case 'sentence':
      if (atStart || SENTENCE_END.has(char)) return isUpperLatin(firstCode);
      return CLAUSE_END.has(char) || before.word === 'and';
    case 'clause':
      return atStart || SENTENCE_END.has(char) || CLAUSE_END.has(char) || CHINESE_CLAUSE.has(char) || char === 0x2c;
    case 'list':
      if (atStart || CLAUSE_END.has(char)) return true;
      if (before.word === 'and' || before.word === 'or') return true;
      return familyActive && (char === 0x2c || CHINESE_CLAUSE.has(char) || SENTENCE_END.has(char));
    case 'line':
      // Not the paragraph's own start (its number is read apart); a list opens after a colon.
      if (char === 0) return false;
      return familyActive ? true : CLAUSE_END.has(char) && (candidate.ordinal === 1 || candidate.family === 'bullet');
  }
}

const FLAT_FAMILIES: ReadonlySet<Family> = new Set(['en-word', 'zh-shi', 'zh-seq']);

/** Bracketed lists nest: `(i)` after `(a)` sits under `(a)`; returning to `(b)` closes the inner list. */
function nestingDepth(family: Family, families: Family[]): number {
  if (FLAT_FAMILIES.has(family)) {
    families.length = 0;
    families.push(family);
    return 0;
  }
  const at = families.indexOf(family);
  if (at >= 0) families.length = at + 1;
  else {
    if (families.length > 0 && FLAT_FAMILIES.has(families[families.length - 1])) families.length = 0;
    families.push(family);
  }
  return families.length - 1;
}

function buildTree(
  text: string, markers: readonly PlacedMarker[], paragraphEnd: number, language: Language,
): Point[] {
  const roots: Point[] = [];
  const stack: Array<{ depth: number; children: Point[] }> = [{ depth: -1, children: roots }];
  markers.forEach((marker, index) => {
    let end = paragraphEnd;
    for (let next = index + 1; next < markers.length; next++) {
      if (markers[next].depth <= marker.depth) {
        end = trimEnd(text, markers[next].start);
        break;
      }
    }
    const point: Point = {
      kind: 'point', language, span: { start: marker.start, end }, marker: { start: marker.start, end: marker.end },
      markerText: text.slice(marker.start, marker.end).replace(/[,，、]$/, ''), style: marker.style,
      ordinal: marker.ordinal, isFinal: marker.isFinal, children: [],
    };
    while (stack[stack.length - 1].depth >= marker.depth) stack.pop();
    stack[stack.length - 1].children.push(point);
    stack.push({ depth: marker.depth, children: point.children as Point[] });
  });
  return roots;
}

function trimEnd(text: string, end: number): number {
  let at = end;
  while (at > 0 && isWhitespace(text.charCodeAt(at - 1))) at--;
  return at;
}
