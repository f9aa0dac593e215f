/** textDocument/completion: formulas as snippets, glossary terms as text. */
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver';
import type { CompletionData } from '../service/features/completion';

export function completions(items: readonly CompletionData[]): CompletionItem[] {
  return items.map((item) => ({
    label: item.label,
    kind: item.kind === 'formula' ? CompletionItemKind.Snippet : CompletionItemKind.Text,
    detail: item.detail,
    ...(item.documentation ? { documentation: item.documentation } : {}),
    ...(item.snippet ? { insertText: item.snippet, insertTextFormat: InsertTextFormat.Snippet } : {}),
    sortText: item.sortText,
  }));
}
