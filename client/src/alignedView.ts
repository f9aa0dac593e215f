/**
 * The aligned view: a webview beside a note with one row per aligned pair (paragraph → point →
 * sentence), English and Chinese side by side, from the server's `diplonote/alignedView` (the rows
 * `diplonote align` prints). It is drawn again as the user types (debounced), follows the cursor in
 * either version, reveals a side in its editor when clicked, and sends the corrections made in it to
 * the server, which writes them to the note's annotation sidecar. The page itself (media/) only
 * draws the rows and reports clicks and keys; it loads nothing remote and runs under a strict CSP.
 */
import {
  commands, Disposable, env, l10n, Range, Selection, TextEditorRevealType, Uri, ViewColumn, window, workspace,
  type ExtensionContext, type TextDocument, type TextEditor, type WebviewPanel,
} from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  ALIGNED_VIEW_REQUEST, CORRECT_ALIGNMENT_REQUEST, OPEN_ALIGNED_VIEW_COMMAND,
  type AlignedView, type CorrectionAction, type RowSide,
} from '../../server/src/protocol';

/** Waits this long after the last keystroke before drawing the rows again. */
const REDRAW_DELAY_MS = 300;
/** Waits this long after the last cursor move before following it. */
const FOLLOW_DELAY_MS = 100;

type Side = 'en' | 'zh';

/** What the page sends. */
type PageMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'reveal'; readonly row: number; readonly side: Side }
  | { readonly type: 'correct'; readonly action: CorrectionAction };

export function registerAlignedView(context: ExtensionContext, client: BaseLanguageClient): void {
  const views = new Map<string, AlignedViewPanel>();
  context.subscriptions.push(commands.registerCommand(OPEN_ALIGNED_VIEW_COMMAND, async (uri?: string) => {
    const document = uri ? await workspace.openTextDocument(Uri.parse(uri)) : window.activeTextEditor?.document;
    if (document?.languageId !== 'diplomatic-note') {
      void window.showInformationMessage(l10n.t('Diplonote: open a note to see its aligned view.'));
      return;
    }
    const key = document.uri.toString();
    const open = views.get(key);
    if (open) {
      open.reveal();
      return;
    }
    const view = new AlignedViewPanel(context, client, document, () => views.delete(key));
    views.set(key, view);
  }));
}

class AlignedViewPanel {
  private readonly panel: WebviewPanel;
  private readonly disposables: Disposable[] = [];
  private view: AlignedView | null = null;
  private redrawTimer: ReturnType<typeof setTimeout> | undefined;
  private followTimer: ReturnType<typeof setTimeout> | undefined;
  private asked = 0;

  constructor(context: ExtensionContext, private readonly client: BaseLanguageClient, private readonly note: TextDocument, onClose: () => void) {
    const media = Uri.joinPath(context.extensionUri, 'media');
    this.panel = window.createWebviewPanel('diplonote.alignedView', l10n.t('Aligned: {0}', fileNameOf(note.uri)), { viewColumn: ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: [media],
    });
    this.panel.webview.html = pageHtml(this.panel, media);
    this.disposables.push(
      this.panel.webview.onDidReceiveMessage((message: PageMessage) => void this.received(message)),
      workspace.onDidChangeTextDocument((event) => { if (this.shows(event.document.uri)) this.redrawSoon(); }),
      window.onDidChangeTextEditorSelection((event) => { if (this.shows(event.textEditor.document.uri)) this.followSoon(event.textEditor); }),
      this.panel.onDidDispose(() => {
        onClose();
        clearTimeout(this.redrawTimer);
        clearTimeout(this.followTimer);
        for (const disposable of this.disposables) disposable.dispose();
      }),
    );
  }

  reveal(): void {
    this.panel.reveal(undefined, true);
  }

  /** Whether `uri` is one of the versions shown (the note, or its partner file). */
  private shows(uri: Uri): boolean {
    const key = uri.toString();
    return key === this.note.uri.toString() || key === this.view?.en || key === this.view?.zh;
  }

  private redrawSoon(): void {
    clearTimeout(this.redrawTimer);
    this.redrawTimer = setTimeout(() => void this.redraw(), REDRAW_DELAY_MS);
  }

  private followSoon(editor: TextEditor): void {
    clearTimeout(this.followTimer);
    this.followTimer = setTimeout(() => this.follow(editor), FOLLOW_DELAY_MS);
  }

