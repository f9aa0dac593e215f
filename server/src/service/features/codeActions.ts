/**
 * Quick fixes for the findings, as plain edits and commands: silence one finding with an inline
 * `%% diplonote-ignore <code>` under its paragraph, insert the closing formula that answers the
 * opening one, and add a term pair to the glossary (for a term-missing finding, or for selected text).
 * Going to the counterpart needs only the finding's own related location: the protocol layer offers it.
 */
import { closingFor, ignoreAnnotation } from '../../core/compose/formulas';
import { collapseSpaces, languageOfText } from '../../core/glossary/draft';
import type { Note, Paragraph, Span } from '../../core/model';
import { format, message, type Locale, type Message } from '../../core/messages';
import { languageAt } from '../../core/noteAlignment';
import { lineOfOffset } from '../../core/text/lines';
import { countScripts, languageOf } from '../../core/text/script';
import { itemAt } from '../../core/text/spans';
import type { DocumentAnalysis } from '../analysisCache';
import type { TermPairRequest } from '../arguments';
import type { AlignedDocuments } from '../pairing';
import { counterpartIn } from './counterparts';

/** A finding the client holds (a diagnostic it was sent), as far as the actions need it. */
export interface FindingRef {
  readonly code: string;
  readonly span: Span;
  /** For term-missing: the term as found in the text. */
  readonly found?: string;
}

export interface ActionData {
  readonly title: string;
  readonly kind: 'quickfix' | 'refactor.extract';
  /** The index in the request of the finding it answers. */
  readonly finding?: number;
  /** Insertions into the note itself. */
  readonly edits?: readonly { readonly span: Span; readonly newText: string }[];
  /** The pair to add to the glossary, for the `addTermPair` command (the client asks for the rendering). */
  readonly termPair?: TermPairRequest;
}

export interface ActionRequest {
  readonly selection: Span;
  readonly findings: readonly FindingRef[];
}

/** Glossary terms are short: a longer selection is not offered as a term. */
const MAX_SELECTED_TERM = 60;
/** The aligned text shown while the user types a rendering: a sentence, cut if it runs long. */
const MAX_CONTEXT = 300;

export function actionsFor(analysis: DocumentAnalysis, request: ActionRequest, aligned: AlignedDocuments | undefined, locale: Locale): ActionData[] {
  const actions: Action[] = [];
  request.findings.forEach((finding, index) => {
    const found = [
      finding.code === 'closing-missing' ? insertClosing(analysis.note, finding, index) : undefined,
      finding.code === 'term-missing' ? addMissingTerm(analysis, finding, index, aligned) : undefined,
      ignore(analysis.note, finding, index),
    ];
    for (const action of found) if (action) actions.push(action);
  });
  const offered = new Set(request.findings.filter((f) => f.code === 'term-missing').map((f) => missingTerm(analysis.note, f)));
  const selection = addSelection(analysis, request, aligned, offered);
  if (selection) actions.push(selection);
  return actions.map((action) => ({ ...action, title: format(locale, action.title) }));
}

/** An action as made here: its title still to be said in the user's language. */
type Action = Omit<ActionData, 'title'> & { readonly title: Message };

/**
 * Where a line goes right after a paragraph: the start of the next line, or the end of the text when
 * the paragraph ends the last line (then the inserted text must begin with a line break).
 */
function afterParagraph(note: Note, paragraph: Paragraph): { offset: number; lastLine: boolean } {
  const end = paragraph.span.end;
  const line = lineOfOffset(note.lineStarts, end);
  if (end === note.lineStarts[line]) return { offset: end, lastLine: false };
  if (line + 1 >= note.lineStarts.length) return { offset: end, lastLine: true };
  return { offset: note.lineStarts[line + 1], lastLine: false };
}

function insertion(offset: number, newText: string): { span: Span; newText: string }[] {
  return [{ span: { start: offset, end: offset }, newText }];
}

