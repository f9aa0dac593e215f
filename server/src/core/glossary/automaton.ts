/**
 * Aho–Corasick over folded UTF-16 code units: the glossary's forms are compiled once, and a text is
 * matched in one left-to-right pass whatever the number of forms.
 *
 * Why code units and not code points: folding is a table per unit, offsets are UTF-16 indexes already,
 * and surrogate pairs synchronise themselves (a low surrogate never starts a form), so a form with an
 * astral character still matches only whole pairs. Astral text before a term costs nothing special.
 *
 * Whitespace: the text is fed to the automaton as a stream in which a run of whitespace is one space
 * (forms are stored with single spaces), so a term wrapped across lines in text extracted from a PDF
 * still matches. A run with two or more line breaks ends a paragraph and resets the automaton; a run
 * between two Han characters is dropped, because Chinese is written without spaces and such a run is
 * a wrap. A small ring of original offsets maps stream positions back to the text.
 * Not handled: a word hyphenated across a line break ("tele-\ncommunications") or split by a soft
 * hyphen; such a term is not found.
 */
import * as script from '../text/script';
import { FOLD, SPACE, stringOfUnits } from './fold';
import type { GlossaryEntry, TermMatch } from './types';

const NO_STATE = -1;
const LINE_FEED = 0x0a;
const SPACE_UNIT = SPACE;
// Module-local bindings: imports transpiled to CommonJS are getter calls, too slow for the inner loop.
const FOLD_TABLE = FOLD;
const { isAsciiDigit, isHan, isLatinLetter } = script;

export interface Pattern {
  /** Folded, whitespace-collapsed form; never empty, never starting or ending with a space. */
  units: string;
  /** Whether a Latin letter or digit at the form's start (end) needs a word boundary in the text. */
  boundedStart: boolean;
  boundedEnd: boolean;
}

/** Receives every leftmost-longest match, in text order, as original offsets. */
export type MatchSink = (start: number, end: number, pattern: number) => void;

function isWordUnit(folded: number): boolean {
  return isLatinLetter(folded) || isAsciiDigit(folded) || (folded >= 0x1e00 && folded <= 0x1eff);
}

/** A form as the automaton stores it: folded, whitespace collapsed like the text stream collapses it. */
export function normaliseForm(form: string): string {
  const units = new Uint16Array(form.length);
  let length = 0;
  let pendingSpace = false;
  for (let i = 0; i < form.length; i++) {
    const code = FOLD_TABLE[form.charCodeAt(i)];
    if (code === SPACE_UNIT) {
      pendingSpace = length > 0;
      continue;
    }
    if (pendingSpace && !(isHan(units[length - 1]) && isHan(code))) units[length++] = SPACE_UNIT;
    pendingSpace = false;
    units[length++] = code;
  }
  return stringOfUnits(units.subarray(0, length));
}

export function makePattern(form: string): Pattern | undefined {
  const units = normaliseForm(form);
  if (units.length === 0) return undefined;
  return {
    units,
    boundedStart: isWordUnit(units.charCodeAt(0)),
    boundedEnd: isWordUnit(units.charCodeAt(units.length - 1)),
  };
}

/**
 * The trie while it is built, flat so that a glossary at the size limit (millions of states) stays
 * small: state s > 0 is reached from parent[s] by symbol[s].
 */
interface TrieBuilder {
  /** Key parent * SYMBOL_LIMIT + symbol. */
  child: Map<number, number>;
  parent: number[];
  symbol: number[];
  depth: number[];
  pattern: number[];
}

const SYMBOL_LIMIT = 0x10000;
/** Above this many edges a state's edges are searched by halves instead of in turn. */
const LINEAR_EDGE_SEARCH = 8;

export class Automaton {
  /** Maps a raw UTF-16 unit straight to the symbol of its folded form; 0 = in no pattern. */
  private readonly symbolOf: Uint16Array;
  /** The root's transitions, dense, because the root is where most units of a text land. */
  private readonly rootNext: Int32Array;
  /** Edges sorted by symbol, state s owning edgeStart[s] .. edgeStart[s + 1]. */
  private readonly edgeStart: Int32Array;
  private readonly edgeSymbol: Uint16Array;
  private readonly edgeTarget: Int32Array;
  private readonly fail: Int32Array;
  /** The nearest state on the failure chain (itself included) that ends a pattern. */
  private readonly output: Int32Array;
  private readonly depth: Int32Array;
  private readonly patternAt: Int32Array;
  /** The longest pattern, in stream units. */
  readonly longestPattern: number;

