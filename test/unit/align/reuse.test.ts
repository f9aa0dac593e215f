/**
 * While the user types inside paragraphs, interactive features reuse the last pairing of paragraphs
 * (core/noteAlignment.ts reuseAlignment): the pairs must then point at the edited note's blocks and
 * spans, and for small edits agree with a fresh alignment.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { IncrementalAnalyser } from '../../../server/src/core/incremental';
import { alignVersions, reuseAlignment, sideOf, type NoteAlignment, type VersionSide } from '../../../server/src/core/noteAlignment';
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
