/**
 * The figures of a paragraph as exact keys (`n4800`, `d3-19`): what decides which paragraph of a bead
 * of several translates the other side, and which one was left untranslated, where their lengths
 * alone cannot tell (an untranslated paragraph full of figures beside a translated one).
 */
import type { Span } from '../model';
import type { Side } from './types';
import { findNumbers } from '../normalise/numbers';
import { findDatesWithRanges } from './dateRanges';

/** Number values and dates (month and day) of `span`; ranges, bare years of dates and relative dates give none. */
export function figuresIn(text: string, span: Span, language: Side): string[] {
  const dates = findDatesWithRanges(text, span);
  const numbers = findNumbers(text, span.start, span.end, language, dates)
    .filter((n) => n.max === undefined && n.kind !== 'year')
    .map((n) => `n${Number(n.value.toPrecision(12))}`);
  const days = dates.filter((d) => d.month !== undefined && d.day !== undefined).map((d) => `d${d.month}-${d.day}`);
  return [...numbers, ...days];
}

/** The figures of `figures` that `pool` holds too, each used once (multisets); `pool` keeps the rest. */
export function takeShared(figures: readonly string[], pool: Map<string, number>): number {
  let shared = 0;
  for (const figure of figures) {
    const count = pool.get(figure) ?? 0;
    if (count === 0) continue;
    pool.set(figure, count - 1);
    shared++;
  }
  return shared;
}

export function countOf(figures: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const figure of figures) counts.set(figure, (counts.get(figure) ?? 0) + 1);
  return counts;
}
