/**
 * Quick fixes for the consistency diagnostics: go to the counterpart, silence one finding with an
 * inline `%% diplonote-ignore <code>` under its paragraph, and insert a closing formula built from
 * the opening one. Every change is a WorkspaceEdit the user applies; nothing is written here.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Note, Paragraph } from '../core/model';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

export const GO_TO_COUNTERPART_COMMAND = 'diplonote.goToCounterpart';

function paragraphAt(note: Note, offset: number): Paragraph | undefined {
  return note.paragraphs.find((p) => offset >= p.span.start && offset < p.span.end);
}

/**
 * Where a line goes right after a paragraph: the start of the next line, or the end of the text when
 * the paragraph is its last line (then the inserted text must begin with a line break).
 */
function afterParagraph(document: TextDocument, paragraph: Paragraph): { range: Range; lastLine: boolean } {
  const end = document.positionAt(paragraph.span.end);
  const lastLine = end.character > 0 && end.line + 1 >= document.lineCount;
  const position = end.character === 0 ? end : lastLine ? end : { line: end.line + 1, character: 0 };
  return { range: { start: position, end: position }, lastLine };
}

function lineAfter(document: TextDocument, paragraph: Paragraph, line: string): TextEdit {
  const { range, lastLine } = afterParagraph(document, paragraph);
  return { range, newText: lastLine ? `\n${line}` : `${line}\n` };
}

function goToCounterpart(diagnostic: Diagnostic): CodeAction | undefined {
  const target = diagnostic.relatedInformation?.[0]?.location;
  if (!target) return undefined;
  return {
    title: 'Go to the counterpart', kind: CodeActionKind.QuickFix, diagnostics: [diagnostic],
    command: { title: 'Go to the counterpart', command: GO_TO_COUNTERPART_COMMAND, arguments: [target.uri, target.range] },
  };
}

function ignore(document: TextDocument, note: Note, diagnostic: Diagnostic, code: string): CodeAction | undefined {
  const paragraph = paragraphAt(note, document.offsetAt(diagnostic.range.start));
  if (!paragraph) return undefined;
  return {
    title: `Ignore ${code} on this paragraph (%% diplonote-ignore)`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic],
    edit: { changes: { [document.uri]: [lineAfter(document, paragraph, `%% diplonote-ignore ${code}`)] } },
  };
}

const EN_COMPLIMENTS = ' presents its compliments to ';
const EN_CLOSING_TAIL = ' the assurances of its highest consideration.';
const ZH_COMPLIMENTS = '向';
const ZH_GREETING = '致意';

/** The closing formula matching an opening formula: same sender, same addressee. */
export function closingFor(opening: string, language: 'en' | 'zh'): string {
  if (language === 'zh') {
    const greeting = opening.indexOf(ZH_GREETING);
    const to = greeting > 0 ? opening.lastIndexOf(ZH_COMPLIMENTS, greeting) : -1;
    const sender = to > 0 ? opening.slice(0, to) : '';
    const addressee = to > 0 ? opening.slice(to + 1, greeting) : '';
    return `${sender}顺此机会向${addressee}再次致以崇高的敬意。`;
  }
  const at = opening.indexOf(EN_COMPLIMENTS);
  if (at < 0) return `The sender avails itself of this opportunity to renew to the addressee${EN_CLOSING_TAIL}`;
  const after = opening.slice(at + EN_COMPLIMENTS.length);
  const and = after.indexOf(' and ');
  const addressee = and > 0 ? after.slice(0, and) : after.trimEnd().replace(/[.,]$/, '');
  return `${opening.slice(0, at)} avails itself of this opportunity to renew to ${addressee}${EN_CLOSING_TAIL}`;
}

function insertClosing(document: TextDocument, note: Note, diagnostic: Diagnostic): CodeAction | undefined {
  const opening = paragraphAt(note, document.offsetAt(diagnostic.range.start));
  if (!opening) return undefined;
  const language = opening.language === 'zh' ? 'zh' : 'en';
  const lastOfLanguage = [...note.paragraphs].reverse().find((p) => p.language === opening.language) ?? opening;
  const text = closingFor(note.text.slice(opening.span.start, opening.span.end), language);
  const { range, lastLine } = afterParagraph(document, lastOfLanguage);
  return {
    title: 'Insert the closing formula', kind: CodeActionKind.QuickFix, diagnostics: [diagnostic],
    edit: { changes: { [document.uri]: [{ range, newText: lastLine ? `\n\n${text}` : `\n${text}\n` }] } },
  };
}

export function codeActions(document: TextDocument, note: Note, params: CodeActionParams): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'string') continue;
    const found = [
      goToCounterpart(diagnostic),
      diagnostic.code === 'closing-missing' ? insertClosing(document, note, diagnostic) : undefined,
      ignore(document, note, diagnostic, diagnostic.code),
    ];
    for (const action of found) if (action) actions.push(action);
  }
  return actions;
}