  constructor(private readonly patterns: readonly Pattern[]) {
    const symbols = new Map<number, number>();
    const trie = this.buildTrie(symbols);
    const stateCount = trie.depth.length;
    this.symbolOf = this.buildSymbolTable(symbols);
    this.depth = Int32Array.from(trie.depth);
    this.patternAt = Int32Array.from(trie.pattern);
    this.longestPattern = patterns.reduce((max, p) => Math.max(max, p.units.length), 0);
    this.edgeStart = new Int32Array(stateCount + 1);
    this.edgeSymbol = new Uint16Array(stateCount - 1);
    this.edgeTarget = new Int32Array(stateCount - 1);
    this.packEdges(trie, symbols.size);
    this.rootNext = new Int32Array(symbols.size + 1);
    for (let e = this.edgeStart[0]; e < this.edgeStart[1]; e++) this.rootNext[this.edgeSymbol[e]] = this.edgeTarget[e];
    this.fail = new Int32Array(stateCount);
    this.output = new Int32Array(stateCount).fill(NO_STATE);
    this.linkFailures();
  }

  private buildTrie(symbols: Map<number, number>): TrieBuilder {
    const trie: TrieBuilder = { child: new Map(), parent: [NO_STATE], symbol: [0], depth: [0], pattern: [NO_STATE] };
    this.patterns.forEach((pattern, index) => {
      let state = 0;
      for (let i = 0; i < pattern.units.length; i++) {
        const code = pattern.units.charCodeAt(i);
        let symbol = symbols.get(code);
        if (symbol === undefined) symbols.set(code, (symbol = symbols.size + 1));
        const key = state * SYMBOL_LIMIT + symbol;
        let next = trie.child.get(key);
        if (next === undefined) {
          next = trie.depth.length;
          trie.child.set(key, next);
          trie.parent.push(state);
          trie.symbol.push(symbol);
          trie.depth.push(i + 1);
          trie.pattern.push(NO_STATE);
        }
        state = next;
      }
      trie.pattern[state] = index; // a later pattern with the same folded form wins
    });
    return trie;
  }

  private buildSymbolTable(symbols: Map<number, number>): Uint16Array {
    const symbolOfFolded = new Uint16Array(0x10000);
    for (const [code, symbol] of symbols) symbolOfFolded[code] = symbol;
    const symbolOf = new Uint16Array(0x10000);
    for (let code = 0; code < symbolOf.length; code++) symbolOf[code] = symbolOfFolded[FOLD_TABLE[code]];
    return symbolOf;
  }

  /** Two counting sorts, by symbol then (stably) by parent: edges grouped by state, sorted by symbol. */
  private packEdges(trie: TrieBuilder, symbolCount: number): void {
    const stateCount = trie.depth.length;
    const bySymbol = new Int32Array(symbolCount + 2);
    for (let state = 1; state < stateCount; state++) bySymbol[trie.symbol[state] + 1]++;
    for (let symbol = 1; symbol < bySymbol.length; symbol++) bySymbol[symbol] += bySymbol[symbol - 1];
    const statesBySymbol = new Int32Array(stateCount - 1);
    for (let state = 1; state < stateCount; state++) statesBySymbol[bySymbol[trie.symbol[state]]++] = state;
    for (let state = 1; state < stateCount; state++) this.edgeStart[trie.parent[state] + 1]++;
    for (let state = 1; state <= stateCount; state++) this.edgeStart[state] += this.edgeStart[state - 1];
    const fill = this.edgeStart.slice(0, stateCount);
    for (const state of statesBySymbol) {
      const slot = fill[trie.parent[state]]++;
      this.edgeSymbol[slot] = trie.symbol[state];
      this.edgeTarget[slot] = state;
    }
  }

