/**
 * Scaling guard: hostile inputs at n and 2n characters. Work that is linear in the text takes about
 * twice as long for twice the text; a ratio above 2.5 means something grows faster and is flagged.
 * Each time is the fastest of five runs, the run least disturbed by other work on the machine.
 */
import type { Core } from './bundle';
import { seededRandom } from './corpus';
import { round } from './stats';

export const MAX_SCALING_RATIO = 2.5;

export interface ScalingResult {
  readonly input: string;
  readonly characters: number;
  /** Fastest of the runs, milliseconds, at n and at 2n. */
  readonly atN: number;
  readonly at2N: number;
  readonly ratio: number;
  readonly pass: boolean;
}

interface HostileInput {
  readonly name: string;
  readonly characters: number;
  make(characters: number): string;
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
  return [
    { name: 'one 2 MB line', characters: 2 * MEGA, make: (n) => repeatTo(oneLine, n) },
    { name: '`First, ` repeated', characters: MEGA, make: (n) => repeatTo('First, ', n) },
    { name: '`(` repeated', characters: MEGA, make: (n) => repeatTo('(', n) },
    { name: 'CJK without punctuation', characters: MEGA, make: hanRun },
    { name: 'blank lines', characters: MEGA, make: (n) => repeatTo('\n', n) },
    { name: 'random bytes as latin1', characters: MEGA, make: binaryAsLatin1 },
  ];
}

function fastestAnalysis({ analyse, outlineOf }: Core, text: string, runs: number): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    outlineOf(analyse(text));
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** A flagged ratio is measured again, this many times at most: noise does not repeat, growth does. */
const RETRIES = 2;

export function measureScaling(core: Core, prose: string, runs = 5): ScalingResult[] {
  return hostileInputs(prose).map((input) => {
    const small = input.make(input.characters);
    const large = input.make(input.characters * 2);
    core.outlineOf(core.analyse(small)); // compiled before timing
    let best = { atN: Infinity, at2N: Infinity, ratio: Infinity };
    for (let attempt = 0; attempt <= RETRIES && best.ratio > MAX_SCALING_RATIO; attempt++) {
      const atN = fastestAnalysis(core, small, runs);
      const at2N = fastestAnalysis(core, large, runs);
      const ratio = at2N / Math.max(atN, 0.01);
      if (ratio < best.ratio) best = { atN, at2N, ratio };
    }
    const ratio = round(best.ratio, 2);
    return { input: input.name, characters: input.characters, atN: round(best.atN, 1), at2N: round(best.at2N, 1), ratio, pass: ratio <= MAX_SCALING_RATIO };
  });
}
