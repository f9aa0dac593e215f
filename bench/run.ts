/**
 * `npm run bench`: builds the corpora from the samples, measures the core in process and the server
 * over stdio, runs the scaling guard, prints a table and writes `bench/results.json`.
 * Exit status 1 when the scaling guard flags an input, so a regression cannot pass unseen.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../test/support/serverConnection';
import { buildCorpus, readSamples, type Corpus } from './corpus';
import { measureCore, type CoreResult } from './core';
import { measureScaling, MAX_SCALING_RATIO, type ScalingResult } from './scaling';
import { measureColdStart, measureOpenCloseCycles, measureServerSize, type OpenCloseResult, type RunCounts, type ServerSizeResult } from './server';
import { MIB, round, type Summary } from './stats';
import { evaluateGoals, type GoalResult } from './goals';
import { loadBundledCore, shippedServerSize } from './bundle';

const OUT = path.join(__dirname, 'out');

interface SizePlan {
  readonly label: string;
  readonly bytes: number;
  readonly alignRuns: number;
  readonly server: RunCounts;
}

const PLANS: readonly SizePlan[] = [
  { label: '100 KB', bytes: 100 * 1024, alignRuns: 5, server: { opens: 10, keystrokes: 20, lookups: 100, realignments: 3 } },
  { label: '1 MB', bytes: MIB, alignRuns: 3, server: { opens: 7, keystrokes: 20, lookups: 100, realignments: 3 } },
  { label: '10 MB', bytes: 10 * MIB, alignRuns: 1, server: { opens: 2, keystrokes: 4, lookups: 50, realignments: 1 } },
];

const COLD_STARTS = 10;
/** Open/close cycles of the 100 KB note (issue 16: memory comes back). */
const OPEN_CLOSE_CYCLES = 500;

export interface BenchResults {
  readonly date: string;
  readonly commit: string;
  readonly machine: {
    readonly node: string; readonly cpus: number; readonly cpuModel: string; readonly memoryGb: number;
    /** One-minute load average when the bench started: other work on the machine makes figures noisier. */
    readonly loadAverage: number;
  };
  readonly units: string;
  readonly corpora: ReadonlyArray<{ label: string; bytes: number; characters: number; copies: number }>;
  readonly shippedServerBytes: number;
  readonly coldStart: Summary;
  readonly server: readonly ServerSizeResult[];
  readonly openClose: OpenCloseResult;
  readonly core: readonly CoreResult[];
  readonly scaling: readonly ScalingResult[];
  readonly goals: readonly GoalResult[];
  readonly notMeasured: readonly string[];
  readonly totalSeconds: number;
}

