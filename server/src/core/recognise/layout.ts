/**
 * Which blocks form the language versions of a note. The blocks are first cut into documents: a
 * closing formula with its place and date, signature and addressee ends one, and a translation marker
 * starts one. A document whose paragraphs are in two languages is split into versions where its
 * language changes; two documents in one language each, one after the other, are the two versions of
 * one text when the second is marked as a translation or both carry formulas or titles (a note and
 * its translation). A document in one language that is not paired stays outside the versions, as a
 * covering note does around the reply it encloses.
 *
 * Each block's language comes from its own script. A block in the other language that carries no
 * paragraph (an addressee, a title) does not start a version, nor does a lone paragraph between two
 * runs of the same language: a misread or stray block never moves the paragraphs around it.
 */
import type { Language } from '../model';
import type { ClassifiedBlock } from './classify';
import { detectLanguage } from '../text/script';
import { TITLE_SEPARATOR } from './patterns';

export interface VersionRange {
  readonly language: Language;
  /** Index range [from, to) of the version's blocks. */
  readonly from: number;
  readonly to: number;
}

export interface Layout {
  readonly versions: readonly VersionRange[];
}

interface Run {
  language: Language;
  from: number;
  to: number;
  paragraphs: number;
  /** Holds a title, subject, heading, translation marker or formula: it frames a text and is no stray. */
  framed: boolean;
  /** Blocks of no language that head the run after them (a reference before the other version's title). */
  heads?: boolean;
}

export function layOut(text: string, blocks: readonly ClassifiedBlock[]): Layout {
  const header = blocks.map((block) => block.cls.kind === 'letterhead' || isBilingualTitle(text, block));
  // What heads the note in both languages belongs to neither.
  const languages = blocks.map((block, i) => (header[i] ? 'other' : layoutLanguage(text, block)));
  const documents = documentsOf(blocks, languages);
  const versions: VersionRange[] = [];
  for (let d = 0; d < documents.length; d++) {
    const document = documents[d];
    const runs = versionRuns(blocks, languages, header, document.from, document.to);
    if (runs.length >= 2) {
      versions.push(...runs);
      continue;
    }
    const next = documents[d + 1];
    const nextRuns = next ? versionRuns(blocks, languages, header, next.from, next.to) : [];
    if (runs.length === 1 && nextRuns.length === 1 && runs[0].language !== nextRuns[0].language && translates(blocks, document, next)) {
      versions.push(runs[0], nextRuns[0]);
      d++;
    }
  }
  return { versions: withoutSharedHeader(blocks, languages, versions) };
}

// ---------------------------------------------------------------------------------------------
// Documents

interface DocumentRange {
  readonly from: number;
  readonly to: number;
}

const CLOSING_TAIL: ReadonlySet<string> = new Set(['placeDate', 'signature', 'addressee']);

/** Cuts the blocks after each closing formula and its tail, and before each translation marker. */
function documentsOf(blocks: readonly ClassifiedBlock[], languages: readonly Language[]): DocumentRange[] {
  const documents: DocumentRange[] = [];
  let from = 0;
  let closed = false;
  const paragraphLanguages = new Set<Language>();
  for (let i = 0; i < blocks.length; i++) {
    const kind = blocks[i].cls.kind;
    // An opening formula in another language than the text so far opens the next version's text.
    const opensAnother = isOpening(blocks[i]) && [...paragraphLanguages].some((language) => language !== blocks[i].language);
    const startsAnother = i > from && (opensAnother || (kind === 'translationMarker' && changesLanguage(blocks, from, i))
      || (closed && !(CLOSING_TAIL.has(kind) && sameLanguageAsClosing(blocks, languages, from, i)) && kind !== 'annex' && kind !== 'translationMarker'
        && !inAnnex(blocks, languages, from, i) && !tailFollows(blocks, languages, i)));
    if (startsAnother) {
      documents.push({ from, to: i });
      from = i;
      closed = false;
      paragraphLanguages.clear();
    }
    if (isClosing(blocks[i])) closed = true;
    if (kind === 'paragraph' && blocks[i].language !== 'other') paragraphLanguages.add(blocks[i].language);
  }
  if (from < blocks.length) documents.push({ from, to: blocks.length });
  return withoutStrayDocuments(blocks, documents);
}

/**
 * A "document" of one paragraph or less without a formula, or one with nothing that heads or frames
 * a text (no title, subject, heading, marker or formula) between two framed documents, is a stray of
 * the one before: text after a note's closing, not a text of its own. (One paragraph that translates
 * another then joins it, and the two are split into versions by language all the same.)
 */
