/**
 * Completion: the standard courtesy formulas as snippets (opening and closing, first and third person,
 * English and Chinese), and glossary terms, both in the language being written.
 */
import { FORMULA_SNIPPETS } from '../../core/compose/formulas';
import type { GlossaryEntry } from '../../core/glossary';
import { languageAt } from '../../core/noteAlignment';
import { lineOfOffset } from '../../core/text/lines';
import { detectLanguage } from '../../core/text/script';
import type { DocumentAnalysis } from '../analysisCache';

export interface CompletionData {
  readonly label: string;
  readonly kind: 'formula' | 'term';
  readonly detail: string;
  readonly documentation?: string;
  /** For a formula: the snippet to insert, with `${1:…}` placeholders. */
  readonly snippet?: string;
  readonly sortText: string;
}

export function completionsAt(analysis: DocumentAnalysis, offset: number, glossary: readonly GlossaryEntry[]): CompletionData[] {
  const language = writingLanguage(analysis, offset);
  const formulas = FORMULA_SNIPPETS.filter((f) => f.language === language).map((formula, index): CompletionData => ({
    label: formula.label, kind: 'formula', detail: formula.detail, snippet: formula.body, sortText: `0${String(index).padStart(3, '0')}`,
  }));
  const terms: CompletionData[] = [];
  for (const entry of glossary) {
    const [form, counterpart] = language === 'zh' ? [entry.zh[0], entry.en[0]] : [entry.en[0], entry.zh[0]];
    if (!form) continue;
    const documentation = entry.definition?.[language];
    terms.push({ label: form, kind: 'term', detail: `${counterpart} · ${entry.category}`, ...(documentation ? { documentation } : {}), sortText: `1${form}` });
  }
  return [...formulas, ...terms];
}

/** The language of the line being written, else of the version the cursor is in. */
function writingLanguage({ note }: DocumentAnalysis, offset: number): 'en' | 'zh' {
  const lineStart = note.lineStarts[lineOfOffset(note.lineStarts, offset)];
  const onLine = detectLanguage(note.text, lineStart, offset);
  if (onLine === 'en' || onLine === 'zh') return onLine;
  return languageAt(note, offset) === 'zh' ? 'zh' : 'en';
}
