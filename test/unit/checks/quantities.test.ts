/** Number and date findings stay the size of what they say, however many figures are left over. */
import * as assert from 'node:assert/strict';
import { tablesOfFigures } from '../../../bench/figures';
import { analyse } from '../../../server/src/core/analyse';
import { runChecks, type Finding } from '../../../server/src/core/checks';
import { alignVersions, sideOf } from '../../../server/src/core/noteAlignment';

function checkNote(text: string): Finding[] {
  const note = analyse(text);
  const en = sideOf(note, 'en');
  const zh = sideOf(note, 'zh');
  assert.ok(en && zh, 'the note has both versions');
  return runChecks({ alignment: alignVersions(en, zh), notes: { en: note, zh: note } });
}

const quoted = (finding: Finding) => finding.related.map((r) => r.message);

describe('number and date findings on many left-over figures', () => {
  it('a table whose figures differ: findings and related information linear in the text (once quadratic: 13 KB gave 6.8 MB)', () => {
    for (const characters of [13_000, 52_000]) {
      const text = tablesOfFigures(characters);
      const findings = checkNote(text).filter((f) => f.code === 'number-mismatch');
      assert.deepEqual(findings.map((f) => f.side), ['en', 'zh'], `${characters}: one finding per side of the table`);
      assert.ok(findings.every((f) => f.related.length <= 10), `${characters}: at most 10 related spans per finding`);
      // What a finding says in either language is counted once, as its English text.
      const size = JSON.stringify(findings, (key, value: unknown) => (key === 'said' ? undefined : value)).length;
      assert.ok(size < 4000, `${characters}: ${size} characters of findings`);
      assert.match(findings[0].message, /^\d+ numbers of this English paragraph have no equal in the aligned Chinese text: "\d+", "\d+", "\d+", "\d+", "\d+" and \d+ more; the Chinese text has "\d+", .* and \d+ more that this one has not\.$/);
    }
  });

  it('a few left over: one finding each, listing the first five of the other side and how many more', () => {
    const findings = checkNote([
      'The Government has received communication AL CHN 9/2025 and wishes to reply as follows.',
      '',
      'In 2024 the office registered 1111 cases and 2222 complaints, against 4100 cases, 5200 complaints, 6300 hearings, 7400 appeals, 8500 visits and 9600 letters in 2023.',
      '',
      'The Government will continue to cooperate with the special procedures.',
      '',
      '中国政府收到AL CHN 9/2025号来文，现答复如下。',
      '',
      '2024年，该办公室登记了3331起案件、3332起投诉，以及3333、3334、3335、3336和3337；2023年为4100起案件、5200起投诉、6300次听证、7400起上诉、8500次探视和9600封信件。',
      '',
      '中国政府将继续同特别程序合作。',
      '',
    ].join('\n'));
    assert.deepEqual(findings.map((f) => f.message), [
      'The number "1111" in the English version has no equal in the aligned Chinese text, which has "3331", "3332", "3333", "3334", "3335" and 2 more.',
      'The number "2222" in the English version has no equal in the aligned Chinese text, which has "3331", "3332", "3333", "3334", "3335" and 2 more.',
      '7 numbers of this Chinese paragraph have no equal in the aligned English text: "3331", "3332", "3333", "3334", "3335" and 2 more; the English text has "1111", "2222" that this one has not.',
    ]);
    assert.deepEqual(quoted(findings[0]), ['Chinese: "3331"', 'Chinese: "3332"', 'Chinese: "3333"', 'Chinese: "3334"', 'Chinese: "3335"']);
    // The other side first (the quick fix goes to the first related span), then the rest of this side.
    assert.deepEqual(quoted(findings[2]), [
      'English: "1111"', 'English: "2222"', 'Chinese: "3332"', 'Chinese: "3333"', 'Chinese: "3334"', 'Chinese: "3335"', 'Chinese: "3336"',
    ]);
  });

  it('pairs 40,000 equal figures a side without walking over the paired ones again', () => {
    const figures = '100 '.repeat(40_000);
    const note = analyse(`Figures: ${figures}\n\n数字：${figures}\n`);
    const [en, zh] = [sideOf(note, 'en'), sideOf(note, 'zh')];
    assert.ok(en && zh);
    const alignment = alignVersions(en, zh);
    // About 1 s, most of it finding the numbers; each pairing walking from the first figure took 40 s,
    // past the test's time-out (the time itself is measured by `npm run bench:scaling`).
    assert.deepEqual(runChecks({ alignment, notes: { en: note, zh: note } }), []);
  });
});
