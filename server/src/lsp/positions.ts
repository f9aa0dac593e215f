/** The one place where offsets into documents and LSP ranges (UTF-16 line/character) are converted. */
import type { Location, Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Span } from '../core/model';
import type { TextLocation } from '../service';

export function toRange(document: TextDocument, span: Span): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

export function toSpan(document: TextDocument, range: Range): Span {
  const start = document.offsetAt(range.start);
  const end = document.offsetAt(range.end);
  return { start: Math.min(start, end), end: Math.max(start, end) };
}

export function toLocation({ document, span }: TextLocation): Location {
  return { uri: document.uri, range: toRange(document, span) };
}
