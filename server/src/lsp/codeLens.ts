/** textDocument/codeLens: `↔ 中文 ¶4` above each paired paragraph; clicking runs the client's reveal command. */
import type { CodeLens } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { GO_TO_COUNTERPART_COMMAND } from '../protocol';
import type { Lens } from '../service/features/counterparts';
import { toLocation } from './positions';

export function codeLenses(document: TextDocument, lenses: readonly Lens[]): CodeLens[] {
  return lenses.map((lens) => {
    const position = document.positionAt(lens.offset);
    const target = toLocation(lens.target);
    return {
      range: { start: position, end: position },
      command: { title: lens.title, command: GO_TO_COUNTERPART_COMMAND, arguments: [target.uri, target.range] },
    };
  });
}
