/**
 * The note service: everything Diplonote knows about notes, as plain data, for the Node server, the
 * web server and the CLI alike. It is created with its `Workspace` (how files are listed, read and
 * watched, and which documents are open) and answers in offsets into documents; it knows nothing of
 * LSP, Node or VS Code. One configuration, one pairing of versions, one glossary, one path policy.
 */
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { analyse } from '../core/analyse';
import type { AnnotationEnvironment } from '../core/annotations/edit';
import { finish } from '../core/checks';
import { termsFromGlossary } from '../core/checks/glossaryTerms';
import { explainStructure, formatExplanation } from '../core/explainStructure';
import { sentencePairs } from '../core/export/pairs';
import { toCsv, toTmx, type LanguageTags } from '../core/export/tmx';
import { glossaryToCsv, glossaryToTbx } from '../core/glossary/exportGlossary';
import { format, message, type Locale, type Message } from '../core/messages';
import type { Note, Span } from '../core/model';
import { alignVersions, sideOf, type NoteAlignment } from '../core/noteAlignment';
import { alignedUnits } from '../core/workbench/rows';
import type { OutlineItem } from '../core/outline';
import type { TextEncoding } from '../core/text/decode';
import type { TagDefinition } from '../core/annotations/tags';
import { AnalysisCache, type DocumentAnalysis } from './analysisCache';
import { readAnnotationSettings, TagTaxonomies, type AnnotationSettings } from './annotationSettings';
import { annotatedNote, Annotations, type AnnotatedNote, type AnnotationEdit, type EditOutcome, type NoteAnnotations } from './annotations';
import { AnnotationStore, type SidecarWrite } from './annotationStore';
import { openNote, position, termPairRequest, type Checked } from './arguments';
import { Configurations, type Configuration } from './config/configuration';
import { readSettings } from './config/editorSettings';
import type { FileProblem } from './config/projectFile';
import { alignedRows, type AlignedRow } from './features/alignedRows';
import { actionsFor, type ActionData, type ActionRequest } from './features/codeActions';
import { completionsAt, type CompletionData } from './features/completion';
import {
  counterpartLocation, highlightsAt, jumpFrom, lenses, termAt, termCounterpart, type Highlight, type Jump, type Lens, type TextLocation,
} from './features/counterparts';
import { CONCORDANCE_PATTERNS, concordanceOf, MAX_CONCORDANCE_FILES, type Concordance } from './features/concordance';
import {
  applyPlan, correctionsSidecarOf, linkingAnnotation, placedCorrections, planAction, type CorrectionAction, type Sides, type VersionDocument,
} from './features/corrections';
import { correspondence, type ThreadCountry } from './features/correspondence';
import { carriersOf, noteLinks, referenceAt, referencesTo, type NoteLink } from './features/crossReferences';
import { annotationEntries, annotationHover, orphanFindings, withAnnotationHover, type AnnotationEntry } from './features/annotations';
import { findingSteps, type NoteFinding } from './features/findings';
import { hoverAt, type HoverAnswer } from './features/hover';
import { foldsOf, selectionChains, type Fold } from './features/structure';
import { noteStatistics, type NoteStatistics } from './features/statistics';
import { planTermPair, type TermPairPlan } from './features/termPair';
import { WorkspaceSymbolSearch, type WorkspaceSymbolData } from './features/workspaceSymbols';
import { readText, READ_LIMITS, writeRefusal, type TextRead } from './files';
import { runInSlices } from './turns';
import { Glossaries } from './glossaries';
import type { LineRange, NoteLocation } from './noteSummary';
import { Pairing, type AlignedDocuments, type AlignmentUse, type PairCorrections, type PairingResult } from './pairing';
import { boundaryOf, partnerOf } from './pathPolicy';
import { fileName, isInside } from './uris';
import type { FileChange, Workspace } from './workspace';
import { WorkspaceIndex, type IndexedNote, type IndexProgress, type IndexState, type NoteSummariser } from './workspaceIndex';
import type { IndexStore } from './indexCache';

export interface ServiceHost {
  readonly workspace: Workspace;
  /** A file was read in an encoding other than UTF-8: the CLI says so, the server logs it. */
  decoded?(uri: string, encoding: TextEncoding): void;
  /** A note past `maxFileSize` was asked for a cross-language feature: the server tells the user once. */
  tooLarge?(document: TextDocument, limit: number): void;
  /** Files the findings depend on changed and were read again (configuration, glossaries, partners). */
  changed?(): void;
  /** How the index tells the progress of a build (the server: `window/workDoneProgress`). */
  indexProgress?(): Promise<IndexProgress>;
  /** Notes were added to the index, changed in it or removed from it. */
  indexChanged?(uris: readonly string[]): void;
  /** Summarises the notes an index build reads off the main thread (the Node server: a worker thread). */
  indexSummariser?(): NoteSummariser | undefined;
  /** Where the index is kept between sessions (the Node server, given a storage folder by its client). */
  indexStore?(): IndexStore | undefined;
  /** Set by the embedding program: its version, written into exports. */
  readonly toolVersion: string;
  /** Ids and the clock for the annotations made (tests fix them); by default random UUIDs and the system clock. */
  readonly annotationEnvironment?: AnnotationEnvironment;
  /** The user's name on this computer (the Node entry reads it), for annotations when `diplonote.annotations.author` is not set. */
  readonly userName?: string;
  /** The annotations of these notes changed (made, edited, deleted, their sidecar changed on disk). */
  annotationsChanged?(uris: readonly string[]): void;
  /** The language of what the service says (findings, hovers, titles); English unless told. */
  readonly locale?: Locale;
}

