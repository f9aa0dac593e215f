/**
 * The `Workspace` port: everything the service knows of files comes through it, so the same service
 * runs over the disk (`node/nodeWorkspace.ts`: the Node server and the CLI), over the editor's file
 * system in a browser (`browser/webWorkspace.ts`), and in memory (`memoryWorkspace.ts`: tests).
 * URIs are strings as the editor sends them (`file:///…`, `vscode-vfs://…`). Implementations only
 * fetch and list; what may be read, and on whose word, is decided once in the service (`pathPolicy.ts`).
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';

export interface FileStat {
  readonly type: 'file' | 'directory' | 'other';
  readonly size: number;
  /** Changes whenever the file does (its modification time). */
  readonly version: number;
}

export interface ReadLimits {
  /** A file longer than this is refused, whatever its size on record: reading stops past it. */
  readonly maxBytes: number;
  /** Told the first block read; false stops the reading (a device or `/proc` file that is not text). */
  readonly mayBeText?: (head: Uint8Array) => boolean;
}

/**
 * A file read, or why not: each reason is said in the user's language (files.ts), but `unreadable`'s
 * `detail`, the system's or the editor's own words for a failure no other reason names.
 */
export type FileRead =
  | { readonly kind: 'read'; readonly bytes: Uint8Array; readonly version: number }
  | { readonly kind: 'missing' | 'not-a-file' | 'folder' | 'forbidden' | 'too-large' | 'binary' | 'no-access' }
  | { readonly kind: 'unreadable'; readonly detail?: string };

export interface FileQuery {
  /** Glob patterns (picomatch syntax: `**`, `{a,b}`, `[abc]`), relative to the folder, `/`-separated. */
  readonly include: readonly string[];
  /** Files and folders not to search, in the same syntax. */
  readonly exclude: readonly string[];
  readonly maxResults: number;
}

/**
 * Why a file was not written: not a file of this computer, not a regular file, permission denied, a
 * read-only file system, an editor that lets the server write no file, or a failure in the system's or
 * the editor's own words (`detail`).
 */
export type WriteRefusal = 'not-local' | 'not-a-file' | 'forbidden' | 'read-only' | 'unsupported' | 'failed';

/** The outcome of replacing a file: written whole, or refused with the reason. */
export type FileWrite =
  | { readonly kind: 'written'; readonly version: number }
  | { readonly kind: 'refused'; readonly reason: WriteRefusal; readonly detail?: string };

export type FileChangeKind = 'created' | 'changed' | 'deleted';

export interface FileChange {
  readonly uri: string;
  readonly kind: FileChangeKind;
}

export interface Disposable {
  dispose(): void;
}

/** The documents open in the editor, with the versions the editor gave them (`TextDocuments` is one). */
export interface OpenDocuments {
  get(uri: string): TextDocument | undefined;
  all(): readonly TextDocument[];
}

export interface Workspace {
  /** The workspace folders (URIs, without a trailing slash needed); none for a loose file. */
  readonly folders: readonly string[];
  readonly documents: OpenDocuments;
  stat(uri: string): Promise<FileStat | undefined>;
  /** Reads a regular file, never more than `limits.maxBytes` (devices, pipes and folders are refused). */
  readFile(uri: string, limits: ReadLimits): Promise<FileRead>;
  /**
   * Replaces a file whole (creating it when missing) so that a reader sees the old text or the new,
   * never part of it: on disk a temporary file beside it, then a rename. Only the annotation sidecars
   * the server owns are written this way.
   */
  replaceFile(uri: string, bytes: Uint8Array): Promise<FileWrite>;
  /** The URI with every symbolic link resolved; undefined when it does not exist or cannot be resolved. */
  realUri(uri: string): Promise<string | undefined>;
  /**
   * Files under a folder matching the query, as URIs. `onFound`, when given, is told each of them
   * exactly once, in batches, before the search ends, so that work on the first may start while the
   * rest are searched for; a workspace that cannot tell sooner tells them all at the end.
   */
  findFiles(folder: string, query: FileQuery, onFound?: (batch: readonly string[]) => void): Promise<string[]>;
  /** Fired when files change on disk (as the editor's watcher or the workspace itself sees it). */
  onDidChangeFiles(listener: (changes: readonly FileChange[]) => void): Disposable;
}

/** For workspaces with no editor (the CLI): nothing is open. */
export const NO_OPEN_DOCUMENTS: OpenDocuments = { get: () => undefined, all: () => [] };
