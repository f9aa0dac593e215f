/**
 * `diplonote glossary export (--tbx | --csv) [--out FILE] [FOLDER]`: the glossary in force for the notes
 * of a folder (the built-in entries, then the folder's glossary files and `.diplonote.json` glossaries)
 * as TBX-Basic or CSV, written so that Diplonote loads it back into the same entries.
 */
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
  summary: 'the glossary in force (built-in and the workspace\'s entries) as TBX-Basic or CSV',
  details: 'FOLDER (default: the current folder) is read as a workspace folder: its .diplonote.json and glossary\n' +
    'files (*.glossary.json, *.glossary.csv, *.glossary.tsv, *.tbx) are added to the built-in glossary.',
  options: {
    tbx: { type: 'boolean', description: 'TBX-Basic (TBX 2019, DCA style)' },
    csv: { type: 'boolean', description: 'CSV: id, category, en, zh (forms separated by ;), definitions, notes, source' },
    ...OUTPUT_OPTIONS,
  },
  async run(context, options, [action]) {
    if (!ACTIONS.includes(action)) {
      context.error(`diplonote glossary: unknown action "${action}" (give: ${ACTIONS.join(', ')})`);
      return EXIT_UNUSABLE_INPUT;
    }
    if (options.tbx === options.csv) {
      context.error('diplonote glossary export: give exactly one of --tbx or --csv');
      return EXIT_UNUSABLE_INPUT;
    }
    const languages = languageOptions(options['source-lang'], options['target-lang']);
    if (typeof languages === 'string') {
      context.error(`diplonote glossary export: ${languages}`);
      return EXIT_UNUSABLE_INPUT;
    }
    await context.service.reload();
    const text = await context.service.exportGlossary(options.tbx ? 'tbx' : 'csv', languages);
    return deliverOutput(context, 'glossary export', text, options.out);
  },
});
