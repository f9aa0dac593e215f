/**
 * Second pass: decides what each raw block is. A block is read from what it says (its facts, the
 * same wherever it stands) and, for the short blocks that say nothing specific (a letterhead, an
 * addressee, a title), from its immediate neighbours only: what a misread block does to the reading
 * of the rest stays local, as a resilient parser keeps one error from spoiling the file.
 *
 * Short blocks of lines of different kinds (letterhead lines then a reference; a reference then a
 * date) are first cut into pieces, one per kind, as PDF text often comes without blank lines.
 */
import type { Language, ParagraphRole, Span } from '../model';
import type { Line } from '../text/lines';
import { detectLanguage, isLowerLatin, isUpperLatin } from '../text/script';
import { displayWidth, endsWithColon, endsWithTerminalPunctuation } from '../text/measure';
import type { RawBlock } from './blocks';
import { NO_MEMO, type Memo } from '../memo';
import { MAX_CLOSING_LENGTH, OPENING_SEARCH_LENGTH, findFormula, type FormulaPerson } from './formulas';
import { headingMarker, type HeadingFamily } from './headings';
import {
  ADDRESSEE_START, ANNEX, BARE_SALUTATION, CHINESE_ADDRESS_LINE, endsLikeSalutation, findDate, INSTITUTION_START, mayHoldDate, MONTH_AND_YEAR, OFFICE_TITLE, isDocumentTitle, hasTitleEnd, LETTERHEAD_FIELD, mayHoldSignature, OWN_REFERENCE_BARE, isChineseReference, OWN_REFERENCE_ROMANISED,
  OWN_REFERENCE_LABELLED, SALUTATION, isSigningFor, COPY_TO, CITED_REFERENCE_LABEL, SIGNATURE, SUBJECT, TITLE_START, TRANSLATION_MARKER, matchesAny,
} from './patterns';
import { RULES, type RuleId } from './rules';
import { startsItem } from './listItems';
import { isTableRow } from './shapes';
import { isAbbreviationDot } from '../align/sentences';

export type SimpleKind =
  | 'letterhead' | 'salutation' | 'placeDate' | 'signature' | 'addressee' | 'annex' | 'title' | 'subject' | 'translationMarker';

export type BlockClass =
  | { readonly kind: SimpleKind }
  | { readonly kind: 'heading'; readonly family: HeadingFamily; readonly ordinal: number; readonly markerLength: number }
  | { readonly kind: 'ownReference'; readonly value: Span }
  | { readonly kind: 'paragraph'; readonly role: ParagraphRole; readonly person?: FormulaPerson; readonly formula?: string };

export interface ClassifiedBlock {
  readonly lines: readonly Line[];
  readonly start: number;
  readonly end: number;
  readonly afterPageBreak: boolean;
  readonly language: Language;
  readonly cls: BlockClass;
  /** A bare `Annex` heading, whose title follows. */
  readonly bareAnnex?: boolean;
  /** Why the block was read so (see rules.ts), for `outline --explain`. */
  readonly rule: RuleId;
}

/** Lines longer than this (in columns, a Chinese character counting two) are prose, not headings. */
const SHORT_LINE = 110;
const MAX_SHORT_BLOCK_LINES = 12;
const MAX_HEADING_WIDTH = 200;
const MAX_TITLE_LINES = 3;
const MAX_PLACE_WIDTH = 40;
const MAX_PLACE_LOWER_WORDS = 2;
const MIN_PROSE_WORDS = 8;
/** A name line is short: `Yerlan Abdikarimov`, `Lucía Marenco`. */
const MAX_NAME_LINE = 60;
const MIN_INTRODUCING_WIDTH = 16;

// ---------------------------------------------------------------------------------------------
// Facts: what a block says on its own

/** What one line is, when it is something on its own in a block of short lines. */
type LineKind = 'reference' | 'citedReference' | 'date' | 'salutation' | 'subject' | 'copyTo' | 'signingFor' | 'marker' | 'documentTitle' | 'plain';

/**
 * What a block looks like on its own, whatever surrounds it: computed once per block text. What only
 * tells short blocks apart (`allShort`, `addresseeStart`, `personName`, `signatory`, `titledName`,
 * `lineKinds`; `letterheadField` of a sentence) is false or empty for prose, whose reading never asks.
 */
