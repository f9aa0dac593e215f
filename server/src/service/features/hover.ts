/**
 * What a hover says: what a cited communication, the note's own reference, a point marker or a glossary
 * term means, with its counterpart in the other language. Nothing where there is nothing to say. Every
 * piece of text that comes from the note or a user's glossary is escaped (`markdown.ts`).
 */
import type { TermMatch } from '../../core/glossary';
import { BUILT_IN_ORIGIN } from '../../core/glossary';
import type { CitedCommunication, OwnReference, Point, Span } from '../../core/model';
import { counterpartMarkers, explainCommunication, referenceParts } from '../../core/explain/explain';
import { itemAt } from '../../core/text/spans';
import { formulaById, formulaPhrase } from '../../core/recognise/formulas';
import type { DocumentAnalysis } from '../analysisCache';
import { codeSpan, escapeMarkdown, fileLink } from '../markdown';
import { termAt, type TermCounterpart } from './counterparts';

export interface HoverAnswer {
  readonly span: Span;
  readonly markdown: string;
}

export async function hoverAt(
  analysis: DocumentAnalysis, offset: number, counterpartOf: (term: TermMatch) => Promise<TermCounterpart | undefined>,
): Promise<HoverAnswer | undefined> {
  const { note } = analysis;
  const citation = itemAt(note.citations, offset);
  if (citation) return { span: citation.span, markdown: communicationText(citation) };
  if (note.ownReference && inside(note.ownReference.value, offset)) {
    return { span: note.ownReference.value, markdown: referenceText(note.ownReference) };
  }
  const paragraph = itemAt(note.paragraphs, offset);
  const point = pointAt(paragraph?.points ?? [], offset);
  if (point) return { span: point.marker, markdown: pointText(point) };
  const formula = paragraph?.formula ? formulaPhrase(note.text, paragraph, paragraph.formula) : undefined;
  if (paragraph?.formula && formula && inside(formula, offset)) return { span: formula, markdown: formulaText(paragraph.formula) };
  const term = termAt(analysis.terms, offset);
  if (term) return { span: { start: term.start, end: term.end }, markdown: termText(term, await counterpartOf(term)) };
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

function communicationText(citation: CitedCommunication): string {
  const c = explainCommunication(citation);
  return [
    `**${escapeMarkdown(citation.text)}** — ${c.typeName} (${c.typeNameZh})`,
    '',
    `| | |\n|---|---|\n| Type | ${citation.type}: ${c.typeName}, ${c.what} |\n| Country | ${escapeMarkdown(citation.country)}: ${c.country}${c.countryZh ? ` (${c.countryZh})` : ''} |\n| Number | ${c.serial} of ${c.year} |`,
    '',
    'A communication from UN Human Rights Council special procedures (特别程序) to a State; the reply cites it by this reference.',
  ].join('\n');
}

function referenceText(reference: OwnReference): string {
  const rows = referenceParts(reference).map(({ part, meaning }) => `| ${codeSpan(part)} | ${escapeMarkdown(meaning)} |`);
  const title = `**${escapeMarkdown(reference.valueText)}** — this note's own reference${reference.fromFrontMatter ? ' (from the front matter)' : ''}`;
  return [title, '', '| part | meaning |', '|---|---|', ...rows].join('\n');
}

/** A courtesy formula: which one, what it does, and how the other language says it (all from formulas.ts). */
function formulaText(id: string): string {
  const formula = formulaById(id);
  if (!formula) return '';
  const role = formula.role === 'opening' ? 'Opening courtesy formula' : 'Closing courtesy formula';
  const roleZh = formula.role === 'opening' ? '开头客套语' : '结尾客套语';
  const person = formula.person === 'first' ? 'first person' : 'third person';
  return [
    `**${escapeMarkdown(formula.name)}** — ${role} (${roleZh}), ${person}`,
    '',
    formula.meaning.en,
    '',
    formula.meaning.zh,
    '',
    `In the other language: ${codeSpan(formula.counterpart)}`,
  ].join('\n');
}

function pointText(point: Point): string {
  const position = point.isFinal ? `final point (${point.ordinal})` : `point ${point.ordinal}`;
  return `**${escapeMarkdown(point.markerText)}** — ${position} of its list\n\nIn the other language: ${counterpartMarkers(point).map(codeSpan).join(', ')}`;
}

/** Proper names are listed in lower case for matching; they are shown as names. */
const NAME_CATEGORIES: ReadonlySet<string> = new Set(['place', 'organisation', 'un-body', 'un-role']);

function displayed(form: string, category: string): string {
  if (!NAME_CATEGORIES.has(category)) return form;
  return form.replace(/(^|[\s(-])([a-z])/g, (_, before: string, letter: string) => before + letter.toUpperCase())
    .replace(/ (Of|The|And|For|To|At|In|On)(?= )/g, (word) => word.toLowerCase());
}

function termText(term: TermMatch, counterpart: TermCounterpart | undefined): string {
  const { entry } = term;
  const lines = [`**${escapeMarkdown(displayed(entry.en[0], entry.category))}** ↔ **${escapeMarkdown(entry.zh[0])}**  \n*${escapeMarkdown(entry.category)}*`];
  const variants = [...entry.en.slice(1), ...entry.zh.slice(1)];
  if (variants.length > 0) lines.push(`Also: ${variants.map(escapeMarkdown).join(', ')}`);
  if (entry.definition?.en) lines.push(escapeMarkdown(entry.definition.en));
  if (entry.definition?.zh) lines.push(escapeMarkdown(entry.definition.zh));
  if (entry.note?.en || entry.note?.zh) lines.push(`*Note:* ${escapeMarkdown([entry.note?.en, entry.note?.zh].filter(Boolean).join(' '))}`);
  if (entry.source) lines.push(`*Source:* ${escapeMarkdown(entry.source)}`);
  if (counterpart) {
    const position = counterpart.document.positionAt(counterpart.match.start);
    const found = counterpart.document.getText().slice(counterpart.match.start, counterpart.match.end);
    lines.push(`In the other version of this note: ${fileLink(found, counterpart.document.uri, position.line + 1, position.character + 1)} (line ${position.line + 1})`);
  }
  if (entry.origin !== BUILT_IN_ORIGIN) lines.push(`*From* ${codeSpan(entry.origin)}`);
  return lines.join('\n\n');
}
