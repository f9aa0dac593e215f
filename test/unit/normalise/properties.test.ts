import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { splitSentences } from '../../../server/src/core/align/sentences';
import { findDatesWithRanges } from '../../../server/src/core/checks/dateRanges';
import { findDates } from '../../../server/src/core/normalise/dates';
import { findNumbers } from '../../../server/src/core/normalise/numbers';

/** Text mixing the characters the scanners care about with anything else, astral characters included. */
const noteLike = fc.array(fc.oneof(
  fc.constantFrom('0', '5', ',', '.', '%', ' ', '\n', '\r\n', '年', '月', '日', '万', '一', '十', '两', '第', '余', '。', '；',
    '“', '”', 'No.', 'Mr.', 'February', 'four', 'tens of thousands', 'per cent', '今年', '数', '百分之', '５', '，',
    '23:00', 'p.m.', '时', '分之', '千克', '至', '和', ' and ', ' to ', 'last year', 'next month', '同月', '上个月', '(', '）', '/', 'CA', '-',
    'half', 'a third of', 'dozen', 'decades', 'May'),
  fc.string({ unit: 'binary', maxLength: 4 }),
), { maxLength: 60 }).map((parts) => parts.join(''));

function assertOrderedSpans(spans: readonly { start: number; end: number }[], start: number, end: number): void {
  let previous = start;
  for (const span of spans) {
    assert.ok(span.start >= previous && span.start < span.end && span.end <= end, JSON.stringify(spans));
    previous = span.end;
  }
}

describe('scanners on arbitrary text', () => {
  it('return ordered, non-overlapping spans inside the requested range, and never throw', () => {
    fc.assert(fc.property(noteLike, fc.nat(), fc.nat(), (text, a, b) => {
      const start = Math.min(a, b) % (text.length + 1);
      const end = start + ((Math.max(a, b) - Math.min(a, b)) % (text.length - start + 1));
      for (const lang of ['en', 'zh'] as const) {
        assertOrderedSpans(findNumbers(text, start, end, lang), start, end);
        assertOrderedSpans(splitSentences(text, start, end, lang), start, end);
      }
      assertOrderedSpans(findDates(text, start, end), start, end);
      assertOrderedSpans(findDatesWithRanges(text, { start, end }), start, end);
    }), { numRuns: 2000, seed: 42 });
  });

  it('find values that are finite numbers', () => {
    fc.assert(fc.property(noteLike, (text) => {
      for (const mention of findNumbers(text, 0, text.length, 'zh')) assert.ok(Number.isFinite(mention.value));
      for (const mention of findNumbers(text, 0, text.length, 'en')) assert.ok(Number.isFinite(mention.value));
    }), { numRuns: 300, seed: 7 });
  });
});
