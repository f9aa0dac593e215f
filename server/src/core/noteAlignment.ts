/**
 * Aligns the English and Chinese versions of a note at three levels, each inside the one above:
 * paragraphs (and titles), numbered points by ordinal, and sentences. The versions come from one
 * note (its language versions) or from two files (a `NAME.en.note` / `NAME.zh.note` pair).
 */
import type { Heading, Language, Note, Paragraph, Point, SimpleBlock, Span } from './model';
import { alignWithFixedPairs, type AlignUnit, type Bead } from './align/align';
import { fixedBeadsOf, layCorrections, type AlignmentCorrection, type LaidCorrection, type UnitSpans } from './alignmentCorrections';
import { noteAnchorWeight, noteUnmatchedCost, numberAndDateAnchors, verbatimAnchors } from './align/anchors';
import { splitSentences } from './align/sentences';
import { NOTE_SENTENCE_BEAD_SHAPES, PARAGRAPH_BEAD_SHAPES } from './align/galeChurch';
import { endsWithTerminalPunctuation } from './text/measure';
import { isLowerLatin, isWhitespace } from './text/script';

/** What can be paired at paragraph level: paragraphs (formulas included), titles, subjects and headings. */
export type AlignableBlock = Paragraph | Heading | (SimpleBlock & { kind: 'title' | 'subject' });

export interface VersionSide {
  readonly text: string;
  readonly language: 'en' | 'zh';
  readonly blocks: readonly AlignableBlock[];
}

/** Extra anchors for a span (glossary terms as `term:<id>`), supplied by the caller. */
export type TermAnchors = (text: string, span: Span, language: 'en' | 'zh') => string[];

export interface UnitPair {
  readonly en: readonly Span[];
  readonly zh: readonly Span[];
  readonly confidence: number;
  /** The id of the user's correction that fixed this pair (see alignmentCorrections.ts). */
  readonly correction?: string;
}

export interface PointPair {
  readonly en: Point;
  readonly zh: Point;
  readonly children: readonly PointPair[];
}

export interface ParagraphPair extends UnitPair {
  readonly enBlocks: readonly AlignableBlock[];
  readonly zhBlocks: readonly AlignableBlock[];
  readonly points: readonly PointPair[];
  readonly sentences: readonly UnitPair[];
}

/** Which blocks of each side pair with which (indexes into the sides' blocks). */
export interface NoteBead {
  readonly en: readonly number[];
  readonly zh: readonly number[];
  readonly confidence: number;
  readonly correction?: string;
}

export interface NoteAlignment {
  readonly en: VersionSide;
  readonly zh: VersionSide;
  readonly paragraphs: readonly ParagraphPair[];
  readonly beads: readonly NoteBead[];
}

/**
 * The blocks of the versions in one language (a note and its translation, then a reply and its
 * translation, make two versions of each), or of the whole note when it is in one language.
 */
export function sideOf(note: Note, language: 'en' | 'zh'): VersionSide | undefined {
  const versions = note.versions.filter((v) => v.language === language);
  const blocks = versions.length > 0 ? versions.flatMap((v) => v.blocks)
    : note.versions.length === 0 && note.language === language ? note.blocks : undefined;
  if (!blocks) return undefined;
  return { text: note.text, language, blocks: blocks.filter(isAlignable) };
}

const ALIGNABLE: ReadonlySet<string> = new Set(['paragraph', 'title', 'subject', 'heading']);

function isAlignable(block: { kind: string }): block is AlignableBlock {
  return ALIGNABLE.has(block.kind);
}

/** How paragraphs are paired: their own bead priors, omissions by prior, small numbers as weak evidence. */
const PARAGRAPH_OPTIONS = {
  shapes: PARAGRAPH_BEAD_SHAPES, omissionsByPriorOnly: true,
  anchorWeight: noteAnchorWeight, unmatchedCost: noteUnmatchedCost,
} as const;

/** How the sentences of a paragraph pair are paired: crossed 2-2 beads rare, small numbers weak evidence, points as stretches. */
const SENTENCE_OPTIONS = {
  shapes: NOTE_SENTENCE_BEAD_SHAPES, anchorWeight: noteAnchorWeight, unmatchedCost: noteUnmatchedCost,
  fixedPairsStartStretches: true, startsBead: opensPoint,
} as const;

