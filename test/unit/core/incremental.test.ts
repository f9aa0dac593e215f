/**
 * Reusing the previous analysis (core/memo.ts, core/incremental.ts) must never change the result:
 * after any sequence of edits, the analysis that reused work equals a fresh one.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { analyse } from '../../../server/src/core/analyse';
import { AnalysisMemo } from '../../../server/src/core/memo';
import { IncrementalAnalyser, type IncrementalResult } from '../../../server/src/core/incremental';
import { outlineOf, repairOutline, type OutlineItem } from '../../../server/src/core/outline';
import { GlossaryIndex, builtInGlossary, type TermMatch } from '../../../server/src/core/glossary';
import { termsAfterEdit } from '../../../server/src/core/glossary/rematch';

const SAMPLES = path.resolve(__dirname, '..', '..', '..', 'samples');
const texts = readdirSync(SAMPLES).filter((f) => f.endsWith('.note')).map((f) => readFileSync(path.join(SAMPLES, f), 'utf8'));

/** Snippets that change structure when typed: markers, formulas, blank lines, page numbers. */
const SNIPPETS = ['', 'x', '\n', '\n\n', 'First, ', ' Second, ', '二是', '（一）', '(a) ', '1. ', '\n\n- 2 -\n\n',
  'presents its compliments to', '顺致崇高的敬意。', 'AL CHN 4/2025', '%% note\n', '---\n', '。', '.', 'Annex\n\n'];

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.nat({ max: 40 }),
  insert: fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 6 })),
});

/** Typing: short insertions and deletions, most of them inside a paragraph's line. */
const TYPED = ['a', 'e ', 'the ', ',', '.', '。', '，', '中', '国', ' ', '  ', '2025', 'First, ', 'Second,', '二是', '(b)', ':', ';',
  'AL CHN 5/2025', 'CHN ', '𠀀', '\uD83D', 'presents its compliments to', '顺致崇高的敬意', 'Annex', '%%', '---', '\t', 'x\ny'];

const keystroke = fc.record({
  // A spread of positions: fc.double would favour the two ends of the text.
  at: fc.integer({ min: 0, max: 1 << 30 }),
  remove: fc.nat({ max: 3 }),
  insert: fc.oneof(fc.constantFrom(...TYPED), fc.string({ maxLength: 3 })),
});

type Keystroke = { at: number; remove: number; insert: string };

/** One keystroke applied to `text` and told to the analyser; returns the new text. */
function type(analyser: IncrementalAnalyser, text: string, { at, remove, insert }: Keystroke): string {
  const start = at % (text.length + 1);
  const end = Math.min(text.length, start + remove);
  analyser.edited(start, end, insert.length, text.length);
  return text.slice(0, start) + insert + text.slice(end);
}

/**
 * Types the keystrokes into `initial` one by one, analysing after each: `first` sees the analysis
 * before any keystroke, `afterEach` each later one.
 */
function typeEach(
  initial: string, keystrokes: readonly Keystroke[],
  afterEach: (result: IncrementalResult, text: string) => void, first: (result: IncrementalResult) => void = () => undefined,
): void {
  const analyser = new IncrementalAnalyser();
  let text = initial;
  first(analyser.update(text));
  for (const keystroke of keystrokes) {
    text = type(analyser, text, keystroke);
    afterEach(analyser.update(text), text);
  }
}

/** A sample and up to 30 keystrokes into it. */
const typing = fc.tuple(fc.constantFrom(...texts), fc.array(keystroke, { minLength: 1, maxLength: 30 }));

