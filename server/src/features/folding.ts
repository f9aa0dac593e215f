/** textDocument/foldingRange: every outline item that spans several lines folds. */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import type { DocumentAnalysis } from '../analysisCache';
import { outlineOf, type OutlineItem } from '../core/outline';

export function foldingRanges({ document, note }: DocumentAnalysis): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const visit = (item: OutlineItem): void => {
    const startLine = document.positionAt(item.span.start).line;
    const endLine = document.positionAt(item.span.end).line;
    if (endLine > startLine) {
      ranges.push({
        startLine, endLine,
        ...(item.kind === 'frontMatter' || item.kind === 'letterhead' ? { kind: FoldingRangeKind.Imports } : {}),
      });
    }
    item.children.forEach(visit);
  };
  outlineOf(note).forEach(visit);
  return ranges;
}
