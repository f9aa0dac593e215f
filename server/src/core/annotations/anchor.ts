/**
 * Placing an annotation on the text of its note as it is now. As Hypothesis does: by its position
 * when the quote and its context are still there; else by its quote, every candidate scored by the
 * similarity of quote, prefix and suffix to the recorded ones and by its distance from the expected
 * place, approximate matches (approx-string-match: Myers' algorithm, errors bounded) standing for a
 * quote edited in place; placed only above a threshold. Beyond Hypothesis, for notes that repeat
 * their set phrases: the recorded context is long enough to occur once (selectors.ts), so the quote
 * found with its whole context is the annotated one however far it moved; the place where the quote
 * stood is recognised by its context even when the quote was deleted there, so that a copy of it
 * elsewhere is not taken for it; a candidate must start and end words as the quote did and keep its
 * digits. A misplaced annotation is worse than an orphan, which is kept and shown, never deleted.
 * Each search is linear in the text (an approximate one in the text times its errors / 32).
 */
import type { Span } from '../model';
import { isHighSurrogate, isLowSurrogate, type CodePointIndex } from './codePoints';
import { positionSelectorOf, quoteSelectorOf, type SpanTarget, type TextPositionSelector, type TextQuoteSelector } from './model';
import {
  approximate, between, closestTo, codePointLength, digitsOf, errorsAllowed, exactHits, isWordCharacter,
  LINE_ENDINGS, lineEndingVariants, overlap, similarity, sinceBlankLine, textAfter, textBefore, untilBlankLine, withoutCarriageReturns, type Candidate,
} from './textMatch';

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

/**
 * Weights of the score: Hypothesis' own for the quote and its context; the expected place counts
 * more than there (where Hypothesis only breaks ties with it), because notes repeat their set
 * phrases with the same context (the mission's name in the letterhead and in the text), and then
 * only the place tells the copies apart.
 */
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 40;
const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;
/** Distance (UTF-16 units) from the expected place at which the position score halves. */
const POSITION_SCALE = 512;

/**
 * The thresholds, tuned with `npm run bench:anchoring`. A candidate whose context is found whole
 * (selectors.ts makes quote and context occur once in the note) is the annotated place, however far
 * it moved. Otherwise a candidate near the expected place needs some of its context, and one further
 * away most of it: a quote deleted here and found with a similar context there is a copy, not the
 * annotated text. An approximate match also needs a quote close to the original. Two places that
 * score alike are not told apart: the annotation is left orphaned rather than put on the wrong one.
 */
export const THRESHOLDS = {
  /** Similarity of a prefix or suffix that counts as found whole: character for character (carriage returns aside). */
  fullContext: 1,
  /** Context (mean similarity of prefix and suffix) a candidate needs at the expected place … */
  nearContext: 0.55,
  /** … rising to this at nearDistance UTF-16 units from it and beyond. */
  farContext: 0.9,
  nearDistance: 512,
  /** Code points below which a quote is short: it is not looked for past the edges of its site. */
  shortQuote: 4,
  /** Share of an approximate match that must be as the quote was. */
  fuzzyQuote: 0.75,
  /** Code points from which the only exact hit of a quote needs its context on one side only. */
  distinctiveQuote: 16,
  /**
   * The only exact hit of a quote this long (code points), this near the expected place, needs only
   * this much context, when nothing marks another place as the annotated one (see `lone`).
   */
  loneQuote: 12,
  loneDistance: 256,
  loneContext: 0.45,
  /**
   * A quote moved with its paragraph (context whole on one side and up to the blank lines on the
   * other) is not made a guess by a copy of it nearer the expected place whose context is damaged on
   * both sides (below this on each), when the quote is at least movedQuote code points long.
   */
  movedQuote: 5,
  damagedSide: 0.9,
  /** Scores closer than this are a tie. */
  tie: 0.01,
} as const;

/** Characters of context next to the quote that mark where it was, and how few make a mark. */
const SITE_CONTEXT = 32;
const MIN_SITE_CONTEXT = 8;
/** The windows around the expected place searched in turn for it. */
const SITE_REACH = [256, 1024, 4096];
/** Characters next to a far hit that must be as recorded on one side for it to be judged. */
const NEIGHBOURS = 4;
/** How far either side of the expected place approximate matches are looked for. */
const NEAR = 4096;

export function anchorTarget(text: string, index: CodePointIndex, target: SpanTarget): Placement {
  return anchorSelectors(text, index, quoteSelectorOf(target), positionSelectorOf(target));
}

