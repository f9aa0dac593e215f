/**
 * The cross-language lookups, as plain data: from a position to the same place in the other language
 * version (the aligned sentence, else the numbered point, else the paragraph), the counterpart's
 * highlights, the lenses above each paired paragraph, and a glossary term's counterpart.
 */
import { format, message, type Locale } from '../../core/messages';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TermMatch } from '../../core/glossary';
import type { Language, Span } from '../../core/model';
import { counterpartAt, languageAt, type AlignableBlock, type Counterpart, type ParagraphPair } from '../../core/noteAlignment';
import { countBelow } from '../../core/text/spans';
import type { DocumentAnalysis } from '../analysisCache';
import type { AlignedDocuments } from '../pairing';

/** A span in a document, which may be another file than the one asked about. */
export interface TextLocation {
  readonly document: TextDocument;
  readonly span: Span;
}

/** Go to Definition: from `origin` to the paragraph `range` of `target`, selecting `selection`. */
export interface Jump {
  readonly origin: Span;
  readonly target: TextDocument;
  readonly range: Span;
  readonly selection: Span;
}

export interface Highlight {
  readonly span: Span;
  /** The unit under the cursor, or its counterpart (in the same file). */
  readonly role: 'source' | 'counterpart';
}

/** A lens above a paired paragraph: `↔ 中文 ¶4`, leading to the counterpart. */
export interface Lens {
  readonly offset: number;
  readonly title: string;
  readonly target: TextLocation;
}

/** Where a term's counterpart occurs: the document and the match there. */
export interface TermCounterpart {
  readonly document: TextDocument;
  readonly match: TermMatch;
}

/** The smallest span covering a unit made of several pieces (a sentence cut by a page break). */
export function cover(spans: readonly Span[]): Span {
  return { start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) };
}

/**
 * The counterpart of a position and the document it lies in. In a note holding both versions, the
 * side is the version the position is in, unless the caller knows the language (of a selected term).
 */
export function counterpartIn(
  analysis: DocumentAnalysis, aligned: AlignedDocuments, offset: number, language: Language = languageAt(analysis.note, offset),
): { counterpart: Counterpart; target: TextDocument } | undefined {
  const side = aligned.en === aligned.zh ? language : aligned.en.uri === analysis.document.uri ? 'en' : 'zh';
  const counterpart = counterpartAt(aligned.alignment, side, offset);
  if (!counterpart) return undefined;
  return { counterpart, target: counterpart.from === 'en' ? aligned.zh : aligned.en };
}

/** On a glossary term whose counterpart the aligned text contains, the jump lands on that term. */
export function jumpFrom(analysis: DocumentAnalysis, aligned: AlignedDocuments, offset: number, term?: { source: Span; counterpart: TermCounterpart }): Jump | undefined {
  const found = counterpartIn(analysis, aligned, offset);
  if (!found) return undefined;
  const { counterpart, target } = found;
  const other = counterpart.from === 'en' ? 'zh' : 'en';
  return {
    origin: term ? term.source : cover(counterpart.source),
    target,
    range: cover(counterpart.paragraph[other]),
    selection: term ? term.counterpart.match : cover(counterpart.target),
  };
}

/** The unit under the cursor and its counterpart, when both are in the same file. */
export function highlightsAt(analysis: DocumentAnalysis, aligned: AlignedDocuments, offset: number): Highlight[] {
  const found = counterpartIn(analysis, aligned, offset);
  if (!found || found.target.uri !== analysis.document.uri) return [];
  return [
    ...found.counterpart.source.map((span) => ({ span, role: 'source' as const })),
    ...found.counterpart.target.map((span) => ({ span, role: 'counterpart' as const })),
  ];
}

/** Where "Open Counterpart to the Side" goes: the counterpart, else the start of the other file. */
export function counterpartLocation(analysis: DocumentAnalysis, aligned: AlignedDocuments, offset: number): TextLocation | undefined {
  const found = counterpartIn(analysis, aligned, offset);
  if (found) return { document: found.target, span: cover(found.counterpart.target) };
  const other = aligned.en.uri === analysis.document.uri ? aligned.zh : aligned.en;
  return other.uri === analysis.document.uri ? undefined : { document: other, span: { start: 0, end: 0 } };
}

export function lenses(document: TextDocument, aligned: AlignedDocuments, locale: Locale): Lens[] {
  const found: Lens[] = [];
  for (const pair of aligned.alignment.paragraphs) {
    if (pair.en.length === 0 || pair.zh.length === 0) continue;
    if (aligned.en.uri === document.uri) found.push(lensFor(pair, 'en', aligned.zh, locale));
    if (aligned.zh.uri === document.uri) found.push(lensFor(pair, 'zh', aligned.en, locale));
  }
  return found;
}

/** The blocks of the other version are named as that version writes them (`¶3`, `标题`). */
function lensFor(pair: ParagraphPair, side: 'en' | 'zh', target: TextDocument, locale: Locale): Lens {
  const otherBlocks = side === 'en' ? pair.zhBlocks : pair.enBlocks;
  const prefix = format(locale, side === 'en' ? message('lens.to-zh') : message('lens.to-en'));
  return {
    offset: pair[side][0].start,
    title: `${prefix} ${otherBlocks.map(blockLabel).join(' + ')}`,
    target: { document: target, span: cover(side === 'en' ? pair.zh : pair.en) },
  };
}

function blockLabel(block: AlignableBlock): string {
  if (block.kind === 'title') return block.language === 'zh' ? '标题' : 'title';
  if (block.kind === 'subject') return block.language === 'zh' ? '事由' : 'subject';
  if (block.kind === 'heading') return block.language === 'zh' ? '小标题' : 'heading';
  if (block.kind !== 'paragraph') return '';
  if (block.role === 'opening') return block.language === 'zh' ? '致意' : 'opening';
  if (block.role === 'closing') return block.language === 'zh' ? '结束语' : 'closing';
  return `¶${block.index}`;
}

/** The term covering `offset` (terms are sorted and do not overlap). */
export function termAt(terms: readonly TermMatch[], offset: number): TermMatch | undefined {
  const candidate = terms[countBelow(terms, offset + 1, (term) => term.end)];
  return candidate && candidate.start <= offset ? candidate : undefined;
}

/** The same entry in the aligned sentence (else paragraph) of the other version. */
export function termCounterpart(
  analysis: DocumentAnalysis, term: TermMatch, aligned: AlignedDocuments, analysisOf: (document: TextDocument) => DocumentAnalysis,
): TermCounterpart | undefined {
  const found = counterpartIn(analysis, aligned, term.start);
  if (!found) return undefined;
  const otherTerms = analysisOf(found.target).terms;
  const other = found.counterpart.from === 'en' ? 'zh' : 'en';
  for (const within of [found.counterpart.target, found.counterpart.paragraph[other]]) {
    for (const span of within) {
      const match = sameEntryWithin(otherTerms, term, span);
      if (match) return { document: found.target, match };
    }
  }
  return undefined;
}

/** The first term of the same entry inside `span`, found from where the span starts (terms are in order). */
function sameEntryWithin(terms: readonly TermMatch[], term: TermMatch, span: Span): TermMatch | undefined {
  for (let at = countBelow(terms, span.start, (t) => t.start); at < terms.length && terms[at].start < span.end; at++) {
    const candidate = terms[at];
    if (candidate.entry.id === term.entry.id && candidate.end <= span.end) return candidate;
  }
  return undefined;
}
