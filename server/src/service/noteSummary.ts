/**
 * What the workspace index keeps of a note: small, without its text, so that ten thousand notes fit in
 * memory. The fields come from the analysis (front matter first, then what the recognisers read in the
 * text); places are line/character ranges, so that a note that is not open can be pointed into
 * without reading it again.
 */
import type { Block, Language, Note, Point, Span, Writable } from '../core/model';
import { findDates } from '../core/normalise/dates';
import { countBelow } from '../core/text/spans';
import { communicationKey, referenceKey } from './references';

export interface LinePosition {
  readonly line: number;
  /** UTF-16 code units from the line's start, as LSP counts. */
  readonly character: number;
}

export interface LineRange {
  readonly start: LinePosition;
  readonly end: LinePosition;
}

/** A place in a note of the workspace, open or not. */
export interface NoteLocation {
  readonly uri: string;
  readonly range: LineRange;
}

/** A reference a note makes to another communication or note. */
export interface NoteMention {
  /** See references.ts. */
  readonly key: string;
  /** As written. */
  readonly text: string;
  readonly range: LineRange;
  /** A communication cited in the text (or front matter), or an `in-reply-to:` value. */
  readonly via: 'citation' | 'in-reply-to';
}

export interface OwnReferenceSummary {
  readonly key: string;
  readonly text: string;
  /** The reference itself. */
  readonly range: LineRange;
  /** The whole line (label included). */
  readonly line: LineRange;
}

export interface NoteSummary {
  readonly ownReference?: OwnReferenceSummary;
  /** ISO 8601 as far as the note says it: `2026-03-13`, `2026-03` or `2026`. */
  readonly date?: string;
  readonly year?: number;
  readonly sender?: string;
  readonly addressee?: string;
  readonly title?: string;
  /** The language versions, in order; the note's language when it has one version. */
  readonly languages: readonly Language[];
  readonly mentions: readonly NoteMention[];
  /** The keys of the `in-reply-to:` values (see references.ts). */
  readonly inReplyTo: readonly string[];
  /** The `counterpart:` value as written. */
  readonly counterpart?: string;
  /** Body paragraphs and numbered points, per language. */
  readonly counts: Readonly<Partial<Record<Language, { readonly paragraphs: number; readonly points: number }>>>;
  /** `%%` annotation lines in the text. */
  readonly inlineAnnotations: number;
}

/** Mentions kept per note: enough for any real note, bounded for a hostile one. */
const MAX_MENTIONS = 500;
const MAX_FIELD_LENGTH = 200;

export function summariseNote(note: Note): NoteSummary {
  const place = new Placer(note.lineStarts);
  const blocks = allBlocks(note);
  // Filled field by field, in the order of NoteSummary, rather than spread from optional parts: the
  // index summarises every note it reads.
  const summary: Partial<Writable<NoteSummary>> = {};
  const ownReference = ownReferenceOf(note, place);
  if (ownReference) summary.ownReference = ownReference;
  const date = noteDate(note, blocks);
  if (date) {
    summary.date = date.iso;
    summary.year = date.year;
  }
  setField(summary, 'sender', frontMatterValue(note, 'sender') ?? letterheadSender(note, blocks));
  setField(summary, 'addressee', frontMatterValue(note, 'addressee') ?? firstLineOf(note, blocks, 'addressee'));
  setField(summary, 'title', frontMatterValue(note, 'title') ?? firstLineOf(note, blocks, 'title') ?? firstLineOf(note, blocks, 'subject', true));
  summary.languages = note.versions.length > 0 ? note.versions.map((version) => version.language) : [note.language];
  summary.mentions = mentionsOf(note, place);
  summary.inReplyTo = inReplyToItems(note).flatMap((item) => referenceKey(item.value) ?? []);
  const counterpart = frontMatterValue(note, 'counterpart');
  if (counterpart) summary.counterpart = counterpart;
  summary.counts = countsOf(note);
  summary.inlineAnnotations = note.annotations.length;
  return summary as NoteSummary;
}

/** A field shown on one line, left out when empty. */
function setField(summary: Partial<Writable<NoteSummary>>, key: 'sender' | 'addressee' | 'title', value: string | undefined): void {
  const shown = value === undefined ? '' : oneLine(value);
  if (shown !== '') summary[key] = shown;
}

/** White space that `oneLine` changes inside a text: anything but single spaces. */
const UNEVEN_SPACE = /[^\S ]| {2}/;

function oneLine(text: string): string {
  const collapsed = UNEVEN_SPACE.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
  return collapsed.length > MAX_FIELD_LENGTH ? `${collapsed.slice(0, MAX_FIELD_LENGTH - 1)}…` : collapsed;
}

