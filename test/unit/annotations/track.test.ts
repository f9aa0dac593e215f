/** Annotation spans follow the edits of an open note, as the analysis spans do. */
import * as assert from 'node:assert/strict';
import { spanAfterChange, spansAfterChanges } from '../../../server/src/core/annotations/track';

const SPAN = { start: 10, end: 20 };
const after = (start: number, end: number, text: string) => spanAfterChange(SPAN, { start, end, text });

describe('annotation spans while the note is open', () => {
  it('move with text typed or deleted before them, and stay put for text after them', () => {
    assert.deepEqual(after(2, 2, 'abc'), { start: 13, end: 23 });
    assert.deepEqual(after(2, 6, ''), { start: 6, end: 16 });
    assert.deepEqual(after(25, 25, 'abc'), SPAN);
    assert.deepEqual(after(20, 30, ''), SPAN);
  });

  it('leave text typed at either edge outside', () => {
    assert.deepEqual(after(10, 10, 'ab'), { start: 12, end: 22 });
    assert.deepEqual(after(20, 20, 'ab'), SPAN);
  });

  it('grow and shrink with edits inside', () => {
    assert.deepEqual(after(12, 12, 'abc'), { start: 10, end: 23 });
    assert.deepEqual(after(12, 15, ''), { start: 10, end: 17 });
    assert.deepEqual(after(10, 12, 'xyz'), { start: 10, end: 21 });
  });

  it('lose the part an edit across an edge removes', () => {
    assert.deepEqual(after(5, 12, 'new'), { start: 8, end: 16 });
    assert.deepEqual(after(15, 25, 'new'), { start: 10, end: 15 });
  });

  it('are lost to an edit that removes all of them, and left to be placed again by their quote', () => {
    assert.equal(after(10, 20, ''), undefined);
    assert.equal(after(5, 25, 'pasted over'), undefined);
  });

  it('follow a sequence of changes told in the text each left, as an editor sends them', () => {
    const changes = [{ start: 0, end: 0, text: '12345' }, { start: 16, end: 17, text: '' }, { start: 40, end: 40, text: 'x' }];
    assert.deepEqual(spansAfterChanges([SPAN, { start: 0, end: 3 }, undefined], changes), [{ start: 15, end: 24 }, { start: 5, end: 8 }, undefined]);
  });
});
