/**
 * Splits English and Chinese text into sentence units for alignment.
 *
 * English ends a sentence at `.`, `?` and `!` followed by a space (or the end) and then anything but a
 * lower-case letter, and at `;` followed by a space; a full stop ends none after the abbreviations of
 * `abbreviations.json`, single initials (`J. Smith`) or dotted initialisms (`U.N.`). Chinese ends one
 * at `。！？；` with no space needed; in Chinese text a half-width stop followed by a Han character does too.
 * Closing quotes and brackets after the mark stay with the sentence. `;`/`；` end a unit because the
 * issue counts them as such: Chinese often renders one English sentence of clauses as `；`-joined units.
 *
 * A colon ends a unit only where a line break follows it: there it introduces a list laid out line by
 * line whose items align one by one, while a colon inside a line introduces a clause that the other
 * version keeps in the same sentence, so splitting there would leave a unit with no counterpart.
 * A blank line always ends a unit.
 */
import abbreviations from './abbreviations.json';
import {
  isHanAt, isLatinLetterAt, isLowerLatinAt, isSpaceAt, isUpperLatinAt, skipSpaces,
} from '../normalise/chars';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export type SentenceLanguage = 'en' | 'zh';

const NEVER_FINAL = new Set(abbreviations.neverFinal);
const LONGEST_ABBREVIATION = 8;

/**
 * What each code unit is to the splitter, as a table: this test runs on every character of a note,
 * and `text[i]` would make a string of each Chinese one.
 */
const CHINESE_TERMINATOR = 1;
const LATIN_TERMINATOR = 2;
const CLOSER = 4;
const COLON = 8;
const MARKS = new Uint8Array(0x10000);
for (const [chars, mark] of [['。！？；｡', CHINESE_TERMINATOR], ['.?!;', LATIN_TERMINATOR], ['"\')]}»”’」』）】》〉', CLOSER], [':：', COLON]] as const) {
  for (const ch of chars) MARKS[ch.charCodeAt(0)] |= mark;
}
const TRAILER = CHINESE_TERMINATOR | LATIN_TERMINATOR | CLOSER;
const [LF, CR, TAB, SPACE, DOT, SEMICOLON] = [0x0a, 0x0d, 0x09, 0x20, 0x2e, 0x3b];

function markAt(text: string, i: number): number {
  return MARKS[text.charCodeAt(i)] ?? 0;
}

function isLineBreakAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code === LF || code === CR;
}

/** Skips further terminators (`?!`, `...`) and closing quotes or brackets after a terminator. */
function skipTrailers(text: string, i: number, end: number): number {
  let j = i;
  while (j < end && (markAt(text, j) & TRAILER) !== 0) j++;
  return j;
}

/** The word before a full stop at `dot`, with internal dots (`e.g`, `U.S`). */
function wordBefore(text: string, dot: number, floor: number): string {
  let k = dot - 1;
  while (k >= floor && dot - k <= LONGEST_ABBREVIATION && (isLatinLetterAt(text, k) || (text.charCodeAt(k) === DOT && isLatinLetterAt(text, k - 1)))) k--;
  return text.slice(k + 1, dot);
}

/** Whether the full stop at `dot` belongs to an abbreviation, an initial or an initialism. */
export function isAbbreviationDot(text: string, dot: number, floor: number): boolean {
  const word = wordBefore(text, dot, floor);
  if (word.length === 0) return false;
  if (word.length === 1 && isUpperLatinAt(word, 0)) return true;
  return NEVER_FINAL.has(word.toLowerCase()) || /^(?:[A-Za-z]\.){1,4}[A-Za-z]$/.test(word);
}

/** What follows a Latin terminator decides: a space then no lower-case letter, the end, or (in Chinese) a Han character. */
function endsAfterLatinMark(text: string, after: number, end: number, lang: SentenceLanguage): boolean {
  if (after >= end) return true;
  if (lang === 'zh' && isHanAt(text, after)) return true;
  if (!isSpaceAt(text, after)) return false;
  const next = skipSpaces(text, after, end);
  return next >= end || !isLowerLatinAt(text, next);
}

function isSpaceOrTab(code: number): boolean {
  return code === SPACE || code === TAB;
}

function colonEndsLine(text: string, i: number, end: number): boolean {
  let j = i + 1;
  while (j < end && isSpaceOrTab(text.charCodeAt(j))) j++;
  return j >= end || isLineBreakAt(text, j);
}

function isBlankLineAt(text: string, i: number, end: number): boolean {
  let j = i + 1;
  while (j < end && (isSpaceOrTab(text.charCodeAt(j)) || text.charCodeAt(j) === CR)) j++;
  return text.charCodeAt(j) === LF;
}

/** The end (exclusive) of the unit that a mark at `i` closes, or -1 when `i` closes none. */
function boundaryAt(text: string, i: number, end: number, floor: number, lang: SentenceLanguage): number {
  const code = text.charCodeAt(i);
  const mark = MARKS[code];
  if (mark === 0) return code === LF && isBlankLineAt(text, i, end) ? i : -1;
  if ((mark & CHINESE_TERMINATOR) !== 0) return skipTrailers(text, i + 1, end);
  if ((mark & COLON) !== 0) return colonEndsLine(text, i, end) ? i + 1 : -1;
  if ((mark & LATIN_TERMINATOR) === 0) return -1;
  if (code === DOT && isAbbreviationDot(text, i, floor)) return -1;
  const after = skipTrailers(text, i + 1, end);
  if (code === SEMICOLON) return after >= end || isSpaceAt(text, after) || isHanAt(text, after) ? after : -1;
  return endsAfterLatinMark(text, after, end, lang) ? after : -1;
}

function pushTrimmed(spans: Span[], text: string, start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && isSpaceAt(text, s)) s++;
  while (e > s && isSpaceAt(text, e - 1)) e--;
  if (e > s) spans.push({ start: s, end: e });
}

/** The sentence units of `text[start, end)`, in order, without surrounding white space. */
export function splitSentences(text: string, start = 0, end = text.length, lang: SentenceLanguage = 'en'): Span[] {
  const spans: Span[] = [];
  const stop = Math.min(end, text.length);
  let unitStart = Math.max(0, start);
  for (let i = unitStart; i < stop; i++) {
    const boundary = boundaryAt(text, i, stop, unitStart, lang);
    if (boundary < 0) continue;
    pushTrimmed(spans, text, unitStart, boundary);
    unitStart = boundary;
    i = Math.max(i, boundary - 1);
  }
  pushTrimmed(spans, text, unitStart, stop);
  return spans;
}
