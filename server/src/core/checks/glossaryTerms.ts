/**
 * Adapts a glossary index to the `TermsIn` function the term check takes. By default only the user's
 * own glossary entries count: the built-in glossary lists general equivalents (`China` ↔ `中国`,
 * `依法` ↔ `in accordance with the law`) that translators rightly render otherwise (`中方`, `缅北`,
 * `lawfully`); on the samples it raised 44 findings and none was an error.
 */
import { BUILT_IN_ORIGIN, type GlossaryEntry, type GlossaryIndex } from '../glossary';
import type { TermsIn } from './types';

const USER_ENTRIES = (entry: GlossaryEntry) => entry.origin !== BUILT_IN_ORIGIN;

export function termsFromGlossary(index: GlossaryIndex, include: (entry: GlossaryEntry) => boolean = USER_ENTRIES): TermsIn {
  // Without a user glossary (the usual case) no term can count: the text need not be matched at all.
  if (!index.entries().some(include)) return () => [];
  return (text, span, language) => index.match(text, span.start, span.end)
    .filter((match) => match.language === language && include(match.entry))
    .map((match) => ({
      span: { start: match.start, end: match.end },
      found: text.slice(match.start, match.end),
      counterparts: match.entry[language === 'en' ? 'zh' : 'en'],
    }));
}
