/** Structure that both versions must share: cited communications, numbered points, paragraphs. */
import type { CitedCommunication, Paragraph, Point, Span } from '../model';
import type { AlignableBlock, NoteAlignment, ParagraphPair, PointPair } from '../noteAlignment';
import { lastStartingBy } from '../text/spans';
import { countOf, figuresIn, takeShared } from './figures';
import { message, sideWord, type Message } from '../messages';
import { DEFAULT_SEVERITY, otherSide, saying, type Finding, type RelatedSpan, type Side } from './types';

function contains(spans: readonly Span[], span: Span): boolean {
  return spans.some((s) => span.start >= s.start && span.end <= s.end);
}

function citationKey(citation: CitedCommunication): string {
  return `${citation.type} ${citation.country} ${citation.serial}/${citation.year}`;
}

type ParagraphRole = 'related.reference-expected' | 'related.aligned-paragraph' | 'related.aligned-neighbour' | 'related.nearest-paragraph';

function paragraphRelated(side: Side, spans: readonly Span[], what: ParagraphRole): RelatedSpan[] {
  const said: Message = message(what, { side: sideWord(side) });
  return spans.map((span) => ({ side, span, ...saying(said) }));
}

/** How far to look for a paired neighbour: bounded so that a one-sided note stays linear. */
const NEIGHBOUR_REACH = 32;

/** The spans of the other side to point at: the aligned paragraph, else the nearest paired neighbour. */
function counterpartSpans(pairs: readonly ParagraphPair[], index: number, other: Side): readonly Span[] {
  for (let distance = 0; distance < Math.min(pairs.length, NEIGHBOUR_REACH); distance++) {
    for (const i of [index - distance, index + distance]) {
      const spans = pairs[i]?.[other];
      if (spans && spans.length > 0) return spans;
    }
  }
  return [];
}

/** The spans of one side of the pairs, in text order, each with the index of its pair. */
function spansByPair(pairs: readonly ParagraphPair[], side: Side): { span: Span; pair: number }[] {
  return pairs.flatMap((pair, index) => pair[side].map((span) => ({ span, pair: index })));
}

/** The index of the pair whose `side` holds `span`, or -1; found by binary search in `spans` (see spansByPair). */
function pairIndexOf(spans: readonly { span: Span; pair: number }[], span: Span): number {
  const holder = lastStartingBy(spans, span.start)?.item;
  return holder && contains([holder.span], span) ? holder.pair : -1;
}

/** Communications cited in one version only; `citations` are those inside each version. */
export function checkReferences(alignment: NoteAlignment, citations: Readonly<Record<Side, readonly CitedCommunication[]>>): Finding[] {
  const keys = { en: new Set(citations.en.map(citationKey)), zh: new Set(citations.zh.map(citationKey)) };
  return (['en', 'zh'] as const).flatMap((side) => {
    const other = otherSide(side);
    const missing = citations[side].filter((c) => !keys[other].has(citationKey(c)));
    const spans = missing.length > 0 ? spansByPair(alignment.paragraphs, side) : [];
    return missing.map((citation): Finding => {
      const index = pairIndexOf(spans, citation.span);
      const related = paragraphRelated(other, counterpartSpans(alignment.paragraphs, Math.max(0, index), other), 'related.reference-expected');
      return {
        code: 'reference-missing', severity: DEFAULT_SEVERITY['reference-missing'], side, span: citation.span, related,
        ...saying(message('check.reference-missing', { side: sideWord(side), citation: citation.text, other: sideWord(other) })),
      };
    });
  });
}

function isParagraph(block: AlignableBlock): block is Paragraph {
  return block.kind === 'paragraph';
}

function pointsOf(blocks: readonly AlignableBlock[]): Point[] {
  const flat: Point[] = [];
  const visit = (points: readonly Point[]) => {
    for (const point of points) {
      flat.push(point);
      visit(point.children);
    }
  };
  for (const block of blocks) if (isParagraph(block)) visit(block.points);
  return flat;
}

function pairedPoints(pairs: readonly PointPair[], side: Side, into = new Set<Point>()): Set<Point> {
  for (const pair of pairs) {
    into.add(pair[side]);
    pairedPoints(pair.children, side, into);
  }
  return into;
}

function pointFindings(pair: ParagraphPair, side: Side): Finding[] {
  const other = otherSide(side);
  const mine = pointsOf(side === 'en' ? pair.enBlocks : pair.zhBlocks);
  const theirs = pointsOf(side === 'en' ? pair.zhBlocks : pair.enBlocks);
  const paired = pairedPoints(pair.points, side);
  const unpaired = mine.filter((point) => !paired.has(point));
  if (unpaired.length === 0) return [];
  const related = paragraphRelated(other, pair[other], 'related.aligned-paragraph');
  if (theirs.length === 0) {
    return [{
      code: 'point-count', severity: DEFAULT_SEVERITY['point-count'], side, span: unpaired[0].marker, related,
      ...saying(message('check.point-count', { side: sideWord(side), count: mine.length, other: sideWord(other) })),
    }];
  }
  return unpaired.map((point) => ({
    code: 'point-missing', severity: DEFAULT_SEVERITY['point-missing'], side, span: point.marker, related,
    ...saying(message('check.point-missing', {
      ordinal: point.ordinal, marker: point.markerText, side: sideWord(side), other: sideWord(other), theirs: theirs.length, mine: mine.length,
    })),
  }));
}

/** Points without a counterpart of the same ordinal, or a list that the other version does not have. */
export function checkPoints(alignment: NoteAlignment): Finding[] {
  return alignment.paragraphs
    .filter((pair) => pair.en.length > 0 && pair.zh.length > 0)
    .flatMap((pair) => [...pointFindings(pair, 'en'), ...pointFindings(pair, 'zh')]);
}

