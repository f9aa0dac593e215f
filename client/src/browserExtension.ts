/**
 * The client for VS Code for the Web (vscode.dev, github.dev): starts the same language server in a
 * web worker, registers the same commands, and lends the server the workspace's files
 * (`webFileSystem.ts`), which it cannot read itself.
 */
import { Uri, type ExtensionContext } from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { registerAnnotations } from './annotations';
import { clientOptions, registerCommands } from './commands';
import { registerCorrespondenceView } from './correspondence';
import { registerSampleCommand } from './sample';
import { registerStatusBar } from './statusBar';
import { serveFileSystem } from './webFileSystem';
import { serveSidecarWrites } from './annotations/webFiles';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const serverMain = Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  client = new LanguageClient('diplonote', 'Diplonote', clientOptions(context), new Worker(serverMain.toString(true)));
  registerCommands(context, client);
  registerSampleCommand(context);
  registerCorrespondenceView(context, client);
  const statusBar = registerStatusBar(context, client);
  const annotations = registerAnnotations(context, client);
  serveFileSystem(client);
  serveSidecarWrites(client);
  await client.start();
  statusBar.refresh();
  annotations.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
