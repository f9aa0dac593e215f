/** `diplonote check`: output format, JSON, thresholds and exit statuses. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { REPO_ROOT } from '../support/serverConnection';

function check(...args: string[]) {
  return spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'check', ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
}

describe('cli: diplonote check', () => {
  it('prints file:line:col: severity code message for each side and exits 1 at warning', () => {
    const result = check('test/fixtures/checks/number-mismatch.note');
    assert.equal(result.status, 1, result.stderr);
    assert.deepEqual(result.stdout.split('\n'), [
      'test/fixtures/checks/number-mismatch.note:5:206: warning number-mismatch The number "5,415" in the English version has no equal in the aligned Chinese text, which has "5451".',
      'test/fixtures/checks/number-mismatch.note:15:53: warning number-mismatch The number "5451" in the Chinese version has no equal in the aligned English text, which has "5,415".',
      '',
    ]);
  });

  it('exits 0 below the threshold, and with nothing to say on the consistent notes', () => {
    assert.equal(check('--severity', 'error', 'test/fixtures/checks/date-mismatch.note').status, 0);
    const clean = check('test/fixtures/checks/consistent.note', 'samples/ohchr-reply-al-chn-4-2025.note', 'samples/visa-request.en.note', 'samples/annotated.note');
    assert.equal(clean.status, 0, clean.stdout);
    assert.equal(clean.stdout, '');
  });

  it('--json gives positions in both files of a pair and the related span', () => {
    const result = check('--json', 'test/fixtures/checks/missing-reference.note');
    const [finding] = JSON.parse(result.stdout) as Array<{ line: number; column: number; code: string; related: Array<{ line: number }> }>;
    assert.deepEqual([finding.code, finding.line, finding.column, finding.related[0].line], ['reference-missing', 3, 52, 13]);
  });

  it('reports each problem of the front matter at its line and column', () => {
    const result = check('test/fixtures/front-matter/broken.note');
    assert.equal(result.status, 1, result.stderr);
    assert.deepEqual(result.stdout.split('\n'), [
      'test/fixtures/front-matter/broken.note:2:1: warning front-matter Unknown front matter key "refrence": did you mean "reference"?',
      'test/fixtures/front-matter/broken.note:4:11: warning front-matter "englsh" is not a language Diplonote knows (en, zh, english, chinese); the note is read as neither English nor Chinese.',
      'test/fixtures/front-matter/broken.note:5:8: warning front-matter This value contains ": ", which YAML reads as another key; put the value in quotes.',
      '',
    ]);
  });

  it('exits 2 on a missing file or a wrong threshold', () => {
    const missing = check('test/fixtures/checks/nope.note');
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /nope\.note/);
    assert.equal(check('--severity', 'loud', 'test/fixtures/checks/consistent.note').status, 2);
  });
});
