/**
 * The browser entry of the language server, for VS Code for the Web: the same features over a web
 * worker's messages. Without a file system, a counterpart file is found only when it is open.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startLanguageServer } from '../languageServer';

declare const self: DedicatedWorkerGlobalScope;

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
startLanguageServer(connection, {});
