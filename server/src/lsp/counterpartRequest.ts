/**
 * `diplonote/counterpart`: the custom request behind "Open Counterpart to the Side" and its cursor
 * following: where the counterpart of a position is, as a plain location.
 */
import { RequestType, type Location, type TextDocumentPositionParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AlignedDocuments } from '../counterparts';
import type { Language } from '../core/model';
import { counterpartIn, cover } from './definition';
import { toRange } from './positions';

export const COUNTERPART_REQUEST = new RequestType<TextDocumentPositionParams, Location | null, void>('diplonote/counterpart');

export function counterpartLocation(document: TextDocument, aligned: AlignedDocuments, offset: number, language: Language): Location | null {
  const found = counterpartIn(document, aligned, offset, language);
  if (found) return { uri: found.target.uri, range: toRange(found.target, cover(found.counterpart.target)) };
  const other = aligned.en.uri === document.uri ? aligned.zh : aligned.en;
  return other.uri === document.uri ? null : { uri: other.uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
}
