/**
 * The bilingual consistency checks: pure functions from an analysed note (or pair of notes) and their
 * alignment to findings. Severity comes from the settings; a paragraph annotated with
 * `%% diplonote-ignore <code>` drops findings of that code on it and on its aligned paragraph.
 */
import type { CitedCommunication, Note, Paragraph, Point, Span } from '../model';
import type { NoteAlignment, VersionSide } from '../noteAlignment';
import { checkClosing, checkMalformedReferences } from './noteChecks';
import { checkOwnReferencesAgree } from './ownReference';
import { checkQuantities } from './quantities';
import { checkParagraphs, checkPoints, checkReferences, paragraphsLeftOverInBeads } from './structure';
import { noteYear } from './noteYear';
import { checkTerms } from './terms';
import { lastStartingBy } from '../text/spans';
import type { ChecksSettings, Finding, Side, TermsIn } from './types';

export * from './types';

export interface CheckInput {
  readonly alignment: NoteAlignment;
  /** The note each side comes from: the same note twice when it holds both versions. */
  readonly notes: Readonly<Record<Side, Note>>;
  readonly termsIn?: TermsIn;
}

/** Whether `span` lies inside one of the side's blocks (in text order, apart): found by binary search. */
function within(side: VersionSide, span: Span): boolean {
  const block = lastStartingBy(side.blocks, span.start)?.item;
  return block !== undefined && span.end <= block.span.end;
}

function citationsOf(note: Note, side: VersionSide): CitedCommunication[] {
  return note.citations.filter((c) => within(side, c.span));
}

function markers(points: readonly Point[]): Span[] {
  return points.flatMap((point) => [point.marker, ...markers(point.children)]);
}

/** Spans whose digits are not quantities: references, annotations, point and paragraph numbers. */
function ignoredSpans(note: Note): Span[] {
  return [
    ...note.citations.map((c) => c.span), ...note.annotations.map((a) => a.span),
    ...(note.ownReference ? [note.ownReference.span] : []),
    ...note.paragraphs.flatMap((p) => markers(p.number ? [p.number, ...p.points] : p.points)),
  ].sort((a, b) => a.start - b.start);
}

function withSpans(sorted: readonly Span[], more: readonly Span[]): Span[] {
  return more.length === 0 ? [...sorted] : [...sorted, ...more].sort((a, b) => a.start - b.start);
}

/** Paragraph pairs checked in one step of checkSteps: a few milliseconds of work. */
const PAIRS_PER_STEP = 64;

/**
 * Findings between the two versions, unfiltered. The checks that read every number, date and term
 * of a pair run a few pairs per step; each `yield` is a point where the caller may pause, or stop
 * when the text has changed meanwhile.
 */
function* pairFindings(input: CheckInput): Generator<void, Finding[], void> {
  const { alignment, notes } = input;
  const leftOver = paragraphsLeftOverInBeads(alignment);
  const en = { text: alignment.en.text, ignored: withSpans(ignoredSpans(notes.en), leftOver.en), referenceYear: noteYear(notes.en) };
  const zh = { text: alignment.zh.text, ignored: withSpans(ignoredSpans(notes.zh), leftOver.zh), referenceYear: noteYear(notes.zh) };
  const quantities: Finding[] = [];
  const terms: Finding[] = [];
  for (let from = 0; from < alignment.paragraphs.length; from += PAIRS_PER_STEP) {
    yield;
    const pairs = alignment.paragraphs.slice(from, from + PAIRS_PER_STEP);
    quantities.push(...checkQuantities(pairs, en, zh));
    if (input.termsIn) terms.push(...checkTerms(alignment, input.termsIn, pairs));
  }
  return [
    ...checkParagraphs(alignment),
    ...checkPoints(alignment),
    ...checkReferences(alignment, { en: citationsOf(notes.en, alignment.en), zh: citationsOf(notes.zh, alignment.zh) }),
    ...quantities,
    ...terms,
    // One note's versions are compared with the note itself (noteFindings); two files only here.
    ...(notes.en !== notes.zh ? checkOwnReferencesAgree(notes.en, notes.zh) : []),
  ];
}

/** Findings of a note on its own (also for a note that has no other version). */
export function noteFindings(note: Note): Finding[] {
  return [...checkMalformedReferences(note), ...checkClosing(note)];
}

/** The paragraphs that carry `%% diplonote-ignore`: few, so findings are tested against them only. */
function ignoringParagraphs(note: Note): Paragraph[] {
  return note.paragraphs.filter((p) => p.annotations.some((a) => a.ignoreCode !== undefined));
}

function ignoresAt(paragraphs: readonly Paragraph[], offset: number, code: string): boolean {
  return paragraphs.some((p) =>
    offset >= p.span.start && offset < p.span.end && p.annotations.some((a) => a.ignoreCode === code));
}

/** An ignore annotation on either paragraph of the pair silences the finding on both sides. */
function suppressed(ignoring: Readonly<Record<Side, Paragraph[]>>, finding: Finding): boolean {
  return ignoresAt(ignoring[finding.side], finding.span.start, finding.code)
    || finding.related.some((r) => ignoresAt(ignoring[r.side], r.span.start, finding.code));
}

/** Applies the severity settings and the ignore annotations; sorts by side and position. */
export function settle(findings: readonly Finding[], notes: Readonly<Record<Side, Note>>, settings: ChecksSettings = {}): Finding[] {
  const kept: Finding[] = [];
  const ignoring = { en: ignoringParagraphs(notes.en), zh: ignoringParagraphs(notes.zh) };
  for (const finding of findings) {
    const setting = settings[finding.code] ?? finding.severity;
    if (setting === 'off' || suppressed(ignoring, finding)) continue;
    kept.push({ ...finding, severity: setting });
  }
  return kept.sort((a, b) => (a.side === b.side ? a.span.start - b.span.start : a.side === 'en' ? -1 : 1));
}

/** Every finding of a pair of versions, in steps (see pairFindings): between them and in each note (once when they are one note). */
export function* checkSteps(input: CheckInput, settings: ChecksSettings = {}): Generator<void, Finding[], void> {
  const own = input.notes.en === input.notes.zh
    ? noteFindings(input.notes.en)
    : [...noteFindings(input.notes.en).map((f) => ({ ...f, side: 'en' as const })), ...noteFindings(input.notes.zh).map((f) => ({ ...f, side: 'zh' as const }))];
  const between = yield* pairFindings(input);
  return settle([...between, ...own], input.notes, settings);
}

/** Every finding of a pair of versions, at once. */
export function runChecks(input: CheckInput, settings: ChecksSettings = {}): Finding[] {
  return finish(checkSteps(input, settings));
}

/** Runs a generator of steps to its end. */
export function finish<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Findings of a note that has no other version to compare with. */
export function checkAlone(note: Note, settings: ChecksSettings = {}): Finding[] {
  return settle(noteFindings(note), { en: note, zh: note }, settings);
}
