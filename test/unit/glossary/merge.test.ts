/** User glossaries override the built-in one, later files override earlier ones. */
import * as assert from 'node:assert/strict';
import { GlossaryIndex } from '../../../server/src/core/glossary/automaton';
import { mergeGlossaries } from '../../../server/src/core/glossary/merge';
import { entry, found } from './helpers';

const builtIn = [
  entry('telecom-fraud', ['telecommunications fraud'], ['电信诈骗']),
  entry('special-procedures', ['special procedures'], ['特别程序']),
  entry('communication', ['communication'], ['来文']),
];

describe('merging glossaries', () => {
  it('replaces a built-in entry with the same id or the same preferred English form', () => {
    const team = [
      entry('telecom-fraud', ['telecom fraud'], ['电诈'], 'team.glossary.json'),
      entry('sp', ['Special Procedures'], ['特别机制'], 'team.glossary.json'),
    ];
    const merged = mergeGlossaries(builtIn, team);
    assert.deepEqual(merged.map((e) => `${e.id}/${e.origin}`), [
      'communication/built-in',
      'telecom-fraud/team.glossary.json',
      'sp/team.glossary.json',
    ]);
    const index = GlossaryIndex.build(merged);
    assert.deepEqual(found(index, 'telecommunications fraud, 特别程序, 特别机制'), ['32-36:特别机制@sp']);
  });

  it('lets a later file override an earlier one and keeps entries nobody overrides', () => {
    const first = [entry('a', ['allegation letter'], ['指控信'], 'first.csv'), entry('b', ['urgent appeal'], ['紧急呼吁'], 'first.csv')];
    const second = [entry('a2', ['Allegation Letter'], ['指控函'], 'second.tbx')];
    const merged = mergeGlossaries(builtIn, first, second);
    assert.deepEqual(merged.map((e) => e.id), ['telecom-fraud', 'special-procedures', 'communication', 'b', 'a2']);
    assert.equal(GlossaryIndex.build(merged).lookup('指控函')?.origin, 'second.tbx');
  });

  it('lets a user entry win a form it shares with a surviving built-in entry', () => {
    const merged = mergeGlossaries(builtIn, [entry('letter', ['communication letter', 'communication'], ['函'], 'user.tsv')]);
    const index = GlossaryIndex.build(merged);
    assert.equal(index.lookup('Communication')?.id, 'letter');
    assert.equal(index.lookup('来文')?.id, 'communication');
  });
});
