/** The reference note, checked node by node against its text. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyse } from '../../../server/src/core/analyse';
import type { Note, Paragraph } from '../../../server/src/core/model';

const SEED = path.resolve(__dirname, '..', '..', '..', 'samples', 'ohchr-reply-al-chn-4-2025.note');

describe('the reference note (AL CHN 4/2025 reply)', () => {
  const text = readFileSync(SEED, 'utf8');
  const note: Note = analyse(text);
  const slice = (span: { start: number; end: number }) => text.slice(span.start, span.end);
  const bodyOf = (language: 'en' | 'zh'): Paragraph[] =>
    note.versions.find((v) => v.language === language)!.blocks.filter((b): b is Paragraph => b.kind === 'paragraph');

  it('has an English and a Chinese version of six paragraphs each, in that order', () => {
    assert.deepEqual(note.versions.map((v) => v.language), ['en', 'zh']);
    assert.deepEqual(bodyOf('en').map((p) => p.index), [1, 2, 3, 4, 5, 6]);
    assert.deepEqual(bodyOf('zh').map((p) => p.index), [1, 2, 3, 4, 5, 6]);
    assert.ok(slice(bodyOf('en')[0].span).startsWith('Receipt is hereby acknowledged'));
    assert.ok(slice(bodyOf('zh')[0].span).startsWith('联合国人权理事会特别机制'));
  });

  it('rejoins the fourth paragraph split by the page break, in both languages', () => {
    const english = bodyOf('en')[3];
    const chinese = bodyOf('zh')[3];
    assert.equal(english.parts.length, 2);
    assert.ok(slice(english.parts[0]).endsWith('coerced into'));
    assert.ok(slice(english.parts[1]).startsWith('participating in crimes'));
    assert.equal(chinese.parts.length, 2);
    assert.ok(slice(chinese.parts[0]).endsWith('全面'));
    assert.ok(slice(chinese.parts[1]).startsWith('收集相关证据'));
  });

  it('finds First/Second/Third and 一是/二是/三是 with their ordinals', () => {
    const english = bodyOf('en')[4].points;
    const chinese = bodyOf('zh')[4].points;
    assert.deepEqual(english.map((p) => [p.markerText, p.ordinal, p.style]), [
      ['First', 1, 'ordinal-word'], ['Second', 2, 'ordinal-word'], ['Third', 3, 'ordinal-word'],
    ]);
    assert.deepEqual(chinese.map((p) => [p.markerText, p.ordinal, p.style]), [
      ['一是', 1, 'zh-shi'], ['二是', 2, 'zh-shi'], ['三是', 3, 'zh-shi'],
    ]);
    assert.ok(slice(english[1].span).startsWith('Second, by means of employment assistance'));
    assert.ok(slice(english[1].span).endsWith('at the source.'));
    assert.ok(slice(chinese[2].span).endsWith('严防形成现实危害。'));
    assert.equal(bodyOf('en').filter((p) => p.points.length > 0).length, 1);
  });

  it('keeps the own reference apart from the cited communication', () => {
    assert.equal(note.ownReference?.valueText, 'CHN/HR/2025/34');
    assert.equal(note.ownReference?.fromFrontMatter, false);
    assert.equal(note.citations.length, 3);
    for (const citation of note.citations) {
      assert.deepEqual([citation.text, citation.type, citation.country, citation.serial, citation.year], ['AL CHN 4/2025', 'AL', 'CHN', 4, 2025]);
    }
    assert.ok(!note.citations.some((c) => c.text.includes('CHN/HR')));
  });

  it('recognises the covering note: letterhead, opening, closing, addressee', () => {
    const kinds = note.blocks.map((b) => (b.kind === 'paragraph' ? `${b.kind}:${b.role}` : b.kind));
    assert.deepEqual(kinds, ['letterhead', 'ownReference', 'paragraph:opening', 'paragraph:closing', 'addressee']);
    const letterhead = note.blocks[0];
    assert.equal(letterhead.kind, 'letterhead');
    if (letterhead.kind !== 'letterhead') return;
    assert.equal(letterhead.lines.length, 7);
    assert.deepEqual(letterhead.fields.map((f) => [f.label, slice(f.span)]), [
      ['address', '11 Chemin de Surville, 1213 Petit-Lancy'],
      ['tel', 'Tel: +41(0)22 879 56 78'],
      ['fax', 'Fax: +41(0)22 793 70 14'],
      ['email', 'Email: chinamission_gva@mfa.gov.cn'],
      ['website', 'Website: www.china-un.ch'],
    ]);
    const opening = note.blocks[2] as Paragraph;
    assert.equal(opening.person, 'third');
    assert.equal(slice(note.blocks[4].span), 'Office of the High Commissioner for Human Rights\nGENEVA');
  });

  it('finds no page artefacts and no problems', () => {
    assert.deepEqual(note.pageArtefacts, []);
    assert.deepEqual(note.problems, []);
    assert.equal(note.language, 'en');
  });
});
