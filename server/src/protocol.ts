/**
 * The names client and server share, defined once: custom requests, commands and their arguments.
 * The VS Code clients (desktop and web) import this module and nothing else of the server.
 */
import { NotificationType, RequestType, type Location, type Range, type TextDocumentPositionParams } from 'vscode-languageserver-protocol';
import type { AnnotationCounts } from './core/annotations/counts';
import type { AnnotatedNote, AnnotationContent, ReplyView } from './service/annotations';
import type { AlignedView, Concordance, CorrectionAction, NoteStatistics } from './service';
import type { ThreadCountry } from './service/features/correspondence';

export type { AlignedRow, RowFinding, RowSide } from './service/features/alignedRows';
export type { ConcordanceLine } from './service/features/concordance';
export type { AlignedView, Concordance, CorrectionAction, NoteStatistics };
export type { VersionStatistics } from './core/workbench/statistics';

// ----- requests from the client ------------------------------------------------------------------

/** Where the counterpart of a position is: "Open Counterpart to the Side" and its cursor following. */
export const COUNTERPART_REQUEST = new RequestType<TextDocumentPositionParams, Location | null, void>('diplonote/counterpart');

export interface ExportPairsParams {
  readonly uri: string;
  /** TMX unless told. */
  readonly format?: 'tmx' | 'csv';
}

/** The aligned sentence pairs of a note as TMX or CSV, for the client to save ("Export Aligned Pairs"). */
export const EXPORT_PAIRS_REQUEST = new RequestType<ExportPairsParams, { format: 'tmx' | 'csv'; text: string } | null, void>('diplonote/exportPairs');

// ----- the translator's workbench -----------------------------------------------------------------

/** The rows of the aligned view of a note (what `diplonote align --json` prints); null without another version. */
export const ALIGNED_VIEW_REQUEST = new RequestType<{ uri: string }, AlignedView | null, void>('diplonote/alignedView');

export interface CorrectAlignmentParams {
  readonly uri: string;
  /** The stamp of the view the rows were picked in (AlignedView.stamp). */
  readonly stamp: string;
  readonly action: CorrectionAction;
}

/** The outcome of a correction: written to the sidecar (`applied`), or why not. */
export interface CorrectAlignmentResult {
  readonly applied: boolean;
  readonly message?: string;
  /** The sidecar files the server wrote. */
  readonly sidecars: readonly string[];
}

/** A correction made in the aligned view, written by the server to the note's annotation sidecar. */
export const CORRECT_ALIGNMENT_REQUEST = new RequestType<CorrectAlignmentParams, CorrectAlignmentResult, void>('diplonote/correctAlignment');

/** The figures of a note's versions (the status bar item). */
export const STATISTICS_REQUEST = new RequestType<{ uri: string }, NoteStatistics | null, void>('diplonote/statistics');

/** Every occurrence of a term in the workspace's notes and translation memories. */
export const CONCORDANCE_REQUEST = new RequestType<{ term: string }, Concordance, void>('diplonote/concordance');

export interface ExportGlossaryParams {
  readonly format: 'tbx' | 'csv';
}

/** The glossary in force (built-in and the workspace's) as TBX-Basic or CSV, for the client to save. */
export const EXPORT_GLOSSARY_REQUEST = new RequestType<ExportGlossaryParams, { text: string }, void>('diplonote/exportGlossary');

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
  /** The client is a test: the server answers and sends the requests of "test hooks" below. */
  readonly testHooks?: boolean;
  /**
   * A folder of the client's own for this workspace (VS Code: the extension's workspace storage), where
   * the server keeps the index between sessions; without one every session reads every note.
   */
  readonly storageFolder?: string;
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
export const EXPORT_ALIGNED_PAIRS_CSV_COMMAND = 'diplonote.exportAlignedPairsCsv';
export const OPEN_ALIGNED_VIEW_COMMAND = 'diplonote.openAlignedView';
export const CONCORDANCE_COMMAND = 'diplonote.concordance';
export const EXPORT_GLOSSARY_COMMAND = 'diplonote.exportGlossary';
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
  | { readonly kind: 'missing' | 'not-a-file' | 'folder' | 'forbidden' | 'too-large' }
  /** `detail`: the editor's own words for the failure. */
  | { readonly kind: 'unreadable'; readonly detail?: string };

export const FS_READ_FILE_REQUEST = new RequestType<ReadFileParams, ReadFileAnswer, void>('diplonote/fs/readFile');

export interface FindFilesParams {
  readonly folder: string;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  readonly maxResults: number;
}

export const FS_FIND_FILES_REQUEST = new RequestType<FindFilesParams, string[], void>('diplonote/fs/findFiles');

