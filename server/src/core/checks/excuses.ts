/**
 * Leftover mentions that are not translation errors: an amount converted to another currency; a small
 * number spelled out on one side whose counterpart hides inside a name or idiom on the other (`the
 * "four families"` ↔ `四大家族`, which the number finder rightly reads as a word, not a count); a
 * mention that is often no quantity at all (`a`/`一家`/`两国`, `first`, `half`, `明年`, the `19` of
 * `COVID-19`) with no rival in its sentence pair; a year the other version gives relative to the
 * note's (`in 2027` ↔ `明年`); and a month the other version names where the date finder reads no date
 * (`February saw…` ↔ `今年2月`).
 *
 * Each excuse is made once per side of a paragraph pair from what the other side left over, so that
 * testing one mention costs no walk over the others.
 */
import type { Span } from '../model';
import currencies from '../normalise/currencies.json';
import { findDates, isRelativeOnly, type DateMention } from '../normalise/dates';
import months from '../normalise/months.json';
import { insideQuotedName, isCodeAt } from '../normalise/nonQuantities';
import type { NumberMention } from '../normalise/numbers';
import numerals from '../normalise/numerals.json';

const BEFORE: Readonly<Record<string, string>> = currencies.before;
const AFTER: Readonly<Record<string, string>> = currencies.after;
const LONGEST_MARK = 12;
const CHINESE_DIGITS = '〇一二三四五六七八九十';
const ENGLISH_WORDS = new Map(Object.entries(numerals.englishUnits).map(([word, value]) => [value, word]));
const SMALL = 10;
/** Spelled-out counts up to this are as often an article or `bilateral` (`a`, `一家`, `两国`) as a number. */
const SOFT_COUNT = 2;
const MONTH_NAMES = Object.entries(months as Readonly<Record<string, number>>);

/** The currency written just before or after a mention, if any. */
export function currencyOf(text: string, mention: Span): string | undefined {
  const before = text.slice(Math.max(0, mention.start - LONGEST_MARK), mention.start).trimEnd();
  const after = text.slice(mention.end, mention.end + LONGEST_MARK).trimStart();
  for (const [mark, code] of Object.entries(BEFORE)) if (before.endsWith(mark)) return code;
  for (const [mark, code] of Object.entries(AFTER)) if (after.startsWith(mark)) return code;
  return undefined;
}

/** The currencies written next to `mentions`: what an amount left over on the other side may have been converted to. */
export function currenciesOf(text: string, mentions: readonly Span[]): ReadonlySet<string> {
  const found = new Set<string>();
  for (const mention of mentions) {
    const currency = currencyOf(text, mention);
    if (currency !== undefined) found.add(currency);
  }
  return found;
}

/** An amount is excused when the other side states an amount in a different currency (`otherCurrencies`). */
export function convertedAmount(text: string, mention: Span, otherCurrencies: ReadonlySet<string>): boolean {
  const currency = currencyOf(text, mention);
  return currency !== undefined && (otherCurrencies.size > 1 || (otherCurrencies.size === 1 && !otherCurrencies.has(currency)));
}

export function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19)) return true;
  }
  return false;
}

/**
 * Whether a small spelled-out number has its figure, numeral or word anywhere in the other paragraph.
 * Made once per paragraph: the paragraph is searched once per value (there are ten), not once per number.
 */
export function hiddenSmallNumbers(otherParagraph: () => string): (text: string, mention: NumberMention) => boolean {
  const found = new Map<number, boolean>();
  let lowerCase: string | undefined;
  return (text, mention) => {
    if (mention.max !== undefined || mention.value > SMALL || !Number.isInteger(mention.value)) return false;
    if (hasDigit(text.slice(mention.start, mention.end))) return false;
    let hidden = found.get(mention.value);
    if (hidden === undefined) {
      const paragraph = otherParagraph();
      const word = ENGLISH_WORDS.get(mention.value);
      lowerCase ??= paragraph.toLowerCase();
      hidden = paragraph.includes(CHINESE_DIGITS[mention.value])
        || paragraph.includes(String(mention.value))
        || (word !== undefined && lowerCase.includes(word));
      found.set(mention.value, hidden);
    }
    return hidden;
  };
}

/** Groups the other side's leftovers by the unit (sentence pair) they were found in, each reduced to `keys`. */
function keysByUnit<M>(otherLeft: readonly M[], unitOf: (mention: M) => number, keys: (mention: M) => readonly string[]): (unit: number) => ReadonlySet<string> {
  const groups = new Map<number, Set<string>>();
  for (const mention of otherLeft) {
    const unit = unitOf(mention);
    const group = groups.get(unit) ?? new Set<string>();
    for (const key of keys(mention)) group.add(key);
    groups.set(unit, group);
  }
  const none: ReadonlySet<string> = new Set();
  return (unit) => groups.get(unit) ?? none;
}

/**
 * What a mention may be instead of a quantity: a spelled-out count up to two (an article, `bilateral`),
 * a count of one however written (`1名` ↔ `a`),
 * a small spelled-out ordinal (`first` of `for the first time`, `First Secretary`), a fraction (`half`,
 * `一半`), the figure of a code or a quoted name (`COVID-19` ↔ `新冠肺炎`, `“十四五”规划`).
 */
