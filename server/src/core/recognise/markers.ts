/** Enumeration markers as data: the words and numerals that number points, with their values. */

export const ENGLISH_ORDINALS: ReadonlyMap<string, number> = new Map([
  ['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['fifth', 5],
  ['sixth', 6], ['seventh', 7], ['eighth', 8], ['ninth', 9], ['tenth', 10],
]);

export const ENGLISH_FINAL_WORDS: ReadonlySet<string> = new Set(['finally', 'lastly']);

const CHINESE_DIGITS: ReadonlyMap<string, number> = new Map([
  ['一', 1], ['二', 2], ['三', 3], ['四', 4], ['五', 5], ['六', 6], ['七', 7], ['八', 8], ['九', 9], ['十', 10],
]);

/** Chinese sequence adverbs: 首先 first, 其次 second, 再次 third; 最后 is the final one. */
export const CHINESE_SEQUENCE: ReadonlyMap<string, number> = new Map([
  ['首先', 1], ['其次', 2], ['再次', 3],
]);

export const CHINESE_FINAL = '最后';

/** Value of a Chinese numeral from 一 to 九十九 (enough for any list), or 0 when not one. */
export function chineseNumeralValue(numeral: string): number {
  if (numeral.length === 0 || numeral.length > 3) return 0;
  const tenAt = numeral.indexOf('十');
  if (tenAt < 0) return numeral.length === 1 ? CHINESE_DIGITS.get(numeral) ?? 0 : 0;
  const tens = tenAt === 0 ? 1 : CHINESE_DIGITS.get(numeral.slice(0, tenAt)) ?? 0;
  const unitText = numeral.slice(tenAt + 1);
  const units = unitText === '' ? 0 : CHINESE_DIGITS.get(unitText) ?? -100;
  const value = tens * 10 + units;
  return tens > 0 && tens < 10 && units >= 0 ? value : 0;
}

const ROMAN: ReadonlyMap<string, number> = new Map([['i', 1], ['v', 5], ['x', 10], ['l', 50]]);

/** Value of a lower-case Roman numeral up to `l` (50); 0 when malformed. */
export function romanValue(numeral: string): number {
  let total = 0;
  let previous = 0;
  for (let i = numeral.length - 1; i >= 0; i--) {
    const value = ROMAN.get(numeral[i]) ?? 0;
    if (value === 0) return 0;
    total += value < previous ? -value : value;
    previous = Math.max(previous, value);
  }
  return total > 0 && toRoman(total) === numeral ? total : 0;
}

function toRoman(value: number): string {
  const table: Array<[number, string]> = [[50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']];
  let rest = value;
  let result = '';
  for (const [amount, letters] of table) {
    while (rest >= amount) {
      result += letters;
      rest -= amount;
    }
  }
  return result;
}

export const CIRCLED_DIGITS = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