// ----- annotations (issue 12; the format: docs/annotations.md) -------------------------------------
//
// The server owns each note's sidecar `NAME.note.annotations.json` and writes it itself; clients only
// ask. Ranges are LSP ranges (UTF-16) in the document named; the sidecar's own positions (Unicode code
// points) never reach a client. Every request answers for the note as the editor has it now: the
// annotations followed through every edit since it was opened, placed again by their quote when the
// note changed outside the editor.

/** The motivations a client may create an annotation with (a reply is made by `diplonote/updateAnnotation`). */
export type AnnotationMotivation = 'commenting' | 'tagging' | 'questioning' | 'highlighting';
export type AnnotationStatus = 'open' | 'resolved';

/** How an annotation was placed on the note as it is now. */
export type AnnotationAnchoring =
  /** Followed through the edits made in the editor since the note was opened. */
  | 'tracked'
  /** Where its position selector says, the quote still there. */
  | 'position'
  /** Its quote found whole with its context elsewhere. */
  | 'exact'
  /** Its quote found approximately (small edits inside or around it). */
  | 'fuzzy'
  /** Not found: kept in the sidecar, listed, never deleted. */
  | 'orphaned';

/** A reply in an annotation's thread (an annotation with motivation `replying` whose target is the parent's id). */
export type AnnotationReplyData = ReplyView;

/** Where an annotation's span has its counterpart in the other language version. */
export interface AnnotationCounterpart {
  /** The document of the other version: the note itself (both versions in one file) or its partner file. */
  readonly uri: string;
  readonly range: Range;
  /** How finely the alignment knows the counterpart. */
  readonly level: 'sentence' | 'point' | 'paragraph';
  readonly language: 'en' | 'zh';
}

/**
 * An annotation of the note: what it says (`AnnotationContent`: id, motivation, status, comment as
 * Markdown to render with HTML and images disabled, tags, creator, dates, the quote recorded, the
 * replies oldest first) and where it is now.
 */
export interface AnnotationData extends AnnotationContent {
  /** Where it is now; absent for an orphan. */
  readonly range?: Range;
  readonly anchoring: AnnotationAnchoring;
  /** The language version the span is in, when the note has two. */
  readonly language?: 'en' | 'zh';
  /** Its counterpart in the other version, when the alignment gives one. */
  readonly counterpart?: AnnotationCounterpart;
}

/** An annotation made on the other language version, shown on this one through the alignment. */
export interface ProjectedAnnotationData extends AnnotationContent {
  readonly projected: true;
  /** Where it shows in this document: the counterpart of the annotated span. */
  readonly range: Range;
  readonly level: 'sentence' | 'point' | 'paragraph';
  /** The language of the version the annotation was made on (the other one than this range's). */
  readonly language?: 'en' | 'zh';
  /** The document the annotation belongs to (update, delete and reply go there) and its range there. */
  readonly source: { readonly uri: string; readonly range: Range };
}

/** A tag of the taxonomy in force for the note (setting `diplonote.annotations.tags`, `.diplonote/tags.json`, or the default set). */
export interface AnnotationTagData {
  readonly name: string;
  readonly label: { readonly en: string; readonly zh: string };
  /** `#rgb`, `#rrggbb` or `#rrggbbaa`; absent: the client picks one. */
  readonly colour?: string;
  readonly description?: { readonly en?: string; readonly zh?: string };
}

export interface AnnotationsParams {
  readonly uri: string;
}

export interface AnnotationsResult {
  readonly uri: string;
  /** The document version the ranges are for (null when the note is not open: it was read from disk). */
  readonly version: number | null;
  /** The sidecar file's URI (it may not exist yet). */
  readonly sidecar: string;
  /** False when annotations cannot be written (the sidecar has errors, an untitled note, a read-only workspace); `message` says why. */
  readonly writable: boolean;
  readonly message?: string;
  /** The note's own annotations placed on it, in document order. */
  readonly annotations: readonly AnnotationData[];
  /** Its annotations that could not be placed (`anchoring` is `orphaned`, no `range`). */
  readonly orphans: readonly AnnotationData[];
  /** Annotations of the other language version shown here. */
  readonly projected: readonly ProjectedAnnotationData[];
  readonly tags: readonly AnnotationTagData[];
}

/**
 * A note's annotations with their current ranges, their projections onto this version and the orphans:
 * for an open note, as the editor has it; for any other `.note` file of a workspace folder, as it is on
 * disk (`version` null; null when it cannot be read).
 */
export const ANNOTATIONS_REQUEST = new RequestType<AnnotationsParams, AnnotationsResult | null, void>('diplonote/annotations');

/** A note of the workspace that has a sidecar, open or not, with its annotations counted (by thread status and by tag). */
export type AnnotatedNoteData = AnnotatedNote;
export type AnnotationCountsData = AnnotationCounts;

