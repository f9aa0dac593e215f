/**
 * `workspace/executeCommand` `diplonote.addTermPair`: the service plans the glossary change (and checks
 * the argument); here it is sent with `workspace/applyEdit`, if this client can take it. The server
 * never writes a file itself. The client must supply the rendering: a server cannot ask for free text.
 */
import {
  MessageType, type ClientCapabilities, type Connection, type CreateFile, type TextDocumentEdit, type WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AddTermPairResult } from '../protocol';
import type { TermPairPlan } from '../service/features/termPair';
import { WORKSPACE_GLOSSARY } from '../service/features/termPair';

type EditPlan = Extract<TermPairPlan, { kind: 'edit' }>;

export interface AddTermPairContext {
  readonly connection: Connection;
  readonly capabilities: ClientCapabilities;
  tell(type: MessageType, message: string): void;
}

export async function addTermPair(plan: TermPairPlan, context: AddTermPairContext): Promise<AddTermPairResult | null> {
  if (plan.kind === 'message') {
    context.tell(plan.level === 'info' ? MessageType.Info : MessageType.Warning, plan.message);
    return null;
  }
  const refusal = unsupported(plan, context.capabilities);
  if (refusal) {
    context.tell(MessageType.Warning, refusal);
    return null;
  }
  const answer = await context.connection.workspace.applyEdit({ label: `Add ${plan.pairText} to the glossary`, edit: workspaceEdit(plan) })
    .catch((error: unknown) => ({ applied: false, failureReason: error instanceof Error ? error.message : String(error) }));
  if (answer.applied) context.tell(MessageType.Info, plan.appliedMessage);
  else context.tell(MessageType.Warning, `${plan.notAppliedMessage}${answer.failureReason ? `: ${answer.failureReason}` : '.'}`);
  return { glossary: plan.glossary, applied: answer.applied };
}

/** Why this client cannot take the edit, or undefined when it can. */
function unsupported(plan: EditPlan, capabilities: ClientCapabilities): string | undefined {
  if (capabilities.workspace?.applyEdit !== true) {
    return `this editor does not take edits from the server (workspace/applyEdit); add ${plan.pairText} to ${WORKSPACE_GLOSSARY} by hand.`;
  }
  const operations = capabilities.workspace.workspaceEdit?.resourceOperations ?? [];
  if (plan.create && !operations.includes('create')) {
    return `this editor cannot create files on the server's behalf; create ${WORKSPACE_GLOSSARY} containing { "entries": [] } in the workspace folder and run the action again.`;
  }
  return undefined;
}

function workspaceEdit(plan: EditPlan): WorkspaceEdit {
  const saved = TextDocument.create(plan.glossary, 'json', 0, plan.existing);
  const edits = plan.changes.map((c) => ({ range: { start: saved.positionAt(c.offset), end: saved.positionAt(c.offset + c.length) }, newText: c.content }));
  if (!plan.create) return { changes: { [plan.glossary]: edits } };
  const create: CreateFile = { kind: 'create', uri: plan.glossary, options: { overwrite: false, ignoreIfExists: false } };
  const fill: TextDocumentEdit = { textDocument: { uri: plan.glossary, version: null }, edits };
  return { documentChanges: [create, fill] };
}
