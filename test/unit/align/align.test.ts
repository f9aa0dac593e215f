import { strict as assert } from 'node:assert';
import { alignUnits, alignWithFixedPairs, AlignUnit, Bead } from '../../../server/src/core/align/align';
import { dateAnchors, numberAnchors, verbatimAnchors } from '../../../server/src/core/align/anchors';
import { syntheticPair } from './synthetic';

function units(texts: readonly string[], lang: 'en' | 'zh'): AlignUnit[] {
  const verbatim = lang === 'zh' ? verbatimAnchors([], texts).zh : texts.map(() => []);
  return texts.map((text, k) => ({
    text,
    length: text.length,
    anchors: [...numberAnchors(text, 0, text.length, lang), ...dateAnchors(text, 0, text.length), ...(verbatim[k] ?? [])],
  }));
}

/** English units with the `ref:`/`name:` anchors of the Latin runs found in the Chinese ones. */
function pairedUnits(en: readonly string[], zh: readonly string[]): { en: AlignUnit[]; zh: AlignUnit[] } {
  const verbatim = verbatimAnchors(en, zh);
  const enUnits = units(en, 'en').map((unit, k) => ({ ...unit, anchors: [...unit.anchors, ...(verbatim.en[k] ?? [])] }));
  return { en: enUnits, zh: units(zh, 'zh') };
}

function shapes(beads: readonly Bead[]): string[] {
  return beads.map((bead) => `${bead.en.join(',')}:${bead.zh.join(',')}`);
}

const EN = [
  'The Permanent Mission of the People\'s Republic of China to the United Nations Office at Geneva presents its compliments to the Office of the High Commissioner for Human Rights.',
  'With reference to communication AL CHN 4/2025 of 20 February 2025, the Mission has the honour to transmit the following reply.',
  'Since then, the police have arrested more than 1,200 suspects and solved 5,415 cases of telecommunications fraud in the region.',
  'The police carried out four consecutive raids.',
  'They rescued 30,000 victims.',
  'In addition, 7,000 leaflets were distributed in 12 provinces and a hotline was opened on 3 March 2025.',
  'The Mission avails itself of this opportunity to renew to the Office the assurances of its highest consideration.',
];
const ZH = [
  '中华人民共和国常驻联合国日内瓦办事处和瑞士其他国际组织代表团向联合国人权事务高级专员办事处致意。',
  '关于2025年2月20日AL CHN 4/2025号来函，代表团谨转交答复如下。',
  '自那时起，当地警方共抓获犯罪嫌疑人1200余名。',
  '破获电信网络诈骗案件5415起。',
  '警方连续4次开展突击行动，解救受害者3万名。',
  '代表团顺致崇高的敬意。',
];

describe('alignUnits', () => {
  it('finds 1-1, 1-2, 2-1 and 1-0 beads on a hand-made note', () => {
    const { en, zh } = pairedUnits(EN, ZH);
    const beads = alignUnits(en, zh);
    assert.deepEqual(shapes(beads), ['0:0', '1:1', '2:2,3', '3,4:4', '5:', '6:5']);
  });

  it('gives each bead a confidence between 0 and 1, high where anchors agree', () => {
    const { en, zh } = pairedUnits(EN, ZH);
    const beads = alignUnits(en, zh);
    for (const bead of beads) assert.ok(bead.confidence >= 0 && bead.confidence <= 1, String(bead.confidence));
    assert.ok((beads[1]?.confidence ?? 0) > 0.9);
  });

  it('is deterministic', () => {
    const { en, zh } = pairedUnits(EN, ZH);
    assert.deepEqual(alignUnits(en, zh), alignUnits(en, zh));
  });

  it('searches near a given alignment, and ignores one that does not cover the units', () => {
    const { en, zh } = pairedUnits(EN, ZH);
    const plain = alignUnits(en, zh);
    assert.deepEqual(shapes(alignUnits(en, zh, { near: plain, band: 2 })), shapes(plain));
    const wrong = [{ en: [0], zh: [0], confidence: 1 }];
    assert.deepEqual(shapes(alignUnits(en, zh, { near: wrong })), shapes(plain));
  });

  it('pairs every unit with nothing when the other side is empty', () => {
    const en = units(['One sentence.', 'Two sentences.'], 'en');
    assert.deepEqual(shapes(alignUnits(en, [])), ['0:', '1:']);
    assert.deepEqual(alignUnits([], []), []);
  });

  it('lets agreeing numbers move a boundary that lengths alone would misplace', () => {
    const enTexts = ['The authorities investigated the matter and counted 5,415 cases.', 'Of these, the remaining 212 cases are still pending before the courts of the province.'];
    const zhTexts = ['有关部门对此事进行了调查，', '共计5415起。', '其中其余212起仍在该省法院审理中。'];
    assert.deepEqual(shapes(alignUnits(units(enTexts, 'en'), units(zhTexts, 'zh'))), ['0:0,1', '1:2']);
    const withoutAnchors = (list: AlignUnit[]): AlignUnit[] => list.map((unit) => ({ ...unit, anchors: [] }));
    assert.deepEqual(shapes(alignUnits(withoutAnchors(units(enTexts, 'en')), withoutAnchors(units(zhTexts, 'zh')))), ['0:0', '1:1,2']);
  });
});

