/**
 * Corrections to the alignment, kept as linking annotations in the note's sidecar (see
 * annotationStore.ts and docs/workbench.md): an annotation with motivation `linking` and a span target
 * in each language version pairs the units those spans cover; one with a single span target says its
 * units have no counterpart. Each is placed on the text as it is now, as any annotation is (by quote
 * and context, core/annotations/anchor.ts), so a correction follows its text through edits; the aligner
 * takes the placed spans as fixed beads (core/alignmentCorrections.ts).
 *
 * The actions of the aligned view become corrections here: pair two units, unpair a row, merge two
 * rows, split a row, remove a correction. A new correction replaces the ones it overlaps, unless one
 * of those is coarser (a paragraph pairing around a sentence pairing): both then stand.
 */
import { anchorTarget } from '../../core/annotations/anchor';
import { CodePointIndex } from '../../core/annotations/codePoints';
import { withAnnotation, withoutAnnotation, type AnnotationEnvironment } from '../../core/annotations/edit';
import { isAlignmentCorrection, type AnnotationCollection, type SpanTarget, type WebAnnotation } from '../../core/annotations/model';
import { sameSource } from '../../core/annotations/place';
import { selectorsOf } from '../../core/annotations/selectors';
import type { AlignmentCorrection } from '../../core/alignmentCorrections';
import { message, type Message } from '../../core/messages';
import type { Span } from '../../core/model';
import { languageAt } from '../../core/noteAlignment';
import type { UnitRow } from '../../core/workbench/rows';
import type { DocumentAnalysis } from '../analysisCache';
import { AnnotationStore, sourceName, type StoredSidecar } from '../annotationStore';
import { fileName } from '../uris';

const LINKING = 'linking';

export type CorrectionAction =
  | { readonly kind: 'pair'; readonly en: number; readonly zh: number }
  | { readonly kind: 'unpair'; readonly row: number }
  | { readonly kind: 'merge'; readonly rows: readonly [number, number] }
  | { readonly kind: 'split'; readonly row: number }
  | { readonly kind: 'remove'; readonly row: number };

/** A version's document and its analysis (the same for both sides of a note holding both). */
export type VersionDocument = Pick<DocumentAnalysis, 'document' | 'note'>;

export interface Sides {
  readonly en: VersionDocument;
  readonly zh: VersionDocument;
}

// ----- reading ---------------------------------------------------------------------------------------

/** The linking annotations of the sidecars (the English note's first), placed on the versions as they are now. */
export function placedCorrections(sidecars: readonly StoredSidecar[], sides: Sides): AlignmentCorrection[] {
  const placed: AlignmentCorrection[] = [];
  const seen = new Set<string>();
  for (const sidecar of sidecars) {
    for (const annotation of sidecar.reading.collection.items) {
      if (!isAlignmentCorrection(annotation) || seen.has(annotation.id)) continue;
      seen.add(annotation.id);
      const correction = place(annotation, sides);
      if (correction) placed.push(correction);
    }
  }
  return placed;
}

/** A linking annotation as a correction: one span in each version, or one span alone; else undefined. */
function place(annotation: WebAnnotation, sides: Sides): AlignmentCorrection | undefined {
  const targets = annotation.target.filter((t): t is SpanTarget => t.kind === 'span');
  if (targets.length === 0 || targets.length > 2) return undefined;
  const spans: Partial<Record<'en' | 'zh', Span>> = {};
  for (const target of targets) {
    const found = placeTarget(target, sides);
    if (!found || spans[found.side]) return undefined;
    spans[found.side] = found.span;
  }
  return { id: annotation.id, ...spans };
}

function placeTarget(target: SpanTarget, sides: Sides): { side: 'en' | 'zh'; span: Span } | undefined {
  const oneFile = sides.en === sides.zh;
  for (const side of ['en', 'zh'] as const) {
    const { document, note } = sides[side];
    if (!sameSource(target.source, fileName(document.uri))) continue;
    const text = document.getText();
    const placement = anchorTarget(text, new CodePointIndex(text), target);
    if (placement.status !== 'anchored') return undefined;
    if (!oneFile) return { side, span: placement.span };
    const language = languageAt(note, placement.span.start);
    return language === 'en' || language === 'zh' ? { side: language, span: placement.span } : undefined;
  }
  return undefined;
}

// ----- actions -----------------------------------------------------------------------------------

/** A correction to make: the spans of the units it pairs (one side only: no counterpart). */
interface NewCorrection {
  readonly en?: Span;
  readonly zh?: Span;
}

export interface CorrectionPlan {
  /** The corrections to add. */
  readonly add: readonly NewCorrection[];
  /** The ids of corrections to remove, whatever the sidecar holding them. */
  readonly remove: readonly string[];
}

/** A plan, or why the action cannot be made (said in the user's language by whoever answers). */
type Planned = { readonly kind: 'plan'; readonly plan: CorrectionPlan } | { readonly kind: 'refused'; readonly said: Message };

