/**
 * The concordance of a term across the workspace: the notes (`*.note`) and translation memories
 * (`*.tmx`) under the folders asked for (the workspace folders, or the paths the CLI was given), listed
 * through the Workspace port, each read bounded and decoded. A note is searched as the editor has it
 * when it is open; its occurrences get their renderings from its alignment with its other version
 * (inside the note, or its partner file), a memory's from the unit's other-language variant.
 */
import { analyse } from '../../core/analyse';
import { parseTmx } from '../../core/export/tmxRead';
import type { Note } from '../../core/model';
import type { NoteAlignment } from '../../core/noteAlignment';
import { foldedTerm, memoryConcordance, noteConcordance, occurrences } from '../../core/workbench/concordance';
import { computeLineStarts, lineOfOffset } from '../../core/text/lines';
import type { TextRead } from '../files';
import type { RowPosition } from './alignedRows';

/** Lines listed at most: a term that common is better narrowed. */
export const MAX_CONCORDANCE_LINES = 2000;
/** Files searched at most, notes and memories together. */
export const MAX_CONCORDANCE_FILES = 5000;
/** Largest translation memory read, in bytes. */
export const MAX_MEMORY_BYTES = 64 * 1024 * 1024;

export const CONCORDANCE_PATTERNS = ['**/*.note', '**/*.tmx'];

export interface ConcordanceLine {
  readonly uri: string;
  readonly kind: 'note' | 'memory';
  readonly range: { readonly start: RowPosition; readonly end: RowPosition };
  /** `en`, `zh`, or for a memory the variant's tag as written (`zh-CN`). */
  readonly language: string;
  readonly left: string;
  readonly keyword: string;
  readonly right: string;
  readonly rendering?: {
    readonly text: string;
    /** For a note: where the aligned unit is (its document, maybe the partner file). */
    readonly uri?: string;
    readonly range?: { readonly start: RowPosition; readonly end: RowPosition };
  };
}

export interface Concordance {
  readonly term: string;
  readonly lines: readonly ConcordanceLine[];
  /** More lines (or files) than the limits: the list stops there. */
  readonly truncated: boolean;
  /** Files that could not be read, with why. */
  readonly unread: ReadonlyArray<{ readonly uri: string; readonly message: string }>;
}

/** What the concordance needs of the service. */
export interface ConcordanceSources {
  /** The note's text: the open document's, else the file's (bounded, decoded, inside its folder). */
  read(uri: string, maxBytes?: number): Promise<TextRead>;
  /** The note's alignment with its other version, and which side its text is (for two files). */
  aligned(uri: string, note: Note): Promise<{ alignment: NoteAlignment; side?: 'en' | 'zh'; other: string } | undefined>;
}

export async function concordanceOf(term: string, uris: readonly string[], sources: ConcordanceSources): Promise<Concordance> {
  const folded = foldedTerm(term);
  const lines: ConcordanceLine[] = [];
  const unread: Array<{ uri: string; message: string }> = [];
  let truncated = uris.length > MAX_CONCORDANCE_FILES;
  for (const uri of uris.slice(0, MAX_CONCORDANCE_FILES)) {
    const memory = uri.toLowerCase().endsWith('.tmx');
    const read = await sources.read(uri, memory ? MAX_MEMORY_BYTES : undefined);
    if (read.kind === 'refused') {
      unread.push({ uri, message: read.message });
      continue;
    }
    lines.push(...(memory ? memoryLines(uri, read.text, folded) : await noteLines(uri, read.text, folded, sources)));
    if (lines.length >= MAX_CONCORDANCE_LINES) {
      truncated = true;
      break;
    }
  }
  return { term, lines: lines.slice(0, MAX_CONCORDANCE_LINES), truncated, unread };
}

async function noteLines(uri: string, text: string, folded: string, sources: ConcordanceSources): Promise<ConcordanceLine[]> {
  if (occurrences(text, folded).length === 0) return [];
  const note = analyse(text);
  const aligned = await sources.aligned(uri, note);
  const place = placer(text);
  const otherText = aligned ? (aligned.side === 'zh' ? aligned.alignment.en.text : aligned.side === 'en' ? aligned.alignment.zh.text : text) : text;
  const placeOther = otherText === text ? place : placer(otherText);
  return noteConcordance(note, folded, aligned).map((occurrence) => ({
    uri, kind: 'note', range: place(occurrence.span.start, occurrence.span.end), language: occurrence.language,
    left: occurrence.left, keyword: occurrence.keyword, right: occurrence.right,
    ...(occurrence.rendering && aligned
      ? { rendering: { text: occurrence.rendering.text, uri: aligned.other, range: placeOther(occurrence.rendering.span.start, occurrence.rendering.span.end) } }
      : {}),
  }));
}

function memoryLines(uri: string, text: string, folded: string): ConcordanceLine[] {
  const reading = parseTmx(text, uri, MAX_MEMORY_BYTES);
  return reading.units.flatMap((unit) => memoryConcordance(unit.variants, folded).map((occurrence) => {
    const variant = unit.variants.find((v) => v.language === occurrence.language);
    const at = { line: variant?.line ?? unit.line, character: variant?.character ?? 0 };
    return {
      uri, kind: 'memory' as const, range: { start: at, end: at }, language: occurrence.language,
      left: occurrence.left, keyword: occurrence.keyword, right: occurrence.right,
      ...(occurrence.rendering ? { rendering: { text: occurrence.rendering.text } } : {}),
    };
  }));
}

/** Offsets of a text to 0-based lines and UTF-16 characters. */
function placer(text: string): (start: number, end: number) => { start: RowPosition; end: RowPosition } {
  const starts = computeLineStarts(text);
  const at = (offset: number): RowPosition => {
    const line = lineOfOffset(starts, offset);
    return { line, character: offset - starts[line] };
  };
  return (start, end) => ({ start: at(start), end: at(end) });
}