/** The aligned view of a note: its rows, and the stamp a correction must name (the versions and corrections shown). */
export interface AlignedView {
  readonly en: string;
  readonly zh: string;
  readonly stamp: string;
  readonly rows: readonly AlignedRow[];
}

/** A correction made in the view: written to the sidecars named, or why not (`message`). */
export interface CorrectionOutcome {
  readonly applied: boolean;
  readonly message?: string;
  /** The sidecars written (some may be, before one is refused). */
  readonly sidecars?: readonly string[];
}

export interface PairsExportOptions {
  readonly languages?: Partial<LanguageTags>;
  /** When the export is made (TMX `creationdate`); now by default. */
  readonly created?: Date;
}

const SYSTEM_ANNOTATION_ENVIRONMENT: AnnotationEnvironment = { newId: () => crypto.randomUUID(), now: () => new Date() };

export type {
  AlignedDocuments, FileProblem, Configuration, NoteFinding, TextLocation, NoteLocation, LineRange, NoteLink, WorkspaceSymbolData,
  ThreadCountry, IndexProgress, IndexState, IndexedNote, NoteSummariser, IndexStore,
  AlignedRow, Concordance, CorrectionAction, NoteStatistics, SidecarWrite,
};

/** Where a reference under the cursor is defined: the notes of the workspace that carry it as their own. */
export interface NoteDefinition {
  readonly origin: Span;
  readonly targets: readonly { readonly uri: string; readonly line: LineRange; readonly range: LineRange }[];
}

/** Per-document state the service holds, counted. */
export interface HeldCounts {
  /** Documents with an analysis (open notes, partners read from disk, notes being checked). */
  readonly analyses: number;
  /** Partner files read from disk for open notes. */
  readonly partners: number;
  /** Alignments of a note and its other version. */
  readonly alignments: number;
}

/** The code a problem of a file that is not a note is shown with. */
export function fileProblemCode(uri: string): 'project-file' | 'glossary-file' | 'annotations-file' | 'tags-file' {
  if (AnnotationStore.isSidecar(uri)) return 'annotations-file';
  if (TagTaxonomies.isTagFile(uri)) return 'tags-file';
  return Configurations.isProjectFile(uri) ? 'project-file' : 'glossary-file';
}

function* noFindings(): Generator<void, NoteFinding[], void> {
  return [];
}

function* withFindings(more: readonly NoteFinding[], steps: Generator<void, NoteFinding[], void>): Generator<void, NoteFinding[], void> {
  return [...(yield* steps), ...more];
}

export function createNoteService(host: ServiceHost): NoteService {
  return new NoteService(host);
}

export class NoteService {
  readonly workspace: Workspace;
  private readonly configurations: Configurations;
  private readonly glossaries: Glossaries;
  private readonly analyses: AnalysisCache;
  private readonly pairing: Pairing;
  /** The corrections last placed, per pair of files, with the sidecar generations and versions they were placed for. */
  private readonly placed = new Map<string, { key: string; versions: string; list: PairCorrections['list'] }>();
  private readonly index: WorkspaceIndex;
  private readonly symbolSearch = new WorkspaceSymbolSearch();
  private readonly annotations: AnnotationStore;
  private readonly annotationLayer: Annotations;
  private readonly tagTaxonomies: TagTaxonomies;
  private annotationSettings: AnnotationSettings = { outlineGroup: false };
  /** File problems published before, so that a file that has none now is cleared. */
  private projectFilesSeen = new Set<string>();
  private reloading: Promise<void> = Promise.resolve();
  /** Resolves once the latest reading of the configuration (not of the glossaries) is done: all the index needs. */
  private configured: Promise<void> = Promise.resolve();
  /** Counts the readings of configuration and glossaries: findings made before another may differ. */
  private configurationReadings = 0;
  private speaks: Locale;

