/** textDocument/documentLink: `counterpart:`, `in-reply-to:` and cited references that resolve in the workspace. */
import type { DocumentLink } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { NoteLink } from '../service';
import { toRange } from './positions';

export function documentLinks(document: TextDocument, links: readonly NoteLink[]): DocumentLink[] {
  return links.map((link) => ({ range: toRange(document, link.span), target: link.target, tooltip: link.tooltip }));
}