/** A sentence that opens a point (it carries the point's `pt:` anchor, see ordinalAnchorAt). */
function opensPoint(unit: AlignUnit): boolean {
  return unit.anchors.some((anchor) => anchor.startsWith('pt:'));
}

/**
 * The two versions aligned, paragraphs then points and sentences. `corrections` (a user's, in the order
 * made: a later one wins over an earlier one it contradicts) are fixed beads: one that names whole
 * paragraphs pairs paragraphs, any other pairs sentences, and the paragraphs holding them too.
 */
export function alignVersions(en: VersionSide, zh: VersionSide, terms?: TermAnchors, corrections: readonly AlignmentCorrection[] = []): NoteAlignment {
  const enUnits = blockUnits(en, terms);
  const zhUnits = blockUnits(zh, terms);
  addVerbatimAnchors(enUnits, zhUnits);
  const laid = layCorrections(corrections, blockSpans(en), blockSpans(zh));
  const fixed = fixedPairs(en.blocks, zh.blocks);
  const alignBlocks = (taken: readonly LaidCorrection[]) =>
    alignWithFixedPairs(enUnits, zhUnits, fixed, PARAGRAPH_OPTIONS, fixedBeadsOf(taken))
      .filter((bead) => bead.en.length > 0 || bead.zh.length > 0)
      .map((bead) => noteBead(bead, taken, corrections));
  const whole = laid.filter((c) => c.whole);
  let beads = alignBlocks(whole);
  // Sentences paired across paragraphs the aligner kept apart: those paragraphs are paired as well.
  const apart = laid.filter((c) => !c.whole && c.en.length > 0 && c.zh.length > 0 && !inOneBead(beads, c));
  if (apart.length > 0) beads = alignBlocks([...whole, ...apart].sort((a, b) => a.index - b.index));
  const finer = laid.filter((c) => !c.whole);
  return { en, zh, beads, paragraphs: beads.map((bead) => pairParagraphs(en, zh, bead, terms, sentenceCorrections(bead, finer, corrections))) };
}

function blockSpans(side: VersionSide): UnitSpans[] {
  return side.blocks.map((block) => [block.span]);
}

/** A bead with the id of the correction that fixed it; a paragraph pair fixed for a sentence's sake is not one. */
function noteBead(bead: Bead, taken: readonly LaidCorrection[], corrections: readonly AlignmentCorrection[]): NoteBead {
  const laid = bead.correction === undefined ? undefined : taken[bead.correction];
  const correction = laid?.whole ? corrections[laid.index].id : undefined;
  return { en: bead.en, zh: bead.zh, confidence: bead.confidence, ...(correction ? { correction } : {}) };
}

function inOneBead(beads: readonly NoteBead[], laid: LaidCorrection): boolean {
  return beads.some((bead) => laid.en.every((k) => bead.en.includes(k)) && laid.zh.every((k) => bead.zh.includes(k)));
}

/** The corrections of sentences whose paragraphs all lie in `bead`. */
function sentenceCorrections(bead: NoteBead, finer: readonly LaidCorrection[], corrections: readonly AlignmentCorrection[]): AlignmentCorrection[] {
  return finer.filter((c) => c.en.every((k) => bead.en.includes(k)) && c.zh.every((k) => bead.zh.includes(k))).map((c) => corrections[c.index]);
}

/**
 * The pairing of an earlier alignment laid on sides whose blocks are the same ones, edited within
 * paragraphs only (see core/incremental.ts): points and sentences are paired anew, paragraphs as
 * before. Undefined when the sides no longer have as many blocks. The pairing may then differ from
 * what a fresh alignment would choose, since lengths changed; the caller aligns afresh where it
 * must be exact.
 */
export function reuseAlignment(
  previous: NoteAlignment, en: VersionSide, zh: VersionSide, terms?: TermAnchors, corrections: readonly AlignmentCorrection[] = [],
): NoteAlignment | undefined {
  if (previous.en.blocks.length !== en.blocks.length || previous.zh.blocks.length !== zh.blocks.length) return undefined;
  const finer = layCorrections(corrections, blockSpans(en), blockSpans(zh)).filter((c) => !c.whole);
  return {
    en, zh, beads: previous.beads,
    paragraphs: previous.beads.map((bead) => pairParagraphs(en, zh, bead, terms, sentenceCorrections(bead, finer, corrections))),
  };
}

