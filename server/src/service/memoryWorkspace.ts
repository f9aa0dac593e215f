/**
 * A Workspace held in memory, for in-process tests of the service: files (text or bytes), symbolic
 * links, and the documents an editor would have open. Writing or deleting a file tells the listeners,
 * as a file watcher would.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { excludedOnTheWay, globMatcher } from './globs';
import { isInside, relativePath } from './uris';
import type { Disposable, FileChange, FileQuery, FileRead, FileStat, FileWrite, OpenDocuments, ReadLimits, Workspace } from './workspace';

interface StoredFile {
  readonly bytes: Uint8Array;
  readonly version: number;
}

export class MemoryWorkspace implements Workspace {
  folders: readonly string[];
  private readonly files = new Map<string, StoredFile>();
  private readonly links = new Map<string, string>();
  private readonly open = new Map<string, TextDocument>();
  private readonly listeners = new Set<(changes: readonly FileChange[]) => void>();
  private readonly readOnlyUris = new Set<string>();
  private clock = 0;

  readonly documents: OpenDocuments = { get: (uri) => this.open.get(uri), all: () => [...this.open.values()] };

  constructor(folders: readonly string[] = []) {
    this.folders = folders;
  }

  writeFile(uri: string, content: string | Uint8Array): void {
    const existed = this.files.has(uri);
    this.files.set(uri, { bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content, version: ++this.clock });
    this.fire({ uri, kind: existed ? 'changed' : 'created' });
  }

  /** The port's write: the same as `writeFile`, refused for a URI made read-only by `readOnly`. */
  async replaceFile(uri: string, bytes: Uint8Array): Promise<FileWrite> {
    if (this.readOnlyUris.has(uri)) return { kind: 'refused', reason: 'read-only' };
    this.writeFile(uri, bytes);
    return { kind: 'written', version: this.clock };
  }

  /** Writes to `uri` through the port are refused from now on (a read-only file system). */
  readOnly(uri: string): void {
    this.readOnlyUris.add(uri);
  }

  deleteFile(uri: string): void {
    if (this.files.delete(uri)) this.fire({ uri, kind: 'deleted' });
  }

  /** `uri` becomes a symbolic link to `target`. */
  link(uri: string, target: string): void {
    this.links.set(uri, target);
  }

  openDocument(uri: string, text: string, version = 1): TextDocument {
    const document = TextDocument.create(uri, 'diplomatic-note', version, text);
    this.open.set(uri, document);
    return document;
  }

  closeDocument(uri: string): void {
    this.open.delete(uri);
  }

  private resolve(uri: string): string {
    for (let hops = 0; hops < 40; hops++) {
      const target = this.links.get(uri);
      if (target === undefined) return uri;
      uri = target;
    }
    return uri;
  }

  async stat(uri: string): Promise<FileStat | undefined> {
    const file = this.files.get(this.resolve(uri));
    return file ? { type: 'file', size: file.bytes.length, version: file.version } : undefined;
  }

  async readFile(uri: string, limits: ReadLimits): Promise<FileRead> {
    const file = this.files.get(this.resolve(uri));
    if (!file) return { kind: 'missing' };
    if (limits.mayBeText && !limits.mayBeText(file.bytes.subarray(0, 65536))) return { kind: 'binary' };
    if (file.bytes.length > limits.maxBytes) return { kind: 'too-large' };
    return { kind: 'read', bytes: file.bytes, version: file.version };
  }

  async realUri(uri: string): Promise<string | undefined> {
    const real = this.resolve(uri);
    const exists = this.files.has(real) || [...this.folders, ...this.files.keys()].some((held) => isInside(held, real));
    return exists ? real : undefined;
  }

  async findFiles(folder: string, query: FileQuery, onFound?: (batch: readonly string[]) => void): Promise<string[]> {
    const wanted = globMatcher(query.include);
    const excluded = globMatcher(query.exclude);
    const found: string[] = [];
    for (const uri of [...this.files.keys(), ...this.links.keys()].sort()) {
      const relative = relativePath(folder, uri);
      if (relative === undefined || !wanted(relative) || excludedOnTheWay(relative, excluded)) continue;
      if (found.length >= query.maxResults) break;
      found.push(uri);
    }
    onFound?.(found);
    return found;
  }

  onDidChangeFiles(listener: (changes: readonly FileChange[]) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private fire(change: FileChange): void {
    for (const listener of this.listeners) listener([change]);
  }
}
