/**
 * Finds calendar dates in English and Chinese text: `20 February 2025`, `February 20, 2025`,
 * `20 Feb. 2025`, `2025-02-20`, `2025年2月20日`, `今年2月20日`, `2月20日`, `二〇二五年二月二十日`, months
 * (`2025年2月`, `2月`, `in February`, `February this year`, `last November`), and dates relative to the
 * note's own (`明年`, `上月`, `next year`, `last month`, `同月29日`).
 * One left-to-right pass; each candidate is confirmed by a bounded look-ahead, so the cost is linear
 * and text without digits, month names or 年/月 is skipped almost for free.
 */
import months from './months.json';
import {
  digitAt, hasWordAt, isLatinLetterAt, isUpperLatinAt, latinWordEnd, previousWord, skipOrdinalSuffix, skipSpaces,
} from './chars';
import { isChineseNumeralAt, readArabic, readChineseNumber } from './numerals';
import { WordTable, wordSet } from './words';

export interface DateMention {
  readonly start: number;
  readonly end: number;
  readonly year?: number;
  readonly month?: number;
  readonly day?: number;
  /** For 今年/去年/明年, `this year`, `February last year`: the year relative to the document's own (0, -1, +1); `year` is then absent. */
  readonly relativeYear?: number;
  /** For 上月/本月/下月, `last month`: the month relative to the document's own; `month` is then absent. */
  readonly relativeMonth?: number;
}

const MONTHS = WordTable.of(months);
const RELATIVE_YEARS: readonly [string, number][] = [['今年', 0], ['本年', 0], ['去年', -1], ['明年', 1]];
/** Longest first: 上个月 before 上月 would never be reached the other way round. */
const RELATIVE_MONTHS: readonly [string, number][] = [['上个月', -1], ['下个月', 1], ['上月', -1], ['本月', 0], ['下月', 1]];
/** 同月29日: a day of the month last named. */
const SAME_MONTH = ['同月', '当月'];
const EN_RELATIVE = WordTable.of({ last: -1, this: 0, next: 1 });
/** Words after which a bare month name is a date (`in May`, `since January`, `end of March`), not a verb or a name. */
const MONTH_PREPOSITIONS = new Set(['in', 'since', 'until', 'till', 'by', 'from', 'during', 'before', 'after', 'early', 'mid',
  'late', 'of', 'and', 'or', 'to', 'between', 'through', 'throughout']);
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

/** The full name of each month (the longest of its names): `May.` ends a sentence, `Feb.` is abbreviated. */
const FULL_NAMES = wordSet(Object.entries(months).filter(([name, month]) =>
  Object.entries(months).every(([other, value]) => value !== month || other.length <= name.length)).map(([name]) => name));

/** A month name at a word start, capitalised as dates are, with the dot of an abbreviation. */
function readMonthName(text: string, i: number, end: number): Part | undefined {
  if (!isUpperLatinAt(text, i) || isLatinLetterAt(text, i - 1)) return undefined;
  const wordEnd = latinWordEnd(text, i, Math.min(end, i + 10));
  const month = MONTHS.at(text, i, wordEnd);
  if (month === undefined || isLatinLetterAt(text, wordEnd)) return undefined;
  const dotted = wordEnd < end && text.charCodeAt(wordEnd) === DOT && !FULL_NAMES.hasAt(text, i, wordEnd);
  return { value: month, end: dotted ? wordEnd + 1 : wordEnd };
}

/** The month whose name (full, without a dot) ends at `end`, not before `floor`: `February` of `February and May`. */
export function monthNameBefore(text: string, end: number, floor: number): { start: number; month: number } | undefined {
  let start = end;
  while (start > floor && end - start < 10 && isLatinLetterAt(text, start - 1)) start--;
  const month = start < end ? readMonthName(text, start, end) : undefined;
  return month && month.end === end ? { start, month: month.value } : undefined;
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
  if (year) return { start: i, end: year.end, year: year.value, month: month.value, day: day.value };
  const relative = readRelativeYearPhrase(text, month.end, end);
  return relative
    ? { start: i, end: relative.end, month: month.value, day: day.value, relativeYear: relative.value }
    : { start: i, end: month.end, month: month.value, day: day.value };
}