// ---------------------------------------------------------------------------------------------
// Paragraph level

function blockUnits(side: VersionSide, terms: TermAnchors | undefined): AlignUnit[] {
  return side.blocks.map((block) => unitOf(side, partsOf(block), terms, pointAnchors(block), markersOf(block)));
}

function partsOf(block: AlignableBlock): readonly Span[] {
  return block.kind === 'paragraph' ? block.parts : [block.span];
}

function pointAnchors(block: AlignableBlock): string[] {
  if (block.kind === 'heading') return ['role:heading', `ord:h${block.path}`];
  if (block.kind !== 'paragraph') return [`role:${block.kind}`];
  const anchors = block.points.map((point) => `ord:${point.isFinal ? 'final' : point.ordinal}`);
  if (block.number) anchors.push(`ord:n${block.number.ordinal}`);
  if (block.role !== 'body') anchors.push(`role:${block.role}`);
  return anchors;
}

/**
 * A unit as the aligner sees it. The numbers of list markers (`5.`, `(2)`) are left out of its
 * anchors: they number the structure, which `ord:`/`pt:` anchors carry, not the text.
 */
function unitOf(
  side: VersionSide, spans: readonly Span[], terms: TermAnchors | undefined, extra: string[] = [], markers: readonly Span[] = [],
): AlignUnit {
  const { text, language } = side;
  const anchors = [...extra];
  let length = 0;
  for (const span of spans) {
    length += spokenLength(text, span);
    for (const piece of withoutMarkers(span, markers)) anchors.push(...numberAndDateAnchors(text, piece.start, piece.end, language));
    if (terms) anchors.push(...terms(text, span, language));
  }
  return { text: spans.map((span) => text.slice(span.start, span.end)).join(' '), length, anchors };
}

/** The pieces of a span between the markers inside it (markers in document order). */
function withoutMarkers(span: Span, markers: readonly Span[]): Span[] {
  const pieces: Span[] = [];
  let from = span.start;
  for (const marker of markers) {
    if (marker.end <= from || marker.start >= span.end) continue;
    if (marker.start > from) pieces.push({ start: from, end: marker.start });
    from = marker.end;
  }
  if (from < span.end) pieces.push({ start: from, end: span.end });
  return pieces;
}

function markersOf(block: AlignableBlock): Span[] {
  if (block.kind !== 'paragraph') return block.kind === 'heading' ? [block.marker] : [];
  const points = allPointsOf(block.points).map((point) => point.marker);
  return (block.number ? [block.number.marker, ...points] : points).sort((a, b) => a.start - b.start);
}

/**
 * The length the aligner compares: characters, less the padding of tables and wrapped lines (a run of
 * white space counts as one) and less digits, which both versions write alike and which would skew the
 * ratio of English to Chinese characters in a table of figures.
 */
function spokenLength(text: string, span: Span): number {
  let length = 0;
  let inSpace = false;
  for (let i = span.start; i < span.end; i++) {
    const code = text.charCodeAt(i);
    const space = isWhitespace(code);
    if (!space && isDigitCode(code)) continue;
    if (!space || !inSpace) length++;
    inSpace = space;
  }
  return length;
}

function isDigitCode(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19);
}

/** Names and references the Chinese text keeps in Latin script are anchors on both sides. */
function addVerbatimAnchors(en: AlignUnit[], zh: AlignUnit[]): void {
  const verbatim = verbatimAnchors(en.map((u) => u.text), zh.map((u) => u.text));
  en.forEach((unit, k) => en.splice(k, 1, { ...unit, anchors: [...unit.anchors, ...(verbatim.en[k] ?? [])] }));
  zh.forEach((unit, k) => zh.splice(k, 1, { ...unit, anchors: [...unit.anchors, ...(verbatim.zh[k] ?? [])] }));
}

/**
 * Formulas pair with formulas, numbered paragraphs with the paragraph of the same number, headings
 * by their numbers, titles and subjects in order.
 */
