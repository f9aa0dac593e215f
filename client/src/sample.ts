/**
 * Diplonote: Open a Sample Note, the first step of the walkthrough: the reference note shipped with the
 * extension (a reply with its English and Chinese versions in one file), opened as an untitled copy so
 * that the user may change it to see the checks at work without touching any file.
 */
import { commands, Uri, window, workspace, type ExtensionContext } from 'vscode';

const SAMPLE = ['samples', 'ohchr-reply-al-chn-4-2025.note'];

export function registerSampleCommand(context: ExtensionContext): void {
  context.subscriptions.push(commands.registerCommand('diplonote.openSample', async () => {
    const bytes = await workspace.fs.readFile(Uri.joinPath(context.extensionUri, ...SAMPLE));
    const document = await workspace.openTextDocument({ language: 'diplomatic-note', content: new TextDecoder().decode(bytes) });
    await window.showTextDocument(document);
  }));
}