function withoutStrayDocuments(blocks: readonly ClassifiedBlock[], documents: readonly DocumentRange[]): DocumentRange[] {
  const result: DocumentRange[] = [];
  documents.forEach((document, k) => {
    const previous = result[result.length - 1];
    const next = documents[k + 1];
    const stray = previous && ((paragraphsIn(blocks, document) <= 1 && !hasFormula(blocks, document))
      || (!isFramed(blocks, document) && next !== undefined && isFramed(blocks, previous) && isFramed(blocks, next)));
    if (previous && stray) result[result.length - 1] = { from: previous.from, to: document.to };
    else result.push(document);
  });
  return result;
}

const FRAMING_KINDS: ReadonlySet<string> = new Set(['title', 'subject', 'heading', 'translationMarker', 'salutation']);

/** Titles, subjects, headings, markers and formulas frame a text: a run or a document with one is no stray. */
function frames(block: ClassifiedBlock): boolean {
  return FRAMING_KINDS.has(block.cls.kind) || (block.cls.kind === 'paragraph' && block.cls.role !== 'body');
}

function isFramed(blocks: readonly ClassifiedBlock[], document: DocumentRange): boolean {
  for (let i = document.from; i < document.to; i++) if (frames(blocks[i])) return true;
  return false;
}

function hasFormula(blocks: readonly ClassifiedBlock[], document: DocumentRange): boolean {
  for (let i = document.from; i < document.to; i++) {
    const cls = blocks[i].cls;
    if (cls.kind === 'paragraph' && cls.role !== 'body') return true;
  }
  return false;
}

function paragraphsIn(blocks: readonly ClassifiedBlock[], document: DocumentRange): number {
  let paragraphs = 0;
  for (let i = document.from; i < document.to; i++) if (blocks[i].cls.kind === 'paragraph') paragraphs++;
  return paragraphs;
}

/** A place and date, signature or addressee goes with the closing before it in the same language only. */
function sameLanguageAsClosing(blocks: readonly ClassifiedBlock[], languages: readonly Language[], from: number, at: number): boolean {
  if (languages[at] === 'other') return true;
  for (let i = at - 1; i >= from; i--) if (isClosing(blocks[i])) return blocks[i].language === languages[at];
  return true;
}

/** A stray block or two between a note's closing and the rest of its tail (place and date, addressee, annex). */
function tailFollows(blocks: readonly ClassifiedBlock[], languages: readonly Language[], at: number): boolean {
  // A heading of its own starts a text, unless the tail goes on right after it (a stray title line).
  if (frames(blocks[at]) && blocks[at].cls.kind !== 'translationMarker') {
    const next = blocks[at + 1]?.cls.kind ?? '';
    return HEADING_LINES.has(blocks[at].cls.kind) && (CLOSING_TAIL.has(next) || next === 'annex');
  }
  for (let i = at + 1; i < Math.min(blocks.length, at + MAX_STRAYS_IN_TAIL + 1); i++) {
    const kind = blocks[i].cls.kind;
    if (kind === 'annex') return languages[i] === languages[at - 1] || languages[i] === 'other';
    if (CLOSING_TAIL.has(kind)) return true;
    if (frames(blocks[i]) && kind !== 'translationMarker') return false;
  }
  return false;
}

const MAX_STRAYS_IN_TAIL = 2;
const HEADING_LINES: ReadonlySet<string> = new Set(['title', 'subject', 'heading', 'salutation']);

/** Whether the text after `at` (its first paragraph or title) is in another language than the text before it. */
function changesLanguage(blocks: readonly ClassifiedBlock[], from: number, at: number): boolean {
  let before: Language = 'other';
  for (let i = at - 1; i >= from && before === 'other'; i--) if (isText(blocks[i])) before = blocks[i].language;
  let after: Language = 'other';
  for (let i = at + 1; i < blocks.length && after === 'other'; i++) if (isText(blocks[i])) after = blocks[i].language;
  return before !== after;
}

const TEXT_KINDS: ReadonlySet<string> = new Set(['paragraph', 'title', 'subject', 'heading']);

function isText(block: ClassifiedBlock): boolean {
  return TEXT_KINDS.has(block.cls.kind);
}

/**
 * After an annex heading, the annex goes on while its language does; a block of no language goes on
 * with it unless it heads a block in another language (the reference of the next version).
 */
