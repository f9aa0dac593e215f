/**
 * The figures a translator quotes for a note, per language version: words (English) or characters
 * (Chinese, punctuation and spaces left out), sentences, paragraphs, numbered points, and the share of
 * the text that is aligned with the other version. They count the text that is translated: the
 * paragraphs, titles, subjects and headings the aligner pairs (core/noteAlignment.ts), not the
 * letterhead, the addressee or the signature. Each count is one pass over the text.
 */
import type { Point, Span } from '../model';
import { sentencesOf, type NoteAlignment, type VersionSide } from '../noteAlignment';
import { isWhitespace } from '../text/script';

export interface VersionStatistics {
  readonly language: 'en' | 'zh';
  /** Words: runs of letters and digits (`don't`, `co-operation` and `5,415` count one). English only. */
  readonly words?: number;
  /** Characters without white space and punctuation. Chinese only. */
  readonly characters?: number;
  readonly sentences: number;
  /** Body paragraphs (formulas, titles and headings not counted). */
  readonly paragraphs: number;
  /** Numbered points, sub-points included. */
  readonly points: number;
  /**
   * The share (0..1, two decimals) of the text, in characters without white space, that lies in a
   * sentence paired with one of the other version, or in a paired paragraph, title or heading that is
   * one unit; null without another version.
   */
  readonly aligned: number | null;
}

const PUNCTUATION = /\p{P}/u;

export function versionStatistics(side: VersionSide, alignment?: NoteAlignment): VersionStatistics {
  const { text, language, blocks } = side;
  const parts = blocks.flatMap((block) => (block.kind === 'paragraph' ? block.parts : [block.span]));
  const counted = language === 'en' ? { words: sum(parts, (span) => countWords(text, span)) } : { characters: sum(parts, (span) => countCharacters(text, span)) };
  return {
    language,
    ...counted,
    sentences: blocks.reduce((total, block) => total + sentencesOf(side, block).length, 0),
    paragraphs: blocks.filter((block) => block.kind === 'paragraph' && block.role === 'body').length,
    points: blocks.reduce((total, block) => total + (block.kind === 'paragraph' ? countPoints(block.points) : 0), 0),
    aligned: alignment ? alignedShare(alignment, language, parts) : null,
  };
}

function sum(spans: readonly Span[], count: (span: Span) => number): number {
  return spans.reduce((total, span) => total + count(span), 0);
}

function countPoints(points: readonly Point[]): number {
  return points.reduce((total, point) => total + 1 + countPoints(point.children), 0);
}

/** A word is a run of letters or digits; an apostrophe, hyphen, comma or full stop between two of them keeps the run going. */
function countWords(text: string, span: Span): number {
  let words = 0;
  let inWord = false;
  for (let i = span.start; i < span.end; i++) {
    const ch = text[i];
    if (isWordCharacter(ch)) {
      if (!inWord) words++;
      inWord = true;
    } else {
      inWord = inWord && JOINERS.has(ch) && i + 1 < span.end && isWordCharacter(text[i + 1]);
    }
  }
  return words;
}

const JOINERS = new Set(["'", '’', '-', '‑', ',', '.']);
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

function isWordCharacter(ch: string): boolean {
  return WORD_CHARACTER.test(ch);
}

/** Characters that are neither white space nor punctuation; a surrogate pair counts once. */
function countCharacters(text: string, span: Span): number {
  let characters = 0;
  for (let i = span.start; i < span.end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff) continue; // the second half of an astral character
    if (!isWhitespace(code) && !PUNCTUATION.test(String.fromCodePoint(text.codePointAt(i) ?? code))) characters++;
  }
  return characters;
}

function significantLength(text: string, spans: readonly Span[]): number {
  let length = 0;
  for (const span of spans) for (let i = span.start; i < span.end; i++) if (!isWhitespace(text.charCodeAt(i))) length++;
  return length;
}

function alignedShare(alignment: NoteAlignment, language: 'en' | 'zh', parts: readonly Span[]): number {
  const other = language === 'en' ? 'zh' : 'en';
  const text = alignment[language].text;
  const total = significantLength(text, parts);
  if (total === 0) return 0;
  let aligned = 0;
  for (const pair of alignment.paragraphs) {
    if (pair[other].length === 0) continue;
    const sentences = pair.sentences;
    aligned += sentences.length === 0
      ? significantLength(text, pair[language])
      : sentences.reduce((length, sentence) => length + (sentence[other].length > 0 ? significantLength(text, sentence[language]) : 0), 0);
  }
  return Math.round(Math.min(1, aligned / total) * 100) / 100;
}
