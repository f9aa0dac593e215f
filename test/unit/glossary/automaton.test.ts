/** The Aho–Corasick matcher: longest match, boundaries, folding, wrapped lines and UTF-16 offsets. */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { GlossaryIndex, normaliseForm } from '../../../server/src/core/glossary/automaton';
import { entry, found } from './helpers';

const index = GlossaryIndex.build([
  entry('telecom-fraud', ['telecommunications fraud', 'telecom fraud'], ['电信诈骗', '电诈']),
  entry('telecom-network-fraud', [], ['电信网络诈骗']),
  entry('fraud', ['fraud'], ['诈骗']),
  entry('pso', ['public security organs'], ['公安机关']),
  entry('public-security', ['public security'], ['公安']),
  entry('security-organs', ['security organs'], []),
  entry('allegation-letter', ['allegation letter', 'AL'], ['指控信']),
  entry('myawaddy', ['Myawaddy'], ['妙瓦底']),
  entry('northern-myanmar', ['northern Myanmar'], ['缅北']),
  entry('aide-memoire', ['aide-mémoire'], ['备忘录']),
  entry('state-party', ["State's obligations"], []),
  entry('emoji-term', ['😀 smile'], []),
]);

describe('glossary automaton', () => {
  it('takes the longest form where forms overlap at the same start', () => {
    assert.deepEqual(found(index, 'telecommunications fraud'), ['0-24:telecommunications fraud@telecom-fraud']);
    assert.deepEqual(found(index, '电信网络诈骗和电信诈骗'), ['0-6:电信网络诈骗@telecom-network-fraud', '7-11:电信诈骗@telecom-fraud']);
  });

  it('prefers the leftmost match, then resumes after it', () => {
    assert.deepEqual(found(index, 'public security organs'), ['0-22:public security organs@pso']);
    assert.deepEqual(found(index, 'public security, security organs'), [
      '0-15:public security@public-security',
      '17-32:security organs@security-organs',
    ]);
    assert.deepEqual(found(index, '公安机关'), ['0-4:公安机关@pso']);
    const council = GlossaryIndex.build([entry('hr', ['human rights'], []), entry('rc', ['rights council of the United Nations'], [])]);
    assert.deepEqual(found(council, 'human rights council of the United Nations'), ['0-12:human rights@hr']);
  });

  it('finds a shorter form inside a longer candidate that lost its boundary', () => {
    assert.deepEqual(found(index, 'xtelecom fraud'), ['9-14:fraud@fraud']);
  });

  it('needs word boundaries around English forms but not between Latin and CJK', () => {
    assert.deepEqual(found(index, 'fraudster defrauds fraud2 fraud'), ['26-31:fraud@fraud']);
    assert.deepEqual(found(index, '发送的AL CHN 4/2025'), ['3-5:AL@allegation-letter']);
    assert.deepEqual(found(index, 'ALso HAL AL.'), ['9-11:AL@allegation-letter']);
  });

  it('matches CJK forms without segmentation, inside Latin text and around it', () => {
    assert.deepEqual(found(index, 'scams in 缅北妙瓦底 and Myawaddy'), [
      '9-11:缅北@northern-myanmar',
      '11-14:妙瓦底@myawaddy',
      '19-27:Myawaddy@myawaddy',
    ]);
    assert.deepEqual(found(index, '在Myawaddy的诈骗园区'), ['1-9:Myawaddy@myawaddy', '10-12:诈骗@fraud']);
  });

  it('ignores case, width and curly apostrophes', () => {
    assert.deepEqual(found(index, 'NORTHERN MYANMAR, Ｍｙａｗａｄｄｙ, State’s obligations, AIDE-MÉMOIRE'), [
      '0-16:NORTHERN MYANMAR@northern-myanmar',
      '18-26:Ｍｙａｗａｄｄｙ@myawaddy',
      '28-47:State’s obligations@state-party',
      '49-61:AIDE-MÉMOIRE@aide-memoire',
    ]);
  });

  it('finds traditional forms of simplified terms', () => {
    assert.deepEqual(found(index, '打擊電信詐騙，公安機關在緬北'), [
      '2-6:電信詐騙@telecom-fraud',
      '7-11:公安機關@pso',
      '12-14:緬北@northern-myanmar',
    ]);
  });

  it('matches an English term wrapped across lines or with several spaces', () => {
    const text = 'combat telecommunications\r\nfraud and public   security\n  organs';
    assert.deepEqual(found(index, text), [
      '7-32:telecommunications\r\nfraud@telecom-fraud',
      '37-63:public   security\n  organs@pso',
    ]);
  });

  it('does not match across a paragraph break', () => {
    assert.deepEqual(found(index, 'telecom\n\nfraud'), ['9-14:fraud@fraud']);
  });

  it('joins a Chinese term wrapped across lines', () => {
    assert.deepEqual(found(index, '电信\n诈骗'), ['0-5:电信\n诈骗@telecom-fraud']);
  });

  it('keeps UTF-16 offsets right after astral characters', () => {
    const text = '😀𠀀 电信诈骗 and 😀 smile';
    assert.deepEqual(found(index, text), ['5-9:电信诈骗@telecom-fraud', '14-22:😀 smile@emoji-term']);
  });

  it('matches within a range, checking boundaries against the whole text', () => {
    const text = 'fraud; fraudulent; fraud';
    assert.deepEqual(found(index, text, 7, text.length), ['19-24:fraud@fraud']);
    assert.deepEqual(found(index, text, 7, 12), []);
  });

  it('handles empty text, empty glossaries and text without terms', () => {
    assert.deepEqual(found(index, ''), []);
    assert.deepEqual(found(GlossaryIndex.build([]), 'fraud'), []);
    assert.deepEqual(found(index, '\uFEFF\u0000\uD800 \r\n\t'), []);
  });

  it('lets the later entry win a form two entries share, and looks forms up folded', () => {
    const shared = GlossaryIndex.build([entry('first', ['communication'], ['来文']), entry('second', ['Communication'], [])]);
    assert.deepEqual(found(shared, 'a communication'), ['2-15:communication@second']);
    assert.equal(shared.lookup('COMMUNICATION')?.id, 'second');
    assert.equal(shared.lookup('來文')?.id, 'first');
    assert.equal(shared.lookup('unknown'), undefined);
    assert.equal(shared.entries().length, 2);
  });

  it('reports the listed form and language of each match', () => {
    const [english, chinese] = index.match('Telecom Fraud 電詐');
    assert.deepEqual([english.form, english.language], ['telecom fraud', 'en']);
    assert.deepEqual([chinese.form, chinese.language], ['电诈', 'zh']);
  });

  it('matches 1 MB of mixed text, every occurrence', () => {
    const paragraph = 'The public security organs fought telecommunications fraud in 缅北妙瓦底。公安机关打击电信诈骗。\n';
    const text = paragraph.repeat(Math.ceil(1_000_000 / paragraph.length));
    const matches = index.match(text);
    const copies = text.length / paragraph.length;
    assert.equal(matches.length, copies * 6);
    assert.ok(matches.every((m, i) => i === 0 || m.start >= matches[i - 1].end));
  });
});

