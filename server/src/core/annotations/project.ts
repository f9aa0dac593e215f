/**
 * An annotation made on one language version, shown on the other: the annotated span's counterpart
 * through the note's alignment (core/noteAlignment.ts). Within one sentence it is that sentence's
 * counterpart; within one numbered point, the point's; otherwise the counterparts of the paragraphs it
 * touches. The alignment covers both versions whether they are in one file or in a two-file pair, so
 * the same lookup serves both: offsets on the other side are in `alignment[to].text`.
 */
import type { Span } from '../model';
import type { NoteAlignment, ParagraphPair, PointPair, UnitPair } from '../noteAlignment';
import { isWhitespace } from '../text/script';
import { countBelow } from '../text/spans';

export type ProjectionLevel = 'sentence' | 'point' | 'paragraph';

export interface Projection {
  readonly from: 'en' | 'zh';
  readonly to: 'en' | 'zh';
  /** How finely the counterpart is known. */
  readonly level: ProjectionLevel;
  /** The unit or units the annotated span lies in, on its own side. */
  readonly source: readonly Span[];
  /** Their counterpart on the other side. */
  readonly target: readonly Span[];
}

interface Entry {
  readonly span: Span;
  readonly pair: ParagraphPair;
}

/** The paragraph spans of each side in document order, listed once per alignment for binary search. */
export class AnnotationProjector {
  private readonly entries: Record<'en' | 'zh', Entry[]>;

  constructor(private readonly alignment: NoteAlignment) {
    this.entries = { en: entriesOf(alignment, 'en'), zh: entriesOf(alignment, 'zh') };
  }

  /** The counterpart of `span` (UTF-16 offsets in the `from` side's text), or undefined when it has none. */
  project(from: 'en' | 'zh', span: Span): Projection | undefined {
    const to = from === 'en' ? 'zh' : 'en';
    const text = this.alignment[from].text;
    const trimmed = trim(text, span);
    const pairs = this.pairsTouching(from, trimmed);
    const withCounterpart = pairs.filter((pair) => pair[to].length > 0);
    if (withCounterpart.length === 0) return undefined;
    if (pairs.length === 1) {
      const finer = finerUnit(pairs[0], from, to, trimmed);
      if (finer) return { from, to, ...finer };
    }
    return {
      from, to, level: 'paragraph',
      source: withCounterpart.flatMap((pair) => pair[from]),
      target: withCounterpart.flatMap((pair) => pair[to]),
    };
  }

  private pairsTouching(side: 'en' | 'zh', span: Span): ParagraphPair[] {
    const entries = this.entries[side];
    const pairs: ParagraphPair[] = [];
    // A span reaching no further than a paragraph's end still touches it (a cursor after the last word).
    const end = Math.max(span.end, span.start + 1);
    for (let k = countBelow(entries, span.start, (entry) => entry.span.end); k < entries.length && entries[k].span.start < end; k++) {
      const { pair } = entries[k];
      if (pairs[pairs.length - 1] !== pair) pairs.push(pair);
    }
    return pairs;
  }
}

function entriesOf(alignment: NoteAlignment, side: 'en' | 'zh'): Entry[] {
  return alignment.paragraphs
    .flatMap((pair) => pair[side].map((span) => ({ span, pair })))
    .sort((a, b) => a.span.start - b.span.start);
}

function finerUnit(pair: ParagraphPair, from: 'en' | 'zh', to: 'en' | 'zh', span: Span): Omit<Projection, 'from' | 'to'> | undefined {
  const sentence = pair.sentences.find((unit) => holds(unit[from], span));
  if (sentence && sentence[to].length > 0) return { level: 'sentence', source: sentence[from], target: sentence[to] };
  const point = innermostPointHolding(pair.points, from, span);
  return point ? { level: 'point', source: [point[from].span], target: [point[to].span] } : undefined;
}

function innermostPointHolding(points: readonly PointPair[], side: 'en' | 'zh', span: Span): PointPair | undefined {
  const point = points.find((p) => holds([p[side].span], span));
  return point ? innermostPointHolding(point.children, side, span) ?? point : undefined;
}

/** Whether the unit (spans of one sentence or point, in order) holds all of `span`. */
function holds(unit: UnitPair['en'], span: Span): boolean {
  return unit.length > 0 && unit[0].start <= span.start && span.end <= unit[unit.length - 1].end;
}

/** A selection often takes the space around a sentence with it; that space belongs to no unit. */
function trim(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && isWhitespace(text.charCodeAt(start))) start++;
  while (end > start && isWhitespace(text.charCodeAt(end - 1))) end--;
  return start < end ? { start, end } : span;
}
