/** textDocument/documentHighlight: the unit under the cursor and its counterpart, when both are in this file. */
import { DocumentHighlightKind, type DocumentHighlight } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AlignedDocuments } from '../counterparts';
import type { Language } from '../core/model';
import { counterpartIn } from './definition';
import { toRange } from './positions';

export function documentHighlights(document: TextDocument, aligned: AlignedDocuments, offset: number, language: Language): DocumentHighlight[] {
  const found = counterpartIn(document, aligned, offset, language);
  if (!found || found.target.uri !== document.uri) return [];
  const { counterpart } = found;
  return [
    ...counterpart.source.map((span) => ({ range: toRange(document, span), kind: DocumentHighlightKind.Text })),
    ...counterpart.target.map((span) => ({ range: toRange(document, span), kind: DocumentHighlightKind.Read })),
  ];
}
