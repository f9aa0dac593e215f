/** The consistency checks on the seeded fixtures, the consistent note and every sample. */
import { format } from '../../../server/src/core/messages';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyse } from '../../../server/src/core/analyse';
import { checkAlone, readChecksSettings, runChecks, type ChecksSettings, type Finding } from '../../../server/src/core/checks';
import { termsFromGlossary } from '../../../server/src/core/checks/glossaryTerms';
import { GlossaryIndex } from '../../../server/src/core/glossary';
import { builtInGlossary } from '../../../server/src/core/glossary/builtIn';
import type { Note } from '../../../server/src/core/model';
import { alignVersions, sideOf } from '../../../server/src/core/noteAlignment';
import { lineOfOffset } from '../../../server/src/core/text/lines';

const ROOT = path.join(__dirname, '..', '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'checks');

const TERMS = termsFromGlossary(GlossaryIndex.build([
  { id: 'trafficking', category: 'crime', en: ['human trafficking', 'trafficking in persons'], zh: ['人口贩运', '人员贩运'], origin: 'test' },
  { id: 'telecom-fraud', category: 'crime', en: ['telecommunications fraud', 'telecom fraud'], zh: ['电信诈骗', '电诈'], origin: 'test' },
]));

function notePair(text: string): { note: Note; run: (settings?: ChecksSettings) => Finding[] } {
  const note = analyse(text);
  const en = sideOf(note, 'en');
  const zh = sideOf(note, 'zh');
  if (!en || !zh || note.versions.length < 2) return { note, run: (settings) => checkAlone(note, settings) };
  const alignment = alignVersions(en, zh);
  return { note, run: (settings) => runChecks({ alignment, notes: { en: note, zh: note }, termsIn: TERMS }, settings) };
}

/** `code side line:col "text"`, with 1-based line and column as the fixtures' README gives them. */
function describe1(note: Note, finding: Finding): string {
  const line = lineOfOffset(note.lineStarts, finding.span.start);
  const text = note.text.slice(finding.span.start, Math.min(finding.span.end, finding.span.start + 20));
  return `${finding.code} ${finding.side} ${line + 1}:${finding.span.start - note.lineStarts[line] + 1} ${text}`;
}

function findingsOf(file: string, settings?: ChecksSettings): string[] {
  const { note, run } = notePair(readFileSync(path.join(FIXTURES, file), 'utf8'));
  return run(settings).map((f) => describe1(note, f));
}

describe('consistency checks: seeded fixtures', () => {
  it('number-mismatch: 5,415 against 5451, flagged on both sides', () => {
    assert.deepEqual(findingsOf('number-mismatch.note'), [
      'number-mismatch en 5:206 5,415',
      'number-mismatch zh 15:53 5451',
    ]);
  });

  it('date-mismatch: 15 March 2024 against 2024年3月16日', () => {
    assert.deepEqual(findingsOf('date-mismatch.note'), [
      'date-mismatch en 5:4 15 March 2024',
      'date-mismatch zh 15:1 2024年3月16日',
    ]);
  });

  it('point-missing: the English Third has no 三是', () => {
    assert.deepEqual(findingsOf('missing-point.note'), ['point-missing en 9:309 Third,']);
  });

  it('paragraph-unpaired: English paragraph 3 has no Chinese counterpart', () => {
    assert.deepEqual(findingsOf('missing-paragraph.note'), ['paragraph-unpaired en 7:1 The persons concerne']);
  });

  it('reference-missing: AL CHN 6/2024 cited in English only, pointing at the Chinese first paragraph', () => {
    const { note, run } = notePair(readFileSync(path.join(FIXTURES, 'missing-reference.note'), 'utf8'));
    const findings = run();
    assert.deepEqual(findings.map((f) => describe1(note, f)), ['reference-missing en 3:52 AL CHN 6/2024']);
    assert.deepEqual(findings[0].related.map((r) => [r.side, note.lineStarts.indexOf(r.span.start) + 1]), [['zh', 13]]);
  });

  it('term-missing: human trafficking with neither 人口贩运 nor 人员贩运 in the aligned paragraph', () => {
    const findings = findingsOf('term-missing.note');
    assert.deepEqual(findings, ['term-missing en 9:103 human trafficking']);
  });

  it('consistent.note: no finding at all (date without year, 3万, 数万, four, 1200余, 人员贩运)', () => {
    assert.deepEqual(findingsOf('consistent.note'), []);
  });

  it('each seeded file is a negative case for every other check', () => {
    const seeded = ['number-mismatch', 'date-mismatch', 'missing-point', 'missing-paragraph', 'missing-reference', 'term-missing'];
    const codes = seeded.map((file) => new Set(findingsOf(`${file}.note`).map((f) => f.split(' ')[0])).size);
    assert.deepEqual(codes, [1, 1, 1, 1, 1, 1]);
  });
});

describe('consistency checks: samples', () => {
  const samples = ['annotated.note', 'first-person-letter.note', 'note-verbale-annex.note', 'ohchr-reply-al-chn-4-2025.note',
    'pdf-artefacts.note', 'reply-zh-first.note', 'visa-request.en.note', 'visa-request.zh.note'];
  for (const sample of samples) {
    it(`${sample}: no finding`, () => {
      const { run } = notePair(readFileSync(path.join(ROOT, 'samples', sample), 'utf8'));
      assert.deepEqual(run(), []);
    });
  }

  it('the two-file visa request (date range 23 to 29 June 2025 ↔ 2025年6月23日至29日, numbered paragraphs): no finding', () => {
    const en = analyse(readFileSync(path.join(ROOT, 'samples', 'visa-request.en.note'), 'utf8'));
    const zh = analyse(readFileSync(path.join(ROOT, 'samples', 'visa-request.zh.note'), 'utf8'));
    const alignment = alignVersions(sideOf(en, 'en')!, sideOf(zh, 'zh')!); // both sides exist: asserted by the sample's own test
    assert.deepEqual(runChecks({ alignment, notes: { en, zh }, termsIn: TERMS }), []);
  });
});

describe('consistency checks: the built-in glossary', () => {
  it('raises no term finding on the reference note: only the user\'s own glossary entries are held to', () => {
    const note = analyse(readFileSync(path.join(ROOT, 'samples', 'ohchr-reply-al-chn-4-2025.note'), 'utf8'));
    const termsIn = termsFromGlossary(GlossaryIndex.build(builtInGlossary()));
    const alignment = alignVersions(sideOf(note, 'en')!, sideOf(note, 'zh')!); // the note holds both versions
    assert.deepEqual(runChecks({ alignment, notes: { en: note, zh: note }, termsIn }), []);
    const everyEntry = termsFromGlossary(GlossaryIndex.build(builtInGlossary()), () => true);
    assert.ok(runChecks({ alignment, notes: { en: note, zh: note }, termsIn: everyEntry }).length > 0);
  });
});

describe('consistency checks: settings and suppression', () => {
  const mismatch = readFileSync(path.join(FIXTURES, 'number-mismatch.note'), 'utf8');

  it('a check set to off disappears; a severity setting replaces the default', () => {
    assert.deepEqual(findingsOf('number-mismatch.note', { 'number-mismatch': 'off' }), []);
    const { run } = notePair(mismatch);
    assert.deepEqual(run({ 'number-mismatch': 'error' }).map((f) => f.severity), ['error', 'error']);
    assert.deepEqual(run().map((f) => f.severity), ['warning', 'warning']);
  });

  it('%% diplonote-ignore under the Chinese paragraph silences the pair on both sides, and only that code', () => {
    const lines = mismatch.split('\n');
    lines.splice(15, 0, '%% diplonote-ignore number-mismatch');
    assert.deepEqual(notePair(lines.join('\n')).run(), []);
    lines[15] = '%% diplonote-ignore date-mismatch';
    assert.equal(notePair(lines.join('\n')).run().length, 2);
  });

  it('reads diplonote.checks, keeping the default and saying why on a wrong value', () => {
    const read = readChecksSettings({ 'number-mismatch': 'hint', 'term-missing': 'loud', bogus: 'off' });
    assert.deepEqual({ settings: read.settings, problems: read.problems.map((problem) => format('en', problem)) }, {
      settings: { 'number-mismatch': 'hint' },
      problems: [
        'diplonote.checks.term-missing must be one of off, hint, information, warning, error; the default (information) is used.',
        'diplonote.checks.bogus is not a known check; it is ignored.',
      ],
    });
    assert.deepEqual(readChecksSettings(42).settings, {});
  });
});

describe('consistency checks: a note on its own', () => {
  it('reference-malformed: a two-letter country or a two-digit year; a well-formed reference passes', () => {
    const { note, run } = notePair('The Government has received communication AL CN 6/2024 and UA CHN 3/24.\n\nIt refers to AL CHN 4/2025.\n');
    assert.deepEqual(run().map((f) => describe1(note, f)), ['reference-malformed en 1:43 AL CN 6/2024', 'reference-malformed en 1:60 UA CHN 3/24']);
  });

  it('closing-missing: an opening formula without the closing one, and not when both are there', () => {
    const opening = 'The Permanent Mission of China presents its compliments to the Office of the High Commissioner and has the honour to inform it of the following.';
    const closing = 'The Permanent Mission of China avails itself of this opportunity to renew to the Office the assurances of its highest consideration.';
    const open = notePair(`${opening}\n\nThe delegation will arrive on 5 June.\n`);
    assert.deepEqual(open.run().map((f) => [f.code, f.severity, f.span.start]), [['closing-missing', 'information', 0]]);
    assert.deepEqual(notePair(`${opening}\n\nThe delegation will arrive on 5 June.\n\n${closing}\n`).run(), []);
  });

  it('never throws on hostile text', () => {
    for (const text of ['', '\ufeff', '\r\n\r\n', '\ud800AL CHN 1/', 'AL '.repeat(5000), '1 to '.repeat(3000) + '2 June 2025', '2025年6月1日至'.repeat(2000)]) {
      assert.ok(Array.isArray(notePair(text).run()));
    }
  });
});
