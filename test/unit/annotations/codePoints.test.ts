/** UTF-16 offsets ↔ Unicode code points (TextPositionSelector), with astral characters and CRLF. */
import * as assert from 'node:assert/strict';
import { CodePointIndex } from '../../../server/src/core/annotations/codePoints';

/** The reference: the code points of `text.slice(0, offset)`, counted by the string iterator. */
const codePointsBefore = (text: string, offset: number) => [...text.slice(0, offset)].length;

describe('code points of a note', () => {
  it('counts an astral character (𠀀, an emoji) as one code point and two UTF-16 units', () => {
    const text = 'a𠀀b😀c';
    const index = new CodePointIndex(text);
    assert.equal(index.length, 5);
    assert.deepEqual([0, 1, 3, 4, 6, 7].map((u) => index.toCodePoint(u)), [0, 1, 2, 3, 4, 5]);
    assert.deepEqual([0, 1, 2, 3, 4, 5].map((c) => index.toUtf16(c)), [0, 1, 3, 4, 6, 7]);
  });

  it('keeps \\r\\n as two code points, as in the file', () => {
    const text = '第一段\r\n\r\n𠀁第二段';
    const index = new CodePointIndex(text);
    assert.equal(index.toCodePoint(text.indexOf('第二')), 8);
    assert.equal(index.toUtf16(8), text.indexOf('第二'));
    assert.equal(index.length, 11);
  });

  it('agrees with the string iterator at every offset, both ways', () => {
    const text = '\uD83D\uDE00x\r\n𠀀\uD800 lone \uDC00 ok😀😀';
    const index = new CodePointIndex(text);
    for (let offset = 0; offset <= text.length; offset++) {
      const inPair = offset > 0 && offset < text.length && text.codePointAt(offset - 1)! > 0xffff;
      const expected = codePointsBefore(text, inPair ? offset - 1 : offset);
      assert.equal(index.toCodePoint(offset), expected, `offset ${offset}`);
      if (!inPair) assert.equal(index.toUtf16(expected), offset, `code point ${expected}`);
    }
  });

  it('clamps what lies outside the text', () => {
    const index = new CodePointIndex('ab𠀀');
    assert.equal(index.toCodePoint(-5), 0);
    assert.equal(index.toCodePoint(99), 3);
    assert.equal(index.toUtf16(99), 4);
    assert.equal(index.toUtf16(Number.NaN), 0);
  });

  it('is a plain identity for text without astral characters', () => {
    const index = new CodePointIndex('plain text, 中文');
    assert.equal(index.toCodePoint(7), 7);
    assert.equal(index.toUtf16(13), 13);
  });
});
