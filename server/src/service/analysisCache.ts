/**
 * One analysis per document version, shared by every feature. The edits the editor sends are passed
 * on to the document's IncrementalAnalyser as they arrive, so that the next analysis can apply them
 * to the previous model (core/incremental.ts) and repair the previous outline instead of making both
 * again, and the previous glossary terms by matching only around the edit. Entries are dropped when
 * a document closes.
 */
import type { TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { IncrementalAnalyser, type LocalEdit } from '../core/incremental';
import type { Note } from '../core/model';
import { outlineOf, repairOutline, type OutlineItem } from '../core/outline';
import type { GlossaryIndex, TermMatch } from '../core/glossary';
import { termsAfterEdit } from '../core/glossary/rematch';

export interface DocumentAnalysis {
  readonly document: TextDocument;
  readonly note: Note;
  /**
   * Changes whenever the note was analysed afresh; stays the same while local edits (text typed
   * inside a paragraph line) keep its blocks, so what pairs blocks can be reused (see counterparts.ts).
   */
  readonly shape: number;
  /** The outline of the note; made on first use. */
  readonly outline: readonly OutlineItem[];
  /** Glossary terms found in the text, in order; matched on first use. */
  readonly terms: readonly TermMatch[];
}

interface DocumentState {
  readonly analyser: IncrementalAnalyser;
  shape: number;
  analysed?: { version: number; glossaryGeneration: number; analysis: DocumentAnalysis };
  /** The last outline made, and the note it is the outline of. */
  outline?: { note: Note; items: readonly OutlineItem[] };
  /** The last terms matched, in which note, with which glossary. */
  terms?: { note: Note; glossaryGeneration: number; matches: readonly TermMatch[] };
}

export class AnalysisCache {
  /** `glossary` gives the current glossary (built-in and user entries merged). */
  constructor(private readonly glossary: () => GlossaryIndex) {}

  private readonly states = new Map<string, DocumentState>();
  private glossaryGeneration = 0;

  /** Called with the changes of one didChange, before they are applied to `document`. */
  changing(document: TextDocument, changes: readonly TextDocumentContentChangeEvent[]): void {
    const { analyser } = this.state(document.uri);
    const [change] = changes;
    if (changes.length !== 1 || !('range' in change)) {
      analyser.replaced();
      return;
    }
    const start = document.offsetAt(change.range.start);
    const end = document.offsetAt(change.range.end);
    analyser.edited(Math.min(start, end), Math.max(start, end), change.text.length, document.getText().length);
  }

  get(document: TextDocument): DocumentAnalysis {
    const state = this.state(document.uri);
    const analysed = state.analysed;
    if (analysed?.version === document.version) {
      return analysed.glossaryGeneration === this.glossaryGeneration ? analysed.analysis : this.keep(state, document, analysed.analysis.note);
    }
    const previousNote = analysed?.analysis.note;
    const { note, edit } = state.analyser.update(document.getText());
    if (edit && previousNote) this.repair(state, previousNote, note, edit);
    else state.shape++;
    return this.keep(state, document, note);
  }

  /** After the glossary changed: the terms of every document are matched again on their next use. */
  forgetAll(): void {
    this.glossaryGeneration++;
  }

  forget(uri: string): void {
    this.states.delete(uri);
  }

  /** How many documents an analysis is held for (for tests of memory). */
  get size(): number {
    return this.states.size;
  }

  /** A local edit repairs the previous outline and terms, if they were made: never make them just to repair them. */
  private repair(state: DocumentState, previousNote: Note, note: Note, edit: LocalEdit): void {
    const { outline, terms } = state;
    if (outline && outline.note === previousNote) state.outline = { note, items: repairOutline(outline.items, note, edit) };
    if (terms && terms.note === previousNote && terms.glossaryGeneration === this.glossaryGeneration) {
      const matches = termsAfterEdit(this.glossary(), terms.matches, note, edit) ?? this.glossary().match(note.text);
      state.terms = { note, glossaryGeneration: this.glossaryGeneration, matches };
    }
  }

  private state(uri: string): DocumentState {
    let state = this.states.get(uri);
    if (!state) this.states.set(uri, (state = { analyser: new IncrementalAnalyser(), shape: 0 }));
    return state;
  }

  private keep(state: DocumentState, document: TextDocument, note: Note): DocumentAnalysis {
    const glossary = this.glossary;
    const glossaryGeneration = this.glossaryGeneration;
    const analysis: DocumentAnalysis = {
      document, note, shape: state.shape,
      get outline() {
        if (state.outline?.note !== note) state.outline = { note, items: outlineOf(note) };
        return state.outline.items;
      },
      get terms() {
        if (state.terms?.note !== note || state.terms.glossaryGeneration !== glossaryGeneration) {
          state.terms = { note, glossaryGeneration, matches: glossary().match(note.text) };
        }
        return state.terms.matches;
      },
    };
    state.analysed = { version: document.version, glossaryGeneration: this.glossaryGeneration, analysis };
    return analysis;
  }
}
