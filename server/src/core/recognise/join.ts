/**
 * Rejoins paragraphs that a PDF page break (or a stray blank line) cut in two: the first part ends
 * mid-sentence, or the second starts in lower case. The items of a list that a paragraph opens with
 * a colon join it too when blank lines set them apart: sub-paragraph items (`(a)`, `(i)`, `a)`, `①`,
 * `•`) and numbered items that complete the sentence (ending with `;`, or in lower case).
 */
import type { Span, Writable } from '../model';
import type { Line } from '../text/lines';
import { isAsciiDigit, isHan, isLatinLetter, isLowerLatin } from '../text/script';
import { displayWidth, endsWithColon, lastSignificantCode } from '../text/measure';
import type { ClassifiedBlock } from './classify';
import type { RuleId } from './rules';
import { followsNumberedItem, numberedItemKey, startsItem } from './listItems';
import { isTableRow } from './shapes';

/** A classified block with the pieces it was rejoined from. */
export interface JoinedBlock extends ClassifiedBlock {
  end: number;
  readonly parts: Span[];
  readonly lines: Line[];
  /** Why each part after the first joined the one before. */
  readonly joins: RuleId[];
}

/** Below this width a paragraph without final punctuation is more likely a heading than a split. */
const MIN_SPLIT_WIDTH = 60;

export function joinSplitParagraphs(text: string, blocks: readonly ClassifiedBlock[]): JoinedBlock[] {
  const joined: JoinedBlock[] = [];
  // Footnotes at the foot of a page that cut a paragraph: they follow the paragraph once it is whole.
  const footnotes: JoinedBlock[] = [];
  for (const block of blocks) {
    const previous = joined[joined.length - 1];
    const join = previous && opensText(previous) && isBody(block) && previous.language === block.language ? joinRule(text, previous, block) : undefined;
    if (previous && join && isFootnote(text, block)) {
      footnotes.push(joinedBlock(block));
    } else if (previous && join) {
      previous.parts.push({ start: block.start, end: block.end });
      for (const line of block.lines) previous.lines.push(line);
      previous.end = block.end;
      previous.joins.push(join);
    } else {
      if (footnotes.length > 0) joined.push(...footnotes.splice(0));
      joined.push(joinedBlock(block));
    }
  }
  joined.push(...footnotes);
  return joined;
}

function joinedBlock(block: ClassifiedBlock): JoinedBlock {
  const joined: Writable<JoinedBlock> = {
    lines: block.lines.slice(), start: block.start, end: block.end, afterPageBreak: block.afterPageBreak,
    language: block.language, cls: block.cls, rule: block.rule,
    parts: [{ start: block.start, end: block.end }], joins: [],
  };
  // Set afterwards rather than spread into the literal: a spread makes every block slower to build.
  if (block.bareAnnex) joined.bareAnnex = true;
  return joined;
}

/** `¹ The draft was published …`: a footnote, numbered in superscript figures. */
function isFootnote(text: string, block: ClassifiedBlock): boolean {
  return SUPERSCRIPT_DIGITS.has(text.charCodeAt(block.start));
}

const SUPERSCRIPT_DIGITS = new Set([0xb9, 0xb2, 0xb3, 0x2070, 0x2074, 0x2075, 0x2076, 0x2077, 0x2078, 0x2079]);

function isBody(block: ClassifiedBlock): boolean {
  return block.cls.kind === 'paragraph' && block.cls.role === 'body';
}

/** A body paragraph, or an opening formula that goes on with a list. */
function opensText(block: ClassifiedBlock): boolean {
  return block.cls.kind === 'paragraph' && block.cls.role !== 'closing';
}

function joinRule(text: string, first: JoinedBlock, second: ClassifiedBlock): RuleId | undefined {
  const lastPart = first.parts[first.parts.length - 1];
  const secondPart = { start: second.start, end: second.end };
  if (startsItem(text, secondPart)) {
    const opensList = endsWithColon(text, lastPart.start, lastPart.end) || (first.parts.length > 1 && startsItem(text, lastPart));
    return opensList ? 'list-join' : undefined;
  }
  if (first.parts.length > 1 && followsNumberedItem(text, lastPart, secondPart)) return 'list-join';
  if (!isBody(first) || endsWithTableRow(text, first)) return undefined;
  if (isLowerLatin(text.charCodeAt(second.start))) return 'page-break-join';
  return endsMidSentence(text, lastPart) ? 'page-break-join' : undefined;
}

/** A table's last row ends with a figure, not in mid-sentence. */
function endsWithTableRow(text: string, block: JoinedBlock): boolean {
  const last = block.lines[block.lines.length - 1];
  return isTableRow(text.slice(last.trimStart, last.trimEnd));
}

function endsMidSentence(text: string, part: Span): boolean {
  const last = lastSignificantCode(text, part.start, part.end);
  const midSentence = isLatinLetter(last) || isHan(last) || isAsciiDigit(last) || MID_SENTENCE_PUNCTUATION.has(last);
  return midSentence && displayWidth(text, part.start, part.end, MIN_SPLIT_WIDTH) >= MIN_SPLIT_WIDTH;
}

const MID_SENTENCE_PUNCTUATION = new Set([0x2c, 0x3b, 0xff0c, 0xff1b, 0x3001, 0x2d]); // , ; ， ； 、 -

/**
 * Everything about one piece of text that the joining decisions above read, either side of it: an
 * edit that leaves this unchanged leaves the joins unchanged.
 */
export function joinSignature(text: string, part: Span): string {
  return [
    isLowerLatin(text.charCodeAt(part.start)), startsItem(text, part), numberedItemKey(text, part.start),
    endsWithColon(text, part.start, part.end), endsMidSentence(text, part),
  ].join();
}
