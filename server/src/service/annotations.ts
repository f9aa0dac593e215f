/**
 * The annotations of notes as the editor and the CLI see them: read from the sidecar through the
 * store (annotationStore.ts), placed on the note as it is now, followed through every edit while the
 * note is open (core/annotations/track.ts), shown on the other language version through the alignment,
 * and changed on request: the service plans the sidecar's new text and writes it whole through the
 * Workspace port (a temporary file, then a rename, on disk). Orphans are kept, listed and never deleted.
 * Plain data in offsets; the lsp/ and cli/ layers map it.
 */
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { anchorTarget, type AnchorMethod } from '../core/annotations/anchor';
import type { AnnotationCounts } from '../core/annotations/counts';
import { CodePointIndex } from '../core/annotations/codePoints';
import {
  createAnnotation, createReply, updateAnnotation, withAnnotation, withoutAnnotation,
  type AnnotationChange, type AnnotationEnvironment,
} from '../core/annotations/edit';
import {
  commentsOf, creatorName, isAlignmentCorrection, positionSelectorOf, quoteSelectorOf, repliesTo, spanTargetOf, tagsOf,
  type AnnotationCollection, type Motivation, type SpanTarget, type WebAnnotation,
} from '../core/annotations/model';
import { placedSpans, sameSource, withCurrentSelectors } from '../core/annotations/place';
import { AnnotationProjector, type ProjectionLevel } from '../core/annotations/project';
import type { TagDefinition } from '../core/annotations/tags';
import type { TextChange } from '../core/incremental';
import { spanAfterChange } from '../core/annotations/track';
import type { Language, Note, Span } from '../core/model';
import { languageAt } from '../core/noteAlignment';
import { format, message, type Locale, type Message } from '../core/messages';
import { AnnotationStore, sidecarErrors, sourceName, type StoredSidecar } from './annotationStore';
import type { FileProblem } from './config/projectFile';
import type { AlignedDocuments } from './pairing';
import { writeRefusal } from './files';
import { fileName } from './uris';
import type { Workspace } from './workspace';
import type { IndexedNote } from './workspaceIndex';

export type Anchoring = 'tracked' | AnchorMethod | 'orphaned';

export interface ReplyView {
  readonly id: string;
  readonly comment: string;
  readonly creator?: string;
  readonly created?: string;
  readonly modified?: string;
}

/** What an annotation says, wherever it is shown (the client gets it as it is: see protocol.ts). */
export interface AnnotationContent {
  /** `urn:uuid:…`: what update and delete take. */
  readonly id: string;
  /** `commenting`, `tagging`, `questioning`, `highlighting` (a hand-written file may hold other W3C motivations). */
  readonly motivation: string;
  /** `open` or `resolved` for threads (commenting, questioning); absent otherwise. */
  readonly status?: 'open' | 'resolved';
  /** Markdown as the user wrote it ('' when none): to render with HTML and images disabled. */
  readonly comment: string;
  /** Tag names (the taxonomy gives labels and colours). */
  readonly tags: readonly string[];
  readonly creator?: string;
  readonly created?: string;
  readonly modified?: string;
  /** The text annotated, as the sidecar records it (for an orphan, what is no longer found). */
  readonly quote: string;
  /** The thread, oldest first. */
  readonly replies: readonly ReplyView[];
}

export interface CounterpartView {
  readonly document: TextDocument;
  readonly span: Span;
  readonly level: ProjectionLevel;
  readonly language: 'en' | 'zh';
}

export interface AnnotationView extends AnnotationContent {
  /** Undefined for an orphan. */
  readonly span?: Span;
  readonly anchoring: Anchoring;
  /** Where it stood, in code points (the position selector), for an orphan's report. */
  readonly recorded?: { readonly start: number; readonly end: number };
  readonly language?: 'en' | 'zh';
  readonly counterpart?: CounterpartView;
}

/** An annotation of the other language version, shown on this one. */
export interface ProjectedView extends AnnotationContent {
  readonly span: Span;
  /** The language of the version the annotation was made on. */
  readonly language?: 'en' | 'zh';
  readonly level: ProjectionLevel;
  readonly source: { readonly document: TextDocument; readonly span: Span };
}

