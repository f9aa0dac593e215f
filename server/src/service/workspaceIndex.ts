/**
 * The workspace index: a small summary of every `.note` under the workspace folders (noteSummary.ts),
 * with the notes each reference is carried by (as their own reference) and mentioned in (cited, or
 * named by `in-reply-to:`).
 *
 * Which notes: `**\/*.note` in each folder, less the folder's exclusions (`files.exclude`,
 * `.diplonote.json` `exclude`, dot folders and `node_modules`) and what its `.gitignore` files leave out.
 * Built in the background so that requests on the open note are answered in between: the notes are
 * read and summarised off the main thread when the host gives a summariser (the Node server: worker
 * threads), else one note per turn of the event loop (turns.ts); kept current by the workspace's file
 * changes; an open note is summarised from the editor's text (its own analysis), and from disk again
 * once it closes.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyse } from '../core/analyse';
import { annotationCounts, type AnnotationCounts } from '../core/annotations/counts';
import { parseSidecar, sidecarFileName } from '../core/annotations/sidecar';
import type { Note } from '../core/model';
import type { Configuration } from './config/configuration';
import { readText, versionOf } from './files';
import { excludedOnTheWay, globMatcher } from './globs';
import { GrowingList } from './growingList';
import { loadCachedNotes, storedText, type CachedNote, type IndexStore } from './indexCache';
import { IgnoreFiles } from './ignoreFiles';
import { summariseNote, type NoteSummary } from './noteSummary';
import { boundaryOf, partnerOf } from './pathPolicy';
import { nextTurn } from './turns';
import { innermostFolder, relativePath } from './uris';
import type { FileChange, Workspace } from './workspace';

export interface IndexedNote extends NoteSummary {
  readonly uri: string;
  /** The file's version on disk (negative, as pairing.ts has them), or the editor's version of an open note. */
  readonly version: number;
  readonly fromEditor: boolean;
  /** The file of its other language version, when it names one or has a `NAME.en.note` ↔ `NAME.zh.note` twin. */
  readonly partner?: string;
  /** The annotations of its sidecar file `NAME.note.annotations.json` (those that could be read), when it has one. */
  readonly annotations?: AnnotationCounts;
}

/** What the index keeps of a note that a summariser can tell from its text alone. */
export type NoteFields = Omit<IndexedNote, 'uri' | 'version' | 'fromEditor' | 'annotations'>;

/** The fields of the note at `uri`: its summary and the file of its other version. */
export function noteFields(uri: string, note: Note, folders: readonly string[]): NoteFields {
  const partner = partnerOf(uri, note, folders);
  const summary = summariseNote(note);
  return partner?.kind === 'file' ? { partner: partner.uri, ...summary } : summary;
}

/** What a summariser asks of a note: its URI, and where it may be read from (see pathPolicy.ts). */
export interface SummaryRequest {
  readonly uri: string;
  readonly folders: readonly string[];
  /** The folder the note's real path must lie in, and that folder's real URI (undefined: it has none). */
  readonly boundary: string;
  readonly realBoundary: string | undefined;
  /** The file's version when the index kept its fields from another session: if it still has it, it is not read. */
  readonly knownVersion?: number;
}

/** A note a summariser read: its fields and the file's version on disk, or refused (missing, not text, outside its folder). */
export type SummarisedNote =
  | { readonly version: number; readonly fields: NoteFields }
  | { readonly refused: true }
  /** The file still has the `knownVersion` asked about (and lies in its folder): it was not read. */
  | { readonly unchanged: true };

/**
 * Reads and summarises the notes of a build off the main thread (`readText` with the index's limit,
 * then `noteFields` of the analysis), so that neither the reading nor the analysis holds up a request.
 * One per build; closed when the build ends.
 */
export interface NoteSummariser {
  /** Rejects when it cannot: the build then reads and analyses the note itself. */
  summarise(request: SummaryRequest): Promise<SummarisedNote>;
  close(): void;
}

/** Told how the build goes; `cancelled` is asked between notes. */
export interface IndexProgress {
  /** The build starts: its notes are being listed, and read as they are found. */
  begin(): void;
  /** `total`: the notes to read found so far (all of them once the listing ends). */
  report(done: number, total: number): void;
  /** Once per build, cancelled or not; `done` notes of `total` were read. */
  end(done: number, total: number): void;
  readonly cancelled: boolean;
}

