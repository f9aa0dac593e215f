/**
 * Character tests shared by the number, date and sentence scanners. Each works on one UTF-16 unit so
 * that offsets found on folded characters are offsets into the original text (full-width forms are
 * single units, so folding them never changes a length).
 */

import { isHan } from '../text/script';

const FULL_WIDTH_FIRST = 0xff01;
const FULL_WIDTH_LAST = 0xff5e;
const FULL_TO_ASCII = 0xfee0;

/** The ASCII twin of a full-width form (`５` → `5`, `％` → `%`), else the character itself: NFKC for one unit. */
export function foldWidth(ch: string): string {
  const code = ch.charCodeAt(0);
  return code >= FULL_WIDTH_FIRST && code <= FULL_WIDTH_LAST ? String.fromCharCode(code - FULL_TO_ASCII) : ch;
}

/** The value 0–9 of an ASCII or full-width digit at `i`, or -1. */
export function digitAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0xff10 && code <= 0xff19) return code - 0xff10;
  return -1;
}

/** An ASCII or full-width digit. */
export function isDigitCode(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19);
}

/** ASCII letters only: number words and month names are ASCII, and accented letters end them. */
export function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

export function isLatinLetterAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && isAsciiLetter(text.charCodeAt(i));
}

export function isUpperLatinAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code >= 0x41 && code <= 0x5a;
}

export function isLowerLatinAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code >= 0x61 && code <= 0x7a;
}

/** A Chinese character (or 〇, a zero in dates) at `i`, by the same test as the rest of the core. */
export function isHanAt(text: string, i: number): boolean {
  return isHan(text.charCodeAt(i));
}

/** Spaces, tabs, line breaks, no-break and ideographic spaces. */
export function isSpaceAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0 ||
    code === 0x3000 || code === 0x2009 || code === 0x202f || code === 0xfeff;
}

/** White space as `String.prototype.trim` knows it (ECMAScript WhiteSpace and LineTerminator). */
function isTrimmedSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** The end of `text[start, end)` without its trailing white space: what `trimEnd` would keep. */
export function trimmedEnd(text: string, start: number, end: number): number {
  let j = end;
  while (j > start && isTrimmedSpace(text.charCodeAt(j - 1))) j--;
  return j;
}

/** The end of the run of Latin letters starting at `i` (bounded by `end`). */
export function latinWordEnd(text: string, i: number, end: number): number {
  let j = i;
  while (j < end && isAsciiLetter(text.charCodeAt(j))) j++;
  return j;
}

/** The index after the run of horizontal and vertical spaces starting at `i`. */
export function skipSpaces(text: string, i: number, end: number): number {
  let j = i;
  while (j < end && isSpaceAt(text, j)) j++;
  return j;
}

/** The index of the first non-space at or before `i - 1`, walking back no further than `start`; -1 if none. */
export function lastNonSpaceBefore(text: string, i: number, start: number): number {
  let j = i - 1;
  while (j >= start && isSpaceAt(text, j)) j--;
  return j >= start ? j : -1;
}

/**
 * Whether `text` holds `word` (lower case) at `i`, ASCII letters in either case, without making a
 * string: these tests run at every candidate number and date.
 */
function holdsAt(text: string, i: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    const code = text.charCodeAt(i + k);
    const expected = word.charCodeAt(k);
    if (code !== expected && !(isAsciiLetter(code) && (code | 0x20) === expected)) return false;
  }
  return true;
}

/** Whether `text` holds `word` at `i`, case-insensitively, ending at a word boundary. */
export function hasWordAt(text: string, i: number, word: string, end: number): boolean {
  const after = i + word.length;
  if (after > end) return false;
  return holdsAt(text, i, word) && !isLatinLetterAt(text, after);
}

/** Whether `text[start, end)` is `word` (lower case), case-insensitively. */
export function sameWordAt(text: string, start: number, end: number, word: string): boolean {
  return end - start === word.length && holdsAt(text, start, word);
}

/** After a number: the index past an English ordinal suffix (`st`, `nd`, `rd`, `th`), else `i`. */
export function skipOrdinalSuffix(text: string, i: number, end: number): number {
  for (const suffix of ['st', 'nd', 'rd', 'th']) if (hasWordAt(text, i, suffix, end)) return i + suffix.length;
  return i;
}

/** The Latin word (lower case, up to 12 letters) before `start` across spaces, not before `floor`; '' if none. */
export function previousWord(text: string, start: number, floor: number): string {
  let j = start - 1;
  while (j >= floor && text[j] === ' ') j--;
  let k = j;
  while (k >= floor && isLatinLetterAt(text, k) && j - k < 12) k--;
  return text.slice(k + 1, j + 1).toLowerCase();
}
