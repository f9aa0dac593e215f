/** The rows of the aligned view, in the order of the text. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyse } from '../../../server/src/core/analyse';
import { alignVersions, sideOf } from '../../../server/src/core/noteAlignment';
import { alignedUnits } from '../../../server/src/core/workbench/rows';

describe('aligned rows', () => {
  const text = readFileSync(path.join(__dirname, '..', '..', '..', 'samples', 'ohchr-reply-al-chn-4-2025.note'), 'utf8');
  const note = analyse(text);
  const [en, zh] = [sideOf(note, 'en'), sideOf(note, 'zh')];
  assert.ok(en && zh);
  const rows = alignedUnits(alignVersions(en, zh));

  it('has the six paragraph pairs of the reference note, numbered ¶1 to ¶6 on both sides', () => {
    const paragraphs = rows.filter((row) => row.level === 'paragraph');
    assert.deepEqual(paragraphs.map((row) => [row.en?.paragraph, row.zh?.paragraph]), [[1, 1], [2, 2], [3, 3], [4, 4], [5, 5], [6, 6]]);
  });

  it('puts each point just before the sentence it starts, with its ordinal', () => {
    const fifth = rows.filter((row) => row.pair === 4);
    const at = (row: (typeof rows)[number]) => text.slice(row.en?.spans[0].start, (row.en?.spans[0].start ?? 0) + 7);
    assert.deepEqual(fifth.map((row) => `${row.level}:${row.en?.point ?? '-'}`), ['paragraph:-', 'sentence:-', 'point:1', 'sentence:1', 'point:2', 'sentence:2', 'point:3', 'sentence:3']);
    assert.deepEqual(fifth.filter((row) => row.level === 'point').map(at), ['First, ', 'Second,', 'Third, ']);
  });

  it('covers every sentence of each paired paragraph once', () => {
    for (const [index, pair] of alignVersions(en, zh).paragraphs.entries()) {
      const sentences = rows.filter((row) => row.pair === index && row.level === 'sentence');
      assert.equal(sentences.length, pair.sentences.length);
    }
  });
});
