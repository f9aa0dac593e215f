/** The concordance: folded search, whole words, wrapped lines, keyword in context, renderings. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyse } from '../../../server/src/core/analyse';
import { alignVersions, sideOf } from '../../../server/src/core/noteAlignment';
import { foldedTerm, keywordInContext, memoryConcordance, noteConcordance, occurrences } from '../../../server/src/core/workbench/concordance';

const found = (text: string, term: string) => occurrences(text, foldedTerm(term)).map((span) => text.slice(span.start, span.end));

describe('concordance', () => {
  it('folds case, full-width forms and traditional characters, so 電信詐騙 finds 电信诈骗', () => {
    assert.deepEqual(found('电信诈骗案件；Telecom FRAUD；ＴＥＬＥＣＯＭ', '電信詐騙'), ['电信诈骗']);
    assert.deepEqual(found('Telecom FRAUD and ＴＥＬＥＣＯＭ fraud', 'telecom fraud'), ['Telecom FRAUD', 'ＴＥＬＥＣＯＭ fraud']);
  });

  it('finds a Latin term as whole words only, a Chinese one anywhere', () => {
    assert.deepEqual(found('An act, the action, enacted; the Act.', 'act'), ['act', 'Act']);
    assert.deepEqual(found('诈骗园区和电诈园区', '园区'), ['园区', '园区']);
  });

  it('finds a term wrapped over two lines, and gives its span in the text as written', () => {
    const text = 'cross-border telecommunications\n   fraud and more';
    const spans = occurrences(text, foldedTerm('telecommunications  fraud'));
    assert.deepEqual(spans.map((s) => text.slice(s.start, s.end)), ['telecommunications\n   fraud']);
  });

  it('cuts the context to forty characters on each side, within the paragraph, on one line', () => {
    const text = `Earlier paragraph.\n\n${'a'.repeat(50)} the keyword\nand ${'b'.repeat(50)}`;
    const start = text.indexOf('keyword');
    const line = keywordInContext(text, { start, end: start + 'keyword'.length });
    assert.equal(line.keyword, 'keyword');
    assert.equal(line.left, `…${'a'.repeat(35)} the `);
    assert.equal(line.right, ` and ${'b'.repeat(35)}…`);
    const first = keywordInContext(text, { start: 0, end: 7 });
    assert.equal(first.right, ' paragraph.');
  });

  it('gives each occurrence in a note the aligned sentence of the other version', () => {
    const text = readFileSync(path.join(__dirname, '..', '..', '..', 'samples', 'ohchr-reply-al-chn-4-2025.note'), 'utf8');
    const note = analyse(text);
    const [en, zh] = [sideOf(note, 'en'), sideOf(note, 'zh')];
    assert.ok(en && zh);
    const lines = noteConcordance(note, foldedTerm('妙瓦底'), { alignment: alignVersions(en, zh) });
    assert.ok(lines.length >= 2);
    assert.ok(lines.every((line) => line.language === 'zh' && line.keyword === '妙瓦底' && line.rendering?.level === 'sentence'));
    assert.match(lines[0].rendering?.text ?? '', /Myawaddy/);
  });

  it('gives each occurrence in a translation unit the variant of the other language', () => {
    const lines = memoryConcordance([{ language: 'en-GB', text: 'Scam compounds in Myawaddy.' }, { language: 'zh-CN', text: '妙瓦底的诈骗园区。' }], foldedTerm('myawaddy'));
    assert.deepEqual(lines.map((l) => [l.language, l.keyword, l.rendering?.text, l.rendering?.language]), [['en-GB', 'Myawaddy', '妙瓦底的诈骗园区。', 'zh-CN']]);
  });
});
