/**
 * Anchors: normalised keys that a unit and its translation share (`num:5415`, `date:02-20`,
 * `ref:AL CHN 4/2025`, `name:Geneva`, `term:telecommunications-fraud`, `ord:2`). The aligner rewards a bead
 * by the weight of the anchors its two sides have in common, multiset-wise; an anchor left without a
 * partner earns nothing, which is the same as charging every unmatched anchor its weight.
 */
import weightTable from './anchorWeights.json';
import { findDates } from '../normalise/dates';
import { findNumbers, NumberMention, TextLanguage } from '../normalise/numbers';
import { isLatinLetterAt } from '../normalise/chars';

export interface AlignUnit {
  readonly text: string;
  /** The length the length model uses, normally the character count of the trimmed text. */
  readonly length: number;
  readonly anchors: readonly string[];
}

const WEIGHTS: Readonly<Record<string, number>> = weightTable.weights;
const LONGEST_VERBATIM = 80;

/** The default reward of one shared anchor, read from its prefix. */
export function defaultAnchorWeight(key: string): number {
  const colon = key.indexOf(':');
  return (colon > 0 ? WEIGHTS[key.slice(0, colon)] : undefined) ?? weightTable.other;
}

function numberKey(mention: NumberMention): string | undefined {
  if (mention.max !== undefined) return undefined;
  if (mention.kind === 'ordinal') return `ord:${mention.value}`;
  if (mention.kind === 'percent' || mention.kind === 'percentage-point') return `pct:${mention.value}`;
  // "a", "one" and 一 are articles as often as numbers: as anchors they would reward chance.
  return mention.value === 1 ? undefined : `num:${mention.value}`;
}

/** `num:`, `pct:` and `ord:` keys for the numbers of `text[start, end)`; ranges give none. */
export function numberAnchors(text: string, start: number, end: number, lang: TextLanguage): string[] {
  const keys: string[] = [];
  for (const mention of findNumbers(text, start, end, lang)) {
    const key = numberKey(mention);
    if (key) keys.push(key);
  }
  return keys;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** `date:MM-DD` (so that a date without its year still matches), or `date:YYYY-MM` for a month. */
export function dateAnchors(text: string, start: number, end: number): string[] {
  const keys: string[] = [];
  for (const date of findDates(text, start, end)) {
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

function occurrences(text: string, needle: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) count++;
  return count;
}

/**
 * `ref:` and `name:` anchors for the Latin runs of the Chinese units, and for each English unit the
 * same keys for every such run it contains verbatim (`AL CHN 4/2025`, `OHCHR`, `Geneva`).
 */
export function verbatimAnchors(enTexts: readonly string[], zhTexts: readonly string[]): { en: string[][]; zh: string[][] } {
  const zh = zhTexts.map((text) => latinRuns(text).map(verbatimKey));
  const runs = [...new Set(zhTexts.flatMap(latinRuns))];
  const en = enTexts.map((text) => runs.flatMap((run) => Array<string>(occurrences(text, run)).fill(verbatimKey(run))));
  return { en, zh };
}

function runningTotals(idLists: readonly Int32Array[]): Int32Array {
  const totals = new Int32Array(idLists.length + 1);
  idLists.forEach((ids, k) => {
    totals[k + 1] = (totals[k] ?? 0) + ids.length;
  });
  return totals;
}

/**
 * Counts shared anchor weight between spans of units quickly: keys are interned to integers once, and a
 * scratch count array (reset after each use) makes one comparison linear in the anchors involved.
 */
export class AnchorMatcher {
  private readonly enIds: Int32Array[];
  private readonly zhIds: Int32Array[];
  private readonly weights: number[] = [];
  private readonly counts: Int32Array;
  /** Running totals of anchors per side, so that spans without any are ruled out at once. */
  private readonly enTotals: Int32Array;
  private readonly zhTotals: Int32Array;

  constructor(en: readonly AlignUnit[], zh: readonly AlignUnit[], weightOf: (key: string) => number) {
    const ids = new Map<string, number>();
    const intern = (unit: AlignUnit): Int32Array => Int32Array.from(unit.anchors, (key) => {
      let id = ids.get(key);
      if (id === undefined) {
        id = ids.size;
        ids.set(key, id);
        this.weights.push(weightOf(key));
      }
      return id;
    });
    this.enIds = en.map(intern);
    this.zhIds = zh.map(intern);
    this.counts = new Int32Array(ids.size);
    this.enTotals = runningTotals(this.enIds);
    this.zhTotals = runningTotals(this.zhIds);
  }

  /** The summed weight of anchors shared by English units [enFrom, enTo) and Chinese units [zhFrom, zhTo). */
  sharedWeight(enFrom: number, enTo: number, zhFrom: number, zhTo: number): number {
    if ((this.enTotals[enTo] ?? 0) === (this.enTotals[enFrom] ?? 0) || (this.zhTotals[zhTo] ?? 0) === (this.zhTotals[zhFrom] ?? 0)) return 0;
    for (let i = enFrom; i < enTo; i++) for (const id of this.enIds[i] ?? []) this.counts[id]++;
    let shared = 0;
    for (let j = zhFrom; j < zhTo; j++) {
      for (const id of this.zhIds[j] ?? []) {
        if ((this.counts[id] ?? 0) > 0) {
          this.counts[id]--;
          shared += this.weights[id] ?? 0;
        }
      }
    }
    for (let i = enFrom; i < enTo; i++) for (const id of this.enIds[i] ?? []) this.counts[id] = 0;
    return shared;
  }
}
