/**
 * `diplonote index DIR --jsonl OUT`: the notes of a folder as a corpus in JSON Lines, one record type
 * per file (`notes`, `paragraphs`, `sentences`, `findings`, `annotations`), for DuckDB, pandas or Spark.
 * The folder is indexed as the editor indexes a workspace folder (its `.diplonote.json`, exclusions and
 * `.gitignore`), each note read through the same service. The schema is in docs/corpus.md.
 */
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { commentsOf, creatorName, quoteSelectorOf, spanTargetOf, tagsOf } from '../../core/annotations/model';
import { parseSidecar, sidecarFileName } from '../../core/annotations/sidecar';
import { message } from '../../core/messages';
import type { Note } from '../../core/model';
import { sentencePairs } from '../../core/export/pairs';
import { NodeWorkspace } from '../../node/nodeWorkspace';
import { createNoteService, type IndexedNote, type NoteFinding, type NoteService } from '../../service';
import { relativePath } from '../../service/uris';
import type { CommandContext } from '../command';
import { defineCommand, EXIT_OK, EXIT_UNUSABLE_INPUT } from '../definition';

const RECORD_FILES = ['notes', 'paragraphs', 'sentences', 'findings', 'annotations'] as const;
type RecordFile = (typeof RECORD_FILES)[number];

export const indexCommand = defineCommand({
  name: 'index',
  operands: 'DIR',
  minOperands: 1,
  maxOperands: 1,
  summary: message('cli.index.summary'),
  details: message('cli.index.details'),
  options: {
    jsonl: { type: 'string', value: 'OUT', description: message('cli.index.jsonl') },
  },
  async run(context, options) {
    if (options.jsonl === undefined) {
      context.error(`diplonote index: ${context.say(message('cli.index.no-out'))}`);
      return EXIT_UNUSABLE_INPUT;
    }
    const folder = path.resolve(context.inputs[0].file);
    const corpus = new CorpusWriter(pathToFileURL(folder).toString(), options.jsonl);
    try {
      await corpus.write(context);
    } catch (error) {
      context.error(`diplonote index: ${error instanceof Error ? error.message : String(error)}`);
      return EXIT_UNUSABLE_INPUT;
    } finally {
      await corpus.close();
    }
    context.error(`diplonote index: ${corpus.counts()}`);
    return EXIT_OK;
  },
});

class CorpusWriter {
  private readonly streams = new Map<RecordFile, WriteStream>();
  private readonly written = new Map<RecordFile, number>();
  private readonly open = new Map<string, TextDocument>();
  private readonly service: NoteService;

  constructor(private readonly folder: string, out: string) {
    const documents = { get: (uri: string) => this.open.get(uri), all: () => [...this.open.values()] };
    this.service = createNoteService({ workspace: new NodeWorkspace(documents, [folder]), toolVersion: CLI_VERSION });
    mkdirSync(out, { recursive: true });
    for (const name of RECORD_FILES) this.streams.set(name, createWriteStream(path.join(out, `${name}.jsonl`), 'utf8'));
  }

  async write(context: CommandContext): Promise<void> {
    await this.service.reload();
    await this.service.indexWorkspace();
    const notes = this.service.indexedNotes().sort((a, b) => (a.uri < b.uri ? -1 : 1));
    const paired = new Set<string>();
    for (const entry of notes) {
      const read = await this.service.readNote(entry.uri);
      if (read.kind === 'refused') {
        context.error(`diplonote: ${context.display(entry.uri)}: ${context.say(read.said)}`);
        continue;
      }
      const document = TextDocument.create(entry.uri, 'diplomatic-note', -read.version, read.text);
      this.open.set(entry.uri, document);
      try {
        await this.writeNote(entry, document, paired);
      } finally {
        this.open.delete(entry.uri);
        this.service.documentClosed(entry.uri);
      }
    }
  }

  private path(uri: string): string {
    return relativePath(this.folder, uri) ?? uri;
  }

  private record(file: RecordFile, value: object): void {
    (this.streams.get(file) as WriteStream).write(`${JSON.stringify(value)}\n`);
    this.written.set(file, (this.written.get(file) ?? 0) + 1);
  }

