/** The aligned sentence pairs of a note as plain text, for translation memories. */
import type { Paragraph, Span } from '../model';
import type { AlignableBlock, NoteAlignment } from '../noteAlignment';
import { isCjkPunctuation, isHan } from '../text/script';

export interface TextPair {
  readonly en: string;
  readonly zh: string;
  /** The number of the (English, else Chinese) body paragraph the pair is in; absent for formulas and titles. */
  readonly paragraph?: number;
}

/**
 * The text of a unit as written, on one line: a run of white space (line breaks included) becomes one
 * space, except a line wrap that Chinese writes without a space: between two Han characters, or next
 * to full-width punctuation. The pieces of a unit (a sentence cut by a page break) are joined as lines.
 */
export function unitText(text: string, spans: readonly Span[]): string {
  const joined = spans.map((span) => text.slice(span.start, span.end)).join('\n').trim();
  return joined.replace(/\s+/g, (run, offset: number) =>
    (/[\n\r]/.test(run) && isChineseWrap(joined.charCodeAt(offset - 1), joined.charCodeAt(offset + run.length)) ? '' : ' '));
}

function isChineseWrap(before: number, after: number): boolean {
  return (isHan(before) && isHan(after)) || isCjkPunctuation(before) || isCjkPunctuation(after);
}

/** One pair per sentence pair that has text on both sides, in document order. */
export function sentencePairs(alignment: NoteAlignment): TextPair[] {
  const pairs: TextPair[] = [];
  for (const paragraph of alignment.paragraphs) {
    const number = paragraphNumber(paragraph.enBlocks) ?? paragraphNumber(paragraph.zhBlocks);
    for (const sentence of paragraph.sentences) {
      const en = unitText(alignment.en.text, sentence.en);
      const zh = unitText(alignment.zh.text, sentence.zh);
      if (en.length > 0 && zh.length > 0) pairs.push({ en, zh, ...(number !== undefined ? { paragraph: number } : {}) });
    }
  }
  return pairs;
}

function paragraphNumber(blocks: readonly AlignableBlock[]): number | undefined {
  const body = blocks.find((block): block is Paragraph => block.kind === 'paragraph' && block.role === 'body');
  return body?.index;
}
