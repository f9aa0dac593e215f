/**
 * Readers for the written forms of a number: Arabic digits (ASCII or full-width, with `,` or thin-space
 * thousands groups and a decimal point) and Chinese numerals, mixed as Chinese writers mix them
 * (`1.2万`, `1亿5000万`, `二〇二五`, `一千零五`). Each reader stops at a bounded length so that a
 * pathological run of digits costs no more than its own length.
 */
import numerals from './numerals.json';
import { digitAt } from './chars';

export interface NumberReading {
  readonly value: number;
  readonly end: number;
}

export interface ArabicReading extends NumberReading {
  /** Digits before any decimal point, separators excluded. */
  readonly integerDigits: number;
  readonly hasSeparator: boolean;
  readonly hasDecimal: boolean;
}

const MAX_DIGITS = 40;
const CHINESE_DIGITS: Readonly<Record<string, number>> = numerals.chineseDigits;
const CHINESE_UNITS: Readonly<Record<string, number>> = numerals.chineseUnits;
/** Units of measure that begin with a unit character: the 千 of `1.2千克` is kilo-, not a thousand. */
const METRIC_WORDS: readonly string[] = numerals.chineseMetricWords;
const MYRIAD = 10000;

const FULL_WIDTH_COMMA = 0xff0c;

function isFullWidthDigit(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return code >= 0xff10 && code <= 0xff19;
}

/**
 * Thousands separators. `，` separates clauses after ASCII digits (`1，200` is two numbers), but between
 * full-width digits it is the comma of full-width typing (`１，２００`); `、` always separates list items.
 */
function isGroupSeparator(text: string, j: number): boolean {
  const code = text.charCodeAt(j);
  if (code === FULL_WIDTH_COMMA) return isFullWidthDigit(text, j - 1) && isFullWidthDigit(text, j + 1);
  return code === 0x2c || code === 0x2009 || code === 0x202f;
}

function countDigits(text: string, i: number, end: number): number {
  let j = i;
  while (j < end && j - i < MAX_DIGITS && digitAt(text, j) >= 0) j++;
  return j - i;
}

function digitsValue(text: string, i: number, count: number): number {
  let value = 0;
  for (let k = 0; k < count; k++) value = value * 10 + digitAt(text, i + k);
  return value;
}

/** Reads `5,415`, `1200`, `3.5`, `１２`; undefined when `i` is not a digit. */
export function readArabic(text: string, i: number, end: number): ArabicReading | undefined {
  const first = countDigits(text, i, end);
  if (first === 0) return undefined;
  let value = digitsValue(text, i, first);
  let integerDigits = first;
  let j = i + first;
  let hasSeparator = false;
  // A group is a separator followed by exactly three digits; anything else ends the number.
  while (first <= 3 && isGroupSeparator(text, j) && countDigits(text, j + 1, end) === 3) {
    value = value * 1000 + digitsValue(text, j + 1, 3);
    integerDigits += 3;
    hasSeparator = true;
    j += 4;
  }
  const decimals = text.charCodeAt(j) === 0x2e || text.charCodeAt(j) === 0xff0e ? countDigits(text, j + 1, end) : 0;
  if (decimals > 0) {
    value += digitsValue(text, j + 1, decimals) / 10 ** decimals;
    j += decimals + 1;
  }
  return { value, end: j, integerDigits, hasSeparator, hasDecimal: decimals > 0 };
}

/**
 * Chinese digits and units as tables by code unit: these tests run on every character of a text, and
 * reading `text[i]` would make a string of each Chinese character.
 */
const NO_DIGIT = -1;
const DIGIT_BY_CODE = new Int8Array(0x10000).fill(NO_DIGIT);
for (const [ch, value] of Object.entries(CHINESE_DIGITS)) DIGIT_BY_CODE[ch.charCodeAt(0)] = value;
/** 1 + the index into UNIT_VALUES of a unit character, 0 for any other. */
const UNIT_BY_CODE = new Uint8Array(0x10000);
const UNIT_VALUES = Object.values(CHINESE_UNITS);
Object.keys(CHINESE_UNITS).forEach((ch, index) => (UNIT_BY_CODE[ch.charCodeAt(0)] = index + 1));

