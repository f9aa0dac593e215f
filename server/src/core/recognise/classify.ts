/**
 * Second pass: decides what each raw block is. The header (letterhead, own reference, date,
 * salutation, addressee at the top) is read line by line; the rest block by block.
 */
import type { Language, ParagraphRole, Span } from '../model';
import type { Line } from '../text/lines';
import { detectLanguage, isLowerLatin } from '../text/script';
import { displayWidth, endsWithTerminalPunctuation } from '../text/measure';
import type { RawBlock } from './blocks';
import { NO_MEMO, type Memo } from '../memo';
import {
  ANNEX, CLOSING, DATED, OPENING_FIRST_PERSON, OPENING_THIRD_PERSON, OWN_REFERENCE_BARE, OWN_REFERENCE_CHINESE,
  OWN_REFERENCE_LABELLED, SALUTATION, SIGNATURE, TITLE_START, matchesAny,
} from './patterns';

export type BlockClass =
  | { readonly kind: 'letterhead' | 'salutation' | 'placeDate' | 'signature' | 'addressee' | 'annex' | 'title' }
  | { readonly kind: 'ownReference'; readonly value: Span }
  | { readonly kind: 'paragraph'; readonly role: ParagraphRole; readonly person?: 'first' | 'third' };

export interface ClassifiedBlock {
  readonly lines: readonly Line[];
  readonly start: number;
  readonly end: number;
  readonly afterPageBreak: boolean;
  readonly language: Language;
  readonly cls: BlockClass;
  /** A bare `Annex` heading, whose title follows. */
  readonly bareAnnex?: boolean;
}

/** Lines longer than this (in columns, a Chinese character counting two) are prose, not headings. */
const SHORT_LINE = 110;
const MAX_HEADER_BLOCK_LINES = 12;
/** A formula paragraph longer than this carries body text too and stays a body paragraph. */
const MAX_FORMULA_LENGTH = 700;
/** Only the start of a paragraph is searched for the opening formula. */
const OPENING_SEARCH_LENGTH = 400;

export function classifyBlocks(text: string, blocks: readonly RawBlock[], memo: Memo = NO_MEMO): ClassifiedBlock[] {
  const context = new ClassifyContext();
  let index = 0;
  for (; index < blocks.length; index++) {
    const header = classifyHeaderBlock(text, blocks[index], context);
    if (!header) break;
    for (const piece of header) appendHeaderPiece(text, context, piece);
  }
  for (; index < blocks.length; index++) {
    context.push(classifyBodyBlock(text, blocks[index], context, memo));
  }
  const result = context.blocks;
  return result.map((block, at) => (isStrandedTitle(block, result[at + 1]) ? { ...block, cls: { kind: 'addressee' } } : block));
}

/** What the blocks so far established, kept up to date so that each block is classified in constant time. */
class ClassifyContext {
  readonly blocks: ClassifiedBlock[] = [];
  private readonly opened = new Set<Language>();
  private readonly withParagraphs = new Set<Language>();
  private structureSeen = false;

  push(block: ClassifiedBlock): void {
    this.blocks.push(block);
    this.note(block);
  }

  replaceLast(block: ClassifiedBlock): void {
    this.blocks[this.blocks.length - 1] = block;
    this.note(block);
  }

  get previous(): ClassifiedBlock | undefined {
    return this.blocks[this.blocks.length - 1];
  }

  hasOpened(language: Language): boolean {
    return this.opened.has(language);
  }

  hasParagraphs(language?: Language): boolean {
    return language === undefined ? this.withParagraphs.size > 0 : this.withParagraphs.has(language);
  }

  /** Whether anything but the letterhead came before. */
  get hasStructure(): boolean {
    return this.structureSeen;
  }

  private note(block: ClassifiedBlock): void {
    if (block.cls.kind !== 'letterhead') this.structureSeen = true;
    if (block.cls.kind !== 'paragraph') return;
    this.withParagraphs.add(block.language);
    if (block.cls.role === 'opening') this.opened.add(block.language);
  }
}

/** A heading heads something: a short line with no paragraph after it is an address line. */
function isStrandedTitle(block: ClassifiedBlock, next: ClassifiedBlock | undefined): boolean {
  return block.cls.kind === 'title' && next?.cls.kind !== 'paragraph' && next?.cls.kind !== 'title';
}

/** Letterhead lines separated by blank lines (name, then address) still form one letterhead. */
function appendHeaderPiece(text: string, context: ClassifyContext, piece: ClassifiedBlock): void {
  const previous = context.previous;
  if (previous?.cls.kind === 'letterhead' && piece.cls.kind === 'letterhead') {
    context.replaceLast(fromLines(text, [...previous.lines, ...piece.lines], previous.afterPageBreak, previous.cls));
  } else {
    context.push(piece);
  }
}

type LineKind = 'reference' | 'date' | 'salutation' | 'other';

