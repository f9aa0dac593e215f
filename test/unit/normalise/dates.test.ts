import { strict as assert } from 'node:assert';
import { DateMention, datesAgree, findDates, withReferenceYear } from '../../../server/src/core/normalise/dates';

function only(text: string): DateMention {
  const found = findDates(text);
  assert.equal(found.length, 1, `${text}: ${JSON.stringify(found)}`);
  return found[0] as DateMention;
}

function fields(text: string): Omit<DateMention, 'start' | 'end'> & { text: string } {
  const { start, end, ...rest } = only(text);
  return { text: text.slice(start, end), ...rest };
}

describe('findDates', () => {
  it('reads the English forms', () => {
    assert.deepEqual(fields('since 20 February 2025,'), { text: '20 February 2025', year: 2025, month: 2, day: 20 });
    assert.deepEqual(fields('on February 20, 2025.'), { text: 'February 20, 2025', year: 2025, month: 2, day: 20 });
    assert.deepEqual(fields('dated 20 Feb. 2025'), { text: '20 Feb. 2025', year: 2025, month: 2, day: 20 });
    assert.deepEqual(fields('the 3rd of March'), { text: '3rd of March', month: 3, day: 3 });
    assert.deepEqual(fields('in March 2024'), { text: 'March 2024', year: 2024, month: 3 });
  });

  it('reads ISO and Chinese forms, with Arabic or Chinese numerals', () => {
    assert.deepEqual(fields('2025-02-20'), { text: '2025-02-20', year: 2025, month: 2, day: 20 });
    assert.deepEqual(fields('于2025年2月20日'), { text: '2025年2月20日', year: 2025, month: 2, day: 20 });
    assert.deepEqual(fields('二〇二五年二月二十日'), { text: '二〇二五年二月二十日', year: 2025, month: 2, day: 20 });
    assert.deepEqual(fields('２０２５年３月１６日'), { text: '２０２５年３月１６日', year: 2025, month: 3, day: 16 });
    assert.deepEqual(fields('自2月20日起'), { text: '2月20日', month: 2, day: 20 });
    assert.deepEqual(fields('2024年3月'), { text: '2024年3月', year: 2024, month: 3 });
  });

  it('reads 今年/去年 as a year relative to the document', () => {
    assert.deepEqual(fields('自今年2月20日起'), { text: '今年2月20日', month: 2, day: 20, relativeYear: 0 });
    assert.deepEqual(fields('去年12月1日'), { text: '去年12月1日', month: 12, day: 1, relativeYear: -1 });
  });

  it('reads months without their day, in Chinese and after a preposition in English', () => {
    assert.deepEqual(fields('其家人已于今年1月迁入'), { text: '今年1月', month: 1, relativeYear: 0 });
    assert.deepEqual(fields('于5月签署'), { text: '5月', month: 5 });
    assert.deepEqual(fields('held in May.'), { text: 'May', month: 5 });
    assert.deepEqual(findDates('May I ask the Mission'), []);
  });

  it('reads dates relative to the note\'s own, in both languages', () => {
    assert.deepEqual(fields('in February this year'), { text: 'February this year', month: 2, relativeYear: 0 });
    assert.deepEqual(fields('on 29 December last year'), { text: '29 December last year', month: 12, day: 29, relativeYear: -1 });
    assert.deepEqual(fields('since last November'), { text: 'last November', month: 11, relativeYear: -1 });
    assert.deepEqual(fields('by the end of next year'), { text: 'next year', relativeYear: 1 });
    assert.deepEqual(fields('twice last month'), { text: 'last month', relativeMonth: -1 });
    assert.deepEqual(fields('明年底前'), { text: '明年', relativeYear: 1 });
    assert.deepEqual(fields('上个月15日'), { text: '上个月15日', day: 15, relativeMonth: -1 });
    assert.deepEqual(findDates('２０２５年１２月３日被拘留；同月２９日被逮捕').map((d) => ({ ...d, start: undefined, end: undefined })), [
      { start: undefined, end: undefined, year: 2025, month: 12, day: 3 }, { start: undefined, end: undefined, year: 2025, month: 12, day: 29 },
    ]);
    assert.deepEqual(fields('同月29日'), { text: '同月29日', day: 29 });
    assert.deepEqual(findDates('on 3 December 2025 and on the 29th of the same month').map((d) => ({ ...d, start: undefined, end: undefined })), [
      { start: undefined, end: undefined, year: 2025, month: 12, day: 3 }, { start: undefined, end: undefined, year: 2025, month: 12, day: 29 },
    ]);
    assert.deepEqual(fields('the 28th of that month'), { text: '28th of that month', day: 28 });
    assert.deepEqual(fields('于2026年2月\n23日发出'), { text: '2026年2月\n23日', year: 2026, month: 2, day: 23 });
    assert.deepEqual(findDates('the 28th session, the 28th of the same size'), []);
  });

  it('ignores what only looks like a date', () => {
    assert.deepEqual(findDates('May I ask, 5 cases in 12 provinces, 3个月, 32 March, 2025-13-01, 12025年2月'), []);
  });

  it('takes no member of an object\'s prototype for a month or a relative word', () => {
    assert.deepEqual(findDates('in Constructor 2025, 12 Constructor, last constructor, in __proto__ 2025'), []);
    assert.deepEqual(findDates('in Constructor and May 2025').map((d) => d.month), [5]);
  });

  it('reads only the requested range and stays linear on long input', () => {
    const text = 'x 20 February 2025 y 2月20日';
    assert.deepEqual(findDates(text, 20, text.length).map((d) => text.slice(d.start, d.end)), ['2月20日']);
    assert.deepEqual(findDates('on 20 Feb. 2025', 0, 9), [{ start: 3, end: 9, month: 2, day: 20 }]);
    const long = '一二三四五六七八九十'.repeat(20000) + '2025-02-20';
    assert.equal(findDates(long).length, 1);
    assert.deepEqual(findDates(''), []);
  });
});

describe('datesAgree', () => {
  it('matches a date without year to the same day with one', () => {
    assert.equal(datesAgree(only('20 February 2025'), only('今年2月20日')), true);
    assert.equal(datesAgree(only('15 March 2024'), only('2024年3月15日')), true);
  });

  it('matches a relative date with the same month or a relative date of the same kind, never a relative with an absolute one it may be', () => {
    assert.equal(datesAgree(only('in February this year'), only('今年2月')), true);
    assert.equal(datesAgree(only('in February 2026'), only('今年2月')), true);
    assert.equal(datesAgree(only('in February last year'), only('今年2月')), false);
    assert.equal(datesAgree(only('next year'), only('明年')), true);
    assert.equal(datesAgree(only('next year'), only('下月')), false);
    assert.equal(datesAgree(only('on 29 December'), only('同月29日')), true);
    assert.equal(datesAgree(withReferenceYear(only('今年2月'), 2026), only('in February 2025')), false);
  });

  it('tells different days, months or years apart', () => {
    assert.equal(datesAgree(only('15 March 2024'), only('2024年3月16日')), false);
    assert.equal(datesAgree(only('15 March 2024'), only('2025年3月15日')), false);
    assert.equal(datesAgree(only('March 2024'), only('2024年3月15日')), false);
  });
});