function fixedPairs(en: readonly AlignableBlock[], zh: readonly AlignableBlock[]): Array<[number, number]> {
  const keysOf = (blocks: readonly AlignableBlock[]) => {
    const keys = new Map<string, number>();
    const counts = { title: 0, subject: 0, opening: 0, closing: 0 };
    blocks.forEach((block, index) => {
      const key = fixedKey(block, counts);
      if (key && !keys.has(key)) keys.set(key, index);
    });
    return keys;
  };
  const enKeys = keysOf(en);
  const zhKeys = keysOf(zh);
  const pairs: Array<[number, number]> = [];
  for (const [key, enIndex] of enKeys) {
    const zhIndex = zhKeys.get(key);
    if (zhIndex !== undefined) pairs.push([enIndex, zhIndex]);
  }
  return pairs.sort((a, b) => a[0] - b[0]);
}

function fixedKey(block: AlignableBlock, counts: Record<'title' | 'subject' | 'opening' | 'closing', number>): string | undefined {
  switch (block.kind) {
    case 'title':
    case 'subject':
      return `${block.kind}:${++counts[block.kind]}`;
    case 'heading':
      return `heading:${block.path}`;
    case 'paragraph':
      if (block.role !== 'body') return `role:${block.role}:${++counts[block.role]}`;
      return block.number ? `number:${block.number.ordinal}` : undefined;
  }
}

function pairParagraphs(
  en: VersionSide, zh: VersionSide, bead: NoteBead, terms: TermAnchors | undefined, corrections: readonly AlignmentCorrection[],
): ParagraphPair {
  const enBlocks = bead.en.map((k) => en.blocks[k]);
  const zhBlocks = bead.zh.map((k) => zh.blocks[k]);
  const enSpans = enBlocks.map((b) => b.span);
  const zhSpans = zhBlocks.map((b) => b.span);
  const bothSides = enBlocks.length > 0 && zhBlocks.length > 0;
  let sentences: readonly UnitPair[] | undefined;
  const points = bothSides ? pairPoints(enBlocks.flatMap(pointsOf), zhBlocks.flatMap(pointsOf)) : [];
  return {
    en: enSpans, zh: zhSpans, confidence: bead.confidence, enBlocks, zhBlocks, points,
    ...(bead.correction ? { correction: bead.correction } : {}),
    // Sentences are aligned when first asked for: a jump needs those of one paragraph, not of all.
    get sentences() {
      sentences ??= bothSides ? alignSentences(en, zh, { en: enBlocks, zh: zhBlocks }, points, terms, corrections) : [];
      return sentences;
    },
  };
}

function pointsOf(block: AlignableBlock): readonly Point[] {
  return block.kind === 'paragraph' ? block.points : [];
}

// ---------------------------------------------------------------------------------------------
// Point level

/** Points pair by ordinal value whatever their style; `Finally`/`最后` pair with each other. */
function pairPoints(en: readonly Point[], zh: readonly Point[]): PointPair[] {
  const byKey = new Map<string, Point>();
  for (const point of zh) {
    const key = pointKey(point);
    if (!byKey.has(key)) byKey.set(key, point);
  }
  const pairs: PointPair[] = [];
  for (const point of en) {
    const partner = byKey.get(pointKey(point));
    if (partner) {
      byKey.delete(pointKey(point));
      pairs.push({ en: point, zh: partner, children: pairPoints(point.children, partner.children) });
    }
  }
  return pairs;
}

function pointKey(point: Point): string {
  return point.isFinal ? 'final' : String(point.ordinal);
}

// ---------------------------------------------------------------------------------------------
// Sentence level

/**
 * Sentences inside a paragraph pair, the sentences that start paired points fixed to each other: a
 * point with no partner of its number (a `Third` the other version leaves out) is left unpaired
 * rather than merged into its neighbour.
 */