export interface BlockFacts {
  readonly language: Language;
  readonly lineCount: number;
  readonly salutation: boolean;
  readonly signature: boolean;
  readonly annex: boolean;
  /** `Annex`, `附件一` alone: the annex's title follows. */
  readonly bareAnnex: boolean;
  readonly translationMarker: boolean;
  readonly subject: boolean;
  /** A copy-to line (`cc:`, `抄送：`) opens the block. */
  readonly copyTo: boolean;
  /** `family:ordinal:markerLength` of a heading, or '' for none. */
  readonly heading: string;
  readonly documentTitle: boolean;
  /** Heading-sized, and worded or ended as a title. */
  readonly titleStart: boolean;
  /** Offset of the own reference's value from the block start, or -1 when the block is no reference. */
  readonly referenceValue: number;
  readonly placeDate: boolean;
  readonly opening: string;
  readonly closing: string;
  /** Sentences: final punctuation, sentence marks inside, or too wide for a heading. */
  readonly prose: boolean;
  /** Ends with final punctuation (not a colon). */
  readonly sentenceEnd: boolean;
  /** Running text by its words: lines carried on in lower case, mostly lower-case words. */
  readonly proseWords: boolean;
  readonly allShort: boolean;
  readonly headingSized: boolean;
  readonly addresseeStart: boolean;
  readonly letterheadField: boolean;
  /** Opens with the name of a State body or an office: `Permanent Mission of …`, `Mandates of the …`. */
  readonly institution: boolean;
  readonly personName: boolean;
  /** A name with the lines of an office under it: `Lucía Marenco` / `Special Rapporteur on …`. */
  readonly signatory: boolean;
  /** An office over a name (`外交部领事司副司长` / `周明远`): a signatory after a closing formula. */
  readonly titledName: boolean;
  /** Starts like an item of a list set apart by blank lines (listItems.ts). */
  readonly listItem: boolean;
  /** One letter per line (see LINE_CODES): where a block of short lines must be cut. */
  readonly lineKinds: string;
}

const LINE_CODES: Record<LineKind, string> = {
  reference: 'r', citedReference: 'y', date: 'd', salutation: 's', subject: 'j', copyTo: 'c', signingFor: 'g', marker: 'm', documentTitle: 't', plain: '.',
};

