/**
 * Scaling guard: hostile inputs at n and 2n. Work that is linear in the text takes about twice as long
 * for twice the text; a ratio above 2.5 means something grows faster and is flagged. Each time is the
 * fastest of five runs (of two when one run takes over a second), the run least disturbed by other
 * work on the machine. Most inputs time the analysis and outline; the notes of figures, whose trouble
 * was in the checks, time all the server does with a bilingual note: analysis, outline, alignment,
 * checks (the 10 MB annex only its analysis and outline, which alone take seconds).
 */
import type { Core } from './bundle';
import { seededRandom } from './corpus';
import { statisticalAnnex, tablesOfFigures } from './figures';
import { round } from './stats';

export const MAX_SCALING_RATIO = 2.5;

type Work = 'outline' | 'checks';

export interface ScalingResult {
  readonly input: string;
  /** What was timed: analyse + outlineOf, or analyse + outlineOf + alignVersions + runChecks. */
  readonly work: Work;
  /** Length of the input at n, UTF-16 units. */
  readonly characters: number;
  /** Fastest of the runs, milliseconds, at n and at 2n. */
  readonly atN: number;
  readonly at2N: number;
  readonly ratio: number;
  readonly pass: boolean;
}

interface HostileInput {
  readonly name: string;
  /** n, in the unit `make` takes: characters, or UTF-8 bytes for the notes of figures. */
  readonly size: number;
  readonly work: Work;
  make(size: number): string;
}

const MEGA = 1024 * 1024;

function repeatTo(unit: string, characters: number): string {
  return unit.repeat(Math.ceil(characters / unit.length)).slice(0, characters);
}

/** Han characters spread over the unified block, no punctuation, no line break. */
function hanRun(characters: number): string {
  const codes = new Array<number>(characters);
  for (let i = 0; i < characters; i++) codes[i] = 0x4e00 + ((i * 7919) % 0x5000);
  let text = '';
  for (let i = 0; i < characters; i += 8192) text += String.fromCharCode(...codes.slice(i, i + 8192));
  return text;
}

function binaryAsLatin1(characters: number): string {
  const random = seededRandom(99);
  const bytes = Buffer.alloc(characters);
  for (let i = 0; i < characters; i++) bytes[i] = Math.floor(random() * 256);
  return bytes.toString('latin1');
}


/** `prose`: ordinary note text the one-line input is made of. */
function hostileInputs(prose: string): HostileInput[] {
  const oneLine = prose.replace(/\s+/g, ' ');
  const outline = (name: string, size: number, make: (n: number) => string): HostileInput => ({ name, size, work: 'outline', make });
  return [
    outline('one 2 MB line', 2 * MEGA, (n) => repeatTo(oneLine, n)),
    outline('`First, ` repeated', MEGA, (n) => repeatTo('First, ', n)),
    outline('`(` repeated', MEGA, (n) => repeatTo('(', n)),
    outline('CJK without punctuation', MEGA, hanRun),
    outline('blank lines', MEGA, (n) => repeatTo('\n', n)),
    outline('random bytes as latin1', MEGA, binaryAsLatin1),
    { name: 'table of figures that differ (issue 16)', size: 100 * 1024, work: 'checks', make: tablesOfFigures },
    outline('statistical annex, 10 MB', 10 * MEGA, statisticalAnnex),
    { name: 'statistical annex, 256 KB', size: 256 * 1024, work: 'checks', make: statisticalAnnex },
  ];
}

/** The work of `work` on `text`, once. */
function runOnce({ analyse, outlineOf, alignVersions, sideOf, runChecks }: Core, text: string, work: Work): void {
  const note = analyse(text);
  outlineOf(note);
  if (work === 'outline') return;
  const [en, zh] = [sideOf(note, 'en'), sideOf(note, 'zh')];
  if (!en || !zh) throw new Error('a note of figures without its two versions');
  runChecks({ alignment: alignVersions(en, zh), notes: { en: note, zh: note } });
}

function fastest(run: () => void, runs: number): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** A flagged ratio is measured again, this many times at most: noise does not repeat, growth does. */
const RETRIES = 2;
/** An input whose first run takes longer is timed twice, not five times. */
const SLOW_RUN_MS = 1000;

/** The times of `atN` and `at2N`, fastest of `runs`, measured again while the ratio is flagged. */
function timedPair(atN: () => void, at2N: () => void, runs: number): Pick<ScalingResult, 'atN' | 'at2N' | 'ratio' | 'pass'> {
  const warmUp = fastest(atN, 1); // also compiles the code before timing
  const tries = warmUp > SLOW_RUN_MS ? 2 : runs;
  let best = { atN: Infinity, at2N: Infinity, ratio: Infinity };
  for (let attempt = 0; attempt <= RETRIES && best.ratio > MAX_SCALING_RATIO; attempt++) {
    const small = fastest(atN, tries);
    const large = fastest(at2N, tries);
    const ratio = large / Math.max(small, 0.01);
    if (ratio < best.ratio) best = { atN: small, at2N: large, ratio };
  }
  const ratio = round(best.ratio, 2);
  return { atN: round(best.atN, 1), at2N: round(best.at2N, 1), ratio, pass: ratio <= MAX_SCALING_RATIO };
}

export function measureScaling(core: Core, prose: string, runs = 5): ScalingResult[] {
  return hostileInputs(prose).map((input) => {
    const small = input.make(input.size);
    const large = input.make(input.size * 2);
    const timed = timedPair(() => runOnce(core, small, input.work), () => runOnce(core, large, input.work), runs);
    return { input: input.name, work: input.work, characters: small.length, ...timed };
  });
}

/**
 * One part of the core on input of size n: `prepare(n)` makes the input and gives the work to time.
 * These were timed by unit tests once; a unit test now checks what they give, and their time is here.
 */
export interface ScaledComponent {
  readonly name: string;
  /** n, in the unit `prepare` takes (units, characters, repetitions). */
  readonly size: number;
  prepare(size: number): () => void;
}

export interface ComponentScalingResult extends Pick<ScalingResult, 'atN' | 'at2N' | 'ratio' | 'pass'> {
  readonly component: string;
  readonly size: number;
}

export function measureComponentScaling(components: readonly ScaledComponent[], runs = 5): ComponentScalingResult[] {
  return components.map(({ name, size, prepare }) => ({ component: name, size, ...timedPair(prepare(size), prepare(size * 2), runs) }));
}
