/**
 * Anchors: normalised keys that a unit and its translation share (`num:5415`, `date:02-20`,
 * `ref:AL CHN 4/2025`, `name:Geneva`, `term:telecommunications-fraud`, `ord:2`). The aligner rewards a bead
 * by the weight of the anchors its two sides have in common, multiset-wise, and charges the exact
 * anchors (numbers, dates, references, names) that a bead pairing two non-empty sides leaves without a
 * partner: that pairing contradicts the text, so an untranslated unit is left unpaired (1-0) instead of
 * being merged into its neighbour, which the length model alone would always prefer.
 */
import weightTable from './anchorWeights.json';
import { DateMention, findDates } from '../normalise/dates';
import { findNumbers, NumberMention, TextLanguage } from '../normalise/numbers';
import { isLatinLetterAt } from '../normalise/chars';
import { WordTable } from '../normalise/words';

export interface AlignUnit {
  readonly text: string;
  /** The length the length model uses, normally the character count of the trimmed text. */
  readonly length: number;
  readonly anchors: readonly string[];
}

const WEIGHTS: Readonly<Record<string, number>> = weightTable.weights;
const UNMATCHED: Readonly<Record<string, number>> = weightTable.unmatched;
const NOTE_WEIGHTS: Readonly<Record<string, number>> = weightTable.note.weights;
const NOTE_UNMATCHED: Readonly<Record<string, number>> = weightTable.note.unmatched;
const LONGEST_VERBATIM = 80;

function prefixOf(key: string): string {
  const colon = key.indexOf(':');
  return colon > 0 ? key.slice(0, colon) : '';
}

/** The default reward of one shared anchor, read from its prefix. */
export function defaultAnchorWeight(key: string): number {
  return WEIGHTS[prefixOf(key)] ?? weightTable.other;
}

/** The reward for a shared anchor between units of a note and its translation (see `note` in anchorWeights.json). */
export function noteAnchorWeight(key: string): number {
  return NOTE_WEIGHTS[prefixOf(key)] ?? defaultAnchorWeight(key);
}

/** The cost of an anchor left unmatched between units of a note and its translation. */
export function noteUnmatchedCost(key: string): number {
  return NOTE_UNMATCHED[prefixOf(key)] ?? defaultUnmatchedCost(key);
}

/** The default cost of an exact anchor left unmatched in a bead with two non-empty sides. */
export function defaultUnmatchedCost(key: string): number {
  return UNMATCHED[prefixOf(key)] ?? 0;
}

/** Up to this value, a whole number is weak evidence of a pairing. */
const FEW = 12;

function numberKeys(mention: NumberMention): string[] {
  if (mention.max !== undefined) return [];
  // `30th anniversary` is `30周年`, `the 58th session` `第58届`: a large ordinal is also the number it counts.
  if (mention.kind === 'ordinal') return mention.value > FEW ? [`ord:${mention.value}`, `num:${mention.value}`] : [`ord:${mention.value}`];
  if (mention.kind === 'percent' || mention.kind === 'percentage-point') return [`pct:${mention.value}`];
  // "a", "one" and 一 are articles as often as numbers: as anchors they would reward chance.
  if (mention.value === 1) return [];
  // Small whole numbers come and go in translation (`the two sides` ↔ 双方, `in duplicate` ↔ 一式两份).
  return [Number.isInteger(mention.value) && mention.value <= FEW ? `few:${mention.value}` : `num:${mention.value}`];
}

/** `num:`, `pct:` and `ord:` keys for the numbers of `text[start, end)`; ranges give none. */
export function numberAnchors(text: string, start: number, end: number, lang: TextLanguage, dates?: readonly DateMention[]): string[] {
  const keys: string[] = [];
  for (const mention of findNumbers(text, start, end, lang, dates)) keys.push(...numberKeys(mention));
  return keys;
}

