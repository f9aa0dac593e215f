/** *.glossary.json: good files, wrong types and broken JSON, each problem at its exact line. */
import * as assert from 'node:assert/strict';
import { parseJsonGlossary } from '../../../server/src/core/glossary/loadJson';
import { fixture } from './helpers';

const load = (name: string) => parseJsonGlossary(fixture(name), name);
const where = (result: ReturnType<typeof load>) => result.problems.map((p) => `${p.line}:${p.character} ${p.severity}`);

describe('JSON glossary loader', () => {
  it('loads every field of a good file, forms given as a string or a list', () => {
    const { entries, problems } = load('good.glossary.json');
    assert.deepEqual(problems, []);
    assert.deepEqual(entries[0], {
      id: 'telecom-fraud',
      category: 'crime',
      en: ['telecommunications fraud', 'telecom fraud'],
      zh: ['电信诈骗', '电诈'],
      definition: { en: 'Fraud carried out remotely by telephone or online.', zh: '通过电话或网络远程实施的诈骗。' },
      note: { en: "Our team writes 'telecom fraud' in short texts." },
      source: 'Team style sheet',
      origin: 'good.glossary.json',
    });
    assert.deepEqual(entries.slice(1).map((e) => [e.id, e.category, e.en, e.zh]), [
      ['scam-compound', 'user', ['scam compound'], ['诈骗园区']],
      ['permanent-mission', 'user', ['Permanent Mission'], ['常驻代表团']],
    ]);
    assert.deepEqual(entries[2].definition, { en: "A State's standing diplomatic mission to an international organization." });
  });

  it('reports wrong types at the offending property and loads the valid rest', () => {
    const result = load('bad-types.glossary.json');
    assert.deepEqual(where(result), ['2:12 error', '3:4 error', '4:38 error', '5:4 error', '6:46 error', '6:49 warning', '7:59 error']);
    assert.match(result.problems[0].message, /"en" must be a non-empty string/);
    assert.match(result.problems[1].message, /no Chinese form/);
    assert.match(result.problems[5].message, /Unknown property "colour"/);
    assert.deepEqual(result.entries.map((e) => [e.id, e.category, e.definition]), [
      ['kokang', 'user', undefined],
      ['online-gambling', 'user', undefined],
    ]);
  });

  it('reports a syntax error where it is and still loads the entries around it', () => {
    const result = load('broken.glossary.json');
    assert.deepEqual(where(result), ['3:33 error']);
    assert.match(result.problems[0].message, /Invalid JSON: comma expected/);
    assert.deepEqual(result.entries.map((e) => e.en[0]), ['extortion', 'intentional injury', 'gambling']);
  });

  it('explains a wrong shape at the top and an empty file', () => {
    assert.deepEqual(where(parseJsonGlossary('[1, 2]', 'a.glossary.json')), ['0:0 error']);
    assert.deepEqual(where(parseJsonGlossary('{\n  "entries": {}\n}', 'a.glossary.json')), ['1:13 error']);
    assert.deepEqual(where(parseJsonGlossary('{\n}', 'a.glossary.json')), ['0:0 error']);
    assert.deepEqual(where(parseJsonGlossary('', 'a.glossary.json')), ['0:0 error']);
  });

  it('accepts a byte-order mark and refuses absurd nesting before parsing', () => {
    const bom = parseJsonGlossary('\uFEFF{"entries":[{"en":"fraud","zh":"诈骗"}]}', 'a.glossary.json');
    assert.deepEqual([bom.entries.length, bom.problems], [1, []]);
    const deep = parseJsonGlossary(`{"entries":\n${'['.repeat(100_000)}`, 'a.glossary.json');
    assert.deepEqual(where(deep), ['1:63 error']);
    assert.match(deep.problems[0].message, /nest deeper than 64/);
  });

  it('never throws on hostile text', () => {
    for (const text of ['{"entries":[', '\uFEFF{"entries":[]}', '\u0000\uD800', '{"entries":[{"en":"a","zh":"乙"}]}'.repeat(3), '['.repeat(10_000)]) {
      const result = parseJsonGlossary(text, 'x.glossary.json');
      assert.ok(Array.isArray(result.entries) && Array.isArray(result.problems));
    }
  });

  it('skips an entry whose form is longer than a term can be, with a problem at the form', () => {
    const text = JSON.stringify({ entries: [{ en: 'fraud', zh: '诈骗' }, { en: ['extortion', 'x'.repeat(142_000)], zh: '敲诈勒索' }] }, null, 1);
    const result = parseJsonGlossary(text, 'a.glossary.json');
    assert.deepEqual(result.entries.map((e) => e.en[0]), ['fraud']);
    assert.deepEqual(where(result), ['9:4 error']);
    assert.match(result.problems[0].message, /English form of 142000 characters is longer than the limit of 300/);
  });
});
