/**
 * `workspace/executeCommand` `diplonote.addTermPair`: the service plans the glossary change (and checks
 * the argument); here it is sent with `workspace/applyEdit`, if this client can take it. The server
 * never writes a file itself. The client must supply the rendering: a server cannot ask for free text.
 */
import { format, message, type Locale, type Message } from '../core/messages';
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
  readonly locale: Locale;
}

export async function addTermPair(plan: TermPairPlan, context: AddTermPairContext): Promise<AddTermPairResult | null> {
  if (plan.kind === 'message') {
    context.tell(plan.level === 'info' ? MessageType.Info : MessageType.Warning, plan.message);
    return null;
  }
  const say = (said: Message) => format(context.locale, said);
  const refusal = unsupported(plan, context.capabilities);
  if (refusal) {
    context.tell(MessageType.Warning, say(refusal));
    return null;
  }
  const label = say(message('termPair.edit-label', { pair: plan.pairText }));
  const answer = await context.connection.workspace.applyEdit({ label, edit: workspaceEdit(plan) })
    .catch((error: unknown) => ({ applied: false, failureReason: error instanceof Error ? error.message : String(error) }));
  const file = plan.glossaryName;
  if (answer.applied) context.tell(MessageType.Info, plan.appliedMessage);
  else context.tell(MessageType.Warning, say(answer.failureReason ? message('termPair.not-changed.reason', { file, reason: answer.failureReason }) : message('termPair.not-changed', { file })));
  return { glossary: plan.glossary, applied: answer.applied };
}

/** Why this client cannot take the edit, or undefined when it can. */
function unsupported(plan: EditPlan, capabilities: ClientCapabilities): Message | undefined {
  if (capabilities.workspace?.applyEdit !== true) return message('termPair.no-apply-edit', { pair: plan.pairText, glossary: WORKSPACE_GLOSSARY });
  const operations = capabilities.workspace.workspaceEdit?.resourceOperations ?? [];
  if (plan.create && !operations.includes('create')) return message('termPair.no-create', { glossary: WORKSPACE_GLOSSARY });
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
