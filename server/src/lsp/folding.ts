/** textDocument/foldingRange: every outline item that spans several lines folds. */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentAnalysis } from '../analysisCache';
import type { OutlineItem } from '../core/outline';

/**
 * Folding ranges already made, by outline item (null: the item does not fold). As for document
 * symbols, an item kept or moved by a local edit keeps its lines; a rebuilt item is a new object.
 */
const made = new WeakMap<OutlineItem, FoldingRange | null>();

export function foldingRanges({ document, outline }: DocumentAnalysis): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const visit = (item: OutlineItem): void => {
    let range = made.get(item);
    if (range === undefined) made.set(item, (range = foldOf(document, item)));
    if (range) ranges.push(range);
    item.children.forEach(visit);
  };
  outline.forEach(visit);
  return ranges;
}

function foldOf(document: TextDocument, item: OutlineItem): FoldingRange | null {
  const startLine = document.positionAt(item.span.start).line;
  const endLine = document.positionAt(item.span.end).line;
  if (endLine <= startLine) return null;
  return {
    startLine, endLine,
    ...(item.kind === 'frontMatter' || item.kind === 'letterhead' ? { kind: FoldingRangeKind.Imports } : {}),
  };
}