export function blockFacts(text: string, block: RawBlock): BlockFacts {
  // Each line's text, cut out once for all the tests below.
  const lines = block.lines.map((line) => text.slice(line.trimStart, line.trimEnd));
  const firstContent = lines[0];
  const first = new LineTests(firstContent);
  const content = text.slice(block.start, block.end);
  const single = block.lines.length === 1;
  const sentenceEnd = endsWithSentence(text, block);
  // Measured once, up to twice a heading's width: enough to tell both a heading's size and prose.
  const width = sentenceEnd ? Infinity : displayWidth(text, block.start, block.end, MAX_HEADING_WIDTH * 2);
  const prose = sentenceEnd || looksLikeProse(width, content, lines);
  // Most blocks are paragraphs: what only tells short blocks apart (the width and kind of each line, a
  // name, letterhead fields) is not computed for prose, but for two lines of it, which may still be an
  // own reference over the addressee's (`withCitedReference`).
  const mayBeShortBlock = !prose || block.lines.length === 2;
  const shortFirstLine = firstContent.length <= MAX_NAME_LINE;
  const annexMatch = ANNEX.exec(firstContent);
  const head = content.slice(0, OPENING_SEARCH_LENGTH);
  const opening = findFormula(head, 'opening');
  const closing = content.length <= MAX_CLOSING_LENGTH ? findFormula(content, 'closing') : undefined;
  const allShort = mayBeShortBlock && block.lines.every((line) => isShort(text, line));
  // Short enough, and unpunctuated, to be a heading.
  const headingSized = width <= MAX_HEADING_WIDTH && block.lines.length <= MAX_TITLE_LINES;
  const heading = headingSized && !prose && block.lines.length <= 2 ? headingMarker(firstContent) : undefined;
  const lineKinds = allShort && block.lines.length <= MAX_SHORT_BLOCK_LINES
    ? lines.map((line, n) => LINE_CODES[lineKind(n === 0 ? first : new LineTests(line))]).join('')
    : '';
  const personName = !prose && shortFirstLine && block.lines.length <= 4 && isPersonName(firstContent);
  return {
    language: detectLanguage(text, block.start, block.end),
    lineCount: block.lines.length,
    salutation: single && isSalutation(firstContent),
    signature: isSigningFor(firstContent) || (mayHoldSignature(content) && lines.some((line) => SIGNATURE.test(line))),
    annex: annexMatch !== null,
    bareAnnex: annexMatch !== null && single && annexMatch[0].length === firstContent.length,
    translationMarker: single && matchesAny(TRANSLATION_MARKER, firstContent) !== null,
    subject: !sentenceEnd && block.lines.length <= MAX_TITLE_LINES && SUBJECT.test(firstContent),
    copyTo: COPY_TO.test(firstContent),
    heading: heading ? `${heading.family}:${heading.ordinal}:${heading.length}` : '',
    documentTitle: shortFirstLine && (single || headingSized) && first.isDocumentTitle(),
    titleStart: headingSized && (TITLE_START.test(firstContent) || hasTitleEnd(content)),
    referenceValue: single || withCitedReference(lineKinds) ? first.referenceValueAt() : -1,
    placeDate: !prose && (single ? first.isPlaceAndDate() : isPlaceAndDate(content, block.lines.length)),
    opening: opening ? `${opening.id}:${opening.person}` : '',
    closing: closing?.id ?? '',
    prose,
    sentenceEnd,
    proseWords: !prose && (carriesOnInLowerCase(text, block) || mostlyLowerCaseWords(content)),
    allShort,
    headingSized,
    addresseeStart: !prose && ADDRESSEE_START.test(firstContent),
    // A letterhead may run over wide lines (classifyUnit): only a sentence rules it out.
    letterheadField: !sentenceEnd && lines.some((line) => LETTERHEAD_FIELD.test(line)),
    institution: INSTITUTION_START.test(firstContent),
    personName,
    signatory: personName && isSignatory(lines),
    titledName: !prose && isTitledName(lines),
    listItem: startsItem(text, block),
    lineKinds,
  };
}

/** Blocks with the same facts, lines and neighbours are classified alike. */
export function sameFacts(a: BlockFacts, b: BlockFacts): boolean {
  return (Object.keys(a) as Array<keyof BlockFacts>).every((key) => a[key] === b[key]);
}

/**
 * The costlier tests of one line, each run at most once: a block of one line asks them for its facts
 * and again for the kind of its line.
 */
class LineTests {
  private documentTitle?: boolean;
  private referenceValue?: number;
  private placeDate?: boolean;

  constructor(readonly content: string) {}

  isDocumentTitle(): boolean {
    return (this.documentTitle ??= isDocumentTitle(this.content));
  }

  referenceValueAt(): number {
    return (this.referenceValue ??= referenceValueAt(this.content));
  }

  /** Whether the line, as a block of its own, is a place and date. */
  isPlaceAndDate(): boolean {
    return (this.placeDate ??= isPlaceAndDate(this.content, 1));
  }
}

function lineKind(line: LineTests): LineKind {
  const { content } = line;
  if (content.length > 140) return 'plain';
  if (CITED_REFERENCE_LABEL.test(content)) return 'citedReference';
  if (COPY_TO.test(content)) return 'copyTo';
  if (isSigningFor(content)) return 'signingFor';
  if (line.referenceValueAt() >= 0) return 'reference';
  if (matchesAny(TRANSLATION_MARKER, content)) return 'marker';
  if (isSalutation(content)) return 'salutation';
  if (SUBJECT.test(content)) return 'subject';
  if (line.isDocumentTitle()) return 'documentTitle';
  if (content.length <= 80 && line.isPlaceAndDate()) return 'date';
  return 'plain';
}

/** Where the own reference's value starts in a line, or -1 when the line is no reference. */
function referenceValueAt(content: string): number {
  if (content.length > 140 || CITED_REFERENCE_LABEL.test(content)) return -1;
  const labelled = OWN_REFERENCE_LABELLED.exec(content);
  if (labelled && /[0-9０-９]/.test(labelled[1])) return content.length - labelled[1].length;
  if (OWN_REFERENCE_BARE.test(content) && /[A-Za-z]/.test(content) && /\d/.test(content)) return 0;
  if (OWN_REFERENCE_ROMANISED.test(content)) return 0;
  if (isChineseReference(content)) return 0;
  return -1;
}

