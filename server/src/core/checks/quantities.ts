/**
 * Numbers and dates that a translation must carry over unchanged. Mentions are matched as multisets,
 * first inside each aligned sentence pair, then what is left over across the whole paragraph pair, so
 * a sentence the aligner split differently on each side still finds its figures.
 *
 * Linear whatever the text: a table whose figures differ leaves hundreds of mentions on each side, so
 * a finding lists only the first few of the other side's, and many left over on one side of a paragraph
 * make one finding; matching never walks again over mentions already paired.
 */
import type { Span } from '../model';
import type { ParagraphPair } from '../noteAlignment';
import { countBelow } from '../text/spans';
import { datesAgree, type DateMention } from '../normalise/dates';
import { findDatesWithRanges } from './dateRanges';
import { findNumbers, numbersAgree, type NumberMention } from '../normalise/numbers';
import { convertedAmount, currenciesOf, hasDigit, hiddenSmallNumbers } from './excuses';
import { DEFAULT_SEVERITY, sideName, type Finding, type RelatedSpan, type Side } from './types';

interface Quantity<M extends Span> {
  readonly code: 'number-mismatch' | 'date-mismatch';
  readonly noun: string;
  find(text: string, span: Span, side: Side, ignored: readonly Span[]): M[];
  agree(a: M, b: M): boolean;
  /** Mentions with the same key are tried against each other first; `undefined` means try all. */
  key(mention: M): string | undefined;
  /**
   * Whether a mention left without partner is nonetheless no error (see excuses.ts), given what the
   * other side left over and its paragraph; made once per side of a paragraph pair.
   */
  excuse(otherText: string, otherLeft: readonly M[], otherParagraph: () => string): (text: string, mention: M) => boolean;
}

export interface SideText {
  readonly text: string;
  /** Spans whose digits are not quantities: cited communications, the own reference. */
  readonly ignored: readonly Span[];
}

function inside(span: Span, spans: readonly Span[]): boolean {
  return spans.some((s) => span.start >= s.start && span.end <= s.end);
}

/**
 * Whether `span` overlaps one of `spans`, which are sorted by start (see `ignoredSpans`). A binary
 * search keeps this logarithmic: a note has as many ignored spans as it has numbers.
 */
function overlaps(span: Span, spans: readonly Span[]): boolean {
  const low = countBelow(spans, span.end, (s) => s.start);
  // Spans starting before `span` ends; the ignored spans rarely nest, so the few nearest decide.
  for (let i = low - 1; i >= 0 && i >= low - 4; i--) if (spans[i].end > span.start) return true;
  return false;
}

/**
 * Numbers that need a counterpart: not years of dates, not ordinals (`First` marks a point), not
 * digits of a reference, and not `a`/`一家`/`两国` (one or two spelled out, which translators render
 * as an article or as `bilateral`).
 */
function countedNumbers(text: string, span: Span, side: Side, ignored: readonly Span[]): NumberMention[] {
  const dates = findDatesWithRanges(text, span);
  return findNumbers(text, span.start, span.end, side, dates.filter((d) => d.month !== undefined)).filter((n) =>
    n.kind !== 'ordinal' && !inside(n, dates) && !overlaps(n, ignored)
    && !(n.max === undefined && n.value <= 2 && !hasDigit(text.slice(n.start, n.end))));
}

const NUMBERS: Quantity<NumberMention> = {
  code: 'number-mismatch',
  noun: 'number',
  find: countedNumbers,
  agree: numbersAgree,
  excuse: (otherText, otherLeft, otherParagraph) => {
    const otherCurrencies = currenciesOf(otherText, otherLeft);
    const hidden = hiddenSmallNumbers(otherParagraph);
    return (text, n) => convertedAmount(text, n, otherCurrencies) || hidden(text, n);
  },
  key: (n) => (n.max === undefined ? `${n.kind === 'percent' || n.kind === 'percentage-point' ? 'p' : 'n'}${Number(n.value.toPrecision(12))}` : undefined),
};

const DATES: Quantity<DateMention> = {
  code: 'date-mismatch',
  noun: 'date',
  find: (text, span, _side, ignored) => findDatesWithRanges(text, span).filter((d) => !overlaps(d, ignored)),
  agree: datesAgree,
  excuse: () => () => false,
  key: (d) => `${d.month ?? ''}-${d.day ?? ''}`,
};

