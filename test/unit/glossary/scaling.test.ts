/** The glossary engine on full-size input: a glossary of 250 entries, 2 MB of text, forms of 1.5 MB. */
import * as assert from 'node:assert/strict';
import { GlossaryIndex, makePattern } from '../../../server/src/core/glossary/automaton';
import { completeEntry } from '../../../server/src/core/glossary/draft';
import { utf8Length } from '../../../server/src/core/glossary/problems';
import { fullSizeGlossary, mixedText } from './fullSize';

describe('glossary engine on full-size input', () => {
  // What these cost in time, at n and 2n, is measured by `npm run bench:scaling`, not here: a test
  // reading the clock fails on a loaded machine. Here, what the work gives.
  const entries = fullSizeGlossary();

  it('builds the index of 250 entries and finds each of their forms', () => {
    const index = GlossaryIndex.build(entries);
    for (const form of entries.flatMap((e) => [...e.en, ...e.zh])) {
      const text = `See ${form} here.`;
      assert.ok(index.match(text).some((m) => text.slice(m.start, m.end) === form), form);
    }
  });

  it('finds twice the terms in twice the text, as far as its end', () => {
    const index = GlossaryIndex.build(entries);
    const small = mixedText(1_000_000);
    const count = index.match(small).length;
    const matches = index.match(small + small);
    assert.ok(count > 10_000, `${count} terms in ${utf8Length(small)} bytes`);
    assert.equal(matches.length, 2 * count);
    assert.ok((matches[matches.length - 1]?.start ?? 0) > small.length * 1.9, 'matched to the end of the text');
  });
});

describe('glossary building of a long form', () => {
  // Forms are capped when loaded, but the built-in glossary and the term-pair command feed these too.
  // Appending unit by unit and reading the string back made both quadratic: 7.5 s each for 300 KB,
  // so for 1.5 MB (below) about three minutes, far past the test's time-out; linear work, a blink.
  const form = 'Word 词 '.repeat(1_500_000 / 7);

  it('folds the pattern of a 1.5 MB form (makePattern, what GlossaryIndex.build compiles) whole', () => {
    const pattern = makePattern(form);
    assert.ok(pattern);
    assert.ok(pattern.units.length >= form.trim().length * 0.9, `${pattern.units.length} units for ${form.length}`);
  });

  it('makes the id of a 1.5 MB form (completeEntry) from all of it', () => {
    const { id } = completeEntry({ en: [form], zh: ['词'] }, 'a.glossary.csv');
    assert.ok(id.length >= form.length * 0.9, `an id of ${id.length} characters`);
  });
});