export interface NoteAnnotations {
  readonly document: TextDocument;
  readonly sidecar: string;
  readonly writable: boolean;
  readonly message?: string;
  /** Placed, in document order. */
  readonly placed: readonly AnnotationView[];
  readonly orphans: readonly AnnotationView[];
  readonly projected: readonly ProjectedView[];
  readonly tags: readonly TagDefinition[];
  /** What is wrong in the sidecar (for a report; the server shows them on the sidecar). */
  readonly problems: readonly FileProblem[];
}

/** A note of the workspace with a sidecar (open or not), as the workspace index counts its annotations. */
export interface AnnotatedNote {
  readonly uri: string;
  readonly sidecar: string;
  /** Open in the editor. */
  readonly open: boolean;
  readonly title?: string;
  /** The note's own reference, as written. */
  readonly reference?: string;
  readonly languages: readonly Language[];
  /** Of the sidecar as last read or written (an open note's placements are not counted: see `diplonote/annotations`). */
  readonly counts: AnnotationCounts;
}

/** What the annotated-notes list says of an indexed note; undefined when it has no sidecar that could be read. */
export function annotatedNote(note: IndexedNote, open: boolean): AnnotatedNote | undefined {
  if (!note.annotations) return undefined;
  return {
    uri: note.uri, sidecar: AnnotationStore.sidecarOf(note.uri), open,
    ...(note.title ? { title: note.title } : {}), ...(note.ownReference ? { reference: note.ownReference.text } : {}),
    languages: note.languages, counts: note.annotations,
  };
}

export type AnnotationEdit =
  | { readonly kind: 'annotate'; readonly span: Span; readonly motivation: Exclude<Motivation, 'replying' | 'linking'>; readonly comment?: string; readonly tags?: readonly string[] }
  | { readonly kind: 'update'; readonly id: string; readonly change: AnnotationChange; readonly reply?: string }
  | { readonly kind: 'delete'; readonly id: string };

export type EditOutcome =
  | { readonly applied: true; readonly id?: string; readonly sidecar: string }
  | { readonly applied: false; readonly message: string };

export interface AnnotationsHost {
  readonly workspace: Workspace;
  readonly store: AnnotationStore;
  readonly environment: AnnotationEnvironment;
  /** Who makes an annotation: the setting `diplonote.annotations.author`, else the OS user given by the entry. */
  author(): string | undefined;
  /** The taxonomy in force for a note. */
  tags(uri: string): Promise<readonly TagDefinition[]>;
  analysis(document: TextDocument): Note;
  /** The two versions aligned (interactive), or undefined without another version. */
  aligned(document: TextDocument): Promise<AlignedDocuments | undefined>;
  /** The annotations of these notes changed: the server tells the client. */
  changed?(uris: readonly string[]): void;
  /** The language the service speaks (why a sidecar is not written is said in it). */
  locale(): Locale;
}

type TrackedPlacement =
  | { readonly anchoring: Exclude<Anchoring, 'orphaned'>; readonly span: Span }
  | { readonly anchoring: 'orphaned' }
  /** An edit removed all of it: placed again by its selectors when next asked. */
  | { readonly anchoring: 'lost' };
type SettledPlacement = Exclude<TrackedPlacement, { anchoring: 'lost' }>;

/** The placements of an open note's annotations, kept in step with the editor's text. */
interface Tracked {
  /** The collection they were placed from (the store keeps one object until the file changes). */
  readonly collection: AnnotationCollection;
  readonly placements: Map<string, TrackedPlacement>;
}

interface Placement {
  readonly annotation: WebAnnotation;
  readonly span?: Span;
  readonly anchoring: Anchoring;
}

export class Annotations {
  private readonly tracked = new Map<string, Tracked>();

  constructor(private readonly host: AnnotationsHost) {}

  // ----- following the editor ------------------------------------------------------------------------

  /** The changes of one edit, before they are applied: every placement moves with them. */
  documentChanging(document: TextDocument, changes: readonly TextDocumentContentChangeEvent[]): void {
    const tracked = this.tracked.get(document.uri);
    if (!tracked) return;
    const edits = textChanges(document, changes);
    for (const [id, placement] of tracked.placements) {
      if (!('span' in placement)) continue;
      const span = edits.reduce<Span | undefined>((moved, edit) => moved && spanAfterChange(moved, edit), placement.span);
      tracked.placements.set(id, span ? { anchoring: 'tracked', span } : { anchoring: 'lost' });
    }
  }

