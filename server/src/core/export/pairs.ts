/** The aligned sentence pairs of a note as plain text, for translation memories. */
import type { Span } from '../model';
import type { NoteAlignment } from '../noteAlignment';

export interface TextPair {
  readonly en: string;
  readonly zh: string;
}

/** Joins the pieces of a unit and collapses line breaks and runs of spaces left by the layout. */
function unitText(text: string, spans: readonly Span[], language: 'en' | 'zh'): string {
  const joined = spans.map((span) => text.slice(span.start, span.end)).join(' ');
  const parts = joined.split(/\s+/).filter((part) => part.length > 0);
  // A line break inside Chinese text is layout, not a space.
  return language === 'zh' ? parts.join('') : parts.join(' ');
}

/** One pair per sentence pair that has text on both sides, in document order. */
export function sentencePairs(alignment: NoteAlignment): TextPair[] {
  const pairs: TextPair[] = [];
  for (const paragraph of alignment.paragraphs) {
    for (const sentence of paragraph.sentences) {
      const en = unitText(alignment.en.text, sentence.en, 'en');
      const zh = unitText(alignment.zh.text, sentence.zh, 'zh');
      if (en.length > 0 && zh.length > 0) pairs.push({ en, zh });
    }
  }
  return pairs;
}
