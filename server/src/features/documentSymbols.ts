/** textDocument/documentSymbol: the outline as a hierarchy of symbols. */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { DocumentAnalysis } from '../analysisCache';
import type { OutlineItem, OutlineKind } from '../core/outline';
import { toRange } from './positions';

// Symbol kinds are chosen for their icons in VS Code's Outline, not their programming meaning.
const SYMBOL_KINDS: Record<OutlineKind, SymbolKind> = {
  frontMatter: SymbolKind.Object,
  letterhead: SymbolKind.Module,
  ownReference: SymbolKind.Key,
  salutation: SymbolKind.String,
  opening: SymbolKind.Event,
  closing: SymbolKind.Event,
  placeDate: SymbolKind.Number,
  signature: SymbolKind.Property,
  addressee: SymbolKind.Interface,
  annex: SymbolKind.Package,
  title: SymbolKind.Class,
  version: SymbolKind.Namespace,
  paragraph: SymbolKind.String,
  point: SymbolKind.EnumMember,
  annotation: SymbolKind.Field,
};

export function documentSymbols({ document, outline }: DocumentAnalysis): DocumentSymbol[] {
  const toSymbol = (item: OutlineItem): DocumentSymbol => ({
    name: item.name,
    ...(item.detail ? { detail: item.detail } : {}),
    kind: SYMBOL_KINDS[item.kind],
    range: toRange(document, item.span),
    selectionRange: toRange(document, item.selection),
    children: item.children.map(toSymbol),
  });
  return outline.map(toSymbol);
}
