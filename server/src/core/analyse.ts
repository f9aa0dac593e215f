/**
 * `analyse(text)`: the single entry point of the core. Text in, typed `Note` out; linear in the text
 * and total: it returns a model for any string and never throws.
 */
import type {
  Annotation, Block, FrontMatter, Heading, Language, LanguageVersion, Letterhead, Note, OwnReference, Paragraph,
  SimpleBlock, Span, Writable,
} from './model';
import { computeLineStarts, splitLines } from './text/lines';
import { LANGUAGE_NAMES, readFrontMatter } from './recognise/frontMatter';
import { scanBlocks } from './recognise/blocks';
import { classifyBlocks } from './recognise/classify';
import { joinSplitParagraphs, type JoinedBlock } from './recognise/join';
import { layOut, type Layout } from './recognise/layout';
import { HeadingLevels } from './recognise/headings';
import { findCitedCommunications } from './recognise/citations';
import { findLetterheadFields } from './recognise/letterhead';
import { PointSequence, findParagraphNumber, findPoints } from './recognise/points';
import { NO_MEMO, type Memo } from './memo';

export function analyse(text: string, memo: Memo = NO_MEMO): Note {
  return analyseTraced(text, memo).note;
}

/**
 * What an analysis knows beyond the model and an edit needs in order to redo one paragraph alone:
 * the state of the point lists before and after each paragraph (parallel to `note.paragraphs`).
 */
export interface AnalysisTrace {
  readonly pointsBefore: readonly PointSequence[];
  readonly pointsAfter: readonly PointSequence[];
}

export interface TracedNote {
  readonly note: Note;
  readonly trace: AnalysisTrace;
}

/** The blocks of a note as read, before the model is built: what `outline --explain` shows. */
export interface ReadBlocks {
  readonly lineStarts: number[];
  readonly front: ReturnType<typeof readFrontMatter>;
  readonly scan: ReturnType<typeof scanBlocks>;
  readonly blocks: JoinedBlock[];
  readonly layout: Layout;
}

export function readBlocks(text: string, memo: Memo = NO_MEMO): ReadBlocks {
  const lineStarts = computeLineStarts(text);
  const lines = splitLines(text, lineStarts);
  const front = readFrontMatter(text, lines);
  const scan = scanBlocks(text, lines, front.nextLine);
  const blocks = joinSplitParagraphs(text, classifyBlocks(text, scan.blocks, memo));
  return { lineStarts, front, scan, blocks, layout: layOut(text, blocks) };
}

export function analyseTraced(text: string, memo: Memo = NO_MEMO): TracedNote {
  const { lineStarts, front, scan, blocks: classified, layout } = readBlocks(text, memo);
  const annotations = scan.annotations;
  const built = buildBlocks(text, classified, layout, annotations, memo);
  memo.endAnalysis();
  const ownReference = referenceFromFrontMatter(front.frontMatter) ?? built.ownReference;
  // Filled field by field, in the model's order, rather than spread from optional parts (see buildParagraph).
  const note: Partial<Writable<Note>> = { text, lineStarts };
  if (front.frontMatter) note.frontMatter = front.frontMatter;
  note.blocks = built.topLevel;
  note.versions = built.versions;
  note.paragraphs = built.paragraphs;
  if (ownReference) note.ownReference = ownReference;
  note.citations = findCitedCommunications(text);
  note.annotations = annotations;
  note.pageArtefacts = scan.pageArtefacts;
  note.language = noteLanguage(front.frontMatter, built.paragraphs);
  note.problems = front.problems;
  return { note: note as Note, trace: { pointsBefore: built.pointsBefore, pointsAfter: built.pointsAfter } };
}

// ---------------------------------------------------------------------------------------------
// Building the model

interface Built {
  topLevel: Block[];
  versions: LanguageVersion[];
  paragraphs: Paragraph[];
  pointsBefore: PointSequence[];
  pointsAfter: PointSequence[];
  ownReference?: OwnReference;
}

