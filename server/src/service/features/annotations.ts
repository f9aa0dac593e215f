/**
 * What the editor shows of a note's annotations besides the requests of their own: a hover over an
 * annotated span (its comment, tags, status and thread, and the annotations of the other version shown
 * here), an Information finding per orphan, and the entries of an Annotations group in the outline.
 * Comments are Markdown written by users: shown as Markdown, but no image is fetched and no HTML is
 * rendered (`userMarkdown`); everything else that comes from a user's file is escaped (markdown.ts).
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TagDefinition } from '../../core/annotations/tags';
import type { Span } from '../../core/model';
import type { AnnotationContent, AnnotationView, NoteAnnotations, ProjectedView } from '../annotations';
import { escapeMarkdown } from '../markdown';
import { fileName } from '../uris';
import type { HoverAnswer } from './hover';
import type { NoteFinding } from './findings';

/** How much of a quote a hover, a finding or an outline entry shows. */
const QUOTE_SHOWN = 60;

/** The hover at `offset`: every annotation and projection covering it; undefined when none does. */
export function annotationHover(annotations: NoteAnnotations, offset: number): HoverAnswer | undefined {
  const own = annotations.placed.filter((view) => view.span && covers(view.span, offset));
  const projected = annotations.projected.filter((view) => covers(view.span, offset));
  if (own.length === 0 && projected.length === 0) return undefined;
  const spans = [...own.map((view) => view.span as Span), ...projected.map((view) => view.span)];
  const parts = [
    ...own.map((view) => contentMarkdown(view, annotations.tags)),
    ...projected.map((view) => `${projectedHeading(view)}\n\n${contentMarkdown(view, annotations.tags)}`),
  ];
  // The innermost span: the hover's range is where all of them overlap.
  const span = { start: Math.max(...spans.map((s) => s.start)), end: Math.min(...spans.map((s) => s.end)) };
  return { span: span.start <= span.end ? span : spans[0], markdown: parts.join('\n\n---\n\n') };
}

function covers(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

function projectedHeading(view: ProjectedView): string {
  return `*Projected from the other version (${view.level}), ${escapeMarkdown(fileName(view.source.document.uri))}*`;
}

function contentMarkdown(view: AnnotationContent, taxonomy: readonly TagDefinition[]): string {
  const heading = [
    `**${escapeMarkdown(motivationLabel(view.motivation))}**`,
    ...(view.status ? [view.status === 'resolved' ? 'resolved' : 'open'] : []),
    ...(view.creator ? [`by ${escapeMarkdown(view.creator)}`] : []),
  ].join(' · ');
  const tags = view.tags.length > 0 ? `Tags: ${view.tags.map((tag) => `\`${tagLabel(tag, taxonomy).replace(/`/g, "'")}\``).join(', ')}` : '';
  const replies = view.replies.map((reply) => `> ${reply.creator ? `**${escapeMarkdown(reply.creator)}**: ` : ''}${oneParagraph(reply.comment)}`);
  return [heading, view.comment ? userMarkdown(view.comment) : '', tags, ...replies].filter((part) => part !== '').join('\n\n');
}

function motivationLabel(motivation: string): string {
  const labels: Readonly<Record<string, string>> = {
    commenting: 'Comment', questioning: 'Question', tagging: 'Tags', highlighting: 'Highlight', linking: 'Link',
  };
  return labels[motivation] ?? motivation;
}

function tagLabel(name: string, taxonomy: readonly TagDefinition[]): string {
  return taxonomy.find((tag) => tag.name === name)?.label.en ?? name;
}

/** A reply inside a quote block: its lines joined, as Markdown made safe. */
function oneParagraph(comment: string): string {
  return userMarkdown(comment).replace(/\r?\n/g, ' ');
}

/**
 * A user's Markdown, shown as Markdown but never as an image or HTML: `![` becomes `!\[` (a link, or
 * text, whose target is not fetched), `<` and `&` are escaped (no element, no entity), outside fenced
 * code, where nothing renders anyway. Line by line, linear.
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
    return line.replace(/!\[/g, '!\\[').replace(/[<&]/g, '\\$&');
  }).join('\n');
}

/** An Information finding for each orphan, where it stood (clamped to the text). */
export function orphanFindings(document: TextDocument, orphans: readonly AnnotationView[], sidecar: string, toUtf16: (codePoint: number) => number): NoteFinding[] {
  const length = document.getText().length;
  return orphans.map((view) => {
    const start = view.recorded ? Math.min(toUtf16(view.recorded.start), length) : 0;
    const end = view.recorded ? Math.min(Math.max(toUtf16(view.recorded.end), start), length) : 0;
    const quote = view.quote ? ` on “${shortQuote(view.quote)}”` : '';
    return {
      code: 'annotation-orphaned', severity: 'information', span: { start, end },
      message: `An annotation${quote} is no longer found in the note (orphaned); it is kept in ${fileName(sidecar)}.`,
      related: [],
    };
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
export function annotationEntries(annotations: NoteAnnotations): AnnotationEntry[] {
  return annotations.placed.flatMap((view) => {
    if (!view.span) return [];
    const tags = view.tags.map((tag) => tagLabel(tag, annotations.tags));
    const comment = view.comment.replace(/\s+/g, ' ').trim();
    return [{ name: shortQuote(view.quote) || motivationLabel(view.motivation), detail: [...tags, comment.slice(0, QUOTE_SHOWN)].filter(Boolean).join(' · '), span: view.span }];
  });
}
