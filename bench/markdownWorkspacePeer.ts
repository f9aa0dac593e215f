/**
 * The peer of `npm run bench:workspace`: VS Code's own Markdown language service
 * (`vscode-markdown-languageservice`, markdown-it as its parser) answering workspace symbols over a
 * folder of Markdown files read from disk. It runs in the bench's process (no stdio in between) and
 * builds its index on the first query, as VS Code's Markdown server does: every document listed, read
 * and parsed, its headings kept.
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import MarkdownIt from 'markdown-it';
import { CancellationTokenSource, Emitter } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  createLanguageService, githubSlugifier, LogLevel, type IMdLanguageService, type ITextDocument, type IWorkspace,
} from 'vscode-markdown-languageservice';
import type { URI } from 'vscode-uri';

export class MarkdownWorkspacePeer {
  private readonly service: IMdLanguageService;
  private readonly cancellation = new CancellationTokenSource();
  private readonly changes = new Emitter<ITextDocument>();
  private version = 1;

  constructor(private readonly files: readonly string[]) {
    const markdownIt = new MarkdownIt();
    this.service = createLanguageService({
      workspace: this.workspace(),
      parser: { slugifier: githubSlugifier, tokenize: async (document) => markdownIt.parse(document.getText(), {}) },
      logger: { level: LogLevel.Off, log: () => undefined },
    });
  }

  private workspace(): IWorkspace {
    return {
      workspaceFolders: [],
      onDidChangeMarkdownDocument: this.changes.event,
      onDidCreateMarkdownDocument: new Emitter<ITextDocument>().event,
      onDidDeleteMarkdownDocument: new Emitter<URI>().event,
      getAllMarkdownDocuments: () => Promise.all(this.files.map((file) => this.read(file))),
      hasMarkdownDocument: () => false,
      openMarkdownDocument: async () => undefined,
      stat: async () => undefined,
      readDirectory: async () => [],
    };
  }

  private async read(file: string): Promise<ITextDocument> {
    return TextDocument.create(pathToFileURL(file).toString(), 'markdown', this.version, await readFile(file, 'utf8'));
  }

  /** The first query, which builds the index (every file read and parsed): how long it took and the symbols it found. */
  async buildIndex(): Promise<{ indexMs: number; symbols: number }> {
    const start = performance.now();
    const symbols = await this.symbols('');
    return { indexMs: performance.now() - start, symbols };
  }

  /** The symbols matching `query`: the first query reads and parses every file. */
  async symbols(query: string): Promise<number> {
    return (await this.service.getWorkspaceSymbols(query, this.cancellation.token)).length;
  }

  /** A file changed on disk, as the editor's watcher tells the service: read again. */
  async changed(file: string): Promise<void> {
    this.version++;
    this.changes.fire(await this.read(file));
  }
}
