/**
 * Numbers and dates that a translation must carry over unchanged. Mentions are matched as multisets,
 * first inside each aligned sentence pair, then what is left over across the whole paragraph pair, so
 * a sentence the aligner split differently on each side still finds its figures. A leftover is then
 * reported unless excuses.ts finds it no error (a converted amount, a spelled-out `two` or `first`
 * with no rival in its sentence pair, a year given relatively on the other side).
 *
 * Linear whatever the text: a table whose figures differ leaves hundreds of mentions on each side, so
 * a finding lists only the first few of the other side's, and many left over on one side of a paragraph
 * make one finding; matching never walks again over mentions already paired.
 */
import type { Span } from '../model';
import type { ParagraphPair } from '../noteAlignment';
import { countBelow } from '../text/spans';
import { datesAgree, withReferenceYear, type DateMention } from '../normalise/dates';
import { findDatesWithRanges } from './dateRanges';
import { nonQuantityLength } from '../normalise/nonQuantities';
import { findNumbers, numbersAgree, type NumberMention } from '../normalise/numbers';
import {
  convertedAmount, currenciesOf, hiddenSmallNumbers, unchallengedLooseDates, unchallengedSoftNumbers, yearsGivenRelatively,
} from './excuses';
import { message, quotedList, sideWord, type Message } from '../messages';
import { DEFAULT_SEVERITY, saying, type Finding, type RelatedSpan, type Side } from './types';

interface Quantity<M extends Span> {
  readonly code: 'number-mismatch' | 'date-mismatch';
  /** What one mention is called, and several. */
  readonly noun: Message;
  readonly nouns: Message;
  /** Its mentions among those found in a unit (see `mentionsOf`). */
  of(found: FoundMentions): readonly M[];
  agree(a: M, b: M): boolean;
  /** Mentions with the same key are tried against each other first; `undefined` means try all. */
  key(mention: M): string | undefined;
  /**
   * Whether a mention left without partner in the unit (sentence pair) `unit` is nonetheless no error
   * (see excuses.ts), given what the other side left over; made once per side of a paragraph pair.
   */
  excuse(others: LeftOver<M>): (text: string, mention: M, unit: number) => boolean;
}

export interface SideText {
  readonly text: string;
  /** Spans whose digits are not quantities: cited communications, the own reference. */
  readonly ignored: readonly Span[];
  /** The year of the note's own date, when known: it resolves 今年 and `last year` (see noteYear.ts). */
  readonly referenceYear?: number;
}

/** The mentions outside every one of `spans`; both lists in text order, walked once together. */
function outside<M extends Span>(mentions: readonly M[], spans: readonly Span[]): M[] {
  const kept: M[] = [];
  let k = 0;
  for (const mention of mentions) {
    while (k < spans.length && spans[k].end <= mention.start) k++;
    const covering = k < spans.length && spans[k].start <= mention.start && mention.end <= spans[k].end;
    if (!covering) kept.push(mention);
  }
  return kept;
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
 * Numbers that need a counterpart: not the digits of a date or of a reference, nor a list marker or a
 * designation (see nonQuantities.ts; the aligner still uses those as anchors).
 */
function countedNumbers(side: SideText, span: Span, language: Side, dates: readonly DateMention[]): NumberMention[] {
  return outside(findNumbers(side.text, span.start, span.end, language, dates), dates)
    .filter((n) => !overlaps(n, side.ignored) && nonQuantityLength(side.text, n.start, span.end) === 0);
}

function isPercent(mention: NumberMention): boolean {
  return mention.kind === 'percent' || mention.kind === 'percentage-point';
}

function shareKey(mention: NumberMention): string {
  if (mention.kind === 'fraction') return `p${twelveDigits(mention.value * 100)}`;
  return `${isPercent(mention) ? 'p' : 'n'}${twelveDigits(mention.value)}`;
}

/** Computed on first use only, then kept. */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) [value, made] = [make(), true];
    return value as T;
  };
}

/** The value to twelve significant digits, as keys compare it; an integer below 10^12 is that already. */
function twelveDigits(value: number): number {
  return Number.isInteger(value) && Math.abs(value) < 1e12 ? value : Number(value.toPrecision(12));
}

