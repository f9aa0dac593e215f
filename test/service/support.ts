/**
 * In-process tests of the note service, written as documents: a workspace of files given as text, the
 * notes as lines with `|` marking the cursor, and the service created over an in-memory workspace.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { createNoteService, type NoteService } from '../../server/src/service';
import { MemoryWorkspace } from '../../server/src/service/memoryWorkspace';
import type { TextEncoding } from '../../server/src/core/text/decode';

export const FOLDER = 'file:///ws';

export function uri(path: string): string {
  return `${FOLDER}/${path}`;
}

/** Lines joined by `\n`; a `|` marks the cursor (removed from the text). */
export function note(...lines: string[]): { text: string; cursor: number } {
  const joined = lines.join('\n');
  const cursor = joined.indexOf('|');
  return { text: cursor < 0 ? joined : joined.slice(0, cursor) + joined.slice(cursor + 1), cursor };
}

export interface Setup {
  readonly workspace: MemoryWorkspace;
  readonly service: NoteService;
  /** Files read in an encoding other than UTF-8, as the service reported them. */
  readonly decoded: Array<[string, TextEncoding]>;
  open(path: string, text: string): TextDocument;
  close(path: string): void;
}

/** A workspace folder holding `files` (paths relative to it), and the service over it, configuration read. */
export async function workspaceOf(files: Readonly<Record<string, string | Uint8Array>>, editorSettings?: unknown): Promise<Setup> {
  const workspace = new MemoryWorkspace([FOLDER]);
  for (const [path, content] of Object.entries(files)) workspace.writeFile(uri(path), content);
  const decoded: Array<[string, TextEncoding]> = [];
  const service = createNoteService({ workspace, toolVersion: 'test', decoded: (file, encoding) => decoded.push([file, encoding]) });
  if (editorSettings !== undefined) service.setEditorSettings(editorSettings);
  await service.reload();
  return {
    workspace, service, decoded,
    open: (path, text) => workspace.openDocument(uri(path), text),
    close: (path) => {
      workspace.closeDocument(uri(path));
      service.documentClosed(uri(path));
    },
  };
}

/** The text a span covers. */
export function textAt(document: TextDocument, span: { start: number; end: number }): string {
  return document.getText().slice(span.start, span.end);
}
