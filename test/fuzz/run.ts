/**
 * `npm run fuzz [-- --seed N] [--runs N] [--minutes M] [--target protocol|settings|cli]`: fuzzes the
 * bundled server over stdio and the bundled CLI (run `npm run build` first) with generated notes,
 * requests, settings, project files, command arguments and CLI arguments. Each target runs until its
 * run count or its share of the time budget is spent; what fails is printed with fast-check's
 * shrunk counterexample and the seed to replay it, and the exit status is 1.
 */
import { parseArgs } from 'node:util';
import type fc from 'fast-check';
import { FuzzedServer, fuzzCli, fuzzProtocol, fuzzSettings, makePlayground, type FuzzOptions, type Playground } from './targets';

const TARGETS = ['protocol', 'settings', 'cli'] as const;
type Target = (typeof TARGETS)[number];

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: String(Date.now() % 2 ** 31) },
    runs: { type: 'string', default: '1000000' },
    minutes: { type: 'string', default: '5' },
    target: { type: 'string', multiple: true },
  },
});

function positive(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number; got ${text}`);
  return value;
}

async function runTarget(target: Target, playground: Playground, options: FuzzOptions): Promise<fc.RunDetails<unknown>> {
  if (target === 'cli') return fuzzCli(playground, options);
  const server = await FuzzedServer.start(playground, options);
  try {
    return await (target === 'protocol' ? fuzzProtocol(server, options) : fuzzSettings(server, options));
  } finally {
    await server.stop();
  }
}

async function main(): Promise<void> {
  const targets = (values.target ?? [...TARGETS]) as Target[];
  const unknown = targets.filter((t) => !TARGETS.includes(t));
  if (unknown.length > 0) throw new Error(`no target ${unknown.join(', ')}; targets: ${TARGETS.join(', ')}`);
  const seed = positive('seed', values.seed);
  const budgetMs = (positive('minutes', values.minutes) * 60_000) / targets.length;
  const options: FuzzOptions = { seed, numRuns: positive('runs', values.runs), interruptAfterTimeLimit: budgetMs, answerLimitMs: 60_000 };
  let failed = 0;
  for (const target of targets) {
    const playground = makePlayground();
    try {
      const details = await runTarget(target, playground, options);
      console.log(`${target}: ${details.numRuns} runs (seed ${seed})${details.interrupted ? ', stopped by the time budget' : ''}`);
      if (details.failed) {
        failed++;
        console.log(`FOUND in ${target}, replay with --seed ${seed} --target ${target} (path ${details.counterexamplePath}):`);
        console.log(`  input: ${JSON.stringify(details.counterexample)?.slice(0, 4000)}`);
        console.log(`  ${String(details.errorInstance instanceof Error ? details.errorInstance.message : details.errorInstance).slice(0, 4000)}`);
      }
    } finally {
      playground.dispose();
    }
  }
  console.log(failed === 0 ? 'nothing found' : `${failed} target(s) found something`);
  if (failed > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 2;
});