/** ` this year`, ` of last year`, ` next year` after a month or a day and month. */
function readRelativeYearPhrase(text: string, i: number, end: number): Part | undefined {
  let j = skipSpaces(text, i, Math.min(end, i + 2));
  if (j === i) return undefined;
  if (hasWordAt(text, j, 'of', end)) j = skipSpaces(text, j + 2, Math.min(end, j + 4));
  const wordEnd = latinWordEnd(text, j, Math.min(end, j + 5));
  const relative = EN_RELATIVE.at(text, j, wordEnd);
  const yearAt = skipSpaces(text, wordEnd, Math.min(end, wordEnd + 2));
  if (relative === undefined || yearAt === wordEnd || !hasWordAt(text, yearAt, 'year', end)) return undefined;
  return { value: relative, end: yearAt + 'year'.length };
}

/** `last year`, `this month`, `next March` (March of next year): a date relative to the note's. */
function readRelativeEnglish(text: string, i: number, end: number): DateMention | undefined {
  if (isLatinLetterAt(text, i - 1)) return undefined;
  const wordEnd = latinWordEnd(text, i, Math.min(end, i + 5));
  const relative = EN_RELATIVE.at(text, i, wordEnd);
  const next = skipSpaces(text, wordEnd, Math.min(end, wordEnd + 2));
  if (relative === undefined || next === wordEnd) return undefined;
  if (hasWordAt(text, next, 'year', end)) return { start: i, end: next + 4, relativeYear: relative };
  if (hasWordAt(text, next, 'month', end)) return { start: i, end: next + 5, relativeMonth: relative };
  const month = readMonthName(text, next, end);
  return month && !isLatinLetterAt(text, month.end) ? { start: i, end: month.end, month: month.value, relativeYear: relative } : undefined;
}

/** `February this year`, `in February`: a month without a day. */
function readMonthAlone(text: string, i: number, month: Part, end: number, floor: number): DateMention | undefined {
  const relative = readRelativeYearPhrase(text, month.end, end);
  if (relative) return { start: i, end: relative.end, month: month.value, relativeYear: relative.value };
  return MONTH_PREPOSITIONS.has(previousWord(text, i, floor)) ? { start: i, end: month.end, month: month.value } : undefined;
}

