/**
 * The glossary in force: the built-in entries merged with the user's glossary files (from the setting
 * `diplonote.glossary.files` and the convention files anywhere in the workspace), user entries
 * winning. Files are read through the platform, so the browser build simply has no user glossaries.
 * A malformed file or entry becomes a problem at its line; the rest still loads.
 */
import { builtInGlossary } from './core/glossary/builtIn';
import {
  GlossaryIndex, isGlossaryFile, loadGlossaryText, mergeGlossaries, type GlossaryEntry, type GlossaryProblem,
} from './core/glossary';

export interface GlossaryFileSource {
  /** The glossary files of the workspace: the configured patterns and the convention names. */
  glossaryFiles(patterns: readonly string[]): string[];
  /** The text of a file, or a one-line reason it could not be read. */
  readText(uri: string): { text: string } | { error: string };
}

export class GlossaryStore {
  private userLists: GlossaryEntry[][] = [];
  /** Built when first needed, so that starting the server does not wait for it. */
  private built: GlossaryIndex | undefined;
  private problems = new Map<string, GlossaryProblem[]>();

  constructor(private readonly source: GlossaryFileSource | undefined) {}

  /** Built-in and user entries merged. */
  get index(): GlossaryIndex {
    this.built ??= GlossaryIndex.build(mergeGlossaries(builtInGlossary(), ...this.userLists));
    return this.built;
  }

  /** Problems per glossary file URI, including files that now have none (so their diagnostics clear). */
  get problemsByFile(): ReadonlyMap<string, readonly GlossaryProblem[]> {
    return this.problems;
  }

  /** Reads every glossary file again (the problems of files gone or mended become empty lists). */
  reload(patterns: readonly string[]): void {
    if (!this.source) return;
    const lists: GlossaryEntry[][] = [];
    const problems = new Map<string, GlossaryProblem[]>();
    for (const uri of this.problems.keys()) problems.set(uri, []);
    for (const uri of this.source.glossaryFiles(patterns)) {
      const read = this.source.readText(uri);
      if ('error' in read) {
        problems.set(uri, [{ file: uri, line: 0, character: 0, message: read.error, severity: 'error' }]);
        continue;
      }
      const loaded = loadGlossaryText(read.text, uri);
      lists.push(loaded.entries);
      problems.set(uri, loaded.problems);
    }
    this.problems = problems;
    this.userLists = lists;
    this.built = undefined;
  }

  static isGlossaryFile(uri: string): boolean {
    return isGlossaryFile(uri);
  }
}
