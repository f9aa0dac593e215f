/** `diplonote stats`, `concordance` and `glossary export`: the translator's workbench on the command line. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseCsvGlossary } from '../../server/src/core/glossary/loadDelimited';
import { parseTbxGlossary } from '../../server/src/core/glossary/loadTbx';
import { REPO_ROOT } from '../support/serverConnection';

function diplonote(args: readonly string[], cwd = REPO_ROOT) {
  return spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), ...args], { cwd, encoding: 'utf8' });
}

describe('cli: diplonote stats', () => {
  it('--json: words, characters, sentences, paragraphs and points of each version of the reference note, all aligned', () => {
    const result = diplonote(['stats', '--json', 'samples/ohchr-reply-al-chn-4-2025.note']);
    assert.equal(result.status, 0, result.stderr);
    const [note] = JSON.parse(result.stdout) as Array<{ counterpart: string; versions: Array<Record<string, unknown>> }>;
    assert.equal(note.counterpart, 'inside');
    assert.deepEqual(note.versions.map((v) => [v.language, v.paragraphs, v.points, v.aligned]), [['en', 6, 3, 1], ['zh', 6, 3, 1]]);
    assert.ok((note.versions[0].words as number) > 500, 'the English words are counted');
    assert.ok((note.versions[1].characters as number) > 1000, 'the Chinese characters are counted');
    assert.equal(note.versions[1].words, undefined);
  });

  it('shows a two-file pair once, with its partner, and a note without another version with no share aligned', () => {
    const result = diplonote(['stats', 'samples/visa-request.en.note', 'samples/visa-request.zh.note', 'samples/first-person-letter.note']);
    assert.equal(result.status, 0, result.stderr);
    const headings = result.stdout.split('\n').filter((line) => !line.startsWith(' ') && line !== '');
    assert.deepEqual(headings, [
      'samples/visa-request.en.note  (other version: samples/visa-request.zh.note)',
      'samples/first-person-letter.note  (no other version found)',
    ]);
    assert.match(result.stdout, /English +\d+ words, \d+ sentences, \d+ paragraphs, \d+ points, 100 % aligned/);
    assert.doesNotMatch(result.stdout.split('first-person-letter')[1], /aligned/);
  });
});

describe('cli: diplonote concordance', () => {
  it('finds a simplified term written in traditional characters, in context, with the aligned English sentence', () => {
    const result = diplonote(['concordance', '--json', '電信網絡詐騙', 'samples/ohchr-reply-al-chn-4-2025.note']);
    assert.equal(result.status, 0, result.stderr);
    const { lines } = JSON.parse(result.stdout) as { lines: Array<{ uri: string; keyword: string; language: string; rendering?: { text: string } }> };
    assert.ok(lines.length >= 2);
    assert.ok(lines.every((line) => line.keyword === '电信网络诈骗' && line.language === 'zh' && line.uri === 'samples/ohchr-reply-al-chn-4-2025.note'));
    assert.ok(lines.every((line) => line.rendering && /[A-Za-z]/.test(line.rendering.text)), 'each line has its English rendering');
  });

  it('reads a TMX file under a folder and gives the other variant as the rendering', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'diplonote-concordance-'));
    writeFileSync(path.join(folder, 'memory.tmx'), [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en-GB" datatype="plaintext"/>',
      '<body><tu><tuv xml:lang="en-GB"><seg>The Embassy presents its compliments.</seg></tuv><tuv xml:lang="zh-CN"><seg>大使馆致意。</seg></tuv></tu></body></tmx>',
    ].join('\n'));
    const result = diplonote(['concordance', 'compliments', folder]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /memory\.tmx/);
    assert.match(result.stdout, /\[compliments\]/);
    assert.match(result.stdout, /→ 大使馆致意。/);
  });

  it('exits 1 when the term is nowhere, 2 on a blank term', () => {
    assert.equal(diplonote(['concordance', 'zebra crossing', 'samples/visa-request.en.note']).status, 1);
    assert.equal(diplonote(['concordance', '  ', 'samples/visa-request.en.note']).status, 2);
  });
});

describe('cli: diplonote glossary export', () => {
  it('--tbx: TBX-Basic that the TBX loader reads back into the same entries', () => {
    const result = diplonote(['glossary', 'export', '--tbx', '--source-lang', 'en-GB', '--target-lang', 'zh-CN']);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /<tbx type="TBX-Basic" style="dca"/);
    assert.match(result.stdout, /<langSec xml:lang="zh-CN">/);
    const loaded = parseTbxGlossary(result.stdout, 'exported.tbx');
    assert.deepEqual(loaded.problems, []);
    assert.ok(loaded.entries.length > 100, `${loaded.entries.length} entries`);
    const again = diplonote(['glossary', 'export', '--csv']);
    const fromCsv = parseCsvGlossary(again.stdout, 'exported.glossary.csv');
    assert.deepEqual(fromCsv.problems, []);
    const shape = (entries: typeof loaded.entries) => entries.map((e) => [e.id, e.category, e.en, e.zh]);
    assert.deepEqual(shape(loaded.entries), shape(fromCsv.entries));
  });

  it('--csv --out FILE adds the folder\'s glossary to the built-in one, and never writes over an input', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'diplonote-glossary-'));
    writeFileSync(path.join(folder, 'mission.glossary.csv'), 'en,zh\nreservoir resettlement,水库移民\n');
    const out = path.join(folder, 'all.csv');
    const result = diplonote(['glossary', 'export', '--csv', '--out', out, folder]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(readFileSync(out, 'utf8'), /"reservoir resettlement","水库移民"/);
    const over = diplonote(['glossary', 'export', '--csv', '--out', path.join(folder, 'mission.glossary.csv'), folder]);
    assert.equal(over.status, 2);
    assert.match(over.stderr, /not written over/);
  });

  it('reads the glossaries of the folder named, not of the folders beside it', () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'diplonote-glossary-parent-'));
    mkdirSync(path.join(parent, 'mission'));
    mkdirSync(path.join(parent, 'elsewhere'));
    writeFileSync(path.join(parent, 'mission', 'mission.glossary.csv'), 'en,zh\nreservoir resettlement,水库移民\n');
    writeFileSync(path.join(parent, 'elsewhere', 'other.glossary.csv'), 'en,zh\nsalt lake,盐湖\n');
    const result = diplonote(['glossary', 'export', '--csv', path.join(parent, 'mission')]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /"reservoir resettlement","水库移民"/);
    assert.doesNotMatch(result.stdout, /salt lake/);
  });

  it('needs an action and exactly one format', () => {
    assert.equal(diplonote(['glossary', 'import', '--tbx']).status, 2);
    assert.equal(diplonote(['glossary', 'export']).status, 2);
  });
});
