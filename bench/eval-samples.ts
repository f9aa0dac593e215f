/**
 * Scores the note aligner against the hand-written gold alignments of the bilingual samples
 * (`test/fixtures/gold/*.gold.json`) at paragraph, point and sentence level.
 *
 *   npm run eval
 *
 * A gold file names its units by the text they start with, so it stays readable and survives edits
 * elsewhere in the sample. A prefix must start exactly one unit of its level; a gold file where one
 * does not, or that leaves a unit of the aligner's output out, is broken and makes the run fail.
 * Scoring follows the published sentence-alignment table: strict counts a bead correct when the same
 * bead is in the gold, lax when it shares a unit with a gold bead on each side.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyse } from '../server/src/core/analyse';
import { splitSentences } from '../server/src/core/align/sentences';
import type { Point, Span } from '../server/src/core/model';
import { alignVersions, sideOf, type AlignableBlock, type NoteAlignment, type VersionSide } from '../server/src/core/noteAlignment';

type Lang = 'en' | 'zh';

interface GoldBeadText {
  readonly en: readonly string[];
  readonly zh: readonly string[];
}

interface GoldPointText {
  readonly en: string;
  readonly zh: string;
  readonly enParagraph: string;
}

export interface GoldFile {
  readonly en: string;
  readonly zh: string;
  readonly paragraphs: readonly GoldBeadText[];
  readonly points: readonly GoldPointText[];
  readonly sentences: readonly GoldBeadText[];
}

/** A bead as the start offsets of its units on each side (offsets into that side's text). */
interface Bead {
  readonly en: readonly number[];
  readonly zh: readonly number[];
}

export type Level = 'paragraph' | 'point' | 'sentence';
export const LEVELS: readonly Level[] = ['paragraph', 'point', 'sentence'];

export interface Counts {
  readonly test: number;
  readonly gold: number;
  readonly strict: number;
  /** Test beads sharing a unit with some gold bead on each side. */
  readonly laxTest: number;
  /** Gold beads sharing a unit with some test bead on each side. */
  readonly laxGold: number;
}

export interface Miss {
  readonly kind: 'missed gold bead' | 'wrong test bead';
  readonly en: readonly string[];
  readonly zh: readonly string[];
}

export interface LevelResult {
  readonly counts: Counts;
  readonly misses: readonly Miss[];
}

export interface SampleResult {
  readonly name: string;
  readonly levels: Record<Level, LevelResult>;
}

export class BrokenGold extends Error {}

const GOLD_FOLDER = join(__dirname, '..', 'test', 'fixtures', 'gold');
const ROOT = join(__dirname, '..');
const SHOWN_CHARS = 40;

// ---------------------------------------------------------------------------------------------
// Resolving text prefixes to units

/** Whether `text` at `start` reads `prefix`, any run of white space counting as one space (hard-wrapped lines). */
function startsWithLoosely(text: string, start: number, prefix: string): boolean {
  let i = start;
  for (let k = 0; k < prefix.length; k++) {
    if (prefix[k] === ' ') {
      if (!/\s/.test(text[i] ?? '')) return false;
      while (/\s/.test(text[i] ?? '')) i++;
    } else if (text[i++] !== prefix[k]) {
      return false;
    }
  }
  return true;
}

function resolve(text: string, starts: readonly number[], prefix: string, where: string): number {
  const hits = starts.filter((start) => startsWithLoosely(text, start, prefix));
  if (hits.length !== 1) throw new BrokenGold(`${where}: "${prefix}" starts ${hits.length} units`);
  return hits[0];
}

function partsOf(block: AlignableBlock): readonly Span[] {
  return block.kind === 'paragraph' ? block.parts : [block.span];
}

function topPoints(block: AlignableBlock): readonly Point[] {
  return block.kind === 'paragraph' ? block.points : [];
}

/**
 * Where a sentence unit may start: the pieces the splitter cuts each part of a block into and the
 * point markers inside them. A piece after a page break may carry on the sentence before it; it is a
 * candidate all the same, which costs nothing as long as the gold prefixes stay unique.
 */
function sentenceStarts(side: VersionSide): number[] {
  return unique(side.blocks.flatMap((block) => [
    ...partsOf(block).flatMap((part) => splitSentences(side.text, part.start, part.end, side.language).map((s) => s.start)),
    ...topPoints(block).map((point) => point.marker.start),
  ]));
}

function unique(starts: readonly number[]): number[] {
  return [...new Set(starts)];
}

function allPoints(points: readonly Point[]): Point[] {
  return points.flatMap((point) => [point, ...allPoints(point.children)]);
}

// ---------------------------------------------------------------------------------------------
// Gold and test beads

interface Sides {
  readonly en: VersionSide;
  readonly zh: VersionSide;
}

