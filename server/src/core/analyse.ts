/**
 * `analyse(text)`: the single entry point of the core. Text in, typed `Note` out; linear in the text
 * and total: it returns a model for any string and never throws.
 */
import type {
  Annotation, Block, FrontMatter, Language, LanguageVersion, Letterhead, Note, OwnReference, Paragraph,
  SimpleBlock, Span,
} from './model';
import { computeLineStarts, splitLines } from './text/lines';
import { readFrontMatter } from './recognise/frontMatter';
import { scanBlocks } from './recognise/blocks';
import { classifyBlocks, type ClassifiedBlock } from './recognise/classify';
import { joinSplitParagraphs, type JoinedBlock } from './recognise/join';
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

export function analyseTraced(text: string, memo: Memo = NO_MEMO): TracedNote {
  const lineStarts = computeLineStarts(text);
  const lines = splitLines(text, lineStarts);
  const front = readFrontMatter(text, lines);
  const scan = scanBlocks(text, lines, front.nextLine);
  const classified = joinSplitParagraphs(text, classifyBlocks(text, scan.blocks, memo));
  const layout = layOut(classified);
  const annotations = scan.annotations;
  const built = buildBlocks(text, classified, layout, annotations, memo);
  memo.endAnalysis();
  const ownReference = referenceFromFrontMatter(front.frontMatter) ?? built.ownReference;
  const note: Note = {
    text,
    lineStarts,
    ...(front.frontMatter ? { frontMatter: front.frontMatter } : {}),
    blocks: built.topLevel,
    versions: built.versions,
    paragraphs: built.paragraphs,
    ...(ownReference ? { ownReference } : {}),
    citations: findCitedCommunications(text),
    annotations,
    pageArtefacts: scan.pageArtefacts,
    language: noteLanguage(front.frontMatter, built.paragraphs),
    problems: front.problems,
  };
  return { note, trace: { pointsBefore: built.pointsBefore, pointsAfter: built.pointsAfter } };
}

// ---------------------------------------------------------------------------------------------
// Language versions

interface Layout {
  /** Index ranges [from, to) of the blocks forming each language version; empty when monolingual. */
  readonly versions: ReadonlyArray<{ language: Language; from: number; to: number }>;
}

/**
 * A reply enclosed after a covering note is split into versions on its own, so the covering note
 * stays outside; otherwise the whole body is, when it holds more than one language.
 */
function layOut(blocks: readonly ClassifiedBlock[]): Layout {
  const bodyStart = blocks.findIndex((b) => b.cls.kind === 'paragraph' || b.cls.kind === 'title');
  if (bodyStart < 0) return { versions: [] };
  const enclosureStart = findEnclosureStart(blocks);
  if (enclosureStart >= 0) {
    const enclosed = languageRuns(blocks, enclosureStart, blocks.length);
    if (enclosed.length >= 2) return { versions: enclosed };
  }
  const runs = languageRuns(blocks, bodyStart, blocks.length);
  return { versions: runs.length >= 2 ? runs : [] };
}

/** The first block after the covering note's closing formula and what follows it, if any paragraph comes later. */
function findEnclosureStart(blocks: readonly ClassifiedBlock[]): number {
  const closing = blocks.findIndex((b) => b.cls.kind === 'paragraph' && b.cls.role === 'closing');
  if (closing < 0) return -1;
  let at = closing + 1;
  while (at < blocks.length && AFTER_CLOSING.has(blocks[at].cls.kind)) at++;
  return blocks.slice(at).some((b) => b.cls.kind === 'paragraph') ? at : -1;
}

const AFTER_CLOSING: ReadonlySet<string> = new Set(['signature', 'placeDate', 'addressee', 'annex']);

function languageRuns(blocks: readonly ClassifiedBlock[], from: number, to: number): Array<{ language: Language; from: number; to: number }> {
  const runs: Array<{ language: Language; from: number; to: number; paragraphs: number }> = [];
  for (let i = from; i < to; i++) {
    const block = blocks[i];
    const language = block.language;
    const current = runs[runs.length - 1];
    const countsAsParagraph = block.cls.kind === 'paragraph' ? 1 : 0;
    if (current && (language === 'other' || language === current.language)) {
      current.to = i + 1;
      current.paragraphs += countsAsParagraph;
    } else {
      runs.push({ language, from: i, to: i + 1, paragraphs: countsAsParagraph });
    }
  }
  return mergeRunsWithoutParagraphs(runs);
}

/** A stray line in the other language (an addressee, a title) does not make a version of its own. */
function mergeRunsWithoutParagraphs(
  runs: Array<{ language: Language; from: number; to: number; paragraphs: number }>,
): Array<{ language: Language; from: number; to: number }> {
  const merged: Array<{ language: Language; from: number; to: number; paragraphs: number }> = [];
  for (const run of runs) {
    const previous = merged[merged.length - 1];
    if (previous && (run.paragraphs === 0 || run.language === previous.language)) {
      previous.to = run.to;
      previous.paragraphs += run.paragraphs;
    } else if (previous && previous.paragraphs === 0) {
      merged[merged.length - 1] = { ...run, from: previous.from };
    } else {
      merged.push({ ...run });
    }
  }
  return merged
    .filter((run) => run.paragraphs > 0 && run.language !== 'other')
    .map(({ language, from, to }) => ({ language, from, to }));
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

/** Paragraph numbers and point sequences run on through one language version. */
class Numbering {
  paragraphs = 0;
  points = PointSequence.start();

  reset(): void {
    this.paragraphs = 0;
    this.points = PointSequence.start();
  }
}

function toBlock(
  text: string, block: JoinedBlock, numbering: Numbering, annotations: Annotation[], built: Built, memo: Memo,
): Block {
  const span = { start: block.start, end: block.end };
  const lines = block.lines.map((line) => ({ start: line.trimStart, end: line.trimEnd }));
  switch (block.cls.kind) {
    case 'paragraph': {
      built.pointsBefore.push(numbering.points.copy());
      const paragraph = toParagraph(text, block, block.cls.role, block.cls.person, numbering, annotations, memo);
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
  text: string, block: JoinedBlock, role: Paragraph['role'], person: 'first' | 'third' | undefined,
  numbering: Numbering, annotations: Annotation[], memo: Memo,
): Paragraph {
  const index = role === 'body' ? ++numbering.paragraphs : 0;
  const frame: ParagraphFrame = { start: block.start, end: block.end, parts: block.parts, language: block.language, role, index, person };
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
}

/** Reads a paragraph's own number and its points; `points` carries the lists on from the paragraph before. */
export function buildParagraph(
  text: string, frame: ParagraphFrame, points: PointSequence, annotations: readonly Annotation[], memo: Memo,
): Paragraph {
  const isBodyParagraph = frame.role === 'body';
  const number = isBodyParagraph ? findParagraphNumber(text, frame.start, frame.language) : undefined;
  const contentStart = number ? number.marker.end : frame.start;
  return {
    kind: 'paragraph', role: frame.role, language: frame.language,
    span: { start: frame.start, end: frame.end }, parts: frame.parts,
    index: frame.index,
    ...(number ? { number } : {}),
    points: isBodyParagraph ? findPoints(text, frame.parts, contentStart, frame.language, points, memo) : [],
    ...(frame.person ? { person: frame.person } : {}),
    annotations,
  };
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

const LANGUAGE_NAMES: ReadonlyMap<string, Language> = new Map([
  ['en', 'en'], ['english', 'en'], ['zh', 'zh'], ['chinese', 'zh'], ['zh-cn', 'zh'], ['zh-hans', 'zh'], ['中文', 'zh'],
]);

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
