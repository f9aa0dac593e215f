/**
 * Finds the other language version of a note and aligns the two: the note's own versions when it
 * holds both, otherwise its counterpart file (`NAME.en.note` ↔ `NAME.zh.note`, or the front matter's
 * `counterpart:`), taken from the editor when open and from the platform (the disk) when not. The
 * latest alignment of each pair of files is kept, so moving the cursor costs a lookup, not an
 * alignment. While the user types inside paragraphs, interactive features reuse the pairing of
 * paragraphs (re-pairing points and sentences); checks and export always get a fresh alignment.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisCache } from './analysisCache';
import type { Note } from './core/model';
import { alignVersions, partnerFileName, reuseAlignment, sideOf, type NoteAlignment } from './core/noteAlignment';

export interface AlignedDocuments {
  readonly alignment: NoteAlignment;
  readonly en: TextDocument;
  readonly zh: TextDocument;
}

/** A closed file: a number that changes whenever the file does (its modification time), and its text. */
export interface StoredFile {
  readonly version: number;
  /** Read only when the version differs from the one already held. */
  read(): string | undefined;
}

export interface CounterpartSources {
  openDocument(uri: string): TextDocument | undefined;
  /** Reads a file that is not open; absent where there is no file system (the browser). */
  readFile?(uri: string): StoredFile | undefined;
}

/** `exact`: aligned afresh for this version. `interactive`: may reuse the last pairing of paragraphs while only local edits happened. */
export type AlignmentUse = 'exact' | 'interactive';

interface HeldAlignment {
  readonly aligned: AlignedDocuments;
  /** The document versions and analysis shapes (see AnalysisCache) it was made for. */
  readonly versions: string;
  readonly shapes: string;
  readonly exact: boolean;
}

export class Counterparts {
  /** The latest alignment per pair of files (`en URI|zh URI`). */
  private readonly alignments = new Map<string, HeldAlignment>();
  private readonly closedDocuments = new Map<string, TextDocument>();

  constructor(private readonly analyses: AnalysisCache, private readonly sources: CounterpartSources) {}

  /** The aligned versions that `document` takes part in, or undefined when it has no counterpart. */
  alignedFor(document: TextDocument, use: AlignmentUse = 'exact'): AlignedDocuments | undefined {
    const note = this.analyses.get(document).note;
    if (note.versions.length >= 2) return this.cached([document, document], use);
    const other = this.counterpartDocument(document.uri, note);
    if (!other) return undefined;
    return this.cached(note.language === 'zh' ? [other, document] : [document, other], use);
  }

  forget(uri: string): void {
    for (const pair of this.alignments.keys()) if (pair.split('|').includes(uri)) this.alignments.delete(pair);
    this.closedDocuments.delete(uri);
  }

  private counterpartDocument(uri: string, note: Note): TextDocument | undefined {
    const other = counterpartUri(uri, note);
    if (!other || other === uri) return undefined;
    return this.sources.openDocument(other) ?? this.closedDocument(other);
  }

  private closedDocument(uri: string): TextDocument | undefined {
    const stored = this.sources.readFile?.(uri);
    if (!stored) return undefined;
    const cached = this.closedDocuments.get(uri);
    if (cached && cached.version === stored.version) return cached;
    const text = stored.read();
    if (text === undefined) return undefined;
    const document = TextDocument.create(uri, 'diplomatic-note', stored.version, text);
    this.closedDocuments.set(uri, document);
    return document;
  }

  private cached([en, zh]: [TextDocument, TextDocument], use: AlignmentUse): AlignedDocuments | undefined {
    const pair = `${en.uri}|${zh.uri}`;
    const versions = `${en.version}|${zh.version}`;
    const held = this.alignments.get(pair);
    if (held && held.versions === versions && (held.exact || use === 'interactive')) return held.aligned;
    const enAnalysis = this.analyses.get(en);
    const zhAnalysis = this.analyses.get(zh);
    const enSide = sideOf(enAnalysis.note, 'en');
    const zhSide = sideOf(zhAnalysis.note, 'zh');
    if (!enSide || !zhSide) return undefined;
    const shapes = `${enAnalysis.shape}|${zhAnalysis.shape}`;
    const reused = use === 'interactive' && held && held.shapes === shapes ? reuseAlignment(held.aligned.alignment, enSide, zhSide) : undefined;
    const aligned = { alignment: reused ?? alignVersions(enSide, zhSide), en, zh };
    this.alignments.set(pair, { aligned, versions, shapes, exact: reused === undefined });
    return aligned;
  }

}

/** The URI of the other file of a pair, whether or not it exists: `counterpart:` first, then the name. */
export function counterpartUri(uri: string, note: Note): string | undefined {
  const declared = note.frontMatter?.entries.find((e) => e.key === 'counterpart')?.value;
  try {
    if (declared) return new URL(declared, uri).toString();
  } catch {
    return undefined;
  }
  return partnerFileName(uri);
}
