/**
 * In VS Code for the Web the server runs in a worker without a file system: it asks this client for
 * the workspace's files (glossaries, the project file, a partner note that is not open), and the client
 * answers with `vscode.workspace.fs`. Only files inside a workspace folder are answered for, and a
 * file is never read past the size the server asks for.
 */
import { FileSystemError, FileType, RelativePattern, Uri, workspace } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  FS_FIND_FILES_REQUEST, FS_READ_FILE_REQUEST, FS_STAT_REQUEST, type FileStatAnswer, type ReadFileAnswer,
} from '../../server/src/protocol';

/** The URI when it names a file of a workspace folder, without a query or fragment; else undefined. */
export function inWorkspace(uri: unknown): Uri | undefined {
  if (typeof uri !== 'string') return undefined;
  try {
    const parsed = Uri.parse(uri, true);
    return parsed.query === '' && parsed.fragment === '' && workspace.getWorkspaceFolder(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

async function stat(uri: unknown): Promise<FileStatAnswer | null> {
  const target = inWorkspace(uri);
  if (!target) return null;
  try {
    const info = await workspace.fs.stat(target);
    const type = info.type & FileType.File ? 'file' : info.type & FileType.Directory ? 'directory' : 'other';
    return { type, size: info.size, version: info.mtime, symbolicLink: (info.type & FileType.SymbolicLink) !== 0 };
  } catch {
    return null;
  }
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let at = 0; at < bytes.length; at += CHUNK) binary += String.fromCharCode(...bytes.subarray(at, at + CHUNK));
  return btoa(binary);
}

async function readFile(uri: unknown, maxBytes: unknown): Promise<ReadFileAnswer> {
  const info = await stat(uri);
  if (!info) return { kind: 'missing' };
  if (info.type !== 'file') return { kind: info.type === 'directory' ? 'folder' : 'not-a-file' };
  if (typeof maxBytes !== 'number' || info.size > maxBytes) return { kind: 'too-large' };
  try {
    const bytes = await workspace.fs.readFile(Uri.parse(uri as string, true));
    return bytes.length > maxBytes ? { kind: 'too-large' } : { kind: 'read', base64: base64(bytes), version: info.version };
  } catch (error) {
    if (error instanceof FileSystemError && error.code === 'NoPermissions') return { kind: 'forbidden' };
    return { kind: 'unreadable', detail: error instanceof Error ? error.message : String(error) };
  }
}

function globs(patterns: unknown): string | undefined {
  const list = Array.isArray(patterns) ? patterns.filter((p): p is string => typeof p === 'string') : [];
  return list.length === 0 ? undefined : `{${list.join(',')}}`;
}

async function findFiles(folder: unknown, include: unknown, exclude: unknown, maxResults: unknown): Promise<string[]> {
  const base = inWorkspace(folder);
  const wanted = globs(include);
  if (!base || !wanted) return [];
  const limit = typeof maxResults === 'number' ? Math.min(maxResults, 10_000) : 200;
  const found = await workspace.findFiles(new RelativePattern(base, wanted), globs(exclude) ?? null, limit);
  return found.map((uri) => uri.toString());
}

export function serveFileSystem(client: BaseLanguageClient): void {
  client.onRequest(FS_STAT_REQUEST, (params) => stat(params?.uri));
  client.onRequest(FS_READ_FILE_REQUEST, (params) => readFile(params?.uri, params?.maxBytes));
  client.onRequest(FS_FIND_FILES_REQUEST, (params) => findFiles(params?.folder, params?.include, params?.exclude, params?.maxResults));
}