  constructor(private readonly host: ServiceHost) {
    this.workspace = host.workspace;
    this.speaks = host.locale ?? 'en';
    const decoded = (uri: string, encoding: TextEncoding) => host.decoded?.(uri, encoding);
    this.configurations = new Configurations(this.workspace, decoded);
    this.glossaries = new Glossaries(this.workspace, decoded);
    this.analyses = new AnalysisCache(() => this.glossaries.index);
    this.annotations = new AnnotationStore(this.workspace, decoded);
    this.pairing = new Pairing(this.analyses, this.workspace, decoded, (en, zh) => this.correctionsOf(en, zh));
    this.index = new WorkspaceIndex({
      workspace: this.workspace,
      configurationFor: (folder) => this.configurationFor(folder),
      analysisOf: (document) => this.analysis(document).note,
      changed: (uris) => host.indexChanged?.(uris),
      summariser: () => host.indexSummariser?.(),
      store: () => host.indexStore?.(),
    });
    this.tagTaxonomies = new TagTaxonomies(this.workspace, decoded);
    this.annotationLayer = new Annotations({
      workspace: this.workspace, store: this.annotations,
      environment: host.annotationEnvironment ?? SYSTEM_ANNOTATION_ENVIRONMENT,
      author: () => this.annotationSettings.author ?? host.userName,
      tags: (uri) => this.annotationTags(uri),
      analysis: (document) => this.analysis(document).note,
      aligned: async (document) => (this.live(document) ? this.interactive(document) : undefined),
      changed: (uris) => host.annotationsChanged?.(uris),
      locale: () => this.locale,
    });
    this.workspace.onDidChangeFiles((changes) => void this.filesChanged(changes));
  }

  // ----- configuration and files ------------------------------------------------------------------

  /** The language to speak from now on: the server learns its client's at `initialize`. */
  setLocale(locale: Locale): void {
    this.speaks = locale;
  }

  /** The language of what the service says; the protocol layer titles its own actions and progress in it. */
  get locale(): Locale {
    return this.speaks;
  }

  /** The editor's `diplonote` section (and `files.exclude`); returns what was wrong with them. Call `reload` after. */
  setEditorSettings(section: unknown, filesExclude?: unknown): string[] {
    const { settings, problems } = readSettings(section, filesExclude);
    this.configurations.setEditorSettings(settings);
    const annotations = readAnnotationSettings((section as { annotations?: unknown } | null | undefined)?.annotations);
    this.annotationSettings = annotations.settings;
    return [...problems, ...annotations.problems].map((problem) => format(this.locale, problem));
  }

  configurationFor(uri?: string): Configuration {
    return this.configurations.for(uri);
  }

  /**
   * Reads the project files, then the glossaries, again; resolves once both are in force. `first` runs
   * before, in the same turn (the server fetches the editor's settings there), so that every feature
   * asked meanwhile waits for all of it.
   */
  reload(first?: () => Promise<void>): Promise<void> {
    const configuring = this.reloading.then(async () => {
      await first?.();
      await this.configurations.reload();
    });
    this.configured = configuring.catch(() => undefined).then(() => {
      // Exclusions may have changed: the folders are listed again (unchanged notes are kept).
      if (this.index.state !== 'not-started') void this.indexWorkspace();
    });
    this.reloading = configuring.then(async () => {
      await this.glossaries.reload((folder) => this.configurations.for(folder));
      this.analyses.forgetAll();
      this.configurationReadings++;
    }).catch(() => undefined).then(() => {
      this.host.changed?.();
    });
    return this.reloading;
  }

  /**
   * Resolves when the reading started by earlier changes is done. The features that read the glossary
   * or the configuration wait for it, so that an answer after a change notification reflects the change.
   */
  settled(): Promise<void> {
    return this.reloading;
  }

  /** Problems of the project files and glossary files, by URI; a file that has none now has an empty list. */
  fileProblems(): ReadonlyMap<string, readonly FileProblem[]> {
    const problems = this.configurations.problemsByFile(this.projectFilesSeen);
    this.projectFilesSeen = new Set(problems.keys());
    for (const [uri, list] of this.glossaries.problemsByFile) problems.set(uri, list);
    for (const [uri, list] of this.tagTaxonomies.problems()) problems.set(uri, list);
    const said = (list: readonly FileProblem[]) => list.map((problem) => ({ ...problem, message: format(this.locale, problem.said) }));
    return new Map([...problems].map(([uri, list]) => [uri, said(list)]));
  }

  private async filesChanged(changes: readonly FileChange[]): Promise<void> {
    void this.index.filesChanged(changes);
    const tagFiles = changes.filter(({ uri }) => TagTaxonomies.isTagFile(uri));
    for (const { uri } of tagFiles) this.tagTaxonomies.forget(uri);
    // A new taxonomy concerns every open note; a sidecar, its own note.
    const annotated = this.annotationLayer.filesChanged(changes.map(({ uri }) => uri));
    const notes = tagFiles.length > 0 ? this.workspace.documents.all().map((document) => document.uri) : annotated;
    if (notes.length > 0) this.host.annotationsChanged?.(notes);
    const rereads = changes.some(({ uri }) => Configurations.isProjectFile(uri) || Glossaries.isGlossaryFile(uri));
    if (rereads) await this.reload();
    else this.host.changed?.();
  }

  // ----- documents ----------------------------------------------------------------------------------

  /** Called with the changes of one edit before they are applied, to re-analyse only what they touch. */
  documentChanging(document: TextDocument, changes: readonly TextDocumentContentChangeEvent[]): void {
    this.analyses.changing(document, changes);
    this.annotationLayer.documentChanging(document, changes);
  }

  documentClosed(uri: string): void {
    this.annotationLayer.documentClosed(uri);
    this.analyses.forget(uri);
    this.pairing.closed(uri);
    for (const pair of [...this.placed.keys()]) if (pair.split('|').includes(uri)) this.placed.delete(pair);
    void this.index.documentClosed(uri);
  }

