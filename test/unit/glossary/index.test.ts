/** The public API: loading by file name, the size limit for every format, the built-in glossary. */
import * as assert from 'node:assert/strict';
import { builtInGlossary, GlossaryIndex, isGlossaryFile, loadGlossaryText, mergeGlossaries } from '../../../server/src/core/glossary';
import { fixture } from './helpers';

describe('glossary API', () => {
  it('chooses the loader from the file name', () => {
    const cases: [string, string, number][] = [
      ['good.glossary.json', 'Team/good.GLOSSARY.json', 3],
      ['good.glossary.csv', 'good.glossary.csv', 2],
      ['good.glossary.tsv', 'good.glossary.tsv', 3],
      ['tbx2019.tbx', 'terms/TBX2019.TBX', 2],
    ];
    for (const [name, file, count] of cases) {
      const result = loadGlossaryText(fixture(name), file);
      assert.equal(result.entries.length, count, name);
      assert.ok(result.entries.every((e) => e.origin === file));
    }
    assert.deepEqual(['a.glossary.json', 'b.tbx', 'c.json', 'd.csv'].map(isGlossaryFile), [true, true, false, false]);
    assert.match(loadGlossaryText('x', 'notes.txt').problems[0].message, /Not a glossary file/);
  });

  it('refuses any format over the size limit with one problem at line 0', () => {
    for (const name of ['good.glossary.json', 'good.glossary.csv', 'good.glossary.tsv', 'tbx2008.tbx']) {
      const text = fixture(name);
      const result = loadGlossaryText(text, name, 64);
      assert.deepEqual(result.entries, [], name);
      assert.deepEqual(result.problems.map((p) => [p.line, p.character, p.severity]), [[0, 0, 'error']], name);
    }
    const oversize = 'en,zh\n' + 'fraud,诈骗\n'.repeat(600_000);
    assert.match(loadGlossaryText(oversize, 'big.glossary.csv').problems[0].message, /over the limit of 5242880 bytes/);
  });

  it('lets a user file override the built-in glossary', () => {
    const builtIn = builtInGlossary();
    assert.ok(builtIn.length >= 200, `${builtIn.length} entries`);
    const first = builtIn[0];
    const user = loadGlossaryText(`en,zh,id\n${first.en[0]},用户译名,${first.id}\n`, 'team.glossary.csv');
    const index = GlossaryIndex.build(mergeGlossaries(builtIn, user.entries));
    assert.equal(index.lookup(first.en[0])?.origin, 'team.glossary.csv');
    assert.equal(index.entries().length, builtIn.length);
  });
});