function buildBlocks(
  text: string,
  blocks: ReadonlyArray<JoinedBlock>,
  layout: Layout,
  annotations: readonly Annotation[],
  memo: Memo,
): Built {
  const built: Built = { topLevel: [], versions: [], paragraphs: [], pointsBefore: [], pointsAfter: [] };
  const annotationsOf = annotationLookup(blocks, annotations);
  const versionAt = new Map(layout.versions.map((v) => [v.from, v]));
  const numbering = new Numbering();
  for (let i = 0; i < blocks.length; i++) {
    const version = versionAt.get(i);
    if (version) {
      const members = blocks.slice(version.from, version.to).map((block) => toBlock(text, block, numbering, annotationsOf(block), built, memo));
      built.versions.push({
        kind: 'version', language: version.language, blocks: members,
        span: { start: blocks[version.from].start, end: blocks[version.to - 1].end },
      });
      numbering.reset();
      i = version.to - 1;
    } else {
      if (blocks[i].cls.kind === 'annex') numbering.reset();
      built.topLevel.push(toBlock(text, blocks[i], numbering, annotationsOf(blocks[i]), built, memo));
    }
  }
  return built;
}

/** An annotation belongs to the block it follows. */
function annotationLookup(blocks: readonly JoinedBlock[], annotations: readonly Annotation[]): (block: JoinedBlock) => Annotation[] {
  const owners = new Map<JoinedBlock, Annotation[]>();
  let owner = -1;
  for (const annotation of annotations) {
    while (owner + 1 < blocks.length && blocks[owner + 1].start < annotation.span.start) owner++;
    const block = blocks[owner];
    if (!block) continue;
    const list = owners.get(block) ?? [];
    list.push(annotation);
    owners.set(block, list);
  }
  return (block) => owners.get(block) ?? [];
}

/** Paragraph numbers, point sequences and heading levels run on through one language version. */
class Numbering {
  paragraphs = 0;
  points = PointSequence.start();
  headings = new HeadingLevels();
  /** The ordinal of the latest heading of each level. */
  headingPath: number[] = [];

  reset(): void {
    this.paragraphs = 0;
    this.points = PointSequence.start();
    this.headings = new HeadingLevels();
    this.headingPath = [];
  }

  heading(family: Parameters<HeadingLevels['levelOf']>[0], ordinal: number): { level: number; path: string } {
    const level = this.headings.levelOf(family);
    this.headingPath = [...this.headingPath.slice(0, level - 1), ordinal];
    while (this.headingPath.length < level) this.headingPath.splice(this.headingPath.length - 1, 0, 0);
    return { level, path: this.headingPath.join('.') };
  }
}

function toBlock(
  text: string, block: JoinedBlock, numbering: Numbering, annotations: Annotation[], built: Built, memo: Memo,
): Block {
  const span = { start: block.start, end: block.end };
  // Paragraphs keep their parts, not their lines: only the other blocks list them.
  const lines = block.cls.kind === 'paragraph' ? [] : block.lines.map((line) => ({ start: line.trimStart, end: line.trimEnd }));
  switch (block.cls.kind) {
    case 'paragraph': {
      built.pointsBefore.push(numbering.points.copy());
      const paragraph = toParagraph(text, block, block.cls, numbering, annotations, memo);
      built.paragraphs.push(paragraph);
      built.pointsAfter.push(numbering.points.copy());
      return paragraph;
    }
    case 'letterhead': {
      const letterhead: Letterhead = {
        kind: 'letterhead', language: block.language, span, lines,
        fields: lines.flatMap((line) => findLetterheadFields(text, line)),
      };
      return letterhead;
    }
    case 'heading': {
      const { level, path } = numbering.heading(block.cls.family, block.cls.ordinal);
      const marker = { start: block.start, end: block.start + block.cls.markerLength };
      const heading: Heading = { kind: 'heading', language: block.language, span, lines, marker, ordinal: block.cls.ordinal, level, path };
      return heading;
    }
    case 'ownReference': {
      const reference: OwnReference = {
        kind: 'ownReference', language: block.language, span, value: block.cls.value,
        valueText: text.slice(block.cls.value.start, block.cls.value.end), fromFrontMatter: false,
      };
      built.ownReference ??= reference;
      return reference;
    }
    default: {
      const simple: SimpleBlock = { kind: block.cls.kind, language: block.language, span, lines };
      return simple;
    }
  }
}