function frontMatterValue(note: Note, key: string): string | undefined {
  const value = note.frontMatter?.entries.find((entry) => entry.key === key)?.value.trim();
  return value === '' ? undefined : value;
}

/** Offsets to line/character, by binary search over the line starts. */
class Placer {
  constructor(private readonly lineStarts: readonly number[]) {}

  position(offset: number): LinePosition {
    const line = Math.max(0, countBelow(this.lineStarts, offset + 1, (start) => start) - 1);
    return { line, character: offset - (this.lineStarts[line] ?? 0) };
  }

  range(span: Span): LineRange {
    return { start: this.position(span.start), end: this.position(span.end) };
  }
}

function ownReferenceOf(note: Note, place: Placer): OwnReferenceSummary | undefined {
  const own = note.ownReference;
  const key = own && referenceKey(own.valueText);
  if (!own || !key) return undefined;
  return { key, text: oneLine(own.valueText), range: place.range(own.value), line: place.range(own.span) };
}

/**
 * The communications cited anywhere but in the note's own reference, then each `in-reply-to:` value
 * that is not a citation already (`OHCHR/RRDD/2026/007`).
 */
function mentionsOf(note: Note, place: Placer): NoteMention[] {
  const own = note.ownReference?.value;
  const mentions: NoteMention[] = [];
  const cited: Span[] = [];
  for (const citation of note.citations) {
    if (mentions.length >= MAX_MENTIONS) break;
    if (own && citation.span.start < own.end && own.start < citation.span.end) continue;
    cited.push(citation.span);
    mentions.push({ key: communicationKey(citation), text: citation.text, range: place.range(citation.span), via: 'citation' });
  }
  for (const item of inReplyToItems(note)) {
    if (mentions.length >= MAX_MENTIONS) break;
    const key = referenceKey(item.value);
    if (!key || cited.some((span) => span.start < item.span.end && item.span.start < span.end)) continue;
    mentions.push({ key, text: oneLine(item.value), range: place.range(item.span), via: 'in-reply-to' });
  }
  return mentions;
}

function inReplyToItems(note: Note): readonly { value: string; span: Span }[] {
  const entry = note.frontMatter?.entries.find((e) => e.key === 'in-reply-to');
  if (!entry) return [];
  return entry.items ?? [{ value: entry.value, span: entry.valueSpan }];
}

/** Blocks outside the versions, then those of each version in order. */
function allBlocks(note: Note): readonly Block[] {
  return note.versions.length === 0 ? note.blocks : note.blocks.concat(...note.versions.map((version) => version.blocks));
}

function letterheadSender(note: Note, blocks: readonly Block[]): string | undefined {
  const letterhead = blocks.find((block) => block.kind === 'letterhead');
  const first = letterhead?.kind === 'letterhead' ? letterhead.lines[0] : undefined;
  return first && note.text.slice(first.start, first.end);
}

/** The first line of the first block of a kind, in the note's own language when a version has it. */
function firstLineOf(note: Note, blocks: readonly Block[], kind: 'addressee' | 'title' | 'subject', whole = false): string | undefined {
  const ofKind = blocks.filter((block) => block.kind === kind);
  const block = ofKind.find((b) => 'language' in b && b.language === note.language) ?? ofKind[0];
  if (!block) return undefined;
  const span = !whole && 'lines' in block && block.lines[0] ? block.lines[0] : block.span;
  return note.text.slice(span.start, span.end);
}

/** The note's date: the front matter's `date:`, else its first place-and-date line with a year. */
function noteDate(note: Note, blocks: readonly Block[]): { iso: string; year: number } | undefined {
  const candidates = [
    frontMatterValue(note, 'date'),
    ...blocks.filter((block) => block.kind === 'placeDate').map((block) => note.text.slice(block.span.start, block.span.end)),
  ];
  for (const text of candidates) {
    const date = text === undefined ? undefined : findDates(text).find((found) => found.year !== undefined);
    if (date?.year === undefined) continue;
    const parts = [String(date.year).padStart(4, '0')];
    if (date.month !== undefined) parts.push(String(date.month).padStart(2, '0'));
    if (date.month !== undefined && date.day !== undefined) parts.push(String(date.day).padStart(2, '0'));
    return { iso: parts.join('-'), year: date.year };
  }
  return undefined;
}

function countsOf(note: Note): NoteSummary['counts'] {
  const counts: Partial<Record<Language, { paragraphs: number; points: number }>> = {};
  for (const paragraph of note.paragraphs) {
    if (paragraph.role !== 'body') continue;
    const tally = (counts[paragraph.language] ??= { paragraphs: 0, points: 0 });
    tally.paragraphs++;
    tally.points += pointCount(paragraph.points);
  }
  return counts;
}

function pointCount(points: readonly Point[]): number {
  let count = 0;
  for (const point of points) count += 1 + pointCount(point.children);
  return count;
}
