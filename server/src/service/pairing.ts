/**
 * Finds the other language version of a note and aligns the two: the note's own versions when it
 * holds both, otherwise its partner file (the front matter's `counterpart:`, or `NAME.en.note` ↔
 * `NAME.zh.note`), as the path policy allows it, taken from the editor when open and from the
 * workspace when not. The latest alignment of each pair of files is kept, so moving the cursor costs
 * a lookup, not an alignment. While the user types inside paragraphs, interactive features reuse the
 * pairing of paragraphs (re-pairing points and sentences); checks and export always get a fresh one,
 * which reads again only the blocks that changed since the alignment kept (realignVersions).
 *
 * A partner read from disk is held while an open note needs it, and let go (text, analysis and
 * alignments) when the last such note closes or names another partner.
 */
import { message, saying, type Saying } from '../core/messages';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AlignmentCorrection } from '../core/alignmentCorrections';
import type { Span } from '../core/model';
import { alignVersions, realignVersions, reuseAlignment, sideOf, type NoteAlignment } from '../core/noteAlignment';
import type { TextEncoding } from '../core/text/decode';
import type { AnalysisCache, DocumentAnalysis } from './analysisCache';
import { readText, READ_LIMITS } from './files';
import { boundaryOf, partnerOf, type PartnerRef } from './pathPolicy';
import { fileName } from './uris';
import type { Workspace } from './workspace';

export interface AlignedDocuments {
  readonly alignment: NoteAlignment;
  readonly en: TextDocument;
  readonly zh: TextDocument;
  /** Which corrections the alignment follows (changes when they do). */
  readonly corrections: string;
}

/** The user's corrections of a pair's alignment, placed on the versions as they are, and what identifies them. */
export interface PairCorrections {
  readonly key: string;
  readonly list: readonly AlignmentCorrection[];
}

export type CorrectionsOf = (en: DocumentAnalysis, zh: DocumentAnalysis) => Promise<PairCorrections>;

const NO_CORRECTIONS: CorrectionsOf = () => Promise.resolve({ key: '', list: [] });

/**
 * Why a note named a partner that is not used, at the place it was named: refused by the path policy,
 * or a `counterpart:` file that does not exist.
 */
export interface PartnerProblem extends Saying {
  readonly code: 'counterpart-invalid' | 'link-missing';
  readonly span: Span;
}

export type PairingResult =
  | { readonly kind: 'aligned'; readonly aligned: AlignedDocuments }
  | { readonly kind: 'alone'; readonly problem?: PartnerProblem };

/** `exact`: aligned afresh for this version. `interactive`: may reuse the last pairing of paragraphs while only local edits happened. */
export type AlignmentUse = 'exact' | 'interactive';

interface HeldAlignment {
  readonly aligned: AlignedDocuments;
  /** The document versions and analysis shapes (see AnalysisCache) it was made for. */
  readonly versions: string;
  readonly shapes: string;
  readonly exact: boolean;
}


type PartnerDocument = { readonly document: TextDocument } | { readonly problem?: PartnerProblem };

const ALONE: PairingResult = { kind: 'alone' };

export class Pairing {
  /** The latest alignment per pair of files (`en URI|zh URI`). */
  private readonly alignments = new Map<string, HeldAlignment>();
  /** Partner files read from the workspace, by URI. */
  private readonly fromDisk = new Map<string, TextDocument>();
  /** Reads in progress, so that requests arriving together read a partner once. */
  private readonly reading = new Map<string, Promise<PartnerDocument>>();
  /** For each note, the partner it last read from the workspace. */
  private readonly partnerRead = new Map<string, string>();
  /** Notes read from disk to be checked (a workspace check): live until released. */
  private readonly held = new Map<string, TextDocument>();

  constructor(
    private readonly analyses: AnalysisCache,
    private readonly workspace: Workspace,
    private readonly decoded: (uri: string, encoding: TextEncoding) => void,
    private readonly correctionsOf: CorrectionsOf = NO_CORRECTIONS,
  ) {}

