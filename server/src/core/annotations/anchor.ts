/**
 * Placing an annotation on the text of its note as it is now, as Hypothesis does: by its position
 * when the quote and its context are still there; else by an exact search of the quote, choosing
 * among the hits by prefix, suffix and distance from the expected place; else by an approximate
 * search (approx-string-match, Myers' bit-parallel algorithm, with a bounded number of errors) of the
 * quote with its context, and of the quote alone. Every candidate is scored by the similarity of
 * quote, prefix and suffix and by its distance from the expected place, and placed only above a
 * threshold: a misplaced annotation is worse than an orphan, which is kept and shown, never deleted.
 * Each search is linear in the text (the approximate one in the text times errors / 32).
 */
import approxSearch from 'approx-string-match';
import type { Span } from '../model';
import { CodePointIndex } from './codePoints';
import { positionSelectorOf, quoteSelectorOf, type SpanTarget, type TextPositionSelector, type TextQuoteSelector } from './model';

export type AnchorMethod = 'position' | 'exact' | 'fuzzy';

export type Placement =
  | { readonly status: 'anchored'; readonly span: Span; readonly method: AnchorMethod; readonly score: number }
  | { readonly status: 'orphaned'; readonly reason: OrphanReason };

export type OrphanReason =
  /** The target has neither a quote nor a position. */
  | 'no-selector'
  /** A position alone, beyond the end of the text. */
  | 'out-of-range'
  /** Nothing similar enough to the quote and its context. */
  | 'not-found';

/** Weights of the score (Hypothesis' own): the quote counts most, the position only breaks ties. */
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/**
 * The thresholds, tuned with `npm run bench:anchoring`. An exact hit needs some of its context (or a
 * quote long enough to be its own context and no other hit); an approximate one needs a quote close
 * to the original and a high score overall.
 */
export const THRESHOLDS = {
  exactContext: 0.5,
  /** Code points from which a quote found exactly once needs no context. */
  distinctiveQuote: 24,
  fuzzyQuote: 0.75,
  fuzzyScore: 0.8,
};

/** At most this many errors in an approximate search: its cost grows with them (errors / 32 per character). */
const MAX_ERRORS = 64;
/** Quotes longer than this (UTF-16 units) are searched approximately by their head and tail. */
const MAX_PATTERN = 1024;
/** How far either side of the expected place the exact quote is looked for first. */
const NEAR = 4096;

export function anchorTarget(text: string, index: CodePointIndex, target: SpanTarget): Placement {
  return anchorSelectors(text, index, quoteSelectorOf(target), positionSelectorOf(target));
}

export function anchorSelectors(text: string, index: CodePointIndex, quote?: TextQuoteSelector, position?: TextPositionSelector): Placement {
  if (!quote || quote.exact === '') return position ? byPositionAlone(index, position) : { status: 'orphaned', reason: 'no-selector' };
  const hint = position ? index.toUtf16(position.start) : undefined;
  const search = new QuoteSearch(text, quote, hint);
  return search.atPosition() ?? search.exactNear() ?? search.exact() ?? search.fuzzy() ?? { status: 'orphaned', reason: 'not-found' };
}

/** The W3C model calls a position alone brittle: it is taken as it is, while it lies inside the text. */
function byPositionAlone(index: CodePointIndex, position: TextPositionSelector): Placement {
  if (position.end > index.length) return { status: 'orphaned', reason: 'out-of-range' };
  return { status: 'anchored', span: { start: index.toUtf16(position.start), end: index.toUtf16(position.end) }, method: 'position', score: 1 };
}

interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly errors: number;
}

class QuoteSearch {
  private readonly exactText: string;
  private readonly prefix: string;
  private readonly suffix: string;

  constructor(
    private readonly text: string,
    quote: TextQuoteSelector,
    private readonly hint: number | undefined,
  ) {
    this.exactText = quote.exact;
    this.prefix = quote.prefix ?? '';
    this.suffix = quote.suffix ?? '';
  }

