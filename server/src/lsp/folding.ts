/** textDocument/foldingRange: every fold the service finds that spans several lines. */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Fold } from '../service/features/structure';

/**
 * Folding ranges already made, by fold (null: it does not span lines). A fold kept by a local edit is
 * the same object (see foldsOf) and keeps its lines; a rebuilt one is a new object.
 */
const made = new WeakMap<Fold, FoldingRange | null>();

export function foldingRanges(document: TextDocument, folds: readonly Fold[]): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  for (const fold of folds) {
    let range = made.get(fold);
    if (range === undefined) made.set(fold, (range = foldingRange(document, fold)));
    if (range) ranges.push(range);
  }
  return ranges;
}

function foldingRange(document: TextDocument, fold: Fold): FoldingRange | null {
  const startLine = document.positionAt(fold.span.start).line;
  const endLine = document.positionAt(fold.span.end).line;
  if (endLine <= startLine) return null;
  return { startLine, endLine, ...(fold.kind === 'header' ? { kind: FoldingRangeKind.Imports } : {}) };
}
