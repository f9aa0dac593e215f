/**
 * A short, seeded run of the fuzzer (`npm run fuzz` runs it for minutes): a bounded number of runs per
 * target, never a time budget, so that the same inputs are tried on every machine. A failure shows
 * fast-check's shrunk counterexample.
 */
import * as assert from 'node:assert/strict';
import type fc from 'fast-check';
import { FuzzedServer, fuzzCli, fuzzProtocol, fuzzSettings, makePlayground, type FuzzOptions, type Playground } from './targets';

const SEED = 20261202;
const OPTIONS: FuzzOptions = { seed: SEED, numRuns: 12 };
const CLI_RUNS = 6;

function assertNothingFound(details: fc.RunDetails<unknown>, runs = OPTIONS.numRuns): void {
  const message = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  assert.ok(!details.failed, `seed ${SEED}, input ${JSON.stringify(details.counterexample)?.slice(0, 3000)}\n${message}`);
  assert.equal(details.numRuns, runs);
}

describe('fuzzing, a seeded smoke run', function () {
  this.timeout(240_000);
  let playground: Playground;
  let server: FuzzedServer;

  before(async () => {
    playground = makePlayground();
    server = await FuzzedServer.start(playground, OPTIONS);
  });
  after(async () => {
    await server.stop();
    playground.dispose();
  });

  it('the server over stdio: generated notes, requests, edits and command arguments', async () => {
    assertNothingFound(await fuzzProtocol(server, OPTIONS));
  });

  it('the server: editor settings, .diplonote.json and glossary files', async () => {
    assertNothingFound(await fuzzSettings(server, OPTIONS));
  });

  it('the CLI: arguments, files and standard input', async () => {
    assertNothingFound(await fuzzCli(playground, { ...OPTIONS, numRuns: CLI_RUNS }), CLI_RUNS);
  });
});
