/** `diplonote export`: TMX 1.4b parsed back and held to the DTD's required attributes; CSV. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { SaxesParser } from 'saxes';
import { toTmx } from '../../server/src/core/export/tmx';
import { REPO_ROOT } from '../support/serverConnection';

function exportNote(...args: string[]) {
  return spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'export', ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
}

/** Attributes the TMX 1.4b DTD marks #REQUIRED, per element. */
const REQUIRED: Readonly<Record<string, readonly string[]>> = {
  tmx: ['version'],
  header: ['creationtool', 'creationtoolversion', 'segtype', 'o-tmf', 'adminlang', 'srclang', 'datatype'],
  tuv: ['xml:lang'],
};

interface Parsed { units: Array<Record<string, string>>; header: Record<string, string>; missing: string[] }

function parseTmx(xml: string): Parsed {
  const parser = new SaxesParser();
  const parsed: Parsed = { units: [], header: {}, missing: [] };
  let lang = '';
  let text = '';
  parser.on('opentag', (tag) => {
    const attributes = tag.attributes as Record<string, string>;
    for (const name of REQUIRED[tag.name] ?? []) if (!(name in attributes)) parsed.missing.push(`${tag.name}@${name}`);
    if (tag.name === 'header') parsed.header = attributes;
    if (tag.name === 'tu') parsed.units.push({});
    if (tag.name === 'tuv') lang = attributes['xml:lang'];
    if (tag.name === 'seg') text = '';
  });
  parser.on('text', (t) => { text += t; });
  parser.on('closetag', (tag) => {
    if (tag.name === 'seg') parsed.units[parsed.units.length - 1][lang] = text;
  });
  parser.write(xml).close();
  return parsed;
}

describe('cli: diplonote export', () => {
  it('--tmx: well-formed TMX 1.4b with every required attribute and one <tu> per sentence pair', () => {
    const result = exportNote('samples/visa-request.en.note', '--tmx');
    assert.equal(result.status, 0, result.stderr);
    const tmx = parseTmx(result.stdout);
    assert.deepEqual(tmx.missing, []);
    assert.match(result.stdout, /<tmx version="1\.4">/);
    assert.deepEqual({ ...tmx.header, creationtoolversion: 'x' }, {
      creationtool: 'Diplonote', creationtoolversion: 'x', segtype: 'sentence', 'o-tmf': 'Diplonote',
      adminlang: 'en', srclang: 'en', datatype: 'plaintext',
    });
    assert.ok(tmx.units.length >= 6);
    assert.deepEqual(tmx.units[1], { en: 'The delegation is composed of eight members, all of whom hold service passports.', zh: '代表团一行8人，均持公务护照。' });
  });

  it('escapes the five XML entities so that the text parses back unchanged', () => {
    const pair = { en: `Tom & "Jerry" <'A'>`, zh: '甲 & 乙 <丙>' };
    assert.deepEqual(parseTmx(toTmx([pair], { toolVersion: '1 & 2' })).units, [pair]);
  });

  it('--csv --out FILE writes quoted en,zh rows', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'diplonote-export-')), 'pairs.csv');
    assert.equal(exportNote('test/fixtures/checks/consistent.note', '--csv', '--out', out).status, 0);
    const rows = readFileSync(out, 'utf8').split('\r\n');
    assert.equal(rows[0], '"en","zh"');
    assert.ok(rows[1].startsWith('"The Government of China has received communication AL CHN 9/2025'));
  });

  it('exits 2 without a format or without another version', () => {
    assert.equal(exportNote('samples/visa-request.en.note').status, 2);
    assert.equal(exportNote('samples/first-person-letter.note', '--tmx').status, 2);
  });
});
