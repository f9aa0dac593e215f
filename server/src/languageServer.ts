/**
 * The language server's wiring, shared by the Node entry (`server.ts`) and the browser entry
 * (`browser/server.ts`): each request is answered by one feature function over the cached analysis
 * of the document's current version. Platform differences (reading closed files) come in `platform`.
 */
import {
  ErrorCodes, MessageType, ResponseError, ShowMessageNotification, TextDocuments, TextDocumentSyncKind, type Connection,
  type InitializeResult, type Position,
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

export interface Platform {
  /** Reads a file that is not open in the editor; absent in the browser. */
  readFile?(uri: string): StoredFile | undefined;
}

export function startLanguageServer(connection: Connection, platform: Platform): void {
  const documents = new TextDocuments(TextDocument);
  const cache = new AnalysisCache();
  const counterparts = new Counterparts(cache, { openDocument: (uri) => documents.get(uri), readFile: platform.readFile });
  let settings = DEFAULT_SETTINGS;
  let canAskConfiguration = false;
  const toldTooLarge = new Set<string>();
  /** Requests before `initialize` or after `shutdown` get the errors the protocol prescribes. */
  let phase: 'uninitialized' | 'running' | 'shutDown' = 'uninitialized';

  connection.onInitialize((params): InitializeResult => {
    canAskConfiguration = params.capabilities.workspace?.configuration === true;
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
    for (const problem of read.problems) tell(MessageType.Warning, problem);
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
      const aligned = withinSizeLimit(document) ? counterparts.alignedFor(document) : undefined;
      if (!aligned) return null;
      const offset = document.offsetAt(position);
      return feature(document, aligned, offset, languageAt(note, offset));
    });
  }

  connection.onDocumentSymbol((params) => withAnalysis(params.textDocument.uri, documentSymbols));
  connection.onFoldingRanges((params) => withAnalysis(params.textDocument.uri, foldingRanges));
  connection.onSelectionRanges((params) => withAnalysis(params.textDocument.uri, (a) => selectionRanges(a, params.positions)));
  connection.onDefinition((params) => withCounterpart(params.textDocument.uri, params.position, definition));
  connection.onDocumentHighlight((params) => withCounterpart(params.textDocument.uri, params.position, documentHighlights));
  connection.onCodeLens((params) =>
    withAnalysis(params.textDocument.uri, ({ document }) => {
      const aligned = withinSizeLimit(document) ? counterparts.alignedFor(document) : undefined;
      return aligned ? codeLenses(document, aligned) : [];
    }));
  connection.onRequest(COUNTERPART_REQUEST, (params) => withCounterpart(params.textDocument.uri, params.position, counterpartLocation));

  documents.onDidClose((event) => {
    cache.forget(event.document.uri);
    toldTooLarge.delete(event.document.uri);
    counterparts.forget(event.document.uri);
  });
  documents.listen(connection);
  connection.listen();
}

declare const SERVER_VERSION: string;
