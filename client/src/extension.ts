/**
 * The thin desktop client: starts the Diplonote language server (Node, over IPC) and registers the
 * editor-only commands. Everything about notes is computed in the server.
 */
import * as path from 'node:path';
import { commands, l10n, window, workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { clientOptions, registerCommands } from './commands';
import { registerSampleCommand } from './sample';
import { registerStatusBar } from './statusBar';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  client = new LanguageClient('diplonote', 'Diplonote', serverOptions, clientOptions());
  registerCommands(context, client);
  registerSampleCommand(context);
  const statusBar = registerStatusBar(context, client);
  context.subscriptions.push(commands.registerCommand('diplonote.exportAlignedPairs', () => exportAlignedPairs(client)));
  await client.start();
  statusBar.refresh();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

/** Diplonote: Export Aligned Pairs: asks where to save, then writes the server's TMX there. */
async function exportAlignedPairs(languageClient: LanguageClient | undefined): Promise<void> {
  const editor = window.activeTextEditor;
  if (!languageClient || !editor || editor.document.languageId !== 'diplomatic-note') {
    void window.showInformationMessage(l10n.t('Diplonote: open a note to export its aligned pairs.'));
    return;
  }
  const source = editor.document.uri;
  const answer = await languageClient.sendRequest<{ tmx: string } | null>('diplonote/exportPairs', { uri: source.toString() });
  if (!answer) {
    void window.showInformationMessage(l10n.t('Diplonote: this note has no other language version to pair with.'));
    return;
  }
  const target = await window.showSaveDialog({
    defaultUri: source.with({ path: source.path.replace(/\.note$/, '') + '.tmx' }),
    filters: { [l10n.t('Translation memory (TMX)')]: ['tmx'] },
  });
  if (!target) return;
  await workspace.fs.writeFile(target, Buffer.from(answer.tmx, 'utf8'));
  void window.showInformationMessage(l10n.t('Diplonote: aligned pairs written to {0}.', target.fsPath));
}