  /** Breadth-first, so that a state's failure target is final before the state's children need it. */
  private linkFailures(): void {
    const queue = new Int32Array(this.depth.length);
    let tail = 0;
    for (let e = this.edgeStart[0]; e < this.edgeStart[1]; e++) queue[tail++] = this.edgeTarget[e];
    for (let head = 0; head < tail; head++) {
      const state = queue[head];
      this.output[state] = this.patternAt[state] !== NO_STATE ? state : this.output[this.fail[state]];
      for (let e = this.edgeStart[state]; e < this.edgeStart[state + 1]; e++) {
        const child = this.edgeTarget[e];
        this.fail[child] = this.next(this.fail[state], this.edgeSymbol[e]);
        queue[tail++] = child;
      }
    }
  }

  private edge(state: number, symbol: number): number {
    if (state === 0) return this.rootNext[symbol];
    let low = this.edgeStart[state];
    let high = this.edgeStart[state + 1];
    while (high - low > LINEAR_EDGE_SEARCH) {
      const middle = (low + high) >> 1;
      if (this.edgeSymbol[middle] <= symbol) low = middle;
      else high = middle;
    }
    for (let e = low; e < high; e++) {
      if (this.edgeSymbol[e] === symbol) return this.edgeTarget[e];
    }
    return NO_STATE;
  }

  private next(state: number, symbol: number): number {
    if (symbol === 0) return 0;
    let current = state;
    for (;;) {
      const target = this.edge(current, symbol);
      if (target > 0) return target;
      if (current === 0) return 0;
      current = this.fail[current];
    }
  }

  /**
   * Reports the leftmost-longest non-overlapping matches in text[start, end) whose word boundaries hold
   * (boundaries look at the whole text, so a range cut inside a word finds no term there).
   *
   * The loop keeps the tables in locals and leaves the root without a call: in most texts most units
   * belong to no form, and their cost is two table reads.
   */
  scan(text: string, start: number, end: number, sink: MatchSink): void {
    if (this.longestPattern === 0) return;
    const selection = new Selection(this, text, sink);
    const { symbolOf, rootNext, output } = this;
    const fold = FOLD_TABLE;
    const spaceSymbol = symbolOf[SPACE_UNIT];
    const last = Math.min(text.length, end);
    let state = 0;
    let i = Math.max(0, start);
    while (i < last) {
      const offset = i;
      const code = text.charCodeAt(i++);
      let symbol: number;
      if (fold[code] !== SPACE_UNIT) {
        symbol = symbolOf[code];
      } else {
        let lineBreaks = code === LINE_FEED ? 1 : 0;
        for (; i < last && fold[text.charCodeAt(i)] === SPACE_UNIT; i++) if (text.charCodeAt(i) === LINE_FEED) lineBreaks++;
        if (lineBreaks < 2 && joinsHan(text, offset, i, last)) continue;
        symbol = lineBreaks < 2 ? spaceSymbol : 0;
      }
      state = symbol === 0 ? 0 : state === 0 ? rootNext[symbol] : this.next(state, symbol);
      // A unit read into the root is inside no match: it needs no stream position, and every start
      // before it can be decided.
      if (state === 0) {
        selection.decideAll();
        continue;
      }
      const position = selection.advance(offset);
      for (let out = output[state]; out !== NO_STATE; out = output[this.fail[out]]) selection.consider(out, position);
    }
    selection.decideAll();
  }

  lengthOf(outputState: number): number {
    return this.depth[outputState];
  }

  patternOf(outputState: number): Pattern {
    return this.patterns[this.patternAt[outputState]];
  }

  patternIndexOf(outputState: number): number {
    return this.patternAt[outputState];
  }
}

/** Whitespace between two Han characters is a wrap, not a word space. */
function joinsHan(text: string, runStart: number, runEnd: number, last: number): boolean {
  return runStart > 0 && runEnd < last &&
    isHan(FOLD_TABLE[text.charCodeAt(runStart - 1)]) && isHan(FOLD_TABLE[text.charCodeAt(runEnd)]);
}

/**
 * The choice among candidates during one scan. Stream positions number the units read outside the
 * root; candidates are kept per stream start in a ring as long as the longest pattern: once the stream
 * has moved a pattern's length past a start, no later match can begin there, so that start is decided
 * (leftmost first, the longest candidate there, if it does not overlap the last match).
 */
class Selection {
  private readonly mask: number;
  private readonly longest: number;
  /** Original offset of each stream position. */
  private readonly offsetAt: Int32Array;
  /** Length (in stream units) and output state of the longest valid candidate starting at a position. */
  private readonly bestLength: Int32Array;
  private readonly bestState: Int32Array;
  private streamLength = 0;
  private decided = 0;
  private selectedEnd = 0;

