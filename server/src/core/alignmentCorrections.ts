/**
 * A user's corrections of the alignment, as the aligner takes them: each names a span in each language
 * version (the units it pairs), or in one only (units that have no counterpart). The spans come from
 * linking annotations placed on the text as it is now (core/annotations), so a correction follows its
 * text through edits; here they are laid on the units the aligner pairs, paragraphs or sentences.
 */
import type { FixedBead } from './align/align';
import type { Span } from './model';
import { countBelow } from './text/spans';

export interface AlignmentCorrection {
  /** The id of the annotation that records it. */
  readonly id: string;
  /** The English units it pairs; absent: the Chinese units have no counterpart. */
  readonly en?: Span;
  /** The Chinese units it pairs; absent: the English units have no counterpart. */
  readonly zh?: Span;
}

/** A unit as the corrections see it: the spans it is made of, in document order. */
export type UnitSpans = readonly Span[];

/** The indexes of the units (in document order) that `span` overlaps by at least one character. */
export function unitsTouched(units: readonly UnitSpans[], span: Span): number[] {
  const touched: number[] = [];
  const first = countBelow(units, span.start + 1, (unit) => unit[unit.length - 1].end);
  for (let k = first; k < units.length && units[k][0].start < span.end; k++) {
    if (units[k].some((piece) => Math.min(piece.end, span.end) > Math.max(piece.start, span.start))) touched.push(k);
  }
  return touched;
}

/** The share of a unit a span must cover to name it whole. */
const WHOLE_SHARE = 0.9;

/**
 * Whether `span` covers nearly all of each unit it touches: it names them whole. Nearly, not exactly:
 * a correction placed again after edits may have lost a few characters at an edge; but a span over
 * two of a paragraph's three sentences names those sentences, not the paragraph.
 */
function namesWholeUnits(units: readonly UnitSpans[], touched: readonly number[], span: Span): boolean {
  return touched.every((k) => {
    const length = units[k].reduce((sum, piece) => sum + piece.end - piece.start, 0);
    const covered = units[k].reduce((sum, piece) => sum + Math.max(0, Math.min(piece.end, span.end) - Math.max(piece.start, span.start)), 0);
    return covered >= length * WHOLE_SHARE;
  });
}

/** A correction laid on units: which it takes on each side, and whether they are whole units of this level. */
export interface LaidCorrection {
  /** Its index in the list given. */
  readonly index: number;
  readonly en: readonly number[];
  readonly zh: readonly number[];
  readonly whole: boolean;
}

/**
 * The corrections laid on the units of each side. One is left out when a side it names touches no unit
 * any more (its text was deleted): half of a pairing is not a correction.
 */
export function layCorrections(corrections: readonly AlignmentCorrection[], en: readonly UnitSpans[], zh: readonly UnitSpans[]): LaidCorrection[] {
  const laid: LaidCorrection[] = [];
  corrections.forEach((correction, index) => {
    const enUnits = correction.en ? unitsTouched(en, correction.en) : [];
    const zhUnits = correction.zh ? unitsTouched(zh, correction.zh) : [];
    if ((correction.en && enUnits.length === 0) || (correction.zh && zhUnits.length === 0) || (!correction.en && !correction.zh)) return;
    const whole = (!correction.en || namesWholeUnits(en, enUnits, correction.en)) && (!correction.zh || namesWholeUnits(zh, zhUnits, correction.zh));
    laid.push({ index, en: enUnits, zh: zhUnits, whole });
  });
  return laid;
}

/** As the aligner takes them, with the index of each in `laid` (which `Bead.correction` gives back). */
export function fixedBeadsOf(laid: readonly LaidCorrection[]): FixedBead[] {
  return laid.map(({ en, zh }) => ({ en, zh }));
}