export type IndexState = 'not-started' | 'building' | 'ready' | 'cancelled';

/**
 * A note read for the index; no `content` when it could not be read. Unless a summariser gave its
 * `fields`, it is analysed when applied, one note per turn: analysed as each read completes, a burst
 * of reads would hold up requests.
 */
interface NoteRead {
  readonly uri: string;
  /** Which read of this URI it is (see `reads`). */
  readonly ticket: number;
  readonly content?: { readonly version: number } & ({ readonly text: string } | { readonly fields: NoteFields });
  readonly annotations?: AnnotationCounts;
}

/** Notes read (and summarised) at once while indexing: reading overlaps the analysis of the notes before. */
const READS_AHEAD = 8;
/**
 * With a summariser: enough notes in flight that no worker runs out while the build waits, in order,
 * for another's answer (with 64, each of two workers was idle 4–8 % of a 10,000-note build; with 256,
 * under 3 %).
 */
const SUMMARISED_AHEAD = 256;
/** Notes applied from a summariser between two turns of the event loop: each costs little. */
const SUMMARIES_PER_TURN = 32;
/** A note larger than this is not indexed (its analysis would hold up the server too long). */
export const MAX_INDEXED_NOTE_BYTES = 16 * 1024 * 1024;
const MAX_LISTED_NOTES = 200_000;
const NOTE_GLOB = '**/*.note';
const SIDECAR_SUFFIX = sidecarFileName('');
const SIDECAR_GLOB = `**/*.note${SIDECAR_SUFFIX}`;
const MAX_SIDECAR_BYTES = 16 * 1024 * 1024;
const REPORT_EVERY_MS = 100;

/** How a build reads its notes: with the real URI of each folder asked once, and its summariser if any. */
interface BuildReading {
  readonly summariser?: NoteSummariser;
  readonly realBoundaries: Map<string, Promise<string | undefined>>;
  /** What a previous session kept (see indexCache.ts): used for each note whose version is unchanged. */
  readonly cached?: ReadonlyMap<string, CachedNote>;
}

export interface IndexHost {
  readonly workspace: Workspace;
  configurationFor(folder: string): Configuration;
  /** The analysis of an open note (the service's cache: the same one every feature uses). */
  analysisOf(document: TextDocument): Note;
  /** Called whenever notes were added, changed or removed. */
  changed(uris: readonly string[]): void;
  /** A summariser for a build; without one the build analyses the notes itself. */
  summariser?(): NoteSummariser | undefined;
  /** Where the index is kept between sessions; without one every session reads every note. */
  store?(): IndexStore | undefined;
}

export class WorkspaceIndex {
  private readonly notes = new Map<string, IndexedNote>();
  private readonly carriers = new ReferenceMap();
  private readonly mentioners = new ReferenceMap();
  private readonly ignoreFiles: IgnoreFiles;
  /** Per URI, the latest read asked for: an older read that ends later is dropped. */
  private readonly reads = new Map<string, number>();
  private readCounter = 0;
  /** The notes that have a sidecar file of annotations. */
  private readonly sidecars = new Set<string>();
  private building: Promise<void> | undefined;
  private rebuildWanted = false;
  private currentState: IndexState = 'not-started';
  /** The generation last stored (see indexCache.ts). */
  private storedGeneration = -1;
  /** Changes whenever the index does: lets callers cache what they derive from it. */
  generation = 0;

  constructor(private readonly host: IndexHost) {
    this.ignoreFiles = new IgnoreFiles(host.workspace);
  }

  get state(): IndexState {
    return this.currentState;
  }

  get size(): number {
    return this.notes.size;
  }

  /**
   * Lists and reads the notes of every folder (again), keeping what is unchanged; resolves when done.
   * A build asked for while one runs starts when it ends.
   */
  build(progress?: () => Promise<IndexProgress>): Promise<void> {
    if (this.building) {
      this.rebuildWanted = true;
      return this.building;
    }
    this.building = this.runBuilds(progress).finally(() => {
      this.building = undefined;
    });
    return this.building;
  }