function alignSentences(
  en: VersionSide, zh: VersionSide, blocks: Readonly<Record<'en' | 'zh', readonly AlignableBlock[]>>,
  points: readonly PointPair[], terms: TermAnchors | undefined, corrections: readonly AlignmentCorrection[],
): UnitPair[] {
  const { en: enBlocks, zh: zhBlocks } = blocks;
  const enSentences = enBlocks.flatMap((block) => sentencesOf(en, block));
  const zhSentences = zhBlocks.flatMap((block) => sentencesOf(zh, block));
  const enMarkers = enBlocks.flatMap(markersOf);
  const zhMarkers = zhBlocks.flatMap(markersOf);
  const enUnits = enSentences.map((spans) => unitOf(en, spans, terms, ordinalAnchorAt(enBlocks, spans[0]), enMarkers));
  const zhUnits = zhSentences.map((spans) => unitOf(zh, spans, terms, ordinalAnchorAt(zhBlocks, spans[0]), zhMarkers));
  addVerbatimAnchors(enUnits, zhUnits);
  const laid = layCorrections(corrections, enSentences, zhSentences);
  return alignWithFixedPairs(enUnits, zhUnits, pointSentencePairs(points, enSentences, zhSentences), SENTENCE_OPTIONS, fixedBeadsOf(laid))
    .filter((bead) => bead.en.length > 0 || bead.zh.length > 0)
    .map((bead) => {
      const correction = bead.correction === undefined ? undefined : corrections[laid[bead.correction].index].id;
      return {
        en: bead.en.flatMap((k) => enSentences[k]), zh: bead.zh.flatMap((k) => zhSentences[k]), confidence: bead.confidence,
        ...(correction ? { correction } : {}),
      };
    });
}

/**
 * Sentences of a block, each as the spans it is made of: a sentence cut by a page break keeps both
 * pieces. A point marker in mid-sentence (`…：一是…`) also starts a unit.
 */
export function sentencesOf(side: VersionSide, block: AlignableBlock): Span[][] {
  if (block.kind !== 'paragraph') return [[block.span]];
  const cuts = allPointsOf(pointsOf(block)).map((point) => point.marker.start);
  const sentences: Span[][] = [];
  partsOf(block).forEach((part, index) => {
    const pieces = withMarkersJoined(splitSentences(side.text, part.start, part.end, side.language).flatMap((sentence) => cutAt(side.text, sentence, cuts)), cuts);
    if (index === 0) keepNumberWithItsSentence(pieces, block);
    const previous = sentences[sentences.length - 1];
    const last = previous?.[previous.length - 1];
    // A page break inside a sentence: the first part stops mid-sentence, or the next starts in lower case (`etc.` / `were`).
    const carriesOn = last !== undefined && index > 0 && !cuts.includes(pieces[0]?.start ?? -1) &&
      (!endsWithTerminalPunctuation(side.text, last.start, last.end) || isLowerLatin(side.text.charCodeAt(part.start)));
    if (carriesOn && pieces.length > 0) previous.push(pieces.shift() as Span);
    sentences.push(...pieces.map((piece) => [piece]));
  });
  return sentences;
}

/** `2. 未给予…`: the splitter ends a unit after a point's `2.`; the marker belongs to the text it heads. */
function withMarkersJoined(pieces: Span[], cuts: readonly number[]): Span[] {
  const joined: Span[] = [];
  for (let k = 0; k < pieces.length; k++) {
    const piece = pieces[k];
    const next = pieces[k + 1];
    if (next && cuts.includes(piece.start) && piece.end - piece.start <= MAX_MARKER_LENGTH) {
      joined.push({ start: piece.start, end: next.end });
      k++;
    } else {
      joined.push(piece);
    }
  }
  return joined;
}

const MAX_MARKER_LENGTH = 4;

/** `1. The forms …`: the splitter ends a unit after `1.`; the number belongs to the sentence it heads. */
function keepNumberWithItsSentence(pieces: Span[], block: AlignableBlock): void {
  const number = block.kind === 'paragraph' ? block.number : undefined;
  if (!number || pieces.length < 2 || pieces[0].end > number.marker.end) return;
  pieces.splice(0, 2, { start: pieces[0].start, end: pieces[1].end });
}

function cutAt(text: string, span: Span, cuts: readonly number[]): Span[] {
  const inside = cuts.filter((cut) => cut > span.start && cut < span.end);
  if (inside.length === 0) return [span];
  const bounds = [span.start, ...inside, span.end];
  return bounds.slice(0, -1).map((start, k) => trimmed(text, start, bounds[k + 1])).filter((s) => s.end > s.start);
}

function trimmed(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && isWhitespace(text.charCodeAt(s))) s++;
  while (e > s && isWhitespace(text.charCodeAt(e - 1))) e--;
  return { start: s, end: e };
}

