/**
 * `diplonote annotations FILE… [--json | --csv | --jsonl]`: the annotations of each note (its sidecar
 * `NAME.note.annotations.json`) placed on the note as it is now, as the editor places them: range,
 * quote, tags, comment, status, creator, the note's own reference, paragraph number and point ordinal,
 * language, the counterpart's range in the other version; orphans flagged. CSV (OWASP-safe cells, as
 * `export`) and JSON Lines are for research tools; a sidecar with errors is named with its line on
 * standard error and the exit status is 2.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { message } from '../../core/messages';
import { csvTable } from '../../core/export/tmx';
import type { Note, Point, Span } from '../../core/model';
import { itemAt } from '../../core/text/spans';
import type { AnnotationView } from '../../service/annotations';
import type { CommandContext } from '../command';
import { defineCommand, EXIT_UNUSABLE_INPUT } from '../definition';
import { jsonText, printableLines } from '../terminal';

interface Place {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** One annotation, as every output format gives it (flattened for CSV). */
export interface AnnotationRecord {
  readonly file: string;
  readonly id: string;
  readonly motivation: string;
  readonly status: string | null;
  readonly orphaned: boolean;
  /** How it was placed: position, exact, fuzzy (or tracked in an editor), orphaned. */
  readonly anchoring: string;
  /** 1-based, columns in UTF-16 code units as editors count them; null for an orphan. */
  readonly range: Place | null;
  readonly quote: string;
  readonly tags: readonly string[];
  readonly comment: string;
  readonly creator: string | null;
  readonly created: string | null;
  readonly modified: string | null;
  /** The note's own reference. */
  readonly reference: string | null;
  /** The body paragraph's number in its language version (0 for a formula). */
  readonly paragraph: number | null;
  /** The ordinal of the innermost numbered point it lies in. */
  readonly point: number | null;
  readonly language: string | null;
  readonly counterpart: (Place & { readonly file: string; readonly level: string }) | null;
  readonly replies: readonly { readonly id: string; readonly creator: string | null; readonly created: string | null; readonly comment: string }[];
}

const CSV_COLUMNS = [
  'file', 'id', 'motivation', 'status', 'orphaned', 'anchoring', 'line', 'column', 'end_line', 'end_column', 'quote', 'tags', 'comment',
  'creator', 'created', 'modified', 'reference', 'paragraph', 'point', 'language',
  'counterpart_file', 'counterpart_line', 'counterpart_column', 'counterpart_end_line', 'counterpart_end_column', 'counterpart_level', 'replies',
] as const;

export const annotationsCommand = defineCommand({
  name: 'annotations',
  operands: 'FILE…',
  minOperands: 1,
  paths: true,
  summary: message('cli.annotations.summary'),
  details: message('cli.annotations.details'),
  options: {
    json: { type: 'boolean', description: message('cli.annotations.json') },
    jsonl: { type: 'boolean', description: message('cli.annotations.jsonl') },
    csv: { type: 'boolean', description: message('cli.annotations.csv') },
  },
  async run(context, options) {
    if ([options.json, options.jsonl, options.csv].filter(Boolean).length > 1) {
      context.error(`diplonote annotations: ${context.say(message('cli.annotations.one-format'))}`);
      return EXIT_UNUSABLE_INPUT;
    }
    const records: AnnotationRecord[] = [];
    let malformed = false;
    const status = await context.forEachNote(async ({ file, document }) => {
      const found = await context.service.annotationsOf(document);
      for (const problem of found.problems) {
        if (problem.severity !== 'error') continue;
        malformed = true;
        context.error(`diplonote: ${context.display(found.sidecar)}:${problem.line + 1}:${problem.character + 1}: error ${context.say(problem.said)}`);
      }
      const note = context.service.analysed(document);
      records.push(...[...found.placed, ...found.orphans].map((view) => recordOf(context, file, document, note, view)));
    });
    if (options.json) context.out(jsonText(records));
    else if (options.jsonl) context.out(records.map((record) => `${JSON.stringify(record)}\n`).join(''));
    else if (options.csv) context.out(csvTable([[...CSV_COLUMNS], ...records.map(csvRow)]));
    else {
      const lines = records.map((record) => textLine(record, context.say(message('cli.annotations.orphaned')))).join('');
      context.out(context.terminal.interactive ? printableLines(lines) : lines);
    }
    return malformed ? EXIT_UNUSABLE_INPUT : status;
  },
});

function recordOf(context: CommandContext, file: string, document: TextDocument, note: Note, view: AnnotationView): AnnotationRecord {
  const paragraph = view.span ? itemAt(note.paragraphs, view.span.start) : undefined;
  const point = view.span && paragraph ? innermostPoint(paragraph.points, view.span.start) : undefined;
  const { counterpart } = view;
  return {
    file, id: view.id, motivation: view.motivation, status: view.status ?? null, orphaned: !view.span, anchoring: view.anchoring,
    range: view.span ? placeOf(document, view.span) : null,
    quote: view.quote, tags: view.tags, comment: view.comment,
    creator: view.creator ?? null, created: view.created ?? null, modified: view.modified ?? null,
    reference: note.ownReference?.valueText ?? null,
    paragraph: paragraph?.index ?? null,
    point: point?.ordinal ?? null,
    language: view.language ?? paragraph?.language ?? null,
    counterpart: counterpart
      ? { file: context.display(counterpart.document.uri), ...placeOf(counterpart.document, counterpart.span), level: counterpart.level }
      : null,
    replies: view.replies.map((reply) => ({ id: reply.id, creator: reply.creator ?? null, created: reply.created ?? null, comment: reply.comment })),
  };
}

function innermostPoint(points: readonly Point[], offset: number): Point | undefined {
  const point = itemAt(points, offset);
  return point ? innermostPoint(point.children, offset) ?? point : undefined;
}

function placeOf(document: TextDocument, span: Span): Place {
  const start = document.positionAt(span.start);
  const end = document.positionAt(span.end);
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

function csvRow(record: AnnotationRecord): string[] {
  const text = (value: string | number | boolean | null | undefined) => (value === null || value === undefined ? '' : String(value));
  const { range, counterpart } = record;
  return [
    record.file, record.id, record.motivation, text(record.status), text(record.orphaned), record.anchoring,
    text(range?.line), text(range?.column), text(range?.endLine), text(range?.endColumn),
    record.quote, record.tags.join('; '), record.comment, text(record.creator), text(record.created), text(record.modified),
    text(record.reference), text(record.paragraph), text(record.point), text(record.language),
    text(counterpart?.file), text(counterpart?.line), text(counterpart?.column), text(counterpart?.endLine), text(counterpart?.endColumn), text(counterpart?.level),
    text(record.replies.length),
  ];
}

/** `file:line:col: [tags] status “quote” comment`, one line each; an orphan says so (`orphaned`) instead of a place. */
function textLine(record: AnnotationRecord, orphaned: string): string {
  const where = record.range ? `${record.file}:${record.range.line}:${record.range.column}` : `${record.file}: ${orphaned}`;
  const tags = record.tags.length > 0 ? ` [${record.tags.join(', ')}]` : '';
  const state = record.status ? ` (${record.status})` : '';
  const comment = record.comment ? ` ${record.comment.replace(/\s+/g, ' ').trim()}` : '';
  return `${where}: ${record.motivation}${state}${tags} “${record.quote.replace(/\s+/g, ' ')}”${comment}\n`;
}
