/**
 * Finds the numbers a translation must carry over, in English and Chinese, normalised to a value so that
 * `5,415` ≡ `5415` ≡ `５，４１５`, `30,000` ≡ `3万`, `four` ≡ `4`, `a dozen` ≡ `十二`, `twice` ≡ `两次`,
 * `5%` ≡ `百分之五`, `half` ≡ `一半` (kind `fraction`), `30th` ≡ `第三十` (kind `ordinal`), `23:00` ≡ `23时`
 * (kind `time`), and approximations keep their qualifier (`1200余` ≡ `more than 1,200`). Indefinite
 * amounts (`tens of thousands`, `数万`, `for decades`) are ranges. Years inside dates are reported with
 * kind `year` and day/month numbers are left to the date finder. Markers, codes and designations are
 * read as numbers here (the aligner uses them); the checks set them aside (see nonQuantities.ts).
 */
import numerals from './numerals.json';
import {
  digitAt, foldWidth, hasWordAt, isAsciiLetter, isDigitCode, isLatinLetterAt, latinWordEnd, previousWord, sameWordAt, skipOrdinalSuffix, skipSpaces,
  trimmedEnd,
} from './chars';
import { DateMention, findDates } from './dates';
import { chineseDigitAt, isChineseNumeralAt, readArabic, readChineseNumber } from './numerals';
import { readTimeAfter } from './times';
import { WordTable, wordSet } from './words';

export type NumberQualifier = 'more-than' | 'about' | 'nearly' | 'at-least' | 'at-most' | 'less-than' | 'several';
export type NumberKind = 'count' | 'percent' | 'percentage-point' | 'ordinal' | 'year' | 'fraction' | 'time';
export type TextLanguage = 'en' | 'zh';

export interface NumberMention {
  readonly start: number;
  readonly end: number;
  /** The value, or the lower bound of a range. */
  readonly value: number;
  /** The upper bound when the mention is a range (`tens of thousands` = 20,000–99,999). */
  readonly max?: number;
  readonly qualifier?: NumberQualifier;
  readonly kind: NumberKind;
}

const EN_UNITS = WordTable.of(numerals.englishUnits);
const EN_ORDINALS = WordTable.of(numerals.englishOrdinals);
const EN_SCALES = WordTable.of(numerals.englishScales);
const EN_MULTIPLES = WordTable.of(numerals.englishMultiples);
const EN_REPETITIONS = WordTable.of(numerals.englishRepetitions);
const EN_DENOMINATORS = WordTable.of(numerals.englishDenominators);
const EN_PREFIXES = numerals.englishPrefixQualifiers as [string, NumberQualifier][];
const ZH_PREFIXES = numerals.chinesePrefixQualifiers as [string, NumberQualifier][];
const ZH_SUFFIXES = numerals.chineseSuffixQualifiers as [string, NumberQualifier][];
const EN_PERCENT = numerals.englishPercentWords as [string, NumberKind][];
const EN_YEAR_WORDS = wordSet(numerals.englishYearWords);
const ZH_INDEFINITE = new Set(numerals.chineseIndefinite);
const ZH_CLASSIFIERS = new Set(numerals.chineseClassifiers);
const ZH_IDIOMS = numerals.chineseNumeralIdioms;
const ZH_RANGE_JOINERS = numerals.chineseRangeJoiners;
const ZH_HALF: readonly string[] = numerals.chineseHalf;
const ZH_METRIC_WORDS: readonly string[] = numerals.chineseMetricWords;
const ZH_PERCENT_PREFIX = '百分之';
const FRACTION_MARK = '分之';
const HALF = '半';
const DECIMAL_POINT = '点';
/** 三成 is 30 per cent. */
const TENTHS = '成';
const ZH_POINT_SUFFIX = numerals.chinesePercentPointSuffix;
const EN_NUMBER_WORDS = wordSet([numerals.englishUnits, numerals.englishOrdinals, numerals.englishScales, numerals.englishMultiples,
  numerals.englishRepetitions, numerals.englishDenominators].flatMap((table) => Object.keys(table)));