/** The indexes of the sentences that paired points start with, as fixed pairs. */
function pointSentencePairs(points: readonly PointPair[], enSentences: readonly Span[][], zhSentences: readonly Span[][]): Array<[number, number]> {
  const startingAt = (sentences: readonly Span[][]) => new Map(sentences.map((spans, k) => [spans[0].start, k]));
  const enAt = startingAt(enSentences);
  const zhAt = startingAt(zhSentences);
  const pairs: Array<[number, number]> = [];
  const visit = (list: readonly PointPair[]) => {
    for (const pair of list) {
      const enIndex = enAt.get(pair.en.marker.start);
      const zhIndex = zhAt.get(pair.zh.marker.start);
      if (enIndex !== undefined && zhIndex !== undefined) pairs.push([enIndex, zhIndex]);
      visit(pair.children);
    }
  };
  visit(points);
  return pairs.sort((a, b) => a[0] - b[0]);
}

function allPointsOf(points: readonly Point[]): Point[] {
  return points.flatMap((point) => [point, ...allPointsOf(point.children)]);
}

function ordinalAnchorAt(blocks: readonly AlignableBlock[], sentence: Span): string[] {
  const point = allPointsOf(blocks.flatMap(pointsOf)).find((p) => p.marker.start >= sentence.start && p.marker.start < sentence.end);
  // `pt:`: a point's number is structure, not wording; a point with no point of its number opposite has no counterpart.
  return point ? [`pt:${point.isFinal ? 'final' : point.ordinal}`] : [];
}

// ---------------------------------------------------------------------------------------------
// Looking up the counterpart of a position

export interface Counterpart {
  /** The language of the side the position is in. */
  readonly from: 'en' | 'zh';
  readonly paragraph: ParagraphPair;
  /** The finest unit of the other side: the sentence, else the point, else the paragraph(s). */
  readonly target: readonly Span[];
  readonly level: 'sentence' | 'point' | 'paragraph';
  /** The unit the position is in, on its own side. */
  readonly source: readonly Span[];
}

export function counterpartAt(alignment: NoteAlignment, language: Language, offset: number): Counterpart | undefined {
  if (language !== 'en' && language !== 'zh') return undefined;
  const other = language === 'en' ? 'zh' : 'en';
  const paragraph = unitAt(alignment.paragraphs, (pair) => pair[language], offset);
  if (!paragraph || paragraph[other].length === 0) return undefined;
  const sentence = unitAt(paragraph.sentences, (pair) => pair[language], offset);
  const point = innermostPoint(paragraph.points, language, offset);
  if (sentence && sentence[other].length > 0 && (!point || sentenceInsidePoint(sentence[language], point[language].span))) {
    return { from: language, paragraph, target: sentence[other], level: 'sentence', source: sentence[language] };
  }
  if (point) return { from: language, paragraph, target: [point[other].span], level: 'point', source: [point[language].span] };
  return { from: language, paragraph, target: paragraph[other], level: 'paragraph', source: paragraph[language] };
}

function innermostPoint(pairs: readonly PointPair[], language: 'en' | 'zh', offset: number): PointPair | undefined {
  const hit = unitAt(pairs, (pair) => [pair[language].span], offset);
  return hit ? innermostPoint(hit.children, language, offset) ?? hit : undefined;
}

/**
 * The unit whose spans hold `offset`. Units touch in Chinese text (no space after `。`), so a unit
 * that starts at the offset wins over one that ends there; the end counts for a cursor after the last.
 */
function unitAt<T>(units: readonly T[], spansOf: (unit: T) => readonly Span[], offset: number): T | undefined {
  return (
    units.find((unit) => spansOf(unit).some((span) => span.start <= offset && offset < span.end)) ??
    units.find((unit) => spansOf(unit).some((span) => span.end === offset))
  );
}

function sentenceInsidePoint(sentence: readonly Span[], point: Span): boolean {
  return sentence.every((span) => span.start >= point.start && span.end <= point.end);
}

/** The language of the version holding `offset`, or of the note when it has one language. */
export function languageAt(note: Note, offset: number): Language {
  const version = note.versions.find((v) => v.span.start <= offset && offset <= v.span.end);
  return version ? version.language : note.language;
}

/** `visa.en.note` ↔ `visa.zh.note`: the file name of the other version of a two-file pair. */
export function partnerFileName(fileName: string): string | undefined {
  const match = /\.(en|zh)\.note$/i.exec(fileName);
  if (!match) return undefined;
  return `${fileName.slice(0, match.index)}.${match[1].toLowerCase() === 'en' ? 'zh' : 'en'}.note`;
}
