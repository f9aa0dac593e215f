/**
 * Scores the recogniser, the aligner and the checks against hand-written gold files: the samples'
 * (`test/fixtures/gold/`) and the recognition corpus's (`test/corpus/`, see its README).
 *
 * A gold file names units by the text they start with, so it stays readable and survives edits
 * elsewhere in the note. A prefix that starts two units of its level is ambiguous and makes the gold
 * broken; a prefix that starts none is a unit the recogniser did not find, and counts as a miss.
 * Scoring follows the published sentence-alignment table: strict counts a bead correct when the same
 * bead is in the gold, lax when it shares a unit with a gold bead on each side. Outline items match
 * when they have the same kind at the same depth and start with the gold's text, in order.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyse } from '../server/src/core/analyse';
import { splitSentences } from '../server/src/core/align/sentences';
import { checkAlone, runChecks, type Finding } from '../server/src/core/checks';
import type { Note, Point, Span } from '../server/src/core/model';
import { alignVersions, sideOf, type AlignableBlock, type NoteAlignment, type VersionSide } from '../server/src/core/noteAlignment';
import { outlineOf, type OutlineItem } from '../server/src/core/outline';

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

export interface GoldOutlineItem {
  readonly kind: string;
  readonly text: string;
  readonly language?: Lang;
  readonly children?: readonly GoldOutlineItem[];
}

export interface GoldFinding {
  readonly code: string;
  readonly side?: Lang;
  readonly at: string;
  readonly why?: string;
}

export interface GoldFile {
  readonly en?: string;
  readonly zh?: string;
  readonly outline?: readonly GoldOutlineItem[] | Readonly<Record<Lang, readonly GoldOutlineItem[]>>;
  readonly paragraphs?: readonly GoldBeadText[];
  readonly points?: readonly GoldPointText[];
  readonly sentences?: readonly GoldBeadText[];
  readonly findings?: readonly GoldFinding[];
}

/** Units are beads of the alignment; the outline is a sequence of items. */
export type Level = 'outline' | 'paragraph' | 'point' | 'sentence';
export const LEVELS: readonly Level[] = ['outline', 'paragraph', 'point', 'sentence'];

export interface Counts {
  readonly test: number;
  readonly gold: number;
  readonly strict: number;
  /** Test beads sharing a unit with some gold bead on each side (the outline: as strict). */
  readonly laxTest: number;
  /** Gold beads sharing a unit with some test bead on each side. */
  readonly laxGold: number;
}

export interface Miss {
  readonly kind: 'missed gold unit' | 'wrong test unit';
  readonly en: readonly string[];
  readonly zh: readonly string[];
}

export interface LevelResult {
  readonly counts: Counts;
  readonly misses: readonly Miss[];
}

export interface FindingsResult {
  /** Gold findings not reported. */
  readonly missing: readonly string[];
  /** Findings reported that the gold does not list: false alarms unless the gold is incomplete. */
  readonly unexpected: readonly string[];
  readonly expected: number;
}

export interface SampleResult {
  readonly name: string;
  readonly levels: Partial<Record<Level, LevelResult>>;
  readonly findings?: FindingsResult;
}

export class BrokenGold extends Error {}

const ROOT = join(__dirname, '..');
export const SAMPLES_GOLD = join(ROOT, 'test', 'fixtures', 'gold');
export const CORPUS = join(ROOT, 'test', 'corpus');
const SHOWN_CHARS = 40;
const EMPTY_COUNTS: Counts = { test: 0, gold: 0, strict: 0, laxTest: 0, laxGold: 0 };

// ---------------------------------------------------------------------------------------------
// Resolving text prefixes to units

function isSpace(char: string | undefined): boolean {
  return char !== undefined && /\s/.test(char);
}

/** Whether `text` at `start` reads `prefix`, any run of white space counting as one space (hard-wrapped lines). */
export function startsWithLoosely(text: string, start: number, prefix: string): boolean {
  let i = start;
  for (let k = 0; k < prefix.length; k++) {
    if (isSpace(prefix[k])) {
      while (isSpace(prefix[k + 1])) k++;
      if (!isSpace(text[i])) return false;
      while (isSpace(text[i])) i++;
    } else if (text[i++] !== prefix[k]) {
      return false;
    }
  }
  return true;
}

