/** textDocument/documentSymbol: the outline as a hierarchy of symbols. */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
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
  subject: SymbolKind.Class,
  translationMarker: SymbolKind.Constant,
  heading: SymbolKind.Module,
  version: SymbolKind.Namespace,
  paragraph: SymbolKind.String,
  point: SymbolKind.EnumMember,
  annotation: SymbolKind.Field,
};

/**
 * Symbols already made, by outline item. An item kept from one outline to the next (see
 * repairOutline: untouched, or moved along by an edit of another line) keeps its lines and columns,
 * so its symbol can be sent again as it is; a rebuilt item is a new object and gets a new symbol.
 */
const made = new WeakMap<OutlineItem, DocumentSymbol>();

export function documentSymbols(document: TextDocument, outline: readonly OutlineItem[]): DocumentSymbol[] {
  const toSymbol = (item: OutlineItem): DocumentSymbol => {
    let symbol = made.get(item);
    if (!symbol) {
      symbol = {
        name: item.name,
        ...(item.detail ? { detail: item.detail } : {}),
        kind: SYMBOL_KINDS[item.kind],
        range: toRange(document, item.span),
        selectionRange: toRange(document, item.selection),
        children: item.children.map(toSymbol),
      };
      made.set(item, symbol);
    }
    return symbol;
  };
  return outline.map(toSymbol);
}
