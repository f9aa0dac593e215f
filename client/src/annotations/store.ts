/**
 * The annotations of the open notes, and of every other note of the workspace that has a sidecar, as the
 * server places them (`diplonote/annotations`; a closed note is placed as it is on disk), kept per note
 * and asked again whenever they may have changed: the server's `diplonote/annotationsChanged`, an edit
 * of the note, a note or sidecar changed on disk, a change of the annotation settings. This is the one place the client sends the annotation
 * requests; threads, decorations, the view and the commands read from here and listen to `onDidChange`.
 */
import { Disposable, EventEmitter, l10n, window, workspace, type Event, type Uri } from 'vscode';
import {
  DidChangeTextDocumentNotification, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification, type BaseLanguageClient,
} from 'vscode-languageclient';
import {
  ANNOTATE_REQUEST, ANNOTATED_NOTES_REQUEST, ANNOTATIONS_CHANGED_NOTIFICATION, ANNOTATIONS_REQUEST, DELETE_ANNOTATION_REQUEST, UPDATE_ANNOTATION_REQUEST,
  type AnnotateParams, type AnnotationEditResult, type AnnotationsResult, type DeleteAnnotationParams, type UpdateAnnotationParams,
} from '../../../server/src/protocol';
import { isNote, isOpen } from './documents';

const SIDECAR_SUFFIX = '.annotations.json';

/** Waits this long after the last keystroke before asking for the moved ranges (the editor moves them meanwhile). */
const EDIT_REFRESH_DELAY_MS = 300;

export class AnnotationStore implements Disposable {
  private readonly answers = new Map<string, AnnotationsResult>();
  /** The latest question per note: an answer to an older one is dropped. */
  private readonly questions = new Map<string, number>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly changes = new EventEmitter<string>();
  private readonly subscriptions: Disposable[] = [];
  /** Fires with the URI of a note whose annotations were answered anew. */
  readonly onDidChange: Event<string> = this.changes.event;