export interface AnnotatedNotesResult {
  /** By URI. Counts are of the sidecar as last read or written; orphans are not told apart (ask `diplonote/annotations`). */
  readonly notes: readonly AnnotatedNoteData[];
}

/**
 * Every note of the workspace folders (as the workspace index lists them) with a sidecar of annotations,
 * open or not, for the editor's Annotations view; answered once the index is complete. A change of a
 * sidecar is told by `diplonote/annotationsChanged` for its note.
 */
export const ANNOTATED_NOTES_REQUEST = new RequestType<Record<string, never> | null, AnnotatedNotesResult, void>('diplonote/annotatedNotes');

export interface AnnotateParams {
  readonly uri: string;
  /** The selection to annotate (not empty). */
  readonly range: Range;
  /** `commenting` unless told. */
  readonly motivation?: AnnotationMotivation;
  /** Markdown. */
  readonly comment?: string;
  /** Tag names. */
  readonly tags?: readonly string[];
}

/** The outcome of a change: written to the sidecar, or why not (`message`). */
export interface AnnotationEditResult {
  readonly applied: boolean;
  readonly message?: string;
  /** The annotation created or changed (for a reply, the reply's id). */
  readonly id?: string;
  /** The sidecar written. */
  readonly sidecar?: string;
}

/** Creates an annotation on a selection and writes the sidecar. */
export const ANNOTATE_REQUEST = new RequestType<AnnotateParams, AnnotationEditResult, void>('diplonote/annotate');

export interface UpdateAnnotationParams {
  /** The note the annotation belongs to (for a projected one: its `source.uri`). */
  readonly uri: string;
  readonly id: string;
  /** The new comment (Markdown); '' removes it. */
  readonly comment?: string;
  /** The new set of tags, replacing the old. */
  readonly tags?: readonly string[];
  readonly status?: AnnotationStatus;
  /** Adds a reply (Markdown) to the thread of `id`; the result's `id` is the reply's. */
  readonly reply?: string;
}

/** Edits an annotation's comment, tags or status, edits a reply's comment, or adds a reply. */
export const UPDATE_ANNOTATION_REQUEST = new RequestType<UpdateAnnotationParams, AnnotationEditResult, void>('diplonote/updateAnnotation');

export interface DeleteAnnotationParams {
  readonly uri: string;
  /** An annotation (its replies go with it) or one reply. */
  readonly id: string;
}

export const DELETE_ANNOTATION_REQUEST = new RequestType<DeleteAnnotationParams, AnnotationEditResult, void>('diplonote/deleteAnnotation');

/**
 * Sent when a note's annotations changed (created, edited, deleted, the sidecar changed on disk, the
 * note re-anchored): the client asks `diplonote/annotations` again for `uri` (and its counterpart,
 * whose projections may have changed too).
 */
export const ANNOTATIONS_CHANGED_NOTIFICATION = new NotificationType<{ uri: string }>('diplonote/annotationsChanged');

/**
 * The web server asks the client to write a file (an annotation sidecar): the client writes `base64`
 * to `uri` with `vscode.workspace.fs.writeFile` (which replaces the file whole) and answers
 * `{ written: true }`, or `{ written: false, detail }`. A client that does not answer it leaves the
 * web server's annotations read-only, with a message saying so.
 */
export interface WriteFileParams {
  readonly uri: string;
  readonly base64: string;
}

export const FS_WRITE_FILE_REQUEST = new RequestType<WriteFileParams, { written: boolean; detail?: string }, void>('diplonote/fs/writeFile');

// ----- test hooks: only with `initializationOptions.testHooks`, so that tests wait for states, not times ---

export interface ChecksStartingParams {
  readonly uri: string;
  readonly version: number;
}

/**
 * Server → client, as the pushed checks of a note start on `version`: the run waits for the answer,
 * so that a test can change the note while a run is under way, whatever the speed of the machine.
 */
export const CHECKS_STARTING_REQUEST = new RequestType<ChecksStartingParams, null, void>('diplonote/test/checksStarting');

export interface HeldAnswer {
  /** Documents with an analysis, partner files read from disk, alignments of pairs. */
  readonly analyses: number;
  readonly partners: number;
  readonly alignments: number;
  /** Heap in use after a full garbage collection, bytes; null unless the server runs with `--expose-gc`. */
  readonly heapUsedAfterGc: number | null;
}

/**
 * Server → client, as an index build summarises its first note off the main thread: the build waits
 * for the answer, so that a test can send requests while the index is under way.
 */
export const INDEX_HELD_REQUEST = new RequestType<null, null, void>('diplonote/test/indexHeld');

/** What the server holds in memory, counted: after every note closed, nothing of them. */
export const HELD_REQUEST = new RequestType<null, HeldAnswer, void>('diplonote/test/held');