function inAnnex(blocks: readonly ClassifiedBlock[], languages: readonly Language[], from: number, at: number): boolean {
  const annexLanguages = new Set<Language>();
  for (let i = at - 1; i >= from && !isClosing(blocks[i]); i--) {
    if (blocks[i].cls.kind === 'annex') annexLanguages.add(blocks[i].language);
  }
  if (annexLanguages.size === 0) return false;
  if (languages[at] === 'other') return [...annexLanguages].some((language) => !headsNext(blocks, languages, at, blocks.length, language));
  return annexLanguages.has(languages[at]) || !languageGoesOn(blocks, languages, at);
}

/** Whether the language of the block at `at` goes on after it: one stray block in another language does not. */
function languageGoesOn(blocks: readonly ClassifiedBlock[], languages: readonly Language[], at: number): boolean {
  if (blocks[at].cls.kind === 'translationMarker' || (blocks[at].cls.kind === 'paragraph' && blocks[at].cls.role !== 'body')) return true;
  for (let i = at + 1; i < Math.min(blocks.length, at + 3); i++) {
    if (languages[i] !== 'other') return languages[i] === languages[at];
  }
  return true;
}

function isOpening(block: ClassifiedBlock): boolean {
  return block.cls.kind === 'paragraph' && block.cls.role === 'opening';
}

function isClosing(block: ClassifiedBlock): boolean {
  return block.cls.kind === 'paragraph' && block.cls.role === 'closing';
}

/** A note and its translation: the second is marked as one, or both are whole notes (formulas or titles). */
function translates(blocks: readonly ClassifiedBlock[], first: DocumentRange, second: DocumentRange): boolean {
  if (blocks[second.from].cls.kind === 'translationMarker') return true;
  const shape = (document: DocumentRange) => {
    const kinds = blocks.slice(document.from, document.to);
    return {
      formulas: kinds.some((b) => b.cls.kind === 'paragraph' && b.cls.role !== 'body'),
      titles: kinds.some((b) => b.cls.kind === 'title' || b.cls.kind === 'heading' || b.cls.kind === 'subject'),
    };
  };
  const a = shape(first);
  const b = shape(second);
  return (a.formulas && b.formulas) || (a.titles && b.titles);
}

// ---------------------------------------------------------------------------------------------
// Runs of one language inside a document

/**
 * A block's language for the layout: its own script; references and dates written in figures only
 * (`SGP/2026/118`, `2026-04-09`) belong to no language and go with the blocks around them; a reference
 * with Chinese characters (`（2026）驻诺使字第017号`) or an English label (`No. …`) has the language it shows.
 */
function layoutLanguage(text: string, block: ClassifiedBlock): Language {
  if (block.cls.kind === 'ownReference') {
    if (block.language === 'zh') return 'zh';
    return block.cls.value.start > block.start ? detectLanguage(text, block.start, block.cls.value.start) : 'other';
  }
  return block.language;
}

/** A title in both languages on one line, `照会 / NOTE VERBALE`: it belongs to neither version. */
function isBilingualTitle(text: string, block: ClassifiedBlock): boolean {
  if (block.cls.kind !== 'title' || block.lines.length !== 1) return false;
  const parts = text.slice(block.start, block.end).split(TITLE_SEPARATOR);
  const languages = new Set(parts.map((part) => detectLanguage(part, 0, part.length)));
  return languages.has('en') && languages.has('zh');
}

/** Kinds that head what follows them, and so go with the run after them when their language is none. */
const HEADING_KINDS: ReadonlySet<string> = new Set(['ownReference', 'translationMarker', 'title', 'subject', 'heading', 'salutation']);

/** `header[i]`: the block heads the note in both languages (a letterhead, `照会 / NOTE VERBALE`). */
function versionRuns(
  blocks: readonly ClassifiedBlock[], languages: readonly Language[], header: readonly boolean[], from: number, to: number,
): VersionRange[] {
  let start = from;
  while (start < to && header[start]) start++;
  const runs: Run[] = [];
  for (let i = start; i < to; i++) {
    const language = languages[i];
    const current = runs[runs.length - 1];
    const paragraph = blocks[i].cls.kind === 'paragraph' ? 1 : 0;
    const framing = frames(blocks[i]);
    const heads = language === 'other' && current !== undefined && headsNext(blocks, languages, i, to, current.language);
    if (current && !heads && (language === current.language || language === 'other')) {
      current.to = i + 1;
      current.paragraphs += paragraph;
      current.framed ||= framing;
    } else {
      runs.push({ language, from: i, to: i + 1, paragraphs: paragraph, framed: framing, ...(heads ? { heads } : {}) });
    }
  }
  return mergeStrayRuns(runs).filter((run) => run.paragraphs > 0 && run.language !== 'other')
    .map(({ language, from: runFrom, to: runTo }) => ({ language, from: runFrom, to: runTo }));
}