  /** The quote at its recorded position, with its context unchanged on both sides. */
  atPosition(): Placement | undefined {
    if (this.hint === undefined) return undefined;
    const candidate = { start: this.hint, end: this.hint + this.exactText.length, errors: 0 };
    return this.text.startsWith(this.exactText, this.hint) && this.contextIntact(candidate) ? anchored(candidate, 'position', 1) : undefined;
  }

  /** The quote near its recorded position with its context unchanged: the usual case after edits elsewhere. */
  exactNear(): Placement | undefined {
    if (this.hint === undefined) return undefined;
    const from = Math.max(0, this.hint - NEAR);
    const to = Math.min(this.text.length, this.hint + NEAR + this.exactText.length);
    const hits = exactHits(this.text, this.exactText, from, to).filter((hit) => this.contextIntact(hit));
    if (hits.length === 0) return undefined;
    const closest = hits.reduce((best, hit) => (this.distance(hit) < this.distance(best) ? hit : best));
    return anchored(closest, 'exact', this.score(closest));
  }

  exact(): Placement | undefined {
    const hits = exactHits(this.text, this.exactText, 0, this.text.length);
    if (hits.length === 0) return undefined;
    const scored = hits.map((hit) => ({ hit, context: this.contextScore(hit), score: this.score(hit) }));
    const best = scored.reduce((a, b) => (b.score > a.score ? b : a));
    const distinctive = hits.length === 1 && codePointLength(this.exactText) >= THRESHOLDS.distinctiveQuote;
    return best.context >= THRESHOLDS.exactContext || distinctive ? anchored(best.hit, 'exact', best.score) : undefined;
  }

  /** Approximate matches of the quote with its context, and of the quote alone, the best above the threshold. */
  fuzzy(): Placement | undefined {
    const candidates = [...this.withContext(), ...this.alone()];
    let best: { candidate: Candidate; score: number } | undefined;
    for (const candidate of candidates) {
      if (this.quoteScore(candidate) < THRESHOLDS.fuzzyQuote) continue;
      const score = this.score(candidate);
      if (!best || score > best.score) best = { candidate, score };
    }
    return best && best.score >= THRESHOLDS.fuzzyScore ? anchored(best.candidate, 'fuzzy', best.score) : undefined;
  }

  /** Where prefix + quote + suffix match best, the quote found again inside that stretch. */
  private withContext(): Candidate[] {
    const pattern = this.prefix + this.exactText + this.suffix;
    if (pattern.length === this.exactText.length) return [];
    return approximate(this.text, pattern, errorsAllowed(pattern)).flatMap((match) => {
      const inside = approximate(this.text.slice(match.start, match.end), this.exactText, errorsAllowed(this.exactText));
      const expected = match.start + this.prefix.length;
      const nearest = closestTo(inside.map((m) => ({ start: m.start + match.start, end: m.end + match.start, errors: m.errors })), expected);
      return nearest ? [nearest] : [];
    });
  }

  private alone(): Candidate[] {
    return approximate(this.text, this.exactText, errorsAllowed(this.exactText));
  }

  private score(candidate: Candidate): number {
    const raw = QUOTE_WEIGHT * this.quoteScore(candidate) +
      PREFIX_WEIGHT * this.prefixScore(candidate) +
      SUFFIX_WEIGHT * this.suffixScore(candidate) +
      POSITION_WEIGHT * this.positionScore(candidate);
    return raw / TOTAL_WEIGHT;
  }

  private quoteScore(candidate: Candidate): number {
    return 1 - candidate.errors / Math.max(1, this.exactText.length);
  }

  private contextScore(candidate: Candidate): number {
    return (this.prefixScore(candidate) + this.suffixScore(candidate)) / 2;
  }

  private prefixScore(candidate: Candidate): number {
    const before = this.text.slice(Math.max(0, candidate.start - this.prefix.length), candidate.start);
    return similarity(before, this.prefix);
  }

  private suffixScore(candidate: Candidate): number {
    return similarity(this.text.slice(candidate.end, candidate.end + this.suffix.length), this.suffix);
  }

