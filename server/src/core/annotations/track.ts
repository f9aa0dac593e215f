/**
 * While a note is open, its annotations move with every edit, as the analysis spans do (the edit is
 * told as core/incremental.ts tells it: `text[start, end)` of the text before it replaced by `text`).
 * Text typed inside a span grows it, text deleted inside shrinks it; text typed at either edge stays
 * outside. An edit that removes the whole span leaves the annotation to be placed again by its quote.
 */
import type { TextChange } from '../incremental';
import type { Span } from '../model';

/** The (non-empty) span after `change`, or undefined when the change removed all of it. */
export function spanAfterChange(span: Span, change: TextChange): Span | undefined {
  const delta = change.text.length - (change.end - change.start);
  if (change.end <= span.start) return { start: span.start + delta, end: span.end + delta };
  if (change.start >= span.end) return span;
  if (change.start <= span.start && change.end >= span.end) return undefined;
  if (change.start < span.start) {
    // The edit takes the front of the span: what it inserts stays outside.
    return { start: change.start + change.text.length, end: span.end + delta };
  }
  if (change.end > span.end) return { start: span.start, end: change.start };
  return { start: span.start, end: span.end + delta };
}

/**
 * Each span after a sequence of changes, each told in the text the previous one left (as an editor
 * sends them); undefined for a span some change removed.
 */
export function spansAfterChanges(spans: readonly (Span | undefined)[], changes: readonly TextChange[]): (Span | undefined)[] {
  return spans.map((span) => changes.reduce<Span | undefined>((moved, change) => moved && spanAfterChange(moved, change), span));
}