/** A block of no language that heads the next block, itself of another language than the run so far. */
function headsNext(blocks: readonly ClassifiedBlock[], languages: readonly Language[], at: number, to: number, current: Language): boolean {
  if (!HEADING_KINDS.has(blocks[at].cls.kind)) return false;
  for (let i = at + 1; i < to; i++) if (languages[i] !== 'other') return languages[i] !== current;
  return false;
}

/**
 * Runs without paragraphs join the run before them (or after, at the start); a run of one paragraph
 * between two runs of one language joins them, so that one stray block never makes a version.
 */
function mergeStrayRuns(runs: readonly Run[]): Run[] {
  const merged: Run[] = [];
  for (const run of runs) {
    const previous = merged[merged.length - 1];
    if (previous?.heads === true) {
      merged[merged.length - 1] = { ...run, from: previous.from, paragraphs: run.paragraphs + previous.paragraphs };
    } else if (run.heads === true) {
      merged.push({ ...run });
    } else if (previous && (run.paragraphs === 0 || run.language === previous.language || run.language === 'other')) {
      previous.to = run.to;
      previous.paragraphs += run.paragraphs;
      previous.framed ||= run.framed && run.paragraphs > 0;
    } else if (previous && (previous.paragraphs === 0 || previous.language === 'other')) {
      // What heads a run frames it only in its own language: `（译文）` before a stray English line frames nothing.
      merged[merged.length - 1] = { ...run, from: previous.from, paragraphs: run.paragraphs + previous.paragraphs };
    } else {
      merged.push({ ...run });
    }
  }
  return absorbLoneParagraphs(merged);
}

/**
 * A run of one paragraph is a stray, not a version, when the runs around it are of one language and
 * hold three or more together, or when it stands at an end of the document beside a run of three or more: a
 * translation keeps about as many paragraphs as its original, two versions of one paragraph each
 * (a short acknowledgement) stay two versions.
 */
function absorbLoneParagraphs(runs: readonly Run[]): Run[] {
  const result: Run[] = [];
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i];
    const previous = result[result.length - 1];
    const next = runs[i + 1];
    if (run.paragraphs !== 1 || run.framed) {
      result.push({ ...run });
    } else if (previous && next && previous.language === next.language && previous.paragraphs + next.paragraphs >= MIN_BESIDE_STRAY) {
      previous.to = next.to;
      previous.paragraphs += run.paragraphs + next.paragraphs;
      i++;
    } else if (previous && !next && previous.paragraphs >= MIN_BESIDE_STRAY) {
      previous.to = run.to;
      previous.paragraphs += run.paragraphs;
    } else if (!previous && next && runs[i + 2] === undefined && next.paragraphs >= MIN_BESIDE_STRAY) {
      result.push({ ...next, from: run.from, paragraphs: next.paragraphs + run.paragraphs });
      i++;
    } else {
      result.push({ ...run });
    }
  }
  return result;
}

/** A run of one paragraph at an end of a document, beside a run of this many, is a stray. */
const MIN_BESIDE_STRAY = 3;

// ---------------------------------------------------------------------------------------------
// The header the versions share

const SHARED_HEADER_KINDS: ReadonlySet<string> = new Set(['ownReference', 'placeDate']);

/**
 * A reference or a date of no language (`CHN/GVA/2025/88`) at the start of the first version that no
 * other version repeats is the header of the whole note (it stands once for both languages), not
 * part of that version; `编号：…` or `No. …` belong to the version of their language.
 */
function withoutSharedHeader(blocks: readonly ClassifiedBlock[], languages: readonly Language[], versions: VersionRange[]): VersionRange[] {
  if (versions.length < 2) return versions;
  const [first, ...others] = versions;
  const shared = (at: number) => SHARED_HEADER_KINDS.has(blocks[at].cls.kind) && languages[at] === 'other'
    && !others.some((v) => repeats(blocks, v, blocks[at].cls.kind));
  let from = first.from;
  while (from < first.to && shared(from)) from++;
  return from === first.from ? versions : [{ ...first, from }, ...others];
}

function repeats(blocks: readonly ClassifiedBlock[], version: VersionRange, kind: string): boolean {
  for (let i = version.from; i < version.to; i++) if (blocks[i].cls.kind === kind) return true;
  return false;
}