describe('incremental analysis', () => {
  it('applies local edits to the previous model exactly as a fresh analysis reads them', () => {
    let local = 0;
    let total = 0;
    fc.assert(
      fc.property(typing, ([initial, keystrokes]) => {
        typeEach(initial, keystrokes, (result, text) => {
          total++;
          if (result.edit) local++;
          assert.deepStrictEqual(result.note, analyse(text));
        });
      }),
      { numRuns: 150, seed: 20261129 },
    );
    assert.ok(local > total / 2, `only ${local} of ${total} edits were applied locally`);
  });

  it('applies several edits made between two analyses as one', () => {
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.array(fc.array(keystroke, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 10 }), (initial, batches) => {
        const analyser = new IncrementalAnalyser();
        let text = initial;
        analyser.update(text);
        for (const batch of batches) {
          for (const keystroke of batch) text = type(analyser, text, keystroke);
          assert.deepStrictEqual(analyser.update(text).note, analyse(text));
        }
      }),
      { numRuns: 100, seed: 20261131 },
    );
  });

  it('applies a word typed between two analyses locally', () => {
    const seed = texts.find((t) => t.includes('CHN/HR/2025/34'))!;
    const analyser = new IncrementalAnalyser();
    let text = seed;
    analyser.update(text);
    let at = seed.indexOf('China deals with');
    const kinds: string[] = [];
    for (const typed of ['In', 'de', 'ed', ', ']) {
      for (const character of typed) {
        analyser.edited(at, at, 1, text.length);
        text = text.slice(0, at) + character + text.slice(at);
        at++;
      }
      const result = analyser.update(text);
      kinds.push(result.edit ? 'local' : 'full');
      assert.deepStrictEqual(result.note, analyse(text));
    }
    assert.deepStrictEqual(kinds, ['local', 'local', 'local', 'local']);
  });

  it('repairs the outline after a local edit exactly as it is built afresh', () => {
    let repaired = 0;
    let total = 0;
    fc.assert(
      fc.property(typing, ([initial, keystrokes]) => {
        let outline: OutlineItem[] = [];
        typeEach(initial, keystrokes, ({ note, edit }, text) => {
          outline = edit ? repairOutline(outline, note, edit) : outlineOf(note);
          total++;
          if (edit) repaired++;
          assert.deepStrictEqual(outline, outlineOf(analyse(text)));
        }, ({ note }) => {
          outline = outlineOf(note);
        });
      }),
      { numRuns: 100, seed: 20261130 },
    );
    assert.ok(repaired > total / 2, `only ${repaired} of ${total} outlines were repaired`);
  });

  it('equals a fresh analysis after any sequence of edits', () => {
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.array(edit, { minLength: 1, maxLength: 12 }), (initial, edits) => {
        const memo = new AnalysisMemo();
        let text = initial;
        analyse(text, memo);
        for (const { at, remove, insert } of edits) {
          const offset = Math.floor(at * text.length);
          text = text.slice(0, offset) + insert + text.slice(offset + remove);
          assert.deepStrictEqual(analyse(text, memo), analyse(text));
        }
      }),
      { numRuns: 60, seed: 20261128 },
    );
  });

  it('reuses the unchanged blocks', () => {
    const memo = new AnalysisMemo();
    let computed = 0;
    const counting = {
      get: <T>(kind: 'facts' | 'markers', key: string, compute: () => T) => memo.get(kind, key, () => { computed++; return compute(); }),
      endAnalysis: () => memo.endAnalysis(),
    };
    const seed = texts.find((t) => t.includes('CHN/HR/2025/34'))!;
    analyse(seed, counting);
    const first = computed;
    computed = 0;
    const at = seed.indexOf('China deals with');
    analyse(seed.slice(0, at) + 'Indeed, ' + seed.slice(at), counting);
    assert.ok(first > 20, `first analysis computed ${first}`);
    assert.ok(computed <= 2, `a one-paragraph edit recomputed ${computed} entries`);
  });

  it('matches glossary terms again only between the blank lines around a local edit, with the same result', () => {
    const index = GlossaryIndex.build(builtInGlossary());
    let rematched = 0;
    fc.assert(
      fc.property(typing, ([initial, keystrokes]) => {
        let terms: TermMatch[] = [];
        typeEach(initial, keystrokes, ({ note, edit }, text) => {
          const repaired = edit ? termsAfterEdit(index, terms, note, edit) : undefined;
          if (repaired) rematched++;
          terms = repaired ?? index.match(text);
          assert.deepStrictEqual(terms, index.match(text));
        }, ({ note }) => {
          terms = index.match(note.text);
        });
      }),
      { numRuns: 100, seed: 20261201 },
    );
    assert.ok(rematched > 300, `only ${rematched} term lists were repaired`);
  });
});
