/** A glossary term under the cursor, and the same entry in the aligned text of the other version. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentAnalysis } from '../analysisCache';
import type { AlignedDocuments } from '../counterparts';
import type { TermMatch } from '../core/glossary';
import { countBelow } from '../core/text/spans';
import { languageAt } from '../core/noteAlignment';
import { counterpartIn } from './definition';

/** Where a term's counterpart occurs: the document and the match there. */
export interface TermCounterpart {
  readonly document: TextDocument;
  readonly match: TermMatch;
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
  const found = counterpartIn(analysis.document, aligned, term.start, languageAt(analysis.note, term.start));
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
function sameEntryWithin(terms: readonly TermMatch[], term: TermMatch, span: { start: number; end: number }): TermMatch | undefined {
  for (let at = countBelow(terms, span.start, (t) => t.start); at < terms.length && terms[at].start < span.end; at++) {
    const candidate = terms[at];
    if (candidate.entry.id === term.entry.id && candidate.end <= span.end) return candidate;
  }
  return undefined;
}
