/**
 * textDocument/definition: from any position to the same place in the other language version — the
 * aligned sentence, else the numbered point, else the paragraph — as a LocationLink whose target
 * range is the paragraph and whose selection is the finest unit found.
 */
import type { LocationLink } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AlignedDocuments } from '../counterparts';
import { counterpartAt, type Counterpart } from '../core/noteAlignment';
import type { Language, Span } from '../core/model';
import { toRange } from './positions';
import type { TermCounterpart } from './termCounterpart';

export function definition(
  document: TextDocument, aligned: AlignedDocuments, offset: number, language: Language, term?: TermCounterpart & { source: Span },
): LocationLink[] | null {
  const found = counterpartIn(document, aligned, offset, language);
  if (!found) return null;
  const { counterpart, target } = found;
  const other = counterpart.from === 'en' ? 'zh' : 'en';
  // On a glossary term whose counterpart the aligned text contains, the jump lands on that term.
  const source = term ? term.source : cover(counterpart.source);
  const selection = term ? term.match : cover(counterpart.target);
  return [{
    originSelectionRange: toRange(document, source),
    targetUri: target.uri,
    targetRange: toRange(target, cover(counterpart.paragraph[other])),
    targetSelectionRange: toRange(target, selection),
  }];
}

/** The counterpart of a position and the document it lies in. */
export function counterpartIn(
  document: TextDocument, aligned: AlignedDocuments, offset: number, language: Language,
): { counterpart: Counterpart; target: TextDocument } | undefined {
  const side = aligned.en === aligned.zh ? language : aligned.en.uri === document.uri ? 'en' : 'zh';
  const counterpart = counterpartAt(aligned.alignment, side, offset);
  if (!counterpart) return undefined;
  return { counterpart, target: counterpart.from === 'en' ? aligned.zh : aligned.en };
}

/** The smallest span covering a unit made of several pieces (a sentence cut by a page break). */
export function cover(spans: readonly Span[]): Span {
  return { start: Math.min(...spans.map((s) => s.start)), end: Math.max(...spans.map((s) => s.end)) };
}
