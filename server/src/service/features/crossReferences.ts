/**
 * What a note says of other notes, over the workspace index: the reference at a position (a cited
 * communication, an `in-reply-to:` value, the note's own reference), every note that mentions it
 * (Find All References), the notes that carry it as their own reference (Go to Definition), and the
 * document links of a note (`counterpart:`, `in-reply-to:` and cited references that resolve).
 */
import type { Note, Span } from '../../core/model';
import { itemAt } from '../../core/text/spans';
import type { LineRange, NoteLocation } from '../noteSummary';
import { partnerOf } from '../pathPolicy';
import { referenceKey } from '../references';
import type { IndexedNote, WorkspaceIndex } from '../workspaceIndex';
import type { Workspace } from '../workspace';

export interface ReferenceAt {
  readonly key: string;
  readonly span: Span;
  readonly role: 'own' | 'citation' | 'in-reply-to';
}

export interface NoteLink {
  readonly span: Span;
  readonly target: string;
  readonly tooltip: string;
}

/** The reference under `offset`, if any. */
export function referenceAt(note: Note, offset: number): ReferenceAt | undefined {
  const own = note.ownReference;
  if (own && own.value.start <= offset && offset <= own.value.end) {
    const key = referenceKey(own.valueText);
    return key ? { key, span: own.value, role: 'own' } : undefined;
  }
  const reply = inReplyToAt(note, offset);
  if (reply) return reply;
  const citation = itemAt(note.citations, offset) ?? (offset > 0 ? itemAt(note.citations, offset - 1) : undefined);
  if (!citation) return undefined;
  const key = referenceKey(citation.text);
  return key ? { key, span: citation.span, role: 'citation' } : undefined;
}

function inReplyToItems(note: Note): readonly { value: string; span: Span }[] {
  const entry = note.frontMatter?.entries.find((e) => e.key === 'in-reply-to');
  if (!entry) return [];
  return entry.items ?? [{ value: entry.value, span: entry.valueSpan }];
}

function inReplyToAt(note: Note, offset: number): ReferenceAt | undefined {
  const item = inReplyToItems(note).find(({ span }) => span.start <= offset && offset <= span.end);
  const key = item && referenceKey(item.value);
  return item && key ? { key, span: item.span, role: 'in-reply-to' } : undefined;
}

/** Every place a note mentions `key`, in either language; with `withCarriers`, the own references carrying it too. */
export function referencesTo(index: WorkspaceIndex, key: string, withCarriers: boolean): NoteLocation[] {
  const places: NoteLocation[] = [];
  if (withCarriers) for (const { uri, range } of carriersOf(index, key, undefined)) places.push({ uri, range });
  for (const note of index.mentioning(key)) {
    for (const mention of note.mentions) if (mention.key === key) places.push({ uri: note.uri, range: mention.range });
  }
  return places;
}

/** The notes, other than `uri`, that carry `key` as their own reference: where its definition is. */
export function carriersOf(index: WorkspaceIndex, key: string, uri: string | undefined): { uri: string; line: LineRange; range: LineRange }[] {
  return index.carrying(key).filter((note) => note.uri !== uri).flatMap((note) => (note.ownReference ? [{ uri: note.uri, ...note.ownReference }] : []));
}

function describe(note: IndexedNote): string {
  return [note.ownReference?.text, note.title, note.date].filter(Boolean).join(' · ');
}

/**
 * The links of a note: its `counterpart:` file when it exists, and each `in-reply-to:` value or cited
 * communication that is the own reference of another note of the workspace (the first, by URI).
 */
export async function noteLinks(uri: string, note: Note, index: WorkspaceIndex, workspace: Workspace): Promise<NoteLink[]> {
  const links: NoteLink[] = [];
  const counterpart = note.frontMatter?.entries.find((entry) => entry.key === 'counterpart');
  const partner = counterpart ? partnerOf(uri, note, workspace.folders) : undefined;
  if (counterpart && partner?.kind === 'file' && (await workspace.stat(partner.uri))?.type === 'file') {
    links.push({ span: counterpart.valueSpan, target: partner.uri, tooltip: 'Open the other language version' });
  }
  const own = note.ownReference?.value;
  const places = [
    ...inReplyToItems(note).map((item) => ({ span: item.span, text: item.value })),
    ...note.citations.filter((c) => !own || c.span.end <= own.start || c.span.start >= own.end).map((c) => ({ span: c.span, text: c.text })),
  ];
  const linked: Span[] = [];
  for (const place of places) {
    if (linked.some((span) => span.start < place.span.end && place.span.start < span.end)) continue;
    const key = referenceKey(place.text);
    const carrier = key === undefined ? undefined : index.carrying(key).find((n) => n.uri !== uri);
    if (!carrier) continue;
    linked.push(place.span);
    links.push({ span: place.span, target: carrier.uri, tooltip: `Open ${describe(carrier)}` });
  }
  return links;
}