/** The words that continue a number phrase (`twenty-five`, `three hundred and five`, `two thirds`). */
const EN_CONTINUING_WORDS = wordSet([numerals.englishUnits, numerals.englishOrdinals, numerals.englishScales, numerals.englishDenominators]
  .flatMap((table) => Object.keys(table)));
/** Characters that may start a Chinese number besides the numerals: 数万, 几十, 半数. */
const ZH_NUMBER_STARTS = new Set([...numerals.chineseIndefinite, HALF].map((ch) => ch.charCodeAt(0)));
const S = 0x73;
const MAX_PHRASE_WORDS = 16;
const LONGEST_PREFIX = 16;

interface Draft {
  start: number;
  end: number;
  value: number;
  max?: number;
  qualifier?: NumberQualifier;
  kind: NumberKind;
}

function rangeOf(unit: number): Pick<Draft, 'value' | 'max'> {
  return { value: 2 * unit, max: 10 * unit - 1 };
}

/** `%`, `per cent`, `percentage points`, `个百分点` after a number; returns the new end and the kind. */
function readPercentSuffix(text: string, i: number, end: number): { end: number; kind: NumberKind } | undefined {
  if (i < end && foldWidth(text[i] ?? '') === '%') return { end: i + 1, kind: 'percent' };
  if (i + ZH_POINT_SUFFIX.length <= end && text.startsWith(ZH_POINT_SUFFIX, i)) return { end: i + ZH_POINT_SUFFIX.length, kind: 'percentage-point' };
  const j = skipSpaces(text, i, Math.min(end, i + 2));
  for (const [words, kind] of EN_PERCENT) if (hasWordAt(text, j, words, end)) return { end: j + words.length, kind };
  return undefined;
}

/** `million`, `billion`, `thousand` after digits (`1.2 million`). */
function readScaleWord(text: string, i: number, end: number): { end: number; scale: number } | undefined {
  const j = skipSpaces(text, i, Math.min(end, i + 2));
  if (j === i) return undefined;
  const wordEnd = latinWordEnd(text, j, Math.min(end, j + 12));
  const scale = EN_SCALES.at(text, j, wordEnd);
  return scale !== undefined && !isLatinLetterAt(text, wordEnd) ? { end: wordEnd, scale } : undefined;
}

/** 余/多/左右/以上/以下 right after the number or after its classifier (`1200余名`, `30人左右`), before `end`. */
function readChineseSuffix(text: string, i: number, end: number): NumberQualifier | undefined {
  for (const at of [i, i + 1]) {
    for (const [suffix, qualifier] of ZH_SUFFIXES) if (at + suffix.length <= end && text.startsWith(suffix, at)) return qualifier;
    if (!ZH_CLASSIFIERS.has(text[i] ?? '')) break;
  }
  return undefined;
}

/** `more than 1,200`, `约1200`: the qualifier written right before the number, read back from `start` without making a string. */
function readPrefixQualifier(text: string, start: number, floor: number): NumberQualifier | undefined {
  const from = Math.max(floor, start - LONGEST_PREFIX);
  const wordsEnd = trimmedEnd(text, from, start);
  if (wordsEnd < start) {
    for (const [phrase, qualifier] of EN_PREFIXES) {
      const at = wordsEnd - phrase.length;
      if (at >= from && sameWordAt(text, at, wordsEnd, phrase) && !(at - 1 >= from && isLatinLetterAt(text, at - 1))) return qualifier;
    }
  }
  for (const [prefix, qualifier] of ZH_PREFIXES) if (start - prefix.length >= from && text.startsWith(prefix, start - prefix.length)) return qualifier;
  return undefined;
}

