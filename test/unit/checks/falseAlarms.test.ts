/**
 * No false alarm on numbers and dates that a careful translator rendered correctly, class by class
 * (issue 11, section 3), and each class still reports a real difference. The pairs are compared as
 * one aligned paragraph pair by the real number and date check; the last tests go through the whole
 * pipeline (analyse, align, check).
 */
import * as assert from 'node:assert/strict';
import { analyse } from '../../../server/src/core/analyse';
import { runChecks } from '../../../server/src/core/checks';
import { noteYear } from '../../../server/src/core/checks/noteYear';
import { checkQuantities } from '../../../server/src/core/checks/quantities';
import type { ParagraphPair } from '../../../server/src/core/noteAlignment';
import { alignVersions, sideOf } from '../../../server/src/core/noteAlignment';

/** The number and date findings of `en` against `zh` as one aligned paragraph pair: `code side text`. */
function compare(en: string, zh: string, referenceYear?: number): string[] {
  const pair: ParagraphPair = {
    en: [{ start: 0, end: en.length }], zh: [{ start: 0, end: zh.length }], sentences: [], confidence: 1, enBlocks: [], zhBlocks: [], points: [],
  };
  return checkQuantities([pair], { text: en, ignored: [], referenceYear }, { text: zh, ignored: [], referenceYear })
    .map((f) => `${f.code} ${f.side} ${(f.side === 'en' ? en : zh).slice(f.span.start, f.span.end)}`);
}

/** A pair a careful translator may write, with the year of the note's own date when it matters. */
type Agreeing = readonly [en: string, zh: string, referenceYear?: number];
/** A real difference, with the findings it must give. */
type Differing = readonly [en: string, zh: string, expected: readonly string[], referenceYear?: number];

interface FigureClass {
  readonly name: string;
  readonly agree: readonly Agreeing[];
  readonly differ: readonly Differing[];
}