  private positionScore(candidate: Candidate): number {
    return this.hint === undefined ? 1 : 1 - this.distance(candidate) / Math.max(1, this.text.length);
  }

  private distance(candidate: Candidate): number {
    return this.hint === undefined ? 0 : Math.abs(candidate.start - this.hint);
  }

  private contextIntact(candidate: Candidate): boolean {
    return this.text.endsWith(this.prefix, candidate.start) && this.text.startsWith(this.suffix, candidate.end);
  }
}

function anchored(candidate: Candidate, method: AnchorMethod, score: number): Placement {
  return { status: 'anchored', span: { start: candidate.start, end: candidate.end }, method, score };
}

function exactHits(text: string, quote: string, from: number, to: number): Candidate[] {
  const hits: Candidate[] = [];
  for (let at = text.indexOf(quote, from); at >= 0 && at + quote.length <= to; at = text.indexOf(quote, at + 1)) {
    hits.push({ start: at, end: at + quote.length, errors: 0 });
  }
  return hits;
}

function errorsAllowed(pattern: string): number {
  return Math.min(MAX_ERRORS, Math.floor(pattern.length / 4));
}

/**
 * The best approximate matches of `pattern` (those with the fewest errors). A long pattern is looked
 * for by its head and its tail, each matched the same way, and the stretch between them measured.
 */
function approximate(text: string, pattern: string, maxErrors: number): Candidate[] {
  if (pattern.length === 0 || text.length === 0) return [];
  if (pattern.length <= MAX_PATTERN) return distinct(approxSearch(text, pattern, maxErrors));
  const part = MAX_PATTERN / 2;
  const heads = approximate(text, pattern.slice(0, part), errorsAllowed(pattern.slice(0, part)));
  const tails = approximate(text, pattern.slice(-part), errorsAllowed(pattern.slice(-part)));
  return heads.flatMap((head) => {
    const tail = tails.find((t) => t.start >= head.end && Math.abs(t.end - head.start - pattern.length) <= maxErrors);
    if (!tail) return [];
    const errors = head.errors + tail.errors + middleErrors(text.slice(head.end, tail.start), pattern.slice(part, -part), maxErrors);
    return errors <= maxErrors ? [{ start: head.start, end: tail.end, errors }] : [];
  });
}

/** Errors between the middle of a long quote and the text found between its head and tail (bounded). */
function middleErrors(found: string, expected: string, maxErrors: number): number {
  if (found === expected) return 0;
  const lengthGap = Math.abs(found.length - expected.length);
  if (lengthGap > maxErrors || found.length === 0) return maxErrors + 1;
  const [match] = approxSearch(found, expected, maxErrors);
  return match ? match.errors + Math.abs(match.end - match.start - found.length) : maxErrors + 1;
}

/** Matches ending one after another are one place with a ragged edge: the longest of each run stands for it. */
function distinct(matches: readonly Candidate[]): Candidate[] {
  const kept: Candidate[] = [];
  for (const match of matches) {
    const last = kept[kept.length - 1];
    if (last && match.start < last.end) {
      if (match.end - match.start > last.end - last.start) kept[kept.length - 1] = match;
    } else kept.push(match);
  }
  return kept;
}

function closestTo(candidates: readonly Candidate[], offset: number): Candidate | undefined {
  let best: Candidate | undefined;
  for (const candidate of candidates) {
    if (!best || Math.abs(candidate.start - offset) < Math.abs(best.start - offset)) best = candidate;
  }
  return best;
}

/**
 * How alike the text found around a candidate is to the context recorded (1 = the same): one minus
 * the errors of the best local match over the recorded length, as Hypothesis measures it.
 */
function similarity(found: string, recorded: string): number {
  if (found === recorded) return 1;
  if (found.length === 0) return 0;
  const [match] = approxSearch(found, recorded, recorded.length);
  return match ? 1 - match.errors / recorded.length : 0;
}

function codePointLength(text: string): number {
  return new CodePointIndex(text).length;
}
