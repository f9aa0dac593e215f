/**
 * Dates written as lists and ranges that share a month or a year: `23 to 29 June 2025` ↔
 * `2025年6月23日至29日`, `on 6 and 19 March`, `27 or 28 April` ↔ `4月27日或28日`, `February and May 2025`
 * ↔ `2025年2月和5月`, `1至3月`. The date finder reads one full date in each; the bare day or month at the
 * other end becomes a date of its own here, so that the lists compare date by date and their digits
 * stop counting as numbers, and a date of the list that leaves out its year takes its neighbour's.
 */
import type { Span } from '../model';
import { digitAt, isLatinLetterAt } from '../normalise/chars';
import { definedOnly, findDates, monthNameBefore, type DateMention } from '../normalise/dates';
import { readChineseNumber } from '../normalise/numerals';

const EN_JOINERS = [' and/or ', ' to ', ' and ', ' or ', ', ', '-', '–', '—'];
const ZH_JOINERS = ['至', '到', '和', '或', '及', '与', '、', '-', '–', '—', '~', '～', '－'];
const JOINERS = [...EN_JOINERS, ...ZH_JOINERS];
const ZH_DAY_MARKS = '日号';
const MONTH_MARK = '月';
const MAX_DAY_DIGITS = 2;
/** Items of one list, at most: `3, 5, 9 and 12 March` has four. */
const MAX_ITEMS = 12;

type Fields = Pick<DateMention, 'year' | 'month' | 'day' | 'relativeYear'>;

function isDay(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= 31;
}

function isMonth(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= 12;
}

/** The joiner that ends at `end`, not before `floor`. */
function joinerBefore(text: string, end: number, floor: number, joiners: readonly string[]): string | undefined {
  return joiners.find((j) => end - j.length >= floor && text.startsWith(j, end - j.length));
}

/** The number of 1–2 digits ending at `end` (`23` of `23 to`), if any. */
function digitsBefore(text: string, end: number, floor: number): { start: number; value: number } | undefined {
  let start = end;
  while (start > floor && end - start < MAX_DAY_DIGITS && digitAt(text, start - 1) >= 0) start--;
  if (start === end || (start > floor && digitAt(text, start - 1) >= 0)) return undefined;
  let value = 0;
  for (let k = start; k < end; k++) value = value * 10 + digitAt(text, k);
  return { start, value };
}

function dated(start: number, end: number, fields: Fields): DateMention {
  return { start, end, ...definedOnly(fields) };
}

/** `25 April`, `25th of April`: the day comes first, as it does in English. */
function startsWithDay(text: string, date: DateMention): boolean {
  let j = date.start;
  while (j < date.end && digitAt(text, j) >= 0) j++;
  return j > date.start && j - date.start <= MAX_DAY_DIGITS && (text[j] === ' ' || isLatinLetterAt(text, j));
}

/** A date of the list `date` closes: fields from the date, the day or month read before `end`. */
function itemBefore(text: string, date: DateMention, end: number, floor: number): DateMention | undefined {
  const shared: Fields = { year: date.year, month: date.month, relativeYear: date.relativeYear };
  if (date.day !== undefined) {
    const day = date.month !== undefined && startsWithDay(text, date) ? digitsBefore(text, end, floor) : undefined;
    return day && isDay(day.value) ? dated(day.start, end, { ...shared, day: day.value }) : undefined;
  }
  if (date.month === undefined) return undefined;
  const name = monthNameBefore(text, end, floor);
  if (name) return dated(name.start, end, { ...shared, month: name.month });
  const number = date.year === undefined && text[date.end - 1] === MONTH_MARK ? digitsBefore(text, end, floor) : undefined;
  return number && isMonth(number.value) ? dated(number.start, end, { relativeYear: date.relativeYear, month: number.value }) : undefined;
}

/** The earlier items of a list or range that `date` closes (`6 and` of `6 and 19 March`), in text order. */
function itemsBefore(text: string, date: DateMention, floor: number): DateMention[] {
  const items: DateMention[] = [];
  let cursor = date.start;
  for (let k = 0; k < MAX_ITEMS; k++) {
    const joiner = joinerBefore(text, cursor, floor, JOINERS);
    const item = joiner === undefined ? undefined : itemBefore(text, date, cursor - joiner.length, floor);
    if (!item) break;
    items.unshift(item);
    cursor = item.start;
  }
  return items;
}

/** `29日` or `二十九日` from `start` (`至29日`), before `stop`. */
function dayAfter(text: string, start: number, stop: number): { end: number; value: number } | undefined {
  const day = readChineseNumber(text, start, stop);
  if (!day || day.end >= stop || !ZH_DAY_MARKS.includes(text[day.end] ?? '_') || !isDay(day.value)) return undefined;
  return { end: day.end + 1, value: day.value };
}

/** The later days of a list or range that `date` opens (`至25日` of `4月22日至25日`), in text order. */
function itemsAfter(text: string, date: DateMention, stop: number): DateMention[] {
  if (date.day === undefined || date.month === undefined) return [];
  const items: DateMention[] = [];
  let cursor = date.end;
  for (let k = 0; k < MAX_ITEMS; k++) {
    const start = cursor + (ZH_JOINERS.find((j) => text.startsWith(j, cursor))?.length ?? 0);
    const day = start > cursor ? dayAfter(text, start, stop) : undefined;
    if (!day) break;
    items.push({ ...date, start, end: day.end, day: day.value });
    cursor = day.end;
  }
  return items;
}

function hasYear(date: DateMention): boolean {
  return date.year !== undefined || date.relativeYear !== undefined;
}

function joined(text: string, a: DateMention, b: DateMention): boolean {
  const between = text.slice(a.end, b.start);
  return JOINERS.includes(between);
}

/** Dates of one list share the year written once (`14 January and 20 February 2026`, `2025年2月和5月`). */
function shareYears(text: string, dates: DateMention[]): DateMention[] {
  const withYear = (date: DateMention, from: DateMention) =>
    hasYear(date) || !hasYear(from) || date.month === undefined
      ? date : dated(date.start, date.end, { month: date.month, day: date.day, year: from.year, relativeYear: from.relativeYear });
  for (let k = dates.length - 2; k >= 0; k--) if (joined(text, dates[k], dates[k + 1])) dates[k] = withYear(dates[k], dates[k + 1]);
  for (let k = 1; k < dates.length; k++) if (joined(text, dates[k - 1], dates[k])) dates[k] = withYear(dates[k], dates[k - 1]);
  return dates;
}

/** The dates of `span`, with the bare days and months of lists and ranges added as dates, in text order. */
export function findDatesWithRanges(text: string, span: Span): DateMention[] {
  const found = findDates(text, span.start, span.end);
  const dates: DateMention[] = [];
  found.forEach((date, k) => {
    const floor = Math.max(span.start, dates.length > 0 ? dates[dates.length - 1].end : 0);
    dates.push(...itemsBefore(text, date, floor), date, ...itemsAfter(text, date, found[k + 1]?.start ?? span.end));
  });
  return shareYears(text, dates);
}
