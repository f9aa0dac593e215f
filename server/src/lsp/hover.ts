/** textDocument/hover: the service's Markdown over the span it explains. */
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { HoverAnswer } from '../service/features/hover';
import { toRange } from './positions';

export function hover(document: TextDocument, answer: HoverAnswer | undefined): Hover | null {
  return answer ? { contents: { kind: MarkupKind.Markdown, value: answer.markdown }, range: toRange(document, answer.span) } : null;
}
