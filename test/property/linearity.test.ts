/**
 * Scanners on long repetitive text that once made them quadratic (a year mark searched past the date
 * in text that also holds Chinese). Their time at n and 2n is measured by `npm run bench:scaling`, not
 * here: a test reading the clock fails on a loaded machine. Here, that the scan of a long text finds
 * every mention, as far as its end: 20,000 repetitions, about 800 KB, would take minutes if quadratic.
 */
import * as assert from 'node:assert/strict';
import { findNumbers } from '../../server/src/core/normalise/numbers';

describe('linear scanners', () => {
  it('findNumbers: English dates in a text that also holds Chinese (a year mark searched past the date)', () => {
    const repeats = 20_000;
    const sentence = 'On 20 February 2025 the office replied. ';
    const text = '第1页\n' + sentence.repeat(repeats);
    const found = findNumbers(text, 0, text.length, 'en');
    const perSentence = findNumbers(sentence, 0, sentence.length, 'en').length;
    assert.ok(perSentence > 0);
    assert.equal(found.length, perSentence * repeats + findNumbers('第1页\n', 0, 4, 'en').length);
    assert.ok((found[found.length - 1]?.end ?? 0) > text.length - sentence.length, 'found as far as the end');
  });
});
