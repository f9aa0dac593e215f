/**
 * The language server: wiring only. Each request is answered by one feature function over the
 * cached analysis of the document's current version.
 */
import {
  createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type Connection, type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache, type DocumentAnalysis } from './analysisCache';
import { documentSymbols } from './features/documentSymbols';
import { foldingRanges } from './features/folding';
import { selectionRanges } from './features/selectionRange';

const connection: Connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const cache = new AnalysisCache();

connection.onInitialize((): InitializeResult => ({
  capabilities: {
    textDocumentSync: TextDocumentSyncKind.Incremental,
    documentSymbolProvider: { label: 'Diplonote' },
    foldingRangeProvider: true,
    selectionRangeProvider: true,
  },
  serverInfo: { name: 'diplonote', version: SERVER_VERSION },
}));

/** Runs a feature on the analysis of an open document; a failure is logged, never fatal. */
function withAnalysis<T>(uri: string, feature: (analysis: DocumentAnalysis) => T): T | null {
  const document = documents.get(uri);
  if (!document) return null;
  try {
    return feature(cache.get(document));
  } catch (error) {
    connection.console.error(`Diplonote: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    return null;
  }
}

connection.onDocumentSymbol((params) => withAnalysis(params.textDocument.uri, documentSymbols));
connection.onFoldingRanges((params) => withAnalysis(params.textDocument.uri, foldingRanges));
connection.onSelectionRanges((params) => withAnalysis(params.textDocument.uri, (a) => selectionRanges(a, params.positions)));

documents.onDidClose((event) => cache.forget(event.document.uri));
documents.listen(connection);
connection.listen();

declare const SERVER_VERSION: string;