/** The number and date keys of `text[start, end)`, finding its dates once for both. */
export function numberAndDateAnchors(text: string, start: number, end: number, lang: TextLanguage): string[] {
  const dates = findDates(text, start, end);
  return [...numberAnchors(text, start, end, lang, dates), ...dateAnchors(text, start, end, dates)];
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** `date:MM-DD` (so that a date without its year still matches), or `date:YYYY-MM` for a month. */
export function dateAnchors(text: string, start: number, end: number, dates = findDates(text, start, end)): string[] {
  const keys: string[] = [];
  for (const date of dates) {
    if (date.month !== undefined && date.day !== undefined) keys.push(`date:${pad(date.month)}-${pad(date.day)}`);
    else if (date.month !== undefined && date.year !== undefined) keys.push(`date:${date.year}-${pad(date.month)}`);
  }
  return keys;
}

function continuesLatinRun(text: string, i: number): boolean {
  const ch = text[i] ?? '';
  return isLatinLetterAt(text, i) || (ch >= '0' && ch <= '9') || ' /.-&\''.includes(ch);
}

/** Runs of Latin script inside Chinese text: names and references the translator kept verbatim. */
export function latinRuns(text: string): string[] {
  const runs: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isLatinLetterAt(text, i) || isLatinLetterAt(text, i - 1)) {
      i++;
      continue;
    }
    let j = i;
    while (j < text.length && j - i < LONGEST_VERBATIM && continuesLatinRun(text, j)) j++;
    const run = text.slice(i, j).replace(/[\s/.\-&']+$/, '');
    if (run.length >= 2) runs.push(run);
    i = Math.max(j, i + 1);
  }
  return runs;
}

function verbatimKey(run: string): string {
  return /[0-9/]/.test(run) ? `ref:${run}` : `name:${run}`;
}

function firstWord(run: string): string {
  let end = 0;
  while (isLatinLetterAt(run, end)) end++;
  return run.slice(0, end);
}

function isWordCharAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return isLatinLetterAt(text, i) || (code >= 0x30 && code <= 0x39);
}

/**
 * The Latin runs of the Chinese units, as a set and as an index for finding them in English text: at
 * each English word only the lengths of the runs that begin with that word are tried (at most
 * LONGEST_VERBATIM of them), so the cost stays linear however many runs.
 */
export class VerbatimRuns {
  readonly runs: ReadonlySet<string>;
  /** The run lengths by first word, looked up where each English word stands (no string made for the others). */
  private readonly lengthsAt: WordTable<Set<number>>;

  constructor(runsOfUnits: readonly (readonly string[])[]) {
    this.runs = new Set(runsOfUnits.flat());
    const lengthsByFirstWord = new Map<string, Set<number>>();
    for (const run of this.runs) {
      const word = firstWord(run);
      lengthsByFirstWord.set(word, (lengthsByFirstWord.get(word) ?? new Set<number>()).add(run.length));
    }
    this.lengthsAt = new WordTable(lengthsByFirstWord, true);
  }

  /** Whether both hold the same runs: the keys found in an English text are then the same. */
  sameRuns(other: VerbatimRuns): boolean {
    if (other.runs.size !== this.runs.size) return false;
    for (const run of this.runs) if (!other.runs.has(run)) return false;
    return true;
  }

  /** The keys of the runs an English text contains verbatim, as whole words (`AL CHN 4/2025`, `OHCHR`). */
  keysIn(text: string): string[] {
    const keys: string[] = [];
    if (this.runs.size === 0) return keys;
    for (let i = 0; i < text.length; i++) {
      if (!isLatinLetterAt(text, i) || isWordCharAt(text, i - 1)) continue;
      let end = i;
      while (isLatinLetterAt(text, end)) end++;
      for (const length of this.lengthsAt.at(text, i, end) ?? []) {
        const candidate = text.slice(i, i + length);
        if (this.runs.has(candidate) && !isWordCharAt(text, i + length)) keys.push(verbatimKey(candidate));
      }
      i = end - 1;
    }
    return keys;
  }
}

/** The `ref:` and `name:` keys of a Chinese unit's Latin runs. */
export function verbatimKeys(runs: readonly string[]): string[] {
  return runs.map(verbatimKey);
}

/**
 * `ref:` and `name:` anchors for the Latin runs of the Chinese units, and for each English unit the
 * same keys for every such run it contains verbatim, as whole words (see VerbatimRuns).
 */
