/**
 * The pure core alone, in this process: structure (`analyse`), outline, glossary matching and
 * alignment, each as a median time and MB/s of UTF-8; the same text through the floor (one regular
 * expression per line) and through the peer (Markdown document symbols) for the ratios.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { GlossaryIndex } from '../server/src/core/glossary';
import type { Core } from './bundle';
import type { Corpus } from './corpus';
import { seededRandom } from './corpus';
import { MarkdownPeer } from './markdownPeer';
import { round, summarise, throughput, timeRuns, timeRunsAsync, type Summary } from './stats';

export interface Timed extends Summary {
  /** MiB of UTF-8 per second at the median. */
  readonly mbPerSecond: number;
}

export interface CoreResult {
  readonly corpus: string;
  readonly bytes: number;
  readonly analyse: Timed;
  readonly outline: Summary;
  /** What our document symbols cost without the protocol: analyse + outlineOf. */
  readonly analyseAndOutline: Timed;
  /** A one-character insertion applied to the previous analysis as the server does it, outline repaired. */
  readonly keystroke: Summary;
  readonly glossary: Timed & { readonly source: string; readonly terms: number; readonly matches: number; readonly buildMs: number };
  readonly alignment: (Timed & { readonly paragraphPairs: number }) | null;
  /**
   * The consistency checks given the alignment, as the server runs them (built-in glossary, no user
   * glossary); with the process's CPU time per run (mean), which other work on the machine inflates
   * less than the time that passes.
   */
  readonly checks: (Timed & { readonly findings: number; readonly cpuMs: number; readonly cpuMbPerSecond: number }) | null;
  readonly floor: Timed;
  readonly peer: Timed;
  readonly ratios: { readonly analyseToFloor: number; readonly symbolsToPeer: number };
}

/** Runs per corpus size: enough for a stable median, few enough for the five-minute budget. */
export function runsFor(bytes: number): number {
  if (bytes < 512 * 1024) return 15;
  return bytes < 4 * 1024 * 1024 ? 7 : 3;
}

/** The floor: what any tool pays to look at every line once. */
const FLOOR_PATTERN = /^\s*(?:\d{1,3}[.、]|[(（][a-z一二三四五六七八九十]{1,3}[)）]|First|Second|Third|一是|二是|三是)/;

function floorPass(text: string): number {
  let hits = 0;
  for (const line of text.split(/\r\n|\r|\n/)) if (FLOOR_PATTERN.test(line)) hits++;
  return hits;
}

/** The built-in glossary when the repository has one, else the bench's own stand-in (both JSON glossaries). */
const GLOSSARY_FILES = [
  path.join(__dirname, '..', 'server', 'src', 'core', 'glossary', 'data', 'builtin-glossary.json'),
  path.join(__dirname, 'data', 'bench.glossary.json'),
];

interface LoadedGlossary {
  readonly index: GlossaryIndex;
  /** The glossary file, relative to the repository. */
  readonly source: string;
  readonly terms: number;
  readonly buildMs: number;
}

function loadGlossary({ GlossaryIndex, parseJsonGlossary }: Core): LoadedGlossary {
  const file = GLOSSARY_FILES.find((candidate) => existsSync(candidate)) ?? GLOSSARY_FILES[GLOSSARY_FILES.length - 1];
  const loaded = parseJsonGlossary(readFileSync(file, 'utf8'), path.basename(file), Infinity);
  const errors = loaded.problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) throw new Error(`${file}: ${errors.map((p) => p.message).join('; ')}`);
  const start = performance.now();
  const index = GlossaryIndex.build(loaded.entries);
  const source = path.relative(path.join(__dirname, '..'), file);
  return { index, source, terms: loaded.entries.length, buildMs: round(performance.now() - start) };
}

