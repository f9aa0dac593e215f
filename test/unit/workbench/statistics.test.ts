/** Statistics of a note's versions: words, characters without punctuation, units, and the share aligned. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyse } from '../../../server/src/core/analyse';
import { alignVersions, sideOf } from '../../../server/src/core/noteAlignment';
import { versionStatistics } from '../../../server/src/core/workbench/statistics';

function sides(text: string) {
  const note = analyse(text);
  const [en, zh] = [sideOf(note, 'en'), sideOf(note, 'zh')];
  assert.ok(en && zh, 'both versions');
  return { en, zh, alignment: alignVersions(en, zh) };
}

describe('statistics of a note', () => {
  it('counts English words (contractions, hyphenated words and figures as one) and Chinese characters without punctuation', () => {
    const { en, zh, alignment } = sides([
      'The Government has received communication AL CHN 9/2025 and wishes to reply as follows.',
      '',
      "China's co-operation helped 5,415 people; it didn't stop there.",
      '',
      '中国政府收到AL CHN 9/2025号来文，现答复如下。',
      '',
      '中国的合作帮助了5415人；合作并未就此停止。',
      '',
    ].join('\n'));
    const english = versionStatistics(en, alignment);
    // 15 words in the first paragraph (9/2025 is 9 and 2025), 9 in the second.
    assert.deepEqual({ ...english }, { language: 'en', words: 15 + 9, sentences: 3, paragraphs: 2, points: 0, aligned: 1 });
    const chinese = versionStatistics(zh, alignment);
    assert.equal(chinese.characters, [...'中国政府收到ALCHN92025号来文现答复如下'].length + [...'中国的合作帮助了5415人合作并未就此停止'].length);
    assert.equal(chinese.words, undefined);
    assert.equal(chinese.sentences, 3);
  });

  it('counts the points of the reference note and finds all of it aligned', () => {
    const { en, zh, alignment } = sides(readFileSync(path.join(__dirname, '..', '..', '..', 'samples', 'ohchr-reply-al-chn-4-2025.note'), 'utf8'));
    assert.deepEqual([versionStatistics(en, alignment), versionStatistics(zh, alignment)].map((s) => [s.paragraphs, s.points, s.aligned]), [[6, 3, 1], [6, 3, 1]]);
  });

  it('leaves a paragraph without a counterpart out of the share aligned, and has no share without another version', () => {
    const { en, zh } = sides([
      'The Government of China has received communication AL CHN 9/2025 and replies as follows.',
      '',
      'On 1 March 2025 the police rescued 210 victims of trafficking in Yunnan Province and returned them home.',
      '',
      'This paragraph was never translated into Chinese and has no counterpart in the other version at all, which is a long sentence indeed.',
      '',
      '中国政府收到AL CHN 9/2025号来文，现答复如下。',
      '',
      '2025年3月1日，警方在云南省解救了210名人口贩运受害者并送其回家。',
      '',
    ].join('\n'));
    const untranslated = en.blocks[2].span;
    const alignment = alignVersions(en, zh, undefined, [{ id: 'untranslated', en: untranslated }]);
    const length = (start: number, end: number) => en.text.slice(start, end).replace(/\s/g, '').length;
    const total = en.blocks.reduce((sum, block) => sum + length(block.span.start, block.span.end), 0);
    const expected = Math.round((1 - length(untranslated.start, untranslated.end) / total) * 100) / 100;
    assert.equal(versionStatistics(en, alignment).aligned, expected);
    assert.equal(versionStatistics(en).aligned, null);
  });
});