/** The own reference with the addressee's under it (`Our ref.: …` / `Your ref.: …`): one item. */
function withCitedReference(lineKinds: string): boolean {
  return lineKinds === 'ry';
}

function isSalutation(content: string): boolean {
  // Most lines end otherwise: the last character spares them the patterns.
  if (!endsLikeSalutation(content)) return BARE_SALUTATION.test(content);
  // Chinese letters open with the addressee followed by a colon: `瓦尔莫拉王国外交部：`.
  return matchesAny(SALUTATION, content) !== null || CHINESE_ADDRESS_LINE.test(content);
}

const CHINESE_SENTENCE_MARK = /[，。；！？]/;

/**
 * Prose, of a block that ends with no sentence, by its punctuation and width: a sentence is inside
 * it, or it is too wide to be a heading.
 */
function looksLikeProse(width: number, content: string, lines: readonly string[]): boolean {
  if (width > MAX_HEADING_WIDTH * 2) return true;
  if (lines.some(introducesWhatFollows) || tableLines(lines) >= MIN_TABLE_LINES) return true;
  return CHINESE_SENTENCE_MARK.test(content) || hasLatinSentenceBreak(content);
}

/** `… the Office. The Mission …`, `…; the …`: a sentence ends inside, and not after `Ms.` or `No.`. */
function hasLatinSentenceBreak(content: string): boolean {
  for (let at = content.search(/[a-z][.;] [A-Z]/); at >= 0; ) {
    const mark = at + 1;
    if (content[mark] === ';' || !isAbbreviationDot(content, mark, 0)) return true;
    const next = content.slice(mark + 1).search(/[a-z][.;] [A-Z]/);
    at = next < 0 ? -1 : mark + 1 + next;
  }
  return false;
}

/** A line that introduces what follows (`… were as follows:`), as opposed to `Excellency:` or `事由：`. */
function introducesWhatFollows(content: string): boolean {
  if (!endsWithColon(content, 0, content.length)) return false;
  if (isSalutation(content) || SUBJECT.test(content) || LETTERHEAD_FIELD.test(content)) return false;
  return displayWidth(content, 0, content.length, MIN_INTRODUCING_WIDTH + 1) > MIN_INTRODUCING_WIDTH;
}

/** Figures laid out in columns: `2023        22,750        27.3`. */
function tableLines(lines: readonly string[]): number {
  return lines.filter(isTableRow).length;
}

const MIN_TABLE_LINES = 2;

/** Final punctuation, not a colon: `Excellency:` and `事由：` end no sentence. */
function endsWithSentence(text: string, block: RawBlock): boolean {
  return endsWithTerminalPunctuation(text, block.start, block.end) && !endsWithColon(text, block.start, block.end);
}

function carriesOnInLowerCase(text: string, block: RawBlock): boolean {
  return block.lines.slice(1).some((line) => isLowerLatin(text.charCodeAt(line.trimStart)));
}

/** Headings and letterheads are in capitals or title case; running text is mostly lower-case words. */
function mostlyLowerCaseWords(content: string): boolean {
  let words = 0;
  let lower = 0;
  let atWordStart = true;
  for (let i = 0; i < content.length; i++) {
    const code = content.charCodeAt(i);
    if (code <= 0x20) atWordStart = true;
    else if (atWordStart) {
      atWordStart = false;
      words++;
      if (isLowerLatin(code)) lower++;
    }
  }
  return words >= MIN_PROSE_WORDS && lower > words * 0.6;
}

/** `Geneva, 12 May 2025`, `2025年8月18日于日内瓦`: a date and little else. */
function isPlaceAndDate(content: string, lineCount: number): boolean {
  if (lineCount > 3 || !mayHoldDate(content)) return false;
  if (MONTH_AND_YEAR.test(content.trim())) return true;
  const date = findDate(content);
  if (!date) return false;
  const rest = content.slice(0, date.index) + content.slice(date.index + date[0].length);
  return displayWidth(rest, 0, rest.length) <= MAX_PLACE_WIDTH && lowerCaseWords(rest) <= MAX_PLACE_LOWER_WORDS;
}

