/** TBX 2008 and 2019, deprecated terms, and the refusal of entity declarations. */
import * as assert from 'node:assert/strict';
import { parseTbxGlossary } from '../../../server/src/core/glossary/loadTbx';
import { fixture } from './helpers';

const load = (name: string) => parseTbxGlossary(fixture(name), name);

describe('TBX glossary loader', () => {
  it('reads TBX 2008: subject field, per-language definition, ntig, deprecated terms dropped', () => {
    const result = load('tbx2008.tbx');
    assert.deepEqual(result.entries, [
      {
        id: 'c1',
        category: 'law enforcement',
        en: ['public security organs'],
        zh: ['公安机关'],
        definition: { en: "Police authorities of the People's Republic of China." },
        origin: 'tbx2008.tbx',
      },
      { id: 'c2', category: 'user', en: ['telecommunications fraud'], zh: ['電信詐騙'], origin: 'tbx2008.tbx' },
    ]);
    assert.deepEqual(result.problems.map((p) => `${p.line} ${p.severity}`), ['25 warning']);
    assert.match(result.problems[0].message, /no usable Chinese term/);
  });

  it('reads TBX 2019: concept-level and language-level definitions, superseded terms dropped', () => {
    const result = load('tbx2019.tbx');
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.entries.map((e) => [e.id, e.category, e.en, e.zh, e.definition]), [
      ['myawaddy', 'places', ['Myawaddy'], ['妙瓦底', '苗瓦迪'], {
        en: 'A town in Kayin State, Myanmar, on the border with Thailand.',
        zh: '缅甸克伦邦与泰国接壤的城镇。',
      }],
      ['special-procedures', 'user', ['special procedures'], ['特别程序', '特别机制'], undefined],
    ]);
  });

  it('refuses a billion-laughs DOCTYPE at its first ENTITY line and loads nothing', () => {
    const result = load('billion-laughs.tbx');
    assert.deepEqual(result.entries, []);
    assert.deepEqual(result.problems.map((p) => p.line), [2]);
    assert.match(result.problems[0].message, /refused/);
  });

  it('refuses an external entity and never reads it', () => {
    const result = load('external-entity.tbx');
    assert.deepEqual(result.entries, []);
    assert.deepEqual(result.problems.map((p) => p.line), [1]);
  });

  it('reports malformed XML at its line and keeps the concepts read before it', () => {
    const text = [
      '<martif><text><body>',
      '<termEntry><langSet xml:lang="en"><tig><term>fraud</term></tig></langSet><langSet xml:lang="zh"><tig><term>诈骗</term></tig></langSet></termEntry>',
      '<termEntry><langSet xml:lang="en"><tig><term>gambling</tig></langSet>',
      '</body></text></martif>',
    ].join('\n');
    const result = parseTbxGlossary(text, 'bad.tbx');
    assert.deepEqual(result.entries.map((e) => e.en[0]), ['fraud']);
    assert.equal(result.problems[0].line, 2);
    assert.match(result.problems[0].message, /^Invalid XML/);
  });

  it('refuses oversize files at line 0 without parsing them', () => {
    const result = parseTbxGlossary(fixture('tbx2019.tbx'), 'big.tbx', 100);
    assert.deepEqual(result.entries, []);
    assert.deepEqual(result.problems.map((p) => [p.line, p.character]), [[0, 0]]);
    assert.match(result.problems[0].message, /over the limit of 100 bytes/);
  });

  it('never throws on hostile text', () => {
    for (const text of ['', '<', '\uFEFF<martif/>', '<a>'.repeat(50_000), '<!DOCTYPE x SYSTEM "http://example.invalid/x.dtd"><x/>', '\u0000\uD800']) {
      const result = parseTbxGlossary(text, 'x.tbx');
      assert.ok(Array.isArray(result.entries) && result.problems.length <= 21);
    }
  });

  it('skips a concept whose term is longer than a term can be, with a problem at the term', () => {
    const text = [
      '<?xml version="1.0"?>', '<martif type="TBX"><text><body>',
      '<termEntry id="a"><langSet xml:lang="en"><tig><term>fraud</term></tig></langSet><langSet xml:lang="zh"><tig><term>诈骗</term></tig></langSet></termEntry>',
      '<termEntry id="b"><langSet xml:lang="en">',
      `<tig><term>${'y'.repeat(142_000)}</term></tig></langSet><langSet xml:lang="zh"><tig><term>敲诈勒索</term></tig></langSet></termEntry>`,
      '</body></text></martif>',
    ].join('\n');
    const result = parseTbxGlossary(text, 'a.tbx');
    assert.deepEqual(result.entries.map((e) => e.en[0]), ['fraud']);
    assert.deepEqual(result.problems.map((p) => `${p.line} ${p.severity}`), ['4 error']);
    assert.match(result.problems[0].message, /English form of 142000 characters is longer than the limit of 300/);
  });
});