async function main(): Promise<void> {
  const started = performance.now();
  const loadAverage = round(os.loadavg()[0], 2);
  mkdirSync(OUT, { recursive: true });
  const samples = readSamples(path.join(REPO_ROOT, 'samples'));
  const corpora = PLANS.map((plan) => writeCorpus(buildCorpus(plan.label, samples, plan.bytes)));
  log(`corpora: ${corpora.map((c) => `${c.corpus.label} = ${c.corpus.bytes} bytes`).join(', ')}`);

  const bundled = await loadBundledCore(OUT);
  const core: CoreResult[] = [];
  for (const [k, plan] of PLANS.entries()) {
    core.push(await measureCore(bundled, corpora[k].corpus, plan.alignRuns));
    log(`core ${plan.label} done`);
  }
  const scaling = measureScaling(bundled, corpora[1].corpus.note);
  log('scaling guard done');

  const coldStart = await measureColdStart(COLD_STARTS);
  const server: ServerSizeResult[] = [];
  for (const [k, plan] of PLANS.entries()) {
    server.push(await measureServerSize(plan.label, corpora[k].file, plan.server));
    log(`server ${plan.label} done`);
  }

  const openClose = await measureOpenCloseCycles(corpora[0].file, OPEN_CLOSE_CYCLES);
  log('open/close cycles done');

  const partial = { coldStart, server, openClose, core, shippedServerBytes: await shippedServerSize() };
  const results: BenchResults = {
    date: new Date().toISOString(),
    commit: currentCommit(),
    machine: { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '', memoryGb: round(os.totalmem() / 1024 ** 3, 1), loadAverage },
    units: 'times in milliseconds (median and nearest-rank p99 of the runs); sizes and MB/s in MiB of UTF-8',
    corpora: corpora.map(({ corpus }) => ({ label: corpus.label, bytes: corpus.bytes, characters: corpus.note.length, copies: corpus.copies })),
    ...partial,
    scaling,
    goals: evaluateGoals(partial),
    notMeasured: notMeasured(server, core),
    totalSeconds: round((performance.now() - started) / 1000, 1),
  };
  writeFileSync(path.join(__dirname, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  printTables(results);
  if (scaling.some((s) => !s.pass)) process.exitCode = 1;
}

function writeCorpus(corpus: Corpus): { corpus: Corpus; file: string } {
  const base = path.join(OUT, `dossier-${corpus.label.replace(/\s+/g, '').toLowerCase()}`);
  writeFileSync(`${base}.note`, corpus.note);
  writeFileSync(`${base}.md`, corpus.markdown);
  return { corpus, file: `${base}.note` };
}

function currentCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

function notMeasured(server: readonly ServerSizeResult[], core: readonly CoreResult[]): string[] {
  const missing: string[] = [];
  const first = server[0];
  if (first && !first.hover) missing.push('hover: the server does not offer textDocument/hover yet');
  if (first && !first.openToDiagnostics) missing.push('diagnostics: the server publishes none yet (no push within 3 s of opening, no pull provider)');
  if (first && !first.definition) missing.push('definition: the server does not offer textDocument/definition');
  const glossary = core[0]?.glossary;
  if (glossary?.source.startsWith('bench')) missing.push(`glossary: no built-in glossary yet; matching is measured with ${glossary.source} (${glossary.terms} entries)`);
  return missing;
}

// ---------------------------------------------------------------------------------------------
// Printing

function log(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

const timing = (summary: Summary | null): string => (summary ? `${fixed(summary.median)} / ${fixed(summary.p99)}` : 'n/a');

function fixed(value: number): string {
  if (value >= 100) return value.toFixed(0);
  return value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

function table(title: string, header: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = header.map((cell, k) => Math.max(cell.length, ...rows.map((row) => row[k].length)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, k) => cell.padEnd(widths[k])).join(' | ')} |`;
  console.log(`\n${title}\n${line(header)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

function printTables(results: BenchResults): void {
  const labels = results.server.map((s) => s.corpus);
  const serverRow = (name: string, pick: (s: ServerSizeResult) => Summary | null) => [name, ...results.server.map((s) => timing(pick(s)))];
  table(`Server over stdio (ms, median / p99) — cold start: ${timing(results.coldStart)}`, ['', ...labels], [
    serverRow('open → outline', (s) => s.openToOutline),
    serverRow('open → diagnostics', (s) => s.openToDiagnostics),
    serverRow('keystroke → outline', (s) => s.keystrokeToOutline),
    serverRow('keystroke → folding ranges', (s) => s.keystrokeToFolding),
    ['outline answer (JSON, KiB)', ...results.server.map((s) => String(s.outlineAnswerKb))],
    serverRow('keystroke → diagnostics', (s) => s.keystrokeToDiagnostics),
    serverRow('first definition (aligns)', (s) => s.firstDefinition),
    serverRow('definition, random positions', (s) => s.definition),
    serverRow('keystroke → definition', (s) => s.keystrokeToDefinition),
    serverRow('hover, random positions', (s) => s.hover),
    ['peak RSS, one open (MiB)', ...results.server.map((s) => String(s.peakRssOneOpenMb))],
    ['peak RSS after the opens (MiB)', ...results.server.map((s) => String(s.peakRssAfterOpenMb))],
    ['peak RSS after all (VmHWM, MiB)', ...results.server.map((s) => String(s.peakRssMb))],
  ]);
  const cycles = results.openClose;
  console.log(`\n${cycles.cycles} open/close cycles of the ${labels[0]} note: ${timing(cycles.cycle)} ms each; resident ${cycles.rssAfterWarmUpMb} MiB after the warm-up, ${cycles.rssAtHalfMb} MiB halfway, `
    + `${cycles.rssAfterAllMb} MiB after all (peak ${cycles.peakRssMb} MiB)`);
  const coreRow = (name: string, pick: (c: CoreResult) => string) => [name, ...results.core.map(pick)];
  const rate = (t: { median: number; mbPerSecond: number } | null) => (t ? `${t.mbPerSecond} MB/s (${fixed(t.median)} ms)` : 'n/a');
  table('Pure core in process (median)', ['', ...results.core.map((c) => c.corpus)], [
    coreRow('analyse', (c) => rate(c.analyse)),
    coreRow('outlineOf', (c) => `${fixed(c.outline.median)} ms`),
    coreRow('analyse + outlineOf', (c) => rate(c.analyseAndOutline)),
    coreRow('keystroke re-analysis + outline', (c) => timing(c.keystroke)),
    coreRow(`glossary matching (${results.core[0]?.glossary.terms ?? 0} entries)`, (c) => rate(c.glossary)),
    coreRow('alignment', (c) => rate(c.alignment)),
    coreRow('checks (given the alignment)', (c) => rate(c.checks)),
    coreRow('  the same in CPU time (mean)', (c) => (c.checks ? `${c.checks.cpuMbPerSecond} MB/s (${fixed(c.checks.cpuMs)} ms)` : 'n/a')),
    coreRow('floor (regex per line)', (c) => rate(c.floor)),
    coreRow('peer (Markdown symbols)', (c) => rate(c.peer)),
    coreRow('analyse / floor', (c) => `${c.ratios.analyseToFloor}×`),
    coreRow('our symbols / peer', (c) => `${c.ratios.symbolsToPeer}×`),
  ]);
  table(`Scaling guard (fastest of 5 runs, of 2 when a run takes over 1 s, ms; flagged above ${MAX_SCALING_RATIO} in 3 attempts)`,
    ['input', 'timed', 'n (chars)', 't(n)', 't(2n)', 't(2n)/t(n)', ''],
    results.scaling.map((s) => [
      s.input, s.work === 'outline' ? 'analyse + outline' : '+ align + checks', String(s.characters), fixed(s.atN), fixed(s.at2N), s.ratio.toFixed(2), s.pass ? 'ok' : 'FLAGGED',
    ]));
  table('Goals (issues 7 and 16; #16: second round)', ['goal', 'measured', ''],
    results.goals.map((g) => [g.goal, g.measured, g.met === null ? 'n/a' : g.met ? 'met' : 'NOT MET']));
  if (results.notMeasured.length > 0) console.log(`\nNot measurable yet:\n${results.notMeasured.map((m) => `- ${m}`).join('\n')}`);
  console.log(`\n${results.totalSeconds} s in all; written to bench/results.json`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 2;
});