  /** Resolves once no build is running. */
  async settled(): Promise<void> {
    while (this.building) await this.building;
  }

  private async runBuilds(progress?: () => Promise<IndexProgress>): Promise<void> {
    do {
      this.rebuildWanted = false;
      // The first build of a workspace with folders reads every note: its summariser starts at once, so
      // that the workers' start overlaps the progress request and the listing. A later one starts only
      // if notes are new.
      const first = this.currentState === 'not-started' && this.host.workspace.folders.length > 0;
      const early = first ? this.host.summariser?.() : undefined;
      this.currentState = 'building';
      const counts = { done: 0, total: 0 };
      try {
        const [reporter, cached] = await Promise.all([progress?.(), first ? this.cachedNotes() : undefined]);
        try {
          this.currentState = (await this.buildOnce(reporter, counts, { early, cached })) ? 'ready' : 'cancelled';
        } finally {
          reporter?.end(counts.done, counts.total);
        }
      } finally {
        early?.close();
      }
    } while (this.rebuildWanted && this.currentState === 'ready');
  }

  /** What a previous session kept of the notes, when the host keeps the index. */
  private async cachedNotes(): Promise<ReadonlyMap<string, CachedNote> | undefined> {
    const store = this.host.store?.();
    return store && loadCachedNotes(store, this.host.workspace.folders);
  }

  /**
   * False when cancelled; `counts` says how far it went. The notes are read as the listing finds them,
   * so that reading and analysing start while the folders are still searched.
   */
  private async buildOnce(
    progress: IndexProgress | undefined, counts: { done: number; total: number },
    { early, cached }: { early?: NoteSummariser; cached?: ReadonlyMap<string, CachedNote> },
  ): Promise<boolean> {
    this.sidecars.clear();
    progress?.begin();
    // Notes already indexed are kept: file changes keep them current.
    const toRead = new GrowingList<string>();
    const listing = this.listNotes(undefined, (notes) => toRead.push(notes.filter((uri) => !this.notes.has(uri))))
      .then((listed) => this.listingEnded(listed))
      .finally(() => toRead.close());
    // A listing that fails ends the reading; the build throws its error once the reading has stopped.
    listing.catch(() => undefined);
    let late: NoteSummariser | undefined;
    try {
      const summariser = early ?? ((await toRead.has(0)) ? (late = this.host.summariser?.()) : undefined);
      const reading: BuildReading = { ...(summariser ? { summariser } : {}), realBoundaries: new Map(), ...(cached ? { cached } : {}) };
      return await this.readAll(toRead, reading, progress, counts);
    } finally {
      // A cancelled build still lists to the end: its progress then says how many notes it left.
      await listing;
      counts.total = toRead.length;
      late?.close();
    }
  }

  /** The notes gone since the last build are dropped; an open note is not read from disk, its sidecar is. */
  private async listingEnded(listed: readonly string[]): Promise<void> {
    const wanted = new Set(listed);
    const gone = [...this.notes.values()].filter((note) => !note.fromEditor && !wanted.has(note.uri)).map((note) => note.uri);
    for (const uri of gone) this.remove(uri);
    if (gone.length > 0) this.host.changed(gone);
    const openWithSidecars = [...this.notes.values()].filter((note) => note.fromEditor && this.sidecars.has(note.uri));
    for (const note of openWithSidecars) await this.recount(note.uri, false);
  }

  /**
   * Reads, summarises and applies the notes as they are listed, a window of them in flight; lets the
   * event loop in after each note analysed here, or after each run of summaries applied.
   */
  private async readAll(toRead: GrowingList<string>, reading: BuildReading, progress: IndexProgress | undefined, counts: { done: number; total: number }): Promise<boolean> {
    const ahead = reading.summariser ? SUMMARISED_AHEAD : READS_AHEAD;
    const pending: Promise<NoteRead | undefined>[] = [];
    let lastReport = performance.now();
    const changed: string[] = [];
    for (let done = 0; await toRead.has(done); done++) {
      if (progress?.cancelled) return false;
      const inFlight = Math.min(toRead.length, done + ahead + 1);
      while (pending.length < inFlight) pending.push(this.startRead(toRead.at(pending.length), reading));
      const read = await pending[done];
      if (read && this.apply(read)) changed.push(read.uri);
      pending[done] = Promise.resolve(undefined);
      counts.done = done + 1;
      counts.total = toRead.length;
      if (performance.now() - lastReport > REPORT_EVERY_MS) {
        lastReport = performance.now();
        progress?.report(counts.done, counts.total);
        this.flush(changed);
      }
      const analysedHere = !(read?.content && 'fields' in read.content);
      if (analysedHere || counts.done % SUMMARIES_PER_TURN === 0) await nextTurn();
    }
    this.flush(changed);
    return true;
  }