/** The value 0–9 of the Chinese digit at `i` (〇, 一, 两, 壹…), or -1. */
export function chineseDigitAt(text: string, i: number): number {
  return DIGIT_BY_CODE[text.charCodeAt(i)] ?? NO_DIGIT;
}

/** The value of the Chinese unit at `i` (十, 百, 千, 万, 亿…), or 0. */
function chineseUnitAt(text: string, i: number): number {
  const index = UNIT_BY_CODE[text.charCodeAt(i)] ?? 0;
  return index === 0 ? 0 : UNIT_VALUES[index - 1];
}

export function isChineseNumeralAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return DIGIT_BY_CODE[code] >= 0 || UNIT_BY_CODE[code] > 0;
}

/** Folds floating-point noise such as 1.1 × 10⁴ = 11000.000000000002. */
function tidy(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * Running state of a Chinese numeral: `total` holds completed 万/亿 groups, `section` the part below
 * 万, `current` the digits read since the last unit (consecutive digits are positional: 二〇二五 = 2025).
 */
class ChineseAccumulator {
  private total = 0;
  private section = 0;
  private current: number | undefined;

  addDigit(value: number): void {
    this.current = this.current === undefined ? value : this.current * 10 + value;
  }

  addNumber(value: number): void {
    this.current = value;
  }

  addUnit(unit: number): void {
    if (unit < MYRIAD) {
      this.section += (this.current ?? 1) * unit;
    } else {
      // A bare 万 is ten thousand; the 亿 of 1.2万亿 multiplies what came before (no group of its own).
      const group = this.section + (this.current ?? 0) || (this.total === 0 ? 1 : 0);
      this.total = unit > MYRIAD ? (this.total + group) * unit : this.total + group * unit;
      this.section = 0;
    }
    this.current = undefined;
  }

  value(): number {
    return tidy(this.total + this.section + (this.current ?? 0));
  }
}

export interface ChineseReading extends NumberReading {
  /** Whether a unit character (十百千万亿) took part. */
  readonly hasUnit: boolean;
  /** How many Chinese numeral characters were read. */
  readonly chineseChars: number;
}

/**
 * Reads a run of Chinese numerals, optionally mixed with Arabic numbers (`1.2万`, `1亿5000万`).
 * Undefined when nothing numeric starts at `i`.
 */
export function readChineseNumber(text: string, i: number, end: number): ChineseReading | undefined {
  const accumulator = new ChineseAccumulator();
  let j = i;
  let hasUnit = false;
  let chineseChars = 0;
  let digitsAfterUnit = 0;
  while (j < end && j - i < MAX_DIGITS) {
    const digit = chineseDigitAt(text, j);
    const unit = chineseUnitAt(text, j);
    if (unit !== 0 && METRIC_WORDS.some((word) => text.startsWith(word, j))) break;
    // After a unit one digit follows (一千零五: a zero does not count); `十四五` is 十四 and a name's 五.
    if (digit > 0 && hasUnit && ++digitsAfterUnit > 1) break;
    if (unit !== 0) digitsAfterUnit = 0;
    const arabic = digit === NO_DIGIT && unit === 0 ? readArabic(text, j, end) : undefined;
    if (digit !== NO_DIGIT) accumulator.addDigit(digit);
    else if (unit !== 0) accumulator.addUnit(unit);
    // Arabic digits start a number (`3万`) or follow a unit (`1亿5000万`), never a bare Chinese digit.
    else if (arabic !== undefined && (j === i || hasUnit)) accumulator.addNumber(arabic.value);
    else break;
    if (arabic !== undefined) j = arabic.end;
    else {
      j++;
      chineseChars++;
    }
    if (unit !== 0) hasUnit = true;
  }
  if (j === i) return undefined;
  return { value: accumulator.value(), end: j, hasUnit, chineseChars };
}