/** `February 20, 2025`, `Feb. 20`, `February 2025`, `February this year`, `in February`. */
function readMonthDayYear(text: string, i: number, end: number, floor: number): DateMention | undefined {
  const month = readMonthName(text, i, end);
  if (!month) return undefined;
  const j = skipSpaces(text, month.end, Math.min(end, month.end + 3));
  const number = j > month.end ? readPlain(text, j, end) : undefined;
  if (!number) return readMonthAlone(text, i, month, end, floor);
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

/** Past a line break (or a space) inside a Chinese date, as PDF text wraps it: `2026年2月⏎23日`. */
function pastLineWrap(text: string, i: number, end: number): number {
  let j = i;
  while (j < end && j - i < MAX_WRAP && WRAP_SPACES.includes(text[j] ?? '_')) j++;
  return j;
}

const WRAP_SPACES = ' \t\r\n\u3000';
const MAX_WRAP = 3;

/** `2025年2月20日`, `二〇二五年二月二十日`, `2月20日`, `2025年2月`; a relative year (今年) may precede. */
function readChineseDate(text: string, i: number, end: number, relativeYear?: number): DateMention | undefined {
  const year = relativeYear === undefined ? readChineseField(text, i, end, '年') : undefined;
  const validYear = year && year.value >= 1000 && year.value <= 2999 ? year : undefined;
  if (year && !validYear) return undefined;
  const month = readChineseField(text, validYear ? pastLineWrap(text, validYear.end, end) : i, end, '月');
  if (!month || !isMonth(month.value)) return undefined;
  const day = readChineseField(text, pastLineWrap(text, month.end, end), end, DAY_MARKS);
  const validDay = day && isDay(day.value) ? day : undefined;
  // A month alone after 年 follows a year that failed (`12025年2月`): no date there.
  if (!validYear && !validDay && relativeYear === undefined && text[i - 1] === '年') return undefined;
  const fields = { year: validYear?.value, month: month.value, day: validDay?.value };
  return { start: i, end: validDay ? validDay.end : month.end, ...definedOnly(fields), ...definedOnly({ relativeYear }) };
}

/** The fields that have a value (so that spread dates never carry `year: undefined`). */
export function definedOnly<T extends object>(fields: T): Partial<T> {
  const result: Partial<T> = {};
  for (const key of Object.keys(fields) as (keyof T)[]) if (fields[key] !== undefined) result[key] = fields[key];
  return result;
}

/** 今年2月20日, 今年2月, 明年: a year relative to the note's, with or without the rest of a date. */
function readRelativeYear(text: string, i: number, end: number): DateMention | undefined {
  const relative = RELATIVE_YEARS.find(([word]) => text.startsWith(word, i))?.[1];
  if (relative === undefined || i + 2 > end) return undefined;
  const date = readChineseDate(text, i + 2, end, relative);
  return date ? { ...date, start: i } : { start: i, end: i + 2, relativeYear: relative };
}

/** The day after 上月/同月…, if one follows (`上月15日`). */
function readDayAfter(text: string, i: number, end: number): Part | undefined {
  const day = readChineseField(text, i, end, DAY_MARKS);
  return day && isDay(day.value) ? day : undefined;
}

/** 上月, 下个月15日: a month relative to the note's. */
function readRelativeMonth(text: string, i: number, end: number): DateMention | undefined {
  const found = RELATIVE_MONTHS.find(([word]) => text.startsWith(word, i) && i + word.length <= end);
  if (!found) return undefined;
  const [word, relative] = found;
  const day = readDayAfter(text, i + word.length, end);
  return day ? { start: i, end: day.end, day: day.value, relativeMonth: relative } : { start: i, end: i + word.length, relativeMonth: relative };
}

/** 同月29日: the month (and year) of the date before, or a day alone when the text does not say. */
function readSameMonth(text: string, i: number, end: number, previous: DateMention | undefined): DateMention | undefined {
  if (!SAME_MONTH.some((word) => text.startsWith(word, i))) return undefined;
  const day = readDayAfter(text, i + 2, end);
  return day ? dayOfMonthBefore(i, day.end, day.value, previous) : undefined;
}

function dayOfMonthBefore(start: number, end: number, day: number, previous: DateMention | undefined): DateMention {
  return { start, end, ...definedOnly({ year: previous?.year, month: previous?.month, relativeYear: previous?.relativeYear }), day };
}

/** What makes an English ordinal a day of the month last named: `the 28th of the same month`. */
const EN_SAME_MONTH = [' of the same month', ' of that month'];

/** `28th of the same month`: as 同月28日. */
function readEnglishSameMonth(text: string, i: number, end: number, previous: DateMention | undefined): DateMention | undefined {
  const day = readPlain(text, i, end);
  if (!day || day.digits > 2 || !isDay(day.value)) return undefined;
  const afterSuffix = skipOrdinalSuffix(text, day.end, end);
  if (afterSuffix === day.end) return undefined;
  const tail = EN_SAME_MONTH.find((words) => afterSuffix + words.length <= end && text.startsWith(words, afterSuffix));
  return tail ? dayOfMonthBefore(i, afterSuffix + tail.length, day.value, previous) : undefined;
}

function readRelativeChineseDate(text: string, i: number, end: number, previous: DateMention | undefined): DateMention | undefined {
  return readRelativeYear(text, i, end) ?? readRelativeMonth(text, i, end) ?? readSameMonth(text, i, end, previous);
}

const RELATIVE_FIRST_CHARACTERS = new Set([...RELATIVE_YEARS, ...RELATIVE_MONTHS].map(([word]) => word).concat(SAME_MONTH)
  .map((word) => word.charCodeAt(0)));
/** `this`, `last`, `next` start relative English dates in lower case. */
const [LOWER_T, LOWER_L, LOWER_N] = [0x74, 0x6c, 0x6e];
const DOT = 0x2e;

/** The cheap test run on every character: most characters cannot start a date. */
function canStartDate(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || code === LOWER_T || code === LOWER_L || code === LOWER_N;
  if (code >= 0xff10 && code <= 0xff19) return true;
  return isChineseNumeralAt(text, i) || RELATIVE_FIRST_CHARACTERS.has(code);
}

/** Only the readers that can start with the character at `i` are tried; `previous` is the date before, for 同月. */
function readDateAt(text: string, i: number, end: number, floor: number, previous: DateMention | undefined): DateMention | undefined {
  if (isUpperLatinAt(text, i)) return readRelativeEnglish(text, i, end) ?? readMonthDayYear(text, i, end, floor);
  if (isLatinLetterAt(text, i)) return readRelativeEnglish(text, i, end);
  if (digitAt(text, i) >= 0) {
    return readIsoDate(text, i, end) ?? readChineseDate(text, i, end) ?? readDayMonthYear(text, i, end) ?? readEnglishSameMonth(text, i, end, previous);
  }
  return readRelativeChineseDate(text, i, end, previous) ?? readChineseDate(text, i, end);
}

/** Whether `i` continues a number or word, so that no date may start there (`12025年` is not 2025). */
function continuesToken(text: string, i: number): boolean {
  return digitAt(text, i - 1) >= 0 || (isLatinLetterAt(text, i) && isLatinLetterAt(text, i - 1));
}

/** After a failed start: past the whole run of Chinese numerals at `i` (a date starts a run, never inside one), else i + 1. */
function chineseNumeralRunEnd(text: string, i: number, end: number): number {
  let j = i;
  while (j < end && isChineseNumeralAt(text, j)) j++;
  return Math.max(j, i + 1);
}

/** All dates in `text[start, end)`, left to right, not overlapping. */
export function findDates(text: string, start = 0, end = text.length): DateMention[] {
  const found: DateMention[] = [];
  const stop = Math.min(end, text.length);
  const floor = Math.max(0, start);
  let i = nextDateStart(text, floor, stop);
  while (i < stop) {
    const date = !continuesToken(text, i) ? readDateAt(text, i, stop, floor, found[found.length - 1]) : undefined;
    if (date) found.push(date);
    i = nextDateStart(text, date ? date.end : skipFailedStart(text, i, stop), stop);
  }
  return found;
}

/** The first index from `i` where `canStartDate`, passing over whole Latin words that cannot (a date never starts inside one). */
function nextDateStart(text: string, i: number, stop: number): number {
  let j = i;
  while (j < stop && !canStartDate(text, j)) j = isLatinLetterAt(text, j) ? latinWordEnd(text, j, stop) : j + 1;
  return j;
}

/** Past a whole Latin word (a date never starts inside one) or run of Chinese numerals. */
function skipFailedStart(text: string, i: number, stop: number): number {
  return isLatinLetterAt(text, i) ? Math.max(latinWordEnd(text, i, stop), i + 1) : chineseNumeralRunEnd(text, i, stop);
}

/** 明年, `last month`: relative to the note's date, with no month or day of its own. */
export function isRelativeOnly(date: DateMention): boolean {
  return date.year === undefined && date.month === undefined && date.day === undefined;
}

/** Years agree when equal, or when one side leaves its year out or gives it relative to an unknown date. */
function yearsAgree(a: DateMention, b: DateMention): boolean {
  if (a.year !== undefined && b.year !== undefined) return a.year === b.year;
  if (a.relativeYear !== undefined && b.relativeYear !== undefined) return a.relativeYear === b.relativeYear;
  return true;
}

/** A day whose month the context gives (`同月29日`, `上月15日`) could be a day of any month. */
function monthsAgree(a: DateMention, b: DateMention): boolean {
  if (a.month !== undefined && b.month !== undefined) return a.month === b.month;
  if (a.month === undefined && b.month === undefined) return a.relativeMonth === b.relativeMonth;
  return (a.month === undefined ? a : b).day !== undefined;
}

/**
 * Dates that may name the same day or month: equal fields, where a year left out or relative to a
 * note of unknown date matches any (`今年2月20日` ↔ `20 February 2025`); relative-only dates
 * (`明年`, `last month`) match only each other.
 */
export function datesAgree(a: DateMention, b: DateMention): boolean {
  if (isRelativeOnly(a) || isRelativeOnly(b)) {
    return isRelativeOnly(a) && isRelativeOnly(b) && a.relativeYear === b.relativeYear && a.relativeMonth === b.relativeMonth;
  }
  return yearsAgree(a, b) && monthsAgree(a, b) && a.day === b.day;
}

/** The date with a relative year resolved against the note's year, when that is known. */
export function withReferenceYear(date: DateMention, referenceYear: number | undefined): DateMention {
  if (referenceYear === undefined || date.relativeYear === undefined || date.year !== undefined || date.month === undefined) return date;
  return { ...date, year: referenceYear + date.relativeYear };
}
