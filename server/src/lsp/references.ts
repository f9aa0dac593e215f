/** textDocument/references: the places notes of the workspace mention a reference (index ranges are LSP ranges already). */
import type { Location } from 'vscode-languageserver';
import type { NoteLocation } from '../service';

export function references(places: readonly NoteLocation[] | undefined): Location[] | null {
  return places ? places.map(({ uri, range }) => ({ uri, range })) : null;
}
