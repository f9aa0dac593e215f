/**
 * textDocument/codeAction: the service's quick fixes and refactorings as code actions, plus "Go to the
 * counterpart", which needs nothing but the diagnostic's own related location. Nothing is written
 * here: edits are applied by the user, commands run by the client or the server.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { format, message, type Locale } from '../core/messages';
import { ADD_TERM_PAIR_COMMAND, GO_TO_COUNTERPART_COMMAND, type AddTermPairArgument } from '../protocol';
import { position } from '../service/arguments';
import type { ActionData, FindingRef } from '../service/features/codeActions';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { toRange, toSpan } from './positions';

/** The findings of this server among the diagnostics the client sent, with their index there. */
export function findingsOf(document: TextDocument, params: CodeActionParams): { refs: FindingRef[]; diagnostics: Diagnostic[] } {
  // The client sends back what it was given; anything else in the list is passed over, not read.
  const listed: unknown[] = Array.isArray(params.context?.diagnostics) ? params.context.diagnostics : [];
  const diagnostics = listed.filter((d): d is Diagnostic => isOurDiagnostic(d));
  const refs = diagnostics.map((d): FindingRef => {
    const data: unknown = d.data;
    const found = data !== null && typeof data === 'object' ? (data as { found?: unknown }).found : undefined;
    return { code: String(d.code), span: toSpan(document, d.range), ...(typeof found === 'string' ? { found } : {}) };
  });
  return { refs, diagnostics };
}

function isOurDiagnostic(value: unknown): boolean {
  const d = value as Partial<Diagnostic> | null;
  return d !== null && typeof d === 'object' && d.source === DIAGNOSTIC_SOURCE && typeof d.code === 'string'
    && position(d.range?.start).ok && position(d.range?.end).ok;
}

function goToCounterpart(diagnostic: Diagnostic, locale: Locale): CodeAction | undefined {
  const target = diagnostic.relatedInformation?.[0]?.location;
  if (!target) return undefined;
  const title = format(locale, message('action.go-to-counterpart'));
  return {
    title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic],
    command: { title, command: GO_TO_COUNTERPART_COMMAND, arguments: [target.uri, target.range] },
  };
}

function codeAction(document: TextDocument, action: ActionData, diagnostic: Diagnostic | undefined): CodeAction {
  const argument: AddTermPairArgument | undefined = action.termPair;
  return {
    title: action.title,
    kind: action.kind === 'quickfix' ? CodeActionKind.QuickFix : CodeActionKind.RefactorExtract,
    ...(diagnostic ? { diagnostics: [diagnostic] } : {}),
    ...(action.edits ? { edit: { changes: { [document.uri]: action.edits.map((e) => ({ range: toRange(document, e.span), newText: e.newText })) } } } : {}),
    ...(argument ? { command: { title: action.title, command: ADD_TERM_PAIR_COMMAND, arguments: [argument] } } : {}),
  };
}

/** Kinds are hierarchical (`refactor` covers `refactor.extract`); no `only` lets every kind through. */
function wanted(only: readonly string[] | undefined, kind: string | undefined): boolean {
  return !Array.isArray(only) || only.some((prefix) => kind === prefix || (kind ?? '').startsWith(`${prefix}.`));
}

/** Each finding's actions together, "Go to the counterpart" first; then those on the selection. */
export function codeActions(
  document: TextDocument, params: CodeActionParams, diagnostics: readonly Diagnostic[], actions: readonly ActionData[], locale: Locale,
): CodeAction[] {
  const result: CodeAction[] = [];
  diagnostics.forEach((diagnostic, index) => {
    const goTo = goToCounterpart(diagnostic, locale);
    if (goTo) result.push(goTo);
    for (const action of actions) if (action.finding === index) result.push(codeAction(document, action, diagnostic));
  });
  for (const action of actions) if (action.finding === undefined) result.push(codeAction(document, action, undefined));
  return result.filter((action) => wanted(params.context?.only, action.kind));
}