function toParagraph(
  text: string, block: JoinedBlock, cls: { role: Paragraph['role']; person?: 'first' | 'third'; formula?: string },
  numbering: Numbering, annotations: Annotation[], memo: Memo,
): Paragraph {
  const index = cls.role === 'body' ? ++numbering.paragraphs : 0;
  const frame: ParagraphFrame = {
    start: block.start, end: block.end, parts: block.parts, language: block.language, role: cls.role, index,
    person: cls.person, formula: cls.formula,
  };
  return buildParagraph(text, frame, numbering.points, annotations, memo);
}

/** What a paragraph is made of before its numbers and points are read. */
export interface ParagraphFrame {
  readonly start: number;
  readonly end: number;
  readonly parts: readonly Span[];
  readonly language: Language;
  readonly role: Paragraph['role'];
  readonly index: number;
  readonly person: 'first' | 'third' | undefined;
  readonly formula: string | undefined;
}

/** Reads a paragraph's own number and its points; `points` carries the lists on from the paragraph before. */
export function buildParagraph(
  text: string, frame: ParagraphFrame, points: PointSequence, annotations: readonly Annotation[], memo: Memo,
): Paragraph {
  const isBodyParagraph = frame.role === 'body';
  const number = isBodyParagraph ? findParagraphNumber(text, frame.start, frame.language) : undefined;
  const contentStart = number ? number.marker.end : frame.start;
  // Filled field by field, in the model's order, rather than spread from optional parts: spreading
  // costs more, and every paragraph is built so.
  const paragraph: Partial<Writable<Paragraph>> = {
    kind: 'paragraph', role: frame.role, language: frame.language,
    span: { start: frame.start, end: frame.end }, parts: frame.parts,
    index: frame.index,
  };
  if (number) paragraph.number = number;
  paragraph.points = frame.role !== 'closing' ? findPoints(text, frame.parts, contentStart, frame.language, points, memo) : [];
  if (frame.person) paragraph.person = frame.person;
  if (frame.formula) paragraph.formula = frame.formula;
  paragraph.annotations = annotations;
  return paragraph as Paragraph;
}

// ---------------------------------------------------------------------------------------------
// Front matter overrides

function referenceFromFrontMatter(frontMatter: FrontMatter | undefined): OwnReference | undefined {
  const entry = frontMatter?.entries.find((e) => e.key === 'reference');
  if (!entry) return undefined;
  return {
    kind: 'ownReference', language: 'other', span: entry.valueSpan, value: entry.valueSpan,
    valueText: entry.value, fromFrontMatter: true,
  };
}

/** The language the front matter names, or else the one most of the paragraphs are written in. */
export function noteLanguage(frontMatter: FrontMatter | undefined, paragraphs: readonly Paragraph[]): Language {
  return languageFromFrontMatter(frontMatter) ?? dominantLanguage(paragraphs);
}

function languageFromFrontMatter(frontMatter: FrontMatter | undefined): Language | undefined {
  const entry = frontMatter?.entries.find((e) => e.key === 'language');
  return entry ? LANGUAGE_NAMES.get(entry.value.toLowerCase()) ?? 'other' : undefined;
}

function dominantLanguage(paragraphs: readonly Paragraph[]): Language {
  const totals: Record<Language, number> = { en: 0, zh: 0, other: 0 };
  const seen: Language[] = [];
  for (const p of paragraphs) {
    if (!seen.includes(p.language)) seen.push(p.language);
    totals[p.language] += p.span.end - p.span.start;
  }
  let best: Language = 'other';
  for (const language of seen) if (totals[language] > totals[best]) best = language;
  return best;
}
