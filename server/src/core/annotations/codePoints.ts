/**
 * The W3C model counts positions in Unicode code points; JavaScript strings, LSP and the rest of the
 * core count UTF-16 code units. The two differ only at astral characters (𠀀, emoji), written as a
 * surrogate pair: one code point, two code units. The index lists the pairs once per text, so each
 * conversion is a binary search (a lookup of nothing for the usual text without astral characters).
 */
import { countBelow } from '../text/spans';

export class CodePointIndex {
  /** UTF-16 offset of each surrogate pair, in order. */
  private readonly pairUnits: number[] = [];
  /** Code point of each surrogate pair, in order. */
  private readonly pairCodePoints: number[] = [];

  constructor(private readonly text: string) {
    for (let i = 0; i + 1 < text.length; i++) {
      if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) {
        this.pairCodePoints.push(i - this.pairUnits.length);
        this.pairUnits.push(i);
        i++;
      }
    }
  }

  /** The text's length in code points. */
  get length(): number {
    return this.text.length - this.pairUnits.length;
  }

  /**
   * The code point at UTF-16 `offset` (clamped to the text). An offset between the two halves of a
   * pair counts as the pair's start: no code point starts there.
   */
  toCodePoint(offset: number): number {
    const unit = clamp(offset, this.text.length);
    const pairsBefore = countBelow(this.pairUnits, unit, (at) => at + 1);
    const inside = this.pairUnits[pairsBefore] + 1 === unit;
    return unit - pairsBefore - (inside ? 1 : 0);
  }

  /** The UTF-16 offset of code point `codePoint` (clamped to the text). */
  toUtf16(codePoint: number): number {
    const point = clamp(codePoint, this.length);
    return point + countBelow(this.pairCodePoints, point, (at) => at);
  }
}

function clamp(value: number, max: number): number {
  return Number.isFinite(value) ? Math.max(0, Math.min(Math.floor(value), max)) : 0;
}

export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

export function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