export async function measureCore(core: Core, corpus: Corpus, alignRuns: number): Promise<CoreResult> {
  const { analyse, outlineOf } = core;
  const runs = runsFor(corpus.bytes);
  const timed = (times: number[]): Timed => {
    const summary = summarise(times);
    return { ...summary, mbPerSecond: throughput(corpus.bytes, summary.median) };
  };
  const note = analyse(corpus.note);
  const analyseTimes = timed(timeRuns(runs, () => analyse(corpus.note)));
  const outline = summarise(timeRuns(runs, () => outlineOf(note)));
  const symbols = timed(timeRuns(runs, () => outlineOf(analyse(corpus.note))));
  const glossary = loadGlossary(core);
  const matches = glossary.index.match(corpus.note).length;
  const glossaryTimes = timed(timeRuns(runs, () => glossary.index.match(corpus.note)));
  const floor = timed(timeRuns(runs, () => floorPass(corpus.note)));
  const peer = new MarkdownPeer();
  const peerTimes = timed(await timeRunsAsync(runs, () => peer.documentSymbols(corpus.markdown), runs));
  return {
    corpus: corpus.label,
    bytes: corpus.bytes,
    analyse: analyseTimes,
    outline,
    analyseAndOutline: symbols,
    keystroke: keystrokes(core, corpus.note, runs * 2),
    glossary: { ...glossaryTimes, source: glossary.source, terms: glossary.terms, matches, buildMs: glossary.buildMs },
    alignment: alignment(core, corpus, alignRuns, timed),
    checks: checks(core, corpus, runs, timed),
    floor,
    peer: peerTimes,
    ratios: {
      analyseToFloor: round(analyseTimes.median / floor.median, 2),
      symbolsToPeer: round(symbols.median / peerTimes.median, 3),
    },
  };
}

function alignment(
  { analyse, sideOf, alignVersions }: Core, corpus: Corpus, runs: number, timed: (times: number[]) => Timed,
): CoreResult['alignment'] {
  const note = analyse(corpus.note);
  const en = sideOf(note, 'en');
  const zh = sideOf(note, 'zh');
  if (!en || !zh || runs === 0) return null;
  const paragraphPairs = alignVersions(en, zh).paragraphs.length;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    alignVersions(en, zh);
    times.push(performance.now() - start);
  }
  return { ...timed(times), paragraphPairs };
}

function checks(
  { analyse, sideOf, alignVersions, runChecks, termsFromGlossary, GlossaryIndex, builtInGlossary }: Core, corpus: Corpus, runs: number,
  timed: (times: number[]) => Timed,
): CoreResult['checks'] {
  const note = analyse(corpus.note);
  const en = sideOf(note, 'en');
  const zh = sideOf(note, 'zh');
  if (!en || !zh) return null;
  const input = { alignment: alignVersions(en, zh), notes: { en: note, zh: note }, termsIn: termsFromGlossary(GlossaryIndex.build(builtInGlossary())) };
  const findings = runChecks(input).length;
  const cpuBefore = process.cpuUsage();
  const times = timeRuns(runs, () => runChecks(input));
  const cpu = process.cpuUsage(cpuBefore);
  // timeRuns makes as many untimed runs before the timed ones.
  const cpuMs = round((cpu.user + cpu.system) / 1000 / (2 * runs));
  return { ...timed(times), findings, cpuMs, cpuMbPerSecond: throughput(corpus.bytes, cpuMs) };
}

/** Typing at one place in the middle of the text: each character is told to the analyser, then analysed with its outline. */
function keystrokes({ IncrementalAnalyser, outlineOf, repairOutline }: Core, text: string, count: number): Summary {
  const analyser = new IncrementalAnalyser();
  let outline = outlineOf(analyser.update(text).note);
  const random = seededRandom(7);
  let at = text.indexOf(' ', Math.floor(text.length * (0.25 + random() / 2)));
  if (at < 0) at = Math.floor(text.length / 2);
  let current = text;
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const lengthBefore = current.length;
    current = current.slice(0, at) + 'x' + current.slice(at);
    const start = performance.now();
    analyser.edited(at, at, 1, lengthBefore);
    const { note, edit } = analyser.update(current);
    outline = edit ? repairOutline(outline, note, edit) : outlineOf(note);
    times.push(performance.now() - start);
    at++;
  }
  return summarise(times);
}
