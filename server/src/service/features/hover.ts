/**
 * What a hover says: what a cited communication, the note's own reference, a point marker or a glossary
 * term means, with its counterpart in the other language. Nothing where there is nothing to say. Every
 * piece of text that comes from the note or a user's glossary is escaped (`markdown.ts`).
 */
import type { TermMatch } from '../../core/glossary';
import { BUILT_IN_ORIGIN } from '../../core/glossary';
import type { CitedCommunication, OwnReference, Point, Span } from '../../core/model';
import { counterpartMarkers, explainCommunication, referenceParts } from '../../core/explain/explain';
import { format, message, type Locale, type Message } from '../../core/messages';
import { itemAt } from '../../core/text/spans';
import { formulaById, formulaPhrase } from '../../core/recognise/formulas';
import type { DocumentAnalysis } from '../analysisCache';
import { codeSpan, escapeMarkdown, fileLink } from '../markdown';
import { termAt, type TermCounterpart } from './counterparts';

export interface HoverAnswer {
  readonly span: Span;
  readonly markdown: string;
}

/** What a hover says, in `locale`. */
type Say = (said: Message) => string;

export async function hoverAt(
  analysis: DocumentAnalysis, offset: number, counterpartOf: (term: TermMatch) => Promise<TermCounterpart | undefined>, locale: Locale,
): Promise<HoverAnswer | undefined> {
  const say: Say = (said) => format(locale, said);
  const { note } = analysis;
  const citation = itemAt(note.citations, offset);
  if (citation) return { span: citation.span, markdown: communicationText(citation, say) };
  if (note.ownReference && inside(note.ownReference.value, offset)) {
    return { span: note.ownReference.value, markdown: referenceText(note.ownReference, say) };
  }
  const paragraph = itemAt(note.paragraphs, offset);
  const point = pointAt(paragraph?.points ?? [], offset);
  if (point) return { span: point.marker, markdown: pointText(point, say) };
  const formula = paragraph?.formula ? formulaPhrase(note.text, paragraph, paragraph.formula) : undefined;
  if (paragraph?.formula && formula && inside(formula, offset)) return { span: formula, markdown: formulaText(paragraph.formula, say) };
  const term = termAt(analysis.terms, offset);
  if (term) return { span: { start: term.start, end: term.end }, markdown: termText(term, await counterpartOf(term), say) };
  return undefined;
}

function inside(span: Span, offset: number): boolean {
  return span.start <= offset && offset < span.end;
}

function pointAt(points: readonly Point[], offset: number): Point | undefined {
  for (const point of points) {
    if (inside(point.marker, offset)) return point;
    const child = pointAt(point.children, offset);
    if (child) return child;
  }
  return undefined;
}

function communicationText(citation: CitedCommunication, say: Say): string {
  const c = explainCommunication(citation);
  return say(message('hover.communication', {
    reference: escapeMarkdown(citation.text), typeName: c.typeName, typeNameZh: c.typeNameZh, type: citation.type, what: c.what,
    code: escapeMarkdown(citation.country), country: c.country, serial: c.serial, year: c.year,
  }));
}

function referenceText(reference: OwnReference, say: Say): string {
  const rows = referenceParts(reference).map(({ part, meaning }) => `| ${codeSpan(part)} | ${escapeMarkdown(say(meaning))} |`);
  const value = escapeMarkdown(reference.valueText);
  const title = say(reference.fromFrontMatter ? message('hover.own-reference.front-matter', { reference: value }) : message('hover.own-reference', { reference: value }));
  return [title, '', say(message('hover.reference-parts')), '|---|---|', ...rows].join('\n');
}

/** A courtesy formula: which one, what it does, and how the other language says it (all from formulas.ts). */
function formulaText(id: string, say: Say): string {
  const formula = formulaById(id);
  if (!formula) return '';
  const role = formula.role === 'opening' ? message('hover.formula.opening') : message('hover.formula.closing');
  const person = formula.person === 'first' ? message('hover.formula.first-person') : message('hover.formula.third-person');
  return [
    say(message('hover.formula', { name: escapeMarkdown(formula.name), role, person })),
    '',
    formula.meaning.en,
    '',
    formula.meaning.zh,
    '',
    say(message('hover.other-language', { markers: codeSpan(formula.counterpart) })),
  ].join('\n');
}

function pointText(point: Point, say: Say): string {
  const position = point.isFinal ? message('hover.point.final', { ordinal: point.ordinal }) : message('hover.point.ordinal', { ordinal: point.ordinal });
  return `${say(message('hover.point', { marker: escapeMarkdown(point.markerText), position }))}\n\n`
    + say(message('hover.other-language', { markers: counterpartMarkers(point).map(codeSpan) }));
}

/** Proper names are listed in lower case for matching; they are shown as names. */
const NAME_CATEGORIES: ReadonlySet<string> = new Set(['place', 'organisation', 'un-body', 'un-role']);

function displayed(form: string, category: string): string {
  if (!NAME_CATEGORIES.has(category)) return form;
  return form.replace(/(^|[\s(-])([a-z])/g, (_, before: string, letter: string) => before + letter.toUpperCase())
    .replace(/ (Of|The|And|For|To|At|In|On)(?= )/g, (word) => word.toLowerCase());
}

function termText(term: TermMatch, counterpart: TermCounterpart | undefined, say: Say): string {
  const { entry } = term;
  const lines = [`**${escapeMarkdown(displayed(entry.en[0], entry.category))}** ↔ **${escapeMarkdown(entry.zh[0])}**  \n*${escapeMarkdown(entry.category)}*`];
  const variants = [...entry.en.slice(1), ...entry.zh.slice(1)];
  if (variants.length > 0) lines.push(say(message('hover.term.also', { variants: variants.map(escapeMarkdown) })));
  if (entry.definition?.en) lines.push(escapeMarkdown(entry.definition.en));
  if (entry.definition?.zh) lines.push(escapeMarkdown(entry.definition.zh));
  if (entry.note?.en || entry.note?.zh) lines.push(say(message('hover.term.note', { note: escapeMarkdown([entry.note?.en, entry.note?.zh].filter(Boolean).join(' ')) })));
  if (entry.source) lines.push(say(message('hover.term.source', { source: escapeMarkdown(entry.source) })));
  if (counterpart) {
    const position = counterpart.document.positionAt(counterpart.match.start);
    const found = counterpart.document.getText().slice(counterpart.match.start, counterpart.match.end);
    const link = fileLink(found, counterpart.document.uri, position.line + 1, position.character + 1);
    lines.push(say(message('hover.term.counterpart', { link, line: position.line + 1 })));
  }
  if (entry.origin !== BUILT_IN_ORIGIN) lines.push(say(message('hover.term.from', { file: codeSpan(entry.origin) })));
  return lines.join('\n\n');
}
