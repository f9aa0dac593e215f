/** textDocument/foldingRange: every outline item that spans several lines folds. */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import type { DocumentAnalysis } from '../analysisCache';
import type { OutlineItem } from '../core/outline';

export function foldingRanges({ document, outline }: DocumentAnalysis): FoldingRange[] {
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
  outline.forEach(visit);
  return ranges;
}
