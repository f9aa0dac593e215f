/** reference-malformed on the note's own reference: its shape, and the same reference everywhere. */
import * as assert from 'node:assert/strict';
import { analyse } from '../../../server/src/core/analyse';
import { checkAlone, runChecks, type Finding } from '../../../server/src/core/checks';
import type { Note } from '../../../server/src/core/model';
import { alignVersions, sideOf } from '../../../server/src/core/noteAlignment';

const EN_BODY = 'The Permanent Mission of China presents its compliments to the Office of the High Commissioner and has the honour '
  + 'to inform it that the delegation will arrive on 5 June 2025.\n\nThe Permanent Mission of China avails itself of this '
  + 'opportunity to renew to the Office the assurances of its highest consideration.\n';
const ZH_BODY = '中国常驻代表团向人权高专办致意，并谨通知，代表团将于2025年6月5日抵达。\n\n中国常驻代表团顺此机会向人权高专办再次致以崇高的敬意。\n';

/** Each finding as `side "text under the span": message`. */
function shown(note: Note, findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.side} "${note.text.slice(f.span.start, f.span.end)}": ${f.message}`);
}

function alone(header: string): string[] {
  const note = analyse(`${header}\n\n${EN_BODY}`);
  return shown(note, checkAlone(note));
}

function twoFiles(enHeader: string, zhHeader: string): { en: string[]; zh: string[] } {
  const en = analyse(`${enHeader}\n\n${EN_BODY}`);
  const zh = analyse(`${zhHeader}\n\n${ZH_BODY}`);
  const alignment = alignVersions(sideOf(en, 'en')!, sideOf(zh, 'zh')!); // each file is in one language
  const findings = runChecks({ alignment, notes: { en, zh } });
  return { en: shown(en, findings.filter((f) => f.side === 'en')), zh: shown(zh, findings.filter((f) => f.side === 'zh')) };
}

describe('reference-malformed: the note\'s own reference', () => {
  it('names an empty part between two separators, and one left at the end', () => {
    assert.deepEqual(alone('Ref.: CHN//2025/34'), ['en "//": The note\'s own reference "CHN//2025/34" has an empty part after "CHN".']);
    assert.deepEqual(alone('Ref.: CHN/HR-2025/34/'), ['en "/": The note\'s own reference "CHN/HR-2025/34/" has an empty part after "CHN/HR-2025/34".']);
  });

  it('names a year outside 1900–2099, in a slashed reference and in a Chinese document number', () => {
    assert.deepEqual(alone('CHN/HR/2205/34'), ['en "2205": The year 2205 in the note\'s own reference "CHN/HR/2205/34" is not a year from 1900 to 2099.']);
    assert.deepEqual(alone('(2205)领字第45号'), ['en "2205": The year 2205 in the note\'s own reference "(2205)领字第45号" is not a year from 1900 to 2099.']);
  });

  it('names a country code with two letters swapped', () => {
    assert.deepEqual(alone('CNH/HR/2025/34'), ['en "CNH": "CNH" in the note\'s own reference "CNH/HR/2025/34" is not a country code; CHN was probably meant.']);
  });

  it('stays silent on references of the usual shapes, including codes of States the country table does not list', () => {
    for (const header of ['CHN/HR/2025/34', 'Ref.: KAZ/GVA/HR/2025/118', 'No. 2025/GVA-217', 'NOR/GVA/2025/12', 'IRL/HR/2024/7',
      'CHN/HR/3456', '（2025）领字第45号', 'Ref.: CHN/HR/2025/34.', 'Our ref.: Letter of 5 June']) {
      assert.deepEqual(alone(header), [], header);
    }
  });

  it('compares the front matter\'s reference with the text\'s, quotes and width aside', () => {
    const differing = analyse(`---\nreference: "CHN/HR/2025/34"\n---\nCHN/HR/2025/35\n\n${EN_BODY}`);
    const message = 'The note\'s own reference differs: "CHN/HR/2025/34" in the front matter, "CHN/HR/2025/35" in the text.';
    assert.deepEqual(shown(differing, checkAlone(differing)), [`en "CHN/HR/2025/34": ${message}`, `en "CHN/HR/2025/35": ${message}`]);
    const same = analyse(`---\nreference: chn/hr/2025/34\n---\nＣＨＮ/HR/2025/34\n\n${EN_BODY}`);
    assert.deepEqual(checkAlone(same), []);
  });

  it('compares the references of the two files of a note, each finding pointing at the other file', () => {
    const message = 'The note\'s own reference differs: "CHN/HR/2025/34" in the English file, "CHN/HR/2025/35" in the Chinese file.';
    assert.deepEqual(twoFiles('Ref.: CHN/HR/2025/34', '编号：CHN/HR/2025/35'), { en: [`en "CHN/HR/2025/34": ${message}`], zh: [`zh "CHN/HR/2025/35": ${message}`] });
    assert.deepEqual(twoFiles('(2025)领字第45号', '（2025）领字第45号'), { en: [], zh: [] });
  });

  it('never throws on hostile references', () => {
    for (const header of ['Ref.: /', 'Ref.: //', 'Ref.: ' + '/'.repeat(90), 'Ref.: CHN/\ud800/2025', '编号：(0000)', 'Ref.: A.' + 'B-'.repeat(40)]) {
      assert.ok(Array.isArray(alone(header)), header);
    }
  });
});
