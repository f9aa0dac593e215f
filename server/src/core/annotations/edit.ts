/**
 * Making and changing annotations. The id generator and the clock are given by the caller (the Node
 * server passes `crypto.randomUUID` and the system clock; tests pass fixed ones), so the core stays pure.
 */
import type { Span } from '../model';
import type { CodePointIndex } from './codePoints';
import type {
  AnnotationCollection, AnnotationStatus, Body, Motivation, SpanTarget, TextPositionSelector, TextQuoteSelector, TextualBody, WebAnnotation,
} from './model';
import { repliesTo } from './model';
import { selectorsOf } from './selectors';

export interface AnnotationEnvironment {
  /** A fresh UUID (`crypto.randomUUID`). */
  readonly newId: () => string;
  readonly now: () => Date;
}

export interface AnnotationDraft {
  /** The note's file name, as the sidecar beside it names it. */
  readonly source: string;
  readonly text: string;
  readonly index: CodePointIndex;
  readonly span: Span;
  readonly motivation: Exclude<Motivation, 'replying'>;
  /** Markdown. */
  readonly comment?: string;
  /** Tag ids. */
  readonly tags?: readonly string[];
  readonly creator?: string;
}

export function createAnnotation(draft: AnnotationDraft, env: AnnotationEnvironment): WebAnnotation {
  const time = env.now().toISOString();
  const target: SpanTarget = { kind: 'span', source: draft.source, selector: selectorsOf(draft.text, draft.span, draft.index) };
  const threaded = draft.motivation === 'commenting' || draft.motivation === 'questioning';
  return {
    id: `urn:uuid:${env.newId()}`,
    motivation: draft.motivation,
    created: time,
    modified: time,
    ...creatorOf(draft.creator),
    ...(threaded ? { status: 'open' as const } : {}),
    target: [target],
    body: [...commentBodies(draft.comment), ...tagBodies(draft.tags ?? [])],
  };
}

export function createReply(parent: WebAnnotation, comment: string, creator: string | undefined, env: AnnotationEnvironment): WebAnnotation {
  const time = env.now().toISOString();
  return {
    id: `urn:uuid:${env.newId()}`,
    motivation: 'replying',
    created: time,
    modified: time,
    ...creatorOf(creator),
    target: [{ kind: 'ref', id: parent.id }],
    body: commentBodies(comment),
  };
}

function creatorOf(name: string | undefined): Pick<WebAnnotation, 'creator'> {
  return name ? { creator: { type: 'Person', name } } : {};
}

function commentBodies(comment: string | undefined): TextualBody[] {
  return comment === undefined || comment === '' ? [] : [{ type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: comment }];
}

function tagBodies(tags: readonly string[]): TextualBody[] {
  return [...new Set(tags)].filter((tag) => tag.trim() !== '').map((value) => ({ type: 'TextualBody', purpose: 'tagging', value }));
}

export interface AnnotationChange {
  /** The new comment (Markdown); an empty one removes it. */
  readonly comment?: string;
  /** The new set of tags, replacing the old. */
  readonly tags?: readonly string[];
  readonly status?: AnnotationStatus;
}

/** The annotation with its comment, tags or status changed and `modified` set; other bodies are kept. */
export function updateAnnotation(annotation: WebAnnotation, change: AnnotationChange, env: Pick<AnnotationEnvironment, 'now'>): WebAnnotation {
  const isComment = (body: Body) => body.type === 'TextualBody' && body.purpose !== 'tagging';
  const isTag = (body: Body) => body.type === 'TextualBody' && body.purpose === 'tagging';
  const others = annotation.body.filter((body) => !(change.comment !== undefined && isComment(body)) && !(change.tags !== undefined && isTag(body)));
  const body = [
    ...(change.comment !== undefined ? commentBodies(change.comment) : []),
    ...others,
    ...(change.tags !== undefined ? tagBodies(change.tags) : []),
  ];
  return { ...annotation, body, ...(change.status ? { status: change.status } : {}), modified: env.now().toISOString() };
}

/**
 * The annotation with the quote and position selectors of its span replaced by `selectors` (made by
 * selectors.ts for where it is now); other selectors are kept. `modified` is left alone: the
 * annotation did not change, the note did.
 */
export function withSelectors(annotation: WebAnnotation, selectors: readonly (TextQuoteSelector | TextPositionSelector)[]): WebAnnotation {
  let done = false;
  const target = annotation.target.map((t) => {
    if (done || t.kind !== 'span') return t;
    done = true;
    return { ...t, selector: [...selectors, ...t.selector.filter((s) => s.type === 'other')] };
  });
  return { ...annotation, target };
}

/** The collection with `annotation` added, or replacing the one with its id. */
export function withAnnotation(collection: AnnotationCollection, annotation: WebAnnotation): AnnotationCollection {
  const at = collection.items.findIndex((item) => item.id === annotation.id);
  const items = at < 0 ? [...collection.items, annotation] : collection.items.map((item, k) => (k === at ? annotation : item));
  return { ...collection, items };
}

/** The collection without the annotation `id` and the replies to it (and to them). */
export function withoutAnnotation(collection: AnnotationCollection, id: string): AnnotationCollection {
  const replies = new Map<string, string[]>();
  for (const item of collection.items) {
    const parent = repliesTo(item);
    if (parent === undefined) continue;
    const siblings = replies.get(parent);
    if (siblings) siblings.push(item.id);
    else replies.set(parent, [item.id]);
  }
  const removed = new Set<string>();
  const pending = [id];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (removed.has(next)) continue;
    removed.add(next);
    pending.push(...(replies.get(next) ?? []));
  }
  return { ...collection, items: collection.items.filter((item) => !removed.has(item.id)) };
}