  /** Where the partner of a note is named, by the path policy; no file is touched. */
  partnerRef(document: TextDocument): PartnerRef | undefined {
    return partnerOf(document.uri, this.analyses.get(document).note, this.workspace.folders);
  }

  async pair(document: TextDocument, use: AlignmentUse = 'exact'): Promise<PairingResult> {
    if (!this.isLive(document)) return ALONE;
    const note = this.analyses.get(document).note;
    if (note.versions.length >= 2) return this.aligned([document, document], use);
    const ref = this.partnerRef(document);
    if (!ref) return ALONE;
    if (ref.kind === 'refused') return { kind: 'alone', problem: { code: 'counterpart-invalid', message: ref.message, said: ref.said, span: ref.at } };
    const partner = await this.partnerDocument(document, ref.uri, ref.namedAt);
    if (!('document' in partner)) return partner.problem ? { kind: 'alone', problem: partner.problem } : ALONE;
    // Closed while the partner was read: nothing is analysed or kept for it any more.
    if (!this.isLive(document)) return ALONE;
    // The editor updates a document in place: after the read, the note is as it is now.
    const language = this.analyses.get(document).note.language;
    return this.aligned(language === 'zh' ? [partner.document, document] : [document, partner.document], use);
  }

  /** Open in the editor, a partner held for an open note, or a note being checked: what the service keeps anything for. */
  isLive(document: TextDocument): boolean {
    const { uri } = document;
    return this.workspace.documents.get(uri) === document || this.fromDisk.get(uri) === document || this.held.get(uri) === document;
  }

  /** A note read from disk is checked: it is live, as an open note, until `release`. */
  hold(document: TextDocument): void {
    this.held.set(document.uri, document);
  }

  release(document: TextDocument): void {
    if (this.held.get(document.uri) === document) this.held.delete(document.uri);
    this.closed(document.uri);
  }

  /** A note closed: what only it needed goes. */
  closed(uri: string): void {
    this.partnerRead.delete(uri);
    this.forgetAlignmentsWith(uri);
    this.letGoUnneeded();
  }

  /** How many partner files read from the workspace are held (for tests of memory). */
  get heldPartners(): number {
    return this.fromDisk.size;
  }

  /** How many alignments of pairs of files are held (for tests of memory). */
  get heldAlignments(): number {
    return this.alignments.size;
  }

  private async partnerDocument(note: TextDocument, uri: string, namedAt: Span | undefined): Promise<PartnerDocument> {
    const open = this.workspace.documents.get(uri);
    if (open) {
      this.rememberPartner(note.uri, undefined);
      return { document: open };
    }
    let reading = this.reading.get(uri);
    if (!reading) {
      reading = this.readPartner(uri, boundaryOf(note.uri, this.workspace.folders), namedAt, note);
      this.reading.set(uri, reading);
      void reading.finally(() => this.reading.delete(uri));
    }
    const partner = await reading;
    this.rememberPartner(note.uri, 'document' in partner ? uri : undefined);
    // Closed while the partner was read (a check under way): nothing is kept for it.
    if (!this.isLive(note)) this.letGoUnneeded();
    return partner;
  }

  /**
   * The partner as on disk now: read again only when its version changed. `namedAt` is where the
   * note's `counterpart:` names it (absent for a twin found by name, which may well not exist).
   */
  private async readPartner(uri: string, boundary: string, namedAt: Span | undefined, note: TextDocument): Promise<PartnerDocument> {
    const stat = await this.workspace.stat(uri);
    if (stat === undefined && namedAt) {
      return { problem: { code: 'link-missing', ...saying(message('pairing.no-file', { file: fileName(uri) })), span: namedAt } };
    }
    if (stat?.type !== 'file') return {};
    const held = this.fromDisk.get(uri);
    // Versions of files on disk are negative, so they never equal an editor's version of the same URI.
    if (held && held.version === -stat.version) return { document: held };
    const read = await readText(this.workspace, uri, READ_LIMITS.partner, boundary);
    if (read.kind === 'refused') {
      const unreadable = saying(message('pairing.unreadable', { file: fileName(uri), reason: read.message }));
      return read.missing ? {} : { problem: { code: 'counterpart-invalid', ...unreadable, span: namedAt ?? firstLine(note) } };
    }
    this.decoded(uri, read.encoding);
    const document = TextDocument.create(uri, 'diplomatic-note', -read.version, read.text);
    this.fromDisk.set(uri, document);
    return { document };
  }