/** How many mentions that do not agree one partner search tries before it gives up: a bound, so that matching stays linear. */
const MAX_TRIES = 100;

/**
 * A list of mentions in text order of which some are gone (paired already, no longer in `present`).
 * `find` goes straight past the gone ones: each run of them is walked once, then skipped by a pointer.
 */
class Remaining<M> {
  /** skip[i] > i: every item from i up to skip[i] is gone. */
  private readonly skip: Int32Array;

  constructor(private readonly items: readonly M[], private readonly present: ReadonlySet<M>) {
    this.skip = new Int32Array(items.length);
  }

  /** The first item still present that `agrees`, among the first MAX_TRIES present ones. */
  find(agrees: (item: M) => boolean): M | undefined {
    for (let i = this.firstPresent(0), tries = 0; i < this.items.length && tries < MAX_TRIES; i = this.firstPresent(i + 1), tries++) {
      if (agrees(this.items[i])) return this.items[i];
    }
    return undefined;
  }

  private next(i: number): number {
    return Math.max(i + 1, this.skip[i]);
  }

  private firstPresent(from: number): number {
    let i = from;
    while (i < this.items.length && !this.present.has(this.items[i])) i = this.next(i);
    for (let k = from; k < i; ) {
      const next = this.next(k);
      this.skip[k] = i;
      k = next;
    }
    return i;
  }
}

/**
 * Removes from both sets the mentions that agree: each English mention takes the first Chinese one
 * in text order that agrees, among those with the same key, else among those without a key (or
 * among all when the English one has no key).
 */
function matchAway<M extends Span>(quantity: Quantity<M>, en: Set<M>, zh: Set<M>): void {
  const byKey = new Map<string, M[]>();
  const loose: M[] = [];
  for (const mention of zh) {
    const key = quantity.key(mention);
    if (key === undefined) loose.push(mention);
    else if (byKey.has(key)) byKey.get(key)?.push(mention);
    else byKey.set(key, [mention]);
  }
  const buckets = new Map<string, Remaining<M>>();
  for (const [key, list] of byKey) buckets.set(key, new Remaining(list, zh));
  const remainingLoose = new Remaining(loose, zh);
  let remainingAll: Remaining<M> | undefined;
  for (const mention of en) {
    const agrees = (other: M) => quantity.agree(mention, other);
    const key = quantity.key(mention);
    const partner = key === undefined
      ? (remainingAll ??= new Remaining([...zh], zh)).find(agrees)
      : buckets.get(key)?.find(agrees) ?? remainingLoose.find(agrees);
    if (!partner) continue;
    en.delete(mention);
    zh.delete(partner);
  }
}

function joined(text: string, spans: readonly Span[]): string {
  return spans.map((span) => text.slice(span.start, span.end)).join('\n');
}

function quote(text: string, span: Span): string {
  return `"${text.slice(span.start, span.end)}"`;
}

/** What one finding lists of several mentions: the first few, then how many more. */
const MAX_LISTED = 5;
/** Above this many mentions left over on one side of a paragraph pair, they make one finding. */
const MAX_SEPARATE_FINDINGS = 3;

/** `"1", "2", "3", "4", "5" and 7 more`. */
function listed(text: string, mentions: readonly Span[]): string {
  const first = mentions.slice(0, MAX_LISTED).map((m) => quote(text, m)).join(', ');
  return mentions.length > MAX_LISTED ? `${first} and ${mentions.length - MAX_LISTED} more` : first;
}

/** The units compared first: the sentence pairs, or the paragraph itself when it was not split. */
function unitsOf(pair: ParagraphPair): readonly { en: readonly Span[]; zh: readonly Span[] }[] {
  return pair.sentences.length > 0 ? pair.sentences : [pair];
}

/** The mentions of one side of a pair left without partner, and the text they are in. */
interface LeftOver<M extends Span> {
  readonly side: Side;
  readonly text: string;
  readonly mentions: readonly M[];
  /** The spans of the paragraph (pair.en or pair.zh). */
  readonly paragraph: readonly Span[];
}

