/** Splitting text into lines and spotting lines that carry no content (blank, page numbers). */
import type { Span } from '../model';
import { isAsciiDigit, isWhitespace } from './script';
import { countBelow } from './spans';

export interface Line {
  /** Content of the line, without its line break. */
  readonly start: number;
  readonly end: number;
  /** Content with surrounding white space trimmed (start === end when blank). */
  readonly trimStart: number;
  readonly trimEnd: number;
}

/** Offsets at which lines start; `\r\n`, `\n` and a lone `\r` all end a line. */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  // Without any carriage return, indexOf finds each line feed far faster than a loop over the text.
  if (text.indexOf('\r') < 0) {
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a) starts.push(i + 1);
    else if (code === 0x0d) {
      if (text.charCodeAt(i + 1) === 0x0a) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

export function splitLines(text: string, lineStarts: readonly number[]): Line[] {
  const lines: Line[] = [];
  for (let n = 0; n < lineStarts.length; n++) lines.push(lineAt(text, lineStarts, n));
  return lines;
}

/** Line `n` (0-based) of the text whose line starts are given. */
export function lineAt(text: string, lineStarts: readonly number[], n: number): Line {
  const start = lineStarts[n];
  const end = n + 1 < lineStarts.length ? contentEnd(text, lineStarts[n + 1]) : text.length;
  let trimStart = start;
  let trimEnd = end;
  while (trimStart < trimEnd && isWhitespace(text.charCodeAt(trimStart))) trimStart++;
  while (trimEnd > trimStart && isWhitespace(text.charCodeAt(trimEnd - 1))) trimEnd--;
  return { start, end, trimStart, trimEnd };
}

/** The end of a line's content given the start of the next line (strips `\n`, `\r\n` or `\r`). */
function contentEnd(text: string, nextStart: number): number {
  let end = nextStart - 1;
  if (text.charCodeAt(end) === 0x0a && text.charCodeAt(end - 1) === 0x0d) end--;
  return end;
}

export function isBlank(line: Line): boolean {
  return line.trimStart === line.trimEnd;
}

/** The 0-based line holding `offset` (binary search). */
export function lineOfOffset(lineStarts: readonly number[], offset: number): number {
  return Math.max(0, countBelow(lineStarts, offset + 1, (start) => start) - 1);
}

export function trimmedSpan(line: Line): Span {
  return { start: line.trimStart, end: line.trimEnd };
}

/**
 * Page-number lines left by PDF extraction: `2`, `- 2 -`, `— 2 —`, `Page 2`, `Page 2 of 5`, `第2页`,
 * `第 2 页`, `第2页 共5页`, `2/5`. Checked by a small hand-written scanner to stay linear.
 */
export function isPageNumberLine(text: string, line: Line): boolean {
  const length = line.trimEnd - line.trimStart;
  if (length === 0 || length > 24) return false;
  const content = text.slice(line.trimStart, line.trimEnd);
  // The digit first: most short lines (names, titles, `Excellency,`) have none, and are spared the patterns.
  return hasDigit(content) && PAGE_PATTERNS.some((pattern) => pattern.test(content));
}

function hasDigit(content: string): boolean {
  for (let i = 0; i < content.length; i++) if (isAsciiDigit(content.charCodeAt(i))) return true;
  return false;
}

// Each pattern is anchored, has no nested quantifier and runs over at most 24 characters.
const PAGE_PATTERNS: readonly RegExp[] = [
  /^[-–—]?\s?\d{1,4}\s?[-–—]?$/,
  /^(?:page|p\.)\s?\d{1,4}(?:\s?(?:of|\/)\s?\d{1,4})?$/i,
  /^第\s?\d{1,4}\s?页(?:\s?[,，]?\s?共\s?\d{1,4}\s?页)?$/,
  /^\d{1,4}\s?\/\s?\d{1,4}$/,
];
