/**
 * Workspace symbols (Ctrl+T): every note by its own reference, its title, its sender, its date and the
 * communications it cites, matched fuzzily with `fuzzysort` (subsequence matching ranked like Sublime
 * Text's, with word starts and runs scored). Matching is lenient on purpose: VS Code filters and ranks
 * the answer again with its own scorer, other editors show it in our order, best first.
 */
import fuzzysort, { type Prepared } from 'fuzzysort';
import type { LineRange } from '../noteSummary';
import type { IndexedNote } from '../workspaceIndex';
import { fileName } from '../uris';

export type SymbolField = 'reference' | 'citation' | 'title' | 'sender' | 'date';

export interface WorkspaceSymbolData {
  /** What matched: the reference, title, sender, date or cited communication, as written. */
  readonly name: string;
  readonly field: SymbolField;
  /** Says which note: its reference, date and file name. */
  readonly container: string;
  readonly uri: string;
  readonly range: LineRange;
}

interface Candidate {
  readonly target: Prepared;
  readonly symbol: WorkspaceSymbolData;
}

/** One string to match and every symbol that has it (many notes share a sender, a date, a cited communication). */
interface Name {
  readonly target: Prepared;
  readonly symbols: WorkspaceSymbolData[];
}

/** More are not useful in a list to pick from, and cost time to send. */
export const MAX_WORKSPACE_SYMBOLS = 500;
const EMPTY_QUERY_SYMBOLS = 100;

/** The candidates of each note, prepared once per summary (a note changed gets a new summary). */
const preparedCandidates = new WeakMap<IndexedNote, readonly Candidate[]>();

function candidatesOf(note: IndexedNote): readonly Candidate[] {
  let candidates = preparedCandidates.get(note);
  if (!candidates) {
    candidates = symbolsOf(note).map((symbol) => ({ target: fuzzysort.prepare(symbol.name), symbol }));
    preparedCandidates.set(note, candidates);
  }
  return candidates;
}

/** Where the note's own reference is, or its first line: where a field without a place points. */
function headOf(note: IndexedNote): LineRange {
  return note.ownReference?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

function symbolsOf(note: IndexedNote): WorkspaceSymbolData[] {
  const container = [note.ownReference?.text, note.date, fileName(note.uri)].filter(Boolean).join(' · ');
  const at = (name: string | undefined, field: SymbolField, range = headOf(note)): WorkspaceSymbolData[] =>
    name ? [{ name, field, container, uri: note.uri, range }] : [];
  const cited = new Map<string, WorkspaceSymbolData>();
  for (const mention of note.mentions) {
    if (mention.via === 'citation' && !cited.has(mention.key)) cited.set(mention.key, { name: mention.key, field: 'citation', container, uri: note.uri, range: mention.range });
  }
  return [
    ...at(note.ownReference?.text, 'reference'), ...at(note.title, 'title'), ...at(note.sender, 'sender'), ...at(note.date, 'date'),
    ...cited.values(),
  ];
}

/** What the search reads of the index: its notes, and a number that changes whenever they do. */
export interface SymbolSource {
  readonly generation: number;
  all(): Iterable<IndexedNote>;
}

/**
 * Ctrl+T over the index: the candidates of every note gathered once per state of the index (ten
 * thousand notes give some fifty thousand) and grouped by name, so that a query matches each distinct
 * string once (a sender or a date shared by thousands of notes, too).
 */
export class WorkspaceSymbolSearch {
  private names: readonly Name[] = [];
  private references: readonly WorkspaceSymbolData[] = [];
  private generation: number | undefined;

  /** The symbols matching `query`, best first; for an empty query, the notes' references. */
  find(source: SymbolSource, query: string): WorkspaceSymbolData[] {
    this.gather(source);
    const trimmed = query.trim();
    if (trimmed === '') return this.references.slice(0, EMPTY_QUERY_SYMBOLS);
    const symbols: WorkspaceSymbolData[] = [];
    for (const result of fuzzysort.go(trimmed, this.names, { key: 'target', limit: MAX_WORKSPACE_SYMBOLS, threshold: 0 })) {
      for (const symbol of result.obj.symbols) {
        if (symbols.length === MAX_WORKSPACE_SYMBOLS) return symbols;
        symbols.push(symbol);
      }
    }
    return symbols;
  }

  private gather(source: SymbolSource): void {
    if (source.generation === this.generation) return;
    const byName = new Map<string, Name>();
    const references: WorkspaceSymbolData[] = [];
    for (const note of source.all()) {
      for (const { target, symbol } of candidatesOf(note)) {
        const name = byName.get(symbol.name);
        if (name) name.symbols.push(symbol);
        else byName.set(symbol.name, { target, symbols: [symbol] });
        if (symbol.field === 'reference') references.push(symbol);
      }
    }
    this.names = [...byName.values()];
    this.references = references;
    this.generation = source.generation;
  }
}
