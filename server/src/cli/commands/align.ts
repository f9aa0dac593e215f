/**
 * `diplonote align FILE… [--json]`: the aligned paragraphs, points and sentences of each note with
 * line numbers, a confidence per pair, the correction that fixed it and the findings on it: the rows
 * of the editor's aligned view, made by the same service function. A file holding both versions is
 * aligned on its own; a note with a partner file is aligned with it (and the pair is shown once).
 */
import { message } from '../../core/messages';
import type { AlignedRow, RowSide } from '../../service/features/alignedRows';
import { defineCommand } from '../definition';
import { jsonText, type Style } from '../terminal';
import { alonePairing } from './versions';

export const alignCommand = defineCommand({
  name: 'align',
  operands: 'FILE…',
  minOperands: 1,
  summary: message('cli.align.summary'),
  details: message('cli.align.details'),
  options: {
    json: { type: 'boolean', description: message('cli.align.json') },
  },
  async run(context, options) {
    const done = new Set<string>();
    const results: Array<{ en: string; zh: string; pairs: readonly AlignedRow[] }> = [];
    const status = await context.forEachNote(async ({ file, document }) => {
      const paired = await context.service.pair(document);
      if (paired.kind === 'alone') {
        context.error(`diplonote: ${file}: ${alonePairing(paired, context.say)}`);
        return;
      }
      const view = await context.service.alignedView(document);
      if (!view) return;
      done.add(view.en).add(view.zh);
      const files = { en: context.display(view.en), zh: context.display(view.zh) };
      if (options.json) results.push({ ...files, pairs: view.rows });
      else context.out(formatRows(context.style, files.en, files.zh, view.rows, { none: context.say(message('cli.none')), corrected: context.say(message('cli.align.corrected')) }));
    }, (uri) => done.has(uri));
    if (options.json) context.out(jsonText(results));
    return status;
  },
});

const LEVEL_MARKS: Record<AlignedRow['level'], string> = { paragraph: '¶', point: '  •', sentence: '    ·' };
const SHOWN_LENGTH = 40;

/** The words of the table: `none` stands for the text of a side that has none; `corrected` marks a pair a correction made. */
function formatRows(style: Style, enFile: string, zhFile: string, rows: readonly AlignedRow[], words: { none: string; corrected: string }): string {
  const lines = [enFile === zhFile ? style.file(enFile) : `${style.file(enFile)} ↔ ${style.file(zhFile)}`];
  for (const row of rows) {
    const en = row.en ? `${row.en.line}` : '—';
    const zh = row.zh ? `${row.zh.line}` : '—';
    const texts = `${shown(style, row.en, words.none)}  ↔  ${shown(style, row.zh, words.none)}`;
    const marks = [...(row.correction ? [words.corrected] : []), ...row.findings.map((finding) => finding.code)];
    const after = marks.length > 0 ? `  ${style.dim(`[${marks.join(', ')}]`)}` : '';
    lines.push(`${LEVEL_MARKS[row.level].padEnd(6)}${style.dim(`${en.padStart(5)} ↔ ${zh.padEnd(5)}`)} ${row.confidence.toFixed(2)}  ${texts}${after}`);
  }
  return lines.join('\n') + '\n';
}

function shown(style: Style, side: RowSide | null, none: string): string {
  if (!side) return none;
  const characters = [...side.text];
  return style.text(characters.length > SHOWN_LENGTH ? `${characters.slice(0, SHOWN_LENGTH).join('')}…` : side.text);
}
