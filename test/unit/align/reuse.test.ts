/**
 * While the user types inside paragraphs, interactive features reuse the last pairing of paragraphs
 * (core/noteAlignment.ts reuseAlignment): the pairs must then point at the edited note's blocks and
 * spans, and for small edits agree with a fresh alignment. Checks realign after each edit, reading
 * again only the blocks that changed (realignVersions): always equal to a fresh alignment.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { IncrementalAnalyser } from '../../../server/src/core/incremental';
import { alignVersions, realignVersions, reuseAlignment, sideOf, type NoteAlignment, type VersionSide } from '../../../server/src/core/noteAlignment';
import type { Note } from '../../../server/src/core/model';

const SEED = readFileSync(path.resolve(__dirname, '..', '..', '..', 'samples', 'ohchr-reply-al-chn-4-2025.note'), 'utf8');

function sides(note: Note): [VersionSide, VersionSide] {
  const en = sideOf(note, 'en');
  const zh = sideOf(note, 'zh');
  assert.ok(en && zh, 'the seed holds both versions');
  return [en, zh];
}

/** What a reader of the alignment sees: the text of each side of each pair, and the sentence pairs. */
function readable(alignment: NoteAlignment): string[] {
  const text = alignment.en.text;
  const show = (spans: readonly { start: number; end: number }[]) => spans.map((s) => text.slice(s.start, s.end)).join(' / ');
  return alignment.paragraphs.flatMap((pair) => [
    `${show(pair.en)} <> ${show(pair.zh)}`,
    ...pair.sentences.map((sentence) => `  ${show(sentence.en)} <> ${show(sentence.zh)}`),
  ]);
}

describe('reusing the pairing of paragraphs after local edits', () => {
  it('lays the previous pairing on the edited note, equal to a fresh alignment for a few words typed', () => {
    const analyser = new IncrementalAnalyser();
    let text = SEED;
    const first = analyser.update(text).note;
    let alignment = alignVersions(...sides(first));
    readable(alignment); // sentences made before the edit must not survive it
    const places = ['China deals with', '中方依法', 'spared no effort'];
    for (const place of places) {
      const at = text.indexOf(place);
      assert.ok(at > 0, place);
      analyser.edited(at, at, 'indeed '.length, text.length);
      text = text.slice(0, at) + 'indeed ' + text.slice(at);
      const { note, edit } = analyser.update(text);
      assert.ok(edit, `typing before "${place}" is a local edit`);
      const reused = reuseAlignment(alignment, ...sides(note));
      assert.ok(reused);
      assert.deepStrictEqual(readable(reused), readable(alignVersions(...sides(note))));
      alignment = reused;
    }
  });

  it('declines when the sides no longer have the same blocks', () => {
    const note = new IncrementalAnalyser().update(SEED).note;
    const alignment = alignVersions(...sides(note));
    const [en, zh] = sides(note);
    assert.equal(reuseAlignment(alignment, { ...en, blocks: en.blocks.slice(1) }, zh), undefined);
  });
});

/** Everything an alignment says, spans and confidences included. */
function exact(alignment: NoteAlignment): unknown {
  return {
    beads: alignment.beads,
    paragraphs: alignment.paragraphs.map((pair) => ({ en: pair.en, zh: pair.zh, confidence: pair.confidence, sentences: pair.sentences })),
  };
}

describe('realigning after edits', () => {
  /** Edits of every kind: inside a word, a figure changed, a paragraph cut in two, one removed, a whole line typed. */
  const EDITS: ReadonlyArray<{ find: string; replace: string }> = [
    { find: 'China deals with', replace: 'China indeed deals with' },
    { find: '中方依法', replace: '中方始终依法' },
    { find: '2025', replace: '2026' },
    { find: 'spared no effort', replace: 'spared no effort.\n\nIt' },
    { find: '\n\n', replace: '\n' },
    { find: 'The', replace: 'First, the' },
  ];

  it('equals a fresh alignment after each edit, whether sentences were made before or not', () => {
    const analyser = new IncrementalAnalyser();
    let text = SEED;
    let alignment = alignVersions(...sides(analyser.update(text).note));
    EDITS.forEach(({ find, replace }, k) => {
      if (k % 2 === 0) readable(alignment);
      const at = text.indexOf(find);
      assert.ok(at >= 0, find);
      analyser.edited(at, at + find.length, replace.length, text.length);
      text = text.slice(0, at) + replace + text.slice(at + find.length);
      const note = analyser.update(text).note;
      const realigned = realignVersions(alignment, ...sides(note));
      assert.deepStrictEqual(exact(realigned), exact(alignVersions(...sides(note))), `after replacing "${find}"`);
      alignment = k % 3 === 2 ? reuseAlignment(realigned, ...sides(note)) ?? realigned : realigned;
    });
  });

  it('takes over the sentence pairs of the paragraphs an edit did not touch', () => {
    const analyser = new IncrementalAnalyser();
    const before = alignVersions(...sides(analyser.update(SEED).note));
    readable(before);
    // In the last Chinese sentence: the pairs before it stand where they stood.
    const at = SEED.lastIndexOf('。');
    analyser.edited(at, at, 1, SEED.length);
    const text = SEED.slice(0, at) + '了' + SEED.slice(at);
    const after = realignVersions(before, ...sides(analyser.update(text).note));
    const untouched = after.paragraphs.filter((pair) => [...pair.en, ...pair.zh].every((span) => span.end < at) && pair.sentences.length > 0);
    assert.ok(untouched.length > 2);
    for (const pair of untouched) assert.ok(before.paragraphs.some((old) => old.sentences === pair.sentences), 'the same sentence pairs, not made again');
  });
});
