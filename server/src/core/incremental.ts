/**
 * Analysis after an edit. Most keystrokes change one line of one paragraph and nothing its
 * neighbours depend on; such an edit is applied to the previous model: that paragraph is read again,
 * everything after its line moves by the change in length, the rest is reused as it is. Every other
 * edit, and every doubt, goes through a full analysis (which still reuses per-block work, see memo.ts).
 * A property test proves that both paths give the same model.
 */
import { analyseTraced, buildParagraph, noteLanguage, type TracedNote } from './analyse';
import { AnalysisMemo, type Memo } from './memo';
import type { Block, CitedCommunication, LanguageVersion, Note, Paragraph, Point, Span } from './model';
import { scanBlocks, type RawBlock } from './recognise/blocks';
import { blockFacts, sameFacts } from './recognise/classify';
import { findCitedCommunications } from './recognise/citations';
import { joinSignature } from './recognise/join';
import { lineAt, lineOfOffset, type Line } from './text/lines';
import { lastStartingBy } from './text/spans';

/** A replacement of `text[start, end)` of the previous text by `text`. */
export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** What a local edit changed, so that what is built from the model can be repaired the same way. */
export interface LocalEdit {
  /** Offsets in the previous text: the start of the edited line and of the line after it. */
  readonly lineStart: number;
  readonly nextLineStart: number;
  /** How much longer the text became. */
  readonly delta: number;
  readonly before: Paragraph;
  readonly after: Paragraph;
}

export interface IncrementalResult extends TracedNote {
  /** Present when the analysis was a local edit of the previous one. */
  readonly edit?: LocalEdit;
}

/**
 * Successive analyses of one document. The edits made between two analyses are told as they happen
 * and kept as one replacement of the text analysed last; the next analysis applies it if it is local.
 */
export class IncrementalAnalyser {
  private readonly memo = new AnalysisMemo();
  private last: TracedNote | undefined;
  private pending: { start: number; end: number; baseLength: number } | 'unknown' | undefined;

  /** `text[start, end)` of the current text, `lengthBefore` long, was replaced by `insertedLength` characters. */
  edited(start: number, end: number, insertedLength: number, lengthBefore: number): void {
    if (this.pending === 'unknown') return;
    if (start < 0 || start > end || end > lengthBefore || insertedLength < 0) {
      this.pending = 'unknown';
    } else if (!this.pending) {
      this.pending = { start, end, baseLength: lengthBefore };
    } else {
      // Offsets after the replaced region have moved by the length added so far; before it they have not.
      const moved = lengthBefore - this.pending.baseLength;
      this.pending = { start: Math.min(this.pending.start, start), end: Math.max(this.pending.end, end - moved), baseLength: this.pending.baseLength };
    }
  }

  /** The text was replaced in a way that cannot be told as edits. */
  replaced(): void {
    this.pending = 'unknown';
  }

  /** Analyses `text`, the current text: locally when the edits since the last analysis allow it. */
  update(text: string): IncrementalResult {
    const change = this.takeChange(text);
    const local = this.last && change ? editLocally(this.last, change, text, this.memo) : undefined;
    const result = local ?? analyseTraced(text, this.memo);
    this.last = result;
    return result;
  }

  private takeChange(text: string): TextChange | undefined {
    const pending = this.pending;
    this.pending = undefined;
    if (!pending || pending === 'unknown') return undefined;
    const insertedLength = pending.end - pending.start + text.length - pending.baseLength;
    return insertedLength < 0 ? undefined : { start: pending.start, end: pending.end, text: text.slice(pending.start, pending.start + insertedLength) };
  }
}