  /** How many partner files read from disk are held in memory. */
  get heldPartners(): number {
    return this.pairing.heldPartners;
  }

  /** What the service holds per document, counted (for tests of memory: nothing of a closed note stays). */
  held(): HeldCounts {
    return { analyses: this.analyses.size, partners: this.pairing.heldPartners, alignments: this.pairing.heldAlignments };
  }

  /** The URI of the open or closed file a note pairs with, by name only (nothing is read). */
  partnerUri(document: TextDocument): string | undefined {
    const ref = this.pairing.partnerRef(document);
    return ref?.kind === 'file' ? ref.uri : undefined;
  }

  /** A note that is not open (the CLI's input, later the workspace index): bounded, decoded. */
  readNote(uri: string, maxBytes: number = READ_LIMITS.cliInput): Promise<TextRead> {
    return readText(this.workspace, uri, maxBytes);
  }

  /** The other version, aligned; `interactive` reuses the pairing of paragraphs while the user types. */
  async pair(document: TextDocument, use: AlignmentUse = 'exact'): Promise<PairingResult> {
    return this.pairing.pair(document, use);
  }

  /** Checks the arguments of a request naming an open note at a position; the offset there. */
  notePosition(uri: unknown, at: unknown): Checked<{ document: TextDocument; offset: number }> {
    const note = openNote(this.workspace, uri, false);
    if (!note.ok) return note;
    const checked = position(at);
    return checked.ok ? { ok: true, value: { document: note.value, offset: note.value.offsetAt(checked.value) } } : checked;
  }

  /** Checks the argument of a request naming an open note. */
  note(uri: unknown): Checked<TextDocument> {
    return openNote(this.workspace, uri, false);
  }

  private analysis(document: TextDocument): DocumentAnalysis {
    return this.analyses.get(document);
  }

  /**
   * After a wait (a reload, a partner read), whether the document is still one the service keeps
   * anything for: a note closed meanwhile gets no answer, and no analysis is made for it again.
   */
  private live(document: TextDocument): boolean {
    return this.pairing.isLive(document);
  }

  private withinLimit(document: TextDocument): boolean {
    const limit = this.configurationFor(document.uri).maxFileSize;
    if (document.getText().length <= limit) return true;
    this.host.tooLarge?.(document, limit);
    return false;
  }

  /** The interactive alignment, or undefined for a note past the size limit or with no other version. */
  private async interactive(document: TextDocument): Promise<AlignedDocuments | undefined> {
    if (!this.withinLimit(document)) return undefined;
    const paired = await this.pairing.pair(document, 'interactive');
    return paired.kind === 'aligned' ? paired.aligned : undefined;
  }

  // ----- features -----------------------------------------------------------------------------------

  /** The analysis of a note (the CLI's corpus export reads its paragraphs). */
  analysed(document: TextDocument): Note {
    return this.analysis(document).note;
  }

  outline(document: TextDocument): readonly OutlineItem[] {
    return this.analysis(document).outline;
  }

  folds(document: TextDocument): Fold[] {
    return foldsOf(this.analysis(document));
  }

  selectionChains(document: TextDocument, offsets: readonly number[]): Span[][] {
    return selectionChains(this.analysis(document), offsets);
  }

  async definition(document: TextDocument, offset: number): Promise<Jump | undefined> {
    await this.settled();
    const aligned = await this.interactive(document);
    if (!aligned || !this.live(document)) return undefined;
    const analysis = this.analysis(document);
    const term = termAt(analysis.terms, offset);
    const counterpart = term && termCounterpart(analysis, term, aligned, (other) => this.analysis(other));
    return jumpFrom(analysis, aligned, offset, term && counterpart ? { source: term, counterpart } : undefined);
  }

  /** Undefined when the note has no other version to highlight in. */
  async highlights(document: TextDocument, offset: number): Promise<Highlight[] | undefined> {
    const aligned = await this.interactive(document);
    return aligned && this.live(document) ? highlightsAt(this.analysis(document), aligned, offset) : undefined;
  }

  async codeLenses(document: TextDocument): Promise<Lens[]> {
    const aligned = await this.interactive(document);
    return aligned ? lenses(document, aligned, this.locale) : [];
  }

  async counterpartLocation(document: TextDocument, offset: number): Promise<TextLocation | undefined> {
    const aligned = await this.interactive(document);
    return aligned && this.live(document) ? counterpartLocation(this.analysis(document), aligned, offset) : undefined;
  }

  async hover(document: TextDocument, offset: number): Promise<HoverAnswer | undefined> {
    await this.settled();
    if (!this.live(document)) return undefined;
    const analysis = this.analysis(document);
    const [notes, answer] = await Promise.all([this.annotationHover(document, offset), hoverAt(analysis, offset, async (term) => {
      const aligned = await this.interactive(document);
      return aligned && this.live(document) ? termCounterpart(this.analysis(document), term, aligned, (other) => this.analysis(other)) : undefined;
    }, this.locale)]);
    return withAnnotationHover(notes, answer);
  }

