/**
 * The annotations of one note placed on its text as it is now, and written back with selectors that
 * describe where they are (re-saving updates both the quote and the position). A reply has no span
 * of its own: it is shown with the annotation it answers. Orphans keep their selectors as they were.
 */
import type { Span } from '../model';
import { anchorTarget, type Placement } from './anchor';
import { CodePointIndex } from './codePoints';
import { withSelectors } from './edit';
import { positionSelectorOf, quoteSelectorOf, spanTargetOf, type TextPositionSelector, type TextQuoteSelector, type WebAnnotation } from './model';
import { selectorsOf } from './selectors';

export interface PlacedAnnotation {
  readonly annotation: WebAnnotation;
  readonly placement: Placement;
}

/** `dir/visa.en.note` and `visa.en.note` name the same note: a sidecar lies beside its note. */
export function sameSource(source: string, noteFileName: string): boolean {
  return baseName(source) === baseName(noteFileName);
}

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** Each annotation with a span of the note `noteFileName`, placed on `text`. */
export function placeAnnotations(text: string, annotations: readonly WebAnnotation[], noteFileName: string): PlacedAnnotation[] {
  const index = new CodePointIndex(text);
  return annotations.flatMap((annotation) => {
    const target = annotation.target.find((t) => t.kind === 'span' && sameSource(t.source, noteFileName));
    return target?.kind === 'span' ? [{ annotation, placement: anchorTarget(text, index, target) }] : [];
  });
}

/**
 * The annotations with selectors made anew where `spans` (their placements, or the spans followed
 * while the note was open, by id) say they are now; the others, and those whose selectors already
 * say so, unchanged (the same objects), so that the file changes only where something moved.
 */
export function withCurrentSelectors(text: string, annotations: readonly WebAnnotation[], spans: ReadonlyMap<string, Span>): WebAnnotation[] {
  const index = new CodePointIndex(text);
  return annotations.map((annotation) => {
    const span = spans.get(annotation.id);
    if (!span) return annotation;
    const fresh = selectorsOf(text, span, index);
    return sameSelectors(annotation, fresh) ? annotation : withSelectors(annotation, fresh);
  });
}

function sameSelectors(annotation: WebAnnotation, [quote, position]: readonly [TextQuoteSelector, TextPositionSelector]): boolean {
  const target = spanTargetOf(annotation);
  const oldQuote = target && quoteSelectorOf(target);
  const oldPosition = target && positionSelectorOf(target);
  return oldQuote?.exact === quote.exact && oldQuote.prefix === quote.prefix && oldQuote.suffix === quote.suffix &&
    oldPosition?.start === position.start && oldPosition.end === position.end;
}

/** The spans of the annotations that were placed, by id: what `withCurrentSelectors` takes after re-anchoring. */
export function placedSpans(placed: readonly PlacedAnnotation[]): Map<string, Span> {
  return new Map(placed.flatMap(({ annotation, placement }) => (placement.status === 'anchored' ? [[annotation.id, placement.span]] : [])));
}
