/**
 * The string matching anchoring is built on: exact and approximate searches (approx-string-match,
 * Myers' bit-parallel algorithm, errors bounded so that each search is linear in the text), the
 * similarity of a context, and the small facts of text it checks (words, digits, blank lines).
 * Line endings converted since the annotation was made (by git or an editor) change no word, so
 * contexts are compared without their carriage returns.
 */
import approxSearch from 'approx-string-match';
import type { Span } from '../model';
import { CodePointIndex } from './codePoints';

export interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly errors: number;
}

/** At most this many errors in an approximate search: its cost grows with them (errors / 32 per character). */
const MAX_ERRORS = 64;
/** Patterns longer than this (UTF-16 units) are searched approximately by their head and tail. */
const MAX_PATTERN = 1024;

export function exactHits(text: string, quote: string, from: number, to: number): Candidate[] {
  const hits: Candidate[] = [];
  for (let at = text.indexOf(quote, from); at >= 0 && at + quote.length <= to; at = text.indexOf(quote, at + 1)) {
    hits.push({ start: at, end: at + quote.length, errors: 0 });
  }
  return hits;
}

export function errorsAllowed(pattern: string): number {
  return Math.min(MAX_ERRORS, Math.floor(pattern.length / 4));
}

/**
 * The best approximate matches of `pattern` (those with the fewest errors). A long pattern is looked
 * for by its head and its tail, each matched the same way, and the stretch between them measured.
 */
export function approximate(text: string, pattern: string, maxErrors: number): Candidate[] {
  if (pattern.length === 0 || text.length === 0) return [];
  if (pattern.length <= MAX_PATTERN) return distinct(approxSearch(text, pattern, maxErrors));
  const part = MAX_PATTERN / 2;
  const heads = approximate(text, pattern.slice(0, part), errorsAllowed(pattern.slice(0, part)));
  const tails = approximate(text, pattern.slice(-part), errorsAllowed(pattern.slice(-part)));
  return heads.flatMap((head) => {
    const tail = tails.find((t) => t.start >= head.end && Math.abs(t.end - head.start - pattern.length) <= maxErrors);
    if (!tail) return [];
    const errors = head.errors + tail.errors + middleErrors(text.slice(head.end, tail.start), pattern.slice(part, -part), maxErrors);
    return errors <= maxErrors ? [{ start: head.start, end: tail.end, errors }] : [];
  });
}

/** The stretch between a match of the text before and one of the text after (at most `longest` apart), the least erroneous pair first. */
export function between(heads: readonly Candidate[], tails: readonly Candidate[], longest: number): Candidate | undefined {
  let best: Candidate | undefined;
  for (const head of heads) {
    for (const tail of tails) {
      if (tail.start < head.end || tail.start - head.end > longest) continue;
      const errors = head.errors + tail.errors;
      if (!best || errors < best.errors) best = { start: head.end, end: tail.start, errors };
    }
  }
  return best;
}

/** Errors between the middle of a long quote and the text found between its head and tail (bounded). */
function middleErrors(found: string, expected: string, maxErrors: number): number {
  if (found === expected) return 0;
  const lengthGap = Math.abs(found.length - expected.length);
  if (lengthGap > maxErrors || found.length === 0) return maxErrors + 1;
  const [match] = approxSearch(found, expected, maxErrors);
  return match ? match.errors + Math.abs(match.end - match.start - found.length) : maxErrors + 1;
}

/** Matches ending one after another are one place with a ragged edge: the longest of each run stands for it. */
function distinct(matches: readonly Candidate[]): Candidate[] {
  const kept: Candidate[] = [];
  for (const match of matches) {
    const last = kept[kept.length - 1];
    if (last && match.start < last.end) {
      if (match.end - match.start > last.end - last.start) kept[kept.length - 1] = match;
    } else kept.push(match);
  }
  return kept;
}

export function closestTo(candidates: readonly Candidate[], offset: number): Candidate | undefined {
  let best: Candidate | undefined;
  for (const candidate of candidates) {
    if (!best || Math.abs(candidate.start - offset) < Math.abs(best.start - offset)) best = candidate;
  }
  return best;
}

/**
 * How alike the text found around a candidate is to the context recorded (1 = the same): one minus
 * the errors of the best local match over the recorded length, as Hypothesis measures it.
 */
export function similarity(found: string, recorded: string): number {
  if (found === recorded) return 1;
  // Line endings converted (by git, or an editor) change no word: carriage returns are not compared.
  const foundText = withoutCarriageReturns(found);
  const recordedText = withoutCarriageReturns(recorded);
  if (foundText.length === 0 || recordedText.length === 0) return foundText === recordedText ? 1 : 0;
  const [match] = approxSearch(foundText, recordedText, recordedText.length);
  return match ? 1 - match.errors / recordedText.length : 0;
}

/** The `length` characters before `offset`, carriage returns not counted (line endings may have been converted since). */
export function textBefore(text: string, offset: number, length: number): string {
  let at = offset;
  for (let count = 0; at > 0 && count < length; ) if (text.charCodeAt(--at) !== 0x0d) count++;
  return text.slice(at, offset);
}

export function textAfter(text: string, offset: number, length: number): string {
  let at = offset;
  for (let count = 0; at < text.length && count < length; ) if (text.charCodeAt(at++) !== 0x0d) count++;
  return text.slice(offset, at);
}

/**
 * A recorded text as written, and with its line endings converted either way: git or an editor may
 * have converted the note's since (and a note pieced together from files may mix them).
 */
export const LINE_ENDINGS: ReadonlyArray<(recorded: string) => string> = [
  (recorded) => recorded,
  (recorded) => recorded.replace(/\r\n/g, '\n'),
  (recorded) => recorded.replace(/\r?\n/g, '\r\n'),
];

/** The distinct forms of `recorded` under LINE_ENDINGS. */
export function lineEndingVariants(recorded: string): string[] {
  return recorded.includes('\n') ? [...new Set(LINE_ENDINGS.map((convert) => convert(recorded)))] : [recorded];
}

export function withoutCarriageReturns(text: string): string {
  return text.includes('\r') ? text.split('\r').join('') : text;
}

export function codePointLength(text: string): number {
  return new CodePointIndex(text).length;
}

/** Latin letters and digits run together into words; Chinese characters and punctuation do not. */
export function isWordCharacter(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0xc0 && code <= 0x24f);
}

export function digitsOf(text: string): string {
  let digits = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x30 && code <= 0x39) digits += text[i];
  }
  return digits;
}

/** `text` from its last blank line on (the blank line kept: the quote starts a paragraph). */
export function sinceBlankLine(text: string): string {
  for (let at = text.lastIndexOf('\n'); at > 0; at = text.lastIndexOf('\n', at - 1)) {
    let before = at - 1;
    while (before >= 0 && (text[before] === '\r' || text[before] === ' ' || text[before] === '\t')) before--;
    if (before >= 0 && text[before] === '\n') return text.slice(before);
  }
  return text;
}

/** `text` up to its first blank line (kept). */
export function untilBlankLine(text: string): string {
  for (let at = text.indexOf('\n'); at >= 0 && at < text.length - 1; at = text.indexOf('\n', at + 1)) {
    let after = at + 1;
    while (after < text.length && (text[after] === '\r' || text[after] === ' ' || text[after] === '\t')) after++;
    if (text[after] === '\n') return text.slice(0, after + 1);
  }
  return text;
}

export function overlap(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}
