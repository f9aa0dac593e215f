/**
 * `npm run bench:scaling`: the scaling guard alone. Each input and each part of the core is timed at
 * n and 2n; above 2.5 times is flagged, and the exit status is 1. Times on a loaded machine are
 * indicative; a ratio is what is judged (see scaling.ts for how noise is kept out of it).
 */
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { alignUnits } from '../server/src/core/align/align';
import { verbatimAnchors } from '../server/src/core/align/anchors';
import { analyse } from '../server/src/core/analyse';
import { runChecks } from '../server/src/core/checks';
import { GlossaryIndex, makePattern } from '../server/src/core/glossary/automaton';
import { completeEntry } from '../server/src/core/glossary/draft';
import { alignVersions, sideOf } from '../server/src/core/noteAlignment';
import { findDates } from '../server/src/core/normalise/dates';
import { findNumbers } from '../server/src/core/normalise/numbers';
import { syntheticPair } from '../test/unit/align/synthetic';
import { fullSizeGlossary, mixedText } from '../test/unit/glossary/fullSize';
import { REPO_ROOT } from '../test/support/serverConnection';
import { loadBundledCore } from './bundle';
import { buildCorpus, readSamples } from './corpus';
import { MAX_SCALING_RATIO, measureComponentScaling, measureScaling, type ScaledComponent } from './scaling';
import { MIB } from './stats';

/** A note of `figures` equal figures a side, aligned: the checks pair every figure with its partner. */
function equalFigures(figures: number): () => void {
  const list = '100 '.repeat(figures);
  const note = analyse(`Figures: ${list}\n\n数字：${list}\n`);
  const [en, zh] = [sideOf(note, 'en'), sideOf(note, 'zh')];
  if (!en || !zh) throw new Error('a note of figures without its two versions');
  const alignment = alignVersions(en, zh);
  return () => runChecks({ alignment, notes: { en: note, zh: note } });
}

const COMPONENTS: readonly ScaledComponent[] = [
  { name: 'alignUnits, synthetic units', size: 1500, prepare: (n) => {
    const { en, zh } = syntheticPair(n);
    return () => alignUnits(en, zh);
  } },
  { name: 'verbatimAnchors, units with references', size: 20_000, prepare: (n) => {
    const zh = Array.from({ length: n }, (_, k) => `来函AL CHN ${k}/2025号。`);
    const en = Array.from({ length: n }, (_, k) => `Communication AL CHN ${k}/2025 was received on time.`);
    return () => verbatimAnchors(en, zh);
  } },
  { name: 'glossary matching, 250 entries, characters', size: 1_000_000, prepare: (n) => {
    const index = GlossaryIndex.build(fullSizeGlossary());
    const text = mixedText(n);
    return () => index.match(text);
  } },
  { name: 'glossary building, 250 entries (copies)', size: 4, prepare: (n) => {
    const entries = Array.from({ length: n }, (_, copy) => fullSizeGlossary().map((e) => ({ ...e, id: `${e.id}-${copy}`, en: e.en.map((f) => `${f} ${copy}`) }))).flat();
    return () => GlossaryIndex.build(entries);
  } },
  { name: 'makePattern, one form, characters', size: 300_000, prepare: (n) => {
    const form = 'Word 词 '.repeat(n / 7);
    return () => makePattern(form);
  } },
  { name: 'completeEntry (id of a form), characters', size: 300_000, prepare: (n) => {
    const form = 'Word 词 '.repeat(n / 7);
    return () => completeEntry({ en: [form], zh: ['词'] }, 'a.glossary.csv');
  } },
  { name: 'findNumbers, English dates after Chinese (repetitions)', size: 8000, prepare: (n) => {
    const text = '第1页\n' + 'On 20 February 2025 the office replied. '.repeat(n);
    return () => findNumbers(text, 0, text.length, 'en');
  } },
  { name: 'findDates, Chinese numerals (repetitions)', size: 20_000, prepare: (n) => {
    const text = '一二三四五六七八九十'.repeat(n) + '2025-02-20';
    return () => findDates(text);
  } },
  { name: 'checks, equal figures a side', size: 20_000, prepare: equalFigures },
];

function verdict(pass: boolean): string {
  return pass ? 'ok     ' : 'FLAGGED';
}

async function main(): Promise<void> {
  const out = path.join(__dirname, 'out');
  mkdirSync(out, { recursive: true });
  console.log(`Scaling guard: t(2n)/t(n) ≤ ${MAX_SCALING_RATIO}, fastest of 5 runs (2 when a run takes over 1 s), ms`);
  const components = measureComponentScaling(COMPONENTS);
  for (const c of components) console.log(`${verdict(c.pass)} ${c.component}: n = ${c.size}, ${c.atN} → ${c.at2N} ms, ×${c.ratio}`);
  const prose = buildCorpus('1 MB', readSamples(path.join(REPO_ROOT, 'samples')), MIB).note;
  const inputs = measureScaling(await loadBundledCore(out), prose);
  for (const s of inputs) {
    console.log(`${verdict(s.pass)} ${s.input} (${s.work === 'outline' ? 'analyse + outline' : 'analyse + outline + align + checks'}): n = ${s.characters} characters, ${s.atN} → ${s.at2N} ms, ×${s.ratio}`);
  }
  const flagged = [...components, ...inputs].filter((r) => !r.pass).length;
  console.log(flagged === 0 ? 'PASS: everything scales linearly' : `FAIL: ${flagged} flagged`);
  if (flagged > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 2;
});
