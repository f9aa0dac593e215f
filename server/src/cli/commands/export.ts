/**
 * `diplonote export FILE (--tmx | --csv) [--out FILE]`: the aligned sentence pairs of a note (or of a
 * NAME.en.note / NAME.zh.note pair) as a TMX 1.4b translation memory or a CSV file.
 */
import { writeFileSync } from 'node:fs';
import { sentencePairs } from '../../core/export/pairs';
import { toCsv, toTmx } from '../../core/export/tmx';
import { EXIT_UNUSABLE_INPUT, type CommandContext } from '../command';
import { loadVersions } from '../loadVersions';

declare const CLI_VERSION: string;

export function exportCommand(context: CommandContext): number {
  const tmx = context.options.has('--tmx');
  if (tmx === context.options.has('--csv') || context.files.length !== 1) {
    context.error('diplonote export: give one FILE and exactly one of --tmx or --csv');
    return EXIT_UNUSABLE_INPUT;
  }
  let output: string | undefined;
  const status = context.forEachFile((file, text) => {
    const loaded = loadVersions(file, text);
    if ('alone' in loaded) context.error(`diplonote: ${file}: ${loaded.reason}`);
    else {
      const pairs = sentencePairs(loaded.alignment);
      output = tmx ? toTmx(pairs, { toolVersion: CLI_VERSION }) : toCsv(pairs);
    }
  });
  if (output === undefined) return status || EXIT_UNUSABLE_INPUT;
  const out = context.options.get('--out');
  if (out === undefined) context.out(output);
  else {
    try {
      writeFileSync(out, output, 'utf8');
    } catch (error) {
      context.error(`diplonote export: cannot write ${out}: ${error instanceof Error ? error.message : String(error)}`);
      return EXIT_UNUSABLE_INPUT;
    }
  }
  return 0;
}
