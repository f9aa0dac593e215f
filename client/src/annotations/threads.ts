/**
 * The annotations as comment threads (VS Code's Comments API): each placed annotation of a note is a
 * thread on its span, its comment first and its replies after; an annotation of the other language
 * version is a read-only thread on the counterpart, labelled as projected. Threads are kept and updated
 * in place as the server answers anew, so an open thread stays open while its note is edited. New
 * threads are started here (from the gutter, or *Annotate Selection*) and become annotations when their
 * first comment is submitted (threadActions.ts).
 */
import {
  CommentMode, CommentThreadCollapsibleState, CommentThreadState, comments, Disposable, l10n, MarkdownString, Range, Uri,
  type Comment, type CommentAuthorInformation, type CommentController, type CommentThread, type TextDocument,
} from 'vscode';
import type { AnnotationData, AnnotationReplyData, ProjectedAnnotationData } from '../../../server/src/protocol';
import { editorRange, isNote, isOpen } from './documents';
import type { AnnotationStore } from './store';
import { taxonomyOf, type Taxonomy } from './tags';

export const COMMENT_CONTROLLER = 'diplonote.annotations';

/** `contextValue`s the menus of package.json test (`commentThread == …`, `comment == …`). */
export const THREAD_CONTEXT = { open: 'diplonote.open', resolved: 'diplonote.resolved', untracked: 'diplonote.unthreaded', projected: 'diplonote.projected', readOnly: 'diplonote.readonly' } as const;
export const EDITABLE_COMMENT = 'diplonote.editable';

/** What a thread shows: an annotation of the note, or one projected onto it. */
export type ThreadTarget =
  | { readonly kind: 'own'; readonly note: string; readonly range: Range; readonly annotation: AnnotationData; readonly writable: boolean }
  | { readonly kind: 'projected'; readonly note: string; readonly range: Range; readonly annotation: ProjectedAnnotationData };

/** One comment of a thread: the annotation's own comment, or a reply. */
export class AnnotationComment implements Comment {
  mode = CommentMode.Preview;
  body: string | MarkdownString;

  constructor(
    readonly note: string,
    /** The annotation's or the reply's id: what update and delete take. */
    readonly id: string,
    /** The Markdown as written, to edit. */
    readonly markdown: string,
    shown: MarkdownString,
    readonly author: CommentAuthorInformation,
    readonly contextValue: string | undefined,
    readonly timestamp: Date | undefined,
    readonly thread: CommentThread,
  ) {
    this.body = shown;
  }

  startEditing(): void {
    this.mode = CommentMode.Editing;
    this.body = this.markdown;
  }

  /** The text typed while editing. */
  edited(): string {
    return typeof this.body === 'string' ? this.body : this.body.value;
  }
}

/** The user's Markdown, shown without HTML and with images turned into links (nothing is fetched). */
function markdown(text: string): MarkdownString {
  const shown = new MarkdownString(text.replaceAll('![', '!\\['));
  shown.supportHtml = false;
  shown.isTrusted = false;
  return shown;
}

function quoted(text: string): string {
  return text.split(/\r\n|\r|\n/).map((line) => `> ${line.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&')}`).join('\n');
}