/** The one unit the prefix starts, or undefined when it starts none (a unit the recogniser missed). */
function resolve(text: string, starts: readonly number[], prefix: string, where: string): number | undefined {
  const hits = starts.filter((start) => startsWithLoosely(text, start, prefix));
  if (hits.length > 1) throw new BrokenGold(`${where}: "${prefix}" starts ${hits.length} units`);
  return hits[0];
}

function partsOf(block: AlignableBlock): readonly Span[] {
  return block.kind === 'paragraph' ? block.parts : [block.span];
}

function topPoints(block: AlignableBlock | undefined): readonly Point[] {
  return block?.kind === 'paragraph' ? block.points : [];
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
// Alignment beads

/** A bead as the start offsets of its units on each side (offsets into that side's text); -1 for a unit not found. */
interface Bead {
  readonly en: readonly number[];
  readonly zh: readonly number[];
}

const NOT_FOUND = -1;

interface Sides {
  readonly en: VersionSide;
  readonly zh: VersionSide;
}

function resolveBeads(sides: Sides, beads: readonly GoldBeadText[], starts: Record<Lang, readonly number[]>, level: Level): Bead[] {
  const side = (lang: Lang, prefixes: readonly string[]) =>
    prefixes.map((prefix) => resolve(sides[lang].text, starts[lang], prefix, `${level} ${lang}`) ?? NOT_FOUND);
  return beads.map((bead) => ({ en: side('en', bead.en), zh: side('zh', bead.zh) }));
}

function resolvePoints(sides: Sides, points: readonly GoldPointText[], paragraphs: readonly Bead[]): Bead[] {
  const blockAt = (lang: Lang, start: number) => sides[lang].blocks.find((block) => block.span.start === start);
  const enParagraphStarts = sides.en.blocks.map((block) => block.span.start);
  return points.map((point) => {
    const enStart = resolve(sides.en.text, enParagraphStarts, point.enParagraph, 'point paragraph');
    if (enStart === undefined) return { en: [NOT_FOUND], zh: [NOT_FOUND] };
    const zhStarts = paragraphs.find((bead) => bead.en.includes(enStart))?.zh ?? [];
    const enPoints = allPoints(topPoints(blockAt('en', enStart))).map((p) => p.span.start);
    const zhPoints = zhStarts.flatMap((start) => allPoints(topPoints(blockAt('zh', start)))).map((p) => p.span.start);
    return {
      en: [resolve(sides.en.text, enPoints, point.en, 'point en') ?? NOT_FOUND],
      zh: [resolve(sides.zh.text, zhPoints, point.zh, 'point zh') ?? NOT_FOUND],
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
 * page break that carries on a sentence is no unit of its own, unless the bead has nothing else.
 */
function testBeads(spans: readonly { en: readonly Span[]; zh: readonly Span[] }[], gold: readonly Bead[]): Bead[] {
  const known = { en: new Set(gold.flatMap((b) => b.en)), zh: new Set(gold.flatMap((b) => b.zh)) };
  const side = (lang: Lang, list: readonly Span[]) => {
    const starts = list.map((span) => span.start);
    const kept = starts.filter((start) => known[lang].has(start));
    return kept.length > 0 || starts.length === 0 ? kept : [starts[0]];
  };
  return spans.map((bead) => ({ en: side('en', bead.en), zh: side('zh', bead.zh) }));
}

function keyOf(bead: Bead): string {
  const sorted = (list: readonly number[]) => [...list].sort((a, b) => a - b).join(',');
  return `${sorted(bead.en)}|${sorted(bead.zh)}`;
}

function sharesUnits(a: Bead, b: Bead): boolean {
  const sideShares = (x: readonly number[], y: readonly number[]) =>
    x.length === 0 && y.length === 0 ? true : x.some((unit) => unit !== NOT_FOUND && y.includes(unit));
  return sideShares(a.en, b.en) && sideShares(a.zh, b.zh);
}

function scoreBeads(test: readonly Bead[], gold: readonly Bead[], sides: Sides, goldTexts: readonly GoldBeadText[]): LevelResult {
  const nonEmpty = (bead: Bead) => bead.en.length > 0 || bead.zh.length > 0;
  const testBeads = test.filter(nonEmpty);
  const goldBeads = gold.filter(nonEmpty);
  const goldKeys = new Set(goldBeads.map(keyOf));
  const testKeys = new Set(testBeads.map(keyOf));
  const shownSide = (lang: Lang, units: readonly number[], texts?: readonly string[]) =>
    units.map((start, k) => (start === NOT_FOUND ? `(not found) ${texts?.[k] ?? ''}` : shown(sides[lang].text, start)));
  const misses: Miss[] = [
    ...gold.map((bead, k) => ({ bead, texts: goldTexts[k] })).filter(({ bead }) => nonEmpty(bead) && !testKeys.has(keyOf(bead)))
      .map(({ bead, texts }) => ({ kind: 'missed gold unit' as const, en: shownSide('en', bead.en, texts?.en), zh: shownSide('zh', bead.zh, texts?.zh) })),
    ...testBeads.filter((bead) => !goldKeys.has(keyOf(bead)))
      .map((bead) => ({ kind: 'wrong test unit' as const, en: shownSide('en', bead.en), zh: shownSide('zh', bead.zh) })),
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

// ---------------------------------------------------------------------------------------------
// Outline

interface FlatItem {
  readonly depth: number;
  readonly kind: string;
  readonly language?: string;
  /** The test item's start offset, or the gold item's text prefix. */
  readonly start?: number;
  readonly text?: string;
}

function flattenTest(items: readonly OutlineItem[], note: Note, depth = 0): FlatItem[] {
  return items.flatMap((item) => [
    { depth, kind: item.kind, start: item.span.start, ...(item.kind === 'version' ? { language: versionLanguage(note, item.span.start) } : {}) },
    ...flattenTest(item.children, note, depth + 1),
  ]);
}

function versionLanguage(note: Note, start: number): string | undefined {
  return note.versions.find((version) => version.span.start === start)?.language;
}

function flattenGold(items: readonly GoldOutlineItem[], depth = 0): FlatItem[] {
  return items.flatMap((item) => [
    { depth, kind: item.kind, text: item.text, ...(item.language ? { language: item.language } : {}) },
    ...flattenGold(item.children ?? [], depth + 1),
  ]);
}

function sameItem(gold: FlatItem, test: FlatItem, text: string): boolean {
  return gold.depth === test.depth && gold.kind === test.kind && (gold.language === undefined || gold.language === test.language)
    && startsWithLoosely(text, test.start ?? 0, gold.text ?? '');
}

/** Matches gold and test items in order (longest common subsequence): outlines are small. */
function scoreOutline(gold: readonly FlatItem[], test: readonly FlatItem[], text: string): LevelResult {
  const rows = gold.length + 1;
  const columns = test.length + 1;
  const table = new Uint32Array(rows * columns);
  for (let g = gold.length - 1; g >= 0; g--) {
    for (let t = test.length - 1; t >= 0; t--) {
      table[g * columns + t] = sameItem(gold[g], test[t], text)
        ? table[(g + 1) * columns + t + 1] + 1
        : Math.max(table[(g + 1) * columns + t], table[g * columns + t + 1]);
    }
  }
  const misses: Miss[] = [];
  const describe = (item: FlatItem, excerpt: string) => `${'  '.repeat(item.depth)}${item.kind}${item.language ? ` ${item.language}` : ''} «${excerpt}»`;
  let g = 0;
  let t = 0;
  while (g < gold.length || t < test.length) {
    if (g < gold.length && t < test.length && sameItem(gold[g], test[t], text)) {
      g++;
      t++;
    } else if (t >= test.length || (g < gold.length && table[(g + 1) * columns + t] >= table[g * columns + t + 1])) {
      misses.push({ kind: 'missed gold unit', en: [describe(gold[g], gold[g].text ?? '')], zh: [] });
      g++;
    } else {
      misses.push({ kind: 'wrong test unit', en: [describe(test[t], shown(text, test[t].start ?? 0))], zh: [] });
      t++;
    }
  }
  const strict = table[0];
  return { counts: { test: test.length, gold: gold.length, strict, laxTest: strict, laxGold: strict }, misses };
}

// ---------------------------------------------------------------------------------------------
// Findings

function findingKey(finding: { code: string; side?: string }, at: string): string {
  return `${finding.code} ${finding.side ?? ''} «${at}»`;
}

/** Each gold finding is met by a reported finding of its code and side whose range starts with its text. */
function scoreFindings(gold: readonly GoldFinding[], found: readonly Finding[], texts: Record<Lang, string>, twoFiles: boolean): FindingsResult {
  const unmatched = [...found];
  const missing: string[] = [];
  for (const expected of gold) {
    const at = unmatched.findIndex((f) => f.code === expected.code && (!twoFiles || expected.side === undefined || f.side === expected.side)
      && startsWithLoosely(texts[f.side], f.span.start, expected.at));
    if (at < 0) missing.push(findingKey(expected, expected.at));
    else unmatched.splice(at, 1);
  }
  const unexpected = unmatched.map((f) => `${findingKey({ code: f.code, side: twoFiles ? f.side : undefined }, shown(texts[f.side], f.span.start))} ${f.message}`);
  return { missing, unexpected, expected: gold.length };
}

// ---------------------------------------------------------------------------------------------
// One gold file

interface LoadedGold {
  readonly notes: Partial<Record<Lang, Note>>;
  readonly twoFiles: boolean;
}

function readNote(goldDir: string, file: string): Note {
  const fromRoot = join(ROOT, file);
  const path = existsSync(fromRoot) ? fromRoot : join(goldDir, file);
  if (!existsSync(path)) throw new BrokenGold(`no such note: ${file}`);
  return analyse(readFileSync(path, 'utf8'));
}

function load(gold: GoldFile, goldDir: string): LoadedGold {
  const en = gold.en !== undefined ? readNote(goldDir, gold.en) : undefined;
  const zh = gold.zh === undefined ? undefined : gold.zh === gold.en ? en : readNote(goldDir, gold.zh);
  return { notes: { ...(en ? { en } : {}), ...(zh ? { zh } : {}) }, twoFiles: en !== undefined && zh !== undefined && en !== zh };
}

function sidesOf(loaded: LoadedGold): Sides | undefined {
  const en = loaded.notes.en && sideOf(loaded.notes.en, 'en');
  const zh = loaded.notes.zh && sideOf(loaded.notes.zh, 'zh');
  return en && zh ? { en, zh } : undefined;
}

function alignmentLevels(gold: GoldFile, sides: Sides, alignment: NoteAlignment): Partial<Record<Level, LevelResult>> {
  const blockStarts = (lang: Lang) => sides[lang].blocks.map((block) => block.span.start);
  const paragraphTexts = gold.paragraphs ?? [];
  const sentenceTexts = gold.sentences ?? [];
  const paragraphs = resolveBeads(sides, paragraphTexts, { en: blockStarts('en'), zh: blockStarts('zh') }, 'paragraph');
  const sentences = resolveBeads(sides, sentenceTexts, { en: sentenceStarts(sides.en), zh: sentenceStarts(sides.zh) }, 'sentence');
  const points = resolvePoints(sides, gold.points ?? [], paragraphs);
  return {
    paragraph: scoreBeads(testBeads(alignment.paragraphs, paragraphs), paragraphs, sides, paragraphTexts),
    point: scoreBeads(testPointBeads(alignment), points, sides, (gold.points ?? []).map((p) => ({ en: [p.en], zh: [p.zh] }))),
    sentence: scoreBeads(testBeads(alignment.paragraphs.flatMap((p) => p.sentences), sentences), sentences, sides, sentenceTexts),
  };
}

function outlineLevel(gold: GoldFile, loaded: LoadedGold): LevelResult | undefined {
  if (!gold.outline) return undefined;
  const perFile: Array<[Note, readonly GoldOutlineItem[]]> = Array.isArray(gold.outline)
    ? [[(loaded.notes.en ?? loaded.notes.zh) as Note, gold.outline as readonly GoldOutlineItem[]]]
    : (['en', 'zh'] as const).map((lang) => {
      const note = loaded.notes[lang];
      if (!note) throw new BrokenGold(`an outline for ${lang} but no ${lang} file`);
      return [note, (gold.outline as Record<Lang, readonly GoldOutlineItem[]>)[lang]];
    });
  const results = perFile.map(([note, items]) => scoreOutline(flattenGold(items), flattenTest(outlineOf(note), note), note.text));
  return { counts: results.map((r) => r.counts).reduce(addCounts, EMPTY_COUNTS), misses: results.flatMap((r) => r.misses) };
}

function findingsOf(loaded: LoadedGold, alignment: NoteAlignment | undefined): Finding[] {
  const { en, zh } = loaded.notes;
  if (alignment && en && zh) return runChecks({ alignment, notes: { en, zh } });
  return [en, zh].filter((note, k, all): note is Note => note !== undefined && all.indexOf(note) === k).flatMap((note) => checkAlone(note));
}

export function evaluateGold(name: string, gold: GoldFile, goldDir: string = SAMPLES_GOLD): SampleResult {
  try {
    const loaded = load(gold, goldDir);
    const sides = sidesOf(loaded);
    const alignment = sides && alignVersions(sides.en, sides.zh);
    const outline = outlineLevel(gold, loaded);
    const texts = { en: loaded.notes.en?.text ?? '', zh: loaded.notes.zh?.text ?? '' };
    const bilingual = gold.en !== undefined && gold.zh !== undefined;
    if (bilingual && !alignment) {
      return { name, levels: { ...(outline ? { outline } : {}), ...missedEverything(gold) } };
    }
    return {
      name,
      levels: { ...(outline ? { outline } : {}), ...(sides && alignment ? alignmentLevels(gold, sides, alignment) : {}) },
      ...(gold.findings ? { findings: scoreFindings(gold.findings, findingsOf(loaded, alignment), texts, loaded.twoFiles) } : {}),
    };
  } catch (error) {
    throw error instanceof BrokenGold ? new BrokenGold(`${name}: ${error.message}`) : error;
  }
}

/** A bilingual note read as one language only: every gold bead is missed. */
function missedEverything(gold: GoldFile): Partial<Record<Level, LevelResult>> {
  const missed = (beads: readonly GoldBeadText[]): LevelResult => ({
    counts: { ...EMPTY_COUNTS, gold: beads.length },
    misses: beads.map((bead) => ({ kind: 'missed gold unit', en: bead.en, zh: bead.zh })),
  });
  return {
    paragraph: missed(gold.paragraphs ?? []),
    point: missed((gold.points ?? []).map((p) => ({ en: [p.en], zh: [p.zh] }))),
    sentence: missed(gold.sentences ?? []),
  };
}

// ---------------------------------------------------------------------------------------------
// Totals and files

export function f1(counts: Counts, mode: 'strict' | 'lax'): { precision: number; recall: number; f1: number } {
  const ratio = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);
  const precision = ratio(mode === 'strict' ? counts.strict : counts.laxTest, counts.test);
  const recall = ratio(mode === 'strict' ? counts.strict : counts.laxGold, counts.gold);
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

export function addCounts(a: Counts, b: Counts): Counts {
  return { test: a.test + b.test, gold: a.gold + b.gold, strict: a.strict + b.strict, laxTest: a.laxTest + b.laxTest, laxGold: a.laxGold + b.laxGold };
}

export function totalCounts(results: readonly SampleResult[], level: Level): Counts {
  return results.map((r) => r.levels[level]?.counts ?? EMPTY_COUNTS).reduce(addCounts, EMPTY_COUNTS);
}

export interface NamedGold {
  readonly name: string;
  readonly gold: GoldFile;
  readonly dir: string;
}

/** The gold files of a folder, by name. */
export function goldFiles(folder: string = SAMPLES_GOLD): NamedGold[] {
  return readdirSync(folder)
    .filter((file) => file.endsWith('.gold.json'))
    .sort()
    .map((file) => ({
      name: file.replace(/\.gold\.json$/, ''),
      gold: JSON.parse(readFileSync(join(folder, file), 'utf8')) as GoldFile,
      dir: folder,
    }));
}

export function evaluateFolder(folder: string): SampleResult[] {
  return goldFiles(folder).map(({ name, gold, dir }) => evaluateGold(name, gold, dir));
}
