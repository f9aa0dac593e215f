/**
 * The glossary in force: the built-in entries merged with the user's glossary files, user entries
 * winning. The files are found once here, for the editor and the CLI alike: the convention names
 * (`*.glossary.json`, `*.glossary.csv`, `*.glossary.tsv`, `*.tbx`) anywhere in a workspace folder outside
 * the excluded folders, and the files and globs of the configuration (`glossary.files`). Each is read
 * through the path policy (inside its folder, links included), bounded, in any encoding `decode.ts`
 * knows. A malformed file or entry becomes a problem at its line; the rest still loads.
 */
import { message, saying } from '../core/messages';
import picomatch from 'picomatch/posix';
import { builtInGlossary } from '../core/glossary/builtIn';
import {
  GlossaryIndex, isGlossaryFile, loadGlossaryText, mergeGlossaries, parseCsvGlossary, parseJsonGlossary, parseTbxGlossary, parseTsvGlossary,
  type GlossaryEntry, type LoadResult,
} from '../core/glossary';
import type { TextEncoding } from '../core/text/decode';
import type { Configuration } from './config/configuration';
import type { FileProblem } from './config/projectFile';
import { readText, READ_LIMITS } from './files';
import { joinSegments } from './uris';
import type { Workspace } from './workspace';

const CONVENTION_PATTERNS = ['**/*.glossary.json', '**/*.glossary.csv', '**/*.glossary.tsv', '**/*.tbx'];
/** A configured glob still skips these, which hold nobody's glossary and can be vast. */
const NEVER_SEARCHED = ['**/node_modules', '**/.git'];
/** At most this many glossary files are loaded, all folders together. */
export const MAX_GLOSSARY_FILES = 200;

/** A file the configuration names may be called anything (`terms.csv`): its extension tells its format. */
const BY_EXTENSION: ReadonlyArray<readonly [string, (text: string, file: string) => LoadResult]> = [
  ['.json', parseJsonGlossary], ['.csv', parseCsvGlossary], ['.tsv', parseTsvGlossary], ['.tbx', parseTbxGlossary],
];

function loadGlossary(text: string, uri: string): LoadResult {
  const parse = isGlossaryFile(uri) ? undefined : BY_EXTENSION.find(([extension]) => uri.toLowerCase().endsWith(extension))?.[1];
  return parse ? parse(text, uri) : loadGlossaryText(text, uri);
}

export class Glossaries {
  private userLists: GlossaryEntry[][] = [];
  /** Built when first needed, so that starting does not wait for it. */
  private built: GlossaryIndex | undefined;
  private problems = new Map<string, readonly FileProblem[]>();

  constructor(
    private readonly workspace: Workspace,
    private readonly decoded: (uri: string, encoding: TextEncoding) => void,
  ) {}

  static isGlossaryFile(uri: string): boolean {
    return isGlossaryFile(uri);
  }

  /** Built-in and user entries merged. */
  get index(): GlossaryIndex {
    this.built ??= GlossaryIndex.build(mergeGlossaries(builtInGlossary(), ...this.userLists));
    return this.built;
  }

  /** Problems per glossary file URI, including files that now have none (so their diagnostics clear). */
  get problemsByFile(): ReadonlyMap<string, readonly FileProblem[]> {
    return this.problems;
  }

  /** Finds and reads every glossary file again, each folder with its own configuration. */
  async reload(configurationOf: (folder: string) => Configuration): Promise<void> {
    const found = await this.find(configurationOf);
    const lists: GlossaryEntry[][] = [];
    const problems = new Map<string, readonly FileProblem[]>();
    for (const uri of this.problems.keys()) problems.set(uri, []);
    for (const { uri, folder } of found) {
      const read = await readText(this.workspace, uri, READ_LIMITS.glossary, folder);
      if (read.kind === 'refused') {
        problems.set(uri, [{ file: uri, line: 0, character: 0, ...saying(message('glossary.unreadable', { reason: read.message })), severity: 'error' }]);
        continue;
      }
      this.decoded(uri, read.encoding);
      const loaded = loadGlossary(read.text, uri);
      lists.push(loaded.entries);
      problems.set(uri, loaded.problems);
    }
    this.problems = problems;
    this.userLists = lists;
    this.built = undefined;
  }

  /** The glossary files of every folder, each once, in a stable order. */
  private async find(configurationOf: (folder: string) => Configuration): Promise<Array<{ uri: string; folder: string }>> {
    const found = new Map<string, string>();
    for (const folder of this.workspace.folders) {
      const configuration = configurationOf(folder);
      const convention = await this.workspace.findFiles(folder, { include: CONVENTION_PATTERNS, exclude: configuration.exclude, maxResults: MAX_GLOSSARY_FILES });
      for (const uri of [...convention, ...await this.configured(folder, configuration.glossaryFiles)]) if (!found.has(uri)) found.set(uri, folder);
    }
    return [...found].slice(0, MAX_GLOSSARY_FILES).map(([uri, folder]) => ({ uri, folder }));
  }

  /** The files a configuration names: a plain path is taken as it is, a glob is searched for. */
  private async configured(folder: string, patterns: readonly string[]): Promise<string[]> {
    const files: string[] = [];
    for (const pattern of patterns) {
      if (picomatch.scan(pattern).isGlob) {
        files.push(...await this.workspace.findFiles(folder, { include: [pattern], exclude: NEVER_SEARCHED, maxResults: MAX_GLOSSARY_FILES }));
      } else {
        const uri = joinSegments(folder, pattern.split('/'));
        if ((await this.workspace.stat(uri))?.type === 'file') files.push(uri);
      }
    }
    return files;
  }
}
