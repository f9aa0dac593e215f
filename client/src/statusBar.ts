/**
 * The status bar items on a note: the language versions it holds and whether the other version was
 * found (inside the note, or in its partner file), clicking it opens the counterpart to the side; and
 * the size of each version (words, characters) with its figures in the tooltip, from the server's
 * statistics, clicking it opens the aligned view.
 * The versions come from the outline the server sends (its version items), the partner from the
 * server's counterpart request; only the language of a stretch of text is judged here.
 */
import {
  commands, l10n, Range, StatusBarAlignment, SymbolKind, Uri, window, workspace,
  type DocumentSymbol, type ExtensionContext, type StatusBarItem, type TextDocument,
} from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { COUNTERPART_REQUEST, OPEN_ALIGNED_VIEW_COMMAND, STATISTICS_REQUEST, type NoteStatistics, type VersionStatistics } from '../../server/src/protocol';

/** The server gives each language version of a note this symbol kind (and nothing else). */
const VERSION_SYMBOL = SymbolKind.Namespace;
/** Waits this long after the last change before asking the server again. */
const REFRESH_DELAY_MS = 400;
/** The language of a version is judged on its first characters. */
const SAMPLE_LENGTH = 20000;

type Language = 'en' | 'zh' | 'other';

interface NoteStatus {
  readonly languages: readonly Language[];
  /** Where the other version is: inside the note, in another file, or nowhere. */
  readonly counterpart: { readonly kind: 'inside' } | { readonly kind: 'file'; readonly uri: Uri } | { readonly kind: 'none' };
}

export interface NoteStatusBar {
  refresh(): void;
}

export function registerStatusBar(context: ExtensionContext, client: BaseLanguageClient): NoteStatusBar {
  const item = window.createStatusBarItem('diplonote.status', StatusBarAlignment.Right, 100);
  item.name = l10n.t('Diplonote: language versions');
  const figures = window.createStatusBarItem('diplonote.statistics', StatusBarAlignment.Right, 99);
  figures.name = l10n.t('Diplonote: statistics');
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;
  const refresh = () => {
    clearTimeout(timer);
    const document = window.activeTextEditor?.document;
    if (document?.languageId !== 'diplomatic-note') {
      item.hide();
      figures.hide();
      return;
    }
    const question = ++asked;
    timer = setTimeout(async () => {
      const status = await statusOf(document, client).catch(() => undefined);
      if (question === asked && status) show(item, document, status);
      const statistics = await client.sendRequest(STATISTICS_REQUEST, { uri: document.uri.toString() }).catch(() => null);
      if (question === asked) showStatistics(figures, statistics);
    }, REFRESH_DELAY_MS);
  };
  context.subscriptions.push(
    item,
    figures,
    window.onDidChangeActiveTextEditor(refresh),
    workspace.onDidChangeTextDocument((event) => { if (event.document === window.activeTextEditor?.document) refresh(); }),
    { dispose: () => clearTimeout(timer) },
  );
  // The first refresh is the caller's, once the client has started: asked earlier, the server would be
  // asked about a note it has not been sent yet.
  return { refresh };
}

async function statusOf(document: TextDocument, client: BaseLanguageClient): Promise<NoteStatus> {
  const symbols = await commands.executeCommand<DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', document.uri) ?? [];
  const versions = symbols.filter((symbol) => symbol.kind === VERSION_SYMBOL);
  if (versions.length >= 2) return { languages: versions.map((version) => languageOf(document, version.range)), counterpart: { kind: 'inside' } };
  const languages = [languageOf(document)];
  // At the start of a note the server answers with the partner file when there is one.
  const location = await client.sendRequest(COUNTERPART_REQUEST, { textDocument: { uri: document.uri.toString() }, position: { line: 0, character: 0 } });
  if (!location || location.uri === document.uri.toString()) return { languages, counterpart: { kind: 'none' } };
  return { languages, counterpart: { kind: 'file', uri: Uri.parse(location.uri) } };
}

/** Chinese when Han characters outnumber Latin letters. */
function languageOf(document: TextDocument, range?: Range): Language {
  const start = range ? document.offsetAt(range.start) : 0;
  const text = document.getText().slice(start, start + SAMPLE_LENGTH);
  let han = 0;
  let latin = 0;
  for (const character of text) {
    if (/\p{Script=Han}/u.test(character)) han++;
    else if (/[A-Za-z]/.test(character)) latin++;
  }
  if (han === 0 && latin === 0) return 'other';
  return han > latin ? 'zh' : 'en';
}

function show(item: StatusBarItem, document: TextDocument, status: NoteStatus): void {
  const look = describe(document, status);
  item.text = look.text;
  item.tooltip = look.tooltip;
  item.accessibilityInformation = { label: look.tooltip };
  item.command = look.command;
  item.show();
}

function describe(document: TextDocument, { languages, counterpart }: NoteStatus): { text: string; tooltip: string; command?: string } {
  const names = languages.map(languageLabel);
  switch (counterpart.kind) {
    case 'inside':
      return {
        text: `$(book) ${names.join(' + ')}`,
        tooltip: l10n.t('Diplonote: this note holds its language versions side by side; F12 on a paragraph goes to its counterpart.'),
      };
    case 'file':
      return {
        text: `$(book) ${names[0]} ↔ ${languageLabel(languages[0] === 'zh' ? 'en' : 'zh')}`,
        tooltip: l10n.t('Diplonote: the other language version is {0}. Click to open it to the side.', workspace.asRelativePath(counterpart.uri)),
        command: 'diplonote.openCounterpart',
      };
    case 'none':
      return {
        text: `$(book) ${names[0]} $(circle-slash)`,
        tooltip: l10n.t('Diplonote: no other language version found for {0} (no NAME.en.note / NAME.zh.note partner, no counterpart: in the front matter, no second version inside).', workspace.asRelativePath(document.uri)),
      };
  }
}

function languageLabel(language: Language): string {
  switch (language) {
    case 'en':
      return l10n.t('EN');
    case 'zh':
      return '中文';
    case 'other':
      return l10n.t('other language');
  }
}

function showStatistics(item: StatusBarItem, statistics: NoteStatistics | null): void {
  if (!statistics || statistics.versions.length === 0) {
    item.hide();
    return;
  }
  item.text = `$(symbol-numeric) ${statistics.versions.map(size).join(' / ')}`;
  item.tooltip = [...statistics.versions.map(details), ...(statistics.counterpart === 'none' ? [] : [l10n.t('Click to open the aligned view.')])].join('\n');
  item.accessibilityInformation = { label: item.tooltip };
  item.command = statistics.counterpart === 'none' ? undefined : OPEN_ALIGNED_VIEW_COMMAND;
  item.show();
}

/** The size of a version: words in English, characters (without punctuation) in Chinese. */
function size(version: VersionStatistics): string {
  return version.words !== undefined ? l10n.t('{0} words', version.words) : l10n.t('{0} characters', version.characters ?? 0);
}

/** A version's figures, as `diplonote stats` prints them. */
function details(version: VersionStatistics): string {
  const counts = l10n.t('{0} sentences, {1} paragraphs, {2} points', version.sentences, version.paragraphs, version.points);
  const aligned = version.aligned === null ? '' : l10n.t(', {0} % aligned', Math.round(version.aligned * 100));
  return `${languageLabel(version.language)}: ${size(version)}, ${counts}${aligned}`;
}