  private async redraw(): Promise<void> {
    const question = ++this.asked;
    const view = await this.client.sendRequest(ALIGNED_VIEW_REQUEST, { uri: this.note.uri.toString() }).catch(() => null);
    if (question !== this.asked) return;
    this.view = view;
    void this.panel.webview.postMessage({ type: 'view', view, labels: pageLabels() });
    const active = window.activeTextEditor;
    if (active && this.shows(active.document.uri)) this.follow(active);
  }

  /** Marks the row of the cursor, the finest that holds it (a sentence inside its paragraph). */
  private follow(editor: TextEditor): void {
    if (!this.view) return;
    const uri = editor.document.uri.toString();
    const cursor = editor.selection.active;
    let found = -1;
    this.view.rows.forEach((row, index) => {
      for (const side of ['en', 'zh'] as const) {
        const place = row[side];
        if (place && (this.view?.[side] === uri) && holds(place, cursor.line, cursor.character)) found = index;
      }
    });
    if (found >= 0) void this.panel.webview.postMessage({ type: 'follow', row: found });
  }

  private async received(message: PageMessage): Promise<void> {
    if (message.type === 'ready') await this.redraw();
    else if (message.type === 'reveal') await this.revealSide(message.row, message.side);
    else if (message.type === 'correct') await this.correct(message.action);
  }

  private async revealSide(index: number, side: Side): Promise<void> {
    const view = this.view;
    const place = view?.rows[index]?.[side];
    if (!view || !place) return;
    const uri = Uri.parse(view[side]);
    const shown = window.visibleTextEditors.find((editor) => editor.document.uri.toString() === uri.toString());
    const column = shown?.viewColumn ?? (this.panel.viewColumn === ViewColumn.One ? ViewColumn.Two : ViewColumn.One);
    const editor = await window.showTextDocument(uri, { viewColumn: column, preserveFocus: false });
    const range = new Range(place.range.start.line, place.range.start.character, place.range.end.line, place.range.end.character);
    editor.selection = new Selection(range.start, range.end);
    editor.revealRange(range, TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async correct(action: CorrectionAction): Promise<void> {
    if (!this.view) return;
    const result = await this.client.sendRequest(CORRECT_ALIGNMENT_REQUEST, { uri: this.note.uri.toString(), stamp: this.view.stamp, action });
    if (!result.applied) void window.showWarningMessage(l10n.t('Diplonote: the correction was not made: {0}', result.message ?? ''));
    await this.redraw();
  }
}

function holds(place: RowSide, line: number, character: number): boolean {
  const { start, end } = place.range;
  const afterStart = line > start.line || (line === start.line && character >= start.character);
  const beforeEnd = line < end.line || (line === end.line && character <= end.character);
  return afterStart && beforeEnd;
}

function fileNameOf(uri: Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** The page's words, in the user's language. */
function pageLabels(): Record<string, string> {
  return {
    english: l10n.t('English'),
    chinese: l10n.t('Chinese'),
    confidence: l10n.t('Confidence'),
    findings: l10n.t('Findings'),
    paragraph: l10n.t('Paragraph'),
    point: l10n.t('Point'),
    sentence: l10n.t('Sentence'),
    corrected: l10n.t('Corrected by you'),
    none: l10n.t('(no counterpart)'),
    noView: l10n.t('This note has no other language version to align with.'),
    pair: l10n.t('Pair'),
    unpair: l10n.t('Unpair'),
    merge: l10n.t('Merge'),
    split: l10n.t('Split'),
    remove: l10n.t('Undo correction'),
    help: l10n.t('↑/↓ move, ←/→ choose a side, Enter shows it in the editor, Space selects it (select an English and a Chinese side to pair them, two rows to merge them).'),
  };
}

/** A fresh value each time the page is made: only the script carrying it runs. */
function nonce(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function pageHtml(panel: WebviewPanel, media: Uri): string {
  const { webview } = panel;
  const script = webview.asWebviewUri(Uri.joinPath(media, 'alignedView.js'));
  const style = webview.asWebviewUri(Uri.joinPath(media, 'alignedView.css'));
  const scriptNonce = nonce();
  return `<!DOCTYPE html>
<html lang="${env.language}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${scriptNonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>${l10n.t('Aligned view')}</title>
</head>
<body>
<div class="toolbar" role="toolbar"></div>
<p class="help"></p>
<table class="rows" role="grid"><thead></thead><tbody></tbody></table>
<script nonce="${scriptNonce}" src="${script.toString()}"></script>
</body>
</html>`;
}