/** The model of `text` made from `previous` and the change, or undefined when the edit is not local. */
export function editLocally(previous: TracedNote, change: TextChange, text: string, memo: Memo): IncrementalResult | undefined {
  const old = previous.note;
  const delta = change.text.length - (change.end - change.start);
  if (text.length !== old.text.length + delta || change.start > change.end || change.end > old.text.length) return undefined;
  if (hasLineBreak(change.text, 0, change.text.length) || hasLineBreak(old.text, change.start, change.end)) return undefined;
  const lineNumber = lineOfOffset(old.lineStarts, change.start);
  const oldLine = lineAt(old.text, old.lineStarts, lineNumber);
  if (change.end > oldLine.end || mayChangeFrontMatter(old, lineNumber)) return undefined;
  const target = paragraphAround(old.paragraphs, change);
  if (!target) return undefined;
  const lineStarts = shiftedLineStarts(old.lineStarts, lineNumber, delta);
  const newPart = rereadPart(old, text, lineStarts, target.paragraph.parts[target.part]);
  if (!newPart) return undefined;
  const nextLineStart = lineNumber + 1 < old.lineStarts.length ? old.lineStarts[lineNumber + 1] : old.text.length + 1;
  const paragraph = rebuildParagraph(text, previous, target, newPart, delta, memo);
  if (!paragraph) return undefined;
  const edit: LocalEdit = { lineStart: old.lineStarts[lineNumber], nextLineStart, delta, before: target.paragraph, after: paragraph };
  const note = rebuildNote(old, text, lineStarts, edit, target, lineAt(text, lineStarts, lineNumber));
  return { note, trace: previous.trace, edit };
}

function hasLineBreak(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || code === 0x0d || code === 0x0c) return true;
  }
  return false;
}

/** Front matter is read from the first lines up to a `---` line, so edits near an unclosed one are not local. */
function mayChangeFrontMatter(note: Note, lineNumber: number): boolean {
  if (note.frontMatter) return false;
  const first = lineAt(note.text, note.lineStarts, 0);
  return lineNumber === 0 || note.text.startsWith('---', first.trimStart);
}

interface Target {
  readonly paragraph: Paragraph;
  /** Its place in `note.paragraphs`. */
  readonly index: number;
  /** The part of the paragraph holding the change. */
  readonly part: number;
}

function paragraphAround(paragraphs: readonly Paragraph[], change: TextChange): Target | undefined {
  const found = lastStartingBy(paragraphs, change.start);
  if (!found) return undefined;
  const part = found.item.parts.findIndex((p) => p.start <= change.start && change.end <= p.end);
  return part < 0 ? undefined : { paragraph: found.item, index: found.index, part };
}

function shiftedLineStarts(lineStarts: readonly number[], lineNumber: number, delta: number): number[] {
  const shifted = lineStarts.slice();
  for (let n = lineNumber + 1; n < shifted.length; n++) shifted[n] += delta;
  return shifted;
}

/**
 * The edited part read again: it must still be one block of the same lines, with the same facts
 * for the classifier and the same ends for the page-break joining; undefined otherwise.
 */
function rereadPart(old: Note, text: string, lineStarts: readonly number[], part: Span): Span | undefined {
  const first = lineOfOffset(old.lineStarts, part.start);
  const last = lineOfOffset(old.lineStarts, part.end);
  // One line either side: the line before decides whether a numbered first line starts a block,
  // the edited last line decides it for the line after.
  const from = Math.max(0, first - 1);
  const to = Math.min(old.lineStarts.length, last + 2);
  const before = linesOf(old.text, old.lineStarts, from, to);
  const after = linesOf(text, lineStarts, from, to);
  if (scanShape(old.text, before) !== scanShape(text, after)) return undefined;
  const oldBlock = rawBlock(before.slice(first - from, last - from + 1));
  const newBlock = rawBlock(after.slice(first - from, last - from + 1));
  if (!sameFacts(blockFacts(old.text, oldBlock), blockFacts(text, newBlock))) return undefined;
  if (joinSignature(old.text, oldBlock) !== joinSignature(text, newBlock)) return undefined;
  // Where a paragraph starts is where its outline item, and the version around it, start.
  if (newBlock.start !== oldBlock.start) return undefined;
  return { start: newBlock.start, end: newBlock.end };
}

function linesOf(text: string, lineStarts: readonly number[], from: number, to: number): Line[] {
  const lines: Line[] = [];
  for (let n = from; n < to; n++) lines.push(lineAt(text, lineStarts, n));
  return lines;
}

/** Where the blocks of a run of lines begin and how many lines each has. */
function scanShape(text: string, lines: readonly Line[]): string {
  return scanBlocks(text, lines, 0).blocks.map((block) => `${lines.indexOf(block.lines[0])}+${block.lines.length}`).join();
}

function rawBlock(lines: Line[]): RawBlock {
  return { lines, start: lines[0].trimStart, end: lines[lines.length - 1].trimEnd, afterPageBreak: false };
}

