/**
 * `diplonote glossary export (--tbx | --csv) [--out FILE] [FOLDER]`: the glossary in force for the notes
 * of a folder (the built-in entries, then the folder's glossary files and `.diplonote.json` glossaries)
 * as TBX-Basic or CSV, written so that Diplonote loads it back into the same entries.
 */
import { message } from '../../core/messages';
import { defineCommand, EXIT_UNUSABLE_INPUT } from '../definition';
import { deliverOutput } from '../outputFile';
import { languageOptions, OUTPUT_OPTIONS } from './export';

const ACTIONS = ['export'];

export const glossaryCommand = defineCommand({
  name: 'glossary',
  operands: 'export [FOLDER]',
  minOperands: 1,
  maxOperands: 2,
  words: 1,
  defaultOperands: ['.'],
  summary: message('cli.glossary.summary'),
  details: message('cli.glossary.details'),
  options: {
    tbx: { type: 'boolean', description: message('cli.glossary.tbx') },
    csv: { type: 'boolean', description: message('cli.glossary.csv') },
    ...OUTPUT_OPTIONS,
  },
  async run(context, options, [action]) {
    if (!ACTIONS.includes(action)) {
      context.error(`diplonote glossary: ${context.say(message('cli.glossary.unknown-action', { action, actions: ACTIONS.join(', ') }))}`);
      return EXIT_UNUSABLE_INPUT;
    }
    if (options.tbx === options.csv) {
      context.error(`diplonote glossary export: ${context.say(message('cli.glossary.one-format'))}`);
      return EXIT_UNUSABLE_INPUT;
    }
    const languages = languageOptions(options['source-lang'], options['target-lang']);
    if ('key' in languages) {
      context.error(`diplonote glossary export: ${context.say(languages)}`);
      return EXIT_UNUSABLE_INPUT;
    }
    await context.service.reload();
    const text = await context.service.exportGlossary(options.tbx ? 'tbx' : 'csv', languages);
    return deliverOutput(context, 'glossary export', text, options.out);
  },
});