const NUMBERS: Quantity<NumberMention> = {
  code: 'number-mismatch',
  noun: message('check.number'),
  nouns: message('check.numbers'),
  of: (found) => found.numbers,
  agree: numbersAgree,
  excuse: (others) => {
    const otherCurrencies = currenciesOf(others.text, others.mentions);
    const paragraph = once(() => joined(others.text, others.paragraph));
    const hidden = hiddenSmallNumbers(paragraph);
    const unchallenged = unchallengedSoftNumbers(others.mentions, others.unitOf);
    const relativeYear = yearsGivenRelatively(paragraph, others.referenceYear);
    return (text, n, unit) => convertedAmount(text, n, otherCurrencies) || hidden(text, n) || unchallenged(text, n, unit) || relativeYear(n);
  },
  // Times compare modulo 12 (`23:00` ↔ `晚上11时`), so they are tried against every mention.
  // A fraction is keyed as the percentage it is (`一半` ↔ `50 per cent`).
  key: (n) => (n.max === undefined && n.kind !== 'time' ? shareKey(n) : undefined),
};

const DATES: Quantity<DateMention> = {
  code: 'date-mismatch',
  noun: message('check.date'),
  nouns: message('check.dates'),
  of: (found) => found.dates,
  agree: datesAgree,
  excuse: (others) => {
    const unchallenged = unchallengedLooseDates(others.mentions, others.unitOf, once(() => joined(others.text, others.paragraph)));
    return (_text, date, unit) => unchallenged(date, unit);
  },
  // A day whose month the context gives (同月29日) and a relative date may match a date of any key.
  key: (d) => (d.month === undefined ? undefined : `${d.month}-${d.day ?? ''}`),
};

/** How many mentions that do not agree one partner search tries before it gives up: a bound, so that matching stays linear. */
const MAX_TRIES = 100;

/**
 * Indexes into one side's mentions, in text order, of which some are gone (`taken`, paired already).
 * `find` goes straight past the gone ones: each run of them is walked once, then skipped by a pointer.
 */
class Remaining {
  /** skip[i] > i: every index from i up to skip[i] is gone; made when the first one goes. */
  private skip: Int32Array | undefined;

  constructor(private readonly indexes: readonly number[], private readonly taken: Uint8Array) {}

  /** The first index still there whose mention `agrees`, among the first MAX_TRIES still there; -1 when none. */
  find(agrees: (index: number) => boolean): number {
    for (let i = this.firstPresent(0), tries = 0; i < this.indexes.length && tries < MAX_TRIES; i = this.firstPresent(i + 1), tries++) {
      if (agrees(this.indexes[i])) return this.indexes[i];
    }
    return -1;
  }

  private next(i: number): number {
    return this.skip ? Math.max(i + 1, this.skip[i]) : i + 1;
  }

  private firstPresent(from: number): number {
    let i = from;
    while (i < this.indexes.length && this.taken[this.indexes[i]]) i = this.next(i);
    if (i === from) return i;
    this.skip ??= new Int32Array(this.indexes.length);
    for (let k = from; k < i; ) {
      const next = this.next(k);
      this.skip[k] = i;
      k = next;
    }
    return i;
  }
}

/** Mentions of the two versions, each side in text order. */
interface Mentions<M> {
  readonly en: M[];
  readonly zh: M[];
}

/**
 * Pairs the mentions that agree and returns those left without partner, in text order: each English
 * mention takes the first Chinese one in text order that agrees, among those with the same key, else
 * among those without a key (or among all when the English one has no key).
 */
