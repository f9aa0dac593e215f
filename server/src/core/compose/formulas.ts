/**
 * Text Diplonote writes into a note, as data and small pure functions: the standard courtesy formulas
 * as snippets (completion), the closing formula that answers an opening one (a quick fix), and the
 * annotation that silences a finding. The recognisers read these forms; this module writes them.
 */
import formulas from './formulaSnippets.json';

export interface FormulaSnippet {
  readonly label: string;
  readonly language: 'en' | 'zh';
  readonly detail: string;
  /** A VS Code snippet: `${1:…}` placeholders. */
  readonly body: string;
}

export const FORMULA_SNIPPETS: readonly FormulaSnippet[] = formulas.snippets as FormulaSnippet[];

const EN_COMPLIMENTS = ' presents its compliments to ';
const EN_CLOSING_TAIL = ' the assurances of its highest consideration.';
const ZH_COMPLIMENTS = '向';
const ZH_GREETING = '致意';

/** The closing formula matching an opening formula: same sender, same addressee. */
export function closingFor(opening: string, language: 'en' | 'zh'): string {
  if (language === 'zh') {
    const greeting = opening.indexOf(ZH_GREETING);
    const to = greeting > 0 ? opening.lastIndexOf(ZH_COMPLIMENTS, greeting) : -1;
    const sender = to > 0 ? opening.slice(0, to) : '';
    const addressee = to > 0 ? opening.slice(to + 1, greeting) : '';
    return `${sender}顺此机会向${addressee}再次致以崇高的敬意。`;
  }
  const at = opening.indexOf(EN_COMPLIMENTS);
  if (at < 0) return `The sender avails itself of this opportunity to renew to the addressee${EN_CLOSING_TAIL}`;
  const after = opening.slice(at + EN_COMPLIMENTS.length);
  const and = after.indexOf(' and ');
  const addressee = and > 0 ? after.slice(0, and) : after.trimEnd().replace(/[.,]$/, '');
  return `${opening.slice(0, at)} avails itself of this opportunity to renew to ${addressee}${EN_CLOSING_TAIL}`;
}

/** The annotation line that silences one finding on the paragraph above it. */
export function ignoreAnnotation(code: string): string {
  return `%% diplonote-ignore ${code}`;
}