  async completions(document: TextDocument, offset: number): Promise<CompletionData[]> {
    await this.settled();
    if (!this.live(document)) return [];
    return completionsAt(this.analysis(document), offset, this.glossaries.index.entries());
  }

  /**
   * The findings of a note, in steps: the partner is read and paired first; the checks then run one
   * step at a time, so that the caller can pause between steps (and give up when the note changed).
   * A note past the size limit has none.
   */
  async findings(document: TextDocument): Promise<Generator<void, NoteFinding[], void>> {
    if (!this.withinLimit(document)) return noFindings();
    await this.settled();
    const [pairing, unplaced] = await Promise.all([this.pairing.pair(document, 'exact'), this.annotationLayer.orphans(document)]);
    if (!this.live(document)) return noFindings();
    return withFindings(orphanFindings(document, unplaced.orphans, unplaced.sidecar, unplaced.toUtf16, this.locale), findingSteps({
      analysis: this.analysis(document), pairing, settings: this.configurationFor(document.uri).checks,
      termsIn: termsFromGlossary(this.glossaries.index), analysisOf: (other) => this.analysis(other), locale: this.locale,
    }));
  }

  async codeActions(document: TextDocument, request: ActionRequest): Promise<ActionData[]> {
    await this.settled();
    const aligned = await this.interactive(document);
    return this.live(document) ? actionsFor(this.analysis(document), request, aligned, this.locale) : [];
  }

  // ----- the workspace index ---------------------------------------------------------------------------

  /**
   * Indexes every note of the workspace folders (again), in the background; resolves when done. The
   * server starts it once the configuration is read; the CLI when it needs the workspace.
   */
  async indexWorkspace(progress: (() => Promise<IndexProgress>) | undefined = this.host.indexProgress?.bind(this.host)): Promise<void> {
    // The index needs the exclusions, not the glossaries: it does not wait for those to be read.
    await this.configured;
    await this.index.build(progress);
  }

  /**
   * The notes the index covers in a workspace folder, without reading them: `**\/*.note` less the
   * folder's exclusions and what its `.gitignore` files leave out (the CLI's folders and globs).
   */
  async notesIn(folder: string): Promise<string[]> {
    await this.settled();
    return this.index.listNotes([folder]);
  }

  /** Keeps the index for the next session, now (the server shuts down); never rejects. */
  storeIndex(): Promise<void> {
    return this.index.store();
  }

  /** Resolves once the index is complete: waits for a build running, starts one when none completed. */
  async indexComplete(): Promise<void> {
    await this.index.settled();
    if (this.index.state !== 'ready') await this.indexWorkspace();
  }

  /** What the index holds of a note (the editor's text for an open note). */
  indexedNote(uri: string): IndexedNote | undefined {
    return this.indexNow().get(uri);
  }

  get indexState(): IndexState {
    return this.index.state;
  }

  /** The index with the open notes as the editor has them. Never waits: what is indexed so far. */
  private indexNow(): WorkspaceIndex {
    if (this.index.state === 'not-started') void this.indexWorkspace();
    this.index.syncOpenDocuments();
    return this.index;
  }

  /** Notes by reference, title, sender, date or cited communication (Ctrl+T). */
  workspaceSymbols(query: string): WorkspaceSymbolData[] {
    return this.symbolSearch.find(this.indexNow(), query);
  }

  /**
   * Every place a note of the workspace mentions the reference under the cursor (a cited communication,
   * an `in-reply-to:` value or the note's own reference); undefined when there is none there.
   */
  references(document: TextDocument, offset: number, withCarriers: boolean): NoteLocation[] | undefined {
    const at = referenceAt(this.analysis(document).note, offset);
    return at && referencesTo(this.indexNow(), at.key, withCarriers || at.role === 'own');
  }

  /** The notes carrying the cited reference under the cursor as their own; undefined when none does. */
  noteDefinition(document: TextDocument, offset: number): NoteDefinition | undefined {
    const at = referenceAt(this.analysis(document).note, offset);
    if (!at || at.role === 'own') return undefined;
    const targets = carriersOf(this.indexNow(), at.key, document.uri);
    return targets.length > 0 ? { origin: at.span, targets } : undefined;
  }

  /** `counterpart:`, `in-reply-to:` and cited references that resolve in the workspace. */
  async documentLinks(document: TextDocument): Promise<NoteLink[]> {
    const index = this.indexNow();
    return noteLinks(document.uri, this.analysis(document).note, index, this.workspace);
  }

  /** Every indexed note, the open ones as the editor has them. */
  indexedNotes(): IndexedNote[] {
    return [...this.indexNow().all()];
  }

  /**
   * What the findings of an indexed note depend on, as a string that changes whenever they may:
   * the configuration and glossaries read, the note's version and its partner's.
   */
  findingsVersion(note: IndexedNote): string {
    const partner = note.partner === undefined ? undefined : this.index.get(note.partner);
    return `${this.configurationReadings}:${note.version}:${partner?.version ?? ''}`;
  }

  /**
   * The findings of a note of the workspace, open or not (a closed note is read from disk for the
   * check and let go after), computed in slices; undefined when it cannot be read.
   */
  async checkNote(uri: string): Promise<{ document: TextDocument; findings: NoteFinding[] } | undefined> {
    return this.withNote(uri, async (document) => ({ document, findings: await this.findingsInSlices(document) ?? [] }));
  }

