/** Visual width and end-of-text tests shared by the recognisers. */
import { isHan, isCjkPunctuation, isWhitespace } from './script';

/** Width in columns: a Chinese character takes two, as on paper. */
export function displayWidth(text: string, start: number, end: number): number {
  let width = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    width += isHan(code) || isCjkPunctuation(code) ? 2 : 1;
  }
  return width;
}

const TERMINAL = new Set([
  0x2e, 0x21, 0x3f, 0x3002, 0xff01, 0xff1f, 0xff0e, 0x2026, // . ! ? 。 ！ ？ ． …
  0x3a, 0xff1a, // : ：
  0x201d, 0x22, 0x29, 0xff09, 0x300d, 0x300f, 0x5d, // closing quotes and brackets after a full stop
]);

/** The last character that is not white space, or 0 for an empty range. */
export function lastSignificantCode(text: string, start: number, end: number): number {
  for (let i = end - 1; i >= start; i--) {
    const code = text.charCodeAt(i);
    if (!isWhitespace(code)) return code;
  }
  return 0;
}

export function endsWithTerminalPunctuation(text: string, start: number, end: number): boolean {
  return TERMINAL.has(lastSignificantCode(text, start, end));
}

export function endsWithColon(text: string, start: number, end: number): boolean {
  const code = lastSignificantCode(text, start, end);
  return code === 0x3a || code === 0xff1a;
}
