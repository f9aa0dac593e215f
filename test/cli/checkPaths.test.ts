/**
 * `diplonote check PATH…` over folders and globs: the notes the editor's index lists (exclusions of
 * `.diplonote.json`, `.gitignore` with negations and nested files, dot folders, node_modules), each pair
 * of versions checked once, globs quoted past the shell (`**`, braces, classes, backslashes), a file
 * named explicitly checked whatever the exclusions say.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../support/serverConnection';
import { cli } from '../support/cli';

interface Finding { file: string; line: number; code: string }

const MISMATCH = readFileSync(path.join(REPO_ROOT, 'test/fixtures/checks/number-mismatch.note'), 'utf8');
const VISA_EN = readFileSync(path.join(REPO_ROOT, 'samples/visa-request.en.note'), 'utf8');
const VISA_ZH = readFileSync(path.join(REPO_ROOT, 'samples/visa-request.zh.note'), 'utf8');

/** Every note here has findings, so that the files checked are the files in the findings. */
const FILES: Readonly<Record<string, string>> = {
  '.diplonote.json': '{ "exclude": ["archive/**"] }\n',
  '.gitignore': 'build/\n*.draft.note\n!keep.draft.note\n',
  'a.en.note': VISA_EN,
  'a.zh.note': VISA_ZH.replace('代表团一行8人', '代表团一行9人'),
  'one.note': MISMATCH,
  'keep.draft.note': MISMATCH,
  'x.draft.note': MISMATCH,
  'archive/old.note': MISMATCH,
  'build/gen.note': MISMATCH,
  'sub/.gitignore': 'ignored-here.note\n',
  'sub/ignored-here.note': MISMATCH,
  'sub/deep/b.note': MISMATCH,
  '.hidden/h.note': MISMATCH,
  'node_modules/n.note': MISMATCH,
  '照会 [2025]/c.note': MISMATCH,
};

const LISTED = ['a.en.note', 'a.zh.note', 'keep.draft.note', 'one.note', 'sub/deep/b.note', '照会 [2025]/c.note'];

describe('cli: diplonote check over folders and globs', () => {
  let folder: string;

  before(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'diplonote-paths-'));
    for (const [name, text] of Object.entries(FILES)) {
      mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
      writeFileSync(path.join(folder, name), text);
    }
    symlinkSync('one.note', path.join(folder, 'link.note'));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  function checked(args: string[], cwd = folder): { status: number | null; files: string[]; findings: Finding[]; stderr: string } {
    const result = cli(['check', '--json', ...args], { cwd });
    const findings = JSON.parse(result.stdout || '[]') as Finding[];
    return { status: result.status, files: [...new Set(findings.map((f) => f.file.split(path.sep).join('/')))].sort(), findings, stderr: result.stderr };
  }

  it('a folder: every note the index lists, each once, nothing excluded, ignored or hidden', () => {
    const { status, files, findings, stderr } = checked(['.']);
    assert.equal(status, 1, stderr);
    assert.equal(stderr, '');
    assert.deepEqual(files, [...LISTED].sort());
    const lines = findings.map((f) => `${f.file}:${f.line}:${f.code}`);
    assert.equal(new Set(lines).size, lines.length, `a finding twice: ${lines.join('\n')}`);
  });

  it('the same folder named twice, or with a file in it, checks each note once', () => {
    const once = checked(['.']).findings.length;
    assert.equal(checked(['.', 'one.note', path.join(folder, 'sub')]).findings.length, once);
  });

  it('from a subfolder: the notes under it, with the exclusions of the project file above', () => {
    const { files } = checked(['.'], path.join(folder, 'sub'));
    assert.deepEqual(files, ['deep/b.note']);
  });

  const globs: Array<[string, string[]]> = [
    ['sub/**/*.note', ['sub/deep/b.note']],
    ['*.{en,zh}.note', ['a.en.note', 'a.zh.note']],
    ['[ao]*.note', ['a.en.note', 'a.zh.note', 'one.note']],
    ['**/*.draft.note', ['keep.draft.note']],
    ['sub\\**\\*.note', ['sub/deep/b.note']],
    [`${'./'}*/deep/?.note`, ['sub/deep/b.note']],
  ];
  for (const [glob, expected] of globs) {
    it(`a glob passed as written: ${glob}`, () => {
      const { files, stderr } = checked([glob]);
      assert.deepEqual(files, expected, stderr);
    });
  }

  it('an absolute glob, from another folder: the files by their absolute paths', () => {
    assert.deepEqual(checked([path.join(folder, 'sub', '**', '*.note')], REPO_ROOT).files, [path.join(folder, 'sub/deep/b.note')]);
  });

  it('a folder whose name holds glob characters is that folder', () => {
    assert.deepEqual(checked(['照会 [2025]']).files, ['照会 [2025]/c.note']);
  });

  it('a file named explicitly is checked even when excluded or ignored', () => {
    assert.deepEqual(checked(['archive/old.note', 'build/gen.note']).files, ['archive/old.note', 'build/gen.note']);
  });

  it('a glob or folder that names no note: said on standard error, exit 2, the rest still checked', () => {
    const { status, files, stderr } = checked(['nothing/**/*.note', 'one.note', '*.txt', 'archive']);
    assert.equal(status, 2);
    assert.deepEqual(files, ['one.note']);
    assert.match(stderr, /nothing\/\*\*\/\*\.note: no folder nothing/);
    assert.match(stderr, /\*\.txt: no note found \(the pattern matches no note/);
    assert.match(stderr, /archive: no note found/);
  });

  it('text and SARIF name the files relative to the working folder', () => {
    const text = cli(['check', 'sub'], { cwd: folder });
    assert.match(text.stdout, /^sub\/deep\/b\.note:5:206: warning number-mismatch/m);
    const sarif = JSON.parse(cli(['check', '--format=sarif', '.'], { cwd: folder }).stdout) as { runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
    const uris = new Set(sarif.runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri));
    assert.ok(uris.has('%E7%85%A7%E4%BC%9A%20%5B2025%5D/c.note'), [...uris].join(' '));
    assert.ok(uris.has('sub/deep/b.note'));
  });
});
