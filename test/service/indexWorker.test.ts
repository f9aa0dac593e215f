/**
 * The index's worker thread (server/src/node/threadSummariser.ts) against the main thread's own path:
 * for every note of the corpus and the samples, the fields a worker sends back are those the index
 * computes from the note's analysis in process. Runs the bundled worker (`npm run build`).
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyse } from '../../server/src/core/analyse';
import { ThreadSummariser } from '../../server/src/node/threadSummariser';
import { noteFields } from '../../server/src/service/workspaceIndex';
import { REPO_ROOT } from '../support/serverConnection';

const WORKER = path.join(REPO_ROOT, 'dist', 'indexWorker.js');
const FOLDERS = [pathToFileURL(REPO_ROOT).toString()];

function notesIn(folder: string): string[] {
  return readdirSync(path.join(REPO_ROOT, folder)).filter((name) => name.endsWith('.note')).map((name) => path.join(REPO_ROOT, folder, name));
}

describe('the index worker thread', function () {
  this.timeout(120000);

  it('summarises every corpus note and sample as the main thread does', async () => {
    const files = [...notesIn('test/corpus'), ...notesIn('samples')];
    assert.ok(files.length > 80, `only ${files.length} notes found`);
    const summariser = new ThreadSummariser(WORKER);
    try {
      const answers = await Promise.all(files.map((file) => summariser.summarise(pathToFileURL(file).toString(), readFileSync(file, 'utf8'), FOLDERS)));
      for (const [k, file] of files.entries()) {
        const uri = pathToFileURL(file).toString();
        assert.deepEqual(answers[k], noteFields(uri, analyse(readFileSync(file, 'utf8')), FOLDERS), path.basename(file));
      }
      // The twins find each other whichever thread summarised them.
      assert.ok(answers.some((fields) => fields.partner?.endsWith('05-reply-jua-chn-11-2026-border-detention.zh.note')));
    } finally {
      summariser.close();
    }
  });

  it('summarises any text, and refuses once closed', async () => {
    const summariser = new ThreadSummariser(WORKER, 1);
    const texts = ['', '\uFEFF\r\n\r\n', '\u0000\u0001binary?', '𝔸'.repeat(1000), 'AL CHN 4/2025\n'.repeat(2000)];
    for (const text of texts) {
      assert.deepEqual(await summariser.summarise('file:///w/a.note', text, ['file:///w']), noteFields('file:///w/a.note', analyse(text), ['file:///w']));
    }
    summariser.close();
    await assert.rejects(summariser.summarise('file:///w/a.note', 'text', ['file:///w']));
  });

  it('refuses every summary when its worker cannot start (the index then analyses in process)', async () => {
    const summariser = new ThreadSummariser(path.join(REPO_ROOT, 'dist', 'no-such-worker.js'), 1);
    try {
      await assert.rejects(summariser.summarise('file:///w/a.note', 'text', ['file:///w']));
    } finally {
      summariser.close();
    }
  });
});