/** Digits, possibly with Chinese units (`3万`), an English scale (`1.2 million`), `%` or an ordinal suffix. */
function readDigitMention(text: string, i: number, end: number, floor: number): Draft | undefined {
  const reading = readChineseNumber(text, i, end);
  if (!reading) return undefined;
  const time = readTimeAfter(text, i, reading.value, reading.end, end);
  if (time) return { start: i, end: time.end, value: time.value, kind: 'time' };
  const draft: Draft = { start: i, end: reading.end, value: reading.value, kind: 'count' };
  const scale = readScaleWord(text, draft.end, end);
  if (scale) Object.assign(draft, { end: scale.end, value: reading.value * scale.scale });
  const percent = readPercentSuffix(text, draft.end, end);
  const ordinalEnd = skipOrdinalSuffix(text, draft.end, end);
  if (percent) Object.assign(draft, percent);
  else if (ordinalEnd > draft.end || text[i - 1] === '第') Object.assign(draft, { end: ordinalEnd, kind: 'ordinal' });
  else if (looksLikeYear(text, draft, floor)) draft.kind = 'year';
  return draft;
}

function looksLikeYear(text: string, draft: Draft, floor: number): boolean {
  const digits = draft.end - draft.start;
  if (digits !== 4 || !Number.isInteger(draft.value) || draft.value < 1000 || draft.value > 2999) return false;
  return text[draft.end] === '年' || EN_YEAR_WORDS.has(previousWord(text, draft.start, floor));
}

/** 数万 / 几十 / 数十万: an indefinite multiple of the unit that follows. */
function readIndefinite(text: string, i: number, end: number): Draft | undefined {
  if (!ZH_INDEFINITE.has(text[i] ?? '')) return undefined;
  const unit = readChineseNumber(text, i + 1, end);
  if (!unit || !unit.hasUnit || digitAt(text, i + 1) >= 0 || unit.chineseChars !== unit.end - i - 1) return undefined;
  return { start: i, end: unit.end, ...rangeOf(unit.value), qualifier: 'several', kind: 'count' };
}

/** `一至三`, `三、四`: a numeral on either side of a range or list joiner. */
function inNumeralRange(text: string, start: number, end: number): boolean {
  const joinerAfter = ZH_RANGE_JOINERS.includes(text[end] ?? '_') && isChineseNumeralAt(text, end + 1);
  const joinerBefore = ZH_RANGE_JOINERS.includes(text[start - 1] ?? '_') && isChineseNumeralAt(text, start - 2);
  return joinerAfter || joinerBefore;
}

/** A single numeral character counts only where it plainly is one: 第二, 两国, 三次, 一是, 十几, 一至三, 五千克. */
function isPlainNumeral(text: string, start: number, end: number): boolean {
  if (end - start > 1) return true;
  const next = text[end] ?? '';
  return text[start - 1] === '第' || ZH_CLASSIFIERS.has(next) || next === '是' || ZH_INDEFINITE.has(next) ||
    ZH_SUFFIXES.some(([suffix]) => suffix === next) || inNumeralRange(text, start, end) ||
    ZH_METRIC_WORDS.some((word) => text.startsWith(word, end));
}

/** `三分之二` (2/3), `一半`, `半数`: a fraction. */
function readChineseFraction(text: string, i: number, end: number): Draft | undefined {
  const half = ZH_HALF.find((word) => text.startsWith(word, i) && i + word.length <= end);
  if (half) return { start: i, end: i + half.length, value: 0.5, kind: 'fraction' };
  const denominator = readChineseNumber(text, i, end);
  if (!denominator || denominator.value < 2 || !text.startsWith(FRACTION_MARK, denominator.end)) return undefined;
  const numerator = readChineseNumber(text, denominator.end + FRACTION_MARK.length, end);
  if (!numerator) return undefined;
  return { start: i, end: numerator.end, value: numerator.value / denominator.value, kind: 'fraction' };
}

