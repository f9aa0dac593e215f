/**
 * Test harness: spawns the bundled server (`node dist/server.js --stdio`) and speaks JSON-RPC to it
 * through vscode-languageserver-protocol, exactly as an editor does. On request the test client also
 * takes `workspace/applyEdit` and applies the edit to the files on disk, as an editor that saves at once.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  ApplyWorkspaceEditRequest, ConfigurationRequest, createProtocolConnection, DiagnosticRefreshRequest, DidOpenTextDocumentNotification, ExitNotification,
  InitializedNotification, InitializeRequest, ShutdownRequest, StreamMessageReader, StreamMessageWriter, WorkDoneProgress,
  WorkDoneProgressCreateRequest,
  type ApplyWorkspaceEditResult, type ClientCapabilities, type InitializeResult, type ProgressToken, type ProtocolConnection, type TextEdit,
  type WorkDoneProgressBegin, type WorkDoneProgressEnd, type WorkDoneProgressReport, type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CHECKS_STARTING_REQUEST, INDEX_HELD_REQUEST } from '../../server/src/protocol';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const SERVER_PATH = path.join(REPO_ROOT, 'dist', 'server.js');

export interface ServerSession {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcessWithoutNullStreams;
  readonly initializeResult: InitializeResult;
  /** Opens a document with the given text; returns its URI. */
  open(uri: string, text: string, languageId?: string): Promise<string>;
  /** Opens a file of the repository (relative path) under its real file URI. */
  openFile(relativePath: string): Promise<{ uri: string; text: string }>;
  stop(): Promise<void>;
}

/** Settings the test client answers `workspace/configuration` with, by section (`diplonote`). */
export type ClientSettings = Record<string, unknown>;

export interface ClientOptions {
  /** Declare `workspace.applyEdit` with file creation, and apply each edit the server sends to the files on disk. */
  readonly applyEditsOnDisk?: boolean;
  /** Options for the server's Node process (`--max-old-space-size=…`). */
  readonly nodeArgs?: readonly string[];
  /** Declare `window.workDoneProgress` and tell each progress the server creates, as it goes. */
  readonly onProgress?: (token: ProgressToken, value: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd) => void;
  /** Capabilities declared besides the harness's own (merged per section). */
  readonly capabilities?: ClientCapabilities;
  readonly initializationOptions?: unknown;
  /** The client's display language, as `initialize` tells it (`zh-cn`). */
  readonly locale?: string;
  /** Registers the test's own handlers before the client listens: for requests the server sends at once. */
  readonly handlers?: (connection: ProtocolConnection) => void;
}

/** The workspace folder defaults to samples/, which holds no glossary files, so only the built-in glossary is in force. */
export async function startServer(
  settings: ClientSettings = {}, workspaceRoot = path.join(REPO_ROOT, 'samples'), options: ClientOptions = {},
): Promise<ServerSession> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER_PATH, '--stdio'], { stdio: 'pipe' });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => settings[item.section ?? ''] ?? null));
  if (options.applyEditsOnDisk) connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => applyOnDisk(params.edit));
  // An editor that pulls diagnostics asks again when told to; the tests pull when they want.
  connection.onRequest(DiagnosticRefreshRequest.type, () => null);
  // With test hooks on, every run of the checks waits for this answer; a test that holds runs replaces it.
  connection.onRequest(CHECKS_STARTING_REQUEST, () => null);
  connection.onRequest(INDEX_HELD_REQUEST, () => null);
  options.handlers?.(connection);
  const { onProgress } = options;
  if (onProgress) {
    connection.onRequest(WorkDoneProgressCreateRequest.type, ({ token }) => {
      connection.onProgress(WorkDoneProgress.type, token, (value) => onProgress(token, value));
    });
  }
  connection.listen();
  const initializeResult = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(workspaceRoot).toString(),
    capabilities: {
      ...options.capabilities,
      textDocument: {
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        definition: { linkSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        ...options.capabilities?.textDocument,
      },
      workspace: {
        configuration: true,
        ...(options.applyEditsOnDisk ? { applyEdit: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } } : {}),
        ...options.capabilities?.workspace,
      },
      ...(onProgress ? { window: { workDoneProgress: true, ...options.capabilities?.window } } : {}),
    },
    initializationOptions: options.initializationOptions,
    ...(options.locale ? { locale: options.locale } : {}),
    workspaceFolders: [{ uri: pathToFileURL(workspaceRoot).toString(), name: 'workspace' }],
  });
  await connection.sendNotification(InitializedNotification.type, {});
  const open = async (uri: string, text: string, languageId = 'diplomatic-note') => {
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text },
    });
    return uri;
  };
  return {
    connection, process: child, initializeResult, open,
    async openFile(relativePath) {
      const absolute = path.join(REPO_ROOT, relativePath);
      const text = readFileSync(absolute, 'utf8');
      return { uri: await open(pathToFileURL(absolute).toString(), text), text };
    },
    async stop() {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      const running = () => child.exitCode === null && child.signalCode === null;
      if (running()) {
        await connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
        await connection.sendNotification(ExitNotification.type).catch(() => undefined);
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
      if (running()) child.kill('SIGKILL');
      connection.dispose();
    },
  };
}

/** Applies a workspace edit to files on disk: file creation and text edits, in order. */
function applyOnDisk(edit: WorkspaceEdit): ApplyWorkspaceEditResult {
  for (const change of edit.documentChanges ?? []) {
    if ('kind' in change) {
      if (change.kind !== 'create') return { applied: false, failureReason: `the test client does not ${change.kind} files` };
      const file = fileURLToPath(change.uri);
      if (existsSync(file) && !change.options?.overwrite) {
        if (change.options?.ignoreIfExists) continue;
        return { applied: false, failureReason: `${file} exists` };
      }
      writeFileSync(file, '');
    } else applyTextEdits(change.textDocument.uri, change.edits);
  }
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) applyTextEdits(uri, edits);
  return { applied: true };
}

function applyTextEdits(uri: string, edits: readonly TextEdit[]): void {
  const file = fileURLToPath(uri);
  const document = TextDocument.create(uri, 'plaintext', 0, readFileSync(file, 'utf8'));
  writeFileSync(file, TextDocument.applyEdits(document, [...edits]));
}
