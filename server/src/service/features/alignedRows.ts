/**
 * The rows of the aligned view and of `diplonote align`, as plain data: one function makes them for
 * both, so that what the editor shows is what the command prints (a test says so). Each side of a row
 * has its lines, its range (0-based line and UTF-16 character, as the editor reveals it), its text on
 * one line, its paragraph number and point ordinal; a row has the aligner's confidence, the correction
 * that fixed it, and the findings on its text.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Severity } from '../../core/checks';
import { unitText } from '../../core/export/pairs';
import type { Span } from '../../core/model';
import { alignedUnits, type BlockKind, type RowLevel, type UnitRow, type UnitSide } from '../../core/workbench/rows';
import { lastStartingBy } from '../../core/text/spans';
import type { AlignedDocuments } from '../pairing';
import type { FindingCode, NoteFinding } from './findings';

export interface RowPosition {
  readonly line: number;
  readonly character: number;
}

export interface RowSide {
  /** 1-based lines where the unit starts and ends. */
  readonly line: number;
  readonly endLine: number;
  /** 0-based, UTF-16 (as LSP counts). */
  readonly range: { readonly start: RowPosition; readonly end: RowPosition };
  /** The unit's text on one line (runs of white space made one space, a Chinese line wrap joined). */
  readonly text: string;
  readonly block: BlockKind;
  readonly paragraph?: number;
  readonly point?: number;
}

export interface RowFinding {
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly message: string;
}

export interface AlignedRow {
  readonly level: RowLevel;
  /** 1-based number of the paragraph pair the row belongs to. */
  readonly pair: number;
  readonly en: RowSide | null;
  readonly zh: RowSide | null;
  /** The aligner's confidence in the pair, rounded to two decimals; 1 for a correction. */
  readonly confidence: number;
  /** The id of the correction (a linking annotation) that fixed the pair. */
  readonly correction?: string;
  readonly findings: readonly RowFinding[];
}

/** The rows of an aligned note with the findings of each side (by the document they lie in). */
export function alignedRows(aligned: AlignedDocuments, findings: ReadonlyMap<string, readonly NoteFinding[]>): AlignedRow[] {
  const units = alignedUnits(aligned.alignment);
  const attached = attachFindings(units, aligned, findings);
  return units.map((unit, index) => ({
    level: unit.level,
    pair: unit.pair + 1,
    en: unit.en ? rowSide(aligned.en, unit.en) : null,
    zh: unit.zh ? rowSide(aligned.zh, unit.zh) : null,
    confidence: Math.round(unit.confidence * 100) / 100,
    ...(unit.correction ? { correction: unit.correction } : {}),
    findings: attached[index],
  }));
}

function rowSide(document: TextDocument, side: UnitSide): RowSide {
  const start = Math.min(...side.spans.map((s) => s.start));
  const end = Math.max(...side.spans.map((s) => s.end));
  const from = document.positionAt(start);
  const to = document.positionAt(end);
  return {
    line: from.line + 1, endLine: to.line + 1,
    range: { start: { line: from.line, character: from.character }, end: { line: to.line, character: to.character } },
    text: unitText(document.getText(), side.spans),
    block: side.block,
    ...(side.paragraph !== undefined ? { paragraph: side.paragraph } : {}),
    ...(side.point !== undefined ? { point: side.point } : {}),
  };
}

interface Piece {
  readonly span: Span;
  readonly row: number;
}

/**
 * Each finding goes to the finest row whose side holds where it starts: a sentence, else a point, else
 * the paragraph. Rows of one level do not overlap on a side, so each lookup is a binary search.
 */
function attachFindings(units: readonly UnitRow[], aligned: AlignedDocuments, findings: ReadonlyMap<string, readonly NoteFinding[]>): RowFinding[][] {
  const attached: RowFinding[][] = units.map(() => []);
  for (const side of ['en', 'zh'] as const) {
    const document = aligned[side];
    if (side === 'zh' && aligned.zh === aligned.en) continue;
    const levels = (['sentence', 'point', 'paragraph'] as const).map((level) => piecesOf(units, level, aligned.en === aligned.zh ? undefined : side));
    for (const finding of findings.get(document.uri) ?? []) {
      const row = levels.map((pieces) => holding(pieces, finding.span.start)).find((found) => found !== undefined);
      if (row !== undefined) attached[row].push({ code: finding.code, severity: finding.severity, message: finding.message });
    }
  }
  return attached;
}

/** The spans of the rows of a level, on one side (both, for a note holding both versions), in order. */
function piecesOf(units: readonly UnitRow[], level: RowLevel, side: 'en' | 'zh' | undefined): Piece[] {
  const pieces: Piece[] = [];
  units.forEach((unit, row) => {
    if (unit.level !== level) return;
    for (const which of side ? [side] : (['en', 'zh'] as const)) for (const span of unit[which]?.spans ?? []) pieces.push({ span, row });
  });
  return pieces.sort((a, b) => a.span.start - b.span.start);
}

function holding(pieces: readonly Piece[], offset: number): number | undefined {
  const found = lastStartingBy(pieces, offset);
  return found && offset < found.item.span.end ? found.item.row : undefined;
}
