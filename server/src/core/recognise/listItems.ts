/**
 * The start of a list item set apart by a blank line, as PDF text and typed notes lay lists out:
 * `(a)`, `(iv)`, `(2)`, `（一）`, `a)`, `2)`, `①`, `•` always; a numbered item (`1.`, `一、`) only when it
 * carries the sentence of the paragraph on (it ends with `;`, or goes on in lower case), since a
 * numbered block of full sentences is a numbered paragraph.
 */
import type { Span } from '../model';
import { lastSignificantCode } from '../text/measure';
import { isLowerLatin } from '../text/script';
import { chineseNumeralValue } from './markers';

const SUB_ITEM_START = /^(?:[(（](?:[a-z]|[ivxl]{1,6}|\d{1,2}|[一二三四五六七八九十]{1,3})[)）]|[a-z][)）]\s|\d{1,2}[)）]\s|[①-⑳]|[•·▪]\s?)/;
const NUMBERED_ITEM_START = /^(?:[0-9０-９]{1,2}[.．、]\s?|[一二三四五六七八九十]{1,3}、)/;

function startsSubItem(text: string, start: number): boolean {
  return SUB_ITEM_START.test(text.slice(start, start + 8));
}

function continuesAsNumberedItem(text: string, part: Span): boolean {
  const marker = NUMBERED_ITEM_START.exec(text.slice(part.start, part.start + 8));
  if (!marker) return false;
  const last = lastSignificantCode(text, part.start, part.end);
  return last === 0x3b || last === 0xff1b || isLowerLatin(text.charCodeAt(part.start + marker[0].length));
}

export function startsItem(text: string, part: Span): boolean {
  return startsSubItem(text, part.start) || continuesAsNumberedItem(text, part);
}

/**
 * Whether `next` is the numbered item that follows the one `previous` starts (`3.` after `2.`): the
 * last item of a list ends with a full stop, and still belongs to it.
 */
export function followsNumberedItem(text: string, previous: Span, next: Span): boolean {
  const before = numberedItem(text, previous.start);
  const after = numberedItem(text, next.start);
  return before !== undefined && after !== undefined && before.style === after.style && after.value === before.value + 1;
}

/** What `followsNumberedItem` reads of a part: an edit that keeps it keeps the joins (see incremental.ts). */
export function numberedItemKey(text: string, start: number): string {
  const item = numberedItem(text, start);
  return item ? `${item.style}:${item.value}` : '';
}

function numberedItem(text: string, start: number): { style: string; value: number } | undefined {
  const marker = NUMBERED_ITEM_START.exec(text.slice(start, start + 8));
  if (!marker) return undefined;
  const digits = marker[0].replace(/[^0-9０-９]/g, '').replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (digits !== '') return { style: `arabic${marker[0].replace(/[0-9０-９\s]/g, '')}`, value: Number(digits) };
  return { style: 'chinese', value: chineseNumeralValue(marker[0].replace('、', '')) };
}
