/**
 * `diplonote export FILE (--tmx | --csv) [--out FILE]`: the aligned sentence pairs of a note (with its
 * other version) as a TMX 1.4b translation memory or a CSV file.
 */
import { writeFileSync } from 'node:fs';
import { EXIT_UNUSABLE_INPUT, type CommandContext } from '../command';
import { alonePairing } from './versions';

export async function exportCommand(context: CommandContext): Promise<number> {
  const tmx = context.options.has('--tmx');
  if (tmx === context.options.has('--csv') || context.files.length !== 1) {
    context.error('diplonote export: give one FILE and exactly one of --tmx or --csv');
    return EXIT_UNUSABLE_INPUT;
  }
  let output: string | undefined;
  const status = await context.forEachNote(async ({ file, document }) => {
    const paired = await context.service.pair(document);
    if (paired.kind === 'alone') context.error(`diplonote: ${file}: ${alonePairing(paired)}`);
    else output = await context.service.exportPairs(document, tmx ? 'tmx' : 'csv');
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
