/**
 * The translator's workbench commands the editor carries out: saving the aligned pairs as TMX or CSV,
 * the concordance of a term (asked, or the selection) shown as a quick pick of keyword-in-context
 * lines that opens the one picked, and saving the glossary in force as TBX or CSV. The server makes
 * every text; the client asks where to save and writes it (a web workspace has no file system).
 */
import { commands, l10n, Range, Selection, TextEditorRevealType, Uri, window, workspace, type ExtensionContext, type QuickPickItem } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  CONCORDANCE_COMMAND, CONCORDANCE_REQUEST, EXPORT_ALIGNED_PAIRS_CSV_COMMAND, EXPORT_GLOSSARY_COMMAND, EXPORT_GLOSSARY_REQUEST, EXPORT_PAIRS_REQUEST,
  type ConcordanceLine,
} from '../../server/src/protocol';

export function registerWorkbench(context: ExtensionContext, client: BaseLanguageClient): void {
  context.subscriptions.push(
    commands.registerCommand(EXPORT_ALIGNED_PAIRS_CSV_COMMAND, () => exportPairs(client, 'csv')),
    commands.registerCommand(CONCORDANCE_COMMAND, () => showConcordance(client)),
    commands.registerCommand(EXPORT_GLOSSARY_COMMAND, () => exportGlossary(client)),
  );
}

const PAIR_FORMATS = {
  tmx: { extension: 'tmx', filter: () => l10n.t('Translation memory (TMX)') },
  csv: { extension: 'csv', filter: () => l10n.t('Comma-separated values (CSV)') },
} as const;

/** Diplonote: Export Aligned Pairs (TMX or CSV): asks where to save, then writes the server's text there. */
export async function exportPairs(client: BaseLanguageClient, format: keyof typeof PAIR_FORMATS): Promise<void> {
  const editor = window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'diplomatic-note') {
    void window.showInformationMessage(l10n.t('Diplonote: open a note to export its aligned pairs.'));
    return;
  }
  const source = editor.document.uri;
  const answer = await client.sendRequest(EXPORT_PAIRS_REQUEST, { uri: source.toString(), format });
  if (!answer) {
    void window.showInformationMessage(l10n.t('Diplonote: this note has no other language version to pair with.'));
    return;
  }
  const { extension, filter } = PAIR_FORMATS[format];
  await saveText(answer.text, source.with({ path: source.path.replace(/\.note$/, '') + `.${extension}` }), { [filter()]: [extension] },
    (target) => l10n.t('Diplonote: aligned pairs written to {0}.', target));
}

async function saveText(text: string, defaultUri: Uri, filters: Record<string, string[]>, done: (target: string) => string): Promise<void> {
  const target = await window.showSaveDialog({ defaultUri, filters });
  if (!target) return;
  await workspace.fs.writeFile(target, new TextEncoder().encode(text));
  void window.showInformationMessage(done(workspace.asRelativePath(target)));
}

interface ConcordancePick extends QuickPickItem {
  readonly line: ConcordanceLine;
}

/** Diplonote: Concordance: the selection, or a term typed, looked up across the workspace. */
async function showConcordance(client: BaseLanguageClient): Promise<void> {
  const editor = window.activeTextEditor;
  const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection).trim() : '';
  const term = selected && !selected.includes('\n') ? selected : await window.showInputBox({
    title: l10n.t('Diplonote: Concordance'),
    prompt: l10n.t('A term in English or Chinese (traditional and simplified characters are folded together)'),
    validateInput: (value) => (value.trim() === '' ? l10n.t('Type a term, or press Esc to cancel.') : undefined),
  });
  if (!term?.trim()) return;
  const concordance = await client.sendRequest(CONCORDANCE_REQUEST, { term: term.trim() });
  if (concordance.lines.length === 0) {
    void window.showInformationMessage(l10n.t('Diplonote: "{0}" is in no note or translation memory of the workspace.', term.trim()));
    return;
  }
  const picks: ConcordancePick[] = concordance.lines.map((line) => ({
    label: `${line.left} [${line.keyword}] ${line.right}`,
    description: `${workspace.asRelativePath(Uri.parse(line.uri))}:${line.range.start.line + 1}`,
    detail: line.rendering ? `→ ${line.rendering.text}` : undefined,
    line,
  }));
  const title = concordance.truncated
    ? l10n.t('Concordance of "{0}": the first {1} occurrences', concordance.term, concordance.lines.length)
    : l10n.t('Concordance of "{0}": {1} occurrences', concordance.term, concordance.lines.length);
  const picked = await window.showQuickPick(picks, { title, matchOnDescription: true, matchOnDetail: true });
  if (!picked) return;
  const { range, uri } = picked.line;
  const shown = await window.showTextDocument(Uri.parse(uri));
  const target = new Range(range.start.line, range.start.character, range.end.line, range.end.character);
  shown.selection = new Selection(target.start, target.end);
  shown.revealRange(target, TextEditorRevealType.InCenterIfOutsideViewport);
}

/** Diplonote: Export Glossary: the glossary in force as TBX-Basic or CSV. */
async function exportGlossary(client: BaseLanguageClient): Promise<void> {
  const formats = [
    { label: 'TBX-Basic', description: l10n.t('for terminology tools (Trados MultiTerm, memoQ, OmegaT)'), format: 'tbx' as const },
    { label: 'CSV', description: l10n.t('for spreadsheets'), format: 'csv' as const },
  ];
  const picked = await window.showQuickPick(formats, { title: l10n.t('Diplonote: Export Glossary') });
  if (!picked) return;
  const { text } = await client.sendRequest(EXPORT_GLOSSARY_REQUEST, { format: picked.format });
  const folder = workspace.workspaceFolders?.[0]?.uri;
  const name = `diplonote-glossary.${picked.format}`;
  await saveText(text, folder ? Uri.joinPath(folder, name) : Uri.file(name), { [picked.label]: [picked.format] },
    (target) => l10n.t('Diplonote: glossary written to {0}.', target));
}
