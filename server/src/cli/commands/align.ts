/**
 * `diplonote align FILE… [--json]`: the aligned paragraphs, points and sentences of each note with
 * line numbers and a confidence per pair. A file holding both versions is aligned on its own; a
 * `NAME.en.note` is aligned with its `NAME.zh.note` partner (and the pair is shown once).
 */
import * as path from 'node:path';
import type { Note, Span } from '../../core/model';
import type { NoteAlignment } from '../../core/noteAlignment';
import { lineOfOffset } from '../../core/text/lines';
import type { CommandContext } from '../command';
import { loadVersions } from '../loadVersions';

interface JsonPair {
  level: 'paragraph' | 'point' | 'sentence';
  en: { line: number; endLine: number; text: string };
  zh: { line: number; endLine: number; text: string };
  confidence: number;
}

export function alignCommand(context: CommandContext): number {
  const done = new Set<string>();
  const results: Array<{ en: string; zh: string; pairs: JsonPair[] }> = [];
  const status = context.forEachFile((file, text) => {
    if (done.has(path.resolve(file))) return;
    const versions = loadVersions(file, text);
    if ('reason' in versions) {
      context.error(`diplonote: ${file}: ${versions.reason}`);
      return;
    }
    const { files, notes } = versions;
    done.add(path.resolve(files.en)).add(path.resolve(files.zh));
    const pairs = describe(versions.alignment, notes.en, notes.zh);
    if (context.json) results.push({ en: files.en, zh: files.zh, pairs });
    else context.out(formatPairs(files.en, files.zh, pairs));
  });
  if (context.json) context.out(JSON.stringify(results, null, 2) + '\n');
  return status;
}

function describe(alignment: NoteAlignment, enNote: Note, zhNote: Note): JsonPair[] {
  const place = (note: Note, spans: readonly Span[]) => {
    const start = Math.min(...spans.map((s) => s.start));
    const end = Math.max(...spans.map((s) => s.end));
    return { line: lineOfOffset(note.lineStarts, start) + 1, endLine: lineOfOffset(note.lineStarts, end) + 1, text: shorten(note.text.slice(start, end)) };
  };
  const pairs: JsonPair[] = [];
  for (const paragraph of alignment.paragraphs) {
    if (paragraph.en.length === 0 || paragraph.zh.length === 0) {
      pairs.push(unpaired(paragraph.en.length > 0 ? place(enNote, paragraph.en) : undefined, paragraph.zh.length > 0 ? place(zhNote, paragraph.zh) : undefined, paragraph.confidence));
      continue;
    }
    pairs.push({ level: 'paragraph', en: place(enNote, paragraph.en), zh: place(zhNote, paragraph.zh), confidence: round(paragraph.confidence) });
    for (const point of paragraph.points) {
      pairs.push({ level: 'point', en: place(enNote, [point.en.marker]), zh: place(zhNote, [point.zh.marker]), confidence: 1 });
    }
    for (const sentence of paragraph.sentences) {
      if (sentence.en.length === 0 || sentence.zh.length === 0) continue;
      pairs.push({ level: 'sentence', en: place(enNote, sentence.en), zh: place(zhNote, sentence.zh), confidence: round(sentence.confidence) });
    }
  }
  return pairs;
}

const NONE = { line: 0, endLine: 0, text: '' };

function unpaired(en: JsonPair['en'] | undefined, zh: JsonPair['zh'] | undefined, confidence: number): JsonPair {
  return { level: 'paragraph', en: en ?? NONE, zh: zh ?? NONE, confidence: round(confidence) };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > 40 ? oneLine.slice(0, 40) + '…' : oneLine;
}

const LEVEL_MARKS: Record<JsonPair['level'], string> = { paragraph: '¶', point: '  •', sentence: '    ·' };

function formatPairs(enFile: string, zhFile: string, pairs: readonly JsonPair[]): string {
  const lines = [enFile === zhFile ? enFile : `${enFile} ↔ ${zhFile}`];
  for (const pair of pairs) {
    const en = pair.en.line ? `${pair.en.line}` : '—';
    const zh = pair.zh.line ? `${pair.zh.line}` : '—';
    lines.push(`${LEVEL_MARKS[pair.level].padEnd(6)}${en.padStart(5)} ↔ ${zh.padEnd(5)} ${pair.confidence.toFixed(2)}  ${pair.en.text || '(none)'}  ↔  ${pair.zh.text || '(none)'}`);
  }
  return lines.join('\n') + '\n';
}