function resolveBeads(sides: Sides, beads: readonly GoldBeadText[], starts: Record<Lang, readonly number[]>, level: Level): Bead[] {
  const side = (lang: Lang, prefixes: readonly string[]) =>
    prefixes.map((prefix) => resolve(sides[lang].text, starts[lang], prefix, `${level} ${lang}`));
  return beads.map((bead) => ({ en: side('en', bead.en), zh: side('zh', bead.zh) }));
}

function resolvePoints(sides: Sides, gold: GoldFile, paragraphs: readonly Bead[]): Bead[] {
  const blockAt = (lang: Lang, start: number) => sides[lang].blocks.find((block) => block.span.start === start);
  const enParagraphStarts = sides.en.blocks.map((block) => block.span.start);
  return gold.points.map((point) => {
    const enStart = resolve(sides.en.text, enParagraphStarts, point.enParagraph, 'point paragraph');
    const zhStarts = paragraphs.find((bead) => bead.en.includes(enStart))?.zh ?? [];
    const enPoints = allPoints(topPoints(blockAt('en', enStart) as AlignableBlock)).map((p) => p.span.start);
    const zhPoints = zhStarts.flatMap((start) => allPoints(topPoints(blockAt('zh', start) as AlignableBlock))).map((p) => p.span.start);
    return {
      en: [resolve(sides.en.text, enPoints, point.en, 'point en')],
      zh: [resolve(sides.zh.text, zhPoints, point.zh, 'point zh')],
    };
  });
}

function testPointBeads(alignment: NoteAlignment): Bead[] {
  type Pair = NoteAlignment['paragraphs'][number]['points'][number];
  const flatten = (pairs: readonly Pair[]): Bead[] =>
    pairs.flatMap((pair) => [{ en: [pair.en.span.start], zh: [pair.zh.span.start] }, ...flatten(pair.children)]);
  return alignment.paragraphs.flatMap((paragraph) => flatten(paragraph.points));
}

/**
 * The aligner's beads at one level, each side reduced to the gold units it starts: a span after a
 * page break that carries on a sentence is no unit of its own. A bead whose first span starts no
 * gold unit shows a unit the gold left out.
 */
function testBeads(spans: readonly { en: readonly Span[]; zh: readonly Span[] }[], gold: readonly Bead[], sides: Sides, level: Level): Bead[] {
  const known = { en: new Set(gold.flatMap((b) => b.en)), zh: new Set(gold.flatMap((b) => b.zh)) };
  const side = (lang: Lang, list: readonly Span[]) => {
    if (list.length > 0 && !known[lang].has(list[0].start)) {
      throw new BrokenGold(`${level} ${lang}: the gold leaves out "${shown(sides[lang].text, list[0].start)}"`);
    }
    return list.map((span) => span.start).filter((start) => known[lang].has(start));
  };
  return spans.map((bead) => ({ en: side('en', bead.en), zh: side('zh', bead.zh) }));
}

// ---------------------------------------------------------------------------------------------
// Scoring

function keyOf(bead: Bead): string {
  const sorted = (list: readonly number[]) => [...list].sort((a, b) => a - b).join(',');
  return `${sorted(bead.en)}|${sorted(bead.zh)}`;
}

function sharesUnits(a: Bead, b: Bead): boolean {
  const sideShares = (x: readonly number[], y: readonly number[]) =>
    x.length === 0 && y.length === 0 ? true : x.some((unit) => y.includes(unit));
  return sideShares(a.en, b.en) && sideShares(a.zh, b.zh);
}

function score(test: readonly Bead[], gold: readonly Bead[], sides: Sides): LevelResult {
  const nonEmpty = (bead: Bead) => bead.en.length > 0 || bead.zh.length > 0;
  const testBeads = test.filter(nonEmpty);
  const goldBeads = gold.filter(nonEmpty);
  const goldKeys = new Set(goldBeads.map(keyOf));
  const testKeys = new Set(testBeads.map(keyOf));
  const texts = (bead: Bead) => ({ en: bead.en.map((s) => shown(sides.en.text, s)), zh: bead.zh.map((s) => shown(sides.zh.text, s)) });
  const misses: Miss[] = [
    ...goldBeads.filter((bead) => !testKeys.has(keyOf(bead))).map((bead) => ({ kind: 'missed gold bead' as const, ...texts(bead) })),
    ...testBeads.filter((bead) => !goldKeys.has(keyOf(bead))).map((bead) => ({ kind: 'wrong test bead' as const, ...texts(bead) })),
  ];
  return {
    counts: {
      test: testBeads.length,
      gold: goldBeads.length,
      strict: testBeads.filter((bead) => goldKeys.has(keyOf(bead))).length,
      laxTest: testBeads.filter((bead) => goldBeads.some((g) => sharesUnits(bead, g))).length,
      laxGold: goldBeads.filter((bead) => testBeads.some((t) => sharesUnits(t, bead))).length,
    },
    misses,
  };
}

