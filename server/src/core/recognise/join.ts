/**
 * Rejoins paragraphs that a PDF page break (or a stray blank line) cut in two: the first part ends
 * mid-sentence, or the second starts in lower case; a list item `(a)` after a colon joins too.
 */
import type { Span } from '../model';
import type { Line } from '../text/lines';
import { isAsciiDigit, isHan, isLatinLetter, isLowerLatin } from '../text/script';
import { displayWidth, endsWithColon, lastSignificantCode } from '../text/measure';
import type { ClassifiedBlock } from './classify';

/** A classified block with the pieces it was rejoined from. */
export interface JoinedBlock extends ClassifiedBlock {
  end: number;
  readonly parts: Span[];
  readonly lines: Line[];
}

/** Below this width a paragraph without final punctuation is more likely a heading than a split. */
const MIN_SPLIT_WIDTH = 60;

export function joinSplitParagraphs(text: string, blocks: readonly ClassifiedBlock[]): JoinedBlock[] {
  const joined: JoinedBlock[] = [];
  for (const block of blocks) {
    const previous = joined[joined.length - 1];
    if (previous && isBody(previous) && isBody(block) && previous.language === block.language && continues(text, previous, block)) {
      previous.parts.push({ start: block.start, end: block.end });
      for (const line of block.lines) previous.lines.push(line);
      previous.end = block.end;
    } else {
      joined.push({
        lines: block.lines.slice(), start: block.start, end: block.end, afterPageBreak: block.afterPageBreak,
        language: block.language, cls: block.cls, ...(block.bareAnnex === undefined ? {} : { bareAnnex: block.bareAnnex }),
        parts: [{ start: block.start, end: block.end }],
      });
    }
  }
  return joined;
}

function isBody(block: ClassifiedBlock): boolean {
  return block.cls.kind === 'paragraph' && block.cls.role === 'body';
}

const LIST_ITEM_START = /^[(（](?:[a-z]|[ivxl]{1,6}|\d{1,2}|[一二三四五六七八九十]{1,3})[)）]/;

function startsListItem(text: string, start: number): boolean {
  return LIST_ITEM_START.test(text.slice(start, start + 8));
}

function continues(text: string, first: JoinedBlock, second: ClassifiedBlock): boolean {
  if (isLowerLatin(text.charCodeAt(second.start))) return true;
  const lastPart = first.parts[first.parts.length - 1];
  if (startsListItem(text, second.start)) return endsWithColon(text, lastPart.start, lastPart.end) || startsListItem(text, lastPart.start);
  return endsMidSentence(text, lastPart);
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
    isLowerLatin(text.charCodeAt(part.start)), startsListItem(text, part.start),
    endsWithColon(text, part.start, part.end), endsMidSentence(text, part),
  ].join();
}
