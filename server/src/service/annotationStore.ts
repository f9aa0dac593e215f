/**
 * The one store of what a user adds beside a note: the annotation sidecar `NAME.note.annotations.json`
 * (core/annotations), read through the workspace and held until the file changes, and the writes
 * planned for it. Every feature that keeps something beside a note goes through here: alignment
 * corrections (linking annotations, features/corrections.ts) now, comments, tags and threads next.
 *
 * The service writes no file itself: a change is planned here as the file's new text (made by
 * `serialiseSidecar`, keys in a stable order), the protocol layer sends it to the editor as an edit
 * (lsp/sidecarEdit.ts), and once the editor applied it, `applied` makes it the collection in force
 * until the file is read again. A sidecar with errors is never written: writing it back would drop
 * what could not be read.
 */
import { message, saying, type Message, type Saying } from '../core/messages';
import { emptyCollection, type AnnotationCollection } from '../core/annotations/model';
import { parseSidecar, serialiseSidecar, sidecarFileName, type SidecarReading } from '../core/annotations/sidecar';
import type { TextEncoding } from '../core/text/decode';
import { readText } from './files';
import { boundaryOf } from './pathPolicy';
import { fileName, folderOf, schemeOf } from './uris';
import type { FileChange, Workspace } from './workspace';

/** Largest sidecar read, in bytes: thousands of annotations fit in far less. */
export const MAX_SIDECAR_BYTES = 16 * 1024 * 1024;

export interface StoredSidecar {
  readonly uri: string;
  /** False when there is no file yet (an empty collection is in force). */
  readonly exists: boolean;
  /** The file's text as read ('' when there is none): what a planned change replaces. */
  readonly text: string;
  readonly reading: SidecarReading;
  /** Changes whenever the collection in force does: for caches built on it. */
  readonly generation: number;
}

/** A change to a sidecar: its new text, to be applied by the editor. */
export interface SidecarWrite {
  readonly uri: string;
  /** The file does not exist yet: it is created. */
  readonly create: boolean;
  /** The text the change replaces ('' when created). */
  readonly existing: string;
  readonly text: string;
  readonly collection: AnnotationCollection;
}

/** A refusal says why in the user's language (`said`) and in English (`message`). */
export type PlannedWrite = { readonly kind: 'write'; readonly write: SidecarWrite } | ({ readonly kind: 'refused' } & Saying);

export class AnnotationStore {
  private readonly held = new Map<string, StoredSidecar | Promise<StoredSidecar>>();
  private generations = 0;

  constructor(
    private readonly workspace: Workspace,
    private readonly decoded: (uri: string, encoding: TextEncoding) => void,
  ) {}

  static isSidecar(uri: string): boolean {
    return uri.toLowerCase().endsWith('.note.annotations.json');
  }

  /** The sidecar of a note: `visa.en.note` → `visa.en.note.annotations.json`, beside it. */
  static sidecarOf(noteUri: string): string {
    return sidecarFileName(noteUri);
  }

  /** The sidecar of a note as in force: read once, then held until the file changes. */
  sidecar(noteUri: string): Promise<StoredSidecar> {
    const uri = AnnotationStore.sidecarOf(noteUri);
    const held = this.held.get(uri);
    if (held) return Promise.resolve(held);
    const reading = this.read(uri, boundaryOf(noteUri, this.workspace.folders)).then((stored) => {
      if (this.held.get(uri) === reading) this.held.set(uri, stored);
      return stored;
    });
    this.held.set(uri, reading);
    return reading;
  }

  /** Files changed on disk: the sidecars among them are read again when next asked for. Whether any was. */
  filesChanged(changes: readonly FileChange[]): boolean {
    let any = false;
    for (const { uri } of changes) {
      if (!AnnotationStore.isSidecar(uri)) continue;
      this.held.delete(uri);
      any = true;
    }
    return any;
  }

  /** A note was closed: its sidecar is let go (read again when next asked for), as the analyses of closed notes are. */
  forget(noteUri: string): void {
    this.held.delete(AnnotationStore.sidecarOf(noteUri));
  }

  /**
   * The write that makes `change` of the note's collection; refused when the note has no file a
   * sidecar could lie beside (an untitled note) or its sidecar has errors.
   */
  async plan(noteUri: string, change: (collection: AnnotationCollection) => AnnotationCollection): Promise<PlannedWrite> {
    if (schemeOf(noteUri) === 'untitled') return { kind: 'refused', ...saying(message('annotation.save-first')) };
    const stored = await this.sidecar(noteUri);
    if (!stored.reading.writable) return { kind: 'refused', ...saying(sidecarErrors(stored)) };
    const collection = change(stored.exists ? stored.reading.collection : emptyCollection());
    return { kind: 'write', write: { uri: stored.uri, create: !stored.exists, existing: stored.text, text: serialiseSidecar(collection), collection } };
  }

  /** The editor applied `write`: its collection is in force until the file is read again. */
  applied(write: SidecarWrite): void {
    this.held.set(write.uri, {
      uri: write.uri, exists: true, text: write.text, generation: ++this.generations,
      reading: { collection: write.collection, problems: [], writable: true },
    });
  }

  private async read(uri: string, boundary: string): Promise<StoredSidecar> {
    const generation = ++this.generations;
    const read = await readText(this.workspace, uri, MAX_SIDECAR_BYTES, boundary);
    if (read.kind === 'refused') {
      const reading: SidecarReading = read.missing
        ? { collection: emptyCollection(), problems: [], writable: true }
        : { collection: emptyCollection(), problems: [{ file: uri, line: 0, character: 0, ...saying(message('file.not-read', { reason: read.message })), severity: 'error' }], writable: false };
      return { uri, exists: !read.missing, text: '', reading, generation };
    }
    this.decoded(uri, read.encoding);
    return { uri, exists: true, text: read.text, reading: parseSidecar(read.text, uri), generation };
  }
}

/**
 * How a sidecar names a note (a target's `source`): its path relative to the sidecar's folder,
 * `/`-separated and decoded; both lie in one workspace folder.
 */
export function sourceName(sidecarUri: string, noteUri: string): string {
  const from = folderOf(sidecarUri).split('/').slice(0, -1);
  const to = noteUri.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const up = from.slice(common).map(() => '..');
  return [...up, ...to.slice(common, -1).map(decodeSegment), fileName(noteUri)].join('/');
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Why a sidecar is not written: it has errors (the first named with its line). */
export function sidecarErrors(stored: StoredSidecar): Message {
  const file = fileName(stored.uri);
  const first = stored.reading.problems.find((problem) => problem.severity === 'error');
  return first ? message('annotation.sidecar-errors-at', { file, line: first.line + 1, problem: first.said }) : message('annotation.sidecar-errors', { file });
}
