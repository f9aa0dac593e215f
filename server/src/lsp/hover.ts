/**
 * textDocument/hover: what a cited communication, the note's own reference, a point marker or a
 * glossary term means, with its counterpart in the other language. Nothing where there is nothing
 * to say: no empty hovers.
 */
import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentAnalysis } from '../analysisCache';
import type { TermMatch } from '../core/glossary';
import type { CitedCommunication, OwnReference, Point, Span } from '../core/model';
import { counterpartMarkers, explainCommunication, referenceParts } from '../core/explain/explain';
import { itemAt } from '../core/text/spans';
import { toRange } from './positions';
import { termAt, type TermCounterpart } from './termCounterpart';

export function hover(analysis: DocumentAnalysis, offset: number, counterpartOf: (term: TermMatch) => TermCounterpart | undefined): Hover | null {
  const { note, document } = analysis;
  const citation = itemAt(note.citations, offset);
  if (citation) return answer(document, citation.span, communicationText(citation));
  if (note.ownReference && inside(note.ownReference.value, offset)) {
    return answer(document, note.ownReference.value, referenceText(note.ownReference));
  }
  const point = pointAt(itemAt(note.paragraphs, offset)?.points ?? [], offset);
  if (point) return answer(document, point.marker, pointText(point));
  const term = termAt(analysis.terms, offset);
  if (term) return answer(document, term, termText(term, counterpartOf(term)));
  return null;
}

function answer(document: TextDocument, span: Span, markdown: string): Hover {
  return { contents: { kind: MarkupKind.Markdown, value: markdown }, range: toRange(document, span) };
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
    `**${citation.text}** — ${c.typeName} (${c.typeNameZh})`,
    '',
    `| | |\n|---|---|\n| Type | ${citation.type}: ${c.typeName}, ${c.what} |\n| Country | ${citation.country}: ${c.country}${c.countryZh ? ` (${c.countryZh})` : ''} |\n| Number | ${c.serial} of ${c.year} |`,
    '',
    'A communication from UN Human Rights Council special procedures (特别程序) to a State; the reply cites it by this reference.',
  ].join('\n');
}

function referenceText(reference: OwnReference): string {
  const rows = referenceParts(reference).map(({ part, meaning }) => `| \`${part}\` | ${meaning} |`);
  return [`**${reference.valueText}** — this note's own reference${reference.fromFrontMatter ? ' (from the front matter)' : ''}`, '', '| part | meaning |', '|---|---|', ...rows].join('\n');
}

function pointText(point: Point): string {
  const position = point.isFinal ? `final point (${point.ordinal})` : `point ${point.ordinal}`;
  return `**${point.markerText}** — ${position} of its list\n\nIn the other language: ${counterpartMarkers(point).map((m) => `\`${m}\``).join(', ')}`;
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
  const lines = [`**${displayed(entry.en[0], entry.category)}** ↔ **${entry.zh[0]}**  \n*${entry.category}*`];
  const variants = [...entry.en.slice(1), ...entry.zh.slice(1)];
  if (variants.length > 0) lines.push(`Also: ${variants.join(', ')}`);
  if (entry.definition?.en) lines.push(entry.definition.en);
  if (entry.definition?.zh) lines.push(entry.definition.zh);
  if (entry.note?.en || entry.note?.zh) lines.push(`*Note:* ${[entry.note?.en, entry.note?.zh].filter(Boolean).join(' ')}`);
  if (entry.source) lines.push(`*Source:* ${entry.source}`);
  if (counterpart) {
    const position = counterpart.document.positionAt(counterpart.match.start);
    const link = `${counterpart.document.uri}#L${position.line + 1},${position.character + 1}`;
    const found = counterpart.document.getText().slice(counterpart.match.start, counterpart.match.end);
    lines.push(`In the other version of this note: [${found}](${link}) (line ${position.line + 1})`);
  }
  if (entry.origin !== 'built-in') lines.push(`*From* \`${entry.origin}\``);
  return lines.join('\n\n');
}
