/**
 * The index's worker threads (server/src/node/threadSummariser.ts) against the main thread's own path:
 * for every note of the corpus and the samples, a worker reads the file and sends back the fields the
 * index computes from the note's analysis in process; it refuses what `readText` refuses. Runs the
 * bundled worker (`npm run build`).
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyse } from '../../server/src/core/analyse';
import { ThreadSummariser } from '../../server/src/node/threadSummariser';
import { noteFields, type SummaryRequest } from '../../server/src/service/workspaceIndex';
import { REPO_ROOT } from '../support/serverConnection';

const WORKER = path.join(REPO_ROOT, 'dist', 'indexWorker.js');
const REPO_URI = pathToFileURL(REPO_ROOT).toString();

function notesIn(folder: string): string[] {
  return readdirSync(path.join(REPO_ROOT, folder)).filter((name) => name.endsWith('.note')).map((name) => path.join(REPO_ROOT, folder, name));
}

/** A request for a file inside `folder` (a path), the folder being its own real path. */
function requestFor(file: string, folder: string): SummaryRequest {
  const folderUri = pathToFileURL(folder).toString();
  return { uri: pathToFileURL(file).toString(), folders: [folderUri], boundary: folderUri, realBoundary: folderUri };
}

/** The nice value of each thread of this process, by thread id (Linux); a thread that ends meanwhile is left out. */
function threadNiceValues(): Map<string, number> {
  return new Map(readdirSync('/proc/self/task').flatMap((thread): Array<[string, number]> => {
    const stat = readIfThere(`/proc/self/task/${thread}/stat`);
    return stat === undefined ? [] : [[thread, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16])]];
  }));
}

function readIfThere(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

describe('the index worker threads', function () {
  this.timeout(120000);
  let folder: string;

  beforeEach(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'diplonote-index-worker-'));
  });

  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('read and summarise every corpus note and sample as the main thread does', async () => {
    const files = [...notesIn('test/corpus'), ...notesIn('samples')];
    assert.ok(files.length > 80, `only ${files.length} notes found`);
    const summariser = new ThreadSummariser(WORKER);
    try {
      const answers = await Promise.all(files.map((file) => summariser.summarise(requestFor(file, REPO_ROOT))));
      for (const [k, file] of files.entries()) {
        const uri = pathToFileURL(file).toString();
        const expected = { version: statSync(file).mtimeMs, fields: noteFields(uri, analyse(readFileSync(file, 'utf8')), [REPO_URI]) };
        assert.deepEqual(answers[k], expected, path.basename(file));
      }
      // The twins find each other whichever thread summarised them.
      assert.ok(answers.some((answer) => 'fields' in answer && answer.fields.partner?.endsWith('05-reply-jua-chn-11-2026-border-detention.zh.note')));
    } finally {
      summariser.close();
    }
  });

  it('summarise any text, refuse what is not a readable note inside its folder, and refuse everything once closed', async () => {
    const summariser = new ThreadSummariser(WORKER, 1);
    const texts = ['', '\uFEFF\r\n\r\n', '𝔸'.repeat(1000), 'AL CHN 4/2025\n'.repeat(2000)];
    for (const [k, text] of texts.entries()) {
      const file = path.join(folder, `odd-${k}.note`);
      writeFileSync(file, text);
      const answer = await summariser.summarise(requestFor(file, folder));
      assert.deepEqual(answer, { version: statSync(file).mtimeMs, fields: noteFields(pathToFileURL(file).toString(), analyse(text), [pathToFileURL(folder).toString()]) });
    }
    writeFileSync(path.join(folder, 'binary.note'), Buffer.from([0, 1, 2, 0, 255, 0]));
    const outside = mkdtempSync(path.join(os.tmpdir(), 'diplonote-index-outside-'));
    try {
      writeFileSync(path.join(outside, 'secret.note'), 'AL CHN 4/2025\n');
      symlinkSync(path.join(outside, 'secret.note'), path.join(folder, 'link.note'));
      for (const name of ['binary.note', 'missing.note', 'link.note']) {
        assert.deepEqual(await summariser.summarise(requestFor(path.join(folder, name), folder)), { refused: true }, name);
      }
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
    summariser.close();
    await assert.rejects(summariser.summarise(requestFor(path.join(folder, 'odd-0.note'), folder)));
  });

  it('run below the process’s priority on Linux, so that requests on the main thread win the cores', async function () {
    if (process.platform !== 'linux') this.skip();
    const before = threadNiceValues();
    const summariser = new ThreadSummariser(WORKER, 1);
    try {
      const file = path.join(folder, 'a.note');
      writeFileSync(file, 'Note verbale\n');
      await summariser.summarise(requestFor(file, folder));
      const after = threadNiceValues();
      const started = [...after].filter(([thread]) => !before.has(thread));
      assert.ok(started.some(([, nice]) => nice > (after.get(String(process.pid)) ?? 0)), `threads started with their nice values: ${JSON.stringify(started)}`);
    } finally {
      summariser.close();
    }
  });

  it('refuse every summary when their worker cannot start (the index then reads and analyses in process)', async () => {
    const summariser = new ThreadSummariser(path.join(REPO_ROOT, 'dist', 'no-such-worker.js'), 1);
    try {
      await assert.rejects(summariser.summarise(requestFor(path.join(folder, 'a.note'), folder)));
    } finally {
      summariser.close();
    }
  });
});
