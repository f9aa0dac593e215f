/** Folding for matching: one unit in, one unit out, so offsets survive. */
import * as assert from 'node:assert/strict';
import { foldText, foldUnit } from '../../../server/src/core/glossary/fold';
import table from '../../../server/src/core/glossary/data/traditional-to-simplified.json';

describe('glossary folding', () => {
  it('folds traditional Chinese to simplified, character by character', () => {
    assert.equal(foldText('詐騙 電信 網絡 賭博 公安機關 緬北 妙瓦底'), '诈骗 电信 网络 赌博 公安机关 缅北 妙瓦底');
  });

  it('covers the common traditional characters with one-to-one BMP mappings only', () => {
    const pairs = Object.entries(table.map);
    assert.ok(pairs.length >= 2500, `${pairs.length} mappings`);
    for (const [traditional, simplified] of pairs) {
      assert.equal(traditional.length, 1);
      assert.equal(simplified.length, 1);
      assert.notEqual(traditional, simplified);
    }
  });

  it('is idempotent, so that folded forms and folded text always agree', () => {
    for (let code = 0; code < 0x10000; code++) assert.equal(foldUnit(foldUnit(code)), foldUnit(code), code.toString(16));
  });

  it('folds case, width, apostrophes, hyphens and whitespace without changing the length', () => {
    const text = 'ÉTAT Ｍｙａｗａｄｄｙ ＡＬ １２３ State’s non‑refoulement\tline\r\nbreak\u00a0nbsp\u3000ideographic';
    const folded = foldText(text);
    assert.equal(folded.length, text.length);
    assert.equal(folded, "état myawaddy al 123 state's non-refoulement line  break nbsp ideographic");
  });

  it('leaves letters alone whose lower case is longer, and astral characters whole', () => {
    assert.equal(foldText('İ'), 'İ');
    assert.equal(foldText('😀𠀀'), '😀𠀀');
    assert.equal(foldText(''), '');
  });

  it('folds a long text in chunks without overflowing the stack', () => {
    const text = 'A'.repeat(300_000);
    assert.equal(foldText(text), 'a'.repeat(300_000));
  });
});
