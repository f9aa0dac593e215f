/**
 * The index kept between sessions: what the index held of each note read from disk, with the file's
 * version (its modification time), written where the host keeps its own files (`IndexStore`: the
 * editor's storage for the workspace), never beside the notes. A reopened workspace reads again only
 * the notes whose version changed; the others keep what was stored.
 *
 * The stored index is dropped whole when it does not hold what this code wrote: another format, another
 * build of the server (the host's `stamp`), other workspace folders (a note's partner depends on them),
 * or an entry of the wrong shape (a file cut short, or edited by hand).
 */
import type { LineRange, NoteMention, OwnReferenceSummary } from './noteSummary';
import type { IndexedNote, NoteFields } from './workspaceIndex';

/** Where the index is kept: one text, read whole and replaced whole. */
export interface IndexStore {
  /** What identifies the build of the server that writes: a stored index from another is not used. */
  readonly stamp: string;
  /** The text stored, or undefined when there is none or it cannot be read. */
  load(): Promise<string | undefined>;
  /** Replaces what is stored; rejects when it cannot. */
  save(text: string): Promise<void>;
}

/** A note as stored: its version on disk as the index has it (negative, see IndexedNote) and its fields. */
export interface CachedNote {
  readonly version: number;
  readonly fields: NoteFields;
}

const FORMAT = 1;

interface StoredIndex {
  readonly format: number;
  readonly stamp: string;
  readonly folders: readonly string[];
  readonly notes: readonly { readonly uri: string; readonly version: number; readonly fields: NoteFields }[];
}

/** The stored notes, by URI; empty when nothing usable is stored for these folders. */
export async function loadCachedNotes(store: IndexStore, folders: readonly string[]): Promise<Map<string, CachedNote>> {
  const text = await store.load().catch(() => undefined);
  const stored = text === undefined ? undefined : parseStored(text);
  if (!stored || stored.format !== FORMAT || stored.stamp !== store.stamp || !sameList(stored.folders, folders)) return new Map();
  return new Map(stored.notes.map((note) => [note.uri, { version: note.version, fields: note.fields }]));
}

/** The text that stores these notes (those read from disk: an open note's fields come from the editor). */
export function storedText(stamp: string, folders: readonly string[], notes: Iterable<IndexedNote>): string {
  const stored: StoredIndex = { format: FORMAT, stamp, folders, notes: [...notes].filter((note) => !note.fromEditor).map(storedNote) };
  return JSON.stringify(stored);
}

function storedNote(note: IndexedNote): StoredIndex['notes'][number] {
  const { uri, version, fromEditor: _fromEditor, annotations: _annotations, ...fields } = note;
  return { uri, version, fields };
}

function parseStored(text: string): StoredIndex | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isStoredIndex(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, k) => item === b[k]);
}

// ----- shapes: what the features read of an entry, checked before any is used --------------------------

type Shaped = Record<string, unknown>;

function isObject(value: unknown): value is Shaped {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isPosition(value: unknown): boolean {
  return isObject(value) && isCount(value.line) && isCount(value.character);
}

function isRange(value: unknown): value is LineRange {
  return isObject(value) && isPosition(value.start) && isPosition(value.end);
}

function isOptional(value: unknown, check: (item: unknown) => boolean): boolean {
  return value === undefined || check(value);
}

const isString = (value: unknown): boolean => typeof value === 'string';

function isOwnReference(value: unknown): value is OwnReferenceSummary {
  return isObject(value) && isString(value.key) && isString(value.text) && isRange(value.range) && isRange(value.line);
}

function isMention(value: unknown): value is NoteMention {
  return isObject(value) && isString(value.key) && isString(value.text) && isRange(value.range) && (value.via === 'citation' || value.via === 'in-reply-to');
}

function isLanguageCounts(value: unknown): boolean {
  return isObject(value) && Object.values(value).every((tally) => isObject(tally) && isCount(tally.paragraphs) && isCount(tally.points));
}

function isFields(value: unknown): value is NoteFields {
  if (!isObject(value)) return false;
  return isOptional(value.ownReference, isOwnReference) && isOptional(value.date, isString) && isOptional(value.year, isCount)
    && isOptional(value.sender, isString) && isOptional(value.addressee, isString) && isOptional(value.title, isString)
    && isStringArray(value.languages) && Array.isArray(value.mentions) && value.mentions.every(isMention)
    && isStringArray(value.inReplyTo) && isOptional(value.counterpart, isString) && isOptional(value.partner, isString)
    && isLanguageCounts(value.counts) && isCount(value.inlineAnnotations);
}

function isStoredIndex(value: unknown): value is StoredIndex {
  return isObject(value) && typeof value.format === 'number' && isString(value.stamp) && isStringArray(value.folders)
    && Array.isArray(value.notes) && value.notes.every((note) => isObject(note) && isString(note.uri) && Number.isFinite(note.version) && isFields(note.fields));
}
