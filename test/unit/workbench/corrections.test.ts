/**
 * Corrections as fixed beads: the aligner keeps each as a bead of confidence 1 whatever its shape,
 * leaves the units of a one-sided one unpaired, gives way to them over its own fixed pairs, and pairs
 * paragraphs and sentences of a note as they say.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { alignWithFixedPairs, type AlignUnit, type Bead } from '../../../server/src/core/align/align';
import { layCorrections, unitsTouched } from '../../../server/src/core/alignmentCorrections';
import { analyse } from '../../../server/src/core/analyse';
import type { Span } from '../../../server/src/core/model';
import { alignVersions, reuseAlignment, sideOf, type NoteAlignment } from '../../../server/src/core/noteAlignment';

const unit = (length: number): AlignUnit => ({ text: '', length, anchors: [] });
const shapes = (beads: readonly Bead[]) => beads.map((bead) => `${bead.en.join(',')}:${bead.zh.join(',')}${bead.correction !== undefined ? `#${bead.correction}` : ''}`);

describe('alignWithFixedPairs with corrections', () => {
  const en = [40, 80, 40, 120, 40, 40].map(unit);
  const zh = [10, 20, 10, 30, 10, 10].map(unit);

  it('pairs units one to one when nothing is corrected', () => {
    assert.deepEqual(shapes(alignWithFixedPairs(en, zh, [])), ['0:0', '1:1', '2:2', '3:3', '4:4', '5:5']);
  });

  it('keeps a corrected bead of any shape with confidence 1 and aligns around it', () => {
    const beads = alignWithFixedPairs(en, zh, [], {}, [{ en: [1, 2], zh: [1] }]);
    const fixed = beads.find((bead) => bead.correction === 0);
    assert.deepEqual(fixed && { en: fixed.en, zh: fixed.zh, confidence: fixed.confidence }, { en: [1, 2], zh: [1], confidence: 1 });
    assert.deepEqual(beads.flatMap((bead) => bead.en), [0, 1, 2, 3, 4, 5]);
    assert.deepEqual(beads.flatMap((bead) => bead.zh), [0, 1, 2, 3, 4, 5]);
  });

  it('leaves the units of a one-sided correction unpaired, in order among the others', () => {
    const beads = alignWithFixedPairs(en, zh, [], {}, [{ en: [2], zh: [] }, { en: [], zh: [4] }]);
    assert.deepEqual(beads.filter((bead) => bead.correction !== undefined).map((b) => [b.en, b.zh]), [[[2], []], [[], [4]]]);
    assert.deepEqual(beads.flatMap((bead) => bead.en), [0, 1, 2, 3, 4, 5]);
    assert.deepEqual(beads.flatMap((bead) => bead.zh), [0, 1, 2, 3, 4, 5]);
  });

  it('drops a fixed pair that crosses a correction or takes one of its units', () => {
    const beads = alignWithFixedPairs(en, zh, [[3, 3], [4, 1]], {}, [{ en: [1], zh: [4] }]);
    assert.ok(beads.some((bead) => bead.correction === 0 && bead.en[0] === 1 && bead.zh[0] === 4));
    assert.ok(!beads.some((bead) => bead.en.includes(4) && bead.zh.includes(1)));
  });

  it('keeps the option that fixed pairs start stretches: a point\'s first sentence may still join the next one', () => {
    const [enUnits, zhUnits] = [[40, 80, 40, 120, 40, 40].map(unit), [10, 20, 40, 10, 10].map(unit)];
    const options = { fixedPairsStartStretches: true };
    const plain = shapes(alignWithFixedPairs(enUnits, zhUnits, [[2, 2]], options));
    assert.deepEqual(plain, ['0:0', '1:1', '2,3:2', '4:3', '5:4']);
    const corrected = shapes(alignWithFixedPairs(enUnits, zhUnits, [[2, 2]], options, [{ en: [0], zh: [0] }]));
    assert.deepEqual(corrected, ['0:0#0', ...plain.slice(1)], 'the correction agrees with the aligner: nothing else changes');
    assert.deepEqual(shapes(alignWithFixedPairs(enUnits, zhUnits, [[2, 2]], {}, [{ en: [0], zh: [0] }])).slice(2, 3), ['2:2'], 'without the option, a 1-1 bead');
  });

  it('keeps the later of two contradictory corrections, and ignores one out of range or not consecutive', () => {
    const beads = alignWithFixedPairs(en, zh, [], {}, [{ en: [1], zh: [1] }, { en: [1], zh: [2] }, { en: [9], zh: [0] }, { en: [3, 5], zh: [3] }]);
    assert.deepEqual(beads.filter((bead) => bead.correction !== undefined).map((b) => `${b.en}:${b.zh}#${b.correction}`), ['1:2#1']);
  });
});

describe('corrections laid on units', () => {
  const units: Span[][] = [[{ start: 0, end: 10 }], [{ start: 12, end: 20 }, { start: 25, end: 30 }], [{ start: 32, end: 40 }]];

  it('finds the units a span overlaps, pieces of a unit included', () => {
    assert.deepEqual(unitsTouched(units, { start: 26, end: 28 }), [1]);
    assert.deepEqual(unitsTouched(units, { start: 5, end: 33 }), [0, 1, 2]);
    assert.deepEqual(unitsTouched(units, { start: 10, end: 12 }), []);
  });

  it('says whether a correction names whole units, and leaves out one whose side lost its text', () => {
    const laid = layCorrections([
      { id: 'whole', en: { start: 0, end: 10 }, zh: { start: 12, end: 30 } },
      { id: 'part', en: { start: 0, end: 3 }, zh: { start: 32, end: 40 } },
      { id: 'gone', en: { start: 10, end: 12 }, zh: { start: 32, end: 40 } },
    ], units, units);
    assert.deepEqual(laid.map((c) => [c.index, c.en, c.zh, c.whole]), [[0, [0], [1], true], [1, [0], [2], false]]);
  });
});

describe('a note aligned with corrections', () => {
  const text = readFileSync(path.join(__dirname, '..', '..', '..', 'samples', 'ohchr-reply-al-chn-4-2025.note'), 'utf8');
  const note = analyse(text);
  const [en, zh] = [sideOf(note, 'en'), sideOf(note, 'zh')];
  assert.ok(en && zh);
  const plain = alignVersions(en, zh);
  const cover = (spans: readonly Span[]): Span => ({ start: spans[0].start, end: spans[spans.length - 1].end });
  const starts = (alignment: NoteAlignment) => alignment.paragraphs.map((p) => `${p.en.map((s) => text.slice(s.start, s.start + 8)).join('+')}|${p.zh.map((s) => text.slice(s.start, s.start + 4)).join('+')}`);

  it('pairs paragraphs a correction names whole, and leaves one it names alone without a counterpart', () => {
    const corrected = alignVersions(en, zh, undefined, [
      { id: 'alone', en: cover(plain.paragraphs[1].en) },
      { id: 'pair', en: cover(plain.paragraphs[2].en), zh: cover(plain.paragraphs[1].zh) },
    ]);
    assert.deepEqual(starts(corrected).slice(1, 4), ['Cross-bo|', 'The publ|电信诈骗', '|中国公安']);
    assert.deepEqual(corrected.paragraphs.slice(1, 3).map((p) => [p.correction, p.confidence]), [['alone', 1], ['pair', 1]]);
  });

  it('pairs the sentences a correction names inside a paragraph pair, and says which correction fixed each', () => {
    const sentences = plain.paragraphs[3].sentences;
    const corrected = alignVersions(en, zh, undefined, [{ id: 'cross', en: cover(sentences[1].en), zh: cover(sentences[2].zh) }]);
    const fixed = corrected.paragraphs[3].sentences.find((s) => s.correction === 'cross');
    assert.deepEqual(fixed && [fixed.en, fixed.zh, fixed.confidence], [sentences[1].en, sentences[2].zh, 1]);
    assert.equal(corrected.paragraphs[3].correction, undefined, 'the paragraph pair itself was not corrected');
    assert.deepEqual(starts(corrected), starts(plain));
  });

  it('pairs the paragraphs of sentences paired across paragraphs the aligner kept apart', () => {
    const corrected = alignVersions(en, zh, undefined, [
      { id: 'across', en: cover(plain.paragraphs[2].sentences[0].en), zh: cover(plain.paragraphs[1].sentences[0].zh) },
    ]);
    const pair = corrected.paragraphs.find((p) => p.sentences.some((s) => s.correction === 'across'));
    assert.ok(pair, 'the sentences are paired');
    assert.ok(pair.en.some((s) => s.start === plain.paragraphs[2].en[0].start) && pair.zh.some((s) => s.start === plain.paragraphs[1].zh[0].start));
  });

  it('pairs the sentences of points as without corrections: a correction the aligner agrees with changes nothing else', () => {
    // ¶4 of this note: a point's first sentence and the next one are one Chinese sentence (a 2-1 bead).
    const corpusText = readFileSync(path.join(__dirname, '..', '..', 'corpus', '60-zhaohui-embassy-coach-accident-bilingual-title-line.note'), 'utf8');
    const corpusNote = analyse(corpusText);
    const [enSide, zhSide] = [sideOf(corpusNote, 'en'), sideOf(corpusNote, 'zh')];
    assert.ok(enSide && zhSide);
    const aligned = alignVersions(enSide, zhSide);
    const shape = (alignment: NoteAlignment) => alignment.paragraphs[3].sentences.map((s) => `${s.en.length}-${s.zh.length}`);
    assert.deepEqual(shape(aligned), ['1-1', '1-1', '2-1', '1-1']);
    const first = aligned.paragraphs[3].sentences[0];
    const corrected = alignVersions(enSide, zhSide, undefined, [{ id: 'same', en: cover(first.en), zh: cover(first.zh) }]);
    assert.deepEqual(shape(corrected), shape(aligned));
    assert.equal(corrected.paragraphs[3].sentences[0].correction, 'same');
  });

  it('keeps the sentence corrections when the pairing of paragraphs is reused after a local edit', () => {
    const sentences = plain.paragraphs[3].sentences;
    const corrections = [{ id: 'cross', en: cover(sentences[1].en), zh: cover(sentences[2].zh) }];
    const reused = reuseAlignment(alignVersions(en, zh, undefined, corrections), en, zh, undefined, corrections);
    assert.ok(reused?.paragraphs[3].sentences.some((s) => s.correction === 'cross'));
  });
});
