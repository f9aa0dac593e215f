/**
 * Numbers and dates that a translation must carry over unchanged. Mentions are matched as multisets,
 * first inside each aligned sentence pair, then what is left over across the whole paragraph pair, so
 * a sentence the aligner split differently on each side still finds its figures.
 */
import type { Span } from '../model';
import type { ParagraphPair } from '../noteAlignment';
import { countBelow } from '../text/spans';
import { datesAgree, type DateMention } from '../normalise/dates';
import { findDatesWithRanges } from './dateRanges';
import { findNumbers, numbersAgree, type NumberMention } from '../normalise/numbers';
import { convertedAmount, hasDigit, hiddenSmallNumber } from './excuses';
import { DEFAULT_SEVERITY, sideName, type Finding, type Side } from './types';

interface Quantity<M extends Span> {
  readonly code: 'number-mismatch' | 'date-mismatch';
  readonly noun: string;
  find(text: string, span: Span, side: Side, ignored: readonly Span[]): M[];
  agree(a: M, b: M): boolean;
  /** Mentions with the same key are tried against each other first; `undefined` means try all. */
  key(mention: M): string | undefined;
  /** Whether a mention left without partner is nonetheless no error (see excuses.ts). */
  excused(text: string, mention: M, otherText: string, otherLeft: readonly M[], otherParagraph: string): boolean;
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
  excused: (text, n, otherText, otherLeft, otherParagraph) =>
    convertedAmount(text, n, otherText, otherLeft) || hiddenSmallNumber(text, n, otherParagraph),
  key: (n) => (n.max === undefined ? `${n.kind === 'percent' || n.kind === 'percentage-point' ? 'p' : 'n'}${Number(n.value.toPrecision(12))}` : undefined),
};

const DATES: Quantity<DateMention> = {
  code: 'date-mismatch',
  noun: 'date',
  find: (text, span, _side, ignored) => findDatesWithRanges(text, span).filter((d) => !overlaps(d, ignored)),
  agree: datesAgree,
  excused: () => false,
  key: (d) => `${d.month ?? ''}-${d.day ?? ''}`,
};

/** Removes from both sets the mentions that agree, pairing equal keys through a map. */
function matchAway<M extends Span>(quantity: Quantity<M>, en: Set<M>, zh: Set<M>): void {
  const byKey = new Map<string, M[]>();
  const loose: M[] = [];
  for (const mention of zh) {
    const key = quantity.key(mention);
    if (key === undefined) loose.push(mention);
    else if (byKey.has(key)) byKey.get(key)?.push(mention);
    else byKey.set(key, [mention]);
  }
  for (const mention of en) {
    const key = quantity.key(mention);
    const bucket = key === undefined ? undefined : byKey.get(key);
    const partner = bucket?.find((other) => zh.has(other) && quantity.agree(mention, other))
      ?? (key === undefined ? [...zh] : loose).find((other) => zh.has(other) && quantity.agree(mention, other));
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

/** The units compared first: the sentence pairs, or the paragraph itself when it was not split. */
function unitsOf(pair: ParagraphPair): readonly { en: readonly Span[]; zh: readonly Span[] }[] {
  return pair.sentences.length > 0 ? pair.sentences : [pair];
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
  const enOver = [...enLeft];
  const zhOver = [...zhLeft];
  const enParagraph = joined(en.text, pair.en);
  const zhParagraph = joined(zh.text, pair.zh);
  return [
    ...enOver.filter((m) => !quantity.excused(en.text, m, zh.text, zhOver, zhParagraph))
      .map((m) => finding(quantity, m, 'en', en.text, zhOver, zh.text, pair.zh)),
    ...zhOver.filter((m) => !quantity.excused(zh.text, m, en.text, enOver, enParagraph))
      .map((m) => finding(quantity, m, 'zh', zh.text, enOver, en.text, pair.en)),
  ];
}

function finding<M extends Span>(
  quantity: Quantity<M>, mention: M, side: Side, text: string,
  others: readonly M[], otherText: string, otherParagraph: readonly Span[],
): Finding {
  const other: Side = side === 'en' ? 'zh' : 'en';
  const found = others.map((o) => quote(otherText, o));
  const message = `The ${quantity.noun} ${quote(text, mention)} in the ${sideName(side)} version has no equal in the aligned ${sideName(other)} text`
    + (found.length > 0 ? `, which has ${found.join(', ')}.` : '.');
  const related = others.length > 0
    ? others.map((o) => ({ side: other, span: { start: o.start, end: o.end }, message: `${sideName(other)}: ${quote(otherText, o)}` }))
    : otherParagraph.map((span) => ({ side: other, span, message: `The aligned ${sideName(other)} paragraph` }));
  return { code: quantity.code, severity: DEFAULT_SEVERITY[quantity.code], side, span: { start: mention.start, end: mention.end }, message, related };
}

/** Number and date findings of every paragraph pair that has both sides. */
export function checkQuantities(pairs: readonly ParagraphPair[], en: SideText, zh: SideText): Finding[] {
  return pairs
    .filter((pair) => pair.en.length > 0 && pair.zh.length > 0)
    .flatMap((pair) => [...checkPair(NUMBERS, pair, en, zh), ...checkPair(DATES, pair, en, zh)]);
}
