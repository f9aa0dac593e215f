/** `diplonote export`: TMX 1.4b parsed back and held to the DTD's required attributes; CSV. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { SaxesParser } from 'saxes';
import { PROP_PARAGRAPH, PROP_REFERENCE, toTmx } from '../../server/src/core/export/tmx';
import { parseTmx as readTmx } from '../../server/src/core/export/tmxRead';
import { REPO_ROOT } from '../support/serverConnection';

/** 2025-06-03T09:30:00Z: the date a reproducible build gives the memory. */
const SOURCE_DATE_EPOCH = '1748943000';

function exportNote(...args: string[]) {
  return spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'export', ...args],
    { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH } });
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
      adminlang: 'en', srclang: 'en', datatype: 'plaintext', creationdate: '20250603T093000Z',
    });
    assert.ok(tmx.units.length >= 6);
    assert.deepEqual(tmx.units[1], { en: 'The delegation is composed of eight members, all of whom hold service passports.', zh: '代表团一行8人，均持公务护照。' });
  });

  it('--source-lang and --target-lang tag the versions; each unit has a tuid, its date and the reference and paragraph as props', () => {
    const result = exportNote('samples/visa-request.en.note', '--tmx', '--source-lang', 'en-GB', '--target-lang', 'zh-CN');
    assert.equal(result.status, 0, result.stderr);
    const memory = readTmx(result.stdout, 'visa-request.tmx');
    assert.deepEqual(memory.problems, []);
    assert.equal(memory.header.srclang, 'en-GB');
    assert.equal(memory.header.creationdate, '20250603T093000Z');
    const tuids = memory.units.map((unit) => unit.tuid);
    assert.equal(new Set(tuids).size, memory.units.length, 'every tuid differs');
    // The opening formula is in no numbered paragraph; the first sentence of paragraph 1 is the third unit.
    const [formula, , numbered] = memory.units;
    assert.deepEqual(formula.props, [{ type: PROP_REFERENCE, value: '(2025)领字第45号' }]);
    assert.deepEqual(numbered.props, [{ type: PROP_REFERENCE, value: '(2025)领字第45号' }, { type: PROP_PARAGRAPH, value: '1' }]);
    assert.deepEqual(numbered.variants.map((variant) => variant.language), ['en-GB', 'zh-CN']);
  });

  it('refuses a language option that is not a language tag', () => {
    const result = exportNote('samples/visa-request.en.note', '--tmx', '--source-lang', 'en GB<');
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--source-lang must be a language tag/);
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
