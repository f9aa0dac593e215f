/**
 * How many annotations a sidecar holds, by thread status and by tag: what the workspace index keeps of
 * a note's annotations, so that the editor can list the annotated notes that are not open.
 */
import { isAlignmentCorrection, repliesTo, spanTargetOf, tagsOf, type AnnotationCollection } from './model';

export interface AnnotationCounts {
  /** Annotations of a span of the note (replies are counted apart). */
  readonly annotations: number;
  readonly replies: number;
  /** Threads by status; an annotation without a status (a tag, a highlight) is neither. */
  readonly open: number;
  readonly resolved: number;
  /** Tag name → how many annotations carry it. */
  readonly tags: Readonly<Record<string, number>>;
}

export function annotationCounts(collection: AnnotationCollection): AnnotationCounts {
  let annotations = 0;
  let replies = 0;
  let open = 0;
  let resolved = 0;
  const tags = new Map<string, number>();
  for (const annotation of collection.items) {
    if (repliesTo(annotation) !== undefined) replies++;
    if (!spanTargetOf(annotation) || isAlignmentCorrection(annotation)) continue;
    annotations++;
    if (annotation.status === 'open') open++;
    if (annotation.status === 'resolved') resolved++;
    for (const tag of new Set(tagsOf(annotation))) tags.set(tag, (tags.get(tag) ?? 0) + 1);
  }
  return { annotations, replies, open, resolved, tags: Object.fromEntries([...tags].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) };
}
