/** The bench's corpora stay consistent when scaled: their variation changes a figure on both sides alike. */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { buildCorpus, noteOf, readSamples, variedSample } from '../../../bench/corpus';
import { analyse } from '../../../server/src/core/analyse';
import { runChecks } from '../../../server/src/core/checks';
import { alignVersions, sideOf } from '../../../server/src/core/noteAlignment';

const SAMPLES = readSamples(path.join(__dirname, '..', '..', '..', 'samples'));

function findingsOf(text: string): string[] {
  const note = analyse(text);
  const [en, zh] = [sideOf(note, 'en'), sideOf(note, 'zh')];
  assert.ok(en && zh, 'one note with two versions');
  return runChecks({ alignment: alignVersions(en, zh), notes: { en: note, zh: note } })
    .map((f) => `${f.code} ${text.slice(f.span.start, f.span.end)}: ${f.message}`);
}

describe('bench corpora', () => {
  it('a varied copy of each sample, as a note of its own, has no finding', () => {
    for (const sample of SAMPLES.samples) {
      for (const copy of [1, 7]) assert.deepEqual(findingsOf(noteOf(variedSample(sample, copy))), [], `${sample.name}, copy ${copy}`);
    }
  });

  it('the 100 KB corpus is one note with two versions and no finding (the variation once made ~90)', () => {
    const corpus = buildCorpus('100 KB', SAMPLES, 100 * 1024);
    assert.ok(corpus.copies > 1);
    assert.deepEqual(findingsOf(corpus.note), []);
  });
});
