/**
 * The language server's wiring, shared by the Node entry (`server.ts`) and the browser entry
 * (`browser/server.ts`): each request is answered by one feature function over the cached analysis
 * of the document's current version. Platform differences (reading closed files) come in `platform`.
 */
import {
  CodeActionKind, DiagnosticSeverity, ErrorCodes, MessageType, RequestType, ResponseError, ShowMessageNotification, TextDocuments, TextDocumentSyncKind, type Connection,
  type ClientCapabilities, type Diagnostic, type InitializeResult, type Position,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache, type DocumentAnalysis } from './analysisCache';
import { Counterparts, type AlignedDocuments, type StoredFile } from './counterparts';
import { languageAt } from './core/noteAlignment';
import type { Language } from './core/model';
import { documentSymbols } from './features/documentSymbols';
import { foldingRanges } from './features/folding';
import { selectionRanges } from './features/selectionRange';
import { definition } from './features/definition';
import { documentHighlights } from './features/documentHighlight';
import { codeLenses } from './features/codeLens';
import { counterpartLocation, COUNTERPART_REQUEST } from './features/counterpartRequest';
import { DEFAULT_SETTINGS, readSettings } from './settings';
import { hover } from './features/hover';
import { completions } from './features/completion';
import { termAt, termCounterpart } from './features/termCounterpart';
import type { GlossaryProblem } from './core/glossary';
import { termsFromGlossary } from './core/checks/glossaryTerms';
import { GlossaryStore, type GlossaryFileSource } from './glossaryStore';
import { DiagnosticsPublisher } from './features/diagnostics';
import { codeActions } from './features/codeActions';
import { addTermPair, ADD_TERM_PAIR_COMMAND } from './features/addTermPair';
import { readChecksSettings, type ChecksSettings } from './core/checks';
import { sentencePairs } from './core/export/pairs';
import { toTmx } from './core/export/tmx';

/** `diplonote/exportPairs`: the aligned sentence pairs of a note as TMX, for the client to save. */
const EXPORT_PAIRS_REQUEST = new RequestType<{ uri: string }, { tmx: string } | null, void>('diplonote/exportPairs');

export interface Platform {
  /** Reads a file that is not open in the editor; absent in the browser. */
  readFile?(uri: string): StoredFile | undefined;
  /** Finds and reads user glossary files in the given workspace folders; absent in the browser. */
  glossaryFiles?(workspaceFolders: () => readonly string[]): GlossaryFileSource;
}

