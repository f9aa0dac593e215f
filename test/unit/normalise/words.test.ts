import { strict as assert } from 'node:assert';
import { WordTable, wordSet } from '../../../server/src/core/normalise/words';

describe('WordTable', () => {
  it('finds a word where it stands in a text, in any case, and nothing else there', () => {
    const table = WordTable.of({ may: 5, march: 3 });
    const text = 'in MAY and March, not Mayor or mar';
    assert.equal(table.at(text, 3, 6), 5);
    assert.equal(table.at(text, 11, 16), 3);
    assert.equal(table.at(text, 22, 27), undefined);
    assert.equal(table.at(text, 31, 34), undefined);
    assert.equal(table.at(text, 3, 3), undefined);
    assert.equal(table.get('mAy'), 5);
  });

  it('holds no member of an object\'s prototype', () => {
    const table = WordTable.of({ one: 1 });
    for (const word of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) assert.equal(table.get(word), undefined, word);
    assert.equal(wordSet(['in']).has('constructor'), false);
  });

  it('tells capitals from small letters when made to match case', () => {
    const table = new WordTable([['Geneva', 1], ['geneva', 2]], true);
    assert.equal(table.get('Geneva'), 1);
    assert.equal(table.get('geneva'), 2);
    assert.equal(table.get('GENEVA'), undefined);
  });

  it('takes only words of ASCII letters', () => {
    assert.throws(() => WordTable.of({ 'per cent': 1 }), /ASCII letters/);
    assert.equal(WordTable.of({ one: 1 }).get('öne'), undefined);
  });
});
