/**
 * Leftover numbers that are not translation errors: an amount converted to another currency, and a
 * small number spelled out on one side whose counterpart hides inside a name or idiom on the other
 * (`the "four families"` ↔ `四大家族`, which the number finder rightly reads as a word, not a count).
 */
import type { Span } from '../model';
import type { NumberMention } from '../normalise/numbers';
import currencies from './currencies.json';
import numerals from '../normalise/numerals.json';

const BEFORE: Readonly<Record<string, string>> = currencies.before;
const AFTER: Readonly<Record<string, string>> = currencies.after;
const LONGEST_MARK = 12;
const CHINESE_DIGITS = '〇一二三四五六七八九十';
const ENGLISH_WORDS = new Map(Object.entries(numerals.englishUnits).map(([word, value]) => [value, word]));
const SMALL = 10;

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
  const currencies = new Set<string>();
  for (const mention of mentions) {
    const currency = currencyOf(text, mention);
    if (currency !== undefined) currencies.add(currency);
  }
  return currencies;
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