export function startLanguageServer(connection: Connection, platform: Platform): void {
  let workspaceFolders: readonly string[] = [];
  const glossaries = new GlossaryStore(platform.glossaryFiles?.(() => workspaceFolders));
  const cache = new AnalysisCache(() => glossaries.index);
  // The cache hears of each edit before it is applied, to re-analyse only what the edit touched.
  const documents = new TextDocuments<TextDocument>({
    create: TextDocument.create,
    update: (document, changes, version) => {
      cache.changing(document, changes);
      return TextDocument.update(document, changes, version);
    },
  });
  const counterparts = new Counterparts(cache, { openDocument: (uri) => documents.get(uri), readFile: platform.readFile });
  let settings = DEFAULT_SETTINGS;
  let checksSettings: ChecksSettings = {};
  const diagnostics = new DiagnosticsPublisher({
    connection, cache, counterparts,
    document: (uri) => documents.get(uri),
    openDocuments: () => documents.all(),
    settings: () => checksSettings,
    enabled: (document) => withinSizeLimit(document),
    termsIn: () => termsFromGlossary(glossaries.index),
  });
  let canAskConfiguration = false;
  let clientCapabilities: ClientCapabilities = {};
  const toldTooLarge = new Set<string>();
  /** Requests before `initialize` or after `shutdown` get the errors the protocol prescribes. */
  let phase: 'uninitialized' | 'running' | 'shutDown' = 'uninitialized';

  connection.onInitialize((params): InitializeResult => {
    canAskConfiguration = params.capabilities.workspace?.configuration === true;
    clientCapabilities = params.capabilities;
    workspaceFolders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    phase = 'running';
    return initializeResult();
  });
  connection.onShutdown(() => {
    phase = 'shutDown';
  });
  connection.onInitialized(() => void refreshSettings());
  connection.onDidChangeConfiguration(() => void refreshSettings());

  async function refreshSettings(): Promise<void> {
    if (!canAskConfiguration) return;
    const section: unknown = await connection.workspace.getConfiguration('diplonote').catch(() => undefined);
    const read = readSettings(section);
    settings = read.settings;
    const checks = readChecksSettings(section !== null && typeof section === 'object' ? (section as Record<string, unknown>).checks : undefined);
    checksSettings = checks.settings;
    for (const problem of [...read.problems, ...checks.problems]) tell(MessageType.Warning, problem);
    reloadGlossaries();
    diagnostics.refreshAll();
  }

  /**
   * Past `diplonote.maxFileSize` a document keeps its outline (linear in the text) but not the
   * cross-language features, and the user is told once why.
   */
  function withinSizeLimit(document: TextDocument): boolean {
    if (document.getText().length <= settings.maxFileSize) return true;
    if (!toldTooLarge.has(document.uri)) {
      toldTooLarge.add(document.uri);
      tell(MessageType.Info,
        `this note is larger than diplonote.maxFileSize (${settings.maxFileSize} characters); ` +
          'the outline stays, cross-language jumps and checks are off for it.');
    }
    return false;
  }

  /** A message in the editor's notification area (a notification: nothing waits for an answer). */
  function tell(type: MessageType, message: string): void {
    void connection.sendNotification(ShowMessageNotification.type, { type, message: `Diplonote: ${message}` });
  }

  const initializeResult = (): InitializeResult => ({
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      documentSymbolProvider: { label: 'Diplonote' },
      foldingRangeProvider: true,
      selectionRangeProvider: true,
      definitionProvider: true,
      documentHighlightProvider: true,
      codeLensProvider: { resolveProvider: false },
      hoverProvider: true,
      completionProvider: { triggerCharacters: [] },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorExtract] },
      executeCommandProvider: { commands: [ADD_TERM_PAIR_COMMAND] },
    },
    serverInfo: { name: 'diplonote', version: SERVER_VERSION },
  });

  /** Runs a feature on the analysis of an open document; a failure is logged, never fatal. */
  function withAnalysis<T>(uri: string, feature: (analysis: DocumentAnalysis) => T): T | null {
    if (phase === 'uninitialized') throw new ResponseError(ErrorCodes.ServerNotInitialized, 'Diplonote: the server is not initialized yet.');
    if (phase === 'shutDown') throw new ResponseError(ErrorCodes.InvalidRequest, 'Diplonote: the server is shutting down.');
    const document = documents.get(uri);
    if (!document) return null;
    try {
      return feature(cache.get(document));
    } catch (error) {
      connection.console.error(`Diplonote: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return null;
    }
  }

  /** Runs a cross-language feature at a position of a document that has a counterpart. */
  function withCounterpart<T>(
    uri: string, position: Position,
    feature: (document: TextDocument, aligned: AlignedDocuments, offset: number, language: Language) => T,
  ): T | null {
    return withAnalysis(uri, ({ document, note }) => {
      const aligned = withinSizeLimit(document) ? counterparts.alignedFor(document, 'interactive') : undefined;
      if (!aligned) return null;
      const offset = document.offsetAt(position);
      return feature(document, aligned, offset, languageAt(note, offset));
    });
  }

  connection.onDocumentSymbol((params) => withAnalysis(params.textDocument.uri, documentSymbols));
  connection.onFoldingRanges((params) => withAnalysis(params.textDocument.uri, foldingRanges));
  connection.onSelectionRanges((params) => withAnalysis(params.textDocument.uri, (a) => selectionRanges(a, params.positions)));
  connection.onDefinition((params) =>
    withCounterpart(params.textDocument.uri, params.position, (document, aligned, offset, language) => {
      const analysis = cache.get(document);
      const term = termAt(analysis.terms, offset);
      const termTarget = term && termCounterpart(analysis, term, aligned, (other) => cache.get(other));
      return definition(document, aligned, offset, language, termTarget && term && { ...termTarget, source: term });
    }));
  connection.onDocumentHighlight((params) => withCounterpart(params.textDocument.uri, params.position, documentHighlights));
  connection.onCodeLens((params) =>
    withAnalysis(params.textDocument.uri, ({ document }) => {
      const aligned = withinSizeLimit(document) ? counterparts.alignedFor(document, 'interactive') : undefined;
      return aligned ? codeLenses(document, aligned) : [];
    }));
  connection.onCodeAction((params) => withAnalysis(params.textDocument.uri, ({ document, note }) =>
    codeActions(document, note, params, withinSizeLimit(document) ? counterparts.alignedFor(document, 'interactive') : undefined)));
  connection.onExecuteCommand((params) => addTermPair(params, {
    connection, capabilities: clientCapabilities, workspaceFolders, glossary: glossaries.index, readFile: platform.readFile,
  }));
  connection.onRequest(EXPORT_PAIRS_REQUEST, (params) =>
    withAnalysis(params.uri, ({ document }) => {
      const aligned = counterparts.alignedFor(document);
      return aligned ? { tmx: toTmx(sentencePairs(aligned.alignment), { toolVersion: SERVER_VERSION }) } : null;
    }));
  // A counterpart or glossary changed on disk: the findings of every open note may change.
  connection.onDidChangeWatchedFiles((params) => {
    if (params.changes.some((change) => GlossaryStore.isGlossaryFile(change.uri))) reloadGlossaries();
    diagnostics.refreshAll();
  });

  /** Reads the user glossaries again, republishes their problems, and makes every analysis anew. */
  function reloadGlossaries(): void {
    glossaries.reload(settings.glossaryFiles);
    for (const [uri, problems] of glossaries.problemsByFile) {
      void connection.sendDiagnostics({ uri, diagnostics: problems.map(glossaryDiagnostic) });
    }
    cache.forgetAll();
  }
  documents.onDidChangeContent((event) => diagnostics.changed(event.document.uri));
  connection.onHover((params) =>
    withAnalysis(params.textDocument.uri, (analysis) =>
      hover(analysis, analysis.document.offsetAt(params.position), (term) => {
        const aligned = withinSizeLimit(analysis.document) ? counterparts.alignedFor(analysis.document, 'interactive') : undefined;
        return aligned && termCounterpart(analysis, term, aligned, (document) => cache.get(document));
      })));
  connection.onCompletion((params) =>
    withAnalysis(params.textDocument.uri, (analysis) =>
      completions(analysis, analysis.document.offsetAt(params.position), glossaries.index.entries())));
  connection.onRequest(COUNTERPART_REQUEST, (params) => withCounterpart(params.textDocument.uri, params.position, counterpartLocation));

  documents.onDidClose((event) => {
    cache.forget(event.document.uri);
    toldTooLarge.delete(event.document.uri);
    counterparts.forget(event.document.uri);
    diagnostics.closed(event.document.uri);
  });
  documents.listen(connection);
  connection.listen();
}

function glossaryDiagnostic(problem: GlossaryProblem): Diagnostic {
  const position = { line: problem.line, character: problem.character };
  return {
    range: { start: position, end: { line: problem.line, character: problem.character + 1 } },
    severity: problem.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: 'diplonote',
    code: 'glossary-file',
    message: problem.message,
  };
}

declare const SERVER_VERSION: string;