const CLASSES: readonly FigureClass[] = [{
  name: 'English number words against digits and Chinese numerals',
  agree: [
    ['The residents of five villages were consulted in two rounds.', '5个村庄的居民参加了两轮征求意见。'],
    ['two minors', '2名未成年人'], ['a twelve-member delegation', '一行12人'], ['a dozen consultations', '十二场'],
    ['some twenty-five entrepreneurs', '约二十五名企业家'], ['twice a day', '每日两次'], ['twice as fast', '两倍'],
    ['about half of the schools', '约一半学校'], ['five principles', '五项原则'], ['two thirds of the pupils', '三分之二的学生'],
    ['over the past two decades', '二十年来'], ['the International Decade for Action', '国际行动十年'],
    ['50 per cent of the schools', '一半学校'], ['nearly 30 per cent', '近三成'], ['more than 1,000 people', '千人以上'],
    ['RMB 1.2 trillion', '1.2万亿元'], ['4.5 per cent', '百分之四点五'], ['one in five', '五分之一'], ['tens of millions', '数千万'],
  ],
  differ: [
    // A spelled-out two, twice or half is reported too when its sentence holds a rival figure.
    ['two minors', '3名未成年人', ['number-mismatch en two', 'number-mismatch zh 3']],
    ['a dozen consultations', '十三场', ['number-mismatch en dozen', 'number-mismatch zh 十三']],
    ['twice a day', '每日三次', ['number-mismatch en twice', 'number-mismatch zh 三']],
    ['about half of the schools', '约三分之一的学校', ['number-mismatch en half', 'number-mismatch zh 三分之一']],
    ['twenty-five', '二十四名', ['number-mismatch en twenty-five', 'number-mismatch zh 二十四']],
  ],
}, {
  name: 'ordinals',
  agree: [
    ['the 30th anniversary', '30周年'], ['the thirtieth day', '第三十日'], ['its 58th session', '第58届会议'],
    ['its sixty-ninth session', '第６９届会议'], ['the sixty-second session', '第六十二届会议'], ['the 30th meeting', '第３０次会议'],
    ['the second attack', '第二次袭击'], ['No. 1 Detention Centre', '第一看守所'], ['the 21st team', '第21批'],
    ['the Third Conference', '第三届会议'], ['for the first time', '首次'], ['in the third quarter', '第三季度'],
    ['the first half of 2026', '2026年上半年'], ['the 14th Five-Year Plan', '“十四五”规划'],
  ],
  differ: [
    ['its 58th session', '第59届会议', ['number-mismatch en 58th', 'number-mismatch zh 59']],
    ['the sixty-second session', '第六十三届会议', ['number-mismatch en sixty-second', 'number-mismatch zh 六十三']],
    ['the Third Conference', '第四届会议', ['number-mismatch en Third', 'number-mismatch zh 四']],
    ['the 30th anniversary', '31周年', ['number-mismatch en 30th', 'number-mismatch zh 31']],
  ],
}, {
  name: 'article and clause numbers in Chinese numerals',
  agree: [
    ['article 22 of the Treaty', '条约第二十二条'], ['article 36 of the Convention', '公约第三十六条'], ['Article 5.5 of the Agreement', '协定第5.5条'],
    ['articles 9 to 14', '第九至十四条'], ['article 8 (2)', '第八条第二款'], ['resolution 2231 (2015)', '第2231（2015）号决议'],
  ],
  differ: [['article 22', '第二十三条', ['number-mismatch en 22', 'number-mismatch zh 二十三']]],
}, {
  name: 'relative dates, never against an absolute date that could be the same; the note\'s own year decides when known',
  agree: [
    ['in February this year', '今年2月'], ['twice last month', '上月两次'], ['next year', '明年'], ['in October last year', '去年10月'],
    ['in January this year', '今年1月'], ['last November', '去年11月'], ['by the end of next year', '明年底前'],
    ['On 3 December 2025 he was detained; on 29 December he was arrested.', '２０２５年１２月３日被拘留；同月２９日被逮捕。'],
    ['On 14 May 2026 he was detained; the visit took place on the 28th of the same month.', '2026年5月14日被羁押，探视已于同月28日进行。'],
    ['the communication of 23 February 2026', '2026年2月\n23日发出的来文'],
    ['this year', '今年以来'], ['last year', '去年同期'], ['in February 2026', '今年2月'], ['in February 2026', '今年2月', 2026],
    ['in 2027', '明年'], ['in 2027', '明年', 2026], ['February saw a second incursion.', '今年2月再次发生入侵。'],
  ],
  differ: [
    ['in March this year', '今年2月', ['date-mismatch en March this year', 'date-mismatch zh 今年2月']],
    ['next year', '今年', ['date-mismatch en next year', 'date-mismatch zh 今年']],
    ['last month', '下月', ['date-mismatch en last month', 'date-mismatch zh 下月']],
    ['in October last year', '今年10月', ['date-mismatch en October last year', 'date-mismatch zh 今年10月']],
    ['in February 2025', '今年2月', ['date-mismatch en February 2025', 'date-mismatch zh 今年2月'], 2026],
    ['in 2028', '明年', ['number-mismatch en 2028'], 2026],
  ],
}, {
  name: 'date lists and ranges',
  agree: [
    ['in February and May 2025', '2025年2月和5月'], ['on 6 and 19 March 2026', '2026年3月6日和19日'],
    ['on 27 or 28 April 2026', '2026年4月27日或28日'], ['from 22 to 25 April 2026', '２０２６年４月２２日至２５日'],
    ['from 9 to 13 March 2026', '2026年3月9日至13日'], ['on 14 January and 20 February 2026', '分别于2026年1月14日和2月20日'],
    ['twice, on 9 and 17 June', '6月9日和17日两次'], ['from January to March', '1至3月'], ['5–9 May', '5月5日至9日'],
    ['in early May', '5月初'], ['in mid-March', '3月中旬'],
    ['pupils in grades 1 to 4', '一级至四级'], ['pupils in grades 1 to 3', '一至三年级学生'],
  ],
  differ: [
    ['in February and May 2025', '2025年2月和6月', ['date-mismatch en May 2025', 'date-mismatch zh 6月']],
    ['from 22 to 25 April 2026', '２０２６年４月２２日至２６日', ['date-mismatch en 25 April 2026', 'date-mismatch zh ２６日']],
    ['on 27 or 28 April 2026', '2026年4月27日或29日', ['date-mismatch en 28 April 2026', 'date-mismatch zh 29日']],
    ['pupils in grades 1 to 4', '一级至三级', ['number-mismatch en 4', 'number-mismatch zh 三']],
  ],
}, {
  name: 'times, codes, designations, units of measure, list markers and numerals in names',
  agree: [
    ['at around 23:00', '当晚23时许'], ['at 11 p.m.', '晚上11时'], ['at 10:30', '10时30分'], ['at 15:30', '下午3时30分'], ['at 9:30 a.m. on Thursday', '星期四上午9时30分'],
    ['resolution 5/1', '第5/1号决议'], ['note No. 027/2026', '第０２７/２０２６号照会'], ['flight CA783 landed', '航班降落'],
    ['flight CA783 landed', 'CA783航班降落'], ['the G20 summit', '二十国集团峰会'], ['the COVID-19 pandemic', '新冠肺炎疫情'],
    ['about 1.2 kilograms', '约1.2千克'], ['as follows:\n1. the names;\n2. the dates.', '如下：\n（一）姓名；\n（二）日期。'],
    ['(1) training (2) loans', '（一）培训（二）贷款'], ['the Decade', '“水十年”'], ['within the 4 days', '4日内'],
    ['at 2.30 p.m. local time', '下午2时30分'], ['at 2.30 p.m. on Saturday', '下午二時三十分'], ['by 2 p.m.', '下午二時前'],
    ['in Room XXIV of the Palais des Nations', '在万国宫第二十四号会议室'], ['a rise of 1.5 percentage points', '提高1.5个百分点'],
    ['two recent passport photographs and a copy of the passport', '护照复印件一份及近期证件照片兩張'],
    ['a Chinese employee was shot dead', '1名中国员工中枪身亡'], ['between two and five months', '2至5个月'],
  ],
  differ: [
    ['at around 23:00', '当晚22时许', ['number-mismatch en 23:00', 'number-mismatch zh 22时']],
    ['about 1.2 kilograms', '约1.3千克', ['number-mismatch en 1.2', 'number-mismatch zh 1.3']],
    ['resolution 5/1 and 120 cases', '第5/1号决议，121起', ['number-mismatch en 120', 'number-mismatch zh 121']],
    ['the G20 summit', '七国集团峰会', ['number-mismatch zh 七']],
    ['at 2.30 p.m.', '下午3时30分', ['number-mismatch en 2.30 p.m.', 'number-mismatch zh 3时30分']],
    ['in Room XXIV', '第二十五号会议室', ['number-mismatch en XXIV', 'number-mismatch zh 二十五']],
    ['two Chinese employees were shot dead', '1名中国员工中枪身亡', ['number-mismatch en two', 'number-mismatch zh 1']],
  ],
}, {
  name: 'full-width digits and punctuation',
  agree: [['Hong Kong, 9 April 2026', '２０２６年４月９日於香港'], ['1,200 participants', '１，２００名'], ['from 22 to 25 April', '４月２２日至２５日']],
  differ: [
    ['1,200 participants', '１，３００名', ['number-mismatch en 1,200', 'number-mismatch zh １，３００']],
    ['9 April 2026', '２０２６年４月１０日', ['date-mismatch en 9 April 2026', 'date-mismatch zh ２０２６年４月１０日']],
  ],
}];