export function anchorSelectors(text: string, index: CodePointIndex, quote?: TextQuoteSelector, position?: TextPositionSelector): Placement {
  if (!quote || quote.exact === '') return position ? byPositionAlone(index, position) : { status: 'orphaned', reason: 'no-selector' };
  const hint = position ? index.toUtf16(position.start) : undefined;
  const search = new QuoteSearch(text, quote, hint);
  return search.atPosition() ?? search.intact() ?? search.elsewhere();
}

/** The W3C model calls a position alone brittle: it is taken as it is, while it lies inside the text. */
function byPositionAlone(index: CodePointIndex, position: TextPositionSelector): Placement {
  if (position.end > index.length) return { status: 'orphaned', reason: 'out-of-range' };
  return { status: 'anchored', span: { start: index.toUtf16(position.start), end: index.toUtf16(position.end) }, method: 'position', score: 1 };
}

interface Judged {
  readonly candidate: Candidate;
  readonly method: AnchorMethod;
  readonly score: number;
  /** On how many sides (0, 1, 2) the context is found whole next to it. */
  readonly wholeSides: number;
  /** The context found whole within the quote's paragraph (and not beyond it). */
  readonly wholeParagraph: boolean;
  readonly acceptable: boolean;
}

class QuoteSearch {
  private readonly exactText: string;
  private readonly prefix: string;
  private readonly suffix: string;
  /** The context within the quote's paragraph: a paragraph moves whole, and what lay beyond its blank lines stays behind. */
  private readonly paragraphPrefix: string;
  private readonly paragraphSuffix: string;
  /** A quote of a few characters is found all over a note, inside other words too. */
  private readonly short: boolean;
  private readonly quoteDigits: string;
  /** Their lengths without carriage returns: what is compared. */
  private readonly prefixLength: number;
  private readonly suffixLength: number;

  constructor(
    private readonly text: string,
    quote: TextQuoteSelector,
    private readonly hint: number | undefined,
  ) {
    this.exactText = quote.exact;
    this.prefix = quote.prefix ?? '';
    this.suffix = quote.suffix ?? '';
    this.paragraphPrefix = sinceBlankLine(this.prefix);
    this.paragraphSuffix = untilBlankLine(this.suffix);
    this.short = codePointLength(this.exactText) < THRESHOLDS.shortQuote;
    this.quoteDigits = digitsOf(this.exactText);
    this.prefixLength = withoutCarriageReturns(this.prefix).length;
    this.suffixLength = withoutCarriageReturns(this.suffix).length;
  }

  /** The quote at its recorded position, with its context unchanged on both sides. */
  atPosition(): Placement | undefined {
    if (this.hint === undefined) return undefined;
    const candidate = { start: this.hint, end: this.hint + this.exactText.length, errors: 0 };
    return this.text.startsWith(this.exactText, this.hint) && this.contextIntact(candidate) ? this.placed(candidate, 'position', 1) : undefined;
  }

  /**
   * The usual case after edits elsewhere: the quote with its whole context, as recorded (which
   * occurred once in the note when the annotation was made), nearest its recorded position.
   */
  intact(): Placement | undefined {
    const from = this.hint ?? 0;
    const hits = LINE_ENDINGS.flatMap((convert) => {
      const [prefix, quote, suffix] = [convert(this.prefix), convert(this.exactText), convert(this.suffix)];
      const whole = prefix + quote + suffix;
      return [this.text.indexOf(whole, from), this.text.lastIndexOf(whole, from)]
        .filter((at) => at >= 0)
        .map((at) => ({ start: at + prefix.length, end: at + prefix.length + quote.length, errors: 0 }));
    });
    const nearest = closestTo(hits, from);
    return nearest && this.placed(nearest, 'exact', this.judged(nearest, 'exact').score);
  }

  /**
   * The quote moved, or the text around it changed. Where the text just before and just after it
   * are still found side by side near the expected place (its *site*) but the quote is no longer
   * between them, it was deleted or rewritten there: the annotation goes on what replaced it when
   * that is close to the quote, and is orphaned otherwise; a copy of the quote elsewhere is never
   * taken for it. Else the best of every exact hit and of the approximate matches is taken; the
   * quote found at its site only when no candidate would do (the site may be a copy's).
   */
  elsewhere(): Placement {
    const site = this.site();
    const quoteAtSite = site && this.exactAt(site);
    if (site && !quoteAtSite) return this.rewrittenAt(site);
    const best = this.best();
    if (best && best !== 'tie') return this.placed(best.candidate, best.method, best.score);
    if (quoteAtSite && best === undefined) return this.placed(quoteAtSite, 'exact', this.judged(quoteAtSite, 'exact').score);
    return { status: 'orphaned', reason: 'not-found' };
  }

