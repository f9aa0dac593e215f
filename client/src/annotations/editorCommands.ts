/**
 * The annotation commands of a note's editor: *Annotate Selection* (a new thread on the selection, for
 * its first comment), *Tag Selection* (the tags of the annotation selected or under the cursor, or a new
 * tagging annotation on the selection) and *Next/Previous Annotation* (the note's own annotations and
 * those projected onto it, in document order, round the end).
 */
import { commands, Disposable, l10n, Selection, TextEditorRevealType, window, type Range, type TextEditor } from 'vscode';
import type { AnnotationData } from '../../../server/src/protocol';
import { editorRange, isNote } from './documents';
import type { AnnotationStore } from './store';
import { pickTags } from './tagPick';
import { taxonomyOf } from './tags';
import type { AnnotationThreads } from './threads';

export const EDITOR_COMMANDS = {
  annotate: 'diplonote.annotateSelection',
  tag: 'diplonote.tagSelection',
  next: 'diplonote.nextAnnotation',
  previous: 'diplonote.previousAnnotation',
} as const;

function noteEditor(): TextEditor | undefined {
  const editor = window.activeTextEditor;
  if (editor && isNote(editor.document)) return editor;
  void window.showInformationMessage(l10n.t('Diplonote: open a note to annotate it.'));
  return undefined;
}

export function registerEditorCommands(store: AnnotationStore, threads: AnnotationThreads): Disposable {
  /** The editor's note when its annotations can be written; says why not otherwise. */
  const writableNote = (): TextEditor | undefined => {
    const editor = noteEditor();
    const answer = editor && store.get(editor.document.uri.toString());
    if (answer && !answer.writable) {
      void window.showWarningMessage(l10n.t('Diplonote: annotations of this note cannot be saved: {0}', answer.message ?? answer.sidecar));
      return undefined;
    }
    return editor;
  };

  const annotate = () => {
    const editor = writableNote();
    if (!editor) return;
    if (editor.selection.isEmpty) {
      void window.showInformationMessage(l10n.t('Diplonote: select the text to annotate first.'));
      return;
    }
    threads.startThread(editor.document.uri, editor.selection);
  };

  const tag = async () => {
    const editor = writableNote();
    if (!editor) return;
    const uri = editor.document.uri.toString();
    const answer = store.get(uri);
    const existing = annotationAt(answer?.annotations ?? [], editor.selection);
    if (!existing && editor.selection.isEmpty) {
      void window.showInformationMessage(l10n.t('Diplonote: select the text to tag, or put the cursor in an annotation.'));
      return;
    }
    const quote = existing?.quote ?? editor.document.getText(editor.selection);
    const tags = await pickTags(taxonomyOf(answer?.tags), existing?.tags ?? [], quote);
    if (!tags) return;
    if (existing) await store.update({ uri, id: existing.id, tags });
    else if (tags.length > 0) {
      const range = editor.selection;
      await store.annotate({ uri, range: { start: range.start, end: range.end }, motivation: 'tagging', tags });
    }
  };

  const move = (direction: 1 | -1) => () => {
    const editor = noteEditor();
    if (!editor) return;
    const spans = spansOf(store, editor);
    if (spans.length === 0) {
      void window.showInformationMessage(l10n.t('Diplonote: this note has no annotations.'));
      return;
    }
    const cursor = editor.selection.start;
    const next = direction === 1
      ? spans.find((span) => span.start.isAfter(cursor)) ?? spans[0]
      : [...spans].reverse().find((span) => span.start.isBefore(cursor)) ?? spans[spans.length - 1];
    editor.selection = new Selection(next.start, next.end);
    editor.revealRange(next, TextEditorRevealType.InCenterIfOutsideViewport);
  };

  return Disposable.from(
    commands.registerCommand(EDITOR_COMMANDS.annotate, annotate),
    commands.registerCommand(EDITOR_COMMANDS.tag, tag),
    commands.registerCommand(EDITOR_COMMANDS.next, move(1)),
    commands.registerCommand(EDITOR_COMMANDS.previous, move(-1)),
  );
}

/** The annotation selected exactly, or else the innermost one holding an empty selection. */
function annotationAt(annotations: readonly AnnotationData[], selection: Selection): AnnotationData | undefined {
  const placed = annotations.flatMap((annotation) => (annotation.range ? [{ annotation, range: editorRange(annotation.range) }] : []));
  const exact = placed.find(({ range }) => range.isEqual(selection));
  if (exact || !selection.isEmpty) return exact?.annotation;
  const holding = placed.filter(({ range }) => range.contains(selection.active));
  holding.sort((a, b) => (a.range.contains(b.range) ? 1 : b.range.contains(a.range) ? -1 : 0));
  return holding[0]?.annotation;
}

/** The spans of the note's own and projected annotations, by where they start. */
function spansOf(store: AnnotationStore, editor: TextEditor): Range[] {
  const answer = store.get(editor.document.uri.toString());
  const ranges = [
    ...(answer?.annotations ?? []).flatMap((annotation) => (annotation.range ? [editorRange(annotation.range)] : [])),
    ...(answer?.projected ?? []).map((projected) => editorRange(projected.range)),
  ];
  return ranges.sort((a, b) => a.start.compareTo(b.start) || a.end.compareTo(b.end));
}
