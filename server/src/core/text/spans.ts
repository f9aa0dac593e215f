/** Lookups in lists kept in document order (paragraphs, citations, glossary terms), by binary search. */
import type { Span } from '../model';

/**
 * How many of `items` have a key below `limit`, the keys (a start, an end) rising through the list:
 * the index of the first item whose key is `limit` or more.
 */
export function countBelow<T>(items: readonly T[], limit: number, keyOf: (item: T) => number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (keyOf(items[middle]) < limit) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The last item starting at `offset` or before it, whether or not its span reaches `offset`. */
export function lastStartingBy<T extends { readonly span: Span }>(items: readonly T[], offset: number): { item: T; index: number } | undefined {
  const index = countBelow(items, offset + 1, (item) => item.span.start) - 1;
  return index >= 0 ? { item: items[index], index } : undefined;
}

/** The item whose span holds `offset` (end excluded), in a list of items that do not overlap. */
export function itemAt<T extends { readonly span: Span }>(items: readonly T[], offset: number): T | undefined {
  const candidate = lastStartingBy(items, offset)?.item;
  return candidate && offset < candidate.span.end ? candidate : undefined;
}