/** The paragraph read again with the list state it started with; undefined if it would end in another state. */
function rebuildParagraph(
  text: string, previous: TracedNote, target: Target, newPart: Span, delta: number, memo: Memo,
): Paragraph | undefined {
  const { paragraph } = target;
  const parts = paragraph.parts.map((part, i) =>
    i === target.part ? newPart : i > target.part ? { start: part.start + delta, end: part.end + delta } : part);
  const points = previous.trace.pointsBefore[target.index].copy();
  const rebuilt = buildParagraph(text, {
    start: parts[0].start, end: parts[parts.length - 1].end, parts, language: paragraph.language,
    role: paragraph.role, index: paragraph.index, person: paragraph.person, formula: paragraph.formula,
  }, points, paragraph.annotations, memo);
  return points.equals(previous.trace.pointsAfter[target.index]) ? rebuilt : undefined;
}

/**
 * The model after the edit, made from the previous one in place, as tree-sitter edits a syntax tree
 * before parsing again: the edited paragraph is swapped for its new reading and every span after the
 * edited line moves by the change in length. Copying half the model on every keystroke cost more
 * than the analysis it saves. The previous model is given up: the analyser and the cache keep only
 * the new one, and nothing keeps an analysis across a change.
 */
function rebuildNote(old: Note, text: string, lineStarts: readonly number[], edit: LocalEdit, target: Target, line: Line): Note {
  const move = (span: Span) => {
    if (span.start >= edit.nextLineStart) moveSpan(span, edit.delta);
  };
  const blocks = swap(old.blocks, edit.before, edit.after);
  for (const block of blocks) moveBlock(block, edit, move);
  const versions = old.versions.map((version) => moveVersion(version, edit, move));
  for (const annotation of old.annotations) move(annotation.span);
  for (const span of old.pageArtefacts) move(span);
  const paragraphs = old.paragraphs.slice();
  paragraphs[target.index] = edit.after;
  return {
    text,
    lineStarts,
    ...(old.frontMatter ? { frontMatter: old.frontMatter } : {}),
    blocks,
    versions,
    paragraphs,
    ...(old.ownReference ? { ownReference: old.ownReference } : {}),
    citations: citationsAfterEdit(old.citations, text, edit, line),
    annotations: old.annotations,
    pageArtefacts: old.pageArtefacts,
    language: noteLanguage(old.frontMatter, paragraphs),
    problems: old.problems,
  };
}

function swap(blocks: readonly Block[], before: Paragraph, after: Paragraph): Block[] {
  const at = blocks.indexOf(before);
  const swapped = blocks.slice();
  if (at >= 0) swapped[at] = after;
  return swapped;
}

function moveVersion(version: LanguageVersion, edit: LocalEdit, move: (span: Span) => void): LanguageVersion {
  if (version.span.end < edit.lineStart) return version;
  const blocks = swap(version.blocks, edit.before, edit.after);
  for (const block of blocks) moveBlock(block, edit, move);
  return { ...version, blocks, span: { start: blocks[0].span.start, end: blocks[blocks.length - 1].span.end } };
}

/** Moves a block after the edited line; its annotations are moved with the note's. */
function moveBlock(block: Block, edit: LocalEdit, move: (span: Span) => void): void {
  if (block.span.start < edit.nextLineStart) return;
  move(block.span);
  switch (block.kind) {
    case 'paragraph':
      block.parts.forEach(move);
      block.points.forEach((point) => movePoint(point, move));
      if (block.number) movePoint(block.number, move);
      break;
    case 'letterhead':
      block.lines.forEach(move);
      for (const field of block.fields) move(field.span);
      break;
    case 'ownReference':
      move(block.value);
      break;
    default:
      block.lines.forEach(move);
  }
}

function movePoint(point: Point, move: (span: Span) => void): void {
  move(point.span);
  move(point.marker);
  point.children.forEach((child) => movePoint(child, move));
}

/** The citations of the edited line found again; those after it moved. */
function citationsAfterEdit(citations: readonly CitedCommunication[], text: string, edit: LocalEdit, line: Line): CitedCommunication[] {
  const before = citations.filter((c) => c.span.start < edit.lineStart);
  const onLine = findCitedCommunications(text.slice(line.start, line.end), line.start);
  const after = citations.filter((c) => c.span.start >= edit.nextLineStart);
  for (const citation of after) moveSpan(citation.span, edit.delta);
  return [...before, ...onLine, ...after];
}

/** Spans are read-only to everyone but a local edit, which moves the spans of a model it gives up. */
export function moveSpan(span: Span, delta: number): void {
  const movable = span as { start: number; end: number };
  movable.start += delta;
  movable.end += delta;
}
