/**
 * The Workspace port in a browser (VS Code for the Web): the server has no file system, so it asks the
 * client, which answers with `vscode.workspace.fs` (`client/src/webFileSystem.ts`; the requests are
 * in protocol.ts). A client that does not answer (another editor) leaves the server with open
 * documents only. Symbolic links cannot be followed from here, so a link is never read.
 */
import type { Connection, RequestType } from 'vscode-languageserver';
import { FS_FIND_FILES_REQUEST, FS_READ_FILE_REQUEST, FS_STAT_REQUEST, FS_WRITE_FILE_REQUEST } from '../protocol';
import type { EditorWorkspace } from '../languageServer';
import type { Disposable, FileChange, FileQuery, FileRead, FileStat, FileWrite, OpenDocuments, ReadLimits } from '../service/workspace';

function base64Of(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

function bytesOf(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export class WebWorkspace implements EditorWorkspace {
  folders: readonly string[] = [];
  private readonly listeners = new Set<(changes: readonly FileChange[]) => void>();

  constructor(readonly documents: OpenDocuments, private readonly connection: Connection) {}

  setFolders(folders: readonly string[]): void {
    this.folders = folders;
  }

  /** The client's answer, or undefined when it has none (an editor without these requests). */
  private async ask<P, R>(type: RequestType<P, R, void>, params: P): Promise<R | undefined> {
    try {
      return await this.connection.sendRequest(type, params);
    } catch {
      return undefined;
    }
  }

  async stat(uri: string): Promise<FileStat | undefined> {
    const answer = await this.ask(FS_STAT_REQUEST, { uri });
    return answer ? { type: answer.type, size: answer.size, version: answer.version } : undefined;
  }

  async readFile(uri: string, limits: ReadLimits): Promise<FileRead> {
    const answer = await this.ask(FS_READ_FILE_REQUEST, { uri, maxBytes: limits.maxBytes });
    if (!answer) return { kind: 'no-access' };
    if (answer.kind !== 'read') return answer;
    const bytes = bytesOf(answer.base64);
    if (bytes.length > limits.maxBytes) return { kind: 'too-large' };
    if (limits.mayBeText && !limits.mayBeText(bytes.subarray(0, 65536))) return { kind: 'binary' };
    return { kind: 'read', bytes, version: answer.version };
  }

  /**
   * Asks the client to write the file (`vscode.workspace.fs.writeFile`, which the editor's file
   * system provider makes whole); a client that does not answer leaves the annotations read-only.
   */
  async replaceFile(uri: string, bytes: Uint8Array): Promise<FileWrite> {
    const answer = await this.ask(FS_WRITE_FILE_REQUEST, { uri, base64: base64Of(bytes) });
    if (!answer) return { kind: 'refused', reason: 'unsupported' };
    return answer.written ? { kind: 'written', version: Date.now() } : { kind: 'refused', reason: 'failed', ...(answer.detail ? { detail: answer.detail } : {}) };
  }

  async realUri(uri: string): Promise<string | undefined> {
    const answer = await this.ask(FS_STAT_REQUEST, { uri });
    return answer && !answer.symbolicLink ? uri : undefined;
  }

  async findFiles(folder: string, query: FileQuery, onFound?: (batch: readonly string[]) => void): Promise<string[]> {
    const found = (await this.ask(FS_FIND_FILES_REQUEST, { folder, ...query })) ?? [];
    onFound?.(found);
    return found;
  }

  onDidChangeFiles(listener: (changes: readonly FileChange[]) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  notifyChanged(changes: readonly FileChange[]): void {
    for (const listener of this.listeners) listener(changes);
  }
}