  private flush(changed: string[]): void {
    if (changed.length === 0) return;
    this.host.changed(changed.splice(0));
  }

  /**
   * Stores the index (see indexCache.ts), unless a build is under way or nothing changed since; never
   * rejects. The server does so when it shuts down, not as the index changes: writing ten thousand
   * notes' fields holds the thread for a moment, and every stored note is checked against its file's
   * version when read back, so a store that is missing or older costs reads, never a wrong entry.
   */
  async store(): Promise<void> {
    const store = this.host.store?.();
    if (!store || this.building || this.currentState === 'not-started' || this.generation === this.storedGeneration) return;
    const generation = this.generation;
    try {
      await store.save(storedText(store.stamp, this.host.workspace.folders, this.notes.values()));
      this.storedGeneration = generation;
    } catch {
      // Nothing is lost: the next session reads the notes again.
    }
  }

  /**
   * Every note of these folders (all by default) that is neither excluded nor ignored by git; nothing
   * is read. Remembers which notes have a sidecar. `onListed` is told the notes in batches as the
   * search finds them (a note's sidecar, in the same folder, is known by then).
   */
  async listNotes(folders: readonly string[] = this.host.workspace.folders, onListed?: (notes: readonly string[]) => void): Promise<string[]> {
    const all: string[] = [];
    for (const folder of folders) {
      const kept = new Set<string>();
      let batches = Promise.resolve();
      const keep = (batch: readonly string[]): void => {
        batches = batches.then(() => this.keepNotes(folder, batch, kept, onListed));
        // A batch that fails leaves the next ones out; the listing throws its error once the search ends.
        batches.catch(() => undefined);
      };
      const query = { include: [NOTE_GLOB, SIDECAR_GLOB], exclude: this.host.configurationFor(folder).exclude, maxResults: MAX_LISTED_NOTES };
      // The batches are kept in turn, each after the one before; all are kept before the listing ends.
      const found = await this.host.workspace.findFiles(folder, query, keep).finally(() => batches);
      for (const uri of found) if (kept.has(uri)) all.push(uri);
    }
    return all;
  }

  /** Of a batch of files found, the notes that git does not ignore go to `kept` and `onListed`; the sidecars are remembered. */
  private async keepNotes(folder: string, batch: readonly string[], kept: Set<string>, onListed?: (notes: readonly string[]) => void): Promise<void> {
    const notes: string[] = [];
    for (const uri of batch) {
      if (uri.endsWith(SIDECAR_SUFFIX)) this.sidecars.add(uri.slice(0, -SIDECAR_SUFFIX.length));
      else if (!(await this.ignoreFiles.ignores(folder, uri))) notes.push(uri);
    }
    for (const uri of notes) kept.add(uri);
    if (notes.length > 0) onListed?.(notes);
  }

  /** Whether a file belongs in the index: a note in a folder, not excluded, not ignored by git. */
  private async inScope(uri: string): Promise<boolean> {
    if (!/\.note$/i.test(uri)) return false;
    const folder = innermostFolder(uri, this.host.workspace.folders);
    const relative = folder === undefined ? undefined : relativePath(folder, uri);
    if (folder === undefined || relative === undefined) return false;
    if (excludedOnTheWay(relative, globMatcher(this.host.configurationFor(folder).exclude))) return false;
    return !(await this.ignoreFiles.ignores(folder, uri));
  }

