/**
 * `diplonote align FILE… [--json]`: the aligned paragraphs, points and sentences of each note with
 * line numbers and a confidence per pair. A file holding both versions is aligned on its own; a
 * note with a partner file is aligned with it (and the pair is shown once).
 */
import { message } from '../../core/messages';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Span } from '../../core/model';
import type { NoteAlignment } from '../../core/noteAlignment';
import { defineCommand } from '../definition';
import { jsonText, type Style } from '../terminal';
import { alonePairing } from './versions';

interface JsonPair {
  level: 'paragraph' | 'point' | 'sentence';
  en: { line: number; endLine: number; text: string };
  zh: { line: number; endLine: number; text: string };
  confidence: number;
}

export const alignCommand = defineCommand({
  name: 'align',
  operands: 'FILE…',
  minOperands: 1,
  summary: 'paragraphs, points and sentences paired across the two languages, with lines and confidence',
  details: 'A file holding both versions is aligned on its own; a note with a partner file is aligned with it\n(and the pair is shown once).',
  options: {
    json: { type: 'boolean', description: 'JSON: per pair of files, the pairs with level, en and zh lines and text, confidence' },
  },
  async run(context, options) {
    const done = new Set<string>();
    const results: Array<{ en: string; zh: string; pairs: JsonPair[] }> = [];
    const status = await context.forEachNote(async ({ file, document }) => {
      const paired = await context.service.pair(document);
      if (paired.kind === 'alone') {
        context.error(`diplonote: ${file}: ${alonePairing(paired, context.say)}`);
        return;
      }
      const { en, zh, alignment } = paired.aligned;
      done.add(en.uri).add(zh.uri);
      const pairs = describe(alignment, en, zh);
      const files = { en: context.display(en.uri), zh: context.display(zh.uri) };
      if (options.json) results.push({ ...files, pairs });
      else context.out(formatPairs(context.style, files.en, files.zh, pairs, context.say(message('cli.none'))));
    }, (uri) => done.has(uri));
    if (options.json) context.out(jsonText(results));
    return status;
  },
});

function describe(alignment: NoteAlignment, en: TextDocument, zh: TextDocument): JsonPair[] {
  const place = (document: TextDocument, spans: readonly Span[]) => {
    const start = Math.min(...spans.map((s) => s.start));
    const end = Math.max(...spans.map((s) => s.end));
    const text = document.getText().slice(start, end);
    return { line: document.positionAt(start).line + 1, endLine: document.positionAt(end).line + 1, text: shorten(text) };
  };
  const pairs: JsonPair[] = [];
  for (const paragraph of alignment.paragraphs) {
    if (paragraph.en.length === 0 || paragraph.zh.length === 0) {
      pairs.push(unpaired(paragraph.en.length > 0 ? place(en, paragraph.en) : undefined, paragraph.zh.length > 0 ? place(zh, paragraph.zh) : undefined, paragraph.confidence));
      continue;
    }
    pairs.push({ level: 'paragraph', en: place(en, paragraph.en), zh: place(zh, paragraph.zh), confidence: round(paragraph.confidence) });
    for (const point of paragraph.points) {
      pairs.push({ level: 'point', en: place(en, [point.en.marker]), zh: place(zh, [point.zh.marker]), confidence: 1 });
    }
    for (const sentence of paragraph.sentences) {
      if (sentence.en.length === 0 || sentence.zh.length === 0) continue;
      pairs.push({ level: 'sentence', en: place(en, sentence.en), zh: place(zh, sentence.zh), confidence: round(sentence.confidence) });
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

/** `none` stands for the text of a side that has none. */
function formatPairs(style: Style, enFile: string, zhFile: string, pairs: readonly JsonPair[], none: string): string {
  const lines = [enFile === zhFile ? style.file(enFile) : `${style.file(enFile)} ↔ ${style.file(zhFile)}`];
  for (const pair of pairs) {
    const en = pair.en.line ? `${pair.en.line}` : '—';
    const zh = pair.zh.line ? `${pair.zh.line}` : '—';
    const texts = `${style.text(pair.en.text) || none}  ↔  ${style.text(pair.zh.text) || none}`;
    lines.push(`${LEVEL_MARKS[pair.level].padEnd(6)}${style.dim(`${en.padStart(5)} ↔ ${zh.padEnd(5)}`)} ${pair.confidence.toFixed(2)}  ${texts}`);
  }
  return lines.join('\n') + '\n';
}
