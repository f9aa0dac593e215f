/** workspace/symbol: notes by reference, title, sender, date and cited communication, as the service matched them. */
import { SymbolKind, type SymbolInformation } from 'vscode-languageserver';
import type { WorkspaceSymbolData } from '../service';
import type { SymbolField } from '../service/features/workspaceSymbols';

// The kinds of the Outline's items of the same parts (documentSymbols.ts), so the icons agree.
const SYMBOL_KINDS: Record<SymbolField, SymbolKind> = {
  reference: SymbolKind.Key,
  citation: SymbolKind.Field,
  title: SymbolKind.Class,
  sender: SymbolKind.Module,
  date: SymbolKind.Number,
};

export function workspaceSymbols(symbols: readonly WorkspaceSymbolData[]): SymbolInformation[] {
  return symbols.map((symbol) => ({
    name: symbol.name,
    kind: SYMBOL_KINDS[symbol.field],
    containerName: symbol.container,
    location: { uri: symbol.uri, range: symbol.range },
  }));
}
