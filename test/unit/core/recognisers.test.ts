/** Recognisers on small notes written inline, the way a reader would see them. */
import * as assert from 'node:assert/strict';
import { analyse } from '../../../server/src/core/analyse';
import type { Paragraph, Point } from '../../../server/src/core/model';

const lines = (...rows: string[]) => rows.join('\n');
const paragraphs = (text: string) => analyse(text).paragraphs;
const markers = (points: readonly Point[]): string[] =>
  points.flatMap((p) => [p.markerText, ...markers(p.children).map((m) => `${p.markerText}>${m}`)]);
const pointsOf = (text: string): string[] => markers(paragraphs(text).flatMap((p: Paragraph) => p.points));

describe('numbered points', () => {
  it('accepts lower-case ordinals after a colon and semicolons', () => {
    assert.deepEqual(pointsOf('The Government notes the following: firstly, it acts; secondly, it reports; and lastly, it reviews.'),
      ['firstly', 'secondly', 'lastly']);
  });

  it('ignores bracketed letters inside a sentence', () => {
    assert.deepEqual(pointsOf('As provided in article 9 (b) of the Covenant, the detention was reviewed.'), []);
  });

  it('does not take 一是 inside a word for a point', () => {
    assert.deepEqual(pointsOf('坚持统一是基本原则。'), []);
  });

  it('needs the first point before a second or a final one', () => {
    assert.deepEqual(pointsOf('Second, nothing came first. Finally, nothing was listed.'), []);
  });

  it('nests Roman numerals under letters and returns to the letters', () => {
    const text = lines('The Mission requests:', '(a) one;', '(b) two, namely:', '(i) two-one;', '(ii) two-two;', '(c) three.');
    assert.deepEqual(pointsOf(text), ['(a)', '(b)', '(b)>(i)', '(b)>(ii)', '(c)']);
  });

  it('reads (i) after (h) as the ninth letter', () => {
    const text = 'Items: (a) a; (b) b; (c) c; (d) d; (e) e; (f) f; (g) g; (h) h; (i) i; (j) j.';
    const found = paragraphs(text)[0].points;
    assert.deepEqual(found.map((p) => p.ordinal), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.equal(found[8].style, 'latin-paren');
  });

  it('counts Chinese sequence words and 第N markers as one list', () => {
    const found = paragraphs('我们采取了以下措施。首先，加强立法；其次，严格执法；第三，广泛宣传；最后，加强合作。')[0].points;
    assert.deepEqual(found.map((p) => [p.markerText, p.ordinal, p.isFinal]), [
      ['首先', 1, false], ['其次', 2, false], ['第三', 3, false], ['最后', 4, true],
    ]);
  });

  it('continues First/Second across paragraphs of one version', () => {
    const found = paragraphs(lines('First, the law was amended.', '', 'Second, the courts applied it.'));
    assert.deepEqual(found.map((p) => p.points.map((q) => q.ordinal)), [[1], [2]]);
  });

  it('gives a numbered paragraph its own number', () => {
    const [first, second] = paragraphs(lines('1. The seminar will take place in May.', '2. Participation is by invitation.'));
    assert.deepEqual([first.number?.ordinal, second.number?.ordinal], [1, 2]);
    const chinese = paragraphs(lines('一、研讨会将于五月举行。', '', '二、参会须经邀请。'));
    assert.deepEqual(chinese.map((p) => [p.number?.markerText, p.number?.ordinal]), [['一、', 1], ['二、', 2]]);
  });
});

describe('paragraphs and page breaks', () => {
  it('ignores page-number lines and form feeds and rejoins the split paragraph', () => {
    const text = lines(
      'The Government has taken many measures to protect the rights of the persons concerned and',
      '', '- 2 -', '', '\fwill continue to do so in accordance with the law.', '', 'Page 3 of 5', '第2页', '',
      'A second paragraph.');
    const note = analyse(text);
    assert.equal(note.paragraphs.length, 2);
    assert.equal(note.paragraphs[0].parts.length, 2);
    assert.equal(note.pageArtefacts.length, 3);
  });

  it('does not join a paragraph ending with a colon to the next one', () => {
    assert.equal(paragraphs(lines('The Government submits the following reply to the communication received from you:', '', 'Cross-border crime is a common enemy.')).length, 2);
  });

  it('reads CRLF, a lone CR and a BOM like LF', () => {
    const text = '\ufeffFirst paragraph here.\r\n\r\nSecond paragraph here.\rThird line.';
    const note = analyse(text);
    assert.equal(note.paragraphs.length, 2);
    assert.equal(text.slice(note.paragraphs[0].span.start, note.paragraphs[0].span.end), 'First paragraph here.');
  });

  it('returns an empty model for empty and blank text', () => {
    for (const text of ['', '\n\n', '   ', '\f']) {
      const note = analyse(text);
      assert.deepEqual([note.paragraphs.length, note.blocks.length, note.versions.length], [0, 0, 0]);
    }
  });

  it('keeps UTF-16 offsets right after astral characters', () => {
    const text = '𠀀𠀁 The Mission presents its compliments to the Office and has the honour to refer to AL CHN 4/2025.';
    const note = analyse(text);
    assert.equal(note.citations[0].span.start, text.indexOf('AL CHN'));
    assert.equal(note.paragraphs[0].role, 'opening');
  });
});

describe('references and formulas', () => {
  it('reads the labelled and Chinese forms of the own reference', () => {
    for (const [line, value] of [
      ['Ref.: GVA/2025/12', 'GVA/2025/12'], ['Our ref: POL-3/17/2025', 'POL-3/17/2025'], ['No. 1-80', '1-80'],
      ['编号：CHN/HR/2025/61', 'CHN/HR/2025/61'], ['(2008)礼字第102号', '(2008)礼字第102号'],
    ]) {
      const note = analyse(lines('MINISTRY OF FOREIGN AFFAIRS', '', line, '', 'The Ministry presents its compliments to the Embassy.'));
      assert.equal(note.ownReference?.valueText, value, line);
    }
  });

  it('decodes joint and older long-form communications', () => {
    const note = analyse('See JUA USA 12/2024 and UA Housing (2000-9) G/SO 214 (53-24) SYR 3/2014.');
    assert.deepEqual(note.citations.map((c) => [c.type, c.country, c.serial, c.year]), [['JUA', 'USA', 12, 2024], ['UA', 'SYR', 3, 2014]]);
  });

  it('recognises first-person openings and the Chinese closing', () => {
    const note = analyse(lines('Excellency,', '', 'I have the honour to refer to your letter.', '', 'Please accept, Excellency, the assurances of my highest consideration.'));
    assert.deepEqual(note.blocks.map((b) => (b.kind === 'paragraph' ? b.role : b.kind)), ['salutation', 'opening', 'closing']);
    assert.equal(analyse('外交部顺致最崇高的敬意。').paragraphs[0].role, 'closing');
  });

  it('overrides the reference and language from the front matter and reports bad lines', () => {
    const note = analyse(lines('---', 'reference: ABC/2025/1', 'language: zh', 'colour: blue', 'no colon here', '---', '', 'Text.'));
    assert.equal(note.ownReference?.valueText, 'ABC/2025/1');
    assert.equal(note.ownReference?.fromFrontMatter, true);
    assert.equal(note.language, 'zh');
    assert.equal(note.problems.length, 2);
    assert.match(note.problems[0].message, /Unknown front matter key "colour"/);
  });

  it('reads the ignore directive of an annotation', () => {
    const note = analyse(lines('The sum is 5,415.', '%% diplonote-ignore number-mismatch', '%% checked with the desk'));
    assert.deepEqual(note.paragraphs[0].annotations.map((a) => a.ignoreCode ?? a.text), ['number-mismatch', 'checked with the desk']);
  });
});