  /**
   * Runs `use` on a note of the workspace: the editor's document when it is open, else the file read
   * from disk, held as an open note while `use` runs and let go after; undefined when it cannot be read.
   */
  private async withNote<T>(uri: string, use: (document: TextDocument) => Promise<T>, boundary?: string): Promise<T | undefined> {
    const open = this.workspace.documents.get(uri);
    if (open) return use(open);
    const read = await readText(this.workspace, uri, READ_LIMITS.partner, boundary);
    if (read.kind === 'refused') return undefined;
    // The version a file read from disk gets (see pairing.ts).
    const document = TextDocument.create(uri, 'diplomatic-note', -read.version, read.text);
    this.pairing.hold(document);
    try {
      return await use(document);
    } finally {
      this.pairing.release(document);
      this.analyses.forget(uri);
    }
  }

  /**
   * The findings of a note, computed in slices of `budgetMs` with requests answered in between; undefined
   * when `stillWanted` said to give up.
   */
  async findingsInSlices(document: TextDocument, budgetMs?: number, stillWanted?: () => boolean): Promise<NoteFinding[] | undefined> {
    return runInSlices(await this.findings(document), budgetMs, stillWanted);
  }

  /** The threads of the workspace, by country and year. */
  correspondence(): ThreadCountry[] {
    return correspondence(this.indexNow());
  }

  /** Checks the command's argument, then plans the glossary change. */
  async planTermPair(argument: unknown): Promise<TermPairPlan> {
    const checked = termPairRequest(this.workspace, argument);
    if (!checked.ok) return { kind: 'message', level: 'warning', message: format(this.locale, checked.said) };
    await this.settled();
    return planTermPair(checked.value.request, this.glossaries.index, this.workspace, this.locale);
  }

  /** Why each block of the note was read as it was (what `outline --explain` prints). */
  explainStructure(document: TextDocument): string {
    return formatExplanation(explainStructure(document.getText()));
  }

  /** The aligned sentence pairs of a note and its other version, as TMX or CSV; undefined without one. */
  async exportPairs(document: TextDocument, format: 'tmx' | 'csv', options: PairsExportOptions = {}): Promise<string | undefined> {
    await this.settled();
    const paired = await this.pairing.pair(document, 'exact');
    if (paired.kind !== 'aligned') return undefined;
    const { alignment, en, zh } = paired.aligned;
    const pairs = sentencePairs(alignment);
    const languages = { ...this.configurationFor(document.uri).languageTags, ...options.languages };
    if (format === 'csv') return toCsv(pairs, languages);
    const reference = (this.analysis(en).note.ownReference ?? this.analysis(zh).note.ownReference)?.valueText;
    return toTmx(pairs, {
      toolVersion: this.host.toolVersion, languages, created: options.created ?? new Date(),
      ...(reference ? { reference } : {}), idPrefix: reference ?? fileName(en.uri).replace(/\.note$/i, ''),
    });
  }

  // ----- the translator's workbench -------------------------------------------------------------------

  /** The rows of the aligned view (the same as `diplonote align` prints); undefined without another version. */
  async alignedView(document: TextDocument): Promise<AlignedView | undefined> {
    if (!this.withinLimit(document)) return undefined;
    await this.settled();
    const paired = await this.pairing.pair(document, 'exact');
    if (paired.kind !== 'aligned' || !this.live(document)) return undefined;
    const { aligned } = paired;
    const findings = new Map<string, NoteFinding[]>();
    for (const note of aligned.en === aligned.zh ? [aligned.en] : [aligned.en, aligned.zh]) findings.set(note.uri, finish(await this.findings(note)));
    return { en: aligned.en.uri, zh: aligned.zh.uri, stamp: stampOf(aligned), rows: alignedRows(aligned, findings) };
  }

  /**
   * A correction made in the aligned view, on the rows it showed (`stamp`), written to the sidecars
   * that record it (the English version's for a new one, wherever an old one it replaces lies).
   * Refused when the note or its corrections changed since (the view shows them anew).
   */
  async correctAlignment(document: TextDocument, stamp: string, action: CorrectionAction): Promise<CorrectionOutcome> {
    await this.settled();
    const paired = await this.pairing.pair(document, 'exact');
    if (paired.kind !== 'aligned') return this.notCorrected(message('correction.no-other-version'));
    const { aligned } = paired;
    if (stampOf(aligned) !== stamp) return this.notCorrected(message('correction.stale'));
    const sides = this.sidesOf(aligned);
    const existing = this.placed.get(`${aligned.en.uri}|${aligned.zh.uri}`)?.list ?? [];
    const planned = planAction(action, alignedUnits(aligned.alignment), existing);
    if (planned.kind === 'refused') return this.notCorrected(planned.said);
    const target = correctionsSidecarOf(sides);
    const environment = this.host.annotationEnvironment ?? SYSTEM_ANNOTATION_ENVIRONMENT;
    const added = planned.plan.add.map((correction) => linkingAnnotation(correction, sides, target, environment));
    const writes: SidecarWrite[] = [];
    for (const note of aligned.en === aligned.zh ? [aligned.en] : [aligned.en, aligned.zh]) {
      const stored = await this.annotations.sidecar(note.uri);
      const ownsAdded = stored.uri === target;
      const removes = planned.plan.remove.some((id) => stored.reading.collection.items.some((item) => item.id === id));
      if (!ownsAdded && !removes) continue;
      const write = await this.annotations.plan(note.uri, (collection) => applyPlan(collection, planned.plan, ownsAdded ? added : []));
      if (write.kind === 'refused') return { applied: false, message: write.message };
      writes.push(write.write);
    }
    const sidecars: string[] = [];
    for (const write of writes) {
      const written = await this.workspace.replaceFile(write.uri, new TextEncoder().encode(write.text));
      if (written.kind === 'refused') return { ...this.notCorrected(message('correction.not-written', { file: fileName(write.uri), detail: writeRefusal(written) })), sidecars };
      this.annotations.applied(write);
      sidecars.push(write.uri);
    }
    this.host.changed?.();
    return { applied: true, sidecars };
  }