  private startRead(uri: string, reading?: BuildReading): Promise<NoteRead> {
    const ticket = ++this.readCounter;
    this.reads.set(uri, ticket);
    const annotations = this.sidecars.has(uri) ? this.countAnnotations(uri) : Promise.resolve(undefined);
    const content = this.readContent(uri, reading);
    return Promise.all([content, annotations]).then(
      ([found, count]) => ({ uri, ticket, ...(found ? { content: found } : {}), ...(count === undefined ? {} : { annotations: count }) }),
      () => ({ uri, ticket }),
    );
  }

  /** The note summarised by the build's summariser, else its text; undefined when it cannot be read. */
  private async readContent(uri: string, reading?: BuildReading): Promise<NoteRead['content']> {
    const { workspace } = this.host;
    const { folders } = workspace;
    // A note listed through a link is read only if the link stays inside the folder (see pathPolicy.ts).
    const boundary = boundaryOf(uri, folders);
    const realBoundary = reading && this.realBoundary(boundary, reading);
    const cached = reading?.cached?.get(uri);
    if (reading?.summariser) {
      const request = { uri, folders, boundary, realBoundary: await realBoundary, ...(cached ? { knownVersion: -cached.version } : {}) };
      const summarised = await reading.summariser.summarise(request).catch(() => undefined);
      if (summarised && 'unchanged' in summarised && cached) return cached;
      if (summarised && 'fields' in summarised) return { version: -summarised.version, fields: summarised.fields };
      if (summarised && 'refused' in summarised) return undefined;
    } else if (cached && (await versionOf(workspace, uri, boundary, realBoundary)) === -cached.version) {
      return cached;
    }
    const text = await readText(workspace, uri, MAX_INDEXED_NOTE_BYTES, boundary, realBoundary);
    return text.kind === 'text' ? { version: -text.version, text: text.text } : undefined;
  }

  /** The boundary folder's real URI, asked once per build. */
  private realBoundary(boundary: string, reading: BuildReading): Promise<string | undefined> {
    let real = reading.realBoundaries.get(boundary);
    if (!real) reading.realBoundaries.set(boundary, (real = this.host.workspace.realUri(boundary)));
    return real;
  }

  /** The annotations the sidecar file holds (those that could be read), counted; undefined when it cannot be read. */
  private async countAnnotations(uri: string): Promise<AnnotationCounts | undefined> {
    const sidecar = `${uri}${SIDECAR_SUFFIX}`;
    const read = await readText(this.host.workspace, sidecar, MAX_SIDECAR_BYTES, boundaryOf(uri, this.host.workspace.folders));
    return read.kind === 'text' ? annotationCounts(parseSidecar(read.text, sidecar).collection) : undefined;
  }

  /** A sidecar changed or went: its note's counts are read again (the note itself is not). Whether the note is indexed. */
  private async recount(uri: string, deleted: boolean): Promise<boolean> {
    if (deleted) this.sidecars.delete(uri);
    else this.sidecars.add(uri);
    const annotations = deleted ? undefined : await this.countAnnotations(uri);
    const entry = this.notes.get(uri);
    if (entry) this.put(withCounts(entry, annotations));
    return entry !== undefined;
  }

  /** Applies a read unless a newer one was asked for; of an open note (the editor's text wins), only the annotation counts. */
  private apply(read: NoteRead): boolean {
    if (this.reads.get(read.uri) !== read.ticket) return false;
    this.reads.delete(read.uri);
    const held = this.notes.get(read.uri);
    const { content } = read;
    if (held?.fromEditor) {
      if (content === undefined) return false;
      this.put(withCounts(held, read.annotations));
      return true;
    }
    if (content === undefined) return this.remove(read.uri);
    const fields = 'fields' in content ? content.fields : noteFields(read.uri, analyse(content.text), this.host.workspace.folders);
    this.put(this.entryOf(read.uri, fields, content.version, false, read.annotations));
    return true;
  }

  private entryOf(uri: string, fields: NoteFields, version: number, fromEditor: boolean, annotations?: AnnotationCounts): IndexedNote {
    return { uri, version, fromEditor, ...fields, ...(annotations === undefined ? {} : { annotations }) };
  }

