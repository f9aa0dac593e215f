/**
 * What the editor shows of a note's annotations besides the requests of their own: a hover over an
 * annotated span (its comment, tags, status and thread, and the annotations of the other version shown
 * here), an Information finding per orphan, and the entries of an Annotations group in the outline.
 * Comments are Markdown written by users: shown as Markdown, but no image is fetched and no HTML is
 * rendered (`userMarkdown`); everything else that comes from a user's file is escaped (markdown.ts).
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TagDefinition } from '../../core/annotations/tags';
import { format, message, type Locale, type Message } from '../../core/messages';
import type { Span } from '../../core/model';
import type { AnnotationContent, AnnotationView, NoteAnnotations, ProjectedView } from '../annotations';
import { codeSpan, escapeMarkdown } from '../markdown';
import { fileName } from '../uris';
import type { HoverAnswer } from './hover';
import type { NoteFinding } from './findings';

/** How much of a quote a hover, a finding or an outline entry shows. */
const QUOTE_SHOWN = 60;

/** The hover at `offset`: every annotation and projection covering it; undefined when none does. */
export function annotationHover(annotations: NoteAnnotations, offset: number, locale: Locale): HoverAnswer | undefined {
  const own = annotations.placed.filter((view) => view.span && covers(view.span, offset));
  const projected = annotations.projected.filter((view) => covers(view.span, offset));
  if (own.length === 0 && projected.length === 0) return undefined;
  const spans = [...own.map((view) => view.span as Span), ...projected.map((view) => view.span)];
  const say = (said: Message) => format(locale, said);
  const parts = [
    ...own.map((view) => contentMarkdown(view, annotations.tags, locale)),
    ...projected.map((view) => `${say(projectedHeading(view))}\n\n${contentMarkdown(view, annotations.tags, locale)}`),
  ];
  // The innermost span: the hover's range is where all of them overlap.
  const span = { start: Math.max(...spans.map((s) => s.start)), end: Math.min(...spans.map((s) => s.end)) };
  return { span: span.start <= span.end ? span : spans[0], markdown: parts.join('\n\n---\n\n') };
}

function covers(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

const LEVELS = {
  sentence: message('annotation.level.sentence'), point: message('annotation.level.point'), paragraph: message('annotation.level.paragraph'),
} as const;

function projectedHeading(view: ProjectedView): Message {
  return message('annotation.projected', { level: LEVELS[view.level], file: escapeMarkdown(fileName(view.source.document.uri)) });
}

function contentMarkdown(view: AnnotationContent, taxonomy: readonly TagDefinition[], locale: Locale): string {
  const say = (said: Message) => format(locale, said);
  const heading = [
    `**${escapeMarkdown(motivationLabel(view.motivation, locale))}**`,
    ...(view.status ? [say(message(view.status === 'resolved' ? 'annotation.resolved' : 'annotation.open'))] : []),
    ...(view.creator ? [say(message('annotation.by', { creator: escapeMarkdown(view.creator) }))] : []),
  ].join(' · ');
  const labels = view.tags.map((tag) => codeSpan(tagLabel(tag, taxonomy, locale)));
  const tags = labels.length > 0 ? say(message('annotation.tags', { tags: labels })) : '';
  const replies = view.replies.map((reply) => `> ${reply.creator ? `**${escapeMarkdown(reply.creator)}**: ` : ''}${oneParagraph(reply.comment)}`);
  return [heading, view.comment ? userMarkdown(view.comment) : '', tags, ...replies].filter((part) => part !== '').join('\n\n');
}

const MOTIVATION_LABELS: Readonly<Record<string, Message>> = {
  commenting: message('annotation.commenting'), questioning: message('annotation.questioning'), tagging: message('annotation.tagging'),
  highlighting: message('annotation.highlighting'), linking: message('annotation.linking'),
};

function motivationLabel(motivation: string, locale: Locale): string {
  const label = MOTIVATION_LABELS[motivation];
  return label ? format(locale, label) : motivation;
}

function tagLabel(name: string, taxonomy: readonly TagDefinition[], locale: Locale): string {
  return taxonomy.find((tag) => tag.name === name)?.label[locale] ?? name;
}

/** A reply inside a quote block: its lines joined, as Markdown made safe. */
function oneParagraph(comment: string): string {
  return userMarkdown(comment).replace(/\r?\n/g, ' ');
}

/**
 * A user's Markdown, shown as Markdown but never as an image or HTML: `![` becomes `!\[` (a link, or
 * text, whose target is not fetched), `<` and `&` become entities (no element, no entity of the user's;
 * entities, unlike a backslash, cannot be undone by a backslash typed before them), outside fenced code,
 * where nothing renders anyway. Line by line, linear.
 */
export function userMarkdown(markdown: string): string {
  let fence: string | undefined;
  return markdown.split(/\r\n|\r|\n/).map((line) => {
    const opening = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== undefined) {
      if (opening && opening[0] === fence[0] && opening.length >= fence.length) fence = undefined;
      return line;
    }
    if (opening) {
      fence = opening;
      return line;
    }
    return line.replace(/!\[/g, '!\\[').replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;'));
  }).join('\n');
}

/** An Information finding for each orphan, where it stood (clamped to the text). */
export function orphanFindings(
  document: TextDocument, orphans: readonly AnnotationView[], sidecar: string, toUtf16: (codePoint: number) => number, locale: Locale,
): NoteFinding[] {
  const length = document.getText().length;
  return orphans.map((view) => {
    const start = view.recorded ? Math.min(toUtf16(view.recorded.start), length) : 0;
    const end = view.recorded ? Math.min(Math.max(toUtf16(view.recorded.end), start), length) : 0;
    const quote = view.quote ? message('annotation.orphaned.quote', { quote: shortQuote(view.quote) }) : '';
    const said = message('annotation.orphaned', { quote, file: fileName(sidecar) });
    return { code: 'annotation-orphaned', severity: 'information', span: { start, end }, message: format(locale, said), related: [] };
  });
}

export function shortQuote(quote: string): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  return flat.length > QUOTE_SHOWN ? `${flat.slice(0, QUOTE_SHOWN - 1)}…` : flat;
}

/** The hover of a position: the annotations' part first, then what the note says there. */
export function withAnnotationHover(annotations: HoverAnswer | undefined, other: HoverAnswer | undefined): HoverAnswer | undefined {
  if (!annotations || !other) return annotations ?? other;
  return { span: other.span, markdown: `${annotations.markdown}\n\n---\n\n${other.markdown}` };
}

/** An entry of the outline's Annotations group. */
export interface AnnotationEntry {
  readonly name: string;
  readonly detail: string;
  readonly span: Span;
}

/** The placed annotations as outline entries, in document order (orphans have no place in it). */
export function annotationEntries(annotations: NoteAnnotations, locale: Locale): AnnotationEntry[] {
  return annotations.placed.flatMap((view) => {
    if (!view.span) return [];
    const tags = view.tags.map((tag) => tagLabel(tag, annotations.tags, locale));
    const comment = view.comment.replace(/\s+/g, ' ').trim();
    return [{ name: shortQuote(view.quote) || motivationLabel(view.motivation, locale), detail: [...tags, comment.slice(0, QUOTE_SHOWN)].filter(Boolean).join(' · '), span: view.span }];
  });
}