  documentClosed(uri: string): void {
    this.tracked.delete(uri);
    this.host.store.forget(uri);
  }

  /** The sidecars among changed files are read again when next asked for; the notes concerned, to be refreshed. */
  filesChanged(uris: readonly string[]): string[] {
    const sidecars = uris.filter((uri) => AnnotationStore.isSidecar(uri));
    this.host.store.filesChanged(sidecars.map((uri) => ({ uri, kind: 'changed' })));
    return sidecars.map((uri) => uri.slice(0, -'.annotations.json'.length));
  }

  // ----- reading ---------------------------------------------------------------------------------------

  /** A note's annotations placed on its text as it is now, with their counterparts and the other version's projected here. */
  async of(document: TextDocument): Promise<NoteAnnotations> {
    const [stored, tags, aligned] = await Promise.all([
      this.host.store.sidecar(document.uri), this.host.tags(document.uri), this.host.aligned(document),
    ]);
    const partner = aligned && aligned.en !== aligned.zh ? (aligned.en.uri === document.uri ? aligned.zh : aligned.en) : undefined;
    const partnerStored = partner ? await this.host.store.sidecar(partner.uri) : undefined;
    // Placed after the last wait, so that the spans are those of the text as it is now.
    const placements = this.place(document, stored.reading.collection);
    const views = this.views(document, stored.reading.collection, placements, aligned);
    const partnerViews = partner && partnerStored && aligned
      ? this.views(partner, partnerStored.reading.collection, this.place(partner, partnerStored.reading.collection), aligned)
      : [];
    const projected = aligned ? projectedOnto(document, views, partner, partnerViews) : [];
    return {
      document, sidecar: stored.uri, ...writability(document, stored, this.host.locale()),
      placed: views.filter((view) => view.span).sort((a, b) => (a.span?.start ?? 0) - (b.span?.start ?? 0)),
      orphans: views.filter((view) => !view.span),
      projected, tags, problems: stored.reading.problems,
    };
  }

  /** The annotations of a note that cannot be placed on it as it is now (no alignment needed). */
  async orphans(document: TextDocument): Promise<{ sidecar: string; orphans: AnnotationView[]; toUtf16: (codePoint: number) => number }> {
    const stored = await this.host.store.sidecar(document.uri);
    const collection = stored.reading.collection;
    const orphans = this.place(document, collection).filter((placement) => !placement.span).map(({ annotation, anchoring }) => {
      const recorded = recordedPosition(annotation);
      return { ...contentOf(annotation, new Map()), anchoring, ...(recorded ? { recorded } : {}) };
    });
    const index = new CodePointIndex(document.getText());
    return { sidecar: stored.uri, orphans, toUtf16: (codePoint) => index.toUtf16(codePoint) };
  }

  /** The sidecar's problems (for its diagnostics), once it was read. */
  async problems(noteUri: string): Promise<{ uri: string; problems: readonly FileProblem[] }> {
    const stored = await this.host.store.sidecar(noteUri);
    return { uri: stored.uri, problems: stored.reading.problems };
  }

  /**
   * Each annotation with a span in this note, placed: an open note's as followed through the edits
   * (those an edit removed placed again by their selectors), otherwise by their selectors.
   */
  private place(document: TextDocument, collection: AnnotationCollection): Placement[] {
    const open = this.host.workspace.documents.get(document.uri) === document;
    const previous = open ? this.tracked.get(document.uri) : undefined;
    const text = document.getText();
    const index = new CodePointIndex(text);
    const name = fileName(document.uri);
    const placements: Placement[] = [];
    const kept = new Map<string, TrackedPlacement>();
    const unchanged = previous ? unchangedTargets(previous.collection, collection, name) : new Set<string>();
    for (const annotation of collection.items) {
      const target = spanTargetIn(annotation, name);
      if (!target || isAlignmentCorrection(annotation)) continue;
      const followed = unchanged.has(annotation.id) ? previous?.placements.get(annotation.id) : undefined;
      const placement: SettledPlacement = followed && followed.anchoring !== 'lost' ? followed : placementOf(anchorTarget(text, index, target));
      kept.set(annotation.id, placement);
      placements.push({ annotation, anchoring: placement.anchoring, ...('span' in placement ? { span: placement.span } : {}) });
    }
    if (open) this.tracked.set(document.uri, { collection, placements: kept });
    return placements;
  }

