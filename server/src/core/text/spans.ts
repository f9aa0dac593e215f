/** Lookups in lists of spanned items kept in document order (paragraphs, citations), by binary search. */
import type { Span } from '../model';

/** The item whose span holds `offset` (end excluded), in a list of items that do not overlap. */
export function itemAt<T extends { readonly span: Span }>(items: readonly T[], offset: number): T | undefined {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (items[middle].span.start <= offset) low = middle + 1;
    else high = middle;
  }
  const candidate = items[low - 1];
  return candidate && offset < candidate.span.end ? candidate : undefined;
}
