/**
 * Digits and numerals that are no quantity a translation must carry: list and paragraph markers
 * (`1.`, `２．`, `(3)`, `（十一）`, `十二、` at a line start) and designations with a slash (`resolution
 * 5/1`, `第5/1号决议`, `No. 027/2026`), which the checks set aside, so that neither version reports what
 * the other writes differently or not at all; and codes glued to letters (`CA783`, `COVID-19`, `G20`),
 * which pair when the other version has the figure (`G20` ↔ `二十国集团`) and are no error when not
 * (`COVID-19` ↔ `新冠肺炎`), as are numerals inside a short quoted name (`“十四五”规划`, `“水十年”`).
 */
import currencies from './currencies.json';
import { digitAt, isLatinLetterAt } from './chars';
import { isChineseNumeralAt } from './numerals';

const MAX_MARKER_DIGITS = 2;
const MAX_INDENT = 8;
const MAX_RUN = 40;
const MARKER_ENDS = '.．、)）';
const OPENING_BRACKETS = '(（';
const CLOSING_BRACKETS = ')）';
const SLASHES = '/／';
const LONGEST_CURRENCY = 3;
const CURRENCY_CODES = new Set(Object.keys(currencies.before).filter((mark) => /^[A-Z]+$/.test(mark)));

/** Whether the character at `i` is one of `chars` (false outside the text). */
function isAt(text: string, i: number, chars: string): boolean {
  const ch = text[i];
  return ch !== undefined && chars.includes(ch);
}

function isIndent(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\u3000';
}

/** Whether only indentation stands between the start of the line and `i`. */
function atLineStart(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && i - j <= MAX_INDENT && isIndent(text[j])) j--;
  return j < 0 || text[j] === '\n' || text[j] === '\r' || text[j] === '\f';
}

function digitRunEnd(text: string, i: number, end: number): number {
  let j = i;
  while (j < end && j - i < MAX_RUN && digitAt(text, j) >= 0) j++;
  return j;
}

function chineseRunEnd(text: string, i: number, end: number): number {
  let j = i;
  while (j < end && j - i < MAX_RUN && isChineseNumeralAt(text, j)) j++;
  return j;
}

/** `USD180,000` keeps its amount: letters before digits are a code unless they name a currency. */
function afterCurrencyCode(text: string, i: number): boolean {
  let j = i;
  while (j > 0 && i - j < LONGEST_CURRENCY + 1 && isLatinLetterAt(text, j - 1)) j--;
  return !isLatinLetterAt(text, j - 1) && CURRENCY_CODES.has(text.slice(j, i).toUpperCase());
}

function looksLikeYear(text: string, i: number, runEnd: number): boolean {
  const value = Number(text.slice(i, runEnd));
  return runEnd - i === 4 && value >= 1900 && value <= 2099;
}

/** `CA783`, `G20`, `COVID-19` (but `mid-2026` is a year): the whole run of letters and digits. */
function codeLength(text: string, i: number, end: number, runEnd: number): number {
  const glued = isLatinLetterAt(text, i - 1) && !afterCurrencyCode(text, i);
  const hyphenated = text[i - 1] === '-' && isLatinLetterAt(text, i - 2) && !looksLikeYear(text, i, runEnd);
  if (!glued && !hyphenated) return 0;
  let j = runEnd;
  while (j < end && j - i < MAX_RUN && (digitAt(text, j) >= 0 || isLatinLetterAt(text, j))) j++;
  return j - i;
}

/** `5/1`, `027/2026`, the `2026/27` after `CHN/HR/`: digits and slashes up to the last digit. */
function designationLength(text: string, i: number, end: number, runEnd: number): number {
  const afterSlash = isAt(text, i - 1, SLASHES);
  const beforeSlash = isAt(text, runEnd, SLASHES) && digitAt(text, runEnd + 1) >= 0;
  if (!afterSlash && !beforeSlash) return 0;
  let j = runEnd;
  while (j + 1 < end && j - i < MAX_RUN && isAt(text, j, SLASHES) && digitAt(text, j + 1) >= 0) j = digitRunEnd(text, j + 1, end);
  return j - i;
}

/** `1.`, `２．`, `3)` at a line start, `(3)`/`（３）` anywhere: the marker with its punctuation. */
function markerLength(text: string, i: number, runEnd: number): number {
  if (runEnd - i > MAX_MARKER_DIGITS) return 0;
  if (isAt(text, i - 1, OPENING_BRACKETS) && isAt(text, runEnd, CLOSING_BRACKETS)) return runEnd - i + 1;
  const isMarkerEnd = isAt(text, runEnd, MARKER_ENDS) && digitAt(text, runEnd + 1) < 0;
  return isMarkerEnd && atLineStart(text, i) ? runEnd - i + 1 : 0;
}

/** `（十一）` anywhere and `十二、` at a line start; single numerals such as `（一）` never count anyway. */
function chineseMarkerLength(text: string, i: number, end: number): number {
  const runEnd = chineseRunEnd(text, i, end);
  if (isAt(text, i - 1, OPENING_BRACKETS) && isAt(text, runEnd, CLOSING_BRACKETS)) return runEnd - i + 1;
  return text[runEnd] === '、' && atLineStart(text, i) ? runEnd - i + 1 : 0;
}

function startsDigitRun(text: string, i: number): boolean {
  return digitAt(text, i) >= 0 && digitAt(text, i - 1) < 0;
}

/** The length of the marker or designation starting at `i`, or 0 when a quantity may start there. */
export function nonQuantityLength(text: string, i: number, end: number): number {
  if (isChineseNumeralAt(text, i)) return chineseMarkerLength(text, i, end);
  if (!startsDigitRun(text, i)) return 0;
  const runEnd = digitRunEnd(text, i, end);
  return designationLength(text, i, end, runEnd) || markerLength(text, i, runEnd);
}

/** Whether the digits at `i` belong to a code glued to letters (`CA783`, `COVID-19`, `G20`). */
export function isCodeAt(text: string, i: number, end: number): boolean {
  return startsDigitRun(text, i) && codeLength(text, i, end, digitRunEnd(text, i, end)) > 0;
}

const OPENING_QUOTES = '“「『"';
const CLOSING_QUOTES = '”」』"';
/** How far a quoted name reaches on either side of its numeral. */
const NAME_REACH = 8;

/** Whether `span` lies inside a short quoted name: `“十四五”规划`, `“水十年”`. */
export function insideQuotedName(text: string, start: number, end: number): boolean {
  let opened = false;
  for (let j = start - 1; j >= 0 && start - j <= NAME_REACH && !opened; j--) {
    if (CLOSING_QUOTES.includes(text[j]) && text[j] !== '"') return false;
    opened = OPENING_QUOTES.includes(text[j]);
  }
  if (!opened) return false;
  for (let j = end; j < text.length && j - end < NAME_REACH; j++) if (CLOSING_QUOTES.includes(text[j])) return true;
  return false;
}