  /**
   * What replaced the quote at its site, if close enough to it: the whole site counts (what it holds
   * besides the quote are errors too), and the annotation goes on the stretch most like the quote.
   */
  private rewrittenAt(site: Candidate): Placement {
    const gap = this.text.slice(site.start, site.end);
    const [match] = approximate(gap, this.exactText, this.exactText.length);
    const errors = match ? match.errors + gap.length - (match.end - match.start) : this.exactText.length;
    if (!match || this.quoteScore({ ...site, errors }) < THRESHOLDS.fuzzyQuote) return { status: 'orphaned', reason: 'not-found' };
    const candidate = { start: site.start + match.start, end: site.start + match.end, errors: match.errors };
    return this.placed(candidate, 'fuzzy', this.judged(candidate, 'fuzzy').score);
  }

  /**
   * The quote found exactly at the site: between the matches of its context, or, since the edges of
   * approximate matches are ragged by as many characters as they have errors, just past them.
   */
  private exactAt(site: Candidate): Candidate | undefined {
    const gap = this.text.slice(site.start, site.end);
    const inside = gap.indexOf(this.exactText);
    if (inside >= 0) return { start: site.start + inside, end: site.start + inside + this.exactText.length, errors: 0 };
    if (this.short) return undefined;
    const from = Math.max(0, site.start - site.errors);
    const hits = exactHits(this.text, this.exactText, from, site.end + site.errors);
    return closestTo(hits, site.start);
  }

  /**
   * The place nearest the expected one where the text before and after the quote are found side by
   * side: in a small window first, then wider ones (an approximate search reports only the best
   * matches of its window, and a copy of the context with no edit would hide the edited original).
   */
  private site(): (Span & { readonly errors: number }) | undefined {
    if (this.hint === undefined) return undefined;
    const before = this.prefix.slice(-SITE_CONTEXT);
    const after = this.suffix.slice(0, SITE_CONTEXT);
    if (before.length < MIN_SITE_CONTEXT || after.length < MIN_SITE_CONTEXT) return undefined;
    for (const reach of SITE_REACH) {
      const window = this.around(reach);
      const text = this.text.slice(window.start, window.end);
      const site = between(approximate(text, before, errorsAllowed(before)), approximate(text, after, errorsAllowed(after)), 2 * this.exactText.length + MIN_SITE_CONTEXT);
      if (site) return { start: site.start + window.start, end: site.end + window.start, errors: site.errors };
    }
    return undefined;
  }

  /**
   * Every exact hit, and the approximate matches near the expected place (the quote edited where it
   * was). Approximate matches far away are not looked for: a quote both edited and moved is rare, and
   * the search would cost a pass over the text for every annotation.
   */
  private best(): Judged | 'tie' | undefined {
    const hits = lineEndingVariants(this.exactText).flatMap((quote) => exactHits(this.text, quote, 0, this.text.length));
    const distinctive = hits.length === 1 && codePointLength(this.exactText) >= THRESHOLDS.distinctiveQuote;
    const fuzzy = this.fuzzyIn(this.hint === undefined ? { start: 0, end: this.text.length } : this.near());
    const lone = hits.length === 1 && this.lone(hits[0], fuzzy);
    const exact = hits.filter((hit) => this.worthJudging(hit)).map((hit) => this.judged(hit, 'exact', { distinctive, lone }));
    return this.choose([...exact, ...fuzzy]);
  }

  /**
   * Whether the only exact hit of a long quote, near the expected place, may be taken with little of
   * its context (the text around it was reworded or cut): not when an approximate match lies nearer
   * (the quote edited where it stood), nor when the recorded prefix or suffix is found whole elsewhere
   * nearby (where the quote stood, deleted since: the hit is a copy).
   */
  private lone(hit: Candidate, fuzzy: readonly Judged[]): boolean {
    if (codePointLength(this.exactText) < THRESHOLDS.loneQuote || this.hint === undefined) return false;
    if (this.distance(hit) > THRESHOLDS.loneDistance || fuzzy.some((match) => this.distance(match.candidate) < this.distance(hit))) return false;
    const window = this.near();
    const nearby = this.text.slice(window.start, window.end);
    const placesOf = (context: string): Candidate[] => (context === '' ? [] : lineEndingVariants(context)
      .flatMap((variant) => exactHits(nearby, variant, 0, nearby.length))
      .map((at) => ({ ...at, start: at.start + window.start, end: at.end + window.start })));
    return placesOf(this.prefix).every((at) => at.end === hit.start) && placesOf(this.suffix).every((at) => at.start === hit.end);
  }

