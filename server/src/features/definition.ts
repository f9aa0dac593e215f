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

export function definition(document: TextDocument, aligned: AlignedDocuments, offset: number, language: Language): LocationLink[] | null {
  const found = counterpartIn(document, aligned, offset, language);
  if (!found) return null;
  const { counterpart, target } = found;
  const other = counterpart.from === 'en' ? 'zh' : 'en';
  return [{
    originSelectionRange: toRange(document, cover(counterpart.source)),
    targetUri: target.uri,
    targetRange: toRange(target, cover(counterpart.paragraph[other])),
    targetSelectionRange: toRange(target, cover(counterpart.target)),
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