for (const figures of CLASSES) {
  describe(`no false alarm: ${figures.name}`, () => {
    it('the equal forms agree', () => {
      for (const [en, zh, year] of figures.agree) assert.deepEqual(compare(en, zh, year), [], `${en} ↔ ${zh}`);
    });

    it('a real difference is still reported', () => {
      for (const [en, zh, expected, year] of figures.differ) assert.deepEqual(compare(en, zh, year), expected, `${en} ↔ ${zh}`);
    });
  });
}

describe('an untranslated paragraph: one finding, no cascade', () => {
  const EN_OPENING = 'The Government has received the joint communication and wishes to reply as follows.';
  const EN_SCHOOLS = 'In 2025 the county opened 12 new boarding schools with places for 4,800 pupils in the remote townships, and hired 230 new teachers for them.';
  const EN_CLOSING = 'The Government will continue to report on these measures.';
  const ZH = ['政府收到联合来文，现答复如下。', '2025年，该县在偏远乡镇新建寄宿制学校12所，可容纳学生4800名，并为其新聘教师230名。', '政府将继续通报有关措施。'];

  function findingsOf(untranslated: string): string[] {
    const note = analyse(`${[EN_OPENING, EN_SCHOOLS, untranslated, EN_CLOSING].join('\n\n')}\n\n${ZH.join('\n\n')}\n`);
    const [en, zh] = [sideOf(note, 'en'), sideOf(note, 'zh')];
    assert.ok(en && zh, 'the note has both versions');
    return runChecks({ alignment: alignVersions(en, zh), notes: { en: note, zh: note } })
      .map((f) => `${f.code} ${f.side} ${note.text.slice(f.span.start, f.span.start + 14)}`);
  }

  it('gives exactly one paragraph-unpaired finding and no number or date finding, short or long', () => {
    assert.deepEqual(findingsOf('It should also be noted that 73 cases were concluded in 2025 within 38 days on average.'),
      ['paragraph-unpaired en It should also']);
    assert.deepEqual(findingsOf('It should also be noted that the fast-track procedure introduced in 2024 for wage claims of migrant workers '
      + 'has shortened the proceedings considerably: in 2025 the county court concluded 73 such cases within 38 days on average, '
      + 'against 96 days before the reform, and 45 more cases are pending before the court of appeal.'), ['paragraph-unpaired en It should also']);
  });

  it('while two paragraphs that the translator merged, figures and all, give none', () => {
    const merged = analyse(`${[EN_OPENING, 'In 2025 the county opened 12 new boarding schools.', 'They have places for 4,800 pupils.', EN_CLOSING].join('\n\n')}\n\n`
      + `${['政府收到联合来文，现答复如下。', '2025年，该县新建寄宿制学校12所，可容纳学生4800名。', '政府将继续通报有关措施。'].join('\n\n')}\n`);
    const [en, zh] = [sideOf(merged, 'en'), sideOf(merged, 'zh')];
    assert.ok(en && zh, 'the note has both versions');
    assert.deepEqual(runChecks({ alignment: alignVersions(en, zh), notes: { en: merged, zh: merged } }), []);
  });

  it('and a paragraph pair with one empty side is never compared for numbers', () => {
    const text = 'In 2025 the county opened 12 new schools.';
    const pair: ParagraphPair = { en: [{ start: 0, end: text.length }], zh: [], sentences: [], confidence: 0, enBlocks: [], zhBlocks: [], points: [] };
    assert.deepEqual(checkQuantities([pair], { text, ignored: [] }, { text: '', ignored: [] }), []);
  });
});

describe('the year of the note\'s own date', () => {
  it('comes from the front matter, else from the place-and-date line, else is unknown', () => {
    assert.equal(noteYear(analyse('---\ndate: 2026-03-01\n---\n\nThe Embassy has the honour to inform the Ministry.\n')), 2026);
    assert.equal(noteYear(analyse('The Embassy has the honour to inform the Ministry.\n\nBeijing, 9 April 2025\n')), 2025);
    assert.equal(noteYear(analyse('The Embassy has the honour to inform the Ministry.\n')), undefined);
  });
});
