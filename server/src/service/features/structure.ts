/**
 * The features that read the outline alone: folding (every outline item folds; the front matter and
 * letterhead fold as a header) and smart select (point → paragraph → language version → note).
 */
import type { Span } from '../../core/model';
import type { OutlineItem } from '../../core/outline';
import type { DocumentAnalysis } from '../analysisCache';

export interface Fold {
  readonly span: Span;
  /** `header`: the front matter or the letterhead, which editors fold as imports. */
  readonly kind: 'header' | 'body';
}

/**
 * Folds already made, by outline item: an item kept or moved by a local edit (see repairOutline) is
 * the same object, and so is its fold, which lets the protocol layer keep its line numbers too.
 */
const folds = new WeakMap<OutlineItem, Fold>();

export function foldsOf({ outline }: DocumentAnalysis): Fold[] {
  const found: Fold[] = [];
  const visit = (item: OutlineItem): void => {
    let fold = folds.get(item);
    if (!fold) folds.set(item, (fold = { span: item.span, kind: item.kind === 'frontMatter' || item.kind === 'letterhead' ? 'header' : 'body' }));
    found.push(fold);
    item.children.forEach(visit);
  };
  outline.forEach(visit);
  return found;
}

/** For each offset, the spans that smart select grows through, outermost (the whole note) first. */
export function selectionChains({ note, outline }: DocumentAnalysis, offsets: readonly number[]): Span[][] {
  const whole: Span = { start: 0, end: note.text.length };
  return offsets.map((offset) => [whole, ...enclosingSpans(outline, offset).filter((span) => span.start !== whole.start || span.end !== whole.end)]);
}

/** The spans of the outline items around `offset`, outermost first, each once. */
function enclosingSpans(items: readonly OutlineItem[], offset: number): Span[] {
  const spans: Span[] = [];
  let level = items;
  for (;;) {
    const inside = level.find((item) => item.span.start <= offset && offset <= item.span.end);
    if (!inside) return spans;
    const previous = spans[spans.length - 1];
    if (!previous || previous.start !== inside.span.start || previous.end !== inside.span.end) spans.push(inside.span);
    level = inside.children;
  }
}
