/** itemAt: the item holding an offset, by binary search over items in document order. */
import * as assert from 'node:assert/strict';
import { itemAt } from '../../../server/src/core/text/spans';

describe('itemAt', () => {
  const items = [{ span: { start: 2, end: 5 } }, { span: { start: 5, end: 6 } }, { span: { start: 9, end: 12 } }];

  it('finds the item whose span holds the offset, its end excluded', () => {
    const found = [0, 1, 2, 4, 5, 6, 8, 9, 11, 12, 99].map((offset) => itemAt(items, offset));
    const names = found.map((item) => (item ? items.indexOf(item) : '-'));
    assert.deepEqual(names, ['-', '-', 0, 0, 1, '-', '-', 2, 2, '-', '-']);
  });

  it('finds nothing in an empty list', () => {
    assert.equal(itemAt([], 0), undefined);
  });
});
