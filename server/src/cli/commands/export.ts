/**
 * `diplonote export FILE (--tmx | --csv) [--source-lang TAG] [--target-lang TAG] [--out FILE]`: the aligned
 * sentence pairs of a note (with its other version) as a TMX 1.4b translation memory or a CSV file, the
 * languages tagged as told, else as `.diplonote.json` says (`en`, `zh` by default). `--out` never writes
 * over an input. With SOURCE_DATE_EPOCH set, the TMX is dated then (reproducible output).
 */
import { LANGUAGE_TAG, type LanguageTags } from '../../core/export/tmx';
import { defineCommand, EXIT_UNUSABLE_INPUT } from '../definition';
import { deliverOutput } from '../outputFile';
import { alonePairing } from './versions';

/** The options of a command writing a file in a language-tagged format: where, and the tags. */
export const OUTPUT_OPTIONS = {
  out: { type: 'string', value: 'FILE', description: 'write to FILE (default: standard output)' },
  'source-lang': { type: 'string', value: 'TAG', description: 'the language tag of the English text, such as en-GB (default: .diplonote.json, else en)' },
  'target-lang': { type: 'string', value: 'TAG', description: 'the language tag of the Chinese text, such as zh-CN (default: .diplonote.json, else zh)' },
} as const;

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
    ...OUTPUT_OPTIONS,
  },
  async run(context, options) {
    if (options.tmx === options.csv) {
      context.error('diplonote export: give exactly one of --tmx or --csv');
      return EXIT_UNUSABLE_INPUT;
    }
    const languages = languageOptions(options['source-lang'], options['target-lang']);
    if (typeof languages === 'string') {
      context.error(`diplonote export: ${languages}`);
      return EXIT_UNUSABLE_INPUT;
    }
    let output: string | undefined;
    const status = await context.forEachNote(async ({ file, document }) => {
      const paired = await context.service.pair(document);
      if (paired.kind === 'alone') context.error(`diplonote: ${file}: ${alonePairing(paired, context.say)}`);
      else output = await context.service.exportPairs(document, options.tmx ? 'tmx' : 'csv', { languages, created: creationDate() });
    });
    if (output === undefined) return status || EXIT_UNUSABLE_INPUT;
    return deliverOutput(context, 'export', output, options.out);
  },
});

/** The tags given by `--source-lang` and `--target-lang`, or what is wrong with one. */
export function languageOptions(source: string | undefined, target: string | undefined): Partial<LanguageTags> | string {
  for (const [flag, tag] of [['--source-lang', source], ['--target-lang', target]] as const) {
    if (tag !== undefined && !LANGUAGE_TAG.test(tag)) return `${flag} must be a language tag such as en-GB or zh-CN (not "${tag}")`;
  }
  return { ...(source ? { en: source } : {}), ...(target ? { zh: target } : {}) };
}

/** Now, or the time SOURCE_DATE_EPOCH gives (seconds since 1970), for output that builds alike. */
export function creationDate(): Date {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  return process.env.SOURCE_DATE_EPOCH && Number.isFinite(epoch) ? new Date(epoch * 1000) : new Date();
}
