/** Visual width and end-of-text tests shared by the recognisers. */
import { isHan, isCjkPunctuation, isWhitespace } from './script';

/** No code unit below this is a Chinese character or Chinese punctuation (see script.ts). */
const FIRST_WIDE_CODE = 0x3000;

/**
 * Width in columns: a Chinese character takes two, as on paper. Counting stops past `limit`, so
 * asking whether a long block is wider than a heading costs no more than the heading.
 */
export function displayWidth(text: string, start: number, end: number, limit = Infinity): number {
  let width = 0;
  for (let i = start; i < end && width <= limit; i++) {
    const code = text.charCodeAt(i);
    // Below U+3000 (Latin, and all but Chinese) nothing is wide: one test instead of the ranges.
    width += code >= FIRST_WIDE_CODE && (isHan(code) || isCjkPunctuation(code)) ? 2 : 1;
  }
  return width;
}

const TERMINAL = new Set([
  0x2e, 0x21, 0x3f, 0x3002, 0xff01, 0xff1f, 0xff0e, 0x2026, // . ! ? 。 ！ ？ ． …
  0x3a, 0xff1a, // : ：
]);

/** Closing quotes and brackets, which end a sentence only when the sentence ended inside them. */
const CLOSERS = new Set([0x201d, 0x2019, 0x22, 0x27, 0x29, 0xff09, 0x300d, 0x300f, 0x5d, 0x3011]);

/** The last character that is not white space, or 0 for an empty range. */
export function lastSignificantCode(text: string, start: number, end: number): number {
  for (let i = end - 1; i >= start; i--) {
    const code = text.charCodeAt(i);
    if (!isWhitespace(code)) return code;
  }
  return 0;
}

export function endsWithTerminalPunctuation(text: string, start: number, end: number): boolean {
  let at = end;
  while (at > start && isWhitespace(text.charCodeAt(at - 1))) at--;
  for (let closers = 0; closers < 3 && at > start && CLOSERS.has(text.charCodeAt(at - 1)); closers++) at--;
  return at > start && TERMINAL.has(text.charCodeAt(at - 1));
}

export function endsWithColon(text: string, start: number, end: number): boolean {
  const code = lastSignificantCode(text, start, end);
  return code === 0x3a || code === 0xff1a;
}
