/**
 * `analyse(text)`: the single entry point of the core. Text in, typed `Note` out; linear in the text
 * and total: it returns a model for any string and never throws.
 */
import type {
  Annotation, Block, FrontMatter, Language, LanguageVersion, Letterhead, Note, OwnReference, Paragraph,
  SimpleBlock, Span,
} from './model';
import { computeLineStarts, splitLines, type Line } from './text/lines';
import { isLowerLatin, isHan, isLatinLetter, isAsciiDigit } from './text/script';
import { displayWidth, lastSignificantCode, endsWithColon } from './text/measure';
import { readFrontMatter } from './recognise/frontMatter';
import { scanBlocks } from './recognise/blocks';
import { classifyBlocks, type ClassifiedBlock } from './recognise/classify';
import { findCitedCommunications } from './recognise/citations';
import { findLetterheadFields } from './recognise/letterhead';
import { PointSequence, findParagraphNumber, findPoints } from './recognise/points';
import { NO_MEMO, type Memo } from './memo';

export function analyse(text: string, memo: Memo = NO_MEMO): Note {
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
  return {
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
    language: languageFromFrontMatter(front.frontMatter) ?? dominantLanguage(built.paragraphs),
    problems: front.problems,
  };
}

// ---------------------------------------------------------------------------------------------
// Page breaks

/** Below this width a paragraph without final punctuation is more likely a heading than a split. */
const MIN_SPLIT_WIDTH = 60;

/**
 * Rejoins paragraphs that a PDF page break (or a stray blank line) cut in two: the first part ends
 * mid-sentence, or the second starts in lower case; a list item `(a)` after a colon joins too.
 */
function joinSplitParagraphs(text: string, blocks: readonly ClassifiedBlock[]): JoinedBlock[] {
  const joined: JoinedBlock[] = [];
  for (const block of blocks) {
    const previous = joined[joined.length - 1];
    if (previous && isBody(previous) && isBody(block) && previous.language === block.language && continues(text, previous, block)) {
      previous.parts.push({ start: block.start, end: block.end });
      previous.lines.push(...block.lines);
      previous.end = block.end;
    } else {
      joined.push({ ...block, parts: [{ start: block.start, end: block.end }], lines: [...block.lines] });
    }
  }
  return joined;
}

/** A classified block with the pieces it was rejoined from. */
interface JoinedBlock extends ClassifiedBlock {
  end: number;
  readonly parts: Span[];
  readonly lines: Line[];
}

function isBody(block: ClassifiedBlock): boolean {
  return block.cls.kind === 'paragraph' && block.cls.role === 'body';
}

const LIST_ITEM_START = /^[(（](?:[a-z]|[ivxl]{1,6}|\d{1,2}|[一二三四五六七八九十]{1,3})[)）]/;

function continues(text: string, first: JoinedBlock, second: ClassifiedBlock): boolean {
  const firstCode = text.charCodeAt(second.start);
  if (isLowerLatin(firstCode)) return true;
  const lastPart = first.parts[first.parts.length - 1];
  const listItem = LIST_ITEM_START.test(text.slice(second.start, second.start + 8));
  if (listItem) return endsWithColon(text, lastPart.start, lastPart.end) || LIST_ITEM_START.test(text.slice(lastPart.start, lastPart.start + 8));
  const last = lastSignificantCode(text, lastPart.start, lastPart.end);
  const midSentence = isLatinLetter(last) || isHan(last) || isAsciiDigit(last) || MID_SENTENCE_PUNCTUATION.has(last);
  return midSentence && displayWidth(text, lastPart.start, lastPart.end, MIN_SPLIT_WIDTH) >= MIN_SPLIT_WIDTH;
}

const MID_SENTENCE_PUNCTUATION = new Set([0x2c, 0x3b, 0xff0c, 0xff1b, 0x3001, 0x2d]); // , ; ， ； 、 -

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
  ownReference?: OwnReference;
}

function buildBlocks(
  text: string,
  blocks: ReadonlyArray<JoinedBlock>,
  layout: Layout,
  annotations: readonly Annotation[],
  memo: Memo,
): Built {
  const built: Built = { topLevel: [], versions: [], paragraphs: [] };
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
  points = new PointSequence();

  reset(): void {
    this.paragraphs = 0;
    this.points = new PointSequence();
  }
}

function toBlock(
  text: string, block: JoinedBlock, numbering: Numbering, annotations: Annotation[], built: Built, memo: Memo,
): Block {
  const span = { start: block.start, end: block.end };
  const lines = block.lines.map((line) => ({ start: line.trimStart, end: line.trimEnd }));
  switch (block.cls.kind) {
    case 'paragraph': {
      const paragraph = toParagraph(text, block, block.cls.role, block.cls.person, numbering, annotations, memo);
      built.paragraphs.push(paragraph);
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
  const isBodyParagraph = role === 'body';
  const number = isBodyParagraph ? findParagraphNumber(text, block.start, block.language) : undefined;
  const contentStart = number ? number.marker.end : block.start;
  const points = isBodyParagraph ? findPoints(text, block.parts, contentStart, block.language, numbering.points, memo) : [];
  return {
    kind: 'paragraph', role, language: block.language,
    span: { start: block.start, end: block.end }, parts: block.parts,
    index: isBodyParagraph ? ++numbering.paragraphs : 0,
    ...(number ? { number } : {}),
    points,
    ...(person ? { person } : {}),
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

function languageFromFrontMatter(frontMatter: FrontMatter | undefined): Language | undefined {
  const entry = frontMatter?.entries.find((e) => e.key === 'language');
  return entry ? LANGUAGE_NAMES.get(entry.value.toLowerCase()) ?? 'other' : undefined;
}

function dominantLanguage(paragraphs: readonly Paragraph[]): Language {
  const weight = new Map<Language, number>();
  for (const p of paragraphs) weight.set(p.language, (weight.get(p.language) ?? 0) + p.span.end - p.span.start);
  let best: Language = 'other';
  for (const [language, total] of weight) if (total > (weight.get(best) ?? 0)) best = language;
  return best;
}