function readChineseMention(text: string, i: number, end: number): Draft | undefined {
  const indefinite = readIndefinite(text, i, end) ?? readChineseFraction(text, i, end);
  if (indefinite) return indefinite;
  if (!isChineseNumeralAt(text, i)) return undefined;
  const reading = readChineseNumber(text, i, end);
  const time = reading && readTimeAfter(text, i, reading.value, reading.end, end);
  if (time) return { start: i, end: time.end, value: time.value, kind: 'time' };
  if (!reading || !isPlainNumeral(text, i, reading.end)) return undefined;
  if (text[reading.end] === TENTHS && reading.value <= 10) return { start: i, end: reading.end + 1, value: reading.value * 10, kind: 'percent' };
  const draft: Draft = { start: i, end: reading.end, value: reading.value, kind: 'count' };
  if (text[i - 1] === '第' || text[reading.end] === '是') draft.kind = 'ordinal';
  const teens = reading.end < end && text[reading.end] === '几' && reading.value % 10 === 0;
  if (teens) Object.assign(draft, { end: reading.end + 1, value: reading.value + 1, max: reading.value + 9, qualifier: 'several' });
  return draft;
}

/** `tens of thousands`, `hundreds`, `dozens of`: a range. */
function readEnglishMultiple(text: string, i: number, end: number): Draft | undefined {
  let wordEnd = latinWordEnd(text, i, end);
  let unit = EN_MULTIPLES.at(text, i, wordEnd);
  if (unit === undefined) return undefined;
  const of = skipSpaces(text, wordEnd, end);
  if (hasWordAt(text, of, 'of', end)) {
    const next = skipSpaces(text, of + 2, end);
    const nextEnd = latinWordEnd(text, next, Math.min(end, next + 12));
    const bigger = EN_MULTIPLES.at(text, next, nextEnd);
    if (bigger !== undefined && bigger > unit) {
      unit *= bigger;
      wordEnd = nextEnd;
    }
  }
  return { start: i, end: wordEnd, ...rangeOf(unit), qualifier: 'several', kind: 'count' };
}

/** Number words: `four`, `twenty-five`, `three hundred and sixty five`, `twenty-first`, `one million`. */
function readEnglishWords(text: string, i: number, end: number): Draft | undefined {
  let total = 0;
  let current = 0;
  let wordStart = i;
  let lastEnd = i;
  let kind: NumberKind = 'count';
  for (let words = 0; words < MAX_PHRASE_WORDS && kind === 'count'; words++) {
    const wordEnd = latinWordEnd(text, wordStart, end);
    const unit = EN_UNITS.at(text, wordStart, wordEnd);
    const ordinal = EN_ORDINALS.at(text, wordStart, wordEnd);
    const scale = EN_SCALES.at(text, wordStart, wordEnd);
    const denominator = lastEnd > i && total === 0 && current > 0 && current < 10 ? EN_DENOMINATORS.at(text, wordStart, wordEnd) : undefined;
    if (unit !== undefined) current += unit;
    else if (denominator !== undefined && (current === 1 || (text.charCodeAt(wordEnd - 1) | 0x20) === S)) {
      return { start: i, end: wordEnd, value: current / denominator, kind: 'fraction' };
    } else if (ordinal !== undefined && ordinal >= 100) [current, kind] = [(current || 1) * ordinal, 'ordinal'];
    // `twenty-first` adds up; `one third` is a fraction (above), and `one second` two words.
    else if (ordinal !== undefined && current % 10 === 0) [current, kind] = [current + ordinal, 'ordinal'];
    else if (scale === 100) current = (current || 1) * scale;
    else if (scale !== undefined) [total, current] = [total + (current || 1) * scale, 0];
    else break;
    lastEnd = wordEnd;
    wordStart = nextNumberWordStart(text, wordEnd, end, scale !== undefined);
    if (wordStart < 0) break;
  }
  return lastEnd > i ? { start: i, end: lastEnd, value: total + current, kind } : undefined;
}

/**
 * After a number word: the start of the next one across ` `, `-`, or ` and ` after a scale word
 * (`two hundred and five`; `between two and five` is two numbers), else -1.
 */
