/** Structure that both versions must share: cited communications, numbered points, paragraphs. */
import type { CitedCommunication, Paragraph, Point, Span } from '../model';
import type { AlignableBlock, NoteAlignment, ParagraphPair, PointPair } from '../noteAlignment';
import { lastStartingBy } from '../text/spans';
import { DEFAULT_SEVERITY, otherSide, sideName, type Finding, type RelatedSpan, type Side } from './types';

function contains(spans: readonly Span[], span: Span): boolean {
  return spans.some((s) => span.start >= s.start && span.end <= s.end);
}

function citationKey(citation: CitedCommunication): string {
  return `${citation.type} ${citation.country} ${citation.serial}/${citation.year}`;
}

function paragraphRelated(side: Side, spans: readonly Span[], what: string): RelatedSpan[] {
  return spans.map((span) => ({ side, span, message: `${what} (${sideName(side)})` }));
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
      const related = paragraphRelated(other, counterpartSpans(alignment.paragraphs, Math.max(0, index), other), 'Where the reference is expected');
      return {
        code: 'reference-missing', severity: DEFAULT_SEVERITY['reference-missing'], side, span: citation.span, related,
        message: `The ${sideName(side)} version cites ${citation.text}; the ${sideName(other)} version does not cite it.`,
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
  const related = paragraphRelated(other, pair[other], 'The aligned paragraph');
  if (theirs.length === 0) {
    return [{
      code: 'point-count', severity: DEFAULT_SEVERITY['point-count'], side, span: unpaired[0].marker, related,
      message: `The ${sideName(side)} paragraph lists ${mine.length} numbered points; the aligned ${sideName(other)} paragraph lists none.`,
    }];
  }
  return unpaired.map((point) => ({
    code: 'point-missing', severity: DEFAULT_SEVERITY['point-missing'], side, span: point.marker, related,
    message: `Point ${point.ordinal} ("${point.markerText}") of the ${sideName(side)} paragraph has no counterpart: the ${sideName(other)} paragraph lists ${theirs.length} points against ${mine.length}.`,
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

/**
 * In a bead of k paragraphs against fewer on the other side, the paragraphs left over when some run
 * of them alone explains the other side's length better than all of them together; none when the
 * translator plainly merged paragraphs (the whole run fits best).
 */
function leftOverInBead(pair: ParagraphPair, side: Side, zhPerEn: number): Paragraph[] {
  const mine = bodyOf(side === 'en' ? pair.enBlocks : pair.zhBlocks);
  const theirs = bodyOf(side === 'en' ? pair.zhBlocks : pair.enBlocks);
  if (theirs.length === 0 || mine.length <= theirs.length || zhPerEn === 0) return [];
  const scale = side === 'en' ? zhPerEn : 1 / zhPerEn;
  const target = lengthOf(theirs);
  const misfit = (blocks: readonly Paragraph[]) => Math.abs(lengthOf(blocks) * scale - target);
  let best = 0;
  for (let start = 1; start + theirs.length <= mine.length; start++) {
    if (misfit(mine.slice(start, start + theirs.length)) < misfit(mine.slice(best, best + theirs.length))) best = start;
  }
  if (misfit(mine.slice(best, best + theirs.length)) >= misfit(mine)) return [];
  return mine.filter((_, i) => i < best || i >= best + theirs.length);
}

function unpairedFinding(paragraph: Paragraph, side: Side, related: readonly Span[], merged: boolean): Finding {
  const other = otherSide(side);
  return {
    code: 'paragraph-unpaired', severity: DEFAULT_SEVERITY['paragraph-unpaired'], side, span: paragraph.span,
    related: paragraphRelated(other, related, merged ? 'The aligned paragraph, which translates a neighbour' : 'The nearest aligned paragraph'),
    message: `This ${sideName(side)} paragraph has no counterpart in the ${sideName(other)} version.`,
  };
}

/**
 * Body paragraphs that the aligner paired with nothing, or that it could only attach to a neighbour's
 * counterpart (a bead of two English paragraphs for one Chinese, one of them untranslated).
 */
export function checkParagraphs(alignment: NoteAlignment): Finding[] {
  const pairs = alignment.paragraphs;
  const zhPerEn = lengthRatio(pairs);
  return pairs.flatMap((pair, index): Finding[] => {
    const side: Side | undefined = pair.zh.length === 0 ? 'en' : pair.en.length === 0 ? 'zh' : undefined;
    if (side) {
      const related = counterpartSpans(pairs, index, otherSide(side));
      return bodyOf(side === 'en' ? pair.enBlocks : pair.zhBlocks).map((p) => unpairedFinding(p, side, related, false));
    }
    return (['en', 'zh'] as const).flatMap((mine) =>
      leftOverInBead(pair, mine, zhPerEn).map((p) => unpairedFinding(p, mine, pair[otherSide(mine)], true)));
  });
}