describe('glossary automaton on any text', () => {
  const pieces = ['fraud', 'Telecom', ' ', '\n', '\r\n', '诈骗', '電信', '😀', '\uD800', 'AL', 'public security organs', '-', 'x'];
  const arbitraryText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((parts) => parts.join('')),
  );

  it('returns sorted, disjoint matches inside the range whose text folds to the listed form', () => {
    fc.assert(
      fc.property(arbitraryText, fc.nat(), fc.nat(), (text, a, b) => {
        const start = Math.min(a, b) % (text.length + 1);
        const end = Math.max(start, Math.max(a, b) % (text.length + 1));
        const matches = index.match(text, start, end);
        matches.forEach((m, i) => {
          assert.ok(m.start >= start && m.end <= end && m.start < m.end);
          if (i > 0) assert.ok(m.start >= matches[i - 1].end);
          assert.equal(normaliseForm(text.slice(m.start, m.end)), normaliseForm(m.form));
        });
      }),
      { numRuns: 300 },
    );
  });

  it('selects exactly what a naive leftmost-longest search selects', () => {
    const forms = ['ab', 'abc', 'bcd', 'cd', 'b', 'dab', '电信', '电信诈骗', '诈骗', '信诈'];
    const overlapping = GlossaryIndex.build(forms.map((form) => entry(form, [form], [])));
    const isWord = (ch: string | undefined) => ch !== undefined && /[a-z0-9]/i.test(ch);
    const naive = (text: string): string[] => {
      const result: string[] = [];
      for (let at = 0; at < text.length; ) {
        const fits = forms.filter((form) => text.startsWith(form, at) &&
          !(isWord(form[0]) && isWord(text[at - 1])) && !(isWord(form[form.length - 1]) && isWord(text[at + form.length])));
        const longest = fits.sort((a, b) => b.length - a.length)[0];
        if (longest) result.push(`${at}-${at + longest.length}`);
        at += longest ? longest.length : 1;
      }
      return result;
    };
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd', '.', '电', '信', '诈', '骗'), { maxLength: 40 }), (units) => {
        const text = units.join('');
        assert.deepEqual(overlapping.match(text).map((m) => `${m.start}-${m.end}`), naive(text));
      }),
      { numRuns: 500 },
    );
  });
});
