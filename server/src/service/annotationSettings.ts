/**
 * What the annotations read from the settings and the workspace: the author's name
 * (`diplonote.annotations.author`), the Annotations group of the outline
 * (`diplonote.annotations.outlineGroup`), and the tag taxonomy: the setting `diplonote.annotations.tags`
 * when set, else the workspace folder's `.diplonote/tags.json`, else the `annotations.tags` of its
 * `.diplonote.json`, else the default set (core/annotations/tags.ts).
 */
import { message, saying, type Message } from '../core/messages';
import { parseTagFile, tagsFromSetting, type TagDefinition, type TaxonomyReading } from '../core/annotations/tags';
import type { TextEncoding } from '../core/text/decode';
import type { FileProblem } from './config/projectFile';
import { readText } from './files';
import { innermostFolder, joinSegments } from './uris';
import type { Workspace } from './workspace';

export interface AnnotationSettings {
  readonly author?: string;
  readonly outlineGroup: boolean;
  /** The setting's taxonomy, when set. */
  readonly tags?: TaxonomyReading;
}

export const TAG_FILE = '.diplonote/tags.json';
const MAX_TAG_FILE_BYTES = 1024 * 1024;

/** The `annotations` object of the `diplonote` section; what was wrong with it, in words. */
export function readAnnotationSettings(section: unknown): { settings: AnnotationSettings; problems: Message[] } {
  const problems: Message[] = [];
  const values = section !== null && typeof section === 'object' && !Array.isArray(section) ? (section as Record<string, unknown>) : {};
  const { author, outlineGroup, tags } = values;
  const named = typeof author === 'string' && author.trim() !== '' ? author.trim().slice(0, 200) : undefined;
  if (author !== undefined && author !== null && author !== '' && named === undefined) problems.push(message('settings.annotations-author', { value: JSON.stringify(author) ?? String(author) }));
  if (outlineGroup !== undefined && typeof outlineGroup !== 'boolean') problems.push(message('settings.annotations-outline-group', { value: JSON.stringify(outlineGroup) ?? String(outlineGroup) }));
  const taxonomy = tags === undefined || tags === null ? undefined : tagsFromSetting(tags);
  for (const problem of taxonomy?.problems ?? []) problems.push(problem.said);
  return { settings: { ...(named ? { author: named } : {}), outlineGroup: outlineGroup === true, ...(taxonomy ? { tags: taxonomy } : {}) }, problems };
}

/** The taxonomy in force per workspace folder, `.diplonote/tags.json` read once until it changes. */
export class TagTaxonomies {
  private readonly files = new Map<string, Promise<TaxonomyReading | undefined>>();
  private readonly problemsByFile = new Map<string, readonly FileProblem[]>();

  constructor(
    private readonly workspace: Workspace,
    private readonly decoded: (uri: string, encoding: TextEncoding) => void,
  ) {}

  static isTagFile(uri: string): boolean {
    return uri.endsWith(`/${TAG_FILE}`);
  }

  /** The tags for a note: the setting's, the folder's file, the project file's, or the defaults. */
  async for(uri: string, setting: TaxonomyReading | undefined, projectTags: readonly unknown[]): Promise<readonly TagDefinition[]> {
    if (setting) return setting.tags;
    const folder = innermostFolder(uri, this.workspace.folders);
    const file = folder ? await this.file(folder) : undefined;
    if (file) return file.tags;
    return tagsFromSetting(projectTags.length > 0 ? projectTags : undefined, '.diplonote.json annotations.tags').tags;
  }

  /** A tag file changed: read again when next asked for. */
  forget(uri: string): void {
    for (const folder of this.files.keys()) if (joinSegments(folder, TAG_FILE.split('/')) === uri) this.files.delete(folder);
  }

  /** The problems of each tag file read, by URI (an empty list for a file that has none). */
  problems(): ReadonlyMap<string, readonly FileProblem[]> {
    return this.problemsByFile;
  }

  private file(folder: string): Promise<TaxonomyReading | undefined> {
    let reading = this.files.get(folder);
    if (!reading) {
      const uri = joinSegments(folder, TAG_FILE.split('/'));
      reading = readText(this.workspace, uri, MAX_TAG_FILE_BYTES, folder).then((read) => {
        if (read.kind === 'refused') {
          this.problemsByFile.set(uri, read.missing ? [] : [{ file: uri, line: 0, character: 0, ...saying(message('file.not-read', { reason: read.message })), severity: 'warning' }]);
          return undefined;
        }
        if (read.encoding !== 'utf-8') this.decoded(uri, read.encoding);
        const taxonomy = parseTagFile(read.text, uri);
        this.problemsByFile.set(uri, taxonomy.problems);
        return taxonomy;
      });
      this.files.set(folder, reading);
    }
    return reading;
  }
}
