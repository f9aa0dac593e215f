/** *.glossary.csv and *.glossary.tsv: headers, RFC 4180 quoting, BOM and CRLF, broken quoting. */
import * as assert from 'node:assert/strict';
import { parseCsvGlossary, parseTsvGlossary } from '../../../server/src/core/glossary/loadDelimited';
import { fixture } from './helpers';

const where = (result: { problems: { line: number; character: number }[] }) => result.problems.map((p) => `${p.line}:${p.character}`);

describe('CSV and TSV glossary loader', () => {
  it('loads a CSV with a BOM, CRLF, English/Chinese headers and several forms per cell', () => {
    const result = parseCsvGlossary(fixture('good.glossary.csv'), 'good.glossary.csv');
    assert.deepEqual(result.entries[0], {
      id: 'telecommunications-fraud',
      category: 'crime',
      en: ['telecommunications fraud', 'telecom fraud'],
      zh: ['电信诈骗', '电诈'],
      definition: { en: 'Fraud carried out remotely.', zh: '远程实施的诈骗。' },
      source: 'PRC Criminal Law art. 266',
      origin: 'good.glossary.csv',
    });
    assert.deepEqual(result.entries.map((e) => e.id), ['telecommunications-fraud', 'scam-compound']);
    // The blank row is skipped silently; the row without Chinese is reported at its line.
    assert.deepEqual(where(result), ['4:0']);
    assert.match(result.problems[0].message, /no Chinese form/);
  });

  it('reads doubled quotes, delimiters inside quotes and quoted fields spanning lines', () => {
    const result = parseCsvGlossary(fixture('quotes.glossary.csv'), 'quotes.glossary.csv');
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.entries.map((e) => [e.en[0], e.zh[0], e.definition?.en, e.note]), [
      ['public security organs', '公安机关', 'The police, in PRC usage "public security".', undefined],
      ['human trafficking', '人口贩运', 'Recruiting or moving people by force or deception, for exploitation.', { zh: 'Prefer 人口贩运 to 人员贩运' }],
      ['escort, under custody', '押解', undefined, { en: 'Not "repatriate"' }],
    ]);
  });

  it('reports broken quoting where the quote opened and loads the lines after it', () => {
    const result = parseCsvGlossary(fixture('broken-quote.glossary.csv'), 'broken-quote.glossary.csv');
    assert.deepEqual(where(result), ['2:24', '4:9']);
    assert.match(result.problems[0].message, /Broken quoting/);
    assert.deepEqual(result.entries.map((e) => e.en[0]), ['extortion', 'unlawful detention', 'intentional homicide']);
  });

  it('reports a quote left open at the end of the file', () => {
    const result = parseCsvGlossary('en,zh\r\nfraud,诈骗\r\n"gambling,赌博\r\n', 'a.glossary.csv');
    assert.deepEqual(where(result), ['2:0']);
    assert.deepEqual(result.entries.map((e) => e.en[0]), ['fraud']);
  });

  it('loads a TSV with en-US and zh-Hans headers and forms separated by a bar', () => {
    const result = parseTsvGlossary(fixture('good.glossary.tsv'), 'good.glossary.tsv');
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.entries.map((e) => [e.en, e.zh, e.category]), [
      [['note verbale'], ['普通照会'], 'document'],
      [['formal note'], ['正式照会'], 'document'],
      [['has the honour to', 'has the honor to'], ['谨'], 'formula'],
    ]);
  });

  it('requires a header naming both languages, and warns about unknown columns', () => {
    const noChinese = parseCsvGlossary('en,category\nfraud,crime\n', 'a.glossary.csv');
    assert.deepEqual([where(noChinese), noChinese.entries.length], [['0:0'], 0]);
    const unknown = parseCsvGlossary('EN,ZH,Colour\nfraud,诈骗,red\n', 'a.glossary.csv');
    assert.deepEqual(unknown.problems.map((p) => `${p.line}:${p.character} ${p.severity}`), ['0:6 warning']);
    assert.equal(unknown.entries.length, 1);
    assert.deepEqual(where(parseCsvGlossary('', 'a.glossary.csv')), ['0:0']);
  });

  it('lists at most 100 problems, then says there are more', () => {
    const result = parseCsvGlossary('en,zh\n' + 'a,"b\n'.repeat(500), 'a.glossary.csv');
    assert.equal(result.problems.length, 101);
    assert.deepEqual([result.problems[99].line, result.problems[100].severity], [100, 'warning']);
    assert.match(result.problems[100].message, /More than 100 problems/);
  });

  it('never throws, and stays linear on pathological quoting', () => {
    for (const text of ['"', '""', '\uFEFF', '\r', 'en,zh\n' + '"'.repeat(100_001), 'en,zh\n' + 'a,"b\n'.repeat(20_000)]) {
      const result = parseCsvGlossary(text, 'x.glossary.csv');
      assert.ok(Array.isArray(result.entries) && Array.isArray(result.problems));
    }
  });

  it('reads a column named after an Object member (constructor, __proto__, toString…) as an unknown column', () => {
    const members = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf'];
    for (const name of members) {
      for (const [parse, delimiter] of [[parseCsvGlossary, ','], [parseTsvGlossary, '\t']] as const) {
        const result = parse(['en', 'zh', name].join(delimiter) + '\nfraud' + delimiter + '诈骗' + delimiter + 'x\n', 'a.glossary.csv');
        assert.deepEqual(result.entries.map((e) => [e.en, e.zh]), [[['fraud'], ['诈骗']]], name);
        assert.deepEqual(result.problems.map((p) => `${p.line}:${p.character} ${p.severity} ${p.message}`), [`0:6 warning Unknown column "${name}"; it is ignored.`], name);
      }
    }
  });

  it('reports a runaway quoted field (a misplaced quote pair) at the line where it opens, and reads on from the next line', () => {
    let rows = 'en,zh\n"fraud,诈骗\n';
    while (rows.length < 730_000) rows += 'human trafficking,人口贩运\n';
    rows += 'extortion",敲诈勒索\nunlawful detention,非法拘禁\n';
    const result = parseCsvGlossary(rows, 'a.glossary.csv', Infinity);
    assert.equal(result.problems[0].line, 1);
    assert.match(result.problems[0].message, /runs on for more than 10000 characters/);
    // The lines the field swallowed are read as rows again.
    assert.equal(result.entries[0].en[0], 'human trafficking');
    assert.equal(result.entries[result.entries.length - 1].en[0], 'unlawful detention');
  });

  it('skips a row whose form is longer than a term can be, with a problem at its cell', () => {
    const long = 'word '.repeat(100).trim();
    const result = parseCsvGlossary(`en,zh\nfraud,诈骗\nextortion;${long},敲诈勒索\n`, 'a.glossary.csv');
    assert.deepEqual(result.entries.map((e) => e.en[0]), ['fraud']);
    assert.deepEqual(where(result), ['2:0']);
    assert.match(result.problems[0].message, /English form of 499 characters is longer than the limit of 300/);
  });
});