function shown(text: string, start: number): string {
  return text.slice(start, start + SHOWN_CHARS).replace(/\s+/g, ' ');
}

export function f1(counts: Counts, mode: 'strict' | 'lax'): { precision: number; recall: number; f1: number } {
  const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);
  const precision = ratio(mode === 'strict' ? counts.strict : counts.laxTest, counts.test);
  const recall = ratio(mode === 'strict' ? counts.strict : counts.laxGold, counts.gold);
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

export function addCounts(a: Counts, b: Counts): Counts {
  return { test: a.test + b.test, gold: a.gold + b.gold, strict: a.strict + b.strict, laxTest: a.laxTest + b.laxTest, laxGold: a.laxGold + b.laxGold };
}

// ---------------------------------------------------------------------------------------------
// One sample

function sidesOf(gold: GoldFile): Sides {
  const read = (path: string) => analyse(readFileSync(join(ROOT, path), 'utf8'));
  const enNote = read(gold.en);
  const zhNote = gold.zh === gold.en ? enNote : read(gold.zh);
  const en = sideOf(enNote, 'en');
  const zh = sideOf(zhNote, 'zh');
  if (!en || !zh) throw new BrokenGold(`${gold.en} / ${gold.zh}: no English or no Chinese version`);
  return { en, zh };
}

export function evaluateGold(name: string, gold: GoldFile): SampleResult {
  try {
    return evaluate(name, gold);
  } catch (error) {
    throw error instanceof BrokenGold ? new BrokenGold(`${name}: ${error.message}`) : error;
  }
}

function evaluate(name: string, gold: GoldFile): SampleResult {
  const sides = sidesOf(gold);
  const alignment = alignVersions(sides.en, sides.zh);
  const blockStarts = (lang: Lang) => sides[lang].blocks.map((block) => block.span.start);
  const paragraphs = resolveBeads(sides, gold.paragraphs, { en: blockStarts('en'), zh: blockStarts('zh') }, 'paragraph');
  const sentences = resolveBeads(sides, gold.sentences, { en: sentenceStarts(sides.en), zh: sentenceStarts(sides.zh) }, 'sentence');
  return {
    name,
    levels: {
      paragraph: score(testBeads(alignment.paragraphs, paragraphs, sides, 'paragraph'), paragraphs, sides),
      point: score(testPointBeads(alignment), resolvePoints(sides, gold, paragraphs), sides),
      sentence: score(testBeads(alignment.paragraphs.flatMap((p) => p.sentences), sentences, sides, 'sentence'), sentences, sides),
    },
  };
}

export function goldFiles(): Array<{ name: string; gold: GoldFile }> {
  return readdirSync(GOLD_FOLDER)
    .filter((file) => file.endsWith('.gold.json'))
    .sort()
    .map((file) => ({ name: file.replace(/\.gold\.json$/, ''), gold: JSON.parse(readFileSync(join(GOLD_FOLDER, file), 'utf8')) as GoldFile }));
}

// ---------------------------------------------------------------------------------------------
// Report

function row(name: string, level: Level, counts: Counts): string {
  const figures = (mode: 'strict' | 'lax') => {
    const { precision, recall, f1: f } = f1(counts, mode);
    return [precision, recall, f].map((x) => x.toFixed(3).padStart(6)).join(' ');
  };
  return `${name.padEnd(26)} ${level.padEnd(9)} ${String(counts.test).padStart(4)} ${String(counts.gold).padStart(4)}  ${figures('strict')}   ${figures('lax')}`;
}

function main(): void {
  const started = performance.now();
  let results: SampleResult[];
  try {
    results = goldFiles().map(({ name, gold }) => evaluateGold(name, gold));
  } catch (error) {
    if (!(error instanceof BrokenGold)) throw error;
    console.error(`broken gold file in ${relative(process.cwd(), GOLD_FOLDER)}: ${error.message}`);
    process.exit(1);
  }
  const elapsed = performance.now() - started;
  console.log(`${'sample'.padEnd(26)} ${'level'.padEnd(9)} test gold  strict P      R     F1      lax P      R     F1`);
  for (const result of results) {
    for (const level of LEVELS) console.log(row(result.name, level, result.levels[level].counts));
  }
  for (const level of LEVELS) {
    console.log(row('TOTAL', level, results.map((r) => r.levels[level].counts).reduce(addCounts)));
  }
  for (const result of results) {
    for (const level of LEVELS) {
      for (const miss of result.levels[level].misses) {
        console.log(`\n${result.name} ${level}: ${miss.kind}\n  EN ${miss.en.map((t) => `«${t}»`).join(' + ') || '—'}\n  ZH ${miss.zh.map((t) => `«${t}»`).join(' + ') || '—'}`);
      }
    }
  }
  console.log(`\n${results.length} samples, analysed, aligned and scored in ${(elapsed / 1000).toFixed(3)} s (reading the gold included)`);
}

if (require.main === module) main();