function nextNumberWordStart(text: string, i: number, end: number, afterScale: boolean): number {
  let j = text[i] === '-' ? i + 1 : skipSpaces(text, i, Math.min(end, i + 2));
  if (j > i && afterScale && hasWordAt(text, j, 'and', end)) j = skipSpaces(text, j + 3, Math.min(end, j + 5));
  if (j === i) return -1;
  const wordEnd = latinWordEnd(text, j, Math.min(end, j + 12));
  return EN_CONTINUING_WORDS.hasAt(text, j, wordEnd) ? j : -1;
}

/** `twice`, `once`: a count. */
function readRepetition(text: string, i: number, end: number): Draft | undefined {
  const wordEnd = latinWordEnd(text, i, end);
  const value = EN_REPETITIONS.at(text, i, wordEnd);
  return value === undefined ? undefined : { start: i, end: wordEnd, value, kind: 'count' };
}

/** `half`, and `a third of`, `a quarter of` (not `a third party`): a fraction without a number word. */
function readLoneFraction(text: string, i: number, end: number, floor: number): Draft | undefined {
  const wordEnd = latinWordEnd(text, i, end);
  const denominator = EN_DENOMINATORS.at(text, i, wordEnd);
  if (denominator === undefined) return undefined;
  const ofFollows = hasWordAt(text, skipSpaces(text, wordEnd, Math.min(end, wordEnd + 2)), 'of', end);
  if (sameWordAt(text, i, wordEnd, 'half') || (previousWord(text, i, floor) === 'a' && ofFollows)) return { start: i, end: wordEnd, value: 1 / denominator, kind: 'fraction' };
  return undefined;
}

/** Nouns numbered in capital Roman numerals: `Room XXIV` (第二十四号会议室), `Part II`, `Chapter IV`. */
const ROMAN_NUMBERED = new Set(['room', 'hall', 'chapter', 'part', 'section', 'title', 'volume', 'annex', 'article', 'phase', 'book']);
const ROMAN_VALUES: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
const MAX_ROMAN_LENGTH = 9;

/** `XXIV` after a numbered noun; a Roman numeral elsewhere (`I`, `CV`, `MIX`) is a word. */
function readRomanNumeral(text: string, i: number, end: number, floor: number): Draft | undefined {
  const wordEnd = latinWordEnd(text, i, end);
  if (wordEnd - i > MAX_ROMAN_LENGTH || !ROMAN_NUMBERED.has(previousWord(text, i, floor))) return undefined;
  const value = romanValue(text.slice(i, wordEnd));
  return value === undefined ? undefined : { start: i, end: wordEnd, value, kind: 'ordinal' };
}

