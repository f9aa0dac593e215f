/**
 * One analysis per document version, shared by every feature. Entries are dropped when a document
 * closes; a new version replaces the old entry, so memory stays one model per open document.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyse } from './core/analyse';
import { AnalysisMemo } from './core/memo';
import type { Note } from './core/model';
import type { GlossaryIndex, TermMatch } from './core/glossary';

export interface DocumentAnalysis {
  readonly document: TextDocument;
  readonly note: Note;
  /** Glossary terms found in the text, in order; matched on first use. */
  readonly terms: readonly TermMatch[];
}

export class AnalysisCache {
  /** `glossary` gives the current glossary (built-in and user entries merged). */
  constructor(private readonly glossary: () => GlossaryIndex) {}

  private readonly entries = new Map<string, { version: number; analysis: DocumentAnalysis }>();
  /** Per document, what the last analysis can lend the next one (see core/memo.ts). */
  private readonly memos = new Map<string, AnalysisMemo>();

  get(document: TextDocument): DocumentAnalysis {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version) return cached.analysis;
    const memo = this.memos.get(document.uri) ?? new AnalysisMemo();
    this.memos.set(document.uri, memo);
    const note = analyse(document.getText(), memo);
    const glossary = this.glossary;
    let terms: readonly TermMatch[] | undefined;
    const analysis: DocumentAnalysis = {
      document, note,
      get terms() {
        terms ??= glossary().match(note.text);
        return terms;
      },
    };
    this.entries.set(document.uri, { version: document.version, analysis });
    return analysis;
  }

  /** After the glossary changed: every analysis is made again on its next use. */
  forgetAll(): void {
    this.entries.clear();
  }

  forget(uri: string): void {
    this.entries.delete(uri);
    this.memos.delete(uri);
  }
}
