/**
 * Scores the core sentence aligner on an EN–ZH gold set laid out as in the Bertalign Bible benchmark:
 * `en.txt`, `zh.txt` (one sentence a line), `gold.align` (`[i,j]:[k]` beads), `en.verse`, `zh.verse`.
 *
 *   npm run eval:align -- <folder>
 *
 * Prints strict and lax precision/recall/F1 (the published scoring: test beads inside one verse on both
 * sides are merged first, as the gold beads are verses) and the time taken. The data stay outside
 * the project; the folder is an argument.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { alignUnits, AlignUnit, Bead } from '../server/src/core/align/align';
import { dateAnchors, numberAnchors } from '../server/src/core/align/anchors';
import { TextLanguage } from '../server/src/core/normalise/numbers';

interface GoldBead {
  readonly en: readonly number[];
  readonly zh: readonly number[];
}

function readLines(folder: string, name: string): string[] {
  const lines = readFileSync(join(folder, name), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function parseIndexList(text: string): number[] {
  const inner = text.trim().replace(/^\[/, '').replace(/\]$/, '').trim();
  return inner === '' ? [] : inner.split(',').map((part) => Number(part.trim()));
}

function readGold(folder: string): GoldBead[] {
  return readLines(folder, 'gold.align').filter((line) => line.includes(':')).map((line) => {
    const [en = '', zh = ''] = line.split(':');
    return { en: parseIndexList(en), zh: parseIndexList(zh) };
  });
}

function unitsOf(lines: readonly string[], lang: TextLanguage): AlignUnit[] {
  return lines.map((line) => {
    const text = line.trim();
    return { text, length: text.length, anchors: [...numberAnchors(text, 0, text.length, lang), ...dateAnchors(text, 0, text.length)] };
  });
}

/** The one verse all of a bead's sentences belong to, or undefined. */
function verseOf(bead: GoldBead, enVerses: readonly string[], zhVerses: readonly string[]): string | undefined {
  const verses = new Set([...bead.en.map((k) => enVerses[k]), ...bead.zh.map((k) => zhVerses[k])]);
  return verses.size === 1 ? [...verses][0] : undefined;
}

/** Merges consecutive beads whose sentences all belong to one and the same verse on both sides. */
function mergeWithinVerses(beads: readonly GoldBead[], enVerses: readonly string[], zhVerses: readonly string[]): GoldBead[] {
  const merged: { en: number[]; zh: number[]; verse: string | undefined }[] = [];
  for (const bead of beads) {
    const verse = verseOf(bead, enVerses, zhVerses);
    const last = merged[merged.length - 1];
    if (last && verse !== undefined && last.verse === verse) {
      last.en.push(...bead.en);
      last.zh.push(...bead.zh);
    } else {
      merged.push({ en: [...bead.en], zh: [...bead.zh], verse });
    }
  }
  return merged;
}

interface Scores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

function scores(correctTest: number, testCount: number, correctGold: number, goldCount: number): Scores {
  const precision = testCount > 0 ? correctTest / testCount : 0;
  const recall = goldCount > 0 ? correctGold / goldCount : 0;
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}

function beadKey(bead: GoldBead): string {
  return `${bead.en.join(',')}:${bead.zh.join(',')}`;
}

function overlaps(a: GoldBead, b: GoldBead): boolean {
  return a.en.some((k) => b.en.includes(k)) && a.zh.some((k) => b.zh.includes(k));
}

/** Strict: identical beads. Lax: a test bead overlapping some gold bead on both sides (and vice versa for recall). */
function score(test: readonly GoldBead[], gold: readonly GoldBead[]): { strict: Scores; lax: Scores } {
  const nonEmpty = (bead: GoldBead): boolean => bead.en.length + bead.zh.length > 0;
  const testBeads = test.filter(nonEmpty);
  const goldBeads = gold.filter(nonEmpty);
  const goldKeys = new Set(goldBeads.map(beadKey));
  const strictCorrect = testBeads.filter((bead) => goldKeys.has(beadKey(bead))).length;
  const goldByEn = new Map<number, GoldBead[]>();
  for (const bead of goldBeads) for (const k of bead.en) goldByEn.set(k, [...(goldByEn.get(k) ?? []), bead]);
  const testByEn = new Map<number, GoldBead[]>();
  for (const bead of testBeads) for (const k of bead.en) testByEn.set(k, [...(testByEn.get(k) ?? []), bead]);
  const hasPartner = (bead: GoldBead, index: Map<number, GoldBead[]>): boolean =>
    bead.en.some((k) => (index.get(k) ?? []).some((other) => overlaps(bead, other)));
  return {
    strict: scores(strictCorrect, testBeads.length, strictCorrect, goldBeads.length),
    lax: scores(testBeads.filter((b) => hasPartner(b, goldByEn)).length, testBeads.length,
      goldBeads.filter((b) => hasPartner(b, testByEn)).length, goldBeads.length),
  };
}

function format(name: string, s: Scores): string {
  return `${name.padEnd(7)} P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}`;
}

function main(): void {
  const folder = process.argv[2];
  if (!folder) {
    console.error('usage: npm run eval:align -- <folder with en.txt zh.txt gold.align en.verse zh.verse>');
    process.exit(2);
  }
  const enLines = readLines(folder, 'en.txt');
  const zhLines = readLines(folder, 'zh.txt');
  const gold = readGold(folder);
  const enVerses = readLines(folder, 'en.verse');
  const zhVerses = readLines(folder, 'zh.verse');
  const started = performance.now();
  const enUnits = unitsOf(enLines, 'en');
  const zhUnits = unitsOf(zhLines, 'zh');
  const anchored = performance.now();
  const beads: Bead[] = alignUnits(enUnits, zhUnits);
  const elapsed = performance.now() - started;
  console.log(`anchors ${((anchored - started) / 1000).toFixed(3)} s`);
  const result = score(mergeWithinVerses(beads, enVerses, zhVerses), gold);
  console.log(`${enLines.length} English and ${zhLines.length} Chinese sentences, ${gold.length} gold beads`);
  console.log(format('strict', result.strict));
  console.log(format('lax', result.lax));
  console.log(`time    ${(elapsed / 1000).toFixed(3)} s (units, anchors and alignment; file reading excluded)`);
}

main();