function ignore(note: Note, finding: FindingRef, index: number): Action | undefined {
  const paragraph = itemAt(note.paragraphs, finding.span.start);
  if (!paragraph) return undefined;
  const { offset, lastLine } = afterParagraph(note, paragraph);
  const line = ignoreAnnotation(finding.code);
  return {
    title: message('action.ignore', { code: finding.code }), kind: 'quickfix', finding: index,
    edits: insertion(offset, lastLine ? `\n${line}` : `${line}\n`),
  };
}

function insertClosing(note: Note, finding: FindingRef, index: number): Action | undefined {
  const opening = itemAt(note.paragraphs, finding.span.start);
  if (!opening) return undefined;
  const language = opening.language === 'zh' ? 'zh' : 'en';
  const lastOfLanguage = [...note.paragraphs].reverse().find((p) => p.language === opening.language) ?? opening;
  const text = closingFor(note.text.slice(opening.span.start, opening.span.end), language);
  const { offset, lastLine } = afterParagraph(note, lastOfLanguage);
  return { title: message('action.insert-closing'), kind: 'quickfix', finding: index, edits: insertion(offset, lastLine ? `\n\n${text}` : `\n${text}\n`) };
}

/** The aligned text in the other language at `offset`, as one line. */
function counterpartText(analysis: DocumentAnalysis, aligned: AlignedDocuments | undefined, offset: number, language: 'en' | 'zh'): string | undefined {
  const found = aligned && counterpartIn(analysis, aligned, offset, language);
  if (!found) return undefined;
  const text = found.target.getText();
  const joined = collapseSpaces(found.counterpart.target.map((span) => text.slice(span.start, span.end)).join(' '));
  return joined.length > MAX_CONTEXT ? `${joined.slice(0, MAX_CONTEXT - 1)}…` : joined;
}

/** The term a term-missing finding is about: as found in the text (its `data`), else under its span. */
function missingTerm(note: Note, finding: FindingRef): string {
  return collapseSpaces(finding.found ?? note.text.slice(finding.span.start, finding.span.end));
}

/** term-missing: the translator's own rendering of the term is accepted into the glossary. */
function addMissingTerm(analysis: DocumentAnalysis, finding: FindingRef, index: number, aligned: AlignedDocuments | undefined): Action | undefined {
  const term = missingTerm(analysis.note, finding);
  if (!term) return undefined;
  const offset = finding.span.start;
  const side = languageAt(analysis.note, offset);
  const language = side === 'en' || side === 'zh' ? side : languageOfText(term);
  const context = counterpartText(analysis, aligned, offset, language);
  return {
    title: message('action.add-rendering', { term }), kind: 'quickfix', finding: index,
    termPair: { uri: analysis.document.uri, language, term, ...(context ? { context } : {}) },
  };
}

/**
 * Selected text becomes a glossary term, its language told by its script. A refactoring rather than a
 * quick fix: it mends no finding, and clients list quick fixes as the answers to the problem at hand.
 * A selection that is a finding's own span is the client asking about the finding, not a selection.
 */
function addSelection(analysis: DocumentAnalysis, request: ActionRequest, aligned: AlignedDocuments | undefined, offered: ReadonlySet<string>): Action | undefined {
  const { selection } = request;
  const selected = analysis.note.text.slice(selection.start, selection.end);
  if (/[\r\n]/.test(selected) || request.findings.some((f) => f.span.start === selection.start && f.span.end === selection.end)) return undefined;
  const term = collapseSpaces(selected);
  const scripts = countScripts(term, 0, term.length);
  if (scripts.han + scripts.latin === 0 || term.length > MAX_SELECTED_TERM || offered.has(term)) return undefined;
  const language = languageOf(scripts) === 'zh' ? 'zh' : 'en';
  const offset = selection.start + (selected.length - selected.trimStart().length);
  const context = counterpartText(analysis, aligned, offset, language);
  return {
    title: message('action.add-selection', { term }), kind: 'refactor.extract',
    termPair: { uri: analysis.document.uri, language, term, ...(context ? { context } : {}) },
  };
}
