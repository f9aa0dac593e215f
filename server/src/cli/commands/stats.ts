/**
 * `diplonote stats FILE… [--json]`: the figures of each note's language versions: words (English),
 * characters without punctuation (Chinese), sentences, paragraphs, points and the share of the text
 * aligned with the other version, and where that version was found. A pair of files is shown once.
 */
import type { VersionStatistics } from '../../core/workbench/statistics';
import type { NoteStatistics } from '../../service';
import { defineCommand } from '../definition';
import { jsonText, type Style } from '../terminal';

interface JsonStatistics {
  readonly file: string;
  readonly counterpart: NoteStatistics['counterpart'];
  readonly partner?: string;
  readonly versions: readonly VersionStatistics[];
}

export const statsCommand = defineCommand({
  name: 'stats',
  operands: 'FILE…',
  minOperands: 1,
  summary: 'words or characters, sentences, paragraphs, points and the share aligned, per language version',
  details: 'Words are counted in English, characters without spaces and punctuation in Chinese, over the text\n' +
    'that is translated (paragraphs, titles, headings; not the letterhead or the signature).',
  options: {
    json: { type: 'boolean', description: 'JSON: per note, counterpart (inside, file, none), partner, and per version its figures' },
  },
  async run(context, options) {
    const done = new Set<string>();
    const results: JsonStatistics[] = [];
    const status = await context.forEachNote(async ({ file, document }) => {
      const statistics = await context.service.statistics(document);
      done.add(document.uri);
      if (statistics.partner) done.add(statistics.partner);
      const result = { file, ...statistics, ...(statistics.partner ? { partner: context.display(statistics.partner) } : {}) };
      if (options.json) results.push(result);
      else context.out(formatStatistics(context.style, result));
    }, (uri) => done.has(uri));
    if (options.json) context.out(jsonText(results));
    return status;
  },
});

const LANGUAGE_NAMES = { en: 'English', zh: 'Chinese' } as const;

function formatStatistics(style: Style, statistics: JsonStatistics): string {
  const where = statistics.counterpart === 'inside' ? 'both versions in the note'
    : statistics.counterpart === 'file' ? `other version: ${style.file(statistics.partner ?? '')}` : 'no other version found';
  const lines = [`${style.file(statistics.file)}  (${where})`];
  for (const version of statistics.versions) {
    const size = version.words !== undefined ? `${version.words} words` : `${version.characters ?? 0} characters`;
    const aligned = version.aligned === null ? '' : `, ${Math.round(version.aligned * 100)} % aligned`;
    lines.push(`  ${LANGUAGE_NAMES[version.language].padEnd(8)} ${size}, ${version.sentences} sentences, ${version.paragraphs} paragraphs, ${version.points} points${aligned}`);
  }
  return lines.join('\n') + '\n';
}
