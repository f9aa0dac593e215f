/**
 * What every part of the annotation client needs about documents: which are notes, LSP ranges as
 * editor ranges, and showing a span of a note.
 */
import { Range, Selection, TextEditorRevealType, Uri, window, workspace, type TextDocument, type ViewColumn } from 'vscode';
import type { Range as LspRange } from 'vscode-languageclient';

export const NOTE_LANGUAGE = 'diplomatic-note';

export function isNote(document: TextDocument): boolean {
  return document.languageId === NOTE_LANGUAGE;
}

/** Open in an editor (the server follows its edits; a closed note is read from disk). */
export function isOpen(uri: string): boolean {
  return workspace.textDocuments.some((document) => document.uri.toString() === uri);
}

export function editorRange(range: LspRange): Range {
  return new Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

/** Opens `uri` (in `column`, or where it is already shown) and selects `range`. */
export async function showSpan(uri: string, range: LspRange | undefined, column?: ViewColumn): Promise<void> {
  const target = Uri.parse(uri);
  const shown = window.visibleTextEditors.find((editor) => editor.document.uri.toString() === target.toString());
  const editor = await window.showTextDocument(target, { viewColumn: column ?? shown?.viewColumn, preview: false });
  if (!range) return;
  const span = editorRange(range);
  editor.selection = new Selection(span.start, span.end);
  editor.revealRange(span, TextEditorRevealType.InCenterIfOutsideViewport);
}
