/**
 * The `.gitignore` files of a workspace folder, read through the workspace and applied with the
 * `ignore` package (the matcher ESLint and Prettier use): a note is left out of the index when git
 * would ignore it. Each folder's file is applied to paths relative to that folder, deeper files after
 * shallower ones (a deeper `!keep.note` brings back what a shallower pattern left out), and a folder
 * ignored at any depth leaves out everything below it, as git never looks inside it. Only the files
 * inside the workspace folder are read (not `.git/info/exclude`, nor a repository above the folder).
 */
import ignore, { type Ignore } from 'ignore';
import { readText } from './files';
import { fileName, joinSegments, relativePath } from './uris';
import type { Workspace } from './workspace';

export const IGNORE_FILE = '.gitignore';
const MAX_IGNORE_FILE_BYTES = 1024 * 1024;

/** What the ignore files say of a folder below a workspace folder, whatever file in it is asked about. */
interface FolderVerdict {
  /** The folder, or one on the way to it, is ignored: so is everything in it. */
  readonly ignored: boolean;
  /** The rules that apply to its files, shallowest first, each with the folder's path relative to the rules' own folder. */
  readonly levels: readonly { readonly rules: Ignore; readonly prefix: string }[];
}

export class IgnoreFiles {
  /** Rules per folder URI; null where the folder has no readable ignore file. */
  private readonly rules = new Map<string, Promise<Ignore | null>>();
  /** Per folder (the URI of the workspace folder, then the folder's), what the rules say of it. */
  private readonly folders = new Map<string, Promise<FolderVerdict>>();

  constructor(private readonly workspace: Workspace) {}

  static isIgnoreFile(uri: string): boolean {
    return uri.endsWith(`/${IGNORE_FILE}`);
  }

  /** An ignore file changed: every rule is read again when next needed. */
  forget(): void {
    this.rules.clear();
    this.folders.clear();
  }

  /**
   * Whether git would ignore `uri`, a file below the workspace folder `root`. What concerns the file's
   * folder is worked out once for all its files, keyed by the folder's URI as it is spelled: the index
   * asks this of every note it lists, and most folders have no rules for their files.
   */
  async ignores(root: string, uri: string): Promise<boolean> {
    const nameStart = uri.lastIndexOf('/') + 1;
    const folder = await this.folderVerdict(root, uri.slice(0, nameStart));
    if (folder === undefined) return false;
    if (folder.ignored || folder.levels.length === 0) return folder.ignored;
    const name = fileName(uri);
    let ignored = false;
    for (const { rules, prefix } of folder.levels) {
      const verdict = testPath(rules, prefix + name);
      if (verdict.ignored) ignored = true;
      else if (verdict.unignored) ignored = false;
    }
    return ignored;
  }

  /** `folderUri`: the URI of a folder, ending in `/`; undefined when it is not below `root`. */
  private folderVerdict(root: string, folderUri: string): Promise<FolderVerdict> | undefined {
    const key = `${root}\n${folderUri}`;
    let verdict = this.folders.get(key);
    if (!verdict) {
      const folder = relativePath(root, folderUri);
      if (folder === undefined) return undefined;
      this.folders.set(key, (verdict = this.readFolderVerdict(root, folder)));
    }
    return verdict;
  }

  private async readFolderVerdict(root: string, folder: string): Promise<FolderVerdict> {
    const segments = folder === '' ? [] : folder.slice(0, -1).split('/');
    const levels: { rules: Ignore; prefix: string }[] = [];
    for (let depth = 0; depth <= segments.length; depth++) {
      const rules = await this.rulesOf(joinSegments(root, segments.slice(0, depth)), root);
      if (!rules) continue;
      const below = segments.slice(depth);
      // The file's own name stands last: only the folders before it are tested as folders.
      if (folderIgnored(rules, [...below, ''])) return { ignored: true, levels: [] };
      levels.push({ rules, prefix: below.map((segment) => `${segment}/`).join('') });
    }
    return { ignored: false, levels };
  }

  private rulesOf(folder: string, root: string): Promise<Ignore | null> {
    let rules = this.rules.get(folder);
    if (!rules) {
      rules = this.read(joinSegments(folder, [IGNORE_FILE]), root);
      this.rules.set(folder, rules);
    }
    return rules;
  }

  /** Read only when its real path lies inside the workspace folder, as every file the service reads. */
  private async read(uri: string, root: string): Promise<Ignore | null> {
    const read = await readText(this.workspace, uri, MAX_IGNORE_FILE_BYTES, root);
    return read.kind === 'text' ? ignore().add(read.text) : null;
  }
}

/** Whether a folder on the way to the file (`a/` of `a/b/c.note`) is ignored by these rules. */
function folderIgnored(rules: Ignore, segments: readonly string[]): boolean {
  for (let length = 1; length < segments.length; length++) {
    if (testPath(rules, `${segments.slice(0, length).join('/')}/`).ignored) return true;
  }
  return false;
}

/** The `ignore` package refuses paths it deems invalid (it throws); such a path is not ignored. */
function testPath(rules: Ignore, path: string): { ignored: boolean; unignored: boolean } {
  try {
    return rules.test(path);
  } catch {
    return { ignored: false, unignored: false };
  }
}
