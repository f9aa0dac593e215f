/**
 * Finds calendar dates in English and Chinese text: `20 February 2025`, `February 20, 2025`,
 * `20 Feb. 2025`, `2025-02-20`, `2025年2月20日`, `今年2月20日`, `2月20日`, `二〇二五年二月二十日`.
 * One left-to-right pass; each candidate is confirmed by a bounded look-ahead, so the cost is linear
 * and text without digits, month names or 年/月 is skipped almost for free.
 */
import months from './months.json';
import {
  digitAt, hasWordAt, isLatinLetterAt, isUpperLatinAt, latinWordEnd, skipOrdinalSuffix, skipSpaces,
} from './chars';
import { isChineseNumeral, readArabic, readChineseNumber } from './numerals';

export interface DateMention {
  readonly start: number;
  readonly end: number;
  readonly year?: number;
  readonly month?: number;
  readonly day?: number;
  /** For 今年/去年/明年: the year relative to the document's own (0, -1, +1); `year` is then absent. */
  readonly relativeYear?: number;
}

const MONTHS: Readonly<Record<string, number>> = months;
const RELATIVE_YEARS: Readonly<Record<string, number>> = { 今年: 0, 本年: 0, 去年: -1, 明年: 1 };
const DAY_MARKS = '日号';

interface Part {
  readonly value: number;
  readonly end: number;
}

function isDay(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= 31;
}

function isMonth(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= 12;
}

function isYear(value: number, digits: number): boolean {
  return digits === 4 && value >= 1000 && value <= 2999;
}

/** A plain run of 1–4 digits (no separators, no decimals), as written inside dates. */
function readPlain(text: string, i: number, end: number): (Part & { digits: number }) | undefined {
  const reading = readArabic(text, i, end);
  if (!reading || reading.hasSeparator || reading.hasDecimal || reading.integerDigits > 4) return undefined;
  return { value: reading.value, end: reading.end, digits: reading.integerDigits };
}

/** A month name at a word start, capitalised as dates are, with an optional abbreviation dot. */
function readMonthName(text: string, i: number, end: number): Part | undefined {
  if (!isUpperLatinAt(text, i) || isLatinLetterAt(text, i - 1)) return undefined;
  const wordEnd = latinWordEnd(text, i, Math.min(end, i + 10));
  const month = MONTHS[text.slice(i, wordEnd).toLowerCase()];
  if (month === undefined || isLatinLetterAt(text, wordEnd)) return undefined;
  return { value: month, end: wordEnd < end && text[wordEnd] === '.' ? wordEnd + 1 : wordEnd };
}

/** A four-digit year after optional `,` and spaces; undefined when absent. */
function readTrailingYear(text: string, i: number, end: number): Part | undefined {
  let j = text[i] === ',' ? i + 1 : i;
  j = skipSpaces(text, j, Math.min(end, j + 3));
  const year = readPlain(text, j, end);
  return year && isYear(year.value, year.digits) && digitAt(text, year.end) < 0 ? year : undefined;
}

/** `20 February 2025`, `20th of Feb. 2025`, `20 February`. */
function readDayMonthYear(text: string, i: number, end: number): DateMention | undefined {
  const day = readPlain(text, i, end);
  if (!day || day.digits > 2 || !isDay(day.value)) return undefined;
  let j = skipSpaces(text, skipOrdinalSuffix(text, day.end, end), Math.min(end, day.end + 4));
  if (hasWordAt(text, j, 'of', end)) j = skipSpaces(text, j + 2, Math.min(end, j + 5));
  const month = j > day.end ? readMonthName(text, j, end) : undefined;
  if (!month) return undefined;
  const year = readTrailingYear(text, skipSpaces(text, month.end, Math.min(end, month.end + 3)), end);
  return year
    ? { start: i, end: year.end, year: year.value, month: month.value, day: day.value }
    : { start: i, end: month.end, month: month.value, day: day.value };
}

/** `February 20, 2025`, `Feb. 20`, `February 2025`. */
function readMonthDayYear(text: string, i: number, end: number): DateMention | undefined {
  const month = readMonthName(text, i, end);
  if (!month) return undefined;
  const j = skipSpaces(text, month.end, Math.min(end, month.end + 3));
  const number = j > month.end ? readPlain(text, j, end) : undefined;
  if (!number) return undefined;
  if (isYear(number.value, number.digits)) return { start: i, end: number.end, year: number.value, month: month.value };
  if (number.digits > 2 || !isDay(number.value) || digitAt(text, number.end) >= 0) return undefined;
  const dayEnd = skipOrdinalSuffix(text, number.end, end);
  const year = readTrailingYear(text, dayEnd, end);
  return year
    ? { start: i, end: year.end, year: year.value, month: month.value, day: number.value }
    : { start: i, end: dayEnd, month: month.value, day: number.value };
}

