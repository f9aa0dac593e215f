/**
 * Writing annotation sidecars: the service plans each file's new text (service/annotationStore.ts);
 * here the plans go to the editor as one `workspace/applyEdit` (a file created when missing, the text
 * replaced whole otherwise), and once the editor applied them the service holds them in force. The
 * server never writes a file itself.
 */
import type { ClientCapabilities, Connection, CreateFile, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { SidecarWrite } from '../service';
import { fileName } from '../service/uris';

export interface SidecarEditContext {
  readonly connection: Connection;
  readonly capabilities: ClientCapabilities;
}

export interface SidecarEditOutcome {
  readonly applied: boolean;
  readonly message?: string;
}

export async function applySidecarWrites(writes: readonly SidecarWrite[], label: string, context: SidecarEditContext): Promise<SidecarEditOutcome> {
  const refusal = unsupported(writes, context.capabilities);
  if (refusal) return { applied: false, message: refusal };
  const answer = await context.connection.workspace.applyEdit({ label, edit: workspaceEdit(writes) })
    .catch((error: unknown) => ({ applied: false, failureReason: error instanceof Error ? error.message : String(error) }));
  if (answer.applied) return { applied: true };
  return { applied: false, message: `the editor did not write ${writes.map((w) => fileName(w.uri)).join(', ')}${answer.failureReason ? `: ${answer.failureReason}` : ''}.` };
}

function unsupported(writes: readonly SidecarWrite[], capabilities: ClientCapabilities): string | undefined {
  if (capabilities.workspace?.applyEdit !== true) return 'this editor does not take edits from the server (workspace/applyEdit); corrections cannot be recorded.';
  const operations = capabilities.workspace.workspaceEdit?.resourceOperations ?? [];
  const created = writes.find((write) => write.create);
  if (created && !operations.includes('create')) {
    return `this editor cannot create files on the server's behalf; create ${fileName(created.uri)} holding { "items": [] } beside the note and try again.`;
  }
  return undefined;
}

function workspaceEdit(writes: readonly SidecarWrite[]): WorkspaceEdit {
  return {
    documentChanges: writes.flatMap((write): Array<CreateFile | TextDocumentEdit> => {
      const saved = TextDocument.create(write.uri, 'json', 0, write.existing);
      const replaceAll = { range: { start: { line: 0, character: 0 }, end: saved.positionAt(write.existing.length) }, newText: write.text };
      const fill: TextDocumentEdit = { textDocument: { uri: write.uri, version: null }, edits: [replaceAll] };
      return write.create ? [{ kind: 'create', uri: write.uri, options: { overwrite: false, ignoreIfExists: true } }, fill] : [fill];
    }),
  };
}
