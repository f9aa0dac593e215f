/**
 * The language server's wiring, shared by the Node entry (`server.ts`) and the browser entry
 * (`browser/server.ts`): each request is checked, answered by the note service, and its answer mapped
 * to protocol types by one `lsp/` file. The platform gives the Workspace (disk, or the client's file
 * system in a browser).
 */
import {
  CodeActionKind, DidChangeWatchedFilesNotification, ErrorCodes, MessageType, ResponseError, ShowMessageNotification, TextDocuments, TextDocumentSyncKind,
  type ClientCapabilities, type Connection, type FileEvent, type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { addTermPair } from './lsp/addTermPair';
import { annotationsResult, annotationSymbols, editResult } from './lsp/annotations';
import { codeActions, findingsOf } from './lsp/codeActions';
import { codeLenses } from './lsp/codeLens';
import { completions } from './lsp/completion';
import { correspondenceAnswer } from './lsp/correspondence';
import { counterpartLocation } from './lsp/counterpartRequest';
import { definition, noteDefinition } from './lsp/definition';
import { DiagnosticsPublisher, fileProblemDiagnostic } from './lsp/diagnostics';
import { documentHighlights } from './lsp/documentHighlight';
import { documentLinks } from './lsp/documentLinks';
import { documentSymbols } from './lsp/documentSymbols';
import { foldingRanges } from './lsp/folding';
import { hover } from './lsp/hover';
import { pulledDiagnostics } from './lsp/pullDiagnostics';
import { WorkspaceChecks } from './lsp/workspaceChecks';
import { indexProgress } from './lsp/indexProgress';
import { toSpan } from './lsp/positions';
import { references } from './lsp/references';
import { selectionRanges } from './lsp/selectionRange';
import { workspaceSymbols } from './lsp/workspaceSymbols';
import {
  ADD_TERM_PAIR_COMMAND, ANNOTATE_REQUEST, ANNOTATED_NOTES_REQUEST, ANNOTATIONS_CHANGED_NOTIFICATION, ANNOTATIONS_REQUEST, CHECK_WORKSPACE_COMMAND, CHECKS_STARTING_REQUEST, INDEX_HELD_REQUEST,
  DELETE_ANNOTATION_REQUEST, UPDATE_ANNOTATION_REQUEST, CORRESPONDENCE_CHANGED_NOTIFICATION, CORRESPONDENCE_REQUEST, COUNTERPART_REQUEST,
  EXPLAIN_STRUCTURE_REQUEST, EXPORT_PAIRS_REQUEST, HELD_REQUEST,
  ALIGNED_VIEW_REQUEST, CONCORDANCE_REQUEST, CORRECT_ALIGNMENT_REQUEST, EXPORT_GLOSSARY_REQUEST, STATISTICS_REQUEST,
  type InitializationOptions,
} from './protocol';
import { format, localeOf, message } from './core/messages';
import { createNoteService, type IndexStore, type NoteSummariser } from './service';
import { annotatedNote, annotateRequest, deleteRequest, updateRequest } from './service/annotationArguments';
import { TAG_FILE } from './service/annotationSettings';
import { concordanceTerm, correctionRequest, documentRequest, formatOf, type Checked, type PositionField } from './service/arguments';
import type { FileChange, OpenDocuments, Workspace } from './service/workspace';

/** A workspace whose folders and file changes the editor tells. */
export interface EditorWorkspace extends Workspace {
  setFolders(folders: readonly string[]): void;
  /** The editor's file watcher saw these changes. */
  notifyChanged(changes: readonly FileChange[]): void;
}

export interface Platform {
  /** The workspace over the editor's open documents. */
  workspace(documents: OpenDocuments, connection: Connection): EditorWorkspace;
  /** The user's name on this computer, for the annotations made (the Node entry reads it; none in a browser). */
  readonly userName?: string;
  /** Heap in use after a full garbage collection, where the platform can force one (a test hook). */
  heapUsedAfterGc?(): number | null;
  /** Summarises the notes an index build reads off the main thread (Node: a worker thread); none in a browser. */
  indexSummariser?(): NoteSummariser | undefined;
  /** Keeps the index between sessions in this folder (Node: a file there); none in a browser. */
  indexStore?(folder: string): IndexStore;
}

const CHANGE_KINDS: Readonly<Record<number, FileChange['kind']>> = { 1: 'created', 2: 'changed', 3: 'deleted' };
/** The Correspondence view is told to refresh at most this often while the index changes. */
const CORRESPONDENCE_REFRESH_MS = 500;

export function startLanguageServer(connection: Connection, platform: Platform): void {
  // The service hears of each edit before it is applied, to re-analyse only what the edit touched.
  const documents = new TextDocuments<TextDocument>({
    create: TextDocument.create,
    update: (document, changes, version) => {
      noteService.documentChanging(document, changes);
      return TextDocument.update(document, changes, version);
    },
  });
  const workspace = platform.workspace(documents, connection);
  const toldTooLarge = new Set<string>();
  const logFailure = (error: unknown) => connection.console.error(`Diplonote: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  const noteService = createNoteService({
    workspace, toolVersion: SERVER_VERSION,
    decoded: (uri, encoding) => connection.console.info(`Diplonote: read ${uri} as ${encoding}.`),
    tooLarge: (document, limit) => {
      if (toldTooLarge.has(document.uri)) return;
      toldTooLarge.add(document.uri);
      tell(MessageType.Info, format(noteService.locale, message('server.too-large', { limit })));
    },
    changed: () => {
      for (const [uri, problems] of noteService.fileProblems()) void connection.sendDiagnostics({ uri, diagnostics: problems.map(fileProblemDiagnostic) });
      if (!pullsDiagnostics) diagnostics.refreshAll();
      else if (capabilities.workspace?.diagnostics?.refreshSupport) void Promise.resolve(connection.languages.diagnostics.refresh()).catch(logFailure);
      workspaceChecks.changed();
    },
    indexProgress: () => indexProgress(connection, noteService.locale),
    indexStore: () => indexStore,
    indexSummariser: () => {
      const summariser = platform.indexSummariser?.();
      return summariser && testHooks ? heldSummariser(summariser, () => connection.sendRequest(INDEX_HELD_REQUEST, null)) : summariser;
    },
    userName: platform.userName,
    annotationsChanged: (uris) => {
      for (const uri of uris) {
        void connection.sendNotification(ANNOTATIONS_CHANGED_NOTIFICATION, { uri });
        void publishSidecarProblems(uri);
      }
      if (!pullsDiagnostics) for (const uri of uris) diagnostics.changed(uri);
      else if (capabilities.workspace?.diagnostics?.refreshSupport) void Promise.resolve(connection.languages.diagnostics.refresh()).catch(logFailure);
    },
    indexChanged: () => {
      correspondenceChanged();
      workspaceChecks.changed();
    },
  });
  const workspaceChecks = new WorkspaceChecks(connection, noteService);
  let testHooks = false;
  const diagnostics = new DiagnosticsPublisher({
    connection, service: noteService, failed: logFailure,
    document: (uri) => documents.get(uri),
    openDocuments: () => documents.all(),
    runStarting: async (uri, version) => {
      if (testHooks) await connection.sendRequest(CHECKS_STARTING_REQUEST, { uri, version });
    },
  });
  let canAskConfiguration = false;
  /** Set at `initialize`, when the client names a folder to keep the index in. */
  let indexStore: IndexStore | undefined;
  let capabilities: ClientCapabilities = {};
  /** Requests before `initialize` or after `shutdown` get the errors the protocol prescribes. */
  let phase: 'uninitialized' | 'running' | 'shutDown' = 'uninitialized';
  let showsCorrespondence = false;
  /** The client pulls diagnostics (see lsp/diagnostics.ts): the open notes' findings are not pushed. */
  let pullsDiagnostics = false;
  let correspondenceTimer: ReturnType<typeof setTimeout> | undefined;

  /** Tells a client showing the Correspondence view that the index changed, once per pause. */
  function correspondenceChanged(): void {
    if (!showsCorrespondence || correspondenceTimer !== undefined) return;
    correspondenceTimer = setTimeout(() => {
      correspondenceTimer = undefined;
      void connection.sendNotification(CORRESPONDENCE_CHANGED_NOTIFICATION, {});
    }, CORRESPONDENCE_REFRESH_MS);
  }

  connection.onInitialize((params): InitializeResult => {
    canAskConfiguration = params.capabilities.workspace?.configuration === true;
    capabilities = params.capabilities;
    const options = params.initializationOptions as InitializationOptions | undefined;
    showsCorrespondence = options?.correspondenceView === true;
    testHooks = options?.testHooks === true;
    if (typeof options?.storageFolder === 'string' && options.storageFolder !== '') indexStore = platform.indexStore?.(options.storageFolder);
    pullsDiagnostics = params.capabilities.textDocument?.diagnostic !== undefined;
    noteService.setLocale(localeOf(params.locale));
    workspace.setFolders(params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []));
    phase = 'running';
    return initializeResult();
  });
  connection.onShutdown(async () => {
    phase = 'shutDown';
    await noteService.storeIndex();
  });
  // The index is built once the settings and project files say what to leave out (see indexWorkspace).
  connection.onInitialized(() => {
    watchTagFiles();
    void refreshSettings().catch(logFailure);
    void noteService.indexWorkspace().catch(logFailure);
  });

  /** The tag taxonomy's file is no file the client watches for the server: asked for here, when the client can. */
  function watchTagFiles(): void {
    if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration !== true) return;
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${TAG_FILE}` }] }).catch(logFailure);
  }
  connection.onDidChangeConfiguration(() => void refreshSettings());

  /** The editor's settings, then the files they point to, read again; the features wait for both. */
  function refreshSettings(): Promise<void> {
    return noteService.reload(async () => {
      if (!canAskConfiguration) return;
      const [section, filesExclude]: unknown[] = await connection.workspace.getConfiguration([{ section: 'diplonote' }, { section: 'files.exclude' }])
        .catch(() => [undefined, undefined]);
      for (const problem of noteService.setEditorSettings(section, filesExclude)) tell(MessageType.Warning, problem);
    });
  }

  /** The problems of a note's annotation sidecar, on that file (cleared once mended). */
  async function publishSidecarProblems(noteUri: string): Promise<void> {
    if (!documents.get(noteUri)) return;
    const { uri, problems } = await noteService.sidecarProblems(noteUri).catch(() => ({ uri: '', problems: [] }));
    if (uri) await connection.sendDiagnostics({ uri, diagnostics: problems.map(fileProblemDiagnostic) });
  }

  /** A message in the editor's notification area (a notification: nothing waits for an answer). */
  function tell(type: MessageType, message: string): void {
    void connection.sendNotification(ShowMessageNotification.type, { type, message: `Diplonote: ${message}` });
  }

  const initializeResult = (): InitializeResult => ({
    capabilities: {
      // Saving a note writes its annotations' selectors where they are now.
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      documentSymbolProvider: { label: 'Diplonote' },
      foldingRangeProvider: true,
      selectionRangeProvider: true,
      definitionProvider: true,
      documentHighlightProvider: true,
      codeLensProvider: { resolveProvider: false },
      hoverProvider: true,
      completionProvider: { triggerCharacters: [] },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorExtract] },
      workspaceSymbolProvider: true,
      referencesProvider: true,
      documentLinkProvider: { resolveProvider: false },
      executeCommandProvider: { commands: [ADD_TERM_PAIR_COMMAND, CHECK_WORKSPACE_COMMAND] },
      ...(pullsDiagnostics ? { diagnosticProvider: { identifier: 'diplonote', interFileDependencies: true, workspaceDiagnostics: true } } : {}),
    },
    serverInfo: { name: 'diplonote', version: SERVER_VERSION },
  });

  function checkPhase(): void {
    if (phase === 'uninitialized') throw new ResponseError(ErrorCodes.ServerNotInitialized, 'Diplonote: the server is not initialized yet.');
    if (phase === 'shutDown') throw new ResponseError(ErrorCodes.InvalidRequest, 'Diplonote: the server is shutting down.');
  }

  /** Runs a feature on the open document a request names; a malformed request is refused, a failure logged, never fatal. */
  async function withDocument<T>(params: unknown, feature: (document: TextDocument) => T | Promise<T>, needs?: readonly PositionField[]): Promise<T | null> {
    const document = documents.get(accepted(documentRequest(params, needs)));
    if (!document) return null;
    try {
      return await feature(document);
    } catch (error) {
      logFailure(error);
      return null;
    }
  }

  /** The arguments of a custom request, checked by the service; a refusal is the request's error. */
  function accepted<T>(checked: Checked<T>): T {
    checkPhase();
    if (!checked.ok) throw new ResponseError(ErrorCodes.InvalidParams, `Diplonote: ${format(noteService.locale, checked.said)}`);
    return checked.value;
  }

  connection.onDocumentSymbol((params) => withDocument(params, async (d) =>
    [...documentSymbols(d, noteService.outline(d)), ...annotationSymbols(d, await noteService.annotationEntries(d), noteService.locale)]));
  connection.onFoldingRanges((params) => withDocument(params, (d) => foldingRanges(d, noteService.folds(d))));
  connection.onSelectionRanges((params) => withDocument(params, (d) =>
    selectionRanges(d, noteService.selectionChains(d, params.positions.map((p) => d.offsetAt(p)))), ['positions']));
  connection.onDefinition((params) => withDocument(params, async (d) => {
    const offset = d.offsetAt(params.position);
    const notes = noteService.noteDefinition(d, offset);
    return notes ? noteDefinition(d, notes) : definition(d, await noteService.definition(d, offset));
  }, ['position']));
  connection.onReferences((params) => withDocument(params, (d) =>
    references(noteService.references(d, d.offsetAt(params.position), params.context?.includeDeclaration === true)), ['position']));
  connection.onDocumentLinks((params) => withDocument(params, async (d) => documentLinks(d, await noteService.documentLinks(d))));
  connection.onWorkspaceSymbol((params) => {
    checkPhase();
    return workspaceSymbols(noteService.workspaceSymbols(typeof params.query === 'string' ? params.query : ''));
  });
  connection.onRequest(CORRESPONDENCE_REQUEST, () => {
    checkPhase();
    return correspondenceAnswer(noteService.correspondence(), noteService.indexState);
  });
  connection.onDocumentHighlight((params) => withDocument(params, async (d) =>
    documentHighlights(d, await noteService.highlights(d, d.offsetAt(params.position))), ['position']));
  connection.onCodeLens((params) => withDocument(params, async (d) => codeLenses(d, await noteService.codeLenses(d))));
  connection.onHover((params) => withDocument(params, async (d) => hover(d, await noteService.hover(d, d.offsetAt(params.position))), ['position']));
  connection.onCompletion((params) => withDocument(params, async (d) => completions(await noteService.completions(d, d.offsetAt(params.position))), ['position']));
  connection.onCodeAction((params) => withDocument(params, async (d) => {
    const { refs, diagnostics: held } = findingsOf(d, params);
    const actions = await noteService.codeActions(d, { selection: toSpan(d, params.range), findings: refs });
    return codeActions(d, params, held, actions, noteService.locale);
  }, ['range']));
  connection.onExecuteCommand(async (params) => {
    checkPhase();
    if (params.command === CHECK_WORKSPACE_COMMAND) return workspaceChecks.run();
    if (params.command !== ADD_TERM_PAIR_COMMAND) {
      throw new ResponseError(ErrorCodes.InvalidParams, `Diplonote: ${format(noteService.locale, message('refused.no-command', { command: params.command }))}`);
    }
    return addTermPair(await noteService.planTermPair(params.arguments?.[0]), { connection, capabilities, tell, locale: noteService.locale });
  });
  connection.onRequest(COUNTERPART_REQUEST, async (params) => {
    const { document, offset } = accepted(noteService.notePosition(params?.textDocument?.uri, params?.position));
    return counterpartLocation(await noteService.counterpartLocation(document, offset));
  });
  connection.onRequest(EXPLAIN_STRUCTURE_REQUEST, (params) => ({ text: noteService.explainStructure(accepted(noteService.note(params?.uri))) }));
  connection.onRequest(EXPORT_PAIRS_REQUEST, async (params) => {
    const document = accepted(noteService.note(params?.uri));
    const format = accepted(formatOf(params?.format, ['tmx', 'csv'] as const, 'tmx'));
    const text = await noteService.exportPairs(document, format);
    return text === undefined ? null : { format, text };
  });
  connection.onRequest(ALIGNED_VIEW_REQUEST, async (params) => (await noteService.alignedView(accepted(noteService.note(params?.uri)))) ?? null);
  connection.onRequest(CORRECT_ALIGNMENT_REQUEST, async (params) => {
    const { document, stamp, action } = accepted(correctionRequest(workspace, params));
    const outcome = await noteService.correctAlignment(document, stamp, action);
    return { applied: outcome.applied, sidecars: outcome.sidecars ?? [], ...(outcome.message ? { message: outcome.message } : {}) };
  });
  connection.onRequest(STATISTICS_REQUEST, async (params) => noteService.statistics(accepted(noteService.note(params?.uri))));
  connection.onRequest(CONCORDANCE_REQUEST, async (params) => noteService.concordance(accepted(concordanceTerm(params?.term))));
  connection.onRequest(EXPORT_GLOSSARY_REQUEST, async (params) => ({ text: await noteService.exportGlossary(accepted(formatOf(params?.format, ['tbx', 'csv'] as const))) }));
  connection.onRequest(ANNOTATIONS_REQUEST, async (params) => {
    const note = accepted(annotatedNote(workspace, params));
    if (typeof note !== 'string') return annotationsResult(await noteService.annotationsOf(note), note.version);
    const annotations = await noteService.annotationsOfNote(note);
    return annotations ? annotationsResult(annotations, null) : null;
  });
  connection.onRequest(ANNOTATED_NOTES_REQUEST, async () => {
    checkPhase();
    return { notes: await noteService.annotatedNotes() };
  });
  connection.onRequest(ANNOTATE_REQUEST, async (params) => {
    const { document, edit } = accepted(annotateRequest(workspace, params));
    return editResult(await noteService.editAnnotations(document, edit));
  });
  connection.onRequest(UPDATE_ANNOTATION_REQUEST, async (params) => {
    const { document, edit } = accepted(updateRequest(workspace, params));
    return editResult(await noteService.editAnnotations(document, edit));
  });
  connection.onRequest(DELETE_ANNOTATION_REQUEST, async (params) => {
    const { document, edit } = accepted(deleteRequest(workspace, params));
    return editResult(await noteService.editAnnotations(document, edit));
  });
  connection.onRequest(HELD_REQUEST, () => {
    checkPhase();
    if (!testHooks) throw new ResponseError(ErrorCodes.MethodNotFound, 'Diplonote: test hooks are off.');
    return { ...noteService.held(), heapUsedAfterGc: platform.heapUsedAfterGc?.() ?? null };
  });
  // A counterpart, glossary or project file changed on disk: the service reads again what it must.
  connection.onDidChangeWatchedFiles((params) => {
    workspace.notifyChanged(params.changes.flatMap((change: FileEvent) => {
      const kind = CHANGE_KINDS[change.type];
      return kind ? [{ uri: change.uri, kind }] : [];
    }));
  });

  connection.languages.diagnostics.on((params, token) => {
    checkPhase();
    return pulledDiagnostics(noteService, documents.get(accepted(documentRequest(params))), token);
  });
  connection.languages.diagnostics.onWorkspace((params, token, _workDone, partial) => {
    checkPhase();
    return workspaceChecks.pull(params, token, (items) => partial?.report({ items }));
  });

  documents.onDidChangeContent((event) => {
    if (!pullsDiagnostics) diagnostics.changed(event.document.uri);
  });
  documents.onDidOpen((event) => void publishSidecarProblems(event.document.uri));
  documents.onDidSave((event) => {
    void noteService.documentSaved(event.document).catch(logFailure);
  });
  documents.onDidClose((event) => {
    noteService.documentClosed(event.document.uri);
    toldTooLarge.delete(event.document.uri);
    diagnostics.closed(event.document.uri);
  });
  documents.listen(connection);
  connection.listen();
}

declare const SERVER_VERSION: string;

/** The test hook of INDEX_HELD_REQUEST: a build's first summary waits for `held`, and the build with it. */
function heldSummariser(summariser: NoteSummariser, held: () => Promise<unknown>): NoteSummariser {
  let release: Promise<unknown> | undefined;
  return {
    summarise: async (request) => {
      await (release ??= held());
      return summariser.summarise(request);
    },
    close: () => summariser.close(),
  };
}
