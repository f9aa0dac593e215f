/**
 * The arguments of the annotation requests, checked before use (as arguments.ts does for the others):
 * a note open in the editor, a range inside it, a motivation Diplonote makes, a comment of bounded
 * size, tags of one line each, an id that is a string. A refusal is a sentence saying what and why.
 */
import { message, saying, type Message } from '../core/messages';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnnotationChange } from '../core/annotations/edit';
import { openNote, outsideFolders, position, shownUri, termProblem, type Checked } from './arguments';
import { hasQueryOrFragment } from './uris';
import type { AnnotationEdit } from './annotations';
import type { Workspace } from './workspace';

/** A comment longer than this is refused: a sidecar is read whole by every tool. */
export const MAX_COMMENT_LENGTH = 100_000;
const MAX_TAGS = 100;
const MOTIVATIONS = ['commenting', 'tagging', 'questioning', 'highlighting'] as const;

type Request = { readonly document: TextDocument; readonly edit: AnnotationEdit };

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function refused<T>(said: Message): Checked<T> {
  return { ok: false, ...saying(said) };
}

/**
 * The note whose annotations are asked for: open in the editor (its document), or else a `.note` file
 * of a workspace folder (its URI: the service reads it from disk).
 */
export function annotatedNote(workspace: Workspace, params: unknown): Checked<TextDocument | string> {
  const uri = record(params)?.uri;
  const open = openNote(workspace, uri, false);
  if (open.ok || typeof uri !== 'string' || uri === '' || hasQueryOrFragment(uri)) return open;
  if (!/\.note$/i.test(uri)) return refused(message('refused.not-a-note', { uri: shownUri(uri) }));
  const outside = outsideFolders(workspace, uri);
  return outside ? refused(outside) : { ok: true, value: uri };
}

export function annotateRequest(workspace: Workspace, params: unknown): Checked<Request> {
  const fields = record(params) ?? {};
  const note = openNote(workspace, fields.uri, false);
  if (!note.ok) return note;
  const document = note.value;
  const range = record(fields.range);
  const start = position(range?.start);
  const end = position(range?.end);
  if (!start.ok || !end.ok) return refused(message('refused.range'));
  const [from, to] = [document.offsetAt(start.value), document.offsetAt(end.value)].sort((a, b) => a - b);
  if (document.getText().slice(from, to).trim() === '') return refused(message('refused.empty-range'));
  const motivation = fields.motivation ?? 'commenting';
  if (!MOTIVATIONS.includes(motivation as (typeof MOTIVATIONS)[number])) return refused(message('refused.motivation', { motivations: [...MOTIVATIONS] }));
  const comment = commentOf(fields.comment);
  if (!comment.ok) return comment;
  const tags = tagsOf(fields.tags);
  if (!tags.ok) return tags;
  return {
    ok: true,
    value: {
      document,
      edit: {
        kind: 'annotate', span: { start: from, end: to }, motivation: motivation as (typeof MOTIVATIONS)[number],
        ...(comment.value !== undefined ? { comment: comment.value } : {}), ...(tags.value ? { tags: tags.value } : {}),
      },
    },
  };
}

export function updateRequest(workspace: Workspace, params: unknown): Checked<Request> {
  const fields = record(params) ?? {};
  const target = noteAndId(workspace, fields);
  if (!target.ok) return target;
  const comment = commentOf(fields.comment);
  if (!comment.ok) return comment;
  const reply = commentOf(fields.reply);
  if (!reply.ok) return reply;
  const tags = tagsOf(fields.tags);
  if (!tags.ok) return tags;
  const { status } = fields;
  if (status !== undefined && status !== 'open' && status !== 'resolved') return refused(message('refused.status'));
  if (reply.value !== undefined && reply.value.trim() === '') return refused(message('refused.empty-reply'));
  const change: AnnotationChange = {
    ...(comment.value !== undefined ? { comment: comment.value } : {}), ...(tags.value ? { tags: tags.value } : {}), ...(status ? { status } : {}),
  };
  if (Object.keys(change).length === 0 && reply.value === undefined) return refused(message('refused.nothing-to-change'));
  return { ok: true, value: { document: target.value.document, edit: { kind: 'update', id: target.value.id, change, ...(reply.value !== undefined ? { reply: reply.value } : {}) } } };
}

export function deleteRequest(workspace: Workspace, params: unknown): Checked<Request> {
  const target = noteAndId(workspace, record(params) ?? {});
  return target.ok ? { ok: true, value: { document: target.value.document, edit: { kind: 'delete', id: target.value.id } } } : target;
}

function noteAndId(workspace: Workspace, fields: Record<string, unknown>): Checked<{ document: TextDocument; id: string }> {
  const note = openNote(workspace, fields.uri, false);
  if (!note.ok) return note;
  const { id } = fields;
  if (typeof id !== 'string' || id === '' || id.length > 1000) return refused(message('refused.annotation-id'));
  return { ok: true, value: { document: note.value, id } };
}

function commentOf(value: unknown): Checked<string | undefined> {
  if (value === undefined || value === null) return { ok: true, value: undefined };
  if (typeof value !== 'string') return refused(message('refused.comment-not-text'));
  if (value.length > MAX_COMMENT_LENGTH) return refused(message('refused.comment-length', { limit: MAX_COMMENT_LENGTH }));
  return { ok: true, value };
}

function tagsOf(value: unknown): Checked<string[] | undefined> {
  if (value === undefined || value === null) return { ok: true, value: undefined };
  if (!Array.isArray(value) || value.length > MAX_TAGS || !value.every((tag) => typeof tag === 'string')) return refused(message('refused.tags', { limit: MAX_TAGS }));
  for (const tag of value as string[]) {
    const problem = termProblem(tag, 'tag');
    if (problem) return refused(problem);
  }
  return { ok: true, value: (value as string[]).map((tag) => tag.trim()).filter((tag) => tag !== '') };
}
