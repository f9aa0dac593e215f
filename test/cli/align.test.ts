/** `diplonote align` on a one-file note and on a two-file pair. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { REPO_ROOT } from '../support/serverConnection';

function align(...args: string[]) {
  return spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'align', ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
}

interface Pair { level: string; en: { line: number }; zh: { line: number }; confidence: number }

describe('cli: diplonote align', () => {
  it('pairs the six paragraphs and three points of the reference note with their lines', () => {
    const result = align('--json', 'samples/ohchr-reply-al-chn-4-2025.note');
    assert.equal(result.status, 0, result.stderr);
    const [{ pairs }] = JSON.parse(result.stdout) as Array<{ pairs: Pair[] }>;
    const lines = (level: string) => pairs.filter((p) => p.level === level).map((p) => [p.en.line, p.zh.line]);
    assert.deepEqual(lines('paragraph'), [[25, 39], [27, 41], [29, 43], [31, 45], [35, 49], [37, 51]]);
    assert.deepEqual(lines('point'), [[35, 49], [35, 49], [35, 49]]);
    assert.ok(pairs.every((p) => p.confidence > 0 && p.confidence <= 1));
  });

  it('finds the partner file of a two-file pair and shows the pair once', () => {
    const result = align('samples/visa-request.zh.note', 'samples/visa-request.en.note');
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout.split('\n')[0], 'samples/visa-request.en.note ↔ samples/visa-request.zh.note');
    assert.equal(result.stdout.split('\n').filter((line) => line.startsWith('¶')).length, 6);
  });

  it('says so when a note has no other version', () => {
    const result = align('samples/first-person-letter.note');
    assert.match(result.stderr, /no other language version/);
  });
});
