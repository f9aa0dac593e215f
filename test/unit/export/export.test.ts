/** Export of aligned pairs: the text as written, and CSV that a spreadsheet opens as text. */
import * as assert from 'node:assert/strict';
import { analyse } from '../../../server/src/core/analyse';
import { sentencePairs } from '../../../server/src/core/export/pairs';
import { toCsv } from '../../../server/src/core/export/tmx';
import { alignVersions, sideOf } from '../../../server/src/core/noteAlignment';

function pairsOf(text: string) {
  const note = analyse(text);
  const [en, zh] = [sideOf(note, 'en'), sideOf(note, 'zh')];
  assert.ok(en && zh, 'the note has both versions');
  return sentencePairs(alignVersions(en, zh));
}

describe('export: the text as written', () => {
  it('keeps the spaces of Chinese segments; joins without a space only a line wrapped between Han characters or after full-width punctuation; numbers each pair with its paragraph', () => {
    const pairs = pairsOf([
      'The Government has received communication AL CHN 9/2025 and wishes to reply as follows.',
      '',
      'Human Rights Watch visited OHCHR   on 3 May 2025 to discuss the  communication.',
      '',
      '中国政府收到AL CHN 9/2025号来文，现答复如下。',
      '',
      '2025年5月3日，',
      'Human Rights Watch 访问了 OHCHR，讨论了该来',
      '文。',
      '',
    ].join('\n'));
    assert.deepEqual(pairs, [
      { en: 'The Government has received communication AL CHN 9/2025 and wishes to reply as follows.', zh: '中国政府收到AL CHN 9/2025号来文，现答复如下。', paragraph: 1 },
      { en: 'Human Rights Watch visited OHCHR on 3 May 2025 to discuss the communication.', zh: '2025年5月3日，Human Rights Watch 访问了 OHCHR，讨论了该来文。', paragraph: 2 },
    ]);
  });
});

describe('export: CSV opened by a spreadsheet', () => {
  it('prefixes a quote to cells that a spreadsheet would read as a formula (OWASP)', () => {
    const csv = toCsv([
      { en: '=HYPERLINK("https://example.org","x")', zh: '+cmd|\' /C calc\'!A0' },
      { en: '-2+3', zh: '@SUM(A1:A2)' },
      { en: '\tTabbed', zh: '\rReturned' },
      { en: 'A = B', zh: '甲＝乙' },
    ]);
    assert.equal(csv, [
      '"en","zh"',
      '"\'=HYPERLINK(""https://example.org"",""x"")","\'+cmd|\' /C calc\'!A0"',
      '"\'-2+3","\'@SUM(A1:A2)"',
      '"\'\tTabbed","Returned"',
      '"A = B","甲＝乙"',
      '',
    ].join('\r\n'));
  });

  it('strips C0 control characters except tab and line feed', () => {
    const csv = toCsv([{ en: 'a\u0000b\u0007c\u001bd\te\nf\rg', zh: '\u0001=x' }]);
    assert.equal(csv.split('\r\n')[1], '"abcd\te\nfg","\'=x"');
  });
});
