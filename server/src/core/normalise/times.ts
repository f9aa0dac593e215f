/**
 * Times of day after a number already read: `23:00`, `11 p.m.`, `23时`, `晚上11点30分`, `10时半`. The
 * value is the hour with its minutes as a fraction (`10时30分` = 10.5). Translators move between the
 * 24-hour clock, `p.m.` and 下午/晚上 freely, so the checks compare times modulo 12 (see numbersAgree).
 */
import numerals from './numerals.json';
import { digitAt, hasWordAt, skipSpaces } from './chars';
import { readChineseNumber } from './numerals';

export interface TimeReading {
  readonly end: number;
  readonly value: number;
}

const EN_SUFFIXES: readonly string[] = numerals.englishTimeSuffixes;
const ZH_DAY_PARTS: readonly string[] = numerals.chineseDayParts;
const LONGEST_DAY_PART = 2;
const HOURS_IN_DAY = 24;
const MINUTES_IN_HOUR = 60;
const COLONS = ':：';
/** 时/點 in simplified and traditional characters; 点 also counts points (`三点意见`). */
const HOUR_MARKS = '时時点點';
const POINT_MARKS = '点點';
/** Between hour and minutes in `2.30 p.m.` only (see readDottedTime). */
const DOT = '.';

function isHour(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= HOURS_IN_DAY;
}

/** `:30` (ASCII or full-width colon, or the dot of `2.30 p.m.` when asked; exactly two digits): the minutes and the end. */
function readClockMinutes(text: string, i: number, end: number, separators = COLONS): TimeReading | undefined {
  if (i + 3 > end || !separators.includes(text[i] ?? '_')) return undefined;
  const tens = digitAt(text, i + 1);
  const units = digitAt(text, i + 2);
  if (tens < 0 || units < 0 || digitAt(text, i + 3) >= 0 || tens > 5) return undefined;
  return { end: i + 3, value: tens * 10 + units };
}

/** ` p.m.`, `am`, ` o'clock` after the hour or the minutes; the new end, or `i`. */
function skipEnglishSuffix(text: string, i: number, end: number): number {
  const j = skipSpaces(text, i, Math.min(end, i + 1));
  for (const suffix of EN_SUFFIXES) {
    const dotted = suffix.endsWith('.');
    const fits = j + suffix.length <= end;
    if (fits && (dotted ? text.slice(j, j + suffix.length).toLowerCase() === suffix : hasWordAt(text, j, suffix, end))) return j + suffix.length;
  }
  return i;
}

/**
 * `2.30 p.m.`: British usage puts a dot between hour and minutes, which the number reader took for a
 * decimal (2.3); only a suffix after it makes it a time.
 */
function readDottedTime(text: string, start: number, numberEnd: number, end: number): TimeReading | undefined {
  const dot = numberEnd - 3;
  if (text[dot] !== '.' || dot - start < 1 || dot - start > 2) return undefined;
  const hour = Number(text.slice(start, dot));
  const minutes = readClockMinutes(text, dot, numberEnd, DOT);
  if (!minutes || !isHour(hour)) return undefined;
  const suffixEnd = skipEnglishSuffix(text, numberEnd, end);
  return suffixEnd === numberEnd ? undefined : { end: suffixEnd, value: hour + minutes.value / MINUTES_IN_HOUR };
}

function readEnglishTime(text: string, hour: number, numberEnd: number, end: number): TimeReading | undefined {
  const minutes = readClockMinutes(text, numberEnd, end);
  const afterMinutes = minutes ? minutes.end : numberEnd;
  const suffixEnd = skipEnglishSuffix(text, afterMinutes, end);
  if (!minutes && suffixEnd === numberEnd) return undefined;
  return { end: suffixEnd, value: hour + (minutes ? minutes.value / MINUTES_IN_HOUR : 0) };
}

/** `30分` or `半` after 时/点; the fraction of an hour and the end. */
function readChineseMinutes(text: string, i: number, end: number): TimeReading | undefined {
  if (text[i] === '半') return { end: i + 1, value: 0.5 };
  const minutes = readChineseNumber(text, i, end);
  if (!minutes || text[minutes.end] !== '分' || minutes.value >= MINUTES_IN_HOUR || minutes.end >= end) return undefined;
  return { end: minutes.end + 1, value: minutes.value / MINUTES_IN_HOUR };
}

function afterDayPart(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - LONGEST_DAY_PART), start);
  return ZH_DAY_PARTS.some((part) => before.endsWith(part));
}

/** `23时`, `10时30分`; `8点` only with 上午/晚上… before it or minutes after (`三点意见` is three points). */
function readChineseTime(text: string, start: number, hour: number, numberEnd: number, end: number): TimeReading | undefined {
  const mark = text[numberEnd] ?? '';
  if (numberEnd >= end || !HOUR_MARKS.includes(mark) || text[numberEnd + 1] === '间' || text[numberEnd + 1] === '間') return undefined;
  const minutes = numberEnd + 1 < end ? readChineseMinutes(text, numberEnd + 1, end) : undefined;
  if (POINT_MARKS.includes(mark) && !minutes && !afterDayPart(text, start)) return undefined;
  return { end: minutes ? minutes.end : numberEnd + 1, value: hour + (minutes ? minutes.value : 0) };
}

/** The time of day that the number `text[start, numberEnd)` of value `hour` begins, if it begins one. */
export function readTimeAfter(text: string, start: number, hour: number, numberEnd: number, end: number): TimeReading | undefined {
  if (!isHour(hour)) return readDottedTime(text, start, numberEnd, end);
  return readEnglishTime(text, hour, numberEnd, end) ?? readChineseTime(text, start, hour, numberEnd, end);
}
