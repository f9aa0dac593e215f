/**
 * The alignment of a note as rows, the translator's workbench reads it (the aligned view, `diplonote
 * align`): each paragraph pair, then its points and sentences in the order of the text, a point just
 * before the sentence it starts. A unit left without a counterpart is a row with one side.
 */
import type { Point, Span } from '../model';
import type { AlignableBlock, NoteAlignment, ParagraphPair, PointPair } from '../noteAlignment';

export type RowLevel = 'paragraph' | 'point' | 'sentence';

/** What a block is, as a row names it: a numbered body paragraph (`¶4`), a formula, a title. */
export type BlockKind = 'paragraph' | 'opening' | 'closing' | 'title' | 'subject' | 'heading';

export interface UnitSide {
  readonly spans: readonly Span[];
  readonly block: BlockKind;
  /** The number of the body paragraph the unit is in (its `¶n` among the version's body paragraphs). */
  readonly paragraph?: number;
  /** The ordinal of the (innermost) numbered point the unit is in or is. */
  readonly point?: number;
}

export interface UnitRow {
  readonly level: RowLevel;
  /** The index of the paragraph pair the row belongs to. */
  readonly pair: number;
  readonly en?: UnitSide;
  readonly zh?: UnitSide;
  readonly confidence: number;
  /** The id of the user's correction that fixed the pair. */
  readonly correction?: string;
}

export function alignedUnits(alignment: NoteAlignment): UnitRow[] {
  return alignment.paragraphs.flatMap((pair, index) => rowsOfPair(pair, index));
}

function rowsOfPair(pair: ParagraphPair, index: number): UnitRow[] {
  const paragraph: UnitRow = {
    level: 'paragraph', pair: index, confidence: pair.confidence,
    ...sideOf('en', pair.en, pair.enBlocks), ...sideOf('zh', pair.zh, pair.zhBlocks),
    ...(pair.correction ? { correction: pair.correction } : {}),
  };
  if (pair.en.length === 0 || pair.zh.length === 0) return [paragraph];
  const points = allPointPairs(pair.points).map((point): UnitRow => ({
    level: 'point', pair: index, confidence: 1,
    en: { ...describe(pair.enBlocks, point.en.marker), point: point.en.ordinal, spans: [point.en.marker] },
    zh: { ...describe(pair.zhBlocks, point.zh.marker), point: point.zh.ordinal, spans: [point.zh.marker] },
  }));
  const sentences = pair.sentences.map((sentence): UnitRow => ({
    level: 'sentence', pair: index, confidence: sentence.confidence,
    ...sideOf('en', sentence.en, pair.enBlocks), ...sideOf('zh', sentence.zh, pair.zhBlocks),
    ...(sentence.correction ? { correction: sentence.correction } : {}),
  }));
  return [paragraph, ...inTextOrder(points, sentences)];
}

function sideOf(language: 'en' | 'zh', spans: readonly Span[], blocks: readonly AlignableBlock[]): Partial<Record<'en' | 'zh', UnitSide>> {
  if (spans.length === 0) return {};
  return { [language]: { ...describe(blocks, spans[0]), spans } };
}

/** The block a unit starting at `span` is in, and the innermost point there. */
function describe(blocks: readonly AlignableBlock[], span: Span): Omit<UnitSide, 'spans'> {
  const block = blocks.find((b) => b.span.start <= span.start && span.start < b.span.end) ?? blocks[0];
  if (!block) return { block: 'paragraph' };
  if (block.kind !== 'paragraph') return { block: block.kind };
  if (block.role !== 'body') return { block: block.role };
  const point = innermostPointAt(block.points, span.start);
  return { block: 'paragraph', paragraph: block.index, ...(point ? { point: point.ordinal } : {}) };
}

function innermostPointAt(points: readonly Point[], offset: number): Point | undefined {
  const point = points.find((p) => p.span.start <= offset && offset < p.span.end);
  return point ? innermostPointAt(point.children, offset) ?? point : undefined;
}

function allPointPairs(pairs: readonly PointPair[]): PointPair[] {
  return pairs.flatMap((pair) => [pair, ...allPointPairs(pair.children)]);
}

/** Both lists merged by where their rows start (English side, else Chinese); a point first at a tie. */
function inTextOrder(points: readonly UnitRow[], sentences: readonly UnitRow[]): UnitRow[] {
  const start = (row: UnitRow) => (row.en ?? row.zh)?.spans[0]?.start ?? 0;
  const merged: UnitRow[] = [];
  let p = 0;
  for (const sentence of sentences) {
    while (p < points.length && start(points[p]) <= start(sentence) && sentence.en) merged.push(points[p++]);
    merged.push(sentence);
  }
  return [...merged, ...points.slice(p)];
}
