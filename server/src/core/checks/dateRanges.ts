/**
 * Day ranges that share one month: `23 to 29 June 2025` and `2025年6月23日至29日`. The date finder
 * reads one full date in each; the bare day on the other end becomes a date of its own here, so that
 * the ranges compare as two dates each, and its digits stop counting as a number.
 */
import type { Span } from '../model';
import { findDates, type DateMention } from '../normalise/dates';

const EN_JOINERS = [' to ', '-', '–', '—', ' and '];
const ZH_JOINERS = ['至', '到', '-', '–', '—', '~', '～'];
const ZH_DAY_MARKS = '日号';
const MAX_DAY_DIGITS = 2;

function isDigit(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code >= 0x30 && code <= 0x39;
}

/** The day written as 1–2 ASCII digits ending just before `end` (`23` of `23 to`), if any. */
function dayBefore(text: string, end: number, floor: number): DateMention | undefined {
  let start = end;
  while (start > floor && end - start < MAX_DAY_DIGITS && isDigit(text, start - 1)) start--;
  if (start === end || (start > floor && isDigit(text, start - 1))) return undefined;
  return { start, end, day: Number(text.slice(start, end)) };
}

/** The day written as 1–2 ASCII digits from `start`, followed by 日 (`29日` of `至29日`), if any. */
function dayAfter(text: string, start: number, stop: number): DateMention | undefined {
  let end = start;
  while (end < stop && end - start < MAX_DAY_DIGITS && isDigit(text, end)) end++;
  if (end === start || end >= stop || !ZH_DAY_MARKS.includes(text[end])) return undefined;
  return { start, end: end + 1, day: Number(text.slice(start, end)) };
}

function withMonth(day: DateMention, date: DateMention): DateMention | undefined {
  if (date.month === undefined || date.day === undefined || day.day === undefined || day.day < 1 || day.day > 31) return undefined;
  return { ...date, start: day.start, end: day.end, day: day.day };
}

function rangeStart(text: string, date: DateMention, floor: number): DateMention | undefined {
  const joiner = EN_JOINERS.find((j) => text.startsWith(j, date.start - j.length));
  const day = joiner === undefined ? undefined : dayBefore(text, date.start - joiner.length, floor);
  return day && withMonth(day, date);
}

function rangeEnd(text: string, date: DateMention, stop: number): DateMention | undefined {
  const joiner = ZH_JOINERS.find((j) => text.startsWith(j, date.end));
  const day = joiner === undefined ? undefined : dayAfter(text, date.end + joiner.length, stop);
  return day && withMonth(day, date);
}

/** The dates of `span`, with the bare day of a same-month range added as a date, in text order. */
export function findDatesWithRanges(text: string, span: Span): DateMention[] {
  const dates: DateMention[] = [];
  for (const date of findDates(text, span.start, span.end)) {
    const before = rangeStart(text, date, Math.max(span.start, dates.length > 0 ? dates[dates.length - 1].end : 0));
    const after = rangeEnd(text, date, span.end);
    if (before) dates.push(before);
    dates.push(date);
    if (after) dates.push(after);
  }
  return dates;
}
