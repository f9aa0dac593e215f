import { strict as assert } from 'node:assert';
import { SentenceLanguage, splitSentences } from '../../../server/src/core/align/sentences';

function split(text: string, lang: SentenceLanguage): string[] {
  return splitSentences(text, 0, text.length, lang).map((span) => text.slice(span.start, span.end));
}

describe('splitSentences (English)', () => {
  it('does not end a sentence after abbreviations, initials, decimals or dotted initialisms', () => {
    const first = 'Mr. Smith and Mrs. Lee met Dr. Wang at St. Paul\'s, e.g. on No. 5 (see Art. 5, para. 3, paras. 4-6, ' +
      'vol. 2, p. 12, pp. 3-4).';
    const second = 'J. Smith of the U.N. and the U.S. Government paid 1.5 million on 20 Feb. 2025, i.e. in time.';
    assert.deepEqual(split(`${first} ${second} It ended.`, 'en'), [first, second, 'It ended.']);
  });

  it('ends sentences at . ? ! and ; and keeps closing quotes and brackets', () => {
    assert.deepEqual(split('He asked: "Why?" Nobody knew. (It was late.) They left; she stayed! Done', 'en'),
      ['He asked: "Why?"', 'Nobody knew.', '(It was late.)', 'They left;', 'she stayed!', 'Done']);
  });

  it('does not end a sentence before a lower-case word, except after ;', () => {
    assert.deepEqual(split('The list includes apples, pears etc. and more. Next item.', 'en'),
      ['The list includes apples, pears etc. and more.', 'Next item.']);
    assert.deepEqual(split('Sales rose by 5 per cent; costs fell.', 'en'), ['Sales rose by 5 per cent;', 'costs fell.']);
  });

  it('ends a unit at a colon only before a line break, and at a blank line', () => {
    assert.deepEqual(split('The Mission notes the following:\r\n(a) first point;\r\n(b) second: a detail.\n\nNext paragraph', 'en'),
      ['The Mission notes the following:', '(a) first point;', '(b) second: a detail.', 'Next paragraph']);
  });

  it('returns spans without surrounding white space, within the requested range', () => {
    const text = '  One.  Two.  ';
    assert.deepEqual(splitSentences(text, 0, text.length, 'en'), [{ start: 2, end: 6 }, { start: 8, end: 12 }]);
    assert.deepEqual(splitSentences(text, 7, text.length, 'en'), [{ start: 8, end: 12 }]);
    assert.deepEqual(splitSentences('', 0, 0, 'en'), []);
    assert.deepEqual(splitSentences('   ', 0, 3, 'zh'), []);
  });
});

describe('splitSentences (Chinese)', () => {
  it('ends sentences at 。！？； and keeps closing quotes and brackets', () => {
    assert.deepEqual(split('他说：“你好。”然后离开了。一是加强合作；二是深化交流！真的吗？（完。）好', 'zh'),
      ['他说：“你好。”', '然后离开了。', '一是加强合作；', '二是深化交流！', '真的吗？', '（完。）', '好']);
  });

  it('keeps decimals and Latin references whole and ends at a half-width stop before Chinese', () => {
    assert.deepEqual(split('增长1.5%，见AL CHN 4/2025号来函.此后又有变化。', 'zh'),
      ['增长1.5%，见AL CHN 4/2025号来函.', '此后又有变化。']);
  });

  it('survives any input', () => {
    const noise = Array.from({ length: 50000 }, (_, k) => String.fromCharCode((k * 7919) % 0xffff)).join('');
    for (const lang of ['en', 'zh'] as const) {
      const spans = splitSentences(noise, 0, noise.length, lang);
      assert.ok(spans.every((span, k) => span.start < span.end && (k === 0 || (spans[k - 1]?.end ?? 0) <= span.start)));
    }
    assert.deepEqual(split('\uFEFF𠀀𠀁。𠀂', 'zh'), ['𠀀𠀁。', '𠀂']);
  });
});