function lineKind(text: string, line: Line): { kind: LineKind; value?: Span } {
  const content = text.slice(line.trimStart, line.trimEnd);
  if (content.length > 140) return { kind: 'other' };
  const labelled = OWN_REFERENCE_LABELLED.exec(content);
  if (labelled) {
    const valueStart = line.trimStart + content.length - labelled[1].length;
    return { kind: 'reference', value: { start: valueStart, end: line.trimEnd } };
  }
  if ((OWN_REFERENCE_BARE.test(content) && hasLetterAndDigit(content)) || OWN_REFERENCE_CHINESE.test(content)) {
    return { kind: 'reference', value: { start: line.trimStart, end: line.trimEnd } };
  }
  if (content.length <= 80 && matchesAny(DATED, content)) return { kind: 'date' };
  if (matchesAny(SALUTATION, content)) return { kind: 'salutation' };
  return { kind: 'other' };
}

function hasLetterAndDigit(content: string): boolean {
  return /[A-Za-z]/.test(content) && /\d/.test(content);
}

/**
 * Splits a header block into its lines' kinds, or returns undefined when the block is no longer
 * part of the header (an opening formula, prose, or anything long).
 */
function classifyHeaderBlock(text: string, block: RawBlock, context: ClassifyContext): ClassifiedBlock[] | undefined {
  if (block.lines.length > MAX_HEADER_BLOCK_LINES || !block.lines.every((line) => isShort(text, line))) return undefined;
  if (isOpening(text, block, context)) return undefined;
  if (looksLikeProse(text, block) || TITLE_START.test(text.slice(block.start, block.lines[0].trimEnd))) return undefined;
  const kinds = block.lines.map((line) => lineKind(text, line));
  const seenStructure = context.hasStructure;
  const pieces: ClassifiedBlock[] = [];
  block.lines.forEach((line, n) => {
    const { kind, value } = kinds[n];
    const cls: BlockClass =
      kind === 'reference' && value ? { kind: 'ownReference', value }
        : kind === 'date' ? { kind: 'placeDate' }
          : kind === 'salutation' ? { kind: 'salutation' }
            : { kind: seenStructure || pieces.some((p) => p.cls.kind !== 'letterhead') ? 'addressee' : 'letterhead' };
    const previous = pieces[pieces.length - 1];
    if (previous && previous.cls.kind === cls.kind && (cls.kind === 'letterhead' || cls.kind === 'addressee')) {
      pieces[pieces.length - 1] = extend(text, previous, line);
    } else {
      pieces.push(fromLines(text, [line], n === 0 && block.afterPageBreak, cls));
    }
  });
  return pieces;
}

/** What a block looks like on its own, whatever surrounds it: computed once per block text. */
export interface BlockFacts {
  readonly language: Language;
  readonly salutation: boolean;
  readonly signature: boolean;
  readonly annex: boolean;
  /** `Annex`, `附件一` alone: the annex's title follows. */
  readonly bareAnnex: boolean;
  readonly prose: boolean;
  readonly placeDate: boolean;
  readonly opening: 'first' | 'third' | undefined;
  readonly closing: boolean;
  readonly titleStart: boolean;
  readonly headingSized: boolean;
  readonly allShort: boolean;
}

export function blockFacts(text: string, block: RawBlock): BlockFacts {
  const first = block.lines[0];
  const firstContent = text.slice(first.trimStart, first.trimEnd);
  const prose = looksLikeProse(text, block);
  const head = text.slice(block.start, Math.min(block.end, block.start + OPENING_SEARCH_LENGTH));
  const annexMatch = ANNEX.exec(firstContent);
  return {
    language: detectLanguage(text, block.start, block.end),
    salutation: block.lines.length === 1 && matchesAny(SALUTATION, firstContent) !== null,
    signature: SIGNATURE.test(firstContent),
    annex: annexMatch !== null,
    bareAnnex: annexMatch !== null && block.lines.length === 1 && annexMatch[0].length === firstContent.length,
    prose,
    placeDate: !prose && isPlaceAndDate(text, block),
    opening: matchesAny(OPENING_THIRD_PERSON, head) ? 'third' : matchesAny(OPENING_FIRST_PERSON, head) ? 'first' : undefined,
    closing: block.end - block.start <= MAX_FORMULA_LENGTH && matchesAny(CLOSING, text.slice(block.start, block.end)) !== null,
    titleStart: TITLE_START.test(firstContent),
    headingSized: isHeadingSized(text, block),
    allShort: block.lines.every((line) => isShort(text, line)),
  };
}

/** Blocks with the same facts, lines and neighbours are classified alike. */
export function sameFacts(a: BlockFacts, b: BlockFacts): boolean {
  return (Object.keys(a) as Array<keyof BlockFacts>).every((key) => a[key] === b[key]);
}

