/**
 * The annotations of a note as W3C Web Annotations (https://www.w3.org/TR/annotation-model/), kept in
 * `NAME.note.annotations.json` beside the note: an `AnnotationCollection` whose `items` are the
 * annotations. The types mirror the JSON, property for property; what this version does not know is
 * kept in `extra` (and unknown selectors and bodies whole) so that rewriting a file loses nothing.
 * Positions in selectors are Unicode code points, as the W3C model requires; the rest of the core
 * counts UTF-16 code units (see codePoints.ts).
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** The motivations Diplonote creates; a file may hold others of the W3C list, kept as written. */
export const MOTIVATIONS = ['commenting', 'tagging', 'questioning', 'highlighting', 'replying', 'linking'] as const;
export type Motivation = (typeof MOTIVATIONS)[number];

/** Every motivation the W3C model defines: a file may use any of them. */
export const W3C_MOTIVATIONS: readonly string[] = [
  'assessing', 'bookmarking', 'classifying', 'commenting', 'describing', 'editing', 'highlighting',
  'identifying', 'linking', 'moderating', 'questioning', 'replying', 'tagging',
];

/** A thread's state (a Diplonote extension of the model: not in the W3C vocabulary). */
export type AnnotationStatus = 'open' | 'resolved';

export interface TextQuoteSelector {
  readonly type: 'TextQuoteSelector';
  readonly exact: string;
  readonly prefix?: string;
  readonly suffix?: string;
  readonly extra?: JsonObject;
}

/** `start` and `end` (exclusive) count Unicode code points of the file's text, `\r\n` as two. */
export interface TextPositionSelector {
  readonly type: 'TextPositionSelector';
  readonly start: number;
  readonly end: number;
  readonly extra?: JsonObject;
}

/** A selector of a kind Diplonote does not use (XPath, CSS, …), kept as written. */
export interface OtherSelector {
  readonly type: 'other';
  readonly json: JsonValue;
}

export type Selector = TextQuoteSelector | TextPositionSelector | OtherSelector;

/** A span of a note: `source` is the note's file name, relative to the sidecar. */
export interface SpanTarget {
  readonly kind: 'span';
  readonly source: string;
  readonly selector: readonly Selector[];
  /** `SpecificResource` when the file says so; the W3C model lets it be left out. */
  readonly type?: string;
  readonly extra?: JsonObject;
}

/** A target named by its IRI alone: for a reply, the id of the annotation it answers. */
export interface TargetRef {
  readonly kind: 'ref';
  readonly id: string;
}

export type Target = SpanTarget | TargetRef;

export interface Agent {
  readonly id?: string;
  readonly type?: string;
  readonly name?: string;
  readonly extra?: JsonObject;
}

/** Purposes of a body Diplonote writes: a (Markdown) comment, or one tag (its id). */
export type BodyPurpose = 'commenting' | 'tagging';

export interface TextualBody {
  readonly type: 'TextualBody';
  readonly value: string;
  readonly purpose?: string;
  /** `text/markdown` for comments. */
  readonly format?: string;
  readonly language?: string;
  readonly extra?: JsonObject;
}

/** A body of a kind Diplonote does not read (a `SpecificResource`, an IRI, …), kept as written. */
export interface OtherBody {
  readonly type: 'other';
  readonly json: JsonValue;
}

export type Body = TextualBody | OtherBody;

export interface WebAnnotation {
  /** `urn:uuid:…` for the annotations Diplonote makes. */
  readonly id: string;
  readonly motivation: string;
  readonly created?: string;
  readonly modified?: string;
  /** An agent, or an IRI as the W3C model allows. */
  readonly creator?: Agent | string;
  readonly status?: AnnotationStatus;
  /** One target for comments and replies; two (one in each language) for an alignment link. */
  readonly target: readonly Target[];
  readonly body: readonly Body[];
  /** `@context` when an annotation carries its own (not needed inside a collection). */
  readonly context?: JsonValue;
  readonly extra?: JsonObject;
}

export interface AnnotationCollection {
  readonly context: JsonValue;
  readonly id?: string;
  readonly label?: string;
  readonly items: readonly WebAnnotation[];
  readonly extra?: JsonObject;
}

export function emptyCollection(): AnnotationCollection {
  return { context: ANNOTATION_CONTEXT, items: [] };
}

export function quoteSelectorOf(target: SpanTarget): TextQuoteSelector | undefined {
  return target.selector.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
}

export function positionSelectorOf(target: SpanTarget): TextPositionSelector | undefined {
  return target.selector.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
}

/**
 * A linking annotation is a correction to the alignment (service/features/corrections.ts): the aligner
 * and the aligned view own it; it is no comment or tag, and the annotation layer leaves it alone.
 */
export function isAlignmentCorrection(annotation: WebAnnotation): boolean {
  return annotation.motivation === 'linking';
}

/** The id of the annotation a reply answers. */
export function repliesTo(annotation: WebAnnotation): string | undefined {
  if (annotation.motivation !== 'replying') return undefined;
  return annotation.target.find((t): t is TargetRef => t.kind === 'ref')?.id;
}

/** The span of a note an annotation is on: its first span target (a reply has none). */
export function spanTargetOf(annotation: WebAnnotation): SpanTarget | undefined {
  return annotation.target.find((t): t is SpanTarget => t.kind === 'span');
}

/** The tags of an annotation: the values of its `tagging` bodies. */
export function tagsOf(annotation: WebAnnotation): string[] {
  return annotation.body.flatMap((b) => (b.type === 'TextualBody' && b.purpose === 'tagging' ? [b.value] : []));
}

/** Its comments: the values of its textual bodies that are not tags. */
export function commentsOf(annotation: WebAnnotation): string[] {
  return annotation.body.flatMap((b) => (b.type === 'TextualBody' && b.purpose !== 'tagging' ? [b.value] : []));
}

export function creatorName(annotation: WebAnnotation): string | undefined {
  const { creator } = annotation;
  return typeof creator === 'string' ? creator : creator?.name;
}