/** `Done at Geneva on`: a place line has few words in lower case; a sentence with a date has many. */
function lowerCaseWords(text: string): number {
  return text.split(/\s+/).filter((word) => isLowerLatin(word.charCodeAt(0))).length;
}

function isShort(text: string, line: Line): boolean {
  return displayWidth(text, line.trimStart, line.trimEnd, SHORT_LINE) <= SHORT_LINE;
}

/** Lines of an office under a name (`Lucía Marenco` / `Special Rapporteur on …`), given that the first line is a name. */
function isSignatory(lines: readonly string[]): boolean {
  return lines.length >= 2 && lines.slice(1).some((line) => OFFICE_TITLE.test(line));
}

/**
 * An office over a name, as Chinese letters are signed (`外交部领事司副司长` / `周明远`); an addressee
 * may end alike with a place (`…部长` / `北京`), so only where it stands tells them apart.
 */
function isTitledName(lines: readonly string[]): boolean {
  const count = lines.length;
  if (count < 2 || count > 4) return false;
  return isPersonName(lines[count - 1]) && OFFICE_TITLE.test(lines[count - 2]);
}

const NAME_WORD = /^(?:[A-Z][a-zà-ÿ'’-]+|[A-Z]\.|[A-Z]{2,}|(?:de|van|von|bin|al|el|da|dos|du|le)|[A-Z][a-z]*-[A-Z][a-z]+)$/;

/** Words of a style or an institution, never of a person's name. */
const NOT_A_NAME = /^(?:of|the|and|for|on|in|to|her|his|excellency|ministry|embassy|mission|republic|government|office|department|consulate|affairs|kingdom|state|united|nations|permanent|general)$/i;

/** A signatory's name: `Yerlan Abdikarimov`, `Maria L. SANTOS`, `陈旭`. */
function isPersonName(content: string): boolean {
  if (/^[\u3400-\u9fff·•]{2,5}$/.test(content)) return true;
  const words = content.split(/\s+/);
  return words.length >= 2 && words.length <= 5 && words.every((word) => NAME_WORD.test(word) && !NOT_A_NAME.test(word))
    && words.some((word) => isUpperLatin(word.charCodeAt(0)) && word.length > 2);
}

// ---------------------------------------------------------------------------------------------
// Units: blocks, with blocks of short lines of different kinds cut into pieces

interface Unit {
  readonly block: RawBlock;
  readonly facts: BlockFacts;
}

function unitsOf(text: string, blocks: readonly RawBlock[], memo: Memo): Unit[] {
  const units: Unit[] = [];
  const factsOf = (block: RawBlock) => memo.get('facts', text.slice(block.start, block.end), () => blockFacts(text, block));
  for (const block of blocks) {
    const facts = factsOf(block);
    const pieces = facts.prose ? undefined : piecesOf(block, facts.lineKinds);
    if (!pieces) units.push({ block, facts });
    else for (const piece of pieces) units.push({ block: piece, facts: factsOf(piece) });
  }
  return units;
}

/**
 * The pieces of a block of short lines whose lines are of different kinds, or undefined when it is
 * one piece. Plain lines stay together; a subject line takes the plain lines after it (it wraps).
 */
function piecesOf(block: RawBlock, kinds: string): RawBlock[] | undefined {
  if (kinds.length < 2 || !/[rdsjmtcyg]/.test(kinds) || /^[jctg]\.*$/.test(kinds) || withCitedReference(kinds)) return undefined;
  const pieces: RawBlock[] = [];
  let current: Line[] = [];
  let currentKind = '';
  block.lines.forEach((line, n) => {
    const kind = kinds[n];
    const joins = current.length > 0 && joinsPiece(kind, currentKind);
    if (!joins && current.length > 0) {
      pieces.push(piece(current, block.afterPageBreak && pieces.length === 0));
      current = [];
    }
    if (!joins) currentKind = kind;
    current.push(line);
  });
  pieces.push(piece(current, block.afterPageBreak && pieces.length === 0));
  return pieces;
}

/**
 * Plain lines carry on what they follow (a wrapped subject, copy-to line or title; a signatory under
 * `For the Government of …`); `Your ref.` stays under `Our ref.`.
 */
function joinsPiece(kind: string, currentKind: string): boolean {
  if (kind === 'y') return currentKind === 'r';
  return kind === '.' && '.jctg'.includes(currentKind);
}

function piece(lines: Line[], afterPageBreak: boolean): RawBlock {
  return { lines, start: lines[0].trimStart, end: lines[lines.length - 1].trimEnd, afterPageBreak };
}

// ---------------------------------------------------------------------------------------------
// Classification

export function classifyBlocks(text: string, blocks: readonly RawBlock[], memo: Memo = NO_MEMO): ClassifiedBlock[] {
  const units = unitsOf(text, blocks, memo);
  const result: ClassifiedBlock[] = [];
  units.forEach((unit, at) => {
    const previous = result[result.length - 1];
    const decided = classifyUnit(unit, previous, units[at + 1]?.facts);
    const block = make(unit, decided);
    if (previous && decided.cls.kind === 'letterhead' && previous.cls.kind === 'letterhead') {
      result[result.length - 1] = { ...previous, lines: [...previous.lines, ...block.lines], end: block.end };
    } else {
      result.push(block);
    }
  });
  return result;
}

interface Decision {
  readonly cls: BlockClass;
  readonly rule: RuleId;
}

function make(unit: Unit, decided: Decision): ClassifiedBlock {
  const { block, facts } = unit;
  return {
    lines: block.lines, start: block.start, end: block.end, afterPageBreak: block.afterPageBreak,
    language: facts.language, cls: withAbsoluteSpans(decided.cls, block), rule: decided.rule,
    ...(facts.bareAnnex ? { bareAnnex: true } : {}),
  };
}

function withAbsoluteSpans(cls: BlockClass, block: RawBlock): BlockClass {
  // The value ends with the first line: a `Your ref.` line under it cites another note.
  return cls.kind === 'ownReference' ? { kind: 'ownReference', value: { start: block.start + cls.value.start, end: block.lines[0].trimEnd } } : cls;
}

const BODY_PARAGRAPH: BlockClass = { kind: 'paragraph', role: 'body' };

/** What a unit is, from its facts, the block read before it and the facts of the one after. */
function classifyUnit(unit: Unit, previous: ClassifiedBlock | undefined, next: BlockFacts | undefined): Decision {
  const specific = specificKind(unit.facts, previous);
  if (specific) return specific;
  const named = unit.facts.personName || unit.facts.titledName;
  if (!unit.facts.prose && (unit.facts.signatory || (named && previous && (isClosing(previous) || previous.cls.kind === 'signature')))) {
    return { cls: { kind: 'signature' }, rule: 'signatory' };
  }
  if (unit.facts.listItem && previous?.cls.kind === 'paragraph' && previous.cls.role !== 'closing') return { cls: BODY_PARAGRAPH, rule: 'list-item' };
  const atTop = !previous || previous.cls.kind === 'letterhead';
  // A letterhead or an address may run over wide lines; only a sentence makes them prose.
  if ((unit.facts.institution || unit.facts.letterheadField) && atTop && !unit.facts.sentenceEnd) {
    return { cls: { kind: 'letterhead' }, rule: 'letterhead-fields' };
  }
  if (unit.facts.prose) return { cls: BODY_PARAGRAPH, rule: 'prose' };
  if (previous && (isClosing(previous) || AFTER_CLOSING.has(previous.cls.kind)) && unit.facts.lineCount <= MAX_SHORT_BLOCK_LINES) {
    return { cls: { kind: 'addressee' }, rule: 'addressee-after' };
  }
  if (!unit.facts.allShort || unit.facts.lineCount > MAX_SHORT_BLOCK_LINES) return { cls: BODY_PARAGRAPH, rule: 'long-lines' };
  return shortBlockKind(unit.facts, previous, next);
}

/** Kinds a block says itself, by a set phrase or a shape of its own. */
function specificKind(facts: BlockFacts, previous: ClassifiedBlock | undefined): Decision | undefined {
  if (facts.translationMarker) return { cls: { kind: 'translationMarker' }, rule: 'translation-marker' };
  if (facts.salutation) return { cls: { kind: 'salutation' }, rule: 'salutation' };
  if (facts.signature) return { cls: { kind: 'signature' }, rule: 'signature' };
  if (facts.annex) return { cls: { kind: 'annex' }, rule: 'annex' };
  if (facts.copyTo) return { cls: { kind: 'addressee' }, rule: 'copy-to' };
  if (facts.referenceValue >= 0) {
    return { cls: { kind: 'ownReference', value: { start: facts.referenceValue, end: 0 } }, rule: 'own-reference' };
  }
  if (facts.subject) return { cls: { kind: 'subject' }, rule: 'subject' };
  if (facts.placeDate) return { cls: { kind: 'placeDate' }, rule: 'place-date' };
  const opening = openingHere(facts, previous);
  if (opening) return opening;
  if (facts.closing) return { cls: { kind: 'paragraph', role: 'closing', formula: facts.closing }, rule: 'closing-formula' };
  if (facts.heading) {
    const [family, ordinal, length] = facts.heading.split(':');
    return { cls: { kind: 'heading', family: family as HeadingFamily, ordinal: Number(ordinal), markerLength: Number(length) }, rule: 'heading' };
  }
  if (facts.documentTitle) return { cls: { kind: 'title' }, rule: 'document-title' };
  if (facts.titleStart && facts.headingSized) return { cls: { kind: 'title' }, rule: 'title-words' };
  if (previous?.bareAnnex === true && facts.headingSized) return { cls: { kind: 'title' }, rule: 'annex-title' };
  return undefined;
}

/**
 * An opening formula in the third person opens wherever it stands; `I have the honour to` opens a
 * letter only before its first paragraph (later it is a paragraph like any other).
 */
function openingHere(facts: BlockFacts, previous: ClassifiedBlock | undefined): Decision | undefined {
  if (!facts.opening) return undefined;
  const [formula, person] = facts.opening.split(':') as [string, FormulaPerson];
  if (person === 'first' && previous?.cls.kind === 'paragraph') return undefined;
  return { cls: { kind: 'paragraph', role: 'opening', person, formula }, rule: person === 'first' ? 'opening-first-person' : 'opening-formula' };
}

/** What stands after a closing formula; an addressee is no reason for what follows it to be one (no chains). */
const AFTER_CLOSING: ReadonlySet<string> = new Set(['placeDate', 'signature']);

/** Short unpunctuated blocks: letterhead, addressee, signatory, title; told apart by their neighbours. */
function shortBlockKind(facts: BlockFacts, previous: ClassifiedBlock | undefined, next: BlockFacts | undefined): Decision {
  const atTop = !previous || previous.cls.kind === 'letterhead';
  if ((facts.letterheadField || facts.institution) && atTop) return { cls: { kind: 'letterhead' }, rule: 'letterhead-fields' };
  if (previous?.cls.kind === 'signature' && previous.lines.length === 1) return { cls: { kind: 'signature' }, rule: 'signatory' };
  if (previous && (isClosing(previous) || AFTER_CLOSING.has(previous.cls.kind))) return { cls: { kind: 'addressee' }, rule: 'addressee-after' };
  // At the top, only a block naming a person (`H.E. Mr. …`, `尊敬的…`) is an addressee rather than the sender.
  if (atTop && !facts.addresseeStart && !facts.proseWords) return { cls: { kind: 'letterhead' }, rule: previous ? 'letterhead-continued' : 'letterhead-top' };
  if (next?.salutation === true || facts.addresseeStart) return { cls: { kind: 'addressee' }, rule: 'addressee-before' };
  if (facts.proseWords) return { cls: BODY_PARAGRAPH, rule: 'prose-words' };
  if (facts.lineCount <= MAX_TITLE_LINES && facts.headingSized && headsText(next)) return { cls: { kind: 'title' }, rule: 'title-before-text' };
  return { cls: { kind: facts.lineCount > 1 ? 'addressee' : 'title' }, rule: 'short-lines' };
}

/** Whether a block of these facts is text that a title can head. */
function headsText(next: BlockFacts | undefined): boolean {
  return next !== undefined && (next.prose || next.heading !== '' || next.opening !== '' || next.subject || next.proseWords);
}

function isClosing(block: ClassifiedBlock): boolean {
  return block.cls.kind === 'paragraph' && block.cls.role === 'closing';
}

export { RULES };
