/**
 * The names client and server share, defined once: custom requests, commands and their arguments.
 * The VS Code clients (desktop and web) import this module and nothing else of the server.
 */
import { NotificationType, RequestType, type Location, type TextDocumentPositionParams } from 'vscode-languageserver-protocol';
import type { ThreadCountry } from './service/features/correspondence';

// ----- requests from the client ------------------------------------------------------------------

/** Where the counterpart of a position is: "Open Counterpart to the Side" and its cursor following. */
export const COUNTERPART_REQUEST = new RequestType<TextDocumentPositionParams, Location | null, void>('diplonote/counterpart');

export interface ExportPairsParams {
  readonly uri: string;
}

/** The aligned sentence pairs of a note as TMX, for the client to save ("Export Aligned Pairs"). */
export const EXPORT_PAIRS_REQUEST = new RequestType<ExportPairsParams, { tmx: string } | null, void>('diplonote/exportPairs');

export interface ExplainStructureParams {
  readonly uri: string;
}

/** Why each block of a note was read as it was, as text ("Explain Structure", `diplonote outline --explain`). */
export const EXPLAIN_STRUCTURE_REQUEST = new RequestType<ExplainStructureParams, { text: string } | null, void>('diplonote/explainStructure');
/**
 * The Correspondence view's data: countries → years → threads, each thread a communication or note
 * and the notes answering it (the service's plain data, whose ranges are LSP ranges already).
 */
export type { ThreadCountry as CorrespondenceCountry, ThreadNode as CorrespondenceThread, ThreadYear as CorrespondenceYear } from './service/features/correspondence';

export interface CorrespondenceAnswer {
  /** True while the index is still being built: more threads may come. */
  readonly indexing: boolean;
  readonly countries: readonly ThreadCountry[];
}

/** The threads of the workspace for the Correspondence view, grouped by country and year. */
export const CORRESPONDENCE_REQUEST = new RequestType<Record<string, never> | null, CorrespondenceAnswer, void>('diplonote/correspondence');

/** Sent (to a client that asked, see `InitializationOptions`) when the index changed: the view asks again. */
export const CORRESPONDENCE_CHANGED_NOTIFICATION = new NotificationType<Record<string, never>>('diplonote/correspondenceChanged');

/** `initializationOptions` a client may send. */
export interface InitializationOptions {
  /** The client shows the Correspondence view and wants to hear when it should be refreshed. */
  readonly correspondenceView?: boolean;
}

// ----- commands ----------------------------------------------------------------------------------

/** Server command: records a term and its rendering in the user's glossary (through `workspace/applyEdit`). */
export const ADD_TERM_PAIR_COMMAND = 'diplonote.addTermPair';

/** The one argument of `diplonote.addTermPair`, as the code actions build it and the client completes it. */
export interface AddTermPairArgument {
  readonly uri: string;
  /** The language of `term`. */
  readonly language: 'en' | 'zh';
  readonly term: string;
  /** The form in the other language; the VS Code client asks the user for it when absent. */
  readonly rendering?: string;
  /** The aligned text in the other language, shown while the user types the rendering. */
  readonly context?: string;
}

/** What the client may need afterwards: the VS Code client saves the glossary it changed. */
export interface AddTermPairResult {
  readonly glossary: string;
  readonly applied: boolean;
}

/** Server command (*Diplonote: Check Workspace*): the findings of every note; answers a `CheckWorkspaceResult`. */
export const CHECK_WORKSPACE_COMMAND = 'diplonote.checkWorkspace';

export interface CheckWorkspaceResult {
  /** Notes checked (those open in the editor are checked as they are edited). */
  readonly notes: number;
  readonly findings: number;
}

/** Client command (code lenses, quick fixes): reveals `(uri, range)`. */
export const GO_TO_COUNTERPART_COMMAND = 'diplonote.goToCounterpart';
/** Client commands of the command palette. */
export const OPEN_COUNTERPART_COMMAND = 'diplonote.openCounterpart';
export const EXPORT_ALIGNED_PAIRS_COMMAND = 'diplonote.exportAlignedPairs';
export const EXPLAIN_STRUCTURE_COMMAND = 'diplonote.explainStructure';

// ----- the workspace's files, asked of the client (the web server has no file system) -----------

export interface FileStatAnswer {
  readonly type: 'file' | 'directory' | 'other';
  readonly size: number;
  readonly version: number;
  /** The URI is a symbolic link (the web cannot tell where it leads, so it is not read). */
  readonly symbolicLink: boolean;
}

export const FS_STAT_REQUEST = new RequestType<{ uri: string }, FileStatAnswer | null, void>('diplonote/fs/stat');

export interface ReadFileParams {
  readonly uri: string;
  readonly maxBytes: number;
}

export type ReadFileAnswer =
  | { readonly kind: 'read'; readonly base64: string; readonly version: number }
  | { readonly kind: 'missing' | 'not-a-file' | 'too-large' | 'unreadable'; readonly detail?: string };

export const FS_READ_FILE_REQUEST = new RequestType<ReadFileParams, ReadFileAnswer, void>('diplonote/fs/readFile');

export interface FindFilesParams {
  readonly folder: string;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  readonly maxResults: number;
}

export const FS_FIND_FILES_REQUEST = new RequestType<FindFilesParams, string[], void>('diplonote/fs/findFiles');
