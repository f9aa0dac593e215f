/** The CLI reads notes in UTF-16 or GB18030, and says which encoding it assumed when it was not UTF-8. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { encodeGb18030, encodeUtf16 } from '../support/encodings';
import { REPO_ROOT } from '../support/serverConnection';

describe('cli: encodings', () => {
  let folder: string;
  const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), ...args], { cwd: folder, encoding: 'utf8' });

  before(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'diplonote-encodings-'));
    writeFileSync(path.join(folder, 'visa.en.note'), 'On 1 March 2025, China repatriated 210 nationals.\n');
    writeFileSync(path.join(folder, 'visa.zh.note'), encodeGb18030('2025年3月1日，中方遣返了120名公民。\n'));
    writeFileSync(path.join(folder, 'utf16.note'), encodeUtf16('CHN/HR/2025/34\n\n中国政府收到来文，现答复如下。\n', 'le'));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('checks a pair whose Chinese file is GB18030, saying so once', () => {
    const result = cli('check', 'visa.en.note');
    assert.equal(result.status, 1, result.stderr);
    assert.equal(result.stderr, 'diplonote: visa.zh.note: read as GB18030 (the bytes are not valid UTF-8)\n');
    assert.match(result.stdout, /visa\.zh\.note:1:16: warning number-mismatch The number "120"/);
  });

  it('outlines a UTF-16 note, saying so, and is silent on UTF-8', () => {
    const result = cli('outline', 'utf16.note', 'visa.en.note');
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, 'diplonote: utf16.note: read as UTF-16 LE (byte order mark)\n');
    assert.match(result.stdout, /Reference CHN\/HR\/2025\/34/);
  });
});