function refused(said: Message): Planned {
  return { kind: 'refused', said };
}

/** What an action of the view changes, on the rows it was shown (see core/workbench/rows.ts). */
export function planAction(action: CorrectionAction, rows: readonly UnitRow[], existing: readonly AlignmentCorrection[]): Planned {
  const row = (index: number) => (Number.isInteger(index) && index >= 0 && index < rows.length ? rows[index] : undefined);
  switch (action.kind) {
    case 'pair': {
      const en = row(action.en)?.en;
      const zh = row(action.zh)?.zh;
      if (!en || !zh) return refused(message('correction.pair'));
      return withReplaced([{ en: cover(en.spans), zh: cover(zh.spans) }], existing);
    }
    case 'unpair': {
      const target = row(action.row);
      if (!target?.en || !target.zh) return refused(message('correction.unpair'));
      return withReplaced([{ en: cover(target.en.spans) }, { zh: cover(target.zh.spans) }], existing);
    }
    case 'merge': {
      const [first, second] = action.rows.map(row);
      if (!first || !second || first === second || first.level !== second.level || first.level === 'point') return refused(message('correction.merge'));
      const en = [...first.en?.spans ?? [], ...second.en?.spans ?? []];
      const zh = [...first.zh?.spans ?? [], ...second.zh?.spans ?? []];
      if (en.length === 0 || zh.length === 0) return refused(message('correction.merge-one-language'));
      return withReplaced([{ en: cover(en), zh: cover(zh) }], existing);
    }
    case 'split': {
      const target = row(action.row);
      if (!target?.en || !target.zh || target.level === 'point') return refused(message('correction.split'));
      const [en, zh] = [target.en.spans, target.zh.spans];
      if (en.length < 2 && zh.length < 2) return refused(message('correction.split-single'));
      return withReplaced(splitPairs(en, zh), existing);
    }
    case 'remove': {
      const id = row(action.row)?.correction;
      return id ? { kind: 'plan', plan: { add: [], remove: [id] } } : refused(message('correction.not-corrected'));
    }
  }
}

/** The units of each side paired one to one, in order; those left over on the longer side alone. */
function splitPairs(en: readonly Span[], zh: readonly Span[]): NewCorrection[] {
  return Array.from({ length: Math.max(en.length, zh.length) }, (_, k) => ({
    ...(k < en.length ? { en: en[k] } : {}),
    ...(k < zh.length ? { zh: zh[k] } : {}),
  }));
}

function withReplaced(add: readonly NewCorrection[], existing: readonly AlignmentCorrection[]): Planned {
  const remove = existing.filter((old) => add.some((fresh) => replaces(fresh, old))).map((old) => old.id);
  return { kind: 'plan', plan: { add, remove } };
}

/** A new correction replaces an old one it overlaps on a side, unless the old one is coarser there. */
function replaces(fresh: NewCorrection, old: AlignmentCorrection): boolean {
  return (['en', 'zh'] as const).some((side) => {
    const a = fresh[side];
    const b = old[side];
    return a !== undefined && b !== undefined && overlaps(a, b) && !(b.start <= a.start && a.end <= b.end && b.end - b.start > a.end - a.start);
  });
}

function overlaps(a: Span, b: Span): boolean {
  return Math.min(a.end, b.end) > Math.max(a.start, b.start);
}

function cover(spans: readonly Span[]): Span {
  return { start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) };
}

// ----- writing ------------------------------------------------------------------------------------

/** The annotation recording a correction: a span target in each version it names. */
export function linkingAnnotation(correction: NewCorrection, sides: Sides, sidecarUri: string, env: AnnotationEnvironment): WebAnnotation {
  const time = env.now().toISOString();
  const target = (side: 'en' | 'zh', span: Span): SpanTarget => {
    const text = sides[side].document.getText();
    return { kind: 'span', source: sourceName(sidecarUri, sides[side].document.uri), selector: selectorsOf(text, span, new CodePointIndex(text)) };
  };
  return {
    id: `urn:uuid:${env.newId()}`,
    motivation: LINKING,
    created: time,
    modified: time,
    target: [...(correction.en ? [target('en', correction.en)] : []), ...(correction.zh ? [target('zh', correction.zh)] : [])],
    body: [],
  };
}

/** The collection of one sidecar after a plan: the removed corrections gone, the new ones (when it takes them) added. */
export function applyPlan(collection: AnnotationCollection, plan: CorrectionPlan, added: readonly WebAnnotation[]): AnnotationCollection {
  const kept = plan.remove.reduce((rest, id) => withoutAnnotation(rest, id), collection);
  return added.reduce((rest, annotation) => withAnnotation(rest, annotation), kept);
}

/** Where new corrections are written: the English version's sidecar (the note's own, for a note holding both). */
export function correctionsSidecarOf(sides: Sides): string {
  return AnnotationStore.sidecarOf(sides.en.document.uri);
}