  /**
   * A hit far from the expected place is judged only when a few characters next to it are as
   * recorded: a frequent word has thousands of hits in a long note, and one with neither neighbour
   * right could not reach the context it needs there.
   */
  private worthJudging(hit: Candidate): boolean {
    if (this.distance(hit) <= NEAR) return true;
    const before = this.prefix.slice(-NEIGHBOURS);
    const after = this.suffix.slice(0, NEIGHBOURS);
    return this.text.endsWith(before, hit.start) || this.text.startsWith(after, hit.end);
  }

  /** The best acceptable candidate: a whole context first (the nearest), else the best score; 'tie' when two places score alike. */
  private choose(candidates: readonly Judged[]): Judged | 'tie' | undefined {
    const acceptable = candidates.filter((c) => c.acceptable);
    const whole = acceptable.filter((c) => c.wholeSides === 2);
    if (whole.length > 0) return whole.reduce((best, c) => (this.distance(c.candidate) < this.distance(best.candidate) ? c : best));
    const [best] = acceptable.sort((a, b) => Number(b.wholeParagraph) - Number(a.wholeParagraph) || b.score - a.score);
    if (!best) return undefined;
    // Another place that scores about as well, whether or not it would do, makes the choice a guess.
    const rival = candidates.some((other) => !overlap(other.candidate, best.candidate) && best.score - other.score < THRESHOLDS.tie && !this.outweighs(best, other));
    return rival ? 'tie' : best;
  }

  /**
   * A quote found with its paragraph's context (moved with it) outweighs a copy nearer the expected
   * place whose context is damaged on both sides: that copy only scores for being near.
   */
  private outweighs(moved: Judged, other: Judged): boolean {
    if (!moved.wholeParagraph || moved.wholeSides === 0 || codePointLength(this.exactText) < THRESHOLDS.movedQuote) return false;
    if (other.acceptable || other.wholeSides > 0 || other.wholeParagraph) return false;
    return Math.max(this.prefixScore(other.candidate), this.suffixScore(other.candidate)) < THRESHOLDS.damagedSide;
  }

  /**
   * `distinctive`: the only exact hit of a long quote, which needs its context whole on one side only
   * (a paragraph moved); `lone`: the only exact hit of a long quote near the expected place, which
   * needs little of its context (see `lone()`).
   */
  private judged(candidate: Candidate, method: AnchorMethod, { distinctive = false, lone = false } = {}): Judged {
    const prefix = this.prefixScore(candidate);
    const suffix = this.suffixScore(candidate);
    const context = (prefix + suffix) / 2;
    const quote = this.quoteScore(candidate);
    const wholeSides = (prefix >= THRESHOLDS.fullContext ? 1 : 0) + (suffix >= THRESHOLDS.fullContext ? 1 : 0);
    const wholeParagraph = this.wholeParagraphContext(candidate);
    const closeEnough = method === 'exact' || (quote >= THRESHOLDS.fuzzyQuote && this.sameDigits(candidate));
    const acceptable = closeEnough && this.sameWordEdges(candidate) &&
      (wholeSides === 2 || (distinctive && wholeSides === 1) || wholeParagraph || context >= this.contextNeeded(candidate) ||
        (lone && context >= THRESHOLDS.loneContext));
    const raw = QUOTE_WEIGHT * quote + PREFIX_WEIGHT * prefix + SUFFIX_WEIGHT * suffix + POSITION_WEIGHT * this.positionScore(candidate);
    return { candidate, method, score: raw / TOTAL_WEIGHT, wholeSides, wholeParagraph, acceptable };
  }

  private near(): Span {
    return this.around(NEAR);
  }

  private around(reach: number): Span {
    const hint = this.hint ?? 0;
    return { start: Math.max(0, hint - reach), end: Math.min(this.text.length, hint + reach + this.exactText.length) };
  }

  /** Approximate matches inside `window`: of the quote with its context, and of the quote alone. */
  private fuzzyIn(window: Span): Judged[] {
    const text = this.text.slice(window.start, window.end);
    const shift = (c: Candidate) => ({ start: c.start + window.start, end: c.end + window.start, errors: c.errors });
    return [...this.withContext(text), ...approximate(text, this.exactText, errorsAllowed(this.exactText))]
      .filter((c) => c.errors > 0)
      .map((c) => this.judged(shift(c), 'fuzzy'));
  }

