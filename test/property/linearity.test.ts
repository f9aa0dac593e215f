/**
 * Time that grows faster than the text is a freeze in a large dossier. Each case times a scanner on
 * n and 4n repetitions of a text that once made it quadratic; linear work grows about 4 times,
 * quadratic work 16 times, so a bound of 8 tells them apart with room for a noisy machine.
 */
import * as assert from 'node:assert/strict';
import { findNumbers } from '../../server/src/core/normalise/numbers';

const GROWTH = 4;
const MAX_RATIO = 8;

/** The fastest of three runs: the least disturbed by other work on the machine. */
function fastest(run: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

function growthRatio(make: (repeats: number) => string, scan: (text: string) => void, repeats: number): number {
  const small = make(repeats);
  const large = make(repeats * GROWTH);
  scan(small); // compiled before timing
  return fastest(() => scan(large)) / Math.max(fastest(() => scan(small)), 0.05);
}

describe('linear scanners', () => {
  it('findNumbers: English dates in a text that also holds Chinese (a year mark searched past the date)', () => {
    const make = (repeats: number) => '第1页\n' + 'On 20 February 2025 the office replied. '.repeat(repeats);
    const ratio = growthRatio(make, (text) => findNumbers(text, 0, text.length, 'en'), 4000);
    assert.ok(ratio <= MAX_RATIO, `time grew ${ratio.toFixed(1)}× for ${GROWTH}× the text`);
  });
});
