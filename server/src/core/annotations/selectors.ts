/**
 * The selectors that describe a span of a note: a TextQuoteSelector (the text, with text before and
 * after it) and a TextPositionSelector (code points). Hypothesis keeps 32 characters of context; a
 * note repeats its set phrases (the mission's full name in the letterhead, the opening and the
 * closing formula), often with the same 32 characters around them, so the context is lengthened
 * until quote and context occur once in the note: then a place where all of it is found again can
 * only be the annotated one, and a copy elsewhere is told apart by the context that differs.
 */
import type { Span } from '../model';
import { isHighSurrogate, isLowSurrogate, type CodePointIndex } from './codePoints';
import type { TextPositionSelector, TextQuoteSelector } from './model';

/** Code points of context kept at least, as Hypothesis keeps. */
export const CONTEXT_LENGTH = 32;
/** At most this many: a passage repeated whole is told apart by its position. */
export const MAX_CONTEXT_LENGTH = 128;

/** Both selectors of `span` (UTF-16 offsets) of `text`. */
export function selectorsOf(text: string, span: Span, index: CodePointIndex): [TextQuoteSelector, TextPositionSelector] {
  return [quoteOf(text, span), { type: 'TextPositionSelector', start: index.toCodePoint(span.start), end: index.toCodePoint(span.end) }];
}

function quoteOf(text: string, span: Span): TextQuoteSelector {
  const exact = text.slice(span.start, span.end);
  for (let length = CONTEXT_LENGTH; ; length *= 2) {
    const prefix = text.slice(backByCodePoints(text, span.start, length), span.start);
    const suffix = text.slice(span.end, forwardByCodePoints(text, span.end, length));
    if (length >= MAX_CONTEXT_LENGTH || occursOnce(text, prefix + exact + suffix)) return { type: 'TextQuoteSelector', exact, prefix, suffix };
  }
}

function occursOnce(text: string, pattern: string): boolean {
  const first = text.indexOf(pattern);
  return first >= 0 && text.indexOf(pattern, first + 1) < 0;
}

/** The offset `count` code points before `offset` (never inside a surrogate pair). */
function backByCodePoints(text: string, offset: number, count: number): number {
  let at = offset;
  for (let n = 0; n < count && at > 0; n++) {
    at--;
    if (at > 0 && isLowSurrogate(text.charCodeAt(at)) && isHighSurrogate(text.charCodeAt(at - 1))) at--;
  }
  return at;
}

function forwardByCodePoints(text: string, offset: number, count: number): number {
  let at = offset;
  for (let n = 0; n < count && at < text.length; n++) {
    at++;
    if (at < text.length && isLowSurrogate(text.charCodeAt(at)) && isHighSurrogate(text.charCodeAt(at - 1))) at++;
  }
  return at;
}
