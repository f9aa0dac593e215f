/**
 * The Workspace port over the disk, for the Node server and the CLI. Reads are bounded whatever `stat`
 * says (`/proc` files report a size of 0 and never end), only regular files are opened (a pipe would
 * block), and the first block of a file that is not text ends the read. File changes come from the
 * editor's watcher, passed in by the server (`notifyChanged`); the CLI has none.
 */
import { close, closeSync, constants, fstat, fstatSync, open, openSync, read, readSync, realpathSync, type Dirent, type Stats } from 'node:fs';
import { readdir, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { globMatcher, type GlobMatcher } from '../service/globs';
import {
  NO_OPEN_DOCUMENTS, type Disposable, type FileChange, type FileQuery, type FileRead, type FileStat, type OpenDocuments,
  type FileWrite, type ReadLimits, type Workspace,
} from '../service/workspace';

const BLOCK_BYTES = 64 * 1024;
/** Folders deeper than this below a workspace folder are not searched. */
const MAX_DEPTH = 16;

/** The file system path of a `file:` URI; undefined for any other URI. */
function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function errorKind(error: unknown): FileRead {
  const code = errorCode(error);
  if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
  if (code === 'EISDIR') return { kind: 'folder' };
  if (code === 'EACCES' || code === 'EPERM') return { kind: 'forbidden' };
  return { kind: 'unreadable', detail: errorText(error) };
}

function refusedWrite(error: unknown): FileWrite {
  const code = errorCode(error);
  if (code === 'EACCES' || code === 'EPERM') return { kind: 'refused', reason: 'forbidden' };
  if (code === 'EROFS') return { kind: 'refused', reason: 'read-only' };
  if (code === 'EISDIR') return { kind: 'refused', reason: 'not-a-file' };
  return { kind: 'refused', reason: 'failed', detail: errorText(error) };
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export interface NodeWorkspaceOptions {
  /**
   * Reads (and real paths) on the calling thread, blocking it: for a worker thread that does nothing
   * else (the index's), where handing each operation to Node's thread pool and back costs more than it.
   */
  readonly blockingReads?: boolean;
}

export class NodeWorkspace implements Workspace {
  folders: readonly string[] = [];
  private readonly listeners = new Set<(changes: readonly FileChange[]) => void>();
  private readonly reads: ReadOperations;

  constructor(readonly documents: OpenDocuments = NO_OPEN_DOCUMENTS, folders: readonly string[] = [], options: NodeWorkspaceOptions = {}) {
    this.folders = folders;
    this.reads = options.blockingReads ? BLOCKING_READS : THREAD_POOL_READS;
  }

  setFolders(folders: readonly string[]): void {
    this.folders = folders;
  }

  async stat(uri: string): Promise<FileStat | undefined> {
    const file = filePath(uri);
    if (!file) return undefined;
    try {
      const info = await stat(file);
      return { type: info.isFile() ? 'file' : info.isDirectory() ? 'directory' : 'other', size: info.size, version: info.mtimeMs };
    } catch {
      return undefined;
    }
  }

  async readFile(uri: string, limits: ReadLimits): Promise<FileRead> {
    const file = filePath(uri);
    if (!file) return { kind: 'missing' };
    try {
      return await readBounded(this.reads, file, limits);
    } catch (error) {
      return errorKind(error);
    }
  }

  /**
   * Atomic: the bytes go to a temporary file in the same folder (so on the same file system), which
   * is then renamed over the file; a reader sees the old file or the new one, and a failure leaves
   * the old one as it was. A link is replaced by the file, not followed: a sidecar lies beside its note.
   */
  async replaceFile(uri: string, bytes: Uint8Array): Promise<FileWrite> {
    const file = filePath(uri);
    if (!file) return { kind: 'refused', reason: 'not-local' };
    const existing = await stat(file).catch(() => undefined);
    if (existing && !existing.isFile()) return { kind: 'refused', reason: 'not-a-file' };
    const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
    try {
      await writeFile(temporary, bytes, { flag: 'wx', ...(existing ? { mode: existing.mode & 0o777 } : {}) });
      await rename(temporary, file);
      return { kind: 'written', version: (await stat(file)).mtimeMs };
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      return refusedWrite(error);
    }
  }

  async realUri(uri: string): Promise<string | undefined> {
    const file = filePath(uri);
    if (!file) return undefined;
    try {
      return pathToFileURL(await this.reads.realpath(file)).toString();
    } catch {
      return undefined;
    }
  }

  async findFiles(folder: string, query: FileQuery, onFound?: (batch: readonly string[]) => void): Promise<string[]> {
    const root = filePath(folder);
    if (!root || query.include.length === 0) return [];
    const walk: Walk = {
      root, rootUri: withTrailingSlash(pathToFileURL(root).toString()), wanted: globMatcher(query.include), excluded: globMatcher(query.exclude),
      found: [], max: query.maxResults, onFound,
    };
    await walkFolder(walk, '', 0);
    return walk.found;
  }

  onDidChangeFiles(listener: (changes: readonly FileChange[]) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** The editor's watcher saw these changes. */
  notifyChanged(changes: readonly FileChange[]): void {
    for (const listener of this.listeners) listener(changes);
  }
}

/** The file operations of a read, either way: awaited, a blocking one's value is as good as a promise. */
interface ReadOperations {
  open(file: string, flags: number): Promise<number> | number;
  fstat(descriptor: number): Promise<Stats> | Stats;
  read(descriptor: number, buffer: Buffer, offset: number, length: number, position: null): Promise<{ bytesRead: number }> | { bytesRead: number };
  close(descriptor: number): Promise<void> | void;
  realpath(file: string): Promise<string> | string;
}

// The callback API, promisified: the index reads thousands of files, and `FileHandle` costs several
// times more per file on the main thread.
const THREAD_POOL_READS: ReadOperations = { open: promisify(open), fstat: promisify(fstat), read: promisify(read), close: promisify(close), realpath };

const BLOCKING_READS: ReadOperations = {
  open: openSync,
  fstat: fstatSync,
  read: (descriptor, buffer, offset, length, position) => ({ bytesRead: readSync(descriptor, buffer, offset, length, position) }),
  close: closeSync,
  realpath: realpathSync.native,
};

/**
 * Reads up to the limit; never trusts the size on record beyond one read: a regular file is read in one
 * read of its size and a byte more (a short read of a regular file is its end), anything else block by
 * block until a read gives nothing (`/proc` files report a size of 0).
 */
async function readBounded(operations: ReadOperations, file: string, limits: ReadLimits): Promise<FileRead> {
  // O_NONBLOCK: a pipe or device must not wait for a writer; it is refused once its kind is known.
  const descriptor = await operations.open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const opened = await operations.fstat(descriptor);
    if (opened.isDirectory()) return { kind: 'folder' };
    if (!opened.isFile()) return { kind: 'not-a-file' };
    const blocks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const wanted = total === 0 && opened.size > 0 ? Math.min(opened.size, limits.maxBytes) + 1 : BLOCK_BYTES;
      const block = Buffer.allocUnsafe(wanted);
      const { bytesRead } = await operations.read(descriptor, block, 0, wanted, null);
      if (bytesRead === 0) break;
      if (total === 0 && limits.mayBeText && !limits.mayBeText(block.subarray(0, bytesRead))) return { kind: 'binary' };
      total += bytesRead;
      if (total > limits.maxBytes) return { kind: 'too-large' };
      blocks.push(block.subarray(0, bytesRead));
      if (opened.size > 0 && bytesRead < wanted) break;
    }
    return { kind: 'read', bytes: Buffer.concat(blocks, total), version: opened.mtimeMs };
  } finally {
    await operations.close(descriptor);
  }
}

/**
 * A relative path that a file URI spells as it is, after the folder's URI: most are, and joining them
 * costs far less than converting the whole path again (ten thousand notes are listed at once).
 */
const NOTHING_TO_ENCODE = /^[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*$/;

function withTrailingSlash(uri: string): string {
  return uri.endsWith('/') ? uri : `${uri}/`;
}

interface Walk {
  readonly root: string;
  readonly rootUri: string;
  readonly wanted: GlobMatcher;
  readonly excluded: GlobMatcher;
  /** URIs, in the order of the walk: each folder's entries by name, a subfolder's files where it stands. */
  readonly found: string[];
  readonly max: number;
  readonly onFound?: (batch: readonly string[]) => void;
}

/**
 * Lists a folder and the folders below it. Each folder's own files are told to `onFound` together once
 * its entries are walked: a note and its sidecar, which lie in the same folder, are told together.
 */
async function walkFolder(walk: Walk, relative: string, depth: number): Promise<void> {
  if (depth > MAX_DEPTH || walk.found.length >= walk.max) return;
  let entries: Dirent[];
  try {
    entries = await readdir(path.join(walk.root, relative), { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const own: string[] = [];
  for (const entry of entries) {
    if (walk.found.length >= walk.max) break;
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    if (walk.excluded(child)) continue;
    // Linked folders are not entered (no loops); a linked file is listed, and checked where it leads when read.
    if (entry.isDirectory()) await walkFolder(walk, child, depth + 1);
    else if ((entry.isFile() || entry.isSymbolicLink()) && walk.wanted(child)) {
      const uri = fileUri(walk, child);
      walk.found.push(uri);
      own.push(uri);
    }
  }
  if (own.length > 0) walk.onFound?.(own);
}

function fileUri(walk: Walk, relative: string): string {
  return NOTHING_TO_ENCODE.test(relative) ? walk.rootUri + relative : pathToFileURL(path.join(walk.root, relative)).toString();
}