  private notCorrected(said: Message): CorrectionOutcome {
    return { applied: false, message: format(this.locale, said) };
  }

  /** The figures of a note's versions and whether the other version was found. */
  async statistics(document: TextDocument): Promise<NoteStatistics> {
    await this.settled();
    const paired = this.withinLimit(document) ? await this.pairing.pair(document, 'interactive') : { kind: 'alone' as const };
    return noteStatistics(this.analysis(document), paired);
  }

  /** Every occurrence of `term` in the notes and translation memories under `roots` (folders or files; the workspace folders by default). */
  async concordance(term: string, roots: readonly string[] = this.workspace.folders): Promise<Concordance> {
    await this.settled();
    const uris = await this.filesUnder(roots);
    return concordanceOf(term, uris, {
      read: async (uri, maxBytes) => {
        const read = await this.textOf(uri, maxBytes);
        // Why a file was not read is listed in the user's language.
        return read.kind === 'refused' ? { ...read, message: format(this.locale, read.said) } : read;
      },
      aligned: (uri, note) => this.alignedText(uri, note),
    });
  }

  /** The glossary in force (built-in and user entries) as TBX-Basic or CSV. */
  async exportGlossary(format: 'tbx' | 'csv', languages: Partial<LanguageTags> = {}): Promise<string> {
    await this.settled();
    const entries = this.glossaries.index.entries();
    if (format === 'csv') return glossaryToCsv(entries);
    return glossaryToTbx(entries, { toolVersion: this.host.toolVersion, languages: { ...this.configurationFor().languageTags, ...languages } });
  }

  private sidesOf(aligned: AlignedDocuments): Sides {
    return { en: this.analysis(aligned.en), zh: this.analysis(aligned.zh) };
  }

  /** The corrections of a pair, placed on the versions as they are (again only when the versions or the sidecars changed). */
  private async correctionsOf(en: VersionDocument, zh: VersionDocument): Promise<PairCorrections> {
    const notes = en.document === zh.document ? [en.document.uri] : [en.document.uri, zh.document.uri];
    const sidecars = await Promise.all(notes.map((uri) => this.annotations.sidecar(uri)));
    const key = sidecars.map((sidecar) => sidecar.generation).join(',');
    const pair = `${en.document.uri}|${zh.document.uri}`;
    const versions = `${en.document.version}|${zh.document.version}`;
    const held = this.placed.get(pair);
    if (held && held.key === key && held.versions === versions) return held;
    const placed = { key, versions, list: placedCorrections(sidecars, { en, zh }) };
    if (this.workspace.documents.get(en.document.uri) || this.workspace.documents.get(zh.document.uri)) this.placed.set(pair, placed);
    return placed;
  }

  /** The notes and memories under folders or files, each once, in order. */
  private async filesUnder(roots: readonly string[]): Promise<string[]> {
    const found = new Set<string>();
    for (const root of roots) {
      const stat = await this.workspace.stat(root);
      if (stat?.type === 'file') found.add(root);
      else if (stat?.type === 'directory' || stat === undefined) {
        const exclude = this.configurationFor(root).exclude;
        for (const uri of await this.workspace.findFiles(root, { include: CONCORDANCE_PATTERNS, exclude, maxResults: MAX_CONCORDANCE_FILES + 1 })) found.add(uri);
      }
    }
    for (const document of this.workspace.documents.all()) if (roots.some((root) => isInside(document.uri, root))) found.add(document.uri);
    return [...found];
  }

  /** A file's text: the editor's when it is open, else the file's, bounded, decoded, read inside its folder. */
  private async textOf(uri: string, maxBytes: number = READ_LIMITS.partner): Promise<TextRead> {
    const open = this.workspace.documents.get(uri);
    if (open) return { kind: 'text', text: open.getText(), encoding: 'utf-8', version: open.version };
    return readText(this.workspace, uri, maxBytes, boundaryOf(uri, this.workspace.folders));
  }