  constructor(private readonly client: BaseLanguageClient) {
    this.subscriptions.push(
      this.changes,
      client.onNotification(ANNOTATIONS_CHANGED_NOTIFICATION, (params) => this.refreshWithRelated(params.uri)),
      // Asked once the server was told of the document: a question sent before would find it unknown.
      client.getFeature(DidOpenTextDocumentNotification.method).onNotificationSent((event) => this.refresh(event.params.textDocument.uri)),
      client.getFeature(DidChangeTextDocumentNotification.method).onNotificationSent((event) => this.refreshSoon(event.params.textDocument.uri)),
      // Closed, the note is placed as it is on disk (its unsaved changes were dropped).
      client.getFeature(DidCloseTextDocumentNotification.method).onNotificationSent((event) => this.closed(event.params.textDocument.uri)),
      workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('diplonote.annotations') && this.refreshAll()),
      this.watchClosedNotes(),
    );
  }

  /** Once the server runs: asks for the annotations of the notes already open, and of every annotated note of the workspace. */
  start(): void {
    for (const document of workspace.textDocuments) if (isNote(document)) void this.refresh(document.uri.toString());
    void this.refreshAnnotatedNotes();
  }

  /** Asks which notes of the workspace have annotations (the server waits for its index), then their annotations. */
  private async refreshAnnotatedNotes(): Promise<void> {
    const listed = await this.client.sendRequest(ANNOTATED_NOTES_REQUEST, {}).then((result) => result.notes, () => []);
    for (const note of listed) if (!note.open && !this.answers.has(note.uri)) void this.refresh(note.uri);
  }

  /**
   * A closed note or its sidecar changed on disk (another program, git): asked again. The server says so
   * too (`annotationsChanged`) once it has read the change; asking here as well costs one answer.
   */
  private watchClosedNotes(): Disposable {
    const watcher = workspace.createFileSystemWatcher('**/*.{note,note.annotations.json}');
    const changed = (file: Uri) => {
      const note = file.toString().endsWith(SIDECAR_SUFFIX) ? file.toString().slice(0, -SIDECAR_SUFFIX.length) : file.toString();
      if (!isOpen(note) && (this.answers.has(note) || note !== file.toString())) void this.refresh(note);
    };
    return Disposable.from(watcher, watcher.onDidChange(changed), watcher.onDidCreate(changed), watcher.onDidDelete(changed));
  }

  get(uri: string): AnnotationsResult | undefined {
    return this.answers.get(uri);
  }

  all(): AnnotationsResult[] {
    return [...this.answers.values()];
  }

  async refresh(uri: string): Promise<void> {
    const question = (this.questions.get(uri) ?? 0) + 1;
    this.questions.set(uri, question);
    const answer = await this.client.sendRequest(ANNOTATIONS_REQUEST, { uri }).then((result) => result, () => null);
    if (this.questions.get(uri) !== question) return;
    const document = workspace.textDocuments.find((d) => d.uri.toString() === uri);
    // Ranges for an older version than the editor's: an edit is on its way and will ask again.
    if (answer && document && answer.version !== null && answer.version !== document.version) return;
    // A closed note is kept while it has annotations: the view lists it.
    if (answer && (document || answer.annotations.length > 0 || answer.orphans.length > 0)) {
      // The same answer again (a notification for a change already seen) draws nothing anew.
      if (JSON.stringify(answer) === JSON.stringify(this.answers.get(uri))) return;
      this.answers.set(uri, answer);
    } else if (!this.answers.delete(uri)) return;
    this.changes.fire(uri);
  }

  private refreshSoon(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      void this.refresh(uri);
    }, EDIT_REFRESH_DELAY_MS));
  }

  private refreshAll(): void {
    for (const uri of this.answers.keys()) void this.refresh(uri);
  }

  /** A note's annotations changed: so may the projections on the other language version. */
  private async refreshWithRelated(uri: string): Promise<void> {
    await this.refresh(uri);
    for (const related of this.relatedTo(uri)) void this.refresh(related);
  }

  /** The other language version of `uri`: the notes its annotations are shown on, and those shown on it. */
  private relatedTo(uri: string): Set<string> {
    const related = new Set<string>();
    for (const answer of this.answers.values()) {
      const linked = [...answer.annotations.flatMap((a) => a.counterpart?.uri ?? []), ...answer.projected.map((p) => p.source.uri)];
      if (answer.uri === uri) for (const other of linked) related.add(other);
      else if (linked.includes(uri)) related.add(answer.uri);
    }
    related.delete(uri);
    return related;
  }

  private closed(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    void this.refresh(uri);
  }

  annotate(params: AnnotateParams): Promise<AnnotationEditResult | undefined> {
    return this.edit(params.uri, this.client.sendRequest(ANNOTATE_REQUEST, params));
  }

  update(params: UpdateAnnotationParams): Promise<AnnotationEditResult | undefined> {
    return this.edit(params.uri, this.client.sendRequest(UPDATE_ANNOTATION_REQUEST, params));
  }

  delete(params: DeleteAnnotationParams): Promise<AnnotationEditResult | undefined> {
    return this.edit(params.uri, this.client.sendRequest(DELETE_ANNOTATION_REQUEST, params));
  }

  /** Says why a change was not made; on success asks again at once rather than wait for the notification. */
  private async edit(uri: string, request: Promise<AnnotationEditResult>): Promise<AnnotationEditResult | undefined> {
    let result: AnnotationEditResult;
    try {
      result = await request;
    } catch (error) {
      void window.showErrorMessage(l10n.t('Diplonote: the annotation could not be saved: {0}', error instanceof Error ? error.message : String(error)));
      return undefined;
    }
    if (!result.applied) {
      void window.showWarningMessage(l10n.t('Diplonote: the annotation was not saved: {0}', result.message ?? l10n.t('the server gave no reason')));
      return undefined;
    }
    await this.refreshWithRelated(uri);
    return result;
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    Disposable.from(...this.subscriptions).dispose();
  }
}