export function verbatimAnchors(enTexts: readonly string[], zhTexts: readonly string[]): { en: string[][]; zh: string[][] } {
  const zhRuns = zhTexts.map(latinRuns);
  const runs = new VerbatimRuns(zhRuns);
  return { en: enTexts.map((text) => runs.keysIn(text)), zh: zhRuns.map(verbatimKeys) };
}

/** Anchor ids of many units in one flat array: unit k owns ids[offsets[k]] … ids[offsets[k + 1] - 1]. */
interface PackedIds {
  readonly ids: Int32Array;
  readonly offsets: Int32Array;
  /** Running totals of the unmatched costs of the units' anchors. */
  readonly costs: Float64Array;
}

function pack(lists: readonly number[][], unmatchedCosts: readonly number[]): PackedIds {
  const offsets = new Int32Array(lists.length + 1);
  const costs = new Float64Array(lists.length + 1);
  lists.forEach((list, k) => {
    offsets[k + 1] = offsets[k] + list.length;
    costs[k + 1] = costs[k] + list.reduce((sum, id) => sum + (unmatchedCosts[id] ?? 0), 0);
  });
  return { ids: Int32Array.from(lists.flat()), offsets, costs };
}

export interface AnchorCosts {
  /** Reward for one anchor shared by both sides of a bead. */
  readonly weightOf: (key: string) => number;
  /** Cost of an anchor left unmatched in a bead whose two sides are both non-empty. */
  readonly unmatchedCostOf: (key: string) => number;
}

/**
 * Scores the anchors of a bead quickly: keys are interned to integers once, and a scratch count array
 * (reset after each use) makes one comparison linear in the anchors involved.
 */
export class AnchorMatcher {
  private readonly en: PackedIds;
  private readonly zh: PackedIds;
  private readonly weights: Float64Array;
  /** Reward of a match plus the unmatched cost it saves on both sides. */
  private readonly matchGains: Float64Array;
  private readonly counts: Int32Array;

  constructor(en: readonly AlignUnit[], zh: readonly AlignUnit[], costs: AnchorCosts) {
    const ids = new Map<string, number>();
    const intern = (unit: AlignUnit): number[] => unit.anchors.map((key) => {
      const known = ids.get(key);
      if (known !== undefined) return known;
      ids.set(key, ids.size);
      return ids.size - 1;
    });
    const enLists = en.map(intern);
    const zhLists = zh.map(intern);
    this.weights = Float64Array.from(ids.keys(), costs.weightOf);
    const unmatched = Array.from(ids.keys(), costs.unmatchedCostOf);
    this.matchGains = this.weights.map((weight, id) => weight + 2 * (unmatched[id] ?? 0));
    this.en = pack(enLists, unmatched);
    this.zh = pack(zhLists, unmatched);
    this.counts = new Int32Array(ids.size);
  }

  /**
   * The anchor score of the bead pairing English units [enFrom, enTo) with Chinese units [zhFrom, zhTo):
   * the reward of the shared anchors minus the cost of the unmatched exact ones; 0 when a side is empty.
   */
  score(enFrom: number, enTo: number, zhFrom: number, zhTo: number): number {
    if (enFrom === enTo || zhFrom === zhTo) return 0;
    const { ids: enIds, offsets: enOffsets, costs: enCosts } = this.en;
    const { ids: zhIds, offsets: zhOffsets, costs: zhCosts } = this.zh;
    const penalty = enCosts[enTo] - enCosts[enFrom] + zhCosts[zhTo] - zhCosts[zhFrom];
    const [enStart, enEnd] = [enOffsets[enFrom], enOffsets[enTo]];
    const [zhStart, zhEnd] = [zhOffsets[zhFrom], zhOffsets[zhTo]];
    if (enStart === enEnd || zhStart === zhEnd) return -penalty;
    const counts = this.counts;
    for (let k = enStart; k < enEnd; k++) counts[enIds[k]]++;
    let gain = 0;
    for (let k = zhStart; k < zhEnd; k++) {
      const id = zhIds[k];
      if (counts[id] > 0) {
        counts[id]--;
        gain += this.matchGains[id];
      }
    }
    for (let k = enStart; k < enEnd; k++) counts[enIds[k]] = 0;
    return gain - penalty;
  }
}