  private views(document: TextDocument, collection: AnnotationCollection, placements: readonly Placement[], aligned: AlignedDocuments | undefined): AnnotationView[] {
    const replies = repliesByParent(collection);
    const projector = aligned && new AnnotationProjector(aligned.alignment);
    return placements.map(({ annotation, span, anchoring }) => {
      const content = contentOf(annotation, replies);
      const recorded = recordedPosition(annotation);
      if (!span) return { ...content, anchoring, ...(recorded ? { recorded } : {}) };
      const language = aligned ? sideOf(document, aligned, this.host.analysis(document), span.start) : undefined;
      const projection = language && projector?.project(language, span);
      const counterpart: CounterpartView | undefined = projection && aligned
        ? { document: aligned[projection.to], span: cover(projection.target), level: projection.level, language: projection.to }
        : undefined;
      return { ...content, span, anchoring, ...(language ? { language } : {}), ...(counterpart ? { counterpart } : {}) };
    });
  }

  // ----- changing --------------------------------------------------------------------------------------

  /** Makes the edit on the note's collection (every span written where it is now) and writes the sidecar. */
  async edit(document: TextDocument, edit: AnnotationEdit): Promise<EditOutcome> {
    let result: { id?: string; missing?: Message } = {};
    const plan = await this.host.store.plan(document.uri, (collection) => {
      const current = this.withCurrentSelectors(document, collection);
      const changed = applyEdit(current, edit, document, this.host.environment, this.host.author(), sourceName(AnnotationStore.sidecarOf(document.uri), document.uri));
      result = changed;
      return changed.collection ?? current;
    });
    if (plan.kind === 'refused') return { applied: false, message: format(this.host.locale(), plan.said) };
    if (result.missing) return { applied: false, message: format(this.host.locale(), result.missing) };
    const written = await this.host.workspace.replaceFile(plan.write.uri, new TextEncoder().encode(plan.write.text));
    if (written.kind === 'refused') return { applied: false, message: format(this.host.locale(), message('annotation.not-written', { file: fileName(plan.write.uri), detail: writeRefusal(written) })) };
    this.host.store.applied(plan.write);
    this.adopt(document, plan.write.collection);
    this.host.changed?.(await this.concerned(document));
    return { applied: true, sidecar: plan.write.uri, ...(result.id ? { id: result.id } : {}) };
  }

  /**
   * The note was saved: when annotations moved since the sidecar was written, it is written again with
   * selectors that say where they are now (a sidecar with errors is left alone). Whether it was.
   */
  async documentSaved(document: TextDocument): Promise<boolean> {
    const stored = await this.host.store.sidecar(document.uri);
    if (!stored.exists || !stored.reading.writable) return false;
    const current = this.withCurrentSelectors(document, stored.reading.collection);
    if (current === stored.reading.collection) return false;
    const plan = await this.host.store.plan(document.uri, (collection) => this.withCurrentSelectors(document, collection));
    if (plan.kind === 'refused' || plan.write.text === stored.text) return false;
    const written = await this.host.workspace.replaceFile(plan.write.uri, new TextEncoder().encode(plan.write.text));
    if (written.kind !== 'written') return false;
    this.host.store.applied(plan.write);
    this.adopt(document, plan.write.collection);
    return true;
  }

  /**
   * The collection written is in force: the placements followed so far (moved by any edit made while
   * it was written) stay those of its annotations; the one just made is placed by its selectors.
   */
  private adopt(document: TextDocument, collection: AnnotationCollection): void {
    const tracked = this.tracked.get(document.uri);
    if (!tracked) return;
    this.tracked.set(document.uri, { collection, placements: tracked.placements });
    // Placed now, so that the next edit moves it too.
    this.place(document, collection);
  }

