/** Speed of the glossary engine: build time for a full-size glossary, linear matching with a printed MB/s. */
import * as assert from 'node:assert/strict';
import { GlossaryIndex, makePattern } from '../../../server/src/core/glossary/automaton';
import { completeEntry } from '../../../server/src/core/glossary/draft';
import table from '../../../server/src/core/glossary/data/traditional-to-simplified.json';
import { utf8Length } from '../../../server/src/core/glossary/problems';
import { entry } from './helpers';

const WORDS = ('public security organs telecommunications fraud online gambling unlawful detention special ' +
  'procedures human rights council allegation letter urgent appeal permanent mission intentional injury ' +
  'extortion trafficking compound northern border criminal law article punishment exemption treaty body ' +
  'mandate holder communication assurances consideration note verbale government reply').split(' ');
const HAN = [...new Set(Object.values(table.map))];

/** 250 entries, each with two English forms (one a plural) and two Chinese forms, built deterministically. */
function fullSizeGlossary() {
  return Array.from({ length: 250 }, (_, k) => {
    const english = `${WORDS[k % WORDS.length]} ${WORDS[(k * 7 + 3) % WORDS.length]}`;
    const chinese = HAN.slice(k * 4, k * 4 + 4).join('');
    return entry(`e${k}`, [english, `${english}s`], [chinese, chinese.slice(0, 2)]);
  });
}

/** Mixed prose: English from the same words (so matching goes deep into the automaton) and Chinese. */
function mixedText(length: number): string {
  let text = '';
  for (let k = 0; text.length < length; k++) {
    text += `The ${WORDS[k % WORDS.length]} ${WORDS[(k * 11) % WORDS.length]} of ${WORDS[(k * 5) % WORDS.length]}. `;
    text += `${HAN.slice((k * 3) % 900, ((k * 3) % 900) + 6).join('')}，在缅北妙瓦底。\n`;
  }
  return text;
}

function bestOf(runs: number, work: () => void): number {
  let best = Infinity;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    work();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

describe('glossary engine speed', () => {
  const entries = fullSizeGlossary();

  it('builds the index of 250 entries in under 20 ms', () => {
    const milliseconds = bestOf(5, () => GlossaryIndex.build(entries));
    console.log(`      build: ${milliseconds.toFixed(2)} ms for ${entries.length} entries`);
    assert.ok(milliseconds < 20, `${milliseconds} ms`);
  });

  it('matches in linear time (2n takes less than 3 times n) and prints MB/s on 1 MB', () => {
    const index = GlossaryIndex.build(entries);
    const small = mixedText(1_000_000);
    const large = small + small;
    const count = index.match(small).length; // also warms the JIT up: the figures are for steady state
    const smallTime = bestOf(5, () => index.match(small));
    const largeTime = bestOf(5, () => index.match(large));
    const megabytes = utf8Length(small) / 1e6;
    console.log(`      match: ${(megabytes / (smallTime / 1000)).toFixed(1)} MB/s on ${megabytes.toFixed(2)} MB (${count} terms), 2n/n = ${(largeTime / smallTime).toFixed(2)}`);
    assert.ok(count > 10_000);
    assert.ok(largeTime / smallTime < 3, `ratio ${largeTime / smallTime}`);
  });
});

describe('glossary building is linear in the length of a form', () => {
  // Forms are capped when loaded, but the built-in glossary and the term-pair command feed these too.
  // Appending unit by unit and reading the string back made both quadratic: 7.5 s each for 300 KB.
  const form = 'Word 词 '.repeat(300_000 / 7);

  it('the folded pattern of a 300 KB form (makePattern, what GlossaryIndex.build compiles) in under a second', () => {
    const milliseconds = bestOf(3, () => makePattern(form));
    assert.ok(milliseconds < 1000, `${milliseconds} ms`);
  });

  it('the id made from a 300 KB form (completeEntry) in under a second', () => {
    const milliseconds = bestOf(3, () => completeEntry({ en: [form], zh: ['词'] }, 'a.glossary.csv'));
    assert.ok(milliseconds < 1000, `${milliseconds} ms`);
  });
});
