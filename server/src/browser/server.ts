/**
 * The browser entry of the language server, for VS Code for the Web: the same features over a web
 * worker's messages, with the workspace's files read through the client (`webWorkspace.ts`).
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startLanguageServer } from '../languageServer';
import { WebWorkspace } from './webWorkspace';

declare const self: DedicatedWorkerGlobalScope;

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
startLanguageServer(connection, { workspace: (documents) => new WebWorkspace(documents, connection) });
