/**
 * Quick fixes for the consistency diagnostics: go to the counterpart, silence one finding with an
 * inline `%% diplonote-ignore <code>` under its paragraph, insert a closing formula built from the
 * opening one, and add a term pair to the glossary (for a term-missing finding, or for selected text).
 * Every change is a WorkspaceEdit the user applies, or a command; nothing is written here.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { itemAt } from '../core/text/spans';
import type { AlignedDocuments } from '../counterparts';
import { collapseSpaces, languageOfText } from '../core/glossary/draft';
import type { Note, Paragraph } from '../core/model';
import { languageAt } from '../core/noteAlignment';
import { countScripts, languageOf } from '../core/text/script';
import { ADD_TERM_PAIR_COMMAND, type AddTermPairArgument } from './addTermPair';
import { counterpartIn } from './definition';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

export const GO_TO_COUNTERPART_COMMAND = 'diplonote.goToCounterpart';

function paragraphAt(note: Note, offset: number): Paragraph | undefined {
  return itemAt(note.paragraphs, offset);
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

/** Glossary terms are short: a longer selection, or one across lines, is not offered as a term. */
const MAX_SELECTED_TERM = 60;
/** The aligned text shown while the user types a rendering: a sentence, cut if it runs long. */
const MAX_CONTEXT = 300;

/** The aligned text in the other language at `offset`, as one line. */
function counterpartText(document: TextDocument, aligned: AlignedDocuments | undefined, offset: number, language: 'en' | 'zh'): string | undefined {
  const found = aligned && counterpartIn(document, aligned, offset, language);
  if (!found) return undefined;
  const text = found.target.getText();
  const joined = collapseSpaces(found.counterpart.target.map((span) => text.slice(span.start, span.end)).join(' '));
  return joined.length > MAX_CONTEXT ? `${joined.slice(0, MAX_CONTEXT - 1)}…` : joined;
}

function addTermPair(title: string, kind: string, argument: AddTermPairArgument, diagnostic?: Diagnostic): CodeAction {
  return {
    title, kind, ...(diagnostic ? { diagnostics: [diagnostic] } : {}),
    command: { title, command: ADD_TERM_PAIR_COMMAND, arguments: [argument] },
  };
}

/** The term a term-missing diagnostic is about: as found in the text (its `data`), else under its range. */
function missingTerm(document: TextDocument, diagnostic: Diagnostic): string {
  const data: unknown = diagnostic.data;
  const found = data !== null && typeof data === 'object' ? (data as { found?: unknown }).found : undefined;
  return collapseSpaces(typeof found === 'string' ? found : document.getText(diagnostic.range));
}

/** term-missing: the translator's own rendering of the term is accepted into the glossary. */
function addMissingTerm(document: TextDocument, note: Note, diagnostic: Diagnostic, aligned: AlignedDocuments | undefined): CodeAction | undefined {
  const term = missingTerm(document, diagnostic);
  if (!term) return undefined;
  const offset = document.offsetAt(diagnostic.range.start);
  const side = languageAt(note, offset);
  const language = side === 'en' || side === 'zh' ? side : languageOfText(term);
  const context = counterpartText(document, aligned, offset, language);
  return addTermPair(`Add a rendering of '${term}' to the workspace glossary…`, CodeActionKind.QuickFix,
    { uri: document.uri, language, term, ...(context ? { context } : {}) }, diagnostic);
}

/**
 * Selected text becomes a glossary term, its language told by its script. A refactoring rather than a
 * quick fix: it mends no finding, and clients list quick fixes as the answers to the problem at hand.
 * A range that is a finding's own range is the client asking about the finding, not a selection.
 */
function addSelection(document: TextDocument, params: CodeActionParams, aligned: AlignedDocuments | undefined, offered: ReadonlySet<string>): CodeAction | undefined {
  const { range } = params;
  if (range.start.line !== range.end.line || params.context.diagnostics.some((d) => sameRange(d.range, range))) return undefined;
  const selected = document.getText(range);
  const term = collapseSpaces(selected);
  const scripts = countScripts(term, 0, term.length);
  if (scripts.han + scripts.latin === 0 || term.length > MAX_SELECTED_TERM || offered.has(term)) return undefined;
  const language = languageOf(scripts) === 'zh' ? 'zh' : 'en';
  const offset = document.offsetAt(range.start) + (selected.length - selected.trimStart().length);
  const context = counterpartText(document, aligned, offset, language);
  return addTermPair(`Add '${term}' to the workspace glossary…`, CodeActionKind.RefactorExtract,
    { uri: document.uri, language, term, ...(context ? { context } : {}) });
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** Kinds are hierarchical (`refactor` covers `refactor.extract`); no `only` lets every kind through. */
function wanted(only: readonly string[] | undefined, kind: string | undefined): boolean {
  return !only || only.some((prefix) => kind === prefix || (kind ?? '').startsWith(`${prefix}.`));
}

export function codeActions(document: TextDocument, note: Note, params: CodeActionParams, aligned?: AlignedDocuments): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'string') continue;
    const found = [
      goToCounterpart(diagnostic),
      diagnostic.code === 'closing-missing' ? insertClosing(document, note, diagnostic) : undefined,
      diagnostic.code === 'term-missing' ? addMissingTerm(document, note, diagnostic, aligned) : undefined,
      ignore(document, note, diagnostic, diagnostic.code),
    ];
    for (const action of found) if (action) actions.push(action);
  }
  const offered = new Set(params.context.diagnostics.filter((d) => d.code === 'term-missing').map((d) => missingTerm(document, d)));
  const selection = addSelection(document, params, aligned, offered);
  if (selection) actions.push(selection);
  return actions.filter((action) => wanted(params.context.only, action.kind));
}
