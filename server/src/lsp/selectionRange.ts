/** textDocument/selectionRange: the service's chains of spans (note → version → paragraph → point) as nested ranges. */
import type { SelectionRange } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Span } from '../core/model';
import { toRange } from './positions';

export function selectionRanges(document: TextDocument, chains: readonly (readonly Span[])[]): SelectionRange[] {
  return chains.map((chain) => {
    let range: SelectionRange | undefined;
    for (const span of chain) range = { range: toRange(document, span), ...(range ? { parent: range } : {}) };
    return range ?? { range: toRange(document, { start: 0, end: 0 }) };
  });
}
