/**
 * The concordance of a term: every place it occurs, as keyword-in-context lines, each with the aligned
 * rendering in the other language. The term is found as the glossary finds terms (core/glossary/fold.ts):
 * case, full-width forms, curly apostrophes and white space folded, traditional Chinese characters read
 * as simplified, so 電信詐騙 finds 电信诈骗. A Latin term is found as whole words (`act` is not in
 * `action`); a Chinese one anywhere. Each search is one pass of `indexOf` over the folded text.
 */
import { collapseSpaces } from '../glossary/draft';
import { foldText } from '../glossary/fold';
import { unitText } from '../export/pairs';
import { SPACE } from '../glossary/fold';
import type { Note, Span } from '../model';
import { counterpartAt, languageAt, type NoteAlignment } from '../noteAlignment';

/** Characters of context kept on each side of the keyword. */
export const CONTEXT_LENGTH = 40;

export interface KeywordInContext {
  /** The text before the keyword on one line, at most CONTEXT_LENGTH characters (`…` when cut). */
  readonly left: string;
  /** The keyword as written in the text. */
  readonly keyword: string;
  readonly right: string;
}

export interface NoteOccurrence extends KeywordInContext {
  readonly span: Span;
  readonly language: 'en' | 'zh' | 'other';
  /** The aligned unit of the other language (sentence, else point, else paragraph), on one line. */
  readonly rendering?: { readonly text: string; readonly span: Span; readonly level: 'sentence' | 'point' | 'paragraph' };
}

/** The folded form searched for: white space collapsed, then folded as the glossary folds. */
export function foldedTerm(term: string): string {
  return foldText(collapseSpaces(term));
}

/**
 * Where `folded` (a foldedTerm) occurs in `text`: a space of the term stands for any run of white space
 * (a line wrapped inside the term); whole words for a term that starts or ends with a Latin letter or digit.
 */
export function occurrences(text: string, folded: string): Span[] {
  if (folded === '') return [];
  const { haystack, offsets } = collapsedFold(text);
  const wordStart = isWordCode(folded.charCodeAt(0));
  const wordEnd = isWordCode(folded.charCodeAt(folded.length - 1));
  const found: Span[] = [];
  for (let at = haystack.indexOf(folded); at >= 0; at = haystack.indexOf(folded, at + 1)) {
    const end = at + folded.length;
    if (wordStart && at > 0 && isWordCode(haystack.charCodeAt(at - 1))) continue;
    if (wordEnd && end < haystack.length && isWordCode(haystack.charCodeAt(end))) continue;
    found.push({ start: offsets[at], end: offsets[end - 1] + 1 });
    at = end - 1;
  }
  return found;
}

/** The folded text with each run of white space made one space, and where each of its units was in `text`. */
function collapsedFold(text: string): { haystack: string; offsets: Int32Array } {
  const folded = foldText(text);
  const offsets = new Int32Array(folded.length);
  const parts: string[] = [];
  let length = 0;
  let from = 0;
  for (let i = 0; i < folded.length; i++) {
    if (folded.charCodeAt(i) !== SPACE || i === 0 || folded.charCodeAt(i - 1) !== SPACE) {
      offsets[length++] = i;
      continue;
    }
    parts.push(folded.slice(from, i));
    while (i + 1 < folded.length && folded.charCodeAt(i + 1) === SPACE) i++;
    from = i + 1;
  }
  parts.push(folded.slice(from));
  return { haystack: parts.join(''), offsets };
}

function isWordCode(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0xc0 && code <= 0x24f);
}

/**
 * The keyword at `span` of `text` with its context, each side on one line, within the keyword's
 * paragraph (a blank line ends the context), cut to CONTEXT_LENGTH.
 */
export function keywordInContext(text: string, span: Span): KeywordInContext {
  const near = CONTEXT_LENGTH * 2;
  const before = oneLine(text.slice(Math.max(0, span.start - near), span.start).split(BLANK_LINE).pop() ?? '');
  const after = oneLine(text.slice(span.end, span.end + near).split(BLANK_LINE)[0]);
  return {
    left: before.length > CONTEXT_LENGTH ? `…${withoutHalfPair(before.slice(-CONTEXT_LENGTH), 'start')}` : before,
    keyword: oneLine(text.slice(span.start, span.end)),
    right: after.length > CONTEXT_LENGTH ? `${withoutHalfPair(after.slice(0, CONTEXT_LENGTH), 'end')}…` : after,
  };
}

const BLANK_LINE = /\r?\n[ \t]*\r?\n/;

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** A cut may split an astral character: its lone half goes. */
function withoutHalfPair(text: string, side: 'start' | 'end'): string {
  const code = side === 'start' ? text.charCodeAt(0) : text.charCodeAt(text.length - 1);
  const lone = side === 'start' ? code >= 0xdc00 && code <= 0xdfff : code >= 0xd800 && code <= 0xdbff;
  return lone ? (side === 'start' ? text.slice(1) : text.slice(0, -1)) : text;
}

/**
 * The occurrences of a term in a note, with their renderings when the note is aligned with its other
 * version. `note` is the analysis of `text`; `side` says which side of `alignment` the text is when
 * the versions are two files (for a note holding both, the language at each place decides).
 */
export function noteConcordance(note: Note, folded: string, aligned?: { alignment: NoteAlignment; side?: 'en' | 'zh' }): NoteOccurrence[] {
  return occurrences(note.text, folded).map((span) => {
    const language = aligned?.side ?? languageAt(note, span.start);
    const occurrence = { span, language, ...keywordInContext(note.text, span) };
    if (!aligned || language === 'other') return occurrence;
    const counterpart = counterpartAt(aligned.alignment, language, span.start);
    if (!counterpart) return occurrence;
    const other = language === 'en' ? aligned.alignment.zh : aligned.alignment.en;
    const target = counterpart.target;
    return {
      ...occurrence,
      rendering: {
        text: unitText(other.text, target), level: counterpart.level,
        span: { start: Math.min(...target.map((s) => s.start)), end: Math.max(...target.map((s) => s.end)) },
      },
    };
  });
}

export interface MemoryOccurrence extends KeywordInContext {
  /** The index of the variant's text the keyword is in, and where. */
  readonly span: Span;
  readonly language: string;
  /** The text of the unit's variant in the other language. */
  readonly rendering?: { readonly text: string; readonly language: string };
}

/** The occurrences in the variants of one translation-memory unit (TMX), each with the other language's variant. */
export function memoryConcordance(variants: ReadonlyArray<{ readonly language: string; readonly text: string }>, folded: string): MemoryOccurrence[] {
  const primary = (tag: string) => tag.toLowerCase().split(/[-_]/, 1)[0];
  return variants.flatMap((variant) => {
    const mine = primary(variant.language);
    const other = variants.find((v) => (mine === 'en' ? primary(v.language) === 'zh' : mine === 'zh' ? primary(v.language) === 'en' : false));
    return occurrences(variant.text, folded).map((span) => ({
      span, language: variant.language, ...keywordInContext(variant.text, span),
      ...(other ? { rendering: { text: oneLine(other.text).trim(), language: other.language } } : {}),
    }));
  });
}
