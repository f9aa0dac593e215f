/**
 * Issue 16, item 11: `export NOTE --out NOTE` wrote the translation memory over the note (or over its
 * partner) without a word. `--out` never writes over a file the command read (the note and its
 * partner), under any name: a symbolic link, a hard link, a path with `..`.
 */
import * as assert from 'node:assert/strict';
import { copyFileSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../support/serverConnection';
import { cli } from '../support/cli';

describe('cli: export --out never writes over an input (issue 16)', () => {
  let folder: string;
  const contents = new Map<string, string>();
  const remember = (name: string, text: string) => {
    writeFileSync(path.join(folder, name), text);
    contents.set(name, text);
  };

  before(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'diplonote-overwrite-'));
    for (const name of ['visa-request.en.note', 'visa-request.zh.note']) remember(name, readFileSync(path.join(REPO_ROOT, 'samples', name), 'utf8'));
    symlinkSync('visa-request.zh.note', path.join(folder, 'partner-link.tmx'));
    linkSync(path.join(folder, 'visa-request.en.note'), path.join(folder, 'second-name.tmx'));
    mkdirSync(path.join(folder, 'sub'));
    copyFileSync(path.join(folder, 'visa-request.en.note'), path.join(folder, 'unrelated.note'));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  const refusals: Array<[string, string]> = [
    ['the note', 'visa-request.en.note'],
    ['the partner', 'visa-request.zh.note'],
    ['the partner through a symbolic link', 'partner-link.tmx'],
    ['the note under a second name (hard link)', 'second-name.tmx'],
    ['the note by a path with ..', 'sub/../visa-request.en.note'],
  ];
  for (const [what, out] of refusals) {
    it(`refuses to write over ${what}, and says so`, () => {
      const result = cli(['export', 'visa-request.en.note', '--tmx', '--out', out], { cwd: folder });
      assert.equal(result.status, 2, result.stderr);
      assert.match(result.stderr, /not written over/);
      for (const [name, text] of contents) assert.equal(readFileSync(path.join(folder, name), 'utf8'), text, `${name} was changed`);
    });
  }

  it('writes a new file, and over a file that is no input (--out=FILE)', () => {
    for (const out of ['pairs.tmx', 'unrelated.note']) {
      const result = cli(['export', 'visa-request.en.note', '--tmx', `--out=${out}`], { cwd: folder });
      assert.equal(result.status, 0, result.stderr);
      assert.match(readFileSync(path.join(folder, out), 'utf8'), /<tmx version="1\.4">/);
    }
  });
});
