/**
 * Glossary terms whose counterpart is absent from the aligned paragraph. Only informative: translators
 * rephrase, so the finding asks for a look rather than claiming an error.
 */
import type { Span } from '../model';
import type { NoteAlignment, ParagraphPair } from '../noteAlignment';
import { foldText } from '../glossary/fold';
import { message, sideWord } from '../messages';
import { DEFAULT_SEVERITY, otherSide, saying, type Finding, type Side, type TermsIn } from './types';

function foldedText(text: string, spans: readonly Span[]): string {
  return spans.map((span) => foldText(text.slice(span.start, span.end))).join('\n');
}

/** Whether `form` occurs in the folded text as a whole word (Chinese forms match anywhere). */
function occurs(folded: string, needle: string): boolean {
  if (needle.length === 0) return true;
  for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
    if (!isWordChar(folded, at - 1) && !isWordChar(folded, at + needle.length)) return true;
  }
  return false;
}

/**
 * A Chinese form also counts when its characters come in order within twice its length, since
 * translators expand compounds (`电信网络诈骗` for `电信诈骗`).
 */
function occursSpread(folded: string, needle: string): boolean {
  if (needle.length === 0) return true;
  const reach = needle.length * 2;
  for (let at = folded.indexOf(needle[0]); at >= 0; at = folded.indexOf(needle[0], at + 1)) {
    let matched = 1;
    for (let i = at + 1; i < Math.min(folded.length, at + reach) && matched < needle.length; i++) {
      if (folded[i] === needle[matched]) matched++;
    }
    if (matched === needle.length) return true;
  }
  return false;
}

function isWordChar(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

/** Closing formulas are shortened by convention (`顺致崇高的敬意。` names nobody): no term is owed. */
function isClosing(pair: ParagraphPair): boolean {
  return [...pair.enBlocks, ...pair.zhBlocks].some((block) => block.kind === 'paragraph' && block.role === 'closing');
}

/** Terms without a counterpart in the pairs given (all pairs of the alignment by default). */
export function checkTerms(alignment: NoteAlignment, termsIn: TermsIn, pairs: readonly ParagraphPair[] = alignment.paragraphs): Finding[] {
  const findings: Finding[] = [];
  const folded = new Map<string, string>();
  const fold = (form: string) => folded.get(form) ?? folded.set(form, foldText(form)).get(form) ?? '';
  for (const pair of pairs) {
    if (pair.en.length === 0 || pair.zh.length === 0 || isClosing(pair)) continue;
    for (const side of ['en', 'zh'] as const) {
      const other: Side = otherSide(side);
      // Folded on first use: most paragraphs hold no glossary term.
      let otherText: string | undefined;
      const hasForm = (form: string) => {
        otherText ??= foldedText(alignment[other].text, pair[other]);
        return side === 'en' ? occursSpread(otherText, fold(form)) : occurs(otherText, fold(form));
      };
      for (const span of pair[side]) {
        for (const term of termsIn(alignment[side].text, span, side)) {
          if (term.counterparts.length === 0 || term.counterparts.some(hasForm)) continue;
          findings.push({
            code: 'term-missing', severity: DEFAULT_SEVERITY['term-missing'], side, span: term.span,
            related: pair[other].map((s) => ({ side: other, span: s, ...saying(message('related.aligned-side-paragraph', { side: sideWord(other) })) })),
            ...saying(message('check.term-missing', { term: term.found, side: sideWord(side), other: sideWord(other), forms: term.counterparts })),
            term: { found: term.found, expected: term.counterparts },
          });
        }
      }
    }
  }
  return findings;
}
