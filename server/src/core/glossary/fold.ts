/**
 * Length-preserving folding for glossary matching: every UTF-16 unit folds to exactly one unit, so an
 * offset found in folded text is an offset in the original. One 64 K table answers every unit in O(1).
 *
 * Folded: ASCII and Latin case (only where the lower case keeps one unit), full-width ASCII forms,
 * curly apostrophes and Unicode hyphens, whitespace (tabs, line breaks, no-break and ideographic spaces)
 * to a plain space, and traditional Chinese characters to simplified ones, one to one.
 */
import traditionalToSimplified from './data/traditional-to-simplified.json';

export const SPACE = 0x20;

const FULL_WIDTH_FIRST = 0xff01;
const FULL_WIDTH_LAST = 0xff5e;
const FULL_WIDTH_OFFSET = 0xfee0;

/** Latin blocks whose case is folded: Latin-1 Supplement to Latin Extended-B, and Latin Extended Additional. */
const LATIN_CASE_RANGES: readonly (readonly [number, number])[] = [
  [0x41, 0x5a],
  [0xc0, 0x24f],
  [0x1e00, 0x1eff],
];

const SPACE_LIKE = [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0xa0, 0x1680, 0x202f, 0x205f, 0x3000];
const APOSTROPHE_LIKE = [0x2018, 0x2019, 0x02bc, 0x2032];
const HYPHEN_LIKE = [0x2010, 0x2011, 0x2012];

function buildFoldTable(): Uint16Array {
  const table = new Uint16Array(0x10000);
  for (let code = 0; code < table.length; code++) table[code] = code;
  for (const [first, last] of LATIN_CASE_RANGES) {
    for (let code = first; code <= last; code++) {
      const lower = String.fromCharCode(code).toLowerCase();
      if (lower.length === 1) table[code] = lower.charCodeAt(0);
    }
  }
  for (let code = FULL_WIDTH_FIRST; code <= FULL_WIDTH_LAST; code++) table[code] = table[code - FULL_WIDTH_OFFSET];
  for (const code of SPACE_LIKE) table[code] = SPACE;
  for (let code = 0x2000; code <= 0x200a; code++) table[code] = SPACE;
  for (const code of APOSTROPHE_LIKE) table[code] = 0x27;
  for (const code of HYPHEN_LIKE) table[code] = 0x2d;
  const map: Record<string, string> = traditionalToSimplified.map;
  for (const traditional in map) table[traditional.charCodeAt(0)] = map[traditional].charCodeAt(0);
  return table;
}

/** FOLD[unit] is the folded unit. Exported for the matcher's inner loop, which must not call per unit. */
export const FOLD: Readonly<Uint16Array> = buildFoldTable();

export function foldUnit(code: number): number {
  return FOLD[code];
}

/** The folded text, of the same length as `text`. */
export function foldText(text: string): string {
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = FOLD[text.charCodeAt(i)];
  return stringOfUnits(units);
}

/** The string of UTF-16 `units`, made in one pass (appending unit by unit and reading back is quadratic). */
export function stringOfUnits(units: readonly number[] | Uint16Array): string {
  const CHUNK = 4096; // fromCharCode takes its arguments on the stack: keep each call small
  const parts: string[] = [];
  for (let start = 0; start < units.length; start += CHUNK) parts.push(String.fromCharCode(...units.slice(start, start + CHUNK)));
  return parts.join('');
}
