/** textDocument/selectionRange: smart select grows point → paragraph → language version → note. */
import type { Position, SelectionRange } from 'vscode-languageserver';
import type { DocumentAnalysis } from '../analysisCache';
import type { OutlineItem } from '../core/outline';
import type { Span } from '../core/model';
import { toRange } from './positions';

export function selectionRanges({ document, note, outline }: DocumentAnalysis, positions: readonly Position[]): SelectionRange[] {
  const whole: Span = { start: 0, end: note.text.length };
  return positions.map((position) => {
    const offset = document.offsetAt(position);
    let range: SelectionRange = { range: toRange(document, whole) };
    for (const span of enclosingSpans(outline, offset)) {
      if (span.start === whole.start && span.end === whole.end) continue;
      range = { range: toRange(document, span), parent: range };
    }
    return range;
  });
}

/** The spans of the outline items around `offset`, outermost first. */
function enclosingSpans(items: readonly OutlineItem[], offset: number): Span[] {
  const spans: Span[] = [];
  let level = items;
  for (;;) {
    const inside = level.find((item) => item.span.start <= offset && offset <= item.span.end);
    if (!inside) return spans;
    const previous = spans[spans.length - 1];
    if (!previous || previous.start !== inside.span.start || previous.end !== inside.span.end) spans.push(inside.span);
    level = inside.children;
  }
}