  /** The collection with the selectors of every placed annotation made anew; the same object when nothing moved. */
  private withCurrentSelectors(document: TextDocument, collection: AnnotationCollection): AnnotationCollection {
    const placements = this.place(document, collection);
    const spans = placedSpans(placements.flatMap(({ annotation, span }) => (span ? [{ annotation, placement: { status: 'anchored' as const, span, method: 'position' as const, score: 1 } }] : [])));
    const items = withCurrentSelectors(document.getText(), collection.items, spans);
    return items.every((item, k) => item === collection.items[k]) ? collection : { ...collection, items };
  }

  /** The note and the other file of its pair, whose projections may change with it. */
  private async concerned(document: TextDocument): Promise<string[]> {
    const aligned = await this.host.aligned(document).catch(() => undefined);
    const partner = aligned && aligned.en !== aligned.zh ? (aligned.en.uri === document.uri ? aligned.zh : aligned.en) : undefined;
    return partner ? [document.uri, partner.uri] : [document.uri];
  }
}

// ----- helpers -------------------------------------------------------------------------------------------

/**
 * The annotations of the other version shown on this one: those of this file on its other side (a note
 * holding both versions), and those of the partner file, each where its counterpart is.
 */
function projectedOnto(document: TextDocument, own: readonly AnnotationView[], partner: TextDocument | undefined, partnerViews: readonly AnnotationView[]): ProjectedView[] {
  const sources = [...own.map((view) => ({ view, source: document })), ...partnerViews.map((view) => ({ view, source: partner as TextDocument }))];
  return sources.flatMap(({ view, source }): ProjectedView[] => {
    const { counterpart, span, anchoring: _anchoring, recorded: _recorded, language, ...content } = view;
    if (!span || !counterpart || counterpart.document.uri !== document.uri) return [];
    return [{ ...content, span: counterpart.span, level: counterpart.level, ...(language ? { language } : {}), source: { document: source, span } }];
  }).sort((a, b) => a.span.start - b.span.start);
}

function writability(document: TextDocument, stored: StoredSidecar, locale: Locale): { writable: boolean; message?: string } {
  if (document.uri.startsWith('untitled:')) return { writable: false, message: format(locale, message('annotation.save-first')) };
  return stored.reading.writable ? { writable: true } : { writable: false, message: format(locale, sidecarErrors(stored)) };
}

/**
 * The annotations whose target in this note is the same in both collections: placements followed
 * through the edits stay theirs when the sidecar is read again (after a write, or a change to another
 * annotation); one whose selectors changed is placed by them anew.
 */
function unchangedTargets(before: AnnotationCollection, after: AnnotationCollection, noteFileName: string): Set<string> {
  if (before === after) return new Set(after.items.map((item) => item.id));
  const targets = new Map(before.items.map((item) => [item.id, targetKey(item, noteFileName)]));
  return new Set(after.items.flatMap((item) => (targets.get(item.id) === targetKey(item, noteFileName) ? [item.id] : [])));
}

function targetKey(annotation: WebAnnotation, noteFileName: string): string {
  return JSON.stringify(spanTargetIn(annotation, noteFileName)?.selector ?? null);
}

function spanTargetIn(annotation: WebAnnotation, noteFileName: string): SpanTarget | undefined {
  return annotation.target.find((t): t is SpanTarget => t.kind === 'span' && sameSource(t.source, noteFileName));
}

function placementOf(placement: ReturnType<typeof anchorTarget>): SettledPlacement {
  return placement.status === 'anchored' ? { anchoring: placement.method, span: placement.span } : { anchoring: 'orphaned' };
}

function recordedPosition(annotation: WebAnnotation): { start: number; end: number } | undefined {
  const target = spanTargetOf(annotation);
  const position = target && positionSelectorOf(target);
  return position && { start: position.start, end: position.end };
}

function repliesByParent(collection: AnnotationCollection | undefined): Map<string, WebAnnotation[]> {
  const byParent = new Map<string, WebAnnotation[]>();
  for (const item of collection?.items ?? []) {
    const parent = repliesTo(item);
    if (parent === undefined) continue;
    const list = byParent.get(parent);
    if (list) list.push(item);
    else byParent.set(parent, [item]);
  }
  return byParent;
}

