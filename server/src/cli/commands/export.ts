/**
 * `diplonote export FILE (--tmx | --csv) [--out FILE]`: the aligned sentence pairs of a note (with its
 * other version) as a TMX 1.4b translation memory or a CSV file. `--out` never writes over an input.
 */
import { fileURLToPath } from 'node:url';
import { defineCommand, EXIT_OK, EXIT_UNUSABLE_INPUT } from '../definition';
import { writeOutput } from '../outputFile';
import { printableLines } from '../terminal';
import { alonePairing } from './versions';

export const exportCommand = defineCommand({
  name: 'export',
  operands: 'FILE',
  minOperands: 1,
  maxOperands: 1,
  summary: 'the aligned sentence pairs as a TMX 1.4b translation memory or CSV',
  details: 'Give exactly one of --tmx and --csv. --out never writes over the note, its partner or any other file read.',
  options: {
    tmx: { type: 'boolean', description: 'TMX 1.4b' },
    csv: { type: 'boolean', description: 'CSV: en,zh rows, quoted' },
    out: { type: 'string', value: 'FILE', description: 'write to FILE (default: standard output)' },
  },
  async run(context, options) {
    if (options.tmx === options.csv) {
      context.error('diplonote export: give exactly one of --tmx or --csv');
      return EXIT_UNUSABLE_INPUT;
    }
    let output: string | undefined;
    const status = await context.forEachNote(async ({ file, document }) => {
      const paired = await context.service.pair(document);
      if (paired.kind === 'alone') context.error(`diplonote: ${file}: ${alonePairing(paired, context.say)}`);
      else output = await context.service.exportPairs(document, options.tmx ? 'tmx' : 'csv');
    });
    if (output === undefined) return status || EXIT_UNUSABLE_INPUT;
    if (options.out === undefined) {
      // A translation memory shown on a terminal is read, not kept: nothing in it may act on the terminal.
      context.out(context.terminal.interactive ? printableLines(output) : output);
      return EXIT_OK;
    }
    const inputs = [...context.inputs.map((input) => input.uri), ...context.filesRead()].map((uri) => fileURLToPath(uri));
    const problem = writeOutput(options.out, output, inputs);
    if (problem === undefined) return EXIT_OK;
    context.error(`diplonote export: ${problem}`);
    return EXIT_UNUSABLE_INPUT;
  },
});