function dateOf(text: string | undefined): Date | undefined {
  const date = text ? new Date(text) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

function author(creator: string | undefined): CommentAuthorInformation {
  return { name: creator ?? l10n.t('Unknown author') };
}

const LANGUAGE_NAMES = { en: () => l10n.t('English'), zh: () => l10n.t('Chinese') };
const LEVEL_NAMES = { sentence: () => l10n.t('sentence'), point: () => l10n.t('point'), paragraph: () => l10n.t('paragraph') };

export class AnnotationThreads implements Disposable {
  private readonly controller: CommentController;
  /** Per note, its threads by key (an annotation's id; `projected:` + id for one shown from the other version). */
  private readonly threads = new Map<string, Map<string, CommentThread>>();
  private readonly targets = new WeakMap<CommentThread, ThreadTarget>();
  /** What each thread was last drawn from. */
  private readonly drawn = new WeakMap<CommentThread, string>();
  private readonly subscriptions: Disposable[];

  constructor(private readonly store: AnnotationStore) {
    this.controller = comments.createCommentController(COMMENT_CONTROLLER, l10n.t('Diplonote annotations'));
    this.controller.options = { prompt: l10n.t('Comment or reply…'), placeHolder: l10n.t('Your comment (Markdown)') };
    this.controller.commentingRangeProvider = { provideCommentingRanges: (document) => this.commentingRanges(document) };
    this.subscriptions = [this.controller, store.onDidChange((uri) => this.show(uri))];
  }

  /** The whole of a note takes comments, unless its annotations cannot be written (an untitled note, a sidecar with errors). */
  private commentingRanges(document: TextDocument): Range[] {
    if (!isNote(document) || this.store.get(document.uri.toString())?.writable === false) return [];
    const last = document.lineAt(document.lineCount - 1);
    return [new Range(0, 0, last.lineNumber, last.text.length)];
  }

  /** An empty thread on `range`, open for the first comment (*Annotate Selection*). */
  startThread(uri: Uri, range: Range): void {
    const thread = this.controller.createCommentThread(uri, range, []);
    thread.collapsibleState = CommentThreadCollapsibleState.Expanded;
    thread.canReply = true;
  }

  targetOf(thread: CommentThread): ThreadTarget | undefined {
    return this.targets.get(thread);
  }

  /** Opens the thread of an annotation of `uri` (the one just made). */
  expand(uri: string, id: string): void {
    const thread = this.threads.get(uri)?.get(id);
    if (thread) thread.collapsibleState = CommentThreadCollapsibleState.Expanded;
  }

  /** Replaces the thread's comments so that the editor shows a comment's new mode. */
  redraw(thread: CommentThread): void {
    thread.comments = [...thread.comments];
  }

  /** Draws the thread again from the server's answer, every comment as it was saved (an edit cancelled or saved). */
  async restore(comment: AnnotationComment): Promise<void> {
    this.drawn.delete(comment.thread);
    await this.store.refresh(comment.note);
    this.show(comment.note); // the answer may be the one already held: the store says nothing then
  }

  private show(uri: string): void {
    // Threads on open notes only: the server edits a note's annotations while it is open, and the
    // store also holds closed notes, for the Annotations view.
    const answer = isOpen(uri) ? this.store.get(uri) : undefined;
    const taxonomy = taxonomyOf(answer?.tags);
    const wanted = new Map<string, ThreadTarget>();
    for (const annotation of answer?.annotations ?? []) {
      if (annotation.range) wanted.set(annotation.id, { kind: 'own', note: uri, range: editorRange(annotation.range), annotation, writable: answer?.writable ?? false });
    }
    for (const annotation of answer?.projected ?? []) wanted.set(`projected:${annotation.id}`, { kind: 'projected', note: uri, range: editorRange(annotation.range), annotation });
    const threads = this.threads.get(uri) ?? new Map<string, CommentThread>();
    for (const [key, thread] of threads) {
      if (wanted.has(key)) continue;
      thread.dispose();
      threads.delete(key);
    }
    for (const [key, target] of wanted) {
      const { range } = target;
      let thread = threads.get(key);
      if (!thread) {
        thread = this.controller.createCommentThread(Uri.parse(uri), range, []);
        thread.collapsibleState = CommentThreadCollapsibleState.Collapsed;
        threads.set(key, thread);
      } else if (!thread.range?.isEqual(range)) {
        thread.range = range;
      }
      this.fill(thread, target, taxonomy);
    }
    if (threads.size > 0) this.threads.set(uri, threads);
    else this.threads.delete(uri);
  }

  private fill(thread: CommentThread, target: ThreadTarget, taxonomy: Taxonomy): void {
    this.targets.set(thread, target);
    const { annotation } = target;
    const tags = annotation.tags.map((tag) => taxonomy.label(tag)).join(' · ');
    // Without a label, VS Code heads an untagged thread "Start discussion" and reads "undefined" to screen readers.
    const label = target.kind === 'projected' ? projectedLabel(target.annotation, tags) : tags || l10n.t('Annotation');
    // Answers come after every pause in typing: a thread whose content is the same is left as drawn.
    const shown = JSON.stringify([target.kind, target.kind === 'own' && target.writable, { ...annotation, range: undefined }, label]);
    if (this.drawn.get(thread) === shown) return;
    this.drawn.set(thread, shown);
    const editable = target.kind === 'own' && target.writable ? EDITABLE_COMMENT : undefined;
    thread.label = label;
    thread.contextValue = contextOf(target);
    thread.canReply = editable !== undefined;
    const state = annotation.status === 'resolved' ? CommentThreadState.Resolved : annotation.status === 'open' ? CommentThreadState.Unresolved : undefined;
    // Setting Resolved again folds the thread again (comments.collapseOnResolve), even one the user just unfolded.
    if (thread.state !== state) thread.state = state;
    const first = target.kind === 'projected' ? `${quoted(annotation.quote)}\n\n${annotation.comment}` : annotation.comment || tagsOnly(tags);
    thread.comments = [
      new AnnotationComment(target.note, annotation.id, annotation.comment, markdown(first), author(annotation.creator), editable, dateOf(annotation.created), thread),
      ...annotation.replies.map((reply: AnnotationReplyData) =>
        new AnnotationComment(target.note, reply.id, reply.comment, markdown(reply.comment), author(reply.creator), editable, dateOf(reply.created), thread)),
    ];
  }

  dispose(): void {
    for (const threads of this.threads.values()) for (const thread of threads.values()) thread.dispose();
    Disposable.from(...this.subscriptions).dispose();
  }
}

function contextOf(target: ThreadTarget): string {
  if (target.kind === 'projected') return THREAD_CONTEXT.projected;
  if (!target.writable) return THREAD_CONTEXT.readOnly;
  const { status } = target.annotation;
  return status === 'resolved' ? THREAD_CONTEXT.resolved : status === 'open' ? THREAD_CONTEXT.open : THREAD_CONTEXT.untracked;
}

function projectedLabel(annotation: ProjectedAnnotationData, tags: string): string {
  const level = LEVEL_NAMES[annotation.level]();
  const label = annotation.language
    ? l10n.t('Projected from the {0} version ({1})', LANGUAGE_NAMES[annotation.language](), level)
    : l10n.t('Projected from the other language version ({0})', level);
  return tags ? `${label} · ${tags}` : label;
}

function tagsOnly(tags: string): string {
  return tags ? `*${l10n.t('Tagged: {0}', tags.replace(/[\\`*_[\]<>]/g, '\\$&'))}*` : `*${l10n.t('No comment')}*`;
}