type SoftFamily = 'count' | 'ordinal' | 'fraction' | 'name';

function softFamily(text: string, mention: NumberMention): SoftFamily | undefined {
  if (isCodeAt(text, mention.start, mention.end) || insideQuotedName(text, mention.start, mention.end)) return 'name';
  if (mention.max !== undefined) return undefined;
  // `1名中国员工` ↔ `a Chinese employee`: one is an article as often as a figure, written either way.
  if (mention.kind === 'count' && mention.value === 1) return 'count';
  if (hasDigit(text.slice(mention.start, mention.end))) return undefined;
  if (mention.kind === 'fraction') return 'fraction';
  if (mention.kind === 'ordinal' && mention.value <= SMALL) return 'ordinal';
  return mention.kind === 'count' && mention.value <= SOFT_COUNT ? 'count' : undefined;
}

/** The soft families that a leftover of the other side could be a rival rendering of. */
function rivalFamilies(other: NumberMention): SoftFamily[] {
  if (other.max !== undefined) return [];
  if (other.kind === 'fraction' || other.kind === 'percent') return ['fraction'];
  return (other.kind === 'count' || other.kind === 'ordinal') && other.value <= SMALL ? [other.kind] : [];
}

/**
 * A spelled-out `two`, `first` or `half` is an error only when the other side of its sentence pair
 * left over a different mention of its family (`two` against `3名`); alone, it is a word.
 */
export function unchallengedSoftNumbers(otherLeft: readonly NumberMention[], unitOf: (mention: NumberMention) => number):
  (text: string, mention: NumberMention, unit: number) => boolean {
  const rivals = keysByUnit(otherLeft, unitOf, rivalFamilies);
  return (text, mention, unit) => {
    const family = softFamily(text, mention);
    return family !== undefined && !rivals(unit).has(family);
  };
}

/** The relative years (今年, `last year`) of a text, resolved against the note's year when it is known. */
function relativeYearsIn(text: string, referenceYear: number | undefined): { years: number[]; resolved: boolean } {
  const relative = findDates(text).flatMap((date) => (date.relativeYear === undefined ? [] : [date.relativeYear]));
  return { years: referenceYear === undefined ? relative : relative.map((r) => referenceYear + r), resolved: referenceYear !== undefined };
}

/** A year (`in 2027`, `2027年`) that the other paragraph may give relative to the note's (`明年`). */
export function yearsGivenRelatively(otherParagraph: () => string, otherReferenceYear: number | undefined): (mention: NumberMention) => boolean {
  let relative: { years: number[]; resolved: boolean } | undefined;
  return (mention) => {
    if (mention.kind !== 'year') return false;
    relative ??= relativeYearsIn(otherParagraph(), otherReferenceYear);
    return relative.years.length > 0 && (!relative.resolved || relative.years.includes(mention.value));
  };
}

/** What a leftover date is a rival of: a relative-only date of its span, or a date in its month. */
function dateRivalKeys(date: DateMention): string[] {
  if (isRelativeOnly(date)) return [date.relativeYear === undefined ? 'relative-month' : 'relative-year'];
  return date.month === undefined ? [] : [`month-${date.month}`];
}

/**
 * `明年`, `last month`: soft, unless the other side of the sentence pair left over a different date
 * of the same span. A month without its day (`今年2月`, `in February`): no error when the other
 * paragraph names the month where the date finder reads no date, unless the other side of the
 * sentence pair left over a different date in that month (`今年2月` ↔ `February 2025` in a note of 2026).
 */
export function unchallengedLooseDates(otherLeft: readonly DateMention[], unitOf: (date: DateMention) => number, otherParagraph: () => string):
  (date: DateMention, unit: number) => boolean {
  const rivals = keysByUnit(otherLeft, unitOf, dateRivalKeys);
  const named = new Map<number, boolean>();
  const monthNamed = (month: number) => {
    const known = named.get(month);
    if (known !== undefined) return known;
    const found = MONTH_PATTERNS[month - 1].test(otherParagraph());
    named.set(month, found);
    return found;
  };
  return (date, unit) => {
    const [key] = dateRivalKeys(date);
    if (key === undefined || rivals(unit).has(key)) return false;
    return isRelativeOnly(date) || (date.month !== undefined && date.day === undefined && monthNamed(date.month));
  };
}

function fullWidth(figures: string): string {
  return String.fromCharCode(...[...figures].map((digit) => digit.charCodeAt(0) + 0xfee0));
}

/** One pattern per month for `February`, `Feb.`, `2月`, `２月`, `二月` (literal alternatives: linear). */
function monthPattern(month: number): RegExp {
  const names = MONTH_NAMES.filter(([, value]) => value === month).map(([name]) => name[0].toUpperCase() + name.slice(1));
  const numeral = month <= SMALL ? CHINESE_DIGITS[month] : `十${CHINESE_DIGITS[month - SMALL]}`;
  const figures = [String(month), fullWidth(String(month)), numeral];
  return new RegExp(`(?<![A-Za-z])(?:${names.join('|')})(?![a-z])|(?<![0-9０-９〇一二三四五六七八九十])(?:${figures.join('|')})月`);
}

const MONTH_PATTERNS = Array.from({ length: 12 }, (_, k) => monthPattern(k + 1));
