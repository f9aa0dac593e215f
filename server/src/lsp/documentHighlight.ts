/** textDocument/documentHighlight: the unit under the cursor (Text) and its counterpart in the same file (Read). */
import { DocumentHighlightKind, type DocumentHighlight } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Highlight } from '../service/features/counterparts';
import { toRange } from './positions';

export function documentHighlights(document: TextDocument, highlights: readonly Highlight[] | undefined): DocumentHighlight[] | null {
  return highlights ? highlights.map(({ span, role }) => ({
    range: toRange(document, span), kind: role === 'source' ? DocumentHighlightKind.Text : DocumentHighlightKind.Read,
  })) : null;
}
