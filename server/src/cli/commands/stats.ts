/**
 * `diplonote stats FILE… [--json]`: the figures of each note's language versions: words (English),
 * characters without punctuation (Chinese), sentences, paragraphs, points and the share of the text
 * aligned with the other version, and where that version was found. A pair of files is shown once.
 */
import { message, sideWord } from '../../core/messages';
import type { CommandContext } from '../command';
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
  summary: message('cli.stats.summary'),
  details: message('cli.stats.details'),
  options: {
    json: { type: 'boolean', description: message('cli.stats.json') },
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
      else context.out(formatStatistics(context.style, context.say, result));
    }, (uri) => done.has(uri));
    if (options.json) context.out(jsonText(results));
    return status;
  },
});

function formatStatistics(style: Style, say: CommandContext['say'], statistics: JsonStatistics): string {
  const where = statistics.counterpart === 'inside' ? message('cli.stats.inside')
    : statistics.counterpart === 'file' ? message('cli.stats.partner', { file: style.file(statistics.partner ?? '') }) : message('cli.stats.alone');
  const lines = [`${style.file(statistics.file)}  (${say(where)})`];
  for (const version of statistics.versions) {
    const size = version.words !== undefined ? message('cli.stats.words', { count: version.words }) : message('cli.stats.characters', { count: version.characters ?? 0 });
    const figures = { size, sentences: version.sentences, paragraphs: version.paragraphs, points: version.points };
    const line = version.aligned === null ? message('cli.stats.version', figures)
      : message('cli.stats.version-aligned', { ...figures, percent: Math.round(version.aligned * 100) });
    lines.push(`  ${say(sideWord(version.language)).padEnd(8)} ${say(line)}`);
  }
  return lines.join('\n') + '\n';
}