  private async writeNote(entry: IndexedNote, document: TextDocument, paired: Set<string>): Promise<void> {
    const note = this.service.analysed(document);
    const file = this.path(entry.uri);
    this.record('notes', noteRecord(file, entry, entry.partner === undefined ? undefined : this.path(entry.partner)));
    for (const paragraph of note.paragraphs) {
      this.record('paragraphs', {
        note: file, language: paragraph.language, role: paragraph.role, number: paragraph.index,
        line: document.positionAt(paragraph.span.start).line + 1, points: paragraph.points.length,
        text: paragraph.parts.map((part) => note.text.slice(part.start, part.end)).join('\n'),
      });
    }
    await this.writePairs(document, paired);
    for (const finding of (await this.service.findingsInSlices(document)) ?? []) this.record('findings', findingRecord(file, document, finding));
    this.writeAnnotations(file, note, document);
    await this.writeSidecar(entry, file);
  }

  /** The sentence pairs of each pair of files once (a note in two files is paired from either). */
  private async writePairs(document: TextDocument, paired: Set<string>): Promise<void> {
    const pairing = await this.service.pair(document);
    if (pairing.kind !== 'aligned') return;
    const { en, zh, alignment } = pairing.aligned;
    const key = `${en.uri}|${zh.uri}`;
    if (paired.has(key)) return;
    paired.add(key);
    sentencePairs(alignment).forEach((pair, index) => {
      this.record('sentences', { en_note: this.path(en.uri), zh_note: this.path(zh.uri), pair: index + 1, en: pair.en, zh: pair.zh });
    });
  }

  /** The `%%` lines of the text. */
  private writeAnnotations(file: string, note: Note, document: TextDocument): void {
    for (const annotation of note.annotations) {
      this.record('annotations', { note: file, source: 'inline', line: document.positionAt(annotation.span.start).line + 1, comment: annotation.text });
    }
  }

  /** The annotations of the sidecar file `NAME.note.annotations.json`, those that could be read. */
  private async writeSidecar(entry: IndexedNote, file: string): Promise<void> {
    if (entry.annotations === undefined) return;
    const sidecar = `${entry.uri}${sidecarFileName('')}`;
    const read = await this.service.readNote(sidecar);
    if (read.kind === 'refused') return;
    for (const annotation of parseSidecar(read.text, sidecar).collection.items) {
      const target = spanTargetOf(annotation);
      this.record('annotations', {
        note: file, source: 'sidecar', id: annotation.id, motivation: annotation.motivation, status: annotation.status ?? null,
        created: annotation.created ?? null, creator: creatorName(annotation) ?? null, tags: tagsOf(annotation),
        comment: commentsOf(annotation).join('\n'), quote: (target && quoteSelectorOf(target)?.exact) ?? null,
      });
    }
  }

  counts(): string {
    return RECORD_FILES.map((name) => `${this.written.get(name) ?? 0} ${name}`).join(', ');
  }

  async close(): Promise<void> {
    await Promise.all([...this.streams.values()].map((stream) => new Promise<void>((resolve) => stream.end(resolve))));
  }
}

function noteRecord(file: string, entry: IndexedNote, partner: string | undefined): object {
  const counts = (field: 'paragraphs' | 'points') => Object.fromEntries(Object.entries(entry.counts).map(([language, tally]) => [language, tally?.[field] ?? 0]));
  return {
    path: file, reference: entry.ownReference?.text ?? null, date: entry.date ?? null, year: entry.year ?? null,
    sender: entry.sender ?? null, addressee: entry.addressee ?? null, title: entry.title ?? null, languages: entry.languages,
    cites: [...new Set(entry.mentions.filter((m) => m.via === 'citation').map((m) => m.key))],
    in_reply_to: entry.inReplyTo,
    partner: partner ?? null, paragraphs: counts('paragraphs'), points: counts('points'),
    inline_annotations: entry.inlineAnnotations, annotations: entry.annotations ? entry.annotations.annotations + entry.annotations.replies : 0,
  };
}

function findingRecord(file: string, document: TextDocument, finding: NoteFinding): object {
  const start = document.positionAt(finding.span.start);
  const end = document.positionAt(finding.span.end);
  return {
    note: file, code: finding.code, severity: finding.severity, message: finding.message,
    line: start.line + 1, column: start.character + 1, end_line: end.line + 1, end_column: end.character + 1,
  };
}

declare const CLI_VERSION: string;
