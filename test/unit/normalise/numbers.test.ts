import { strict as assert } from 'node:assert';
import { findNumbers, NumberMention, numbersAgree, TextLanguage } from '../../../server/src/core/normalise/numbers';

function only(text: string, lang: TextLanguage): NumberMention {
  const found = findNumbers(text, 0, text.length, lang);
  assert.equal(found.length, 1, `${text}: ${JSON.stringify(found)}`);
  return found[0] as NumberMention;
}

function summary(text: string, lang: TextLanguage): string[] {
  return findNumbers(text, 0, text.length, lang).map((m) =>
    `${text.slice(m.start, m.end)}=${m.value}${m.max !== undefined ? `..${m.max}` : ''}${m.qualifier ? ` ${m.qualifier}` : ''} ${m.kind}`);
}

describe('findNumbers', () => {
  it('reads thousands separators, decimals, full-width digits and Chinese units', () => {
    assert.deepEqual(summary('5,415 cases, 1,200,000 people, 3.5 per cent and 1.2 million', 'en'),
      ['5,415=5415 count', '1,200,000=1200000 count', '3.5 per cent=3.5 percent', '1.2 million=1200000 count']);
    assert.deepEqual(summary('５４１５起，3万人，1.2万名，1亿5000万元，１２%', 'zh'),
      ['５４１５=5415 count', '3万=30000 count', '1.2万=12000 count', '1亿5000万=150000000 count', '１２%=12 percent']);
  });

  it('never takes ， or 、 for a thousands separator', () => {
    assert.deepEqual(summary('1，200', 'zh'), ['1=1 count', '200=200 count']);
    assert.deepEqual(summary('第1、2项', 'zh'), ['1=1 ordinal', '2=2 count']);
  });

  it('reads Chinese numerals, but not in words such as 一切 or 十分', () => {
    assert.deepEqual(summary('九百三十岁，两国，一切都十分好，一千零五名，二是', 'zh'),
      ['九百三十=930 count', '两=2 count', '一千零五=1005 count', '二=2 ordinal']);
  });

  it('reads English number words', () => {
    assert.deepEqual(summary('four consecutive raids, twenty-five officers, three hundred and sixty five days', 'en'),
      ['four=4 count', 'twenty-five=25 count', 'three hundred and sixty five=365 count']);
    assert.deepEqual(summary('the second day and the 21st session', 'en'), ['second=2 ordinal', '21st=21 ordinal']);
  });

  it('takes no member of an object\'s prototype for a number word (`constructor`, `__proto__`)', () => {
    assert.deepEqual(summary('12 constructor 2025', 'en'), ['12=12 count', '2025=2025 count']);
    assert.deepEqual(summary('twelve constructor', 'en'), ['twelve=12 count']);
    assert.deepEqual(summary('5 constructor, tens of constructor', 'en'), ['5=5 count', 'tens=20..99 several count']);
    assert.deepEqual(summary('twelve __proto__ 3 hasOwnProperty', 'en'), ['twelve=12 count', '3=3 count']);
  });

  it('keeps qualifiers on both sides', () => {
    assert.equal(only('more than 1,200 suspects', 'en').qualifier, 'more-than');
    assert.equal(only('1200余名嫌疑人', 'zh').qualifier, 'more-than');
    assert.equal(only('约30人', 'zh').qualifier, 'about');
    assert.equal(only('nearly 40 per cent', 'en').qualifier, 'nearly');
    assert.equal(only('50人以上', 'zh').qualifier, 'at-least');
  });

  it('reports the year of a date as a year and leaves day and month to the date', () => {
    assert.deepEqual(summary('since 20 February 2025, 5 cases', 'en'), ['2025=2025 year', '5=5 count']);
    assert.deepEqual(summary('2025年2月20日，5起', 'zh'), ['2025=2025 year', '5=5 count']);
    assert.deepEqual(summary('自今年2月20日起', 'zh'), []);
    assert.deepEqual(summary('in 2024 there were 2024 cases', 'en'), ['2024=2024 year', '2024=2024 count']);
  });

  it('reads indefinite amounts as ranges', () => {
    assert.deepEqual(summary('tens of thousands of victims', 'en'), ['tens of thousands=20000..99999 several count']);
    assert.deepEqual(summary('数万名受害者', 'zh'), ['数万=20000..99999 several count']);
    assert.deepEqual(summary('十几个', 'zh'), ['十几=11..19 several count']);
  });

  it('reads only the digits and the words of the version language', () => {
    assert.deepEqual(summary('three 三个 3', 'zh'), ['三=3 count', '3=3 count']);
    assert.deepEqual(summary('three 三个 3', 'en'), ['three=3 count', '3=3 count']);
  });

  it('reads dozen, decade, twice and fractions; one third is a fraction, not the ordinal four', () => {
    assert.deepEqual(summary('a dozen talks, two dozen, two decades, the Decade, for decades, twice, once', 'en'), [
      'dozen=12 count', 'two dozen=24 count', 'two decades=20 count', 'Decade=10 count', 'decades=20..99 several count', 'twice=2 count', 'once=1 count',
    ]);
    assert.deepEqual(summary('half of them, two thirds, one third, a third of the votes, a third party, twenty-first', 'en'), [
      'half=0.5 fraction', 'two thirds=0.6666666666666666 fraction', 'one third=0.3333333333333333 fraction',
      'third=0.3333333333333333 fraction', 'third=3 ordinal', 'twenty-first=21 ordinal',
    ]);
    assert.deepEqual(summary('一半，半数以上，三分之二', 'zh'), ['一半=0.5 fraction', '半数=0.5 at-least fraction', '三分之二=0.6666666666666666 fraction']);
  });

  it('reads tenths as a percentage and stops a numeral where a name goes on (十四五 is 十四 and 五)', () => {
    assert.deepEqual(summary('近三成，九成以上，一成不变，“十四五”规划，一千零五', 'zh'),
      ['三成=30 nearly percent', '九成=90 at-least percent', '十四=14 count', '一千零五=1005 count']);
  });

  it('reads single numerals of a range or list, grades and kilograms', () => {
    assert.deepEqual(summary('一至三年级，一级至四级，约1.2千克，五千克，1.2万', 'zh'),
      ['一=1 count', '三=3 count', '一=1 count', '四=4 count', '1.2=1.2 about count', '五=5 count', '1.2万=12000 count']);
  });

  it('reads times of day as hours', () => {
    assert.deepEqual(summary('at around 23:00, at 11 p.m. and at 9 am', 'en'), ['23:00=23 about time', '11 p.m.=11 time', '9 am=9 time']);
    assert.deepEqual(summary('当晚23时许，晚上十一点三十分，10时半，提出三点意见，3小时', 'zh'),
      ['23时=23 time', '十一点三十分=11.5 time', '10时半=10.5 time', '三=3 count', '3=3 count']);
  });

  it('reads British times with a dot, traditional 時, and Roman numerals of numbered rooms and parts', () => {
    assert.deepEqual(summary('at 2.30 p.m., by 2 p.m., a rate of 2.30 per unit', 'en'), ['2.30 p.m.=2.5 time', '2 p.m.=2 time', '2.30=2.3 count']);
    assert.deepEqual(summary('下午二時三十分，下午二時前', 'zh'), ['二時三十分=2.5 time', '二時=2 time']);
    assert.deepEqual(summary('in Room XXIV, Part II, I think, a CV, Room XIIII', 'en'), ['XXIV=24 ordinal', 'II=2 ordinal']);
    assert.deepEqual(summary('万国宫，万国邮政联盟，三万人', 'zh'), ['三万=30000 count']);
    assert.deepEqual(summary('照片兩張，三萬五千人，陸名，提高1.5个百分点，百分点', 'zh'),
      ['兩=2 count', '三萬五千=35000 count', '陸=6 count', '1.5个百分点=1.5 percentage-point']);
    assert.deepEqual(summary('between two and five months, two hundred and five', 'en'), ['two=2 count', 'five=5 count', 'two hundred and five=205 count']);
  });

  it('reads a full-width comma as a thousands separator between full-width digits only', () => {
    assert.deepEqual(summary('１，２００名，1，200', 'zh'), ['１，２００=1200 count', '1=1 count', '200=200 count']);
  });

  it('keeps every span inside the requested range', () => {
    assert.deepEqual(findNumbers('1200余名', 0, 4, 'zh'), [{ start: 0, end: 4, value: 1200, kind: 'count' }]);
    assert.deepEqual(findNumbers('1200余名', 0, 5, 'zh'), [{ start: 0, end: 5, value: 1200, kind: 'count', qualifier: 'more-than' }]);
    assert.deepEqual(findNumbers('about 5 per cent', 0, 8, 'en'), [{ start: 6, end: 7, value: 5, kind: 'count', qualifier: 'about' }]);
    assert.deepEqual(findNumbers('about 5 per cent', 6, 8, 'en'), [{ start: 6, end: 7, value: 5, kind: 'count' }]);
    assert.deepEqual(findNumbers('5%', 0, 1, 'en'), [{ start: 0, end: 1, value: 5, kind: 'count' }]);
  });

  it('survives empty, binary, astral, CRLF and long inputs', () => {
    assert.deepEqual(findNumbers('', 0, 0, 'en'), []);
    const noise = Array.from({ length: 20000 }, (_, k) => String.fromCharCode((k * 7919) % 0xffff)).join('');
    for (const lang of ['en', 'zh'] as const) {
      assert.ok(Array.isArray(findNumbers(noise, 0, noise.length, lang)));
      assert.ok(Array.isArray(findNumbers('\uFEFF𠀀𠀁 12\r\n三', 0, 12, lang)));
    }
    const digits = '9'.repeat(100000);
    assert.ok(findNumbers(digits, 0, digits.length, 'en').length >= 1);
    assert.ok(Array.isArray(findNumbers('一'.repeat(100000), 0, 100000, 'zh')));
  });
});

