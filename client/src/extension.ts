/**
 * The thin desktop client: starts the Diplonote language server (Node, over IPC) and registers the
 * editor-only commands. Everything about notes is computed in the server.
 */
import * as path from 'node:path';
import type { ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { registerAnnotations } from './annotations';
import { clientOptions, registerCommands } from './commands';
import { registerCorrespondenceView } from './correspondence';
import { registerSampleCommand } from './sample';
import { registerStatusBar } from './statusBar';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  client = new LanguageClient('diplonote', 'Diplonote', serverOptions, clientOptions(context));
  registerCommands(context, client);
  registerSampleCommand(context);
  registerCorrespondenceView(context, client);
  const statusBar = registerStatusBar(context, client);
  const annotations = registerAnnotations(context, client);
  await client.start();
  statusBar.refresh();
  annotations.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