  private put(entry: IndexedNote): void {
    this.remove(entry.uri);
    this.notes.set(entry.uri, entry);
    if (entry.ownReference) this.carriers.add(entry.ownReference.key, entry.uri);
    for (const mention of entry.mentions) this.mentioners.add(mention.key, entry.uri);
    this.generation++;
  }

  private remove(uri: string): boolean {
    const entry = this.notes.get(uri);
    if (!entry) return false;
    this.notes.delete(uri);
    if (entry.ownReference) this.carriers.delete(entry.ownReference.key, uri);
    for (const mention of entry.mentions) this.mentioners.delete(mention.key, uri);
    this.generation++;
    return true;
  }

  // ----- keeping current ------------------------------------------------------------------------------

  /** Files changed on disk: notes read again or dropped; a changed `.gitignore` lists the folders again. */
  async filesChanged(changes: readonly FileChange[]): Promise<void> {
    if (this.currentState === 'not-started') return;
    if (changes.some(({ uri }) => IgnoreFiles.isIgnoreFile(uri))) {
      this.ignoreFiles.forget();
      void this.build();
    }
    const changed: string[] = [];
    for (const { uri, kind } of changes) {
      if (uri.endsWith(SIDECAR_SUFFIX)) {
        const note = uri.slice(0, -SIDECAR_SUFFIX.length);
        if (await this.recount(note, kind === 'deleted')) changed.push(note);
        continue;
      }
      if (!/\.note$/i.test(uri) || this.notes.get(uri)?.fromEditor) continue;
      if (kind === 'deleted' || !(await this.inScope(uri))) {
        this.reads.delete(uri);
        if (this.remove(uri)) changed.push(uri);
        continue;
      }
      if (this.apply(await this.startRead(uri))) changed.push(uri);
    }
    this.flush(changed);
  }

  /** The open notes as the editor has them: summarised from their analysis when their version changed. */
  syncOpenDocuments(): void {
    for (const document of this.host.workspace.documents.all()) {
      const held = this.notes.get(document.uri);
      if (held?.fromEditor && held.version === document.version) continue;
      this.reads.delete(document.uri);
      this.put(this.entryOf(document.uri, noteFields(document.uri, this.host.analysisOf(document), this.host.workspace.folders), document.version, true, held?.annotations));
    }
  }

  /** A note closed: it is indexed from disk again, if it belongs in the index. */
  async documentClosed(uri: string): Promise<void> {
    if (!this.notes.get(uri)?.fromEditor) return;
    this.remove(uri);
    if (this.currentState !== 'not-started' && (await this.inScope(uri))) this.apply(await this.startRead(uri));
    this.host.changed([uri]);
  }

  // ----- lookups --------------------------------------------------------------------------------------

  get(uri: string): IndexedNote | undefined {
    return this.notes.get(uri);
  }

  all(): IterableIterator<IndexedNote> {
    return this.notes.values();
  }

  /** The notes whose own reference has this key. */
  carrying(key: string): IndexedNote[] {
    return this.carriers.notes(key, this.notes);
  }

  /** The notes citing this key or replying to it. */
  mentioning(key: string): IndexedNote[] {
    return this.mentioners.notes(key, this.notes);
  }
}

/** The entry with these annotation counts (none: no sidecar, or one that cannot be read). */
function withCounts(entry: IndexedNote, annotations: AnnotationCounts | undefined): IndexedNote {
  const { annotations: _previous, ...rest } = entry;
  return annotations ? { ...rest, annotations } : rest;
}

/** Reference key → the URIs of notes, kept in step with the index. */
class ReferenceMap {
  private readonly byKey = new Map<string, Set<string>>();

  add(key: string, uri: string): void {
    let uris = this.byKey.get(key);
    if (!uris) this.byKey.set(key, (uris = new Set()));
    uris.add(uri);
  }

  delete(key: string, uri: string): void {
    const uris = this.byKey.get(key);
    if (!uris) return;
    uris.delete(uri);
    if (uris.size === 0) this.byKey.delete(key);
  }

  notes(key: string, notes: ReadonlyMap<string, IndexedNote>): IndexedNote[] {
    const uris = [...(this.byKey.get(key) ?? [])].sort();
    return uris.flatMap((uri) => notes.get(uri) ?? []);
  }
}