function bodyOf(blocks: readonly AlignableBlock[]): Paragraph[] {
  return blocks.filter((block): block is Paragraph => isParagraph(block) && block.role === 'body');
}

function lengthOf(blocks: readonly AlignableBlock[]): number {
  return blocks.reduce((sum, block) => sum + block.span.end - block.span.start, 0);
}

/** Characters of Chinese per character of English, from the pairs of one paragraph each. */
function lengthRatio(pairs: readonly ParagraphPair[]): number {
  let en = 0;
  let zh = 0;
  for (const pair of pairs) {
    if (pair.enBlocks.length !== 1 || pair.zhBlocks.length !== 1) continue;
    en += lengthOf(pair.enBlocks);
    zh += lengthOf(pair.zhBlocks);
  }
  return en > 0 && zh > 0 ? zh / en : 0;
}

/** The figures (numbers, dates) of each paragraph, read once per bead. */
function figuresOf(texts: Readonly<Record<Side, string>>, side: Side, blocks: readonly Paragraph[]): string[][] {
  return blocks.map((block) => figuresIn(texts[side], block.span, side));
}

/**
 * In a bead of k paragraphs against fewer on the other side, the paragraphs left over: the run that
 * shares most figures with the other side (then fits its length best) translates it, and the rest is
 * left over when its figures are nowhere on the other side, or when the run alone explains the other
 * side's length better than all of them together; none when the translator plainly merged paragraphs.
 */
function leftOverInBead(pair: ParagraphPair, side: Side, zhPerEn: number, texts: Readonly<Record<Side, string>>): Paragraph[] {
  const mine = bodyOf(side === 'en' ? pair.enBlocks : pair.zhBlocks);
  const theirs = bodyOf(side === 'en' ? pair.zhBlocks : pair.enBlocks);
  if (theirs.length === 0 || mine.length <= theirs.length || zhPerEn === 0) return [];
  const scale = side === 'en' ? zhPerEn : 1 / zhPerEn;
  const target = lengthOf(theirs);
  const misfit = (blocks: readonly Paragraph[]) => Math.abs(lengthOf(blocks) * scale - target);
  const figures = figuresOf(texts, side, mine);
  const theirFigures = countOf(figuresOf(texts, otherSide(side), theirs).flat());
  const run = (start: number) => mine.slice(start, start + theirs.length);
  const shared = Array.from({ length: mine.length - theirs.length + 1 }, (_, start) =>
    takeShared(figures.slice(start, start + theirs.length).flat(), new Map(theirFigures)));
  let best = 0;
  for (let start = 1; start < shared.length; start++) {
    if (shared[start] > shared[best] || (shared[start] === shared[best] && misfit(run(start)) < misfit(run(best)))) best = start;
  }
  const inRun = (i: number) => i >= best && i < best + theirs.length;
  const pool = new Map(theirFigures);
  const runShared = takeShared(figures.filter((_, i) => inRun(i)).flat(), pool);
  const rest = figures.filter((_, i) => !inRun(i)).flat();
  const figuresSay = runShared > 0 && rest.length > 0 && takeShared(rest, pool) === 0;
  if (!figuresSay && misfit(run(best)) >= misfit(mine)) return [];
  return mine.filter((_, i) => !inRun(i));
}

/**
 * The paragraphs left over in beads with two sides (see leftOverInBead), by side: their one finding is
 * `paragraph-unpaired`, so the number and date checks leave their figures out (no cascade).
 */
export function paragraphsLeftOverInBeads(alignment: NoteAlignment): Record<Side, Span[]> {
  const zhPerEn = lengthRatio(alignment.paragraphs);
  const texts = { en: alignment.en.text, zh: alignment.zh.text };
  const spans: Record<Side, Span[]> = { en: [], zh: [] };
  for (const pair of alignment.paragraphs) {
    if (pair.en.length === 0 || pair.zh.length === 0) continue;
    for (const side of ['en', 'zh'] as const) spans[side].push(...leftOverInBead(pair, side, zhPerEn, texts).map((p) => p.span));
  }
  return spans;
}

function unpairedFinding(paragraph: Paragraph, side: Side, related: readonly Span[], merged: boolean): Finding {
  const other = otherSide(side);
  return {
    code: 'paragraph-unpaired', severity: DEFAULT_SEVERITY['paragraph-unpaired'], side, span: paragraph.span,
    related: paragraphRelated(other, related, merged ? 'related.aligned-neighbour' : 'related.nearest-paragraph'),
    ...saying(message('check.paragraph-unpaired', { side: sideWord(side), other: sideWord(other) })),
  };
}

/**
 * Body paragraphs that the aligner paired with nothing, or that it could only attach to a neighbour's
 * counterpart (a bead of two English paragraphs for one Chinese, one of them untranslated).
 */
export function checkParagraphs(alignment: NoteAlignment): Finding[] {
  const pairs = alignment.paragraphs;
  const zhPerEn = lengthRatio(pairs);
  const texts = { en: alignment.en.text, zh: alignment.zh.text };
  return pairs.flatMap((pair, index): Finding[] => {
    const side: Side | undefined = pair.zh.length === 0 ? 'en' : pair.en.length === 0 ? 'zh' : undefined;
    if (side) {
      const related = counterpartSpans(pairs, index, otherSide(side));
      return bodyOf(side === 'en' ? pair.enBlocks : pair.zhBlocks).map((p) => unpairedFinding(p, side, related, false));
    }
    return (['en', 'zh'] as const).flatMap((mine) =>
      leftOverInBead(pair, mine, zhPerEn, texts).map((p) => unpairedFinding(p, mine, pair[otherSide(mine)], true)));
  });
}