function matchAway<M extends Span>(quantity: Quantity<M>, en: readonly M[], zh: readonly M[]): Mentions<M> {
  if (en.length === 0 || zh.length === 0) return { en: [...en], zh: [...zh] };
  const taken = new Uint8Array(zh.length);
  const byKey = new Map<string, number[]>();
  const loose: number[] = [];
  zh.forEach((mention, index) => {
    const key = quantity.key(mention);
    if (key === undefined) loose.push(index);
    else if (byKey.has(key)) byKey.get(key)?.push(index);
    else byKey.set(key, [index]);
  });
  const buckets = new Map<string, Remaining>();
  for (const [key, indexes] of byKey) buckets.set(key, new Remaining(indexes, taken));
  const remainingLoose = new Remaining(loose, taken);
  let remainingAll: Remaining | undefined;
  const enLeft: M[] = [];
  for (const mention of en) {
    const agrees = (index: number) => quantity.agree(mention, zh[index]);
    const key = quantity.key(mention);
    let partner: number;
    if (key === undefined) partner = (remainingAll ??= new Remaining(zh.map((_, index) => index), taken)).find(agrees);
    else {
      const bucket = buckets.get(key);
      partner = bucket ? bucket.find(agrees) : -1;
      if (partner < 0) partner = remainingLoose.find(agrees);
    }
    if (partner < 0) enLeft.push(mention);
    else taken[partner] = 1;
  }
  return { en: enLeft, zh: zh.filter((_, index) => taken[index] === 0) };
}

function joined(text: string, spans: readonly Span[]): string {
  return spans.map((span) => text.slice(span.start, span.end)).join('\n');
}

