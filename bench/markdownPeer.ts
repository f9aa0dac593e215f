/**
 * The peer: VS Code's own Markdown language service (`vscode-markdown-languageservice`, with
 * markdown-it as its parser, as VS Code runs it) computing the document symbols of a Markdown file.
 * It sees one document and no workspace, which is all document symbols need.
 */
import MarkdownIt from 'markdown-it';
import { CancellationTokenSource, Emitter } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  createLanguageService, githubSlugifier, LogLevel, type IMdLanguageService, type ITextDocument, type IWorkspace,
} from 'vscode-markdown-languageservice';
import type { URI } from 'vscode-uri';

function singleDocumentWorkspace(changes: Emitter<ITextDocument>): IWorkspace {
  return {
    workspaceFolders: [],
    onDidChangeMarkdownDocument: changes.event,
    onDidCreateMarkdownDocument: new Emitter<ITextDocument>().event,
    onDidDeleteMarkdownDocument: new Emitter<URI>().event,
    getAllMarkdownDocuments: async () => [],
    hasMarkdownDocument: () => false,
    openMarkdownDocument: async () => undefined,
    stat: async () => undefined,
    readDirectory: async () => [],
  };
}

export class MarkdownPeer {
  private readonly service: IMdLanguageService;
  private readonly cancellation = new CancellationTokenSource();
  /** The service caches a document's symbols until the workspace says it changed, as an editor's does. */
  private readonly changes = new Emitter<ITextDocument>();
  private version = 0;

  constructor() {
    const markdownIt = new MarkdownIt();
    this.service = createLanguageService({
      workspace: singleDocumentWorkspace(this.changes),
      parser: { slugifier: githubSlugifier, tokenize: async (document) => markdownIt.parse(document.getText(), {}) },
      logger: { level: LogLevel.Off, log: () => undefined },
    });
  }

  /** The number of top-level symbols; each call is a changed version, so nothing is served from the cache. */
  async documentSymbols(markdown: string): Promise<number> {
    const document = TextDocument.create('file:///bench/dossier.md', 'markdown', ++this.version, markdown);
    this.changes.fire(document);
    const symbols = await this.service.getDocumentSymbols(document, {}, this.cancellation.token);
    return symbols.length;
  }
}
