/**
 * What the buttons of a comment thread do (the `comments/*` menus of package.json): the first comment
 * of a new thread makes the annotation, and reply, edit, delete, resolve, reopen, tag and, on a
 * projected thread, going to the original are mapped onto the server's requests.
 */
import { commands, Disposable, l10n, Range, window, type CommentReply, type CommentThread } from 'vscode';
import type { Range as LspRange } from 'vscode-languageclient';
import { showSpan } from './documents';
import type { AnnotationStore } from './store';
import { pickTags } from './tagPick';
import { taxonomyOf } from './tags';
import type { AnnotationComment, AnnotationThreads, ThreadTarget } from './threads';

export const THREAD_COMMANDS = {
  create: 'diplonote.annotations.create',
  cancelNew: 'diplonote.annotations.cancelNew',
  reply: 'diplonote.annotations.reply',
  edit: 'diplonote.annotations.edit',
  saveEdit: 'diplonote.annotations.saveEdit',
  cancelEdit: 'diplonote.annotations.cancelEdit',
  deleteComment: 'diplonote.annotations.deleteComment',
  deleteThread: 'diplonote.annotations.deleteThread',
  resolve: 'diplonote.annotations.resolve',
  reopen: 'diplonote.annotations.reopen',
  tag: 'diplonote.annotations.tagThread',
  goToOriginal: 'diplonote.annotations.goToOriginal',
} as const;

function lspRange(range: Range): LspRange {
  return { start: { line: range.start.line, character: range.start.character }, end: { line: range.end.line, character: range.end.character } };
}

/** A click in the gutter without a selection gives an empty range: the line's text is annotated then. */
function spanOf(thread: CommentThread): Range | undefined {
  const range = thread.range;
  if (!range || !range.isEmpty) return range;
  const document = window.visibleTextEditors.find((editor) => editor.document.uri.toString() === thread.uri.toString())?.document;
  const line = document?.lineAt(range.start.line);
  if (!line || line.isEmptyOrWhitespace) return undefined;
  return new Range(line.lineNumber, line.firstNonWhitespaceCharacterIndex, line.lineNumber, line.text.trimEnd().length);
}

export function registerThreadActions(store: AnnotationStore, threads: AnnotationThreads): Disposable {
  const own = (thread: CommentThread): Extract<ThreadTarget, { kind: 'own' }> | undefined => {
    const target = threads.targetOf(thread);
    return target?.kind === 'own' ? target : undefined;
  };

  const create = async ({ thread, text }: CommentReply) => {
    const span = spanOf(thread);
    if (!span) {
      void window.showInformationMessage(l10n.t('Diplonote: select the text to annotate first.'));
      return;
    }
    const result = await store.annotate({ uri: thread.uri.toString(), range: lspRange(span), motivation: 'commenting', comment: text });
    if (!result) return; // the thread stays, with what was typed, for another try
    thread.dispose();
    // The store asked for the note's annotations before answering: the new thread is there.
    if (result.id) threads.expand(thread.uri.toString(), result.id);
  };

  const reply = async ({ thread, text }: CommentReply) => {
    const target = own(thread);
    if (target) await store.update({ uri: target.note, id: target.annotation.id, reply: text });
  };

  const edit = (comment: AnnotationComment) => {
    comment.startEditing();
    threads.redraw(comment.thread);
  };

  const cancelEdit = (comment: AnnotationComment) => threads.restore(comment);

  const saveEdit = async (comment: AnnotationComment) => {
    // Saved, the comment is drawn from the answer, even when the text did not change (the answer is the same then).
    if (await store.update({ uri: comment.note, id: comment.id, comment: comment.edited() })) await threads.restore(comment);
  };

  const deleteComment = async (comment: AnnotationComment) => {
    const target = own(comment.thread);
    if (target && target.annotation.id === comment.id) return deleteThread(comment.thread);
    if (await confirmed(l10n.t('Delete this reply?'))) await store.delete({ uri: comment.note, id: comment.id });
  };

  const deleteThread = async (thread: CommentThread) => {
    const target = own(thread);
    if (!target) return;
    const replies = target.annotation.replies.length;
    const question = replies > 0 ? l10n.t('Delete this annotation and its {0} replies?', replies) : l10n.t('Delete this annotation?');
    if (await confirmed(question)) await store.delete({ uri: target.note, id: target.annotation.id });
  };

  const setStatus = (status: 'open' | 'resolved') => async (thread: CommentThread) => {
    const target = own(thread);
    if (target) await store.update({ uri: target.note, id: target.annotation.id, status });
  };

  const tag = async (thread: CommentThread) => {
    const target = own(thread);
    if (!target) return;
    const tags = await pickTags(taxonomyOf(store.get(target.note)?.tags), target.annotation.tags, target.annotation.quote);
    if (tags) await store.update({ uri: target.note, id: target.annotation.id, tags });
  };

  const goToOriginal = async (thread: CommentThread) => {
    const target = threads.targetOf(thread);
    if (target?.kind === 'projected') await showSpan(target.annotation.source.uri, target.annotation.source.range);
  };

  return Disposable.from(
    commands.registerCommand(THREAD_COMMANDS.create, create),
    commands.registerCommand(THREAD_COMMANDS.cancelNew, ({ thread }: CommentReply) => thread.dispose()),
    commands.registerCommand(THREAD_COMMANDS.reply, reply),
    commands.registerCommand(THREAD_COMMANDS.edit, edit),
    commands.registerCommand(THREAD_COMMANDS.saveEdit, saveEdit),
    commands.registerCommand(THREAD_COMMANDS.cancelEdit, cancelEdit),
    commands.registerCommand(THREAD_COMMANDS.deleteComment, deleteComment),
    commands.registerCommand(THREAD_COMMANDS.deleteThread, deleteThread),
    commands.registerCommand(THREAD_COMMANDS.resolve, setStatus('resolved')),
    commands.registerCommand(THREAD_COMMANDS.reopen, setStatus('open')),
    commands.registerCommand(THREAD_COMMANDS.tag, tag),
    commands.registerCommand(THREAD_COMMANDS.goToOriginal, goToOriginal),
  );
}

async function confirmed(question: string): Promise<boolean> {
  const remove = l10n.t('Delete');
  return (await window.showWarningMessage(question, { modal: true }, remove)) === remove;
}
