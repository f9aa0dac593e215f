/**
 * `diplonote export FILE (--tmx | --csv) [--source-lang TAG] [--target-lang TAG] [--out FILE]`: the aligned
 * sentence pairs of a note (with its other version) as a TMX 1.4b translation memory or a CSV file, the
 * languages tagged as told, else as `.diplonote.json` says (`en`, `zh` by default). `--out` never writes
 * over an input. With SOURCE_DATE_EPOCH set, the TMX is dated then (reproducible output).
 */
import { LANGUAGE_TAG, type LanguageTags } from '../../core/export/tmx';
import { message, type Message } from '../../core/messages';
import { defineCommand, EXIT_UNUSABLE_INPUT } from '../definition';
import { deliverOutput } from '../outputFile';
import { alonePairing } from './versions';

/** The options of a command writing a file in a language-tagged format: where, and the tags. */
export const OUTPUT_OPTIONS = {
  out: { type: 'string', value: 'FILE', description: message('cli.option.out') },
  'source-lang': { type: 'string', value: 'TAG', description: message('cli.option.source-lang') },
  'target-lang': { type: 'string', value: 'TAG', description: message('cli.option.target-lang') },
} as const;

export const exportCommand = defineCommand({
  name: 'export',
  operands: 'FILE',
  minOperands: 1,
  maxOperands: 1,
  summary: message('cli.export.summary'),
  details: message('cli.export.details'),
  options: {
    tmx: { type: 'boolean', description: message('cli.export.tmx') },
    csv: { type: 'boolean', description: message('cli.export.csv') },
    ...OUTPUT_OPTIONS,
  },
  async run(context, options) {
    if (options.tmx === options.csv) {
      context.error(`diplonote export: ${context.say(message('cli.export.one-format'))}`);
      return EXIT_UNUSABLE_INPUT;
    }
    const languages = languageOptions(options['source-lang'], options['target-lang']);
    if ('key' in languages) {
      context.error(`diplonote export: ${context.say(languages)}`);
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
export function languageOptions(source: string | undefined, target: string | undefined): Partial<LanguageTags> | Message {
  for (const [option, tag] of [['--source-lang', source], ['--target-lang', target]] as const) {
    if (tag !== undefined && !LANGUAGE_TAG.test(tag)) return message('cli.error.language-tag', { option, tag });
  }
  return { ...(source ? { en: source } : {}), ...(target ? { zh: target } : {}) };
}

/** Now, or the time SOURCE_DATE_EPOCH gives (seconds since 1970), for output that builds alike. */
export function creationDate(): Date {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  return process.env.SOURCE_DATE_EPOCH && Number.isFinite(epoch) ? new Date(epoch * 1000) : new Date();
}
