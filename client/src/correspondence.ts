/**
 * The Correspondence view (Explorer): the threads of the workspace's notes, grouped by country code and
 * year, from the server's `diplonote/correspondence` request; asked again when the server says the index
 * changed. A click on a note opens it at its own reference.
 */
import {
  commands, EventEmitter, l10n, Range, Selection, TreeItem, TreeItemCollapsibleState, Uri, window,
  type Event, type ExtensionContext, type ProviderResult, type TreeDataProvider,
} from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  CORRESPONDENCE_CHANGED_NOTIFICATION, CORRESPONDENCE_REQUEST, type CorrespondenceCountry, type CorrespondenceThread, type CorrespondenceYear,
} from '../../server/src/protocol';

export const CORRESPONDENCE_VIEW = 'diplonote.correspondence';
const OPEN_NOTE_COMMAND = 'diplonote.correspondence.open';

type Row =
  | { readonly kind: 'country'; readonly country: CorrespondenceCountry }
  | { readonly kind: 'year'; readonly year: CorrespondenceYear; readonly key: string }
  | { readonly kind: 'thread'; readonly thread: CorrespondenceThread; readonly key: string };

class CorrespondenceTree implements TreeDataProvider<Row> {
  private readonly changes = new EventEmitter<Row | undefined>();
  readonly onDidChangeTreeData: Event<Row | undefined> = this.changes.event;
  private countries: Promise<readonly CorrespondenceCountry[]> | undefined;

  constructor(private readonly client: BaseLanguageClient) {}

  refresh(): void {
    this.countries = undefined;
    this.changes.fire(undefined);
  }

  private load(): Promise<readonly CorrespondenceCountry[]> {
    this.countries ??= this.client.sendRequest(CORRESPONDENCE_REQUEST, {}).then((answer) => answer.countries, () => []);
    return this.countries;
  }

  async getChildren(row?: Row): Promise<Row[]> {
    if (!row) return (await this.load()).map((country) => ({ kind: 'country', country }));
    if (row.kind === 'country') {
      return row.country.years.map((year) => ({ kind: 'year', year, key: `${row.country.country ?? ''}/${year.year ?? ''}` }));
    }
    const threads = row.kind === 'year' ? row.year.threads : row.thread.children;
    return threads.map((thread, index) => ({ kind: 'thread', thread, key: `${row.key}/${index}` }));
  }

  getTreeItem(row: Row): TreeItem {
    if (row.kind === 'country') {
      const item = new TreeItem(row.country.country ?? l10n.t('Other correspondence'), TreeItemCollapsibleState.Expanded);
      const threads = row.country.years.reduce((sum, year) => sum + year.threads.length, 0);
      item.description = threads === 1 ? l10n.t('1 thread') : l10n.t('{0} threads', threads);
      return item;
    }
    if (row.kind === 'year') {
      const item = new TreeItem(row.year.year === undefined ? l10n.t('No year') : String(row.year.year), TreeItemCollapsibleState.Expanded);
      item.id = row.key;
      return item;
    }
    return threadItem(row.thread, row.key);
  }

  getParent(): ProviderResult<Row> {
    return undefined;
  }
}

function threadItem(thread: CorrespondenceThread, key: string): TreeItem {
  const state = thread.children.length > 0 ? TreeItemCollapsibleState.Expanded : TreeItemCollapsibleState.None;
  const item = new TreeItem(thread.label, state);
  item.id = key;
  const note = thread.note;
  if (!note) {
    item.description = l10n.t('not in the workspace');
    item.tooltip = l10n.t('{0}: no note of the workspace carries this reference; the notes below cite it or answer it.', thread.label);
    return item;
  }
  item.description = [note.date, note.title].filter(Boolean).join(' · ');
  item.resourceUri = Uri.parse(note.uri);
  item.tooltip = [thread.label, note.title, note.date, Uri.parse(note.uri).path.split('/').pop()].filter(Boolean).join('\n');
  item.command = { command: OPEN_NOTE_COMMAND, title: l10n.t('Open the note'), arguments: [note.uri, note.range] };
  return item;
}

async function openNote(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): Promise<void> {
  const editor = await window.showTextDocument(Uri.parse(uri), { preview: true });
  const target = new Range(range.start.line, range.start.character, range.end.line, range.end.character);
  editor.selection = new Selection(target.start, target.end);
  editor.revealRange(target);
}

export function registerCorrespondenceView(context: ExtensionContext, client: BaseLanguageClient): void {
  const tree = new CorrespondenceTree(client);
  context.subscriptions.push(
    window.createTreeView(CORRESPONDENCE_VIEW, { treeDataProvider: tree, showCollapseAll: true }),
    commands.registerCommand(OPEN_NOTE_COMMAND, openNote),
    client.onNotification(CORRESPONDENCE_CHANGED_NOTIFICATION, () => tree.refresh()),
  );
}
