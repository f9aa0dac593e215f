/** Adapts a glossary index to the `TermsIn` function the term check takes. */
import type { GlossaryIndex } from '../glossary';
import type { TermsIn } from './types';

export function termsFromGlossary(index: GlossaryIndex): TermsIn {
  return (text, span, language) => index.match(text, span.start, span.end)
    .filter((match) => match.language === language)
    .map((match) => ({
      span: { start: match.start, end: match.end },
      found: text.slice(match.start, match.end),
      counterparts: match.entry[language === 'en' ? 'zh' : 'en'],
    }));
}
