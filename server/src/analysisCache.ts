/**
 * One analysis per document version, shared by every feature. Entries are dropped when a document
 * closes; a new version replaces the old entry, so memory stays one model per open document.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyse } from './core/analyse';
import type { Note } from './core/model';

export interface DocumentAnalysis {
  readonly document: TextDocument;
  readonly note: Note;
}

export class AnalysisCache {
  private readonly entries = new Map<string, { version: number; analysis: DocumentAnalysis }>();

  get(document: TextDocument): DocumentAnalysis {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version) return cached.analysis;
    const analysis: DocumentAnalysis = { document, note: analyse(document.getText()) };
    this.entries.set(document.uri, { version: document.version, analysis });
    return analysis;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }
}