  /** Where prefix + quote + suffix match best in `text`, the quote found again inside that stretch. */
  private withContext(text: string): Candidate[] {
    const pattern = this.prefix + this.exactText + this.suffix;
    if (pattern.length === this.exactText.length) return [];
    return approximate(text, pattern, errorsAllowed(pattern)).flatMap((match) => {
      const inside = approximate(text.slice(match.start, match.end), this.exactText, errorsAllowed(this.exactText));
      const expected = match.start + this.prefix.length;
      const nearest = closestTo(inside.map((m) => ({ start: m.start + match.start, end: m.end + match.start, errors: m.errors })), expected);
      return nearest ? [nearest] : [];
    });
  }

  private quoteScore(candidate: Candidate): number {
    return 1 - candidate.errors / Math.max(1, this.exactText.length);
  }

  private prefixScore(candidate: Candidate): number {
    return similarity(textBefore(this.text, candidate.start, this.prefixLength), this.prefix);
  }

  private suffixScore(candidate: Candidate): number {
    return similarity(textAfter(this.text, candidate.end, this.suffixLength), this.suffix);
  }

  /** An approximate match must keep the quote's digits: `AL TLR 5/2025` is another communication than `AL TLR 7/2025`. */
  private sameDigits(candidate: Candidate): boolean {
    return digitsOf(this.text.slice(candidate.start, candidate.end)) === this.quoteDigits;
  }

  /**
   * Whether the candidate starts and ends a word where the quote did: `20` selected in `Beijing, 20
   * March` is not the `20` of `2026`, nor `on` the end of `information`.
   */
  private sameWordEdges(candidate: Candidate): boolean {
    const startsWord = (before: number) => !(isWordCharacter(before) && isWordCharacter(this.exactText.charCodeAt(0)));
    const endsWord = (after: number) => !(isWordCharacter(after) && isWordCharacter(this.exactText.charCodeAt(this.exactText.length - 1)));
    return startsWord(this.prefix.charCodeAt(this.prefix.length - 1)) === startsWord(this.text.charCodeAt(candidate.start - 1)) &&
      endsWord(this.suffix.charCodeAt(0)) === endsWord(this.text.charCodeAt(candidate.end));
  }

  /** The context found as it was up to the blank lines around the quote, where that is not the whole context: the quote's paragraph moved. */
  private wholeParagraphContext(candidate: Candidate): boolean {
    if (this.paragraphPrefix === this.prefix && this.paragraphSuffix === this.suffix) return false;
    const before = textBefore(this.text, candidate.start, withoutCarriageReturns(this.paragraphPrefix).length);
    const after = textAfter(this.text, candidate.end, withoutCarriageReturns(this.paragraphSuffix).length);
    return similarity(before, this.paragraphPrefix) === 1 && similarity(after, this.paragraphSuffix) === 1;
  }

  /** The context a candidate needs: some of it at the expected place, more the further away it is. */
  private contextNeeded(candidate: Candidate): number {
    const far = Math.min(1, this.distance(candidate) / THRESHOLDS.nearDistance);
    return THRESHOLDS.nearContext + (THRESHOLDS.farContext - THRESHOLDS.nearContext) * far;
  }

  /** 1 at the expected place, ½ at POSITION_SCALE from it, falling towards 0 further away. */
  private positionScore(candidate: Candidate): number {
    return this.hint === undefined ? 1 : 1 / (1 + this.distance(candidate) / POSITION_SCALE);
  }

  private distance(candidate: Candidate): number {
    return this.hint === undefined ? 0 : Math.abs(candidate.start - this.hint);
  }

  private contextIntact(candidate: Candidate): boolean {
    return this.text.endsWith(this.prefix, candidate.start) && this.text.startsWith(this.suffix, candidate.end);
  }

  /** A placement on whole characters: an approximate match may end between the halves of a surrogate pair. */
  private placed(candidate: Candidate, method: AnchorMethod, score: number): Placement {
    const inPair = (at: number) => at > 0 && isHighSurrogate(this.text.charCodeAt(at - 1)) && isLowSurrogate(this.text.charCodeAt(at));
    const start = inPair(candidate.start) ? candidate.start - 1 : candidate.start;
    const end = inPair(candidate.end) ? candidate.end + 1 : candidate.end;
    return { status: 'anchored', span: { start, end }, method, score };
  }
}