function classifyBodyBlock(text: string, block: RawBlock, context: ClassifyContext, memo: Memo): ClassifiedBlock {
  const facts = memo.get('facts', text.slice(block.start, block.end), () => blockFacts(text, block));
  const make = (cls: BlockClass): ClassifiedBlock => ({
    lines: block.lines, start: block.start, end: block.end, afterPageBreak: block.afterPageBreak, cls,
    language: facts.language, bareAnnex: facts.bareAnnex,
  });
  if (facts.salutation) return make({ kind: 'salutation' });
  if (facts.signature) return make({ kind: 'signature' });
  if (facts.annex) return make({ kind: 'annex' });
  if (facts.placeDate) return make({ kind: 'placeDate' });
  const opening = openingHere(facts.opening, facts.language, context);
  if (opening) return make({ kind: 'paragraph', role: 'opening', person: opening });
  if (facts.closing) return make({ kind: 'paragraph', role: 'closing' });
  if (facts.headingSized && (facts.titleStart || context.previous?.bareAnnex === true)) return make({ kind: 'title' });
  if (!facts.prose && block.lines.length <= 8 && facts.allShort) {
    return make({ kind: shortBlockKind(text, block, context) });
  }
  return make({ kind: 'paragraph', role: 'body' });
}

/**
 * Prose, as opposed to a heading or an address: Chinese sentence punctuation, a sentence break
 * inside, final punctuation, or lines that continue in lower case (hard-wrapped text from a PDF).
 */
function looksLikeProse(text: string, block: RawBlock): boolean {
  if (endsWithTerminalPunctuation(text, block.start, block.end)) return true;
  if (displayWidth(text, block.start, block.end, MAX_HEADING_WIDTH * 2) > MAX_HEADING_WIDTH * 2) return true;
  if (block.lines.slice(1).some((line) => isLowerLatin(text.charCodeAt(line.trimStart)))) return true;
  const content = text.slice(block.start, block.end);
  return PROSE_MARK.test(content) || mostlyLowerCaseWords(content);
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

const MIN_PROSE_WORDS = 8;

const MAX_HEADING_WIDTH = 200;
const PROSE_MARK = /[，。；]|[a-z][.;] [A-Z]/;

/** `Geneva, 12 May 2025`, `2025年8月18日于日内瓦`: a date and little else. */
function isPlaceAndDate(text: string, block: RawBlock): boolean {
  if (block.lines.length > 3) return false;
  const content = text.slice(block.start, block.end);
  const date = matchesAny(DATED, content);
  if (!date) return false;
  return displayWidth(content, 0, content.length) - displayWidth(date[0], 0, date[0].length) <= MAX_PLACE_WIDTH;
}

const MAX_PLACE_WIDTH = 40;

/** Short enough, and unpunctuated, to be a heading: `Reply of the Government …`, the line after `Annex`. */
function isHeadingSized(text: string, block: RawBlock): boolean {
  if (block.lines.length > 2 || endsWithTerminalPunctuation(text, block.start, block.end)) return false;
  return displayWidth(text, block.start, block.end, MAX_HEADING_WIDTH) <= MAX_HEADING_WIDTH;
}

/** Short unpunctuated blocks: the signatory's name after a signature, an addressee after the closing, or a title. */
function shortBlockKind(text: string, block: RawBlock, context: ClassifyContext): 'signature' | 'addressee' | 'title' {
  const previous = context.previous;
  if (previous?.cls.kind === 'signature' && previous.lines.length === 1) return 'signature';
  const afterClosing = previous && (isClosing(previous) || previous.cls.kind === 'placeDate' || previous.cls.kind === 'signature');
  if (afterClosing || (block.lines.length > 1 && !context.hasParagraphs())) return 'addressee';
  return block.lines.length === 1 && text.slice(block.start, block.end).length > 0 ? 'title' : 'addressee';
}

function isClosing(block: ClassifiedBlock): boolean {
  return block.cls.kind === 'paragraph' && block.cls.role === 'closing';
}

/** The opening formula counts once per language; a first-person one only before any paragraph. */
function openingHere(
  found: 'first' | 'third' | undefined, language: Language, context: ClassifyContext,
): 'first' | 'third' | undefined {
  if (!found || context.hasOpened(language)) return undefined;
  return found === 'third' || !context.hasParagraphs(language) ? found : undefined;
}

function isOpening(text: string, block: RawBlock, context: ClassifyContext): boolean {
  const head = text.slice(block.start, Math.min(block.end, block.start + OPENING_SEARCH_LENGTH));
  const found = matchesAny(OPENING_THIRD_PERSON, head) ? 'third' : matchesAny(OPENING_FIRST_PERSON, head) ? 'first' : undefined;
  return openingHere(found, detectLanguage(text, block.start, block.end), context) !== undefined;
}

function isShort(text: string, line: Line): boolean {
  return displayWidth(text, line.trimStart, line.trimEnd, SHORT_LINE) <= SHORT_LINE;
}

function fromLines(text: string, lines: readonly Line[], afterPageBreak: boolean, cls: BlockClass): ClassifiedBlock {
  const start = lines[0].trimStart;
  const end = lines[lines.length - 1].trimEnd;
  return { lines, start, end, afterPageBreak, cls, language: detectLanguage(text, start, end) };
}

function extend(text: string, block: ClassifiedBlock, line: Line): ClassifiedBlock {
  return fromLines(text, [...block.lines, line], block.afterPageBreak, block.cls);
}