describe('alignUnits on degenerate input', () => {
  it('aligns units of zero, negative or non-finite length without throwing', () => {
    const odd = [0, -5, Number.NaN, Number.POSITIVE_INFINITY, 12].map((length) => ({ text: '', length, anchors: [] }));
    const beads = alignUnits(odd, odd);
    assert.equal(beads.reduce((sum, bead) => sum + bead.en.length, 0), 5);
    assert.equal(beads.reduce((sum, bead) => sum + bead.zh.length, 0), 5);
    for (const bead of beads) assert.ok(bead.confidence >= 0 && bead.confidence <= 1);
  });

  it('covers every unit once, in order, when the sides differ greatly in size', () => {
    const en = Array.from({ length: 300 }, (_, k) => ({ text: '', length: 50 + (k % 7), anchors: [] }));
    const zh = Array.from({ length: 40 }, (_, k) => ({ text: '', length: 10 + (k % 3), anchors: [] }));
    const beads = alignUnits(en, zh);
    assert.deepEqual(beads.flatMap((bead) => bead.en), en.map((_, k) => k));
    assert.deepEqual(beads.flatMap((bead) => bead.zh), zh.map((_, k) => k));
  });
});

describe('alignWithFixedPairs', () => {
  it('keeps the fixed pairs as beads of confidence 1 and aligns between them', () => {
    const { en, zh } = pairedUnits(EN, ZH);
    const beads = alignWithFixedPairs(en, zh, [[1, 1], [6, 5]]);
    assert.deepEqual(shapes(beads), ['0:0', '1:1', '2:2,3', '3,4:4', '5:', '6:5']);
    assert.equal(beads[1]?.confidence, 1);
    assert.equal(beads[5]?.confidence, 1);
  });

  it('drops fixed pairs that would cross others, and ones out of range', () => {
    const { en, zh } = pairedUnits(EN, ZH);
    // [2, 2] is kept although [2, 2, 3] is the right bead: fixed pairs are the caller's word.
    const beads = alignWithFixedPairs(en, zh, [[1, 1], [2, 2], [3, 0], [6, 5], [9, 9]]);
    assert.deepEqual(shapes(beads), ['0:0', '1:1', '2:2', '3,4:3,4', '5:', '6:5']);
  });
});

/** The lattice cells an alignment sweeps, every level and band included: the aligner's work, counted. */
function cellsSwept(pair: { en: AlignUnit[]; zh: AlignUnit[] }): number {
  const work = { cells: 0 };
  alignUnits(pair.en, pair.zh, { work });
  return work.cells;
}

describe('alignUnits scaling', () => {
  // Counted, not timed: a count is the same on any machine, at any load (timings are in `npm run bench:scaling`).
  it('sweeps less than 2.5 times the cells for twice the units, and a band of bounded width', () => {
    const small = cellsSwept(syntheticPair(1500));
    const large = cellsSwept(syntheticPair(3000));
    assert.ok(large / small <= 2.5, `${small} cells for 1500 units, ${large} for 3000`);
    assert.ok(large / 3000 < 200, `${(large / 3000).toFixed(0)} cells per unit`);
  });

  it('recovers the synthetic alignment', () => {
    const { en, zh } = syntheticPair(400);
    const beads = alignUnits(en, zh);
    const splits = beads.filter((bead) => bead.en.length === 1 && bead.zh.length === 2).length;
    assert.equal(beads.reduce((sum, bead) => sum + bead.en.length, 0), 400);
    assert.ok(splits > 40, `${splits} 1-2 beads`);
  });
});