describe('numbersAgree', () => {
  function agree(en: string, zh: string): boolean {
    return numbersAgree(only(en, 'en'), only(zh, 'zh'));
  }

  it('matches the normalised forms of the issue', () => {
    assert.equal(agree('5,415 cases', '5415起'), true);
    assert.equal(agree('more than 1,200 suspects', '1200余名'), true);
    assert.equal(agree('30,000 victims', '3万名'), true);
    assert.equal(agree('four raids', '4次'), true);
    assert.equal(agree('tens of thousands of victims', '数万名'), true);
    assert.equal(agree('5% of cases', '百分之五'), true);
    assert.equal(agree('5 per cent', '5%'), true);
  });

  it('matches an ordinal with the count of the same value, a time with the same hour on the other clock', () => {
    assert.equal(agree('the 30th anniversary', '30周年'), true);
    assert.equal(agree('the sixty-ninth session', '第６９届'), true);
    assert.equal(agree('at 23:00', '晚上11时'), true);
    assert.equal(agree('at 23:00', '22时'), false);
    assert.equal(agree('at 2.30 p.m. local time', '下午2时30分'), true);
    assert.equal(agree('at 2.30 p.m.', '下午3时30分'), false);
    assert.equal(agree('in Room XXIV', '第二十四号会议室'), true);
    assert.equal(agree('at 23:00', '23名'), true);
    assert.equal(agree('half', '一半'), true);
    assert.equal(agree('half', '三分之一'), false);
  });

  it('tells different figures apart', () => {
    assert.equal(agree('5,415 cases', '5414起'), false);
    assert.equal(agree('30,000 victims', '3千名'), false);
    assert.equal(agree('tens of thousands of victims', '5000名'), false);
    assert.equal(agree('5% of cases', '5起'), false);
    assert.equal(agree('about 1,200', '1300余'), false);
  });
});