function checkPair<M extends Span>(quantity: Quantity<M>, pair: ParagraphPair, en: SideText, zh: SideText): Finding[] {
  const enLeft = new Set<M>();
  const zhLeft = new Set<M>();
  for (const unit of unitsOf(pair)) {
    const enHere = new Set(unit.en.flatMap((span) => quantity.find(en.text, span, 'en', en.ignored)));
    const zhHere = new Set(unit.zh.flatMap((span) => quantity.find(zh.text, span, 'zh', zh.ignored)));
    matchAway(quantity, enHere, zhHere);
    for (const m of enHere) enLeft.add(m);
    for (const m of zhHere) zhLeft.add(m);
  }
  matchAway(quantity, enLeft, zhLeft);
  const enOver: LeftOver<M> = { side: 'en', text: en.text, mentions: [...enLeft], paragraph: pair.en };
  const zhOver: LeftOver<M> = { side: 'zh', text: zh.text, mentions: [...zhLeft], paragraph: pair.zh };
  return [...sideFindings(quantity, enOver, zhOver), ...sideFindings(quantity, zhOver, enOver)];
}

/** The findings of the mentions `mine` left over that no excuse covers: one each, or one for them all when many. */
function sideFindings<M extends Span>(quantity: Quantity<M>, mine: LeftOver<M>, others: LeftOver<M>): Finding[] {
  const excused = quantity.excuse(others.text, others.mentions, () => joined(others.text, others.paragraph));
  const unexcused = mine.mentions.filter((m) => !excused(mine.text, m));
  if (unexcused.length <= MAX_SEPARATE_FINDINGS) return unexcused.map((m) => finding(quantity, m, mine, others));
  return [manyFinding(quantity, { ...mine, mentions: unexcused }, others)];
}

/** Where the other side's mentions are, the first few of them; or its paragraph when it has none left. */
function otherRelated(others: LeftOver<Span>): RelatedSpan[] {
  const name = sideName(others.side);
  return others.mentions.length > 0
    ? others.mentions.slice(0, MAX_LISTED).map((o) => ({ side: others.side, span: { start: o.start, end: o.end }, message: `${name}: ${quote(others.text, o)}` }))
    : others.paragraph.map((span) => ({ side: others.side, span, message: `The aligned ${name} paragraph` }));
}

function finding<M extends Span>(quantity: Quantity<M>, mention: M, mine: LeftOver<M>, others: LeftOver<M>): Finding {
  const message = `The ${quantity.noun} ${quote(mine.text, mention)} in the ${sideName(mine.side)} version has no equal in the aligned ${sideName(others.side)} text`
    + (others.mentions.length > 0 ? `, which has ${listed(others.text, others.mentions)}.` : '.');
  return {
    code: quantity.code, severity: DEFAULT_SEVERITY[quantity.code], side: mine.side, span: { start: mention.start, end: mention.end },
    message, related: otherRelated(others),
  };
}

/** One finding, at the first of them, for many mentions left over on one side of a paragraph pair. */
function manyFinding<M extends Span>(quantity: Quantity<M>, mine: LeftOver<M>, others: LeftOver<M>): Finding {
  const [first, ...rest] = mine.mentions;
  const message = `${mine.mentions.length} ${quantity.noun}s of this ${sideName(mine.side)} paragraph have no equal in the aligned ${sideName(others.side)} text: `
    + listed(mine.text, mine.mentions)
    + (others.mentions.length > 0 ? `; the ${sideName(others.side)} text has ${listed(others.text, others.mentions)} that this one has not.` : '.');
  const name = sideName(mine.side);
  const mineRelated = rest.slice(0, MAX_LISTED).map((m) => ({ side: mine.side, span: { start: m.start, end: m.end }, message: `${name}: ${quote(mine.text, m)}` }));
  return {
    code: quantity.code, severity: DEFAULT_SEVERITY[quantity.code], side: mine.side, span: { start: first.start, end: first.end },
    message, related: [...otherRelated(others), ...mineRelated],
  };
}

/** Number and date findings of every paragraph pair that has both sides. */
export function checkQuantities(pairs: readonly ParagraphPair[], en: SideText, zh: SideText): Finding[] {
  return pairs
    .filter((pair) => pair.en.length > 0 && pair.zh.length > 0)
    .flatMap((pair) => [...checkPair(NUMBERS, pair, en, zh), ...checkPair(DATES, pair, en, zh)]);
}
