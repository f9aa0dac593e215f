/**
 * The cheap checks that spare the recognisers' regular expressions must never turn away a line those
 * expressions accept: each case here is a line the full check accepts.
 */
import * as assert from 'node:assert/strict';
import {
  BARE_SALUTATION, CHINESE_ADDRESS_LINE, DATED, MONTH_AND_YEAR, findDate, SALUTATION, SIGNATURE, endsLikeSalutation, hasTitleEnd, isChineseReference, isDocumentTitle, isSigningFor, matchesAny, mayHoldDate, mayHoldSignature,
} from '../../../server/src/core/recognise/patterns';

const TITLES = [
  'note', 'note verbale', 'diplomatic note', 'circular note', 'circular note verbale', 'aide-mémoire', 'aide memoire', 'memorandum',
  'memorandum of understanding', 'non-paper', 'non paper', 'joint statement', 'joint communiqué', 'joint press statement',
  'joint press release', 'joint declaration', 'press release', 'press statement', 'statement', 'communique', 'declaration',
  '照会', '普通照会', '外交照会', '照會', '备忘录', '備忘錄', '节略', '節略', '非文件', '说帖', '說帖', '联合声明', '聯合聲明', '联合公报',
  '聯合公報', '通函', '声明', '聲明', '新闻稿', '新聞稿',
];

describe('quick checks before the recognisers\' patterns', () => {
  it('keeps every document title, in any case and in two languages', () => {
    for (const title of TITLES) {
      assert.ok(isDocumentTitle(title), title);
      assert.ok(isDocumentTitle(title.toUpperCase()), title.toUpperCase());
      assert.ok(isDocumentTitle(`照会 / ${title}`), `照会 / ${title}`);
      assert.ok(isDocumentTitle(`${title}｜NOTE  VERBALE`), `${title}｜NOTE  VERBALE`);
    }
  });

  it('turns away what is no title', () => {
    for (const line of ['', ' note', '/ note', 'Notes', 'The note', 'note /']) assert.equal(isDocumentTitle(line), false, line);
  });

  it('finds every salutation by its last character, or as a bare Excellency', () => {
    const salutations = [
      'Excellency,', 'Your Excellency:', 'Excellencies，', 'Dear Madam President:', 'Mr. Special Rapporteur,', 'Dear Sir or Madam,',
      'Colleagues:', 'Dear Ms Marenco:', '尊敬的大使阁下：', '各位同事们，', '尊敬的参赞:', '瓦尔莫拉王国外交部：', '外交部领事司:',
    ];
    for (const line of salutations) {
      assert.ok(matchesAny(SALUTATION, line) !== null || CHINESE_ADDRESS_LINE.test(line), line);
      assert.ok(endsLikeSalutation(line), line);
    }
    for (const line of ['Excellency', 'Your Excellencies', 'YOUR EXCELLENCY']) {
      assert.ok(BARE_SALUTATION.test(line) && !endsLikeSalutation(line), line);
    }
  });

  it('finds every date by a figure or 年', () => {
    const dates = ['Geneva, 12 May 2025', 'May 12th, 2025', '１２ March ２０２６', '2025年8月18日于日内瓦', '二〇二五年八月十八日', '2025-08-18', 'March 2026', '２０２６年３月'];
    for (const line of dates) {
      assert.ok(matchesAny(DATED, line) !== null || MONTH_AND_YEAR.test(line), line);
      assert.ok(mayHoldDate(line), line);
      assert.deepEqual(findDate(line), matchesAny(DATED, line), line);
    }
    assert.equal(mayHoldDate('Geneva, May'), false);
  });

  it('finds every signature mark by its bracket', () => {
    for (const line of ['(Signed) Lucía Marenco', '（签字）周明远', '(SGD.)', '( signed )', '（簽署）']) {
      assert.ok(SIGNATURE.test(line) && mayHoldSignature(line), line);
    }
    assert.equal(mayHoldSignature('Signed at Geneva'), false);
  });

  it('keeps Chinese title ends, also wrapped, and Chinese references', () => {
    for (const title of ['中国政府对联合来文的答复', '关于…的情况说\n明', '议 程 ']) assert.ok(hasTitleEnd(title), title);
    assert.equal(hasTitleEnd('Reply of the Government'), false);
    for (const line of ['外领函〔2025〕第17号', '（２０２５）外字第３號', '第 AL-4/2025 号']) assert.ok(isChineseReference(line), line);
  });

  it('keeps every line a party signs under', () => {
    const lines = ['For the Government of the Republic of Valmora', 'On behalf of the Kingdom of Norland', '中华人民共和国政府代表', '瓦尔莫拉王国政府全权代表', '代表中华人民共和国政府'];
    for (const line of lines) assert.ok(isSigningFor(line), line);
    assert.equal(isSigningFor('for the Government of Valmora'), false);
  });
});
