import { strict as assert } from 'node:assert';
import { evaluateGold, f1, goldFiles, totalCounts, type SampleResult } from '../../bench/evalGold';

/** Every bilingual sample has a gold alignment; a missing one would pass unnoticed. */
const BILINGUAL_SAMPLES = ['annotated', 'consistent', 'ohchr-reply-al-chn-4-2025', 'pdf-artefacts', 'reply-zh-first', 'visa-request'];

/** The aim of issue 4 for sentences, over all samples together. */
const SENTENCE_F1_FLOOR = 0.95;

describe('alignment against the hand-written gold of the samples', () => {
  const files = goldFiles();
  const results: SampleResult[] = files.map(({ name, gold }) => evaluateGold(name, gold));

  it('has a gold file for each bilingual sample', () => {
    assert.deepEqual(files.map((file) => file.name), BILINGUAL_SAMPLES);
  });

  for (const result of results) {
    for (const level of ['paragraph', 'point'] as const) {
      it(`${result.name}: ${level} level is exact`, () => {
        assert.deepEqual(result.levels[level]?.misses, []);
        assert.equal(f1(totalCounts([result], level), 'strict').f1, 1);
      });
    }
  }

  it(`sentence level reaches strict F1 ≥ ${SENTENCE_F1_FLOOR} over all samples`, () => {
    const total = totalCounts(results, 'sentence');
    assert.ok(total.gold > 0);
    const strict = f1(total, 'strict').f1;
    assert.ok(strict >= SENTENCE_F1_FLOOR, `strict sentence F1 ${strict.toFixed(3)}; misses: ${JSON.stringify(results.flatMap((r) => r.levels.sentence?.misses ?? []))}`);
  });
});