  /**
   * A note's alignment with its other version for the concordance: the service's own when the note is
   * open, else made here from the files (with their corrections) and not kept.
   */
  private async alignedText(uri: string, note: Note): Promise<{ alignment: NoteAlignment; side?: 'en' | 'zh'; other: string } | undefined> {
    const open = this.workspace.documents.get(uri);
    if (open) {
      const paired = await this.pairing.pair(open, 'interactive');
      if (paired.kind !== 'aligned') return undefined;
      const { alignment, en, zh } = paired.aligned;
      return en === zh ? { alignment, other: uri } : { alignment, side: en.uri === uri ? 'en' : 'zh', other: en.uri === uri ? zh.uri : en.uri };
    }
    const document = TextDocument.create(uri, 'diplomatic-note', 0, note.text);
    if (note.versions.length >= 2) return this.alignedFiles({ document, note }, { document, note }, uri);
    const ref = partnerOf(uri, note, this.workspace.folders);
    if (ref?.kind !== 'file') return undefined;
    const read = await this.textOf(ref.uri);
    if (read.kind !== 'text') return undefined;
    const partner = { document: TextDocument.create(ref.uri, 'diplomatic-note', 0, read.text), note: analyse(read.text) };
    const self = { document, note };
    const [en, zh] = note.language === 'zh' ? [partner, self] : [self, partner];
    const aligned = await this.alignedFiles(en, zh, uri);
    return aligned && { ...aligned, side: en === self ? 'en' : 'zh', other: ref.uri };
  }

  private async alignedFiles(en: VersionDocument, zh: VersionDocument, uri: string): Promise<{ alignment: NoteAlignment; other: string } | undefined> {
    const [enSide, zhSide] = [sideOf(en.note, 'en'), sideOf(zh.note, 'zh')];
    if (!enSide || !zhSide) return undefined;
    const corrections = await this.correctionsOf(en, zh);
    return { alignment: alignVersions(enSide, zhSide, undefined, corrections.list), other: uri };
  }

  // ----- annotations ---------------------------------------------------------------------------------

  /** A note's annotations placed on it as it is now, their counterparts, the other version's projected on it, the orphans. */
  async annotationsOf(document: TextDocument): Promise<NoteAnnotations> {
    await this.settled();
    return this.annotationLayer.of(document);
  }

  /**
   * The annotations of a note of the workspace, open or not (a closed note is read from disk, inside
   * its folder, and let go after); undefined when it cannot be read.
   */
  async annotationsOfNote(uri: string): Promise<NoteAnnotations | undefined> {
    try {
      return await this.withNote(uri, (document) => this.annotationsOf(document), boundaryOf(uri, this.workspace.folders));
    } finally {
      // What was read for a closed note is let go, as for a note closed in the editor.
      if (this.workspace.documents.get(uri) === undefined) this.annotationLayer.documentClosed(uri);
    }
  }

  /** Every note of the workspace folders with a sidecar of annotations, with its counts, by URI (once the index is complete). */
  async annotatedNotes(): Promise<AnnotatedNote[]> {
    await this.indexComplete();
    return this.indexedNotes().flatMap((note) => annotatedNote(note, this.workspace.documents.get(note.uri) !== undefined) ?? [])
      .sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  }

  /** Makes a change to a note's annotations and writes its sidecar. */
  async editAnnotations(document: TextDocument, edit: AnnotationEdit): Promise<EditOutcome> {
    await this.settled();
    const outcome = await this.annotationLayer.edit(document, edit);
    // The index counts the annotations of every note; a write of the server's own is no file event.
    if (outcome.applied) await this.index.filesChanged([{ uri: outcome.sidecar, kind: 'changed' }]);
    return outcome;
  }

  /** The note was saved: its sidecar is written again when annotations moved with the edits. */
  documentSaved(document: TextDocument): Promise<boolean> {
    return this.annotationLayer.documentSaved(document);
  }

  /** The problems of a note's sidecar and its URI, for the editor to show on that file (an empty list once mended). */
  sidecarProblems(noteUri: string): Promise<{ uri: string; problems: readonly FileProblem[] }> {
    return this.annotationLayer.problems(noteUri);
  }

  /** The annotations under the cursor, for the hover. */
  private async annotationHover(document: TextDocument, offset: number): Promise<HoverAnswer | undefined> {
    return annotationHover(await this.annotationsOf(document), offset, this.locale);
  }

  /** The entries of the outline's Annotations group; none unless `diplonote.annotations.outlineGroup` is on. */
  async annotationEntries(document: TextDocument): Promise<AnnotationEntry[]> {
    await this.settled();
    return this.annotationSettings.outlineGroup ? annotationEntries(await this.annotationLayer.of(document), this.locale) : [];
  }

  /** The tag taxonomy in force for a note. */
  async annotationTags(uri: string): Promise<readonly TagDefinition[]> {
    await this.settled();
    return this.tagTaxonomies.for(uri, this.annotationSettings.tags, this.configurationFor(uri).annotationTags);
  }
}

/** What an aligned view showed: the versions of both documents and the corrections in force. */
function stampOf(aligned: AlignedDocuments): string {
  return `${aligned.en.version}|${aligned.zh.version}|${aligned.corrections}`;
}
