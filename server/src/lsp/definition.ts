/**
 * textDocument/definition: from any position to the same place in the other language version, as a
 * LocationLink whose target range is the paragraph and whose selection is the finest unit found.
 */
import type { LocationLink } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Jump } from '../service/features/counterparts';
import { toRange } from './positions';

export function definition(document: TextDocument, jump: Jump | undefined): LocationLink[] | null {
  if (!jump) return null;
  return [{
    originSelectionRange: toRange(document, jump.origin),
    targetUri: jump.target.uri,
    targetRange: toRange(jump.target, jump.range),
    targetSelectionRange: toRange(jump.target, jump.selection),
  }];
}
