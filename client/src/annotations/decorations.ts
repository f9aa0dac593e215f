/**
 * Annotated spans coloured by their first tag, in every visible note: a tinted background with an
 * underline of the tag's colour (stronger on dark themes, where a light tint would glare), fainter and
 * dotted once resolved, and a dashed underline alone for an annotation projected from the other
 * language version. Untagged annotations take the theme colours `diplonote.annotationBackground` and
 * `diplonote.annotationBorder`, which themes (and high contrast ones) can set.
 */
import {
  DecorationRangeBehavior, Disposable, OverviewRulerLane, ThemeColor, window,
  type DecorationRenderOptions, type Range, type TextEditor, type TextEditorDecorationType,
} from 'vscode';
import { editorRange, isNote } from './documents';
import type { AnnotationStore } from './store';
import { taxonomyOf } from './tags';

type Look = 'open' | 'resolved' | 'projected';

/** Alpha of the tint, by theme and look: hex of 0–255. */
const TINT = { open: { light: '2e', dark: '47' }, resolved: { light: '14', dark: '1f' } } as const;

const UNTAGGED = 'untagged';

function renderOptions(look: Look, colour: string | undefined): DecorationRenderOptions {
  const border = colour ?? new ThemeColor('diplonote.annotationBorder');
  const common: DecorationRenderOptions = {
    rangeBehavior: DecorationRangeBehavior.ClosedClosed,
    overviewRulerLane: OverviewRulerLane.Right,
    overviewRulerColor: border,
    borderColor: border,
  };
  if (look === 'projected') return { ...common, borderStyle: 'none none dashed none', borderWidth: '0 0 1px 0' };
  const style = look === 'resolved' ? 'dotted' : 'solid';
  const underline: DecorationRenderOptions = { ...common, borderStyle: `none none ${style} none`, borderWidth: '0 0 2px 0' };
  if (!colour) return { ...underline, backgroundColor: new ThemeColor('diplonote.annotationBackground') };
  return {
    ...underline,
    light: { backgroundColor: colour + TINT[look].light },
    dark: { backgroundColor: colour + TINT[look].dark },
  };
}

export class AnnotationDecorations implements Disposable {
  private readonly types = new Map<string, TextEditorDecorationType>();
  private readonly subscriptions: Disposable[];

  constructor(private readonly store: AnnotationStore) {
    this.subscriptions = [
      store.onDidChange((uri) => this.paintEditorsOf(uri)),
      window.onDidChangeVisibleTextEditors((editors) => editors.forEach((editor) => this.paint(editor))),
    ];
  }

  private paintEditorsOf(uri: string): void {
    for (const editor of window.visibleTextEditors) if (editor.document.uri.toString() === uri) this.paint(editor);
  }

  paint(editor: TextEditor): void {
    if (!isNote(editor.document)) return;
    const answer = this.store.get(editor.document.uri.toString());
    const taxonomy = taxonomyOf(answer?.tags);
    const wanted = new Map<string, Range[]>();
    const add = (look: Look, tags: readonly string[], range: Range) => {
      const colour = tags.length > 0 ? taxonomy.colour(tags[0]) : undefined;
      const key = this.typeFor(look, colour);
      const ranges = wanted.get(key);
      if (ranges) ranges.push(range);
      else wanted.set(key, [range]);
    };
    for (const annotation of answer?.annotations ?? []) {
      if (annotation.range) add(annotation.status === 'resolved' ? 'resolved' : 'open', annotation.tags, editorRange(annotation.range));
    }
    for (const projected of answer?.projected ?? []) add('projected', projected.tags, editorRange(projected.range));
    for (const [key, type] of this.types) editor.setDecorations(type, wanted.get(key) ?? []);
  }

  private typeFor(look: Look, colour: string | undefined): string {
    const key = `${look}:${colour ?? UNTAGGED}`;
    if (!this.types.has(key)) this.types.set(key, window.createTextEditorDecorationType(renderOptions(look, colour)));
    return key;
  }

  dispose(): void {
    Disposable.from(...this.subscriptions, ...this.types.values()).dispose();
  }
}