/** The value of a well-formed Roman numeral up to 399 (`XXIV` = 24), else undefined. */
function romanValue(word: string): number | undefined {
  let total = 0;
  for (let k = 0; k < word.length; k++) {
    const value = ROMAN_VALUES[word[k]];
    if (value === undefined) return undefined;
    const next = ROMAN_VALUES[word[k + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total > 0 && toRoman(total) === word ? total : undefined;
}

function toRoman(value: number): string {
  const symbols: readonly [number, string][] = [[100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let rest = value;
  let roman = '';
  for (const [amount, symbol] of symbols) for (; rest >= amount; rest -= amount) roman += symbol;
  return roman;
}

function readEnglishMention(text: string, i: number, end: number, floor: number): Draft | undefined {
  if (isLatinLetterAt(text, i - 1)) return undefined;
  const draft = readEnglishMultiple(text, i, end) ?? readRepetition(text, i, end) ?? readLoneFraction(text, i, end, floor)
    ?? readEnglishWords(text, i, end) ?? readRomanNumeral(text, i, end, floor);
  if (!draft || draft.kind !== 'count' || draft.max !== undefined) return draft;
  const percent = readPercentSuffix(text, draft.end, end);
  return percent ? { ...draft, ...percent } : draft;
}

/** `百分之五`, `百分之5.5`. */
function readChinesePercent(text: string, i: number, end: number): Draft | undefined {
  if (!text.startsWith(ZH_PERCENT_PREFIX, i)) return undefined;
  const reading = readChineseNumber(text, i + ZH_PERCENT_PREFIX.length, end);
  if (!reading) return undefined;
  const decimals = readSpokenDecimals(text, reading.end, end);
  return { start: i, end: decimals?.end ?? reading.end, value: reading.value + (decimals?.value ?? 0), kind: 'percent' };
}

/** `点五` of `百分之四点五`: decimals spelled digit by digit after 点. */
function readSpokenDecimals(text: string, i: number, end: number): { end: number; value: number } | undefined {
  if (text[i] !== DECIMAL_POINT) return undefined;
  let value = 0;
  let scale = 1;
  let j = i + 1;
  for (let digit = chineseDigitAt(text, j); j < end && digit >= 0; digit = chineseDigitAt(text, ++j)) {
    scale /= 10;
    value += digit * scale;
  }
  return j > i + 1 ? { end: j, value } : undefined;
}

/** Digits are read in either version; number words only in the script of the version's language. */
function readMentionAt(text: string, i: number, end: number, floor: number, lang: TextLanguage): Draft | undefined {
  if (digitAt(text, i) >= 0) return digitAt(text, i - 1) < 0 ? readDigitMention(text, i, end, floor) : undefined;
  if (lang === 'en') return isLatinLetterAt(text, i) ? readEnglishMention(text, i, end, floor) : undefined;
  return readChinesePercent(text, i, end) ?? readChineseMention(text, i, end);
}

/**
 * The first index from `i` (before `limit`) where a number may start: a digit, a number word of an
 * English version, a Chinese numeral (or 数, 几, 半) of a Chinese version. Whole Latin words that are
 * no number word are passed over (up to `stop`: a word may end past `limit`), and so is any other
 * character; nothing is allocated, because this runs over every character of the text.
 */
function nextNumberStart(text: string, i: number, limit: number, stop: number, lang: TextLanguage): number {
  let j = i;
  while (j < limit) {
    const code = text.charCodeAt(j);
    if (isAsciiLetter(code)) {
      const wordEnd = latinWordEnd(text, j, stop);
      // A capital Roman numeral may number a room or a part (readRomanNumeral decides).
      if (lang === 'en' && (EN_NUMBER_WORDS.hasAt(text, j, wordEnd) || ROMAN_VALUES[text[j]] !== undefined)) return j;
      j = wordEnd;
    } else if (isDigitCode(code) || (lang === 'zh' && (isChineseNumeralAt(text, j) || ZH_NUMBER_STARTS.has(code)))) {
      return j;
    } else j++;
  }
  return j;
}

/** Adds the qualifier written before or after the number within the range; a trailing 余/多 joins the span. */
function finish(text: string, draft: Draft, floor: number, stop: number): NumberMention {
  const qualifier = readPrefixQualifier(text, draft.start, floor) ?? readChineseSuffix(text, draft.end, stop) ?? draft.qualifier;
  const end = draft.end < stop && ['余', '多'].includes(text[draft.end] ?? '') ? draft.end + 1 : draft.end;
  const mention: Draft = { ...draft, end };
  if (qualifier) mention.qualifier = qualifier;
  return mention;
}

/** The span of a date's year, which is reported as a number of kind `year`. */
function yearMention(text: string, date: DateMention): NumberMention | undefined {
  if (date.year === undefined) return undefined;
  // Searched inside the date only: a search to the end of the text for every date is quadratic.
  const yearMark = text.slice(date.start, date.end).indexOf('年');
  if (yearMark >= 0) return { start: date.start, end: date.start + yearMark, value: date.year, kind: 'year' };
  const atStart = digitAt(text, date.start) >= 0 && digitAt(text, date.start + 3) >= 0 && digitAt(text, date.start + 2) >= 0;
  const start = atStart ? date.start : date.end - 4;
  // A date of a list or range takes its year from its neighbour (`6 and 19 March 2026`): no digits of its own.
  const written = readArabic(text, Math.max(0, start), date.end);
  return written?.value === date.year && written.end === start + 4 ? { start, end: start + 4, value: date.year, kind: 'year' } : undefined;
}

/** The skipped words of `一切`, `十分`, `万一`: numeral characters that are not numbers here. */
function idiomLength(text: string, i: number): number {
  if (!isChineseNumeralAt(text, i)) return 0;
  for (const idiom of ZH_IDIOMS) if (text.startsWith(idiom, i)) return idiom.length;
  return 0;
}

/**
 * All numbers in `text[start, end)`. `lang` names the version the text belongs to: digits count in
 * both, number words only in that language (a Latin name quoted in Chinese holds no `one`). `dates`
 * are the dates of the same range, for a caller that has them already.
 */
export function findNumbers(
  text: string,
  start = 0,
  end = text.length,
  lang: TextLanguage = 'en',
  dates: readonly DateMention[] = findDates(text, start, end),
): NumberMention[] {
  const stop = Math.min(end, text.length);
  const floor = Math.max(0, start);
  const found: NumberMention[] = [];
  let nextDate = 0;
  let i = floor;
  while (i < stop) {
    const date = dates[nextDate];
    if (date && i >= date.start) {
      const year = yearMention(text, date);
      if (year) found.push(year);
      nextDate++;
      i = Math.max(i, date.end);
      continue;
    }
    const limit = Math.min(stop, date ? date.start : stop);
    i = nextNumberStart(text, i, limit, stop, lang);
    if (i >= limit) continue;
    const idiom = idiomLength(text, i);
    const draft = idiom === 0 ? readMentionAt(text, i, limit, floor, lang) : undefined;
    if (draft) found.push(finish(text, draft, floor, stop));
    i = draft ? Math.max(draft.end, i + 1) : i + Math.max(idiom, isLatinLetterAt(text, i) ? latinWordEnd(text, i, stop) - i : 1);
  }
  return found;
}

function interval(mention: NumberMention): [number, number] {
  return [mention.value, mention.max ?? mention.value];
}

function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** `50 per cent` ↔ `一半`: a percentage and the fraction it is. */
function sameShare(percent: NumberMention, fraction: NumberMention): boolean {
  return percent.kind === 'percent' && fraction.kind === 'fraction' && percent.max === undefined && sameValue(percent.value, fraction.value * 100);
}

const HALF_DAY = 12;

/** `23:00` ↔ `晚上11时` ↔ `11 p.m.`: the same hour on the 24-hour or the 12-hour clock. */
function sameTime(a: NumberMention, b: NumberMention): boolean {
  if (a.max !== undefined || b.max !== undefined) return false;
  const apart = Math.abs(a.value - b.value);
  return sameValue(apart, 0) || sameValue(apart, HALF_DAY) || sameValue(apart, 2 * HALF_DAY);
}

/**
 * Whether two mentions can translate each other. Percentages only match percentages and the fractions
 * they are (`50 per cent` ↔ `一半`); times match
 * the same hour on either clock; ranges match whatever they overlap; otherwise the values must be
 * equal whatever the qualifiers and whether ordinal or count (`30th` ↔ `30周年`), because translators
 * turn `1,200余` into `more than 1,200` or `some 1,200` freely, but never change the figure.
 */
export function numbersAgree(a: NumberMention, b: NumberMention): boolean {
  const percentA = a.kind === 'percent' || a.kind === 'percentage-point';
  const percentB = b.kind === 'percent' || b.kind === 'percentage-point';
  if (percentA !== percentB) return sameShare(a, b) || sameShare(b, a);
  if (a.kind === 'time' || b.kind === 'time') return sameTime(a, b);
  if (a.max === undefined && b.max === undefined) return sameValue(a.value, b.value);
  const [lowA, highA] = interval(a);
  const [lowB, highB] = interval(b);
  return lowA <= highB && lowB <= highA;
}