function textOf(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

/** What one finding lists of several mentions: the first few, then how many more. */
const MAX_LISTED = 5;
/** Above this many mentions left over on one side of a paragraph pair, they make one finding. */
const MAX_SEPARATE_FINDINGS = 3;

/** `"1", "2", "3", "4", "5" and 7 more`. */
function listed(text: string, mentions: readonly Span[]) {
  return quotedList(mentions.map((m) => textOf(text, m)), MAX_LISTED);
}

/** A related span at a mention: which side, and what it says. */
function mentionRelated(side: Side, text: string, mention: Span): RelatedSpan {
  return { side, span: { start: mention.start, end: mention.end }, ...saying(message('related.mention', { side: sideWord(side), text: textOf(text, mention) })) };
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
  /** The index among the pair's units (sentence pairs) of the unit a mention was found in. */
  readonly unitOf: (mention: M) => number;
  /** The spans of the paragraph (pair.en or pair.zh). */
  readonly paragraph: readonly Span[];
  readonly referenceYear?: number;
}

/** The numbers and dates of one side of a unit (sentence pair), each in text order. */
interface FoundMentions {
  readonly numbers: readonly NumberMention[];
  readonly dates: readonly DateMention[];
}

/** Found once for both quantities: numbers are read knowing the dates of the same span. */
function mentionsOf(spans: readonly Span[], language: Side, side: SideText): FoundMentions {
  const numbers: NumberMention[] = [];
  const dates: DateMention[] = [];
  for (const span of spans) {
    const datesHere = findDatesWithRanges(side.text, span);
    for (const number of countedNumbers(side, span, language, datesHere)) numbers.push(number);
    for (const date of datesHere) if (!overlaps(date, side.ignored)) dates.push(withReferenceYear(date, side.referenceYear));
  }
  return { numbers, dates };
}

/** Per unit of a pair (see `unitsOf`), the mentions of each side. */
type UnitMentions = readonly Readonly<Record<Side, FoundMentions>>[];

function checkPair<M extends Span>(quantity: Quantity<M>, pair: ParagraphPair, en: SideText, zh: SideText, mentions: UnitMentions): Finding[] {
  const left: Mentions<M> = { en: [], zh: [] };
  const units = new Map<M, number>();
  mentions.forEach((unit, index) => {
    const here = matchAway(quantity, quantity.of(unit.en), quantity.of(unit.zh));
    for (const language of ['en', 'zh'] as const) {
      for (const mention of here[language]) {
        left[language].push(mention);
        units.set(mention, index);
      }
    }
  });
  const over = matchAway(quantity, left.en, left.zh);
  const unitOf = (mention: M) => units.get(mention) ?? -1;
  const leftOver = (side: Side, text: SideText, mentions: M[]): LeftOver<M> =>
    ({ side, text: text.text, mentions, unitOf, paragraph: pair[side], referenceYear: text.referenceYear });
  const enOver = leftOver('en', en, over.en);
  const zhOver = leftOver('zh', zh, over.zh);
  const enUnexcused = unexcused(quantity, enOver, zhOver);
  const zhUnexcused = unexcused(quantity, zhOver, enOver);
  return [...sideFindings(quantity, enUnexcused, zhUnexcused), ...sideFindings(quantity, zhUnexcused, enUnexcused)];
}

/** The mentions `mine` left over that no excuse covers. */
function unexcused<M extends Span>(quantity: Quantity<M>, mine: LeftOver<M>, others: LeftOver<M>): LeftOver<M> {
  const excused = quantity.excuse(others);
  return { ...mine, mentions: mine.mentions.filter((m) => !excused(mine.text, m, mine.unitOf(m))) };
}

/**
 * The findings of the mentions `mine` left over that no excuse covers: one each, or one for them all
 * when many. Each lists the other side's unexcused leftovers: an excused `两` is no rival of a figure.
 */
function sideFindings<M extends Span>(quantity: Quantity<M>, mine: LeftOver<M>, others: LeftOver<M>): Finding[] {
  if (mine.mentions.length <= MAX_SEPARATE_FINDINGS) return mine.mentions.map((m) => finding(quantity, m, mine, others));
  return [manyFinding(quantity, mine, others)];
}

/** Where the other side's mentions are, the first few of them; or its paragraph when it has none left. */
function otherRelated<M extends Span>(others: LeftOver<M>): RelatedSpan[] {
  const paragraph = saying(message('related.aligned-side-paragraph', { side: sideWord(others.side) }));
  return others.mentions.length > 0
    ? others.mentions.slice(0, MAX_LISTED).map((o) => mentionRelated(others.side, others.text, o))
    : others.paragraph.map((span) => ({ side: others.side, span, ...paragraph }));
}

function finding<M extends Span>(quantity: Quantity<M>, mention: M, mine: LeftOver<M>, others: LeftOver<M>): Finding {
  const said = { noun: quantity.noun, value: textOf(mine.text, mention), side: sideWord(mine.side), other: sideWord(others.side) };
  return {
    code: quantity.code, severity: DEFAULT_SEVERITY[quantity.code], side: mine.side, span: { start: mention.start, end: mention.end },
    ...saying(others.mentions.length > 0
      ? message('check.quantity-unmatched.others', { ...said, others: listed(others.text, others.mentions) })
      : message('check.quantity-unmatched', said)),
    related: otherRelated(others),
  };
}

/** One finding, at the first of them, for many mentions left over on one side of a paragraph pair. */
function manyFinding<M extends Span>(quantity: Quantity<M>, mine: LeftOver<M>, others: LeftOver<M>): Finding {
  const [first, ...rest] = mine.mentions;
  const said = {
    count: mine.mentions.length, nouns: quantity.nouns, side: sideWord(mine.side), other: sideWord(others.side), values: listed(mine.text, mine.mentions),
  };
  const mineRelated = rest.slice(0, MAX_LISTED).map((m) => mentionRelated(mine.side, mine.text, m));
  return {
    code: quantity.code, severity: DEFAULT_SEVERITY[quantity.code], side: mine.side, span: { start: first.start, end: first.end },
    ...saying(others.mentions.length > 0
      ? message('check.quantities-unmatched.others', { ...said, others: listed(others.text, others.mentions) })
      : message('check.quantities-unmatched', said)),
    related: [...otherRelated(others), ...mineRelated],
  };
}

/** Number and date findings of every paragraph pair that has both sides. */
export function checkQuantities(pairs: readonly ParagraphPair[], en: SideText, zh: SideText): Finding[] {
  return pairs
    .filter((pair) => pair.en.length > 0 && pair.zh.length > 0)
    .flatMap((pair) => {
      const mentions = unitsOf(pair).map((unit) => ({ en: mentionsOf(unit.en, 'en', en), zh: mentionsOf(unit.zh, 'zh', zh) }));
      return [...checkPair(NUMBERS, pair, en, zh, mentions), ...checkPair(DATES, pair, en, zh, mentions)];
    });
}
