/**
 * `npm run eval`: scores recognition, alignment and checks against the gold files of the samples and
 * of the recognition corpus, per note and per level (outline, paragraphs, points, sentences), and the
 * findings against those the gold expects.
 *
 *   npm run eval                    samples and corpus
 *   npm run eval -- --corpus        the corpus only
 *   npm run eval -- --dir FOLDER    the gold files of another folder (notes kept aside, say)
 *   npm run eval -- --quiet         totals only
 */
import { relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import {
  BrokenGold, CORPUS, LEVELS, SAMPLES_GOLD, evaluateFolder, f1, totalCounts, type Counts, type Level, type SampleResult,
} from './evalGold';

function row(name: string, level: Level, counts: Counts): string {
  const figures = (mode: 'strict' | 'lax') => {
    const { precision, recall, f1: f } = f1(counts, mode);
    return [precision, recall, f].map((x) => x.toFixed(3).padStart(6)).join(' ');
  };
  return `${name.slice(0, 44).padEnd(44)} ${level.padEnd(9)} ${String(counts.test).padStart(4)} ${String(counts.gold).padStart(4)}  ${figures('strict')}   ${figures('lax')}`;
}

function printTable(title: string, results: readonly SampleResult[], quiet: boolean): void {
  console.log(`\n${title}\n${'note'.padEnd(44)} ${'level'.padEnd(9)} test gold  strict P      R     F1      lax P      R     F1`);
  if (!quiet) {
    for (const result of results) {
      for (const level of LEVELS) {
        const counts = result.levels[level]?.counts;
        if (counts && (counts.gold > 0 || counts.test > 0)) console.log(row(result.name, level, counts));
      }
    }
  }
  for (const level of LEVELS) console.log(row('TOTAL', level, totalCounts(results, level)));
  const exact = results.filter((r) => LEVELS.every((level) => (r.levels[level]?.misses.length ?? 0) === 0)).length;
  const findings = results.flatMap((r) => (r.findings ? [r.findings] : []));
  const expected = findings.reduce((sum, f) => sum + f.expected, 0);
  const missing = findings.reduce((sum, f) => sum + f.missing.length, 0);
  const unexpected = findings.reduce((sum, f) => sum + f.unexpected.length, 0);
  console.log(`notes read exactly: ${exact}/${results.length}; findings: ${expected - missing}/${expected} expected found, ${unexpected} unexpected`);
}

function printMisses(results: readonly SampleResult[]): void {
  for (const result of results) {
    for (const level of LEVELS) {
      for (const miss of result.levels[level]?.misses ?? []) {
        const zh = miss.zh.length > 0 || level !== 'outline' ? `\n  ZH ${miss.zh.map((t) => `«${t}»`).join(' + ') || '—'}` : '';
        const en = level === 'outline' ? `  ${miss.en.join('')}` : `  EN ${miss.en.map((t) => `«${t}»`).join(' + ') || '—'}`;
        console.log(`\n${result.name} ${level}: ${miss.kind}\n${en}${zh}`);
      }
    }
    for (const missing of result.findings?.missing ?? []) console.log(`\n${result.name} findings: expected, not reported: ${missing}`);
    for (const unexpected of result.findings?.unexpected ?? []) console.log(`\n${result.name} findings: unexpected: ${unexpected}`);
  }
}

function main(): void {
  const { values } = parseArgs({
    options: { corpus: { type: 'boolean' }, dir: { type: 'string' }, quiet: { type: 'boolean' } },
  });
  const folders = values.dir ? [values.dir] : values.corpus ? [CORPUS] : [SAMPLES_GOLD, CORPUS];
  const started = performance.now();
  const runs: Array<{ folder: string; results: SampleResult[] }> = [];
  try {
    for (const folder of folders) runs.push({ folder, results: evaluateFolder(folder) });
  } catch (error) {
    if (!(error instanceof BrokenGold)) throw error;
    console.error(`broken gold file: ${error.message}`);
    process.exit(1);
  }
  const elapsed = performance.now() - started;
  for (const { folder, results } of runs) printTable(relative(process.cwd(), folder) || folder, results, values.quiet === true);
  if (values.quiet !== true) for (const { results } of runs) printMisses(results);
  const notes = runs.reduce((sum, run) => sum + run.results.length, 0);
  console.log(`\n${notes} notes analysed, aligned, checked and scored in ${(elapsed / 1000).toFixed(3)} s (reading the gold included)`);
}

if (require.main === module) main();
