/**
 * Finds the other language version of a note and aligns the two: the note's own versions when it
 * holds both, otherwise its counterpart file (`NAME.en.note` ↔ `NAME.zh.note`, or the front matter's
 * `counterpart:`), taken from the editor when open and from the platform (the disk) when not. One
 * alignment is kept per pair of versions, so moving the cursor costs a lookup, not an alignment.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisCache } from './analysisCache';
import type { Note } from './core/model';
import { alignVersions, partnerFileName, sideOf, type NoteAlignment } from './core/noteAlignment';

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

export class Counterparts {
  private readonly alignments = new Map<string, AlignedDocuments>();
  private readonly closedDocuments = new Map<string, TextDocument>();

  constructor(private readonly analyses: AnalysisCache, private readonly sources: CounterpartSources) {}

  /** The aligned versions that `document` takes part in, or undefined when it has no counterpart. */
  alignedFor(document: TextDocument): AlignedDocuments | undefined {
    const note = this.analyses.get(document).note;
    if (note.versions.length >= 2) return this.cached([document, document]);
    const other = this.counterpartDocument(document.uri, note);
    if (!other) return undefined;
    return note.language === 'zh' ? this.cached([other, document]) : this.cached([document, other]);
  }

  forget(uri: string): void {
    for (const key of this.alignments.keys()) if (key.includes(uri)) this.alignments.delete(key);
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

  private cached([en, zh]: [TextDocument, TextDocument]): AlignedDocuments | undefined {
    const key = `${en.uri}@${en.version}|${zh.uri}@${zh.version}`;
    const hit = this.alignments.get(key);
    if (hit) return hit;
    const enSide = sideOf(this.analyses.get(en).note, 'en');
    const zhSide = sideOf(this.analyses.get(zh).note, 'zh');
    if (!enSide || !zhSide) return undefined;
    for (const stale of this.alignments.keys()) if (stale.startsWith(`${en.uri}@`) || stale.includes(`|${zh.uri}@`)) this.alignments.delete(stale);
    const aligned = { alignment: alignVersions(enSide, zhSide), en, zh };
    this.alignments.set(key, aligned);
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
