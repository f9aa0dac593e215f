/**
 * Tables of English words (number words, month names, `last`/`this`/`next`) looked up where the word
 * stands in a text, without slicing or lower-casing it: the number and date scanners test every Latin
 * word of a note, and a plain object would answer `constructor` with a member of its prototype. A trie
 * over the ASCII letters: a word that is in no table fails at its first letters. Case is ignored
 * unless the table is made to match it.
 */
import { isAsciiLetter } from './chars';

const NO_NODE = 0;

export class WordTable<V> {
  /** children[node * letters + letter]: the child node, or NO_NODE (the root is node 0 and never a child). */
  private readonly children: Int32Array;
  private readonly values: (V | undefined)[];
  /** 26 letters when case is ignored, 52 when it is matched. */
  private readonly letters: number;

  constructor(entries: Iterable<readonly [string, V]>, private readonly matchCase = false) {
    this.letters = matchCase ? 52 : 26;
    const children: number[] = new Array<number>(this.letters).fill(NO_NODE);
    const values: (V | undefined)[] = [undefined];
    for (const [word, value] of entries) {
      let node = 0;
      for (let k = 0; k < word.length; k++) {
        const code = word.charCodeAt(k);
        if (!isAsciiLetter(code)) throw new Error(`a word table holds ASCII letters only: "${word}"`);
        const slot = node * this.letters + this.letterIndex(code);
        if (children[slot] === NO_NODE) {
          children[slot] = values.length;
          values.push(undefined);
          for (let letter = 0; letter < this.letters; letter++) children.push(NO_NODE);
        }
        node = children[slot];
      }
      values[node] = value;
    }
    this.children = Int32Array.from(children);
    this.values = values;
  }

  /** The trie's index of an ASCII letter: either case alike, or capitals after the small letters. */
  private letterIndex(code: number): number {
    if (!this.matchCase) return (code | 0x20) - 0x61;
    return code >= 0x61 ? code - 0x61 : code - 0x41 + 26;
  }

  /** A table of the own properties of a JSON object. */
  static of<V>(record: Readonly<Record<string, V>>): WordTable<V> {
    return new WordTable(Object.entries(record));
  }

  /** The value of the word `text[start, end)`; undefined when it is not in the table or holds other than ASCII letters. */
  at(text: string, start: number, end: number): V | undefined {
    if (end <= start) return undefined;
    let node = 0;
    for (let k = start; k < end; k++) {
      const code = text.charCodeAt(k);
      if (!isAsciiLetter(code)) return undefined;
      node = this.children[node * this.letters + this.letterIndex(code)];
      if (node === NO_NODE) return undefined;
    }
    return this.values[node];
  }

  /** The value of a whole word. */
  get(word: string): V | undefined {
    return this.at(word, 0, word.length);
  }

  has(word: string): boolean {
    return this.get(word) !== undefined;
  }

  /** Whether `text[start, end)` is a word of the table. */
  hasAt(text: string, start: number, end: number): boolean {
    return this.at(text, start, end) !== undefined;
  }
}

/** A set of words, as a table whose values say only "present". */
export function wordSet(words: Iterable<string>): WordTable<true> {
  return new WordTable(Array.from(words, (word) => [word, true] as const));
}
