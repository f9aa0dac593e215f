/**
 * The cheap looks before costly patterns (a clue every match contains) must never turn a match away:
 * each case below is one the full pattern matches only through what the look has to allow for
 * (another letter case, `ſ` folding to `s`, a clause before the formula, a word split across a line).
 */
import * as assert from 'node:assert/strict';
import { FORMULAS, findFormula } from '../../../server/src/core/recognise/formulas';
import { findLetterheadFields } from '../../../server/src/core/recognise/letterhead';
import { findPoints, PointSequence } from '../../../server/src/core/recognise/points';

const labels = (line: string) => findLetterheadFields(line, { start: 0, end: line.length }).map((field) => field.label);

describe('cheap looks before costly patterns', () => {
  it('finds formulas after a clause and in capitals', () => {
    assert.equal(findFormula('ON THE OCCASION OF THE NATIONAL DAY, WE HAVE THE HONOR TO CONVEY', 'opening')?.id, 'honour-to');
    assert.equal(findFormula('值此新年之际，我谨向阁下致以诚挚的问候。', 'opening')?.id, 'wo-jin');
    assert.equal(findFormula('值此新年之际，本人荣幸地通知如下。', 'opening')?.id, 'wo-jin');
    assert.equal(findFormula('中华人民共和国常驻联合国日内瓦办事处向联合国人权事务高级专员办事处致意，', 'opening')?.id, 'zhi-yi');
    assert.equal(findFormula('常驻团借此机会向高专办致以崇高的敬意。', 'closing')?.id, 'shun-zhi');
    assert.equal(findFormula('顺致崇高敬意。', 'closing')?.id, 'shun-zhi');
  });

  it('writes every variant so that one search of all of a role\'s variants, ignoring case, means what each does', () => {
    // Another flag (`m`, `s`, `u`) would change what `^`, `.` or a class means inside the one search.
    for (const formula of FORMULAS) {
      for (const pattern of formula.patterns) assert.match(pattern.flags, /^i?$/, `${formula.id}: ${pattern.source}`);
      if (formula.language === 'zh') for (const pattern of formula.patterns) assert.doesNotMatch(pattern.source, /[A-Za-z](?<!\\[su])/, `${formula.id}: letters would fold`);
    }
  });

  it('finds no formula where only the clue stands', () => {
    assert.equal(findFormula('Further, the honour guard was present, as noted.', 'opening'), undefined);
    assert.equal(findFormula('我们对此表示敬意。', 'closing'), undefined);
  });

  it('reads contact labels in any case, with a long s folded as the label pattern folds it', () => {
    assert.deepEqual(labels('ADDREſS: 10 Chemin du Jonc'), ['address']);
    assert.deepEqual(labels('TELEPHONE +41 22 000 00 00 FAX +41 22 000 00 01'), ['tel', 'fax']);
    assert.deepEqual(labels('E-Mail: mission@example.org  Website: example.org'), ['email', 'website']);
    assert.deepEqual(labels('电话：010-0000 0000　传真：010-0000 0001'), ['tel', 'fax']);
    assert.deepEqual(labels('10 Chemin du Jonc'), ['address']);
    assert.deepEqual(labels('Permanent Mission of Ruritania'), []);
  });

  it('passes over whole words but still reads the ordinal words that start one', () => {
    const text = 'The Mission notes: firstly, it acts; secondly, it reports. Firstlyx, nothing; Unfirstly, nothing.';
    const points = findPoints(text, [{ start: 0, end: text.length }], 0, 'en', PointSequence.start());
    assert.deepEqual(points.map((point) => point.markerText), ['firstly', 'secondly']);
  });
});
