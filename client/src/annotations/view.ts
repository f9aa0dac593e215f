/**
 * The Annotations view (Explorer, beside Correspondence): the annotations of every note of the
 * workspace that has them, open or not, grouped by note or by tag, narrowed by a filter; a click opens
 * the note at the annotated span.
 */
import {
  commands, Disposable, EventEmitter, l10n, MarkdownString, ThemeIcon, TreeItem, TreeItemCollapsibleState, Uri, window,
  type Event, type TreeDataProvider,
} from 'vscode';
import type { AnnotationData, AnnotationsResult } from '../../../server/src/protocol';
import { showSpan } from './documents';
import type { AnnotationStore } from './store';
import { taxonomyOf, type Taxonomy } from './tags';

export const ANNOTATIONS_VIEW = 'diplonote.annotations';
export const VIEW_COMMANDS = {
  reveal: 'diplonote.annotations.reveal',
  filter: 'diplonote.annotations.filter',
  clearFilter: 'diplonote.annotations.clearFilter',
  byTag: 'diplonote.annotations.groupByTag',
  byNote: 'diplonote.annotations.groupByNote',
} as const;

const QUOTE_LENGTH = 80;

type Grouping = 'note' | 'tag';

interface Entry {
  readonly answer: AnnotationsResult;
  readonly annotation: AnnotationData;
}

type Row =
  | { readonly kind: 'note'; readonly answer: AnnotationsResult; readonly entries: readonly Entry[] }
  | { readonly kind: 'tag'; readonly tag: string | undefined; readonly label: string; readonly entries: readonly Entry[] }
  | { readonly kind: 'annotation'; readonly entry: Entry; readonly parent: string };

class AnnotationTree implements TreeDataProvider<Row> {
  private readonly changes = new EventEmitter<Row | undefined>();
  readonly onDidChangeTreeData: Event<Row | undefined> = this.changes.event;
  grouping: Grouping = 'note';
  filter = '';

  constructor(private readonly store: AnnotationStore) {}

  refresh(): void {
    this.changes.fire(undefined);
  }

  /** Every annotation the filter lets through, placed ones first in document order, then orphans. */
  private entries(answer: AnnotationsResult): Entry[] {
    const taxonomy = taxonomyOf(answer.tags);
    const words = this.filter.toLowerCase().split(/\s+/).filter(Boolean);
    return [...answer.annotations, ...answer.orphans]
      .filter((annotation) => words.every((word) => searchText(annotation, taxonomy).includes(word)))
      .map((annotation) => ({ answer, annotation }));
  }

  getChildren(row?: Row): Row[] {
    if (row) return row.kind === 'annotation' ? [] : row.entries.map((entry) => ({ kind: 'annotation', entry, parent: row.kind === 'note' ? row.answer.uri : `tag:${row.tag ?? ''}` }));
    const answers = this.store.all().sort((a, b) => a.uri.localeCompare(b.uri));
    if (this.grouping === 'note') {
      return answers.flatMap((answer) => {
        const entries = this.entries(answer);
        return entries.length > 0 ? [{ kind: 'note' as const, answer, entries }] : [];
      });
    }
    return byTag(answers.flatMap((answer) => this.entries(answer)));
  }

  getTreeItem(row: Row): TreeItem {
    if (row.kind === 'note') {
      const uri = Uri.parse(row.answer.uri);
      const item = new TreeItem(uri, TreeItemCollapsibleState.Expanded);
      item.id = `note:${row.answer.uri}`;
      item.description = l10n.t('{0} annotations', row.entries.length);
      return item;
    }
    if (row.kind === 'tag') {
      const item = new TreeItem(row.label, TreeItemCollapsibleState.Expanded);
      item.id = `tag:${row.tag ?? ''}`;
      item.iconPath = new ThemeIcon('tag');
      item.description = l10n.t('{0} annotations', row.entries.length);
      return item;
    }
    return annotationItem(row, this.grouping);
  }
}

function searchText(annotation: AnnotationData, taxonomy: Taxonomy): string {
  const parts = [
    annotation.quote, annotation.comment, annotation.creator ?? '', annotation.status ?? '', annotation.anchoring,
    ...annotation.tags, ...annotation.tags.map((tag) => taxonomy.label(tag)), ...annotation.replies.map((reply) => reply.comment),
  ];
  return parts.join('\n').toLowerCase();
}

