/**
 * The configuration in force for a note, read once for the editor and the CLI: the defaults, then the
 * project file of its workspace folder (`.diplonote.json`), then the editor's settings, each level
 * replacing what the one before set (per check, per language tag).
 */
import { message, saying } from '../../core/messages';
import type { ChecksSettings } from '../../core/checks';
import { readText, READ_LIMITS } from '../files';
import type { TextEncoding } from '../../core/text/decode';
import { innermostFolder, joinSegments } from '../uris';
import type { Workspace } from '../workspace';
import { DEFAULT_SETTINGS, type ServerSettings } from './editorSettings';
import {
  EMPTY_PROJECT, PROJECT_FILE, readProjectFile, type AnnotationTag, type FileProblem, type LanguageTags, type ProjectSettings,
} from './projectFile';

export interface Configuration {
  readonly maxFileSize: number;
  /** Glossary files and globs besides the convention names, relative to the workspace folder. */
  readonly glossaryFiles: readonly string[];
  readonly checks: ChecksSettings;
  /** The language tags written into exports (TMX `xml:lang`). */
  readonly languageTags: LanguageTags;
  readonly annotationTags: readonly AnnotationTag[];
  /** Files and folders never searched (for glossaries, and notes), as globs relative to the folder. */
  readonly exclude: readonly string[];
}

/** Dot files and folders (`.git`, `.vscode`) and `node_modules` are never searched. */
export const DEFAULT_EXCLUDE: readonly string[] = ['**/.*', '**/node_modules'];
const DEFAULT_LANGUAGE_TAGS: LanguageTags = { en: 'en', zh: 'zh' };

export function mergeConfiguration(project: ProjectSettings, editor: ServerSettings): Configuration {
  return {
    maxFileSize: editor.maxFileSize,
    glossaryFiles: editor.glossaryFiles ?? project.glossaryFiles ?? [],
    checks: { ...project.checks, ...editor.checks },
    languageTags: { ...DEFAULT_LANGUAGE_TAGS, ...project.languageTags, ...editor.languageTags },
    annotationTags: project.annotationTags ?? [],
    exclude: [...DEFAULT_EXCLUDE, ...project.exclude, ...editor.exclude],
  };
}

interface HeldProjectFile {
  readonly uri: string;
  readonly settings: ProjectSettings;
  readonly problems: readonly FileProblem[];
}

/** The project file of each workspace folder, and the editor's settings over them. */
export class Configurations {
  private editor: ServerSettings = DEFAULT_SETTINGS;
  private projects = new Map<string, HeldProjectFile>();

  constructor(
    private readonly workspace: Workspace,
    private readonly decoded: (uri: string, encoding: TextEncoding) => void,
  ) {}

  static isProjectFile(uri: string): boolean {
    return uri.endsWith(`/${PROJECT_FILE}`);
  }

  setEditorSettings(settings: ServerSettings): void {
    this.editor = settings;
  }

  /** For a document, or for a workspace folder. */
  for(uri: string | undefined): Configuration {
    const folder = uri === undefined ? undefined : innermostFolder(uri, this.workspace.folders);
    const project = folder === undefined ? undefined : this.projects.get(folder);
    return mergeConfiguration(project?.settings ?? EMPTY_PROJECT, this.editor);
  }

  /** Problems per project file, including files that now have none (so that their diagnostics clear). */
  problemsByFile(previous: Iterable<string> = []): Map<string, readonly FileProblem[]> {
    const problems = new Map<string, readonly FileProblem[]>();
    for (const uri of previous) problems.set(uri, []);
    for (const held of this.projects.values()) problems.set(held.uri, held.problems);
    return problems;
  }

  /** Reads the project file of every workspace folder again. */
  async reload(): Promise<void> {
    const projects = new Map<string, HeldProjectFile>();
    await Promise.all(this.workspace.folders.map(async (folder) => {
      const uri = joinSegments(folder, [PROJECT_FILE]);
      const read = await readText(this.workspace, uri, READ_LIMITS.projectFile, folder);
      if (read.kind === 'refused') {
        if (!read.missing) projects.set(folder, { uri, settings: EMPTY_PROJECT, problems: [{ file: uri, line: 0, character: 0, ...saying(message('file.unreadable', { file: PROJECT_FILE, reason: read.message })), severity: 'error' }] });
        return;
      }
      this.decoded(uri, read.encoding);
      projects.set(folder, { uri, ...readProjectFile(read.text, uri) });
    }));
    this.projects = projects;
  }
}
