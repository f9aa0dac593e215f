/**
 * The quick pick of tags (*Tag Selection*, a thread's *Tag…*): every tag of the taxonomy with its label
 * in the interface's language, its name and description, the annotation's current tags ticked.
 */
import { l10n, window, type QuickPickItem } from 'vscode';
import type { Taxonomy } from './tags';

interface TagItem extends QuickPickItem {
  readonly name: string;
}

/** The tags chosen (possibly none), or undefined when the user pressed Esc. */
export async function pickTags(taxonomy: Taxonomy, current: readonly string[], quote: string): Promise<string[] | undefined> {
  const known = new Set(taxonomy.tags.map((tag) => tag.name));
  // A tag the annotation has but the taxonomy lost stays offered, so that it is not dropped unseen.
  const names = [...taxonomy.tags.map((tag) => tag.name), ...current.filter((name) => !known.has(name))];
  if (names.length === 0) {
    void window.showInformationMessage(l10n.t('Diplonote: no tags are defined (setting diplonote.annotations.tags or .diplonote/tags.json).'));
    return undefined;
  }
  const items: TagItem[] = names.map((name) => ({
    name,
    label: taxonomy.label(name),
    description: name,
    detail: taxonomy.description(name),
    picked: current.includes(name),
  }));
  const chosen = await window.showQuickPick(items, {
    canPickMany: true,
    matchOnDescription: true,
    title: l10n.t('Tags of "{0}"', quote.length > 60 ? `${quote.slice(0, 59)}…` : quote),
    placeHolder: l10n.t('Tick the tags of the annotation, then press Enter'),
  });
  return chosen?.map((item) => item.name);
}
