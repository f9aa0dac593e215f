/** The `diplonote` CLI as a user runs it: the bundled dist/cli.js in a child process. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../support/serverConnection';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const SEED = 'samples/ohchr-reply-al-chn-4-2025.note';

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cli: diplonote outline', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'diplonote-cli-'));

  it('prints an indented tree with line numbers', () => {
    const { status, stdout, stderr } = run('outline', SEED);
    assert.equal(status, 0, stderr);
    const lines = stdout.split('\n');
    assert.equal(lines[0], SEED);
    assert.equal(lines[2], '  14  Reference CHN/HR/2025/34');
    assert.ok(lines.includes('  35      Second  (by means of employment…)'));
    assert.ok(lines.includes('  49      二是  (通过就业帮扶、教育转化等方式，帮助…)'));
  });

  it('says with --explain why each block was read as it was, in text and in JSON', () => {
    const text = run('outline', '--explain', SEED);
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /^line 14 {2}ownReference {2}«CHN\/HR\/2025\/34»\n {4}why: a reference number on a line of its own\n/m);
    assert.match(text.stdout, /«联合国人权理事会特别机制发送的[^\n]*\n {4}why: sentences[^\n]*\n {4}language: Chinese: [^\n]*; in the Chinese version\n/);
    const json = run('outline', '--explain', '--json', SEED);
    const [{ file, blocks }] = JSON.parse(json.stdout) as Array<{ file: string; blocks: Array<{ firstLine: number; kind: string; version?: string }> }>;
    assert.equal(file, SEED);
    assert.deepEqual(blocks.find((block) => block.firstLine === 14), blocks.find((block) => block.kind === 'ownReference'));
    assert.equal(blocks.filter((block) => block.kind === 'paragraph' && block.version === 'zh').length, 6);
  });

  it('prints JSON with --json', () => {
    const { status, stdout } = run('outline', '--json', SEED, 'samples/visa-request.zh.note');
    assert.equal(status, 0);
    const parsed = JSON.parse(stdout) as Array<{ file: string; outline: Array<{ name: string; line: number; children: unknown[] }> }>;
    assert.deepEqual(parsed.map((p) => p.file), [SEED, 'samples/visa-request.zh.note']);
    assert.deepEqual(parsed[0].outline[1], { kind: 'ownReference', name: 'Reference CHN/HR/2025/34', line: 14, endLine: 14, children: [] });
  });

  it('gives one line and exit status 2 for a missing file, a directory and binary input', () => {
    const binary = path.join(scratch, 'image.note');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
    for (const [file, message] of [['no/such.note', 'no such file'], ['samples', 'a folder, not a file'], [binary, 'binary file']]) {
      const { status, stderr, stdout } = run('outline', file);
      assert.equal(status, 2, file);
      assert.equal(stdout, '');
      assert.equal(stderr.trim().split('\n').length, 1, stderr);
      assert.ok(stderr.includes(message), stderr);
    }
  });

  it('says why a file is not read in Chinese too, the system\'s reasons included', () => {
    for (const [file, message] of [['no/such.note', '文件不存在'], ['samples', '是文件夹，不是文件']]) {
      const { status, stderr } = run('outline', '--lang', 'zh', file);
      assert.equal(status, 2, file);
      assert.equal(stderr.trim(), `diplonote: ${file}: ${message}`);
    }
  });

  it('still prints the readable files when another one is missing', () => {
    const { status, stdout } = run('outline', 'missing.note', SEED);
    assert.equal(status, 2);
    assert.ok(stdout.startsWith(SEED));
  });

  it('rejects unknown commands and a call without files with status 2', () => {
    assert.equal(run('frobnicate', SEED).status, 2);
    assert.equal(run('outline').status, 2);
    assert.equal(run('--version').stdout.trim(), '0.1.0');
  });
});