/** The replies of a thread, and theirs, oldest first. */
function threadOf(id: string, replies: ReadonlyMap<string, WebAnnotation[]>): WebAnnotation[] {
  const thread: WebAnnotation[] = [];
  const seen = new Set<string>([id]);
  const pending = [...(replies.get(id) ?? [])];
  for (let next = pending.shift(); next; next = pending.shift()) {
    if (seen.has(next.id)) continue;
    seen.add(next.id);
    thread.push(next);
    pending.push(...(replies.get(next.id) ?? []));
  }
  return thread.sort((a, b) => (a.created ?? '').localeCompare(b.created ?? ''));
}

function contentOf(annotation: WebAnnotation, replies: ReadonlyMap<string, WebAnnotation[]>): AnnotationContent {
  const target = spanTargetOf(annotation);
  const creator = creatorName(annotation);
  return {
    id: annotation.id,
    motivation: annotation.motivation,
    ...(annotation.status ? { status: annotation.status } : {}),
    comment: commentsOf(annotation).join('\n\n'),
    tags: tagsOf(annotation),
    ...(creator ? { creator } : {}),
    ...(annotation.created ? { created: annotation.created } : {}),
    ...(annotation.modified ? { modified: annotation.modified } : {}),
    quote: (target && quoteSelectorOf(target)?.exact) ?? '',
    replies: threadOf(annotation.id, replies).map(replyView),
  };
}

function replyView(reply: WebAnnotation): ReplyView {
  const creator = creatorName(reply);
  return {
    id: reply.id, comment: commentsOf(reply).join('\n\n'),
    ...(creator ? { creator } : {}), ...(reply.created ? { created: reply.created } : {}), ...(reply.modified ? { modified: reply.modified } : {}),
  };
}

/** The version a span is on: the file's in a pair of files, else the language of the version it lies in. */
function sideOf(document: TextDocument, aligned: AlignedDocuments, note: Note, offset: number): 'en' | 'zh' | undefined {
  if (aligned.en !== aligned.zh) return aligned.en.uri === document.uri ? 'en' : 'zh';
  const language = languageAt(note, offset);
  return language === 'en' || language === 'zh' ? language : undefined;
}

function cover(spans: readonly Span[]): Span {
  return { start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) };
}

/**
 * The edits of one didChange as core/incremental.ts tells them, each in the text the previous one
 * left (followed in a copy: editors send one change at a time); a change without a range replaces all.
 */
function textChanges(document: TextDocument, changes: readonly TextDocumentContentChangeEvent[]): TextChange[] {
  let before = document;
  return changes.map((change, k) => {
    if (k > 0) before = TextDocument.update(TextDocument.create(before.uri, before.languageId, 0, before.getText()), [changes[k - 1]], 0);
    if (!('range' in change)) return { start: 0, end: before.getText().length, text: change.text };
    const a = before.offsetAt(change.range.start);
    const b = before.offsetAt(change.range.end);
    return { start: Math.min(a, b), end: Math.max(a, b), text: change.text };
  });
}

interface EditResult {
  readonly collection?: AnnotationCollection;
  readonly id?: string;
  /** Why nothing was changed. */
  readonly missing?: Message;
}

/** The collection after the edit; `source` names the note as the sidecar does. */
function applyEdit(
  collection: AnnotationCollection, edit: AnnotationEdit, document: TextDocument, environment: AnnotationEnvironment,
  creator: string | undefined, source: string,
): EditResult {
  if (edit.kind === 'annotate') {
    const text = document.getText();
    const annotation = createAnnotation({
      source, text, index: new CodePointIndex(text), span: edit.span, motivation: edit.motivation,
      ...(edit.comment !== undefined ? { comment: edit.comment } : {}), ...(edit.tags ? { tags: edit.tags } : {}), ...(creator ? { creator } : {}),
    }, environment);
    return { collection: withAnnotation(collection, annotation), id: annotation.id };
  }
  const existing = collection.items.find((item) => item.id === edit.id);
  if (!existing) return { missing: message('annotation.missing', { id: edit.id, file: fileName(document.uri) }) };
  if (edit.kind === 'delete') return { collection: withoutAnnotation(collection, edit.id), id: edit.id };
  const changed = Object.keys(edit.change).length > 0 ? updateAnnotation(existing, edit.change, environment) : existing;
  const updated = withAnnotation(collection, changed);
  if (edit.reply === undefined) return { collection: updated, id: edit.id };
  const reply = createReply(existing, edit.reply, creator, environment);
  return { collection: withAnnotation(updated, reply), id: reply.id };
}
