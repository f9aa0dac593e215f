/**
 * The index kept between sessions (service/indexCache.ts) as one file in the folder the client keeps
 * for this workspace (VS Code: the extension's workspace storage), never beside the notes. Written
 * whole to a temporary file, then renamed over the old one: a reader finds the old index or the new.
 */
import { statSync } from 'node:fs';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { IndexStore } from '../service';

const INDEX_FILE = 'diplonote-index.json';

export class FileIndexStore implements IndexStore {
  readonly stamp: string;
  private readonly file: string;

  /** `version`: the server's; with the running script's size and time, so that any other build writes its own. */
  constructor(private readonly folder: string, version: string, script = __filename) {
    this.file = path.join(folder, INDEX_FILE);
    this.stamp = `${version}:${scriptIdentity(script)}`;
  }

  async load(): Promise<string | undefined> {
    try {
      return await readFile(this.file, 'utf8');
    } catch {
      return undefined;
    }
  }

  async save(text: string): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      await writeFile(temporary, text);
      await rename(temporary, this.file);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
  }
}

function scriptIdentity(script: string): string {
  try {
    const { size, mtimeMs } = statSync(script);
    return `${size}:${mtimeMs}`;
  } catch {
    return 'unknown';
  }
}
