/**
 * textDocument/definition: from a cited reference to the notes that carry it as their own (the target
 * range is the reference's line, the selection the reference); from any other position to the same
 * place in the other language version, as a LocationLink whose target range is the paragraph and whose
 * selection is the finest unit found.
 */
import type { LocationLink } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { NoteDefinition } from '../service';
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

export function noteDefinition(document: TextDocument, found: NoteDefinition): LocationLink[] {
  const originSelectionRange = toRange(document, found.origin);
  return found.targets.map((target) => ({ originSelectionRange, targetUri: target.uri, targetRange: target.line, targetSelectionRange: target.range }));
}