  constructor(
    private readonly automaton: Automaton,
    private readonly text: string,
    private readonly sink: MatchSink,
  ) {
    this.longest = automaton.longestPattern;
    let size = 1;
    while (size <= this.longest) size <<= 1;
    this.mask = size - 1;
    this.offsetAt = new Int32Array(size);
    this.bestLength = new Int32Array(size);
    this.bestState = new Int32Array(size);
  }

  /** Gives the unit at `offset` the next stream position and returns it. */
  advance(offset: number): number {
    const position = this.streamLength++;
    if (this.decided <= position - this.longest) this.decideUpTo(position - this.longest + 1);
    this.offsetAt[position & this.mask] = offset;
    return position;
  }

  consider(outputState: number, lastPosition: number): void {
    const length = this.automaton.lengthOf(outputState);
    const slot = (lastPosition - length + 1) & this.mask;
    if (length <= this.bestLength[slot]) return;
    const pattern = this.automaton.patternOf(outputState);
    if (pattern.boundedStart && !this.isBoundary(this.offsetAt[slot] - 1)) return;
    if (pattern.boundedEnd && !this.isBoundary(this.offsetAt[lastPosition & this.mask] + 1)) return;
    this.bestLength[slot] = length;
    this.bestState[slot] = outputState;
  }

  decideAll(): void {
    if (this.decided < this.streamLength) this.decideUpTo(this.streamLength);
  }

  private isBoundary(offset: number): boolean {
    if (offset < 0 || offset >= this.text.length) return true;
    return !isWordUnit(FOLD_TABLE[this.text.charCodeAt(offset)]);
  }

  /** Decides every stream start before `limit`. */
  private decideUpTo(limit: number): void {
    for (; this.decided < limit; this.decided++) {
      const slot = this.decided & this.mask;
      const length = this.bestLength[slot];
      if (length === 0) continue;
      this.bestLength[slot] = 0;
      if (this.decided < this.selectedEnd) continue;
      this.selectedEnd = this.decided + length;
      const end = this.offsetAt[(this.selectedEnd - 1) & this.mask] + 1;
      this.sink(this.offsetAt[slot], end, this.automaton.patternIndexOf(this.bestState[slot]));
    }
  }
}

interface FormRef {
  entry: GlossaryEntry;
  language: 'en' | 'zh';
  form: string;
}

/** All forms of a glossary compiled into one automaton. Build once per glossary, match any number of texts. */
export class GlossaryIndex {
  private constructor(
    private readonly list: readonly GlossaryEntry[],
    private readonly forms: readonly FormRef[],
    private readonly automaton: Automaton,
    private readonly byForm: ReadonlyMap<string, GlossaryEntry>,
  ) {}

  /** When two entries list the same form (after folding), the later entry wins it. */
  static build(entries: readonly GlossaryEntry[]): GlossaryIndex {
    const forms: FormRef[] = [];
    const patterns: Pattern[] = [];
    const byForm = new Map<string, GlossaryEntry>();
    for (const entry of entries) {
      for (const language of ['en', 'zh'] as const) {
        for (const form of entry[language]) {
          const pattern = makePattern(form);
          if (!pattern) continue;
          forms.push({ entry, language, form });
          patterns.push(pattern);
          byForm.set(pattern.units, entry);
        }
      }
    }
    return new GlossaryIndex([...entries], forms, new Automaton(patterns), byForm);
  }

  /** Leftmost-longest, non-overlapping terms in text[start, end), sorted by start. */
  match(text: string, start = 0, end = text.length): TermMatch[] {
    const matches: TermMatch[] = [];
    this.automaton.scan(text, start, end, (from, to, pattern) => {
      const { entry, language, form } = this.forms[pattern];
      matches.push({ start: from, end: to, entry, language, form });
    });
    return matches;
  }

  entries(): readonly GlossaryEntry[] {
    return this.list;
  }

  /** The entry listing `form`, compared as the matcher compares (case, width, traditional, spaces folded). */
  lookup(form: string): GlossaryEntry | undefined {
    return this.byForm.get(normaliseForm(form));
  }
}
