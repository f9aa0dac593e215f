/**
 * *Diplonote: Explain Structure*: why the note was read as it was, block by block (the kind, the rule
 * that decided it, the language and why), in a read-only document beside the note — the same text as
 * `diplonote outline --explain`, asked of the server each time the document is shown.
 */
import { commands, EventEmitter, l10n, Uri, ViewColumn, window, workspace, type ExtensionContext, type TextDocumentContentProvider } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { EXPLAIN_STRUCTURE_COMMAND, EXPLAIN_STRUCTURE_REQUEST } from '../../server/src/protocol';

const SCHEME = 'diplonote-explain';

export function registerExplainStructure(context: ExtensionContext, client: BaseLanguageClient): void {
  const changed = new EventEmitter<Uri>();
  const provider: TextDocumentContentProvider = {
    onDidChange: changed.event,
    provideTextDocumentContent: async (uri) => {
      const answer = await client.sendRequest(EXPLAIN_STRUCTURE_REQUEST, { uri: decodeURIComponent(uri.query) });
      return answer?.text ?? l10n.t('Diplonote: the note is no longer open; open it and run Explain Structure again.');
    },
  };
  context.subscriptions.push(
    changed,
    workspace.registerTextDocumentContentProvider(SCHEME, provider),
    commands.registerCommand(EXPLAIN_STRUCTURE_COMMAND, async () => {
      const note = window.activeTextEditor?.document;
      if (!note || note.languageId !== 'diplomatic-note') {
        void window.showInformationMessage(l10n.t('Diplonote: open a note to explain its structure.'));
        return;
      }
      const name = note.uri.path.split('/').pop() ?? 'note';
      const uri = Uri.from({ scheme: SCHEME, path: `/${name}.structure.txt`, query: encodeURIComponent(note.uri.toString()) });
      changed.fire(uri);
      await window.showTextDocument(await workspace.openTextDocument(uri), { viewColumn: ViewColumn.Beside, preview: false });
    }),
  );
}