function byTag(entries: readonly Entry[]): Row[] {
  const groups = new Map<string | undefined, { label: string; entries: Entry[] }>();
  for (const entry of entries) {
    const taxonomy = taxonomyOf(entry.answer.tags);
    const tags = entry.annotation.tags.length > 0 ? entry.annotation.tags : [undefined];
    for (const tag of tags) {
      const group = groups.get(tag) ?? { label: tag === undefined ? l10n.t('No tag') : taxonomy.label(tag), entries: [] };
      group.entries.push(entry);
      groups.set(tag, group);
    }
  }
  return [...groups].map(([tag, group]) => ({ kind: 'tag' as const, tag, ...group })).sort((a, b) => (a.tag === undefined ? 1 : b.tag === undefined ? -1 : a.label.localeCompare(b.label)));
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > QUOTE_LENGTH ? `${line.slice(0, QUOTE_LENGTH - 1)}…` : line;
}

function annotationItem(row: Extract<Row, { kind: 'annotation' }>, grouping: Grouping): TreeItem {
  const { answer, annotation } = row.entry;
  const taxonomy = taxonomyOf(answer.tags);
  const item = new TreeItem(oneLine(annotation.quote) || l10n.t('(empty quote)'), TreeItemCollapsibleState.None);
  item.id = `${row.parent}/${annotation.id}`;
  const where = annotation.range ? l10n.t('Ln {0}', annotation.range.start.line + 1) : l10n.t('orphaned');
  const note = Uri.parse(answer.uri).path.split('/').pop() ?? answer.uri;
  const tags = annotation.tags.map((tag) => taxonomy.label(tag)).join(', ');
  item.description = [grouping === 'tag' ? note : undefined, where, grouping === 'note' ? tags : undefined].filter(Boolean).join(' · ');
  item.iconPath = new ThemeIcon(!annotation.range ? 'warning' : annotation.status === 'resolved' ? 'pass' : annotation.comment ? 'comment' : 'tag');
  item.tooltip = tooltip(annotation, tags);
  item.contextValue = annotation.range ? 'diplonote.annotation' : 'diplonote.orphan';
  item.command = { command: VIEW_COMMANDS.reveal, title: l10n.t('Show the annotation'), arguments: [answer.uri, annotation.range] };
  return item;
}

function tooltip(annotation: AnnotationData, tags: string): MarkdownString {
  const text = new MarkdownString();
  text.appendText(annotation.quote.length > 400 ? `${annotation.quote.slice(0, 399)}…` : annotation.quote);
  if (tags) text.appendMarkdown('\n\n').appendText(tags);
  if (annotation.comment) text.appendMarkdown('\n\n').appendText(annotation.comment);
  if (annotation.replies.length > 0) text.appendMarkdown('\n\n').appendText(l10n.t('{0} replies', annotation.replies.length));
  if (annotation.creator) text.appendMarkdown('\n\n').appendText(`— ${annotation.creator}`);
  if (!annotation.range) text.appendMarkdown('\n\n').appendText(l10n.t('Orphaned: its text was not found in the note as it is now. It is kept until you delete it.'));
  return text;
}

async function reveal(uri: string, range: AnnotationData['range']): Promise<void> {
  await showSpan(uri, range);
  if (!range) void window.showInformationMessage(l10n.t('Diplonote: this annotation is orphaned: its text is no longer in the note.'));
}

export function registerAnnotationsView(store: AnnotationStore): Disposable {
  const tree = new AnnotationTree(store);
  const view = window.createTreeView(ANNOTATIONS_VIEW, { treeDataProvider: tree, showCollapseAll: true });
  const setGrouping = (grouping: Grouping) => {
    tree.grouping = grouping;
    void commands.executeCommand('setContext', 'diplonote.annotations.grouping', grouping);
    tree.refresh();
  };
  const setFilter = (filter: string) => {
    tree.filter = filter.trim();
    view.description = tree.filter ? l10n.t('filter: {0}', tree.filter) : undefined;
    void commands.executeCommand('setContext', 'diplonote.annotations.filtered', tree.filter !== '');
    tree.refresh();
  };
  const askFilter = async () => {
    const filter = await window.showInputBox({
      title: l10n.t('Filter annotations'),
      prompt: l10n.t('Words that the quote, comment, tags, replies, author or status must all contain'),
      value: tree.filter,
    });
    if (filter !== undefined) setFilter(filter);
  };
  setGrouping('note');
  return Disposable.from(
    view,
    store.onDidChange(() => tree.refresh()),
    commands.registerCommand(VIEW_COMMANDS.reveal, reveal),
    commands.registerCommand(VIEW_COMMANDS.filter, askFilter),
    commands.registerCommand(VIEW_COMMANDS.clearFilter, () => setFilter('')),
    commands.registerCommand(VIEW_COMMANDS.byTag, () => setGrouping('tag')),
    commands.registerCommand(VIEW_COMMANDS.byNote, () => setGrouping('note')),
  );
}
