/** An annotation on one language version shown on its counterpart in the other, with its level. */
import * as assert from 'node:assert/strict';
import { analyse } from '../../../server/src/core/analyse';
import { AnnotationProjector, type Projection } from '../../../server/src/core/annotations/project';
import type { Span } from '../../../server/src/core/model';
import { alignVersions, sideOf, type NoteAlignment } from '../../../server/src/core/noteAlignment';
import { readSample } from './helpers';

function aligned(enText: string, zhText = enText): NoteAlignment {
  const en = sideOf(analyse(enText), 'en');
  const zh = sideOf(analyse(zhText), 'zh');
  assert.ok(en && zh);
  return alignVersions(en, zh);
}

function spanOf(text: string, quote: string): Span {
  const start = text.indexOf(quote);
  assert.ok(start >= 0, `"${quote}" is in the note`);
  return { start, end: start + quote.length };
}

const textOf = (text: string, spans: readonly Span[]) => spans.map((s) => text.slice(s.start, s.end)).join(' | ');

describe('annotations in the other language', () => {
  describe('across a two-file pair', () => {
    const alignment = aligned(readSample('visa-request.en.note'), readSample('visa-request.zh.note'));
    const projector = new AnnotationProjector(alignment);
    const project = (quote: string): Projection | undefined => projector.project('en', spanOf(alignment.en.text, quote));

    it('shows a span within one sentence on the aligned sentence', () => {
      const projection = project('courtesy facilitation');
      assert.equal(projection?.level, 'sentence');
      assert.equal(projection.to, 'zh');
      assert.ok(textOf(alignment.zh.text, projection.target).startsWith('三是请使馆协助安排代表团'));
      assert.ok(textOf(alignment.en.text, projection.source).startsWith('Third, the Department would appreciate'));
    });

    it('takes a selection with the space around its sentence as that sentence', () => {
      const sentence = 'The delegation is composed of eight members, all of whom hold service passports.';
      const span = spanOf(alignment.en.text, sentence);
      const projection = projector.project('en', { start: span.start - 1, end: span.end + 2 });
      assert.equal(projection?.level, 'sentence');
      assert.equal(textOf(alignment.zh.text, projection.target), '代表团一行8人，均持公务护照。');
    });

    it('shows a span over two sentences on the aligned paragraph', () => {
      const projection = project('29 June 2025. For any question');
      assert.equal(projection?.level, 'paragraph');
      assert.ok(textOf(alignment.zh.text, projection.target).startsWith('二、代表团将于2025年6月22日'));
    });

    it('projects from Chinese to English the same way', () => {
      const projection = projector.project('zh', spanOf(alignment.zh.text, '请免收签证费'));
      assert.equal(projection?.level, 'sentence');
      assert.equal(projection.to, 'en');
      assert.ok(textOf(alignment.en.text, projection.target).startsWith('Second, on the basis of reciprocity'));
    });

    it('has no counterpart for what is not aligned (the letterhead)', () => {
      assert.equal(project('MINISTRY OF FOREIGN AFFAIRS'), undefined);
    });
  });

  describe('within one bilingual file', () => {
    const text = readSample('ohchr-reply-al-chn-4-2025.note');
    const alignment = aligned(text);
    const projector = new AnnotationProjector(alignment);

    it('shows a Chinese term on the English sentence, in the same text', () => {
      const projection = projector.project('zh', spanOf(text, '电信诈骗'));
      assert.equal(projection?.level, 'sentence');
      assert.ok(textOf(text, projection.target).startsWith('Cross-border crimes such as telecommunications fraud'));
    });

    it('shows a span over two paragraphs on both their counterparts', () => {
      const english = alignment.paragraphs.filter((pair) => pair.en.length > 0 && pair.zh.length > 0).slice(1, 3);
      const span = { start: english[0].en[0].start + 5, end: english[1].en[0].start + 5 };
      const projection = projector.project('en', span);
      assert.equal(projection?.level, 'paragraph');
      assert.deepEqual(projection.target, [...english[0].zh, ...english[1].zh]);
    });
  });
});
