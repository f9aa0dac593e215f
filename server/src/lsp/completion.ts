/**
 * textDocument/completion: the standard courtesy formulas as snippets (opening and closing, first
 * and third person, English and Chinese), and glossary terms in the language being written.
 */
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver';
import type { DocumentAnalysis } from '../analysisCache';
import type { GlossaryEntry } from '../core/glossary';
import { languageAt } from '../core/noteAlignment';
import { detectLanguage } from '../core/text/script';
import formulas from './formulaSnippets.json';

interface FormulaSnippet {
  readonly label: string;
  readonly language: 'en' | 'zh';
  readonly detail: string;
  readonly body: string;
}

const FORMULAS: readonly FormulaSnippet[] = formulas.snippets as FormulaSnippet[];

export function completions(analysis: DocumentAnalysis, offset: number, glossary: readonly GlossaryEntry[]): CompletionItem[] {
  const language = writingLanguage(analysis, offset);
  const formulaItems = FORMULAS.filter((f) => f.language === language).map((formula, index): CompletionItem => ({
    label: formula.label,
    kind: CompletionItemKind.Snippet,
    detail: formula.detail,
    insertText: formula.body,
    insertTextFormat: InsertTextFormat.Snippet,
    sortText: `0${String(index).padStart(3, '0')}`,
  }));
  const termItems = glossary.map((entry): CompletionItem => {
    const [form, counterpart] = language === 'zh' ? [entry.zh[0], entry.en[0]] : [entry.en[0], entry.zh[0]];
    return {
      label: form,
      kind: CompletionItemKind.Text,
      detail: `${counterpart} · ${entry.category}`,
      ...(entry.definition?.[language] ? { documentation: entry.definition[language] } : {}),
      sortText: `1${form}`,
    };
  });
  return [...formulaItems, ...termItems.filter((item) => item.label !== undefined && item.label !== '')];
}

/** The language of the line being written, else of the version the cursor is in. */
function writingLanguage(analysis: DocumentAnalysis, offset: number): 'en' | 'zh' {
  const { document, note } = analysis;
  const line = document.positionAt(offset).line;
  const lineStart = document.offsetAt({ line, character: 0 });
  const onLine = detectLanguage(note.text, lineStart, offset);
  if (onLine === 'en' || onLine === 'zh') return onLine;
  return languageAt(note, offset) === 'zh' ? 'zh' : 'en';
}
