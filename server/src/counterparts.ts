/**
 * Finds the other language version of a note and aligns the two: the note's own versions when it
 * holds both, otherwise its counterpart file (`NAME.en.note` ↔ `NAME.zh.note`, or the front matter's
 * `counterpart:`), taken from the editor when open and from disk when not. One alignment is kept per
 * pair of versions, so moving the cursor costs a lookup, not an alignment.
 */
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisCache } from './analysisCache';
import type { Note } from './core/model';
import { alignVersions, partnerFileName, sideOf, type NoteAlignment } from './core/noteAlignment';

export interface AlignedDocuments {
  readonly alignment: NoteAlignment;
  readonly en: TextDocument;
  readonly zh: TextDocument;
}

export type OpenDocumentLookup = (uri: string) => TextDocument | undefined;

/** Counterpart files larger than this are not read from disk. */
const MAX_COUNTERPART_BYTES = 16 * 1024 * 1024;

export class Counterparts {
  private readonly alignments = new Map<string, AlignedDocuments>();
  private readonly diskDocuments = new Map<string, { mtimeMs: number; document: TextDocument }>();

  constructor(private readonly analyses: AnalysisCache, private readonly openDocument: OpenDocumentLookup) {}

  /** The aligned versions that `document` takes part in, or undefined when it has no counterpart. */
  alignedFor(document: TextDocument): AlignedDocuments | undefined {
    const note = this.analyses.get(document).note;
    if (note.versions.length >= 2) return this.cached([document, document]);
    const other = this.counterpartDocument(document.uri, note);
    if (!other) return undefined;
    return note.language === 'zh' ? this.cached([other, document]) : this.cached([document, other]);
  }

  /** The URI of the other file of a pair, whether or not it exists. */
  counterpartUri(uri: string, note: Note): string | undefined {
    if (!uri.startsWith('file:')) return undefined;
    const file = fileURLToPath(uri);
    const declared = note.frontMatter?.entries.find((e) => e.key === 'counterpart')?.value;
    if (declared) return pathToFileURL(path.resolve(path.dirname(file), declared)).toString();
    const partner = partnerFileName(file);
    return partner ? pathToFileURL(partner).toString() : undefined;
  }

  forget(uri: string): void {
    for (const key of this.alignments.keys()) if (key.includes(uri)) this.alignments.delete(key);
    this.diskDocuments.delete(uri);
  }

  private counterpartDocument(uri: string, note: Note): TextDocument | undefined {
    const other = this.counterpartUri(uri, note);
    if (!other || other === uri) return undefined;
    return this.openDocument(other) ?? this.readFromDisk(other);
  }

  private readFromDisk(uri: string): TextDocument | undefined {
    try {
      const file = fileURLToPath(uri);
      const stat = statSync(file);
      if (!stat.isFile() || stat.size > MAX_COUNTERPART_BYTES) return undefined;
      const cached = this.diskDocuments.get(uri);
      if (cached && cached.mtimeMs === stat.mtimeMs) return cached.document;
      const document = TextDocument.create(uri, 'diplomatic-note', -Math.round(stat.mtimeMs), readFileSync(file, 'utf8'));
      this.diskDocuments.set(uri, { mtimeMs: stat.mtimeMs, document });
      return document;
    } catch {
      return undefined;
    }
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