/** `2025-02-20`, `2025/2/20`: the same separator twice. */
function readIsoDate(text: string, i: number, end: number): DateMention | undefined {
  const year = readPlain(text, i, end);
  const separator = year ? text[year.end] : undefined;
  if (!year || !isYear(year.value, year.digits) || (separator !== '-' && separator !== '/')) return undefined;
  const month = readPlain(text, year.end + 1, end);
  if (!month || month.digits > 2 || !isMonth(month.value) || text[month.end] !== separator) return undefined;
  const day = readPlain(text, month.end + 1, end);
  if (!day || day.digits > 2 || !isDay(day.value) || digitAt(text, day.end) >= 0) return undefined;
  return { start: i, end: day.end, year: year.value, month: month.value, day: day.value };
}

/** A number written in digits or Chinese numerals followed by `mark` (年, 月, 日…). */
function readChineseField(text: string, i: number, end: number, marks: string): Part | undefined {
  const number = readChineseNumber(text, i, end);
  if (!number || number.end >= end || !marks.includes(text[number.end] ?? '')) return undefined;
  return { value: number.value, end: number.end + 1 };
}

/** `2025年2月20日`, `二〇二五年二月二十日`, `2月20日`, `2025年2月`; a relative year (今年) may precede. */
function readChineseDate(text: string, i: number, end: number, relativeYear?: number): DateMention | undefined {
  const year = relativeYear === undefined ? readChineseField(text, i, end, '年') : undefined;
  const validYear = year && year.value >= 1000 && year.value <= 2999 ? year : undefined;
  if (year && !validYear) return undefined;
  const month = readChineseField(text, validYear ? validYear.end : i, end, '月');
  if (!month || !isMonth(month.value)) return undefined;
  const day = readChineseField(text, month.end, end, DAY_MARKS);
  const validDay = day && isDay(day.value) ? day : undefined;
  if (!validYear && !validDay) return undefined;
  const fields = { year: validYear?.value, month: month.value, day: validDay?.value };
  return { start: i, end: validDay ? validDay.end : month.end, ...definedOnly(fields), ...definedOnly({ relativeYear }) };
}

function definedOnly<T extends object>(fields: T): Partial<T> {
  const result: Partial<T> = {};
  for (const key of Object.keys(fields) as (keyof T)[]) if (fields[key] !== undefined) result[key] = fields[key];
  return result;
}

function readRelativeChineseDate(text: string, i: number, end: number): DateMention | undefined {
  const relative = RELATIVE_YEARS[text.slice(i, i + 2)];
  if (relative === undefined) return undefined;
  const date = readChineseDate(text, i + 2, end, relative);
  return date ? { ...date, start: i } : undefined;
}

const RELATIVE_YEARS_FIRST = new Set(Object.keys(RELATIVE_YEARS).map((word) => word[0] ?? ''));

/** The cheap test run on every character: most characters cannot start a date. */
function canStartDate(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a);
  if (code >= 0xff10 && code <= 0xff19) return true;
  const ch = text[i] ?? '';
  return isChineseNumeral(ch) || RELATIVE_YEARS_FIRST.has(ch);
}

/** Only the readers that can start with the character at `i` are tried. */
function readDateAt(text: string, i: number, end: number): DateMention | undefined {
  if (isUpperLatinAt(text, i)) return readMonthDayYear(text, i, end);
  if (digitAt(text, i) >= 0) return readIsoDate(text, i, end) ?? readChineseDate(text, i, end) ?? readDayMonthYear(text, i, end);
  return readRelativeChineseDate(text, i, end) ?? readChineseDate(text, i, end);
}

/** Whether `i` continues a number or word, so that no date may start there (`12025年` is not 2025). */
function continuesToken(text: string, i: number): boolean {
  return digitAt(text, i - 1) >= 0 || (isLatinLetterAt(text, i) && isLatinLetterAt(text, i - 1));
}

/** After a failed start: past the whole run of Chinese numerals at `i` (a date starts a run, never inside one), else i + 1. */
function chineseNumeralRunEnd(text: string, i: number, end: number): number {
  let j = i;
  while (j < end && isChineseNumeral(text[j] ?? '')) j++;
  return Math.max(j, i + 1);
}

/** All dates in `text[start, end)`, left to right, not overlapping. */
export function findDates(text: string, start = 0, end = text.length): DateMention[] {
  const found: DateMention[] = [];
  const stop = Math.min(end, text.length);
  let i = Math.max(0, start);
  while (i < stop) {
    const date = canStartDate(text, i) && !continuesToken(text, i) ? readDateAt(text, i, stop) : undefined;
    if (date) found.push(date);
    i = date ? date.end : chineseNumeralRunEnd(text, i, stop);
  }
  return found;
}

/** Equal dates, or equal but for a year that one side leaves out (`今年2月20日` ↔ `20 February 2025`). */
export function datesAgree(a: DateMention, b: DateMention): boolean {
  const yearsAgree = a.year === undefined || b.year === undefined || a.year === b.year;
  return yearsAgree && a.month === b.month && a.day === b.day;
}