  /** Only a note open in the editor holds its partner; any other caller reads it for the moment. */
  private rememberPartner(note: string, read: string | undefined): void {
    const partner = this.workspace.documents.get(note) ? read : undefined;
    const previous = this.partnerRead.get(note);
    if (previous === partner) return;
    if (partner === undefined) this.partnerRead.delete(note);
    else this.partnerRead.set(note, partner);
    this.letGoUnneeded();
  }

  private letGoUnneeded(): void {
    const needed = new Set(this.partnerRead.values());
    for (const uri of [...this.fromDisk.keys()]) {
      if (needed.has(uri)) continue;
      this.fromDisk.delete(uri);
      this.forgetAlignmentsWith(uri);
      if (!this.workspace.documents.get(uri)) this.analyses.forget(uri);
    }
  }

  private forgetAlignmentsWith(uri: string): void {
    for (const pair of [...this.alignments.keys()]) if (pair.split('|').includes(uri)) this.alignments.delete(pair);
  }

  /**
   * The alignment of the two versions with the user's corrections (a closed note then gets nothing).
   * The held one serves while versions and corrections are the same.
   */
  private async aligned([en, zh]: [TextDocument, TextDocument], use: AlignmentUse): Promise<PairingResult> {
    const corrections = await this.currentCorrections(en, zh);
    if (!corrections) return ALONE;
    const pair = `${en.uri}|${zh.uri}`;
    const versions = `${en.version}|${zh.version}|${corrections.key}`;
    const held = this.alignments.get(pair);
    if (held && held.versions === versions && (held.exact || use === 'interactive')) return { kind: 'aligned', aligned: held.aligned };
    const enAnalysis = this.analyses.get(en);
    const zhAnalysis = this.analyses.get(zh);
    const enSide = sideOf(enAnalysis.note, 'en');
    const zhSide = sideOf(zhAnalysis.note, 'zh');
    if (!enSide || !zhSide) return ALONE;
    const shapes = `${enAnalysis.shape}|${zhAnalysis.shape}|${corrections.key}`;
    const reused = use === 'interactive' && held && held.shapes === shapes ? reuseAlignment(held.aligned.alignment, enSide, zhSide, undefined, corrections.list) : undefined;
    // Exact: aligned afresh; without corrections, reading again only the blocks that changed since the alignment held.
    const exact = () => (held && corrections.list.length === 0
      ? realignVersions(held.aligned.alignment, enSide, zhSide)
      : alignVersions(enSide, zhSide, undefined, corrections.list));
    const aligned = { alignment: reused ?? exact(), en, zh, corrections: corrections.key };
    this.alignments.set(pair, { aligned, versions, shapes, exact: reused === undefined });
    return { kind: 'aligned', aligned };
  }

  /**
   * The corrections placed on the versions as they are: placed again when a version changed while the
   * sidecars were read (the editor updates a document in place). Undefined when a note closed meanwhile.
   */
  private async currentCorrections(en: TextDocument, zh: TextDocument): Promise<PairCorrections | undefined> {
    for (let attempt = 0; ; attempt++) {
      const versions = `${en.version}|${zh.version}`;
      const corrections = await this.correctionsOf(this.analyses.get(en), this.analyses.get(zh));
      if (!this.isLive(en) || !this.isLive(zh)) return undefined;
      if (versions === `${en.version}|${zh.version}` || attempt >= MAX_PLACEMENTS) return corrections;
    }
  }
}

/** Placings of the corrections while the user keeps typing before the alignment goes ahead with the last. */
const MAX_PLACEMENTS = 3;

/** The first line of a document: where a problem with a partner named by no line of the note is shown. */
function firstLine(document: TextDocument): Span {
  const text = document.getText();
  const end = text.search(/\r|\n/);
  return { start: 0, end: end < 0 ? text.length : end };
}

