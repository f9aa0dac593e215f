/**
 * Sentence and paragraph alignment of an English and a Chinese version: a Gale–Church dynamic programme
 * over character lengths, strengthened by shared anchors (see anchors.ts). It runs in O(n·w): the path
 * is searched in a band of half-width w around the path found on units merged two by two, recursively
 * (coarse to fine, as FastDTW does), because the plain length diagonal drifts far from the true path on
 * long texts (up to 150 units on the 5,000-sentence Bible set). Deterministic: fixed shape order,
 * strict comparisons, no randomness.
 *
 * Confidence of a bead is its posterior probability under the same model: with path weight exp(-cost),
 * the weight of the paths through this exact bead over the weight of all paths, summed (forward–
 * backward) in a band around the best path, outside which paths weigh nothing worth counting. It is
 * near 1 when no other segmentation comes close, and near 1/2 when an alternative (say 1-1 + 0-1
 * instead of 1-2) is as likely, which is what a reader of a jump or a check needs to know.
 */
import { AlignUnit, AnchorMatcher, defaultAnchorWeight, defaultUnmatchedCost } from './anchors';
import { BEAD_SHAPES, BeadShape, DEFAULT_VARIANCE, estimateRatio, lengthCost, LengthModel } from './galeChurch';

export type { AlignUnit } from './anchors';

export interface Bead {
  readonly en: number[];
  readonly zh: number[];
  /** Posterior probability of this exact bead, 0..1. */
  readonly confidence: number;
  /** Set on a bead a correction fixed: the correction's index in the list given. */
  readonly correction?: number;
}

/**
 * A bead a user fixed (an alignment correction): these English units pair with these Chinese units,
 * each side a run of consecutive indexes. A side left empty says that the other side's units have no
 * counterpart.
 */
export interface FixedBead {
  readonly en: readonly number[];
  readonly zh: readonly number[];
}

export interface AlignOptions {
  /** English characters per Chinese character; measured on the two inputs when absent. */
  readonly ratio?: number;
  /** Variance of the length difference per Chinese character. */
  readonly variance?: number;
  readonly shapes?: readonly BeadShape[];
  /** Reward (nats) for one shared anchor; by key prefix when absent. */
  readonly anchorWeight?: (key: string) => number;
  /** Cost (nats) of an anchor left unmatched in a bead with two non-empty sides; by key prefix when absent. */
  readonly unmatchedCost?: (key: string) => number;
  /**
   * Whether a unit left unpaired (a 1-0 or 0-1 bead) costs its prior only. Gale–Church charge it the
   * length of the missing counterpart too, which makes a long unit practically never unpaired: right
   * for sentences, wrong for a paragraph a translator left out.
   */
  readonly omissionsByPriorOnly?: boolean;
  /** Half-width of the search band, in Chinese units, around the guiding path. */
  readonly band?: number;
  /**
   * A previous alignment of the same units (say, before anchors were added, or before an edit moved
   * little): the search is made in a band around it instead of around a coarse alignment of its own.
   */
  readonly near?: readonly Bead[];
  /**
   * For `alignWithFixedPairs`: a fixed pair starts a stretch aligned freely instead of being a 1-1
   * bead of its own, so that the sentence starting a point may join the next one (`(b) …; the Embassy
   * …` ↔ `（二）…，使馆…；`) while points still never trade sentences.
   */
  readonly fixedPairsStartStretches?: boolean;
  /** Units that may only start a bead, never follow another unit in one (a sentence opening a point). */
  readonly startsBead?: (unit: AlignUnit) => boolean;
  /** Counts the lattice cells swept, every level and band included: the work, which must grow linearly. */
  readonly work?: { cells: number };
}

/** Half-width, in units, of the band around the projected coarse path. */
const INITIAL_BAND = 6;
/** Half-width of the band around the best path over which bead posteriors are summed. */
const POSTERIOR_BAND = 4;
/** Below this many units on a side the whole matrix is searched. */
const FULL_SEARCH_SIZE = 48;

/** A unit's length as the model reads it: a negative or non-finite length counts as 0. */
function lengthOf(unit: AlignUnit): number {
  return Number.isFinite(unit.length) ? Math.max(0, unit.length) : 0;
}

function prefixCounts(units: readonly AlignUnit[], counted: ((unit: AlignUnit) => boolean) | undefined): Int32Array {
  const counts = new Int32Array(units.length + 1);
  units.forEach((unit, k) => {
    counts[k + 1] = counts[k] + (counted?.(unit) === true ? 1 : 0);
  });
  return counts;
}

/** Whether a unit after the first of `[from, to)` may only start a bead. */
function startsInside(starters: Int32Array, from: number, to: number): boolean {
  return to - from >= 2 && starters[to] - starters[from + 1] > 0;
}

function prefixSums(units: readonly AlignUnit[]): Float64Array {
  const sums = new Float64Array(units.length + 1);
  units.forEach((unit, k) => {
    sums[k + 1] = sums[k] + lengthOf(unit);
  });
  return sums;
}

/** -log Σ exp(-x) over the first `count` values, computed from the smallest so that nothing overflows. */
function softMin(values: Float64Array, count: number): number {
  let low = Infinity;
  for (let k = 0; k < count; k++) low = Math.min(low, values[k]);
  if (low === Infinity) return Infinity;
  let sum = 0;
  for (let k = 0; k < count; k++) sum += Math.exp(low - values[k]);
  return low - Math.log(sum);
}

interface Problem {
  readonly n: number;
  readonly m: number;
  readonly enSums: Float64Array;
  readonly zhSums: Float64Array;
  readonly model: LengthModel;
  readonly shapes: readonly BeadShape[];
  readonly priorCosts: readonly number[];
  readonly matcher: AnchorMatcher;
  readonly omissionsByPriorOnly: boolean;
  /** Prefix counts of the units that only start beads (see AlignOptions.startsBead). */
  readonly enStarters: Int32Array;
  readonly zhStarters: Int32Array;
}

/** The cells a search may visit: for each English prefix i, the Chinese prefixes low[i]..high[i]. */
interface Band {
  readonly low: Int32Array;
  readonly high: Int32Array;
}

/** The band's cells, row by row, with the costs of the beads that end in each cell. */
class BandedLattice {
  private readonly rowStart: Int32Array;
  private readonly low: Int32Array;
  private readonly high: Int32Array;
  private readonly shapeEn: Int32Array;
  private readonly shapeZh: Int32Array;
  readonly beadCosts: Float64Array;
  readonly viterbi: Float64Array;
  readonly forward: Float64Array;
  readonly backward: Float64Array;
  readonly choice: Int8Array;

  constructor(private readonly problem: Problem, band: Band, private readonly withTotals: boolean) {
    const { n, shapes } = problem;
    this.low = band.low;
    this.high = band.high;
    this.rowStart = new Int32Array(n + 2);
    for (let i = 0; i <= n; i++) this.rowStart[i + 1] = this.rowStart[i] + Math.max(0, this.high[i] - this.low[i] + 1);
    this.shapeEn = Int32Array.from(shapes, (shape) => shape.en);
    this.shapeZh = Int32Array.from(shapes, (shape) => shape.zh);
    const cells = this.rowStart[n + 1];
    this.viterbi = new Float64Array(cells).fill(Infinity);
    this.beadCosts = new Float64Array(withTotals ? cells * shapes.length : 0).fill(Infinity);
    this.forward = new Float64Array(withTotals ? cells : 0).fill(Infinity);
    this.backward = new Float64Array(withTotals ? cells : 0).fill(Infinity);
    this.choice = new Int8Array(cells).fill(-1);
  }

  get cellCount(): number {
    return this.rowStart[this.problem.n + 1];
  }

  cell(i: number, j: number): number {
    if (i < 0 || i > this.problem.n || j < this.low[i] || j > this.high[i]) return -1;
    return this.rowStart[i] + j - this.low[i];
  }

  private beadCost(i: number, j: number, fromI: number, fromJ: number, shape: number): number {
    const p = this.problem;
    if (startsInside(p.enStarters, fromI, i) || startsInside(p.zhStarters, fromJ, j)) return Infinity;
    const omission = i === fromI || j === fromJ;
    const lengths = omission && p.omissionsByPriorOnly ? 0 : lengthCost(p.enSums[i] - p.enSums[fromI], p.zhSums[j] - p.zhSums[fromJ], p.model);
    return p.priorCosts[shape] + lengths - p.matcher.score(fromI, i, fromJ, j);
  }

  /** Best path cost (Viterbi) for every cell and, when asked, the total path weight (forward). */
  sweepForward(): void {
    const { withTotals, low, high, rowStart, shapeEn, shapeZh, viterbi, forward } = this;
    const shapeCount = shapeEn.length;
    const incoming = new Float64Array(shapeCount);
    viterbi[0] = 0;
    forward[0] = 0;
    for (let i = 0; i <= this.problem.n; i++) {
      for (let j = low[i], here = rowStart[i]; j <= high[i]; j++, here++) {
        let count = 0;
        for (let s = 0; s < shapeCount; s++) {
          const fromI = i - shapeEn[s];
          const fromJ = j - shapeZh[s];
          // The cell the bead starts from, inlined from cell(): this loop is the aligner's whole cost.
          if (fromI < 0 || fromJ < low[fromI] || fromJ > high[fromI] || (fromI === i && fromJ === j)) continue;
          const from = rowStart[fromI] + fromJ - low[fromI];
          if (viterbi[from] === Infinity) continue;
          const cost = this.beadCost(i, j, fromI, fromJ, s);
          if (viterbi[from] + cost < viterbi[here]) {
            viterbi[here] = viterbi[from] + cost;
            this.choice[here] = s;
          }
          if (withTotals) {
            this.beadCosts[here * shapeCount + s] = cost;
            incoming[count++] = forward[from] + cost;
          }
        }
        if (withTotals && here > 0) forward[here] = softMin(incoming, count);
      }
    }
  }

  /** Total weight of the paths from each cell to the end. */
  sweepBackward(): void {
    const shapeCount = this.shapeEn.length;
    const outgoing = new Float64Array(shapeCount);
    const end = this.cell(this.problem.n, this.problem.m);
    for (let i = this.problem.n; i >= 0; i--) {
      for (let j = this.high[i], here = this.cell(i, j); j >= this.low[i]; j--, here--) {
        let count = 0;
        for (let s = 0; s < shapeCount; s++) {
          const to = this.cell(i + this.shapeEn[s], j + this.shapeZh[s]);
          if (to >= 0 && to !== here) outgoing[count++] = this.beadCosts[to * shapeCount + s] + this.backward[to];
        }
        this.backward[here] = here === end ? 0 : softMin(outgoing, count);
      }
    }
  }
}

/** A bead by its end corner (i, j) and its size on each side. */
interface Corner {
  readonly i: number;
  readonly j: number;
  readonly en: number;
  readonly zh: number;
}

interface PathStep extends Corner {
  readonly shape: number;
}

function tracePath(lattice: BandedLattice, problem: Problem): PathStep[] {
  const steps: PathStep[] = [];
  let i = problem.n;
  let j = problem.m;
  while (i > 0 || j > 0) {
    const shape = lattice.choice[lattice.cell(i, j)] ?? -1;
    const bead = problem.shapes[shape];
    if (!bead) break;
    steps.push({ i, j, shape, en: bead.en, zh: bead.zh });
    i -= bead.en;
    j -= bead.zh;
  }
  return steps.reverse();
}

function touchesEdge(band: Band, steps: readonly PathStep[], m: number): boolean {
  return steps.some(({ i, j }) => (j <= band.low[i] && band.low[i] > 0) || (j >= band.high[i] && band.high[i] < m));
}

function fullBand(n: number, m: number): Band {
  return { low: new Int32Array(n + 1), high: new Int32Array(n + 1).fill(m) };
}

/**
 * The band around a path: each bead covers the rectangle between its corners, widened by `halfWidth`
 * columns. For a path found on units merged two by two (FastDTW-style) `scale` is 2, so that coarse
 * prefix (I, J) stands for fine prefix (2I, 2J).
 */
function bandAroundPath(path: readonly Corner[], n: number, m: number, halfWidth: number, scale: number): Band {
  const low = new Int32Array(n + 1).fill(m);
  const high = new Int32Array(n + 1);
  const cover = (i: number, jLow: number, jHigh: number): void => {
    const row = Math.min(n, Math.max(0, i));
    low[row] = Math.min(low[row], Math.max(0, jLow - halfWidth));
    high[row] = Math.max(high[row], Math.min(m, jHigh + halfWidth));
  };
  for (const { i, j, en, zh } of [{ i: 0, j: 0, en: 0, zh: 0 }, ...path]) {
    for (let row = scale * (i - en); row <= scale * i; row++) cover(row, scale * (j - zh), scale * j);
  }
  cover(n, m, m);
  return { low, high };
}

/** Anchors a merged unit keeps: the heaviest ones, so that a comparison costs no more than at the finest level. */
const COARSE_ANCHORS = 24;

/**
 * Units merged two by two: the coarse problem whose path guides the band of the fine one. A merged
 * unit keeps only its heaviest anchors (ties by key), since one holding the anchors of all its
 * originals would make a comparison at the top levels cost O(n).
 */
function coarsen(units: readonly AlignUnit[], weightOf: (key: string) => number): AlignUnit[] {
  const merged: AlignUnit[] = [];
  for (let k = 0; k < units.length; k += 2) {
    const first = units[k];
    const second = units[k + 1];
    const anchors = [...first.anchors, ...(second?.anchors ?? [])];
    const heaviest = anchors.length <= COARSE_ANCHORS ? anchors
      : anchors.map((key) => ({ key, weight: weightOf(key) }))
        .sort((x, y) => y.weight - x.weight || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))
        .slice(0, COARSE_ANCHORS).map(({ key }) => key);
    merged.push({ text: '', length: lengthOf(first) + (second ? lengthOf(second) : 0), anchors: heaviest });
  }
  return merged;
}

/**
 * Merged units pair mostly 1-1, 1-2 or 2-1: the long shapes (1-3, 1-4 …) are left to the fine level,
 * which makes each coarse cell cheaper while the guide stays as good.
 */
function coarseOptions(shapes: readonly BeadShape[], options: AlignOptions): AlignOptions {
  return { ...options, shapes: shapes.filter((shape) => shape.en <= 2 && shape.zh <= 2) };
}

/** The best path of the problem with units merged two by two. */
function coarsePath(en: readonly AlignUnit[], zh: readonly AlignUnit[], options: AlignOptions, fine: Problem): PathStep[] {
  const weightOf = options.anchorWeight ?? defaultAnchorWeight;
  const coarseEn = coarsen(en, weightOf);
  const coarseZh = coarsen(zh, weightOf);
  const coarse = coarseOptions(fine.shapes, options);
  return searchPath(makeProblem(coarseEn, coarseZh, coarse, fine.model.ratio), coarseEn, coarseZh, coarse);
}

/** Re-centred bands tried when the path touches the band's edge. */
const RECENTRINGS = 2;

/**
 * The best path, searched in a band around the path of the half-size problem (FastDTW). When the path
 * touches the band's edge the optimum may lie outside: the band is re-centred on the new path, which
 * moves it where the path pulls, at most RECENTRINGS times, so that the cost stays O(n·w) whatever
 * the input (doubling the band instead would be exact but can cost O(n²) on long, ambiguous texts).
 */
function searchPath(problem: Problem, en: readonly AlignUnit[], zh: readonly AlignUnit[], options: AlignOptions, near?: readonly Corner[]): PathStep[] {
  const { n, m } = problem;
  let small = Math.min(n, m) <= FULL_SEARCH_SIZE;
  let guide: readonly Corner[] = near ?? (small ? [] : coarsePath(en, zh, options, problem));
  let scale = near ? 1 : 2;
  const halfWidth = Math.max(1, options.band ?? INITIAL_BAND);
  for (let attempt = 0; ; attempt++) {
    const band = small ? fullBand(n, m) : bandAroundPath(guide, n, m, halfWidth, scale);
    const lattice = new BandedLattice(problem, band, false);
    if (options.work) options.work.cells += lattice.cellCount;
    lattice.sweepForward();
    const steps = tracePath(lattice, problem);
    // A band always holds a path (its rows overlap), so the full search below is a safeguard only.
    if (steps.length === 0 && !small) small = true;
    else if (small || attempt >= RECENTRINGS || !touchesEdge(band, steps, m)) return steps;
    else [guide, scale] = [steps, 1];
  }
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
}

function toBeads(lattice: BandedLattice, problem: Problem, steps: readonly PathStep[]): Bead[] {
  const total = lattice.forward[lattice.cell(problem.n, problem.m)] ?? 0;
  return steps.map(({ i, j, shape }) => {
    const bead = problem.shapes[shape] as BeadShape;
    const from = lattice.cell(i - bead.en, j - bead.zh);
    const cost = lattice.beadCosts[lattice.cell(i, j) * problem.shapes.length + shape] ?? Infinity;
    const pathCost = (lattice.forward[from] ?? Infinity) + cost + (lattice.backward[lattice.cell(i, j)] ?? Infinity);
    const confidence = Math.min(1, Math.max(0, Math.exp(total - pathCost)));
    return { en: range(i - bead.en, i), zh: range(j - bead.zh, j), confidence };
  });
}

function unpairedBeads(en: readonly AlignUnit[], zh: readonly AlignUnit[]): Bead[] {
  return [
    ...en.map((_, k) => ({ en: [k], zh: [], confidence: 1 })),
    ...zh.map((_, k) => ({ en: [], zh: [k], confidence: 1 })),
  ];
}

function makeProblem(en: readonly AlignUnit[], zh: readonly AlignUnit[], options: AlignOptions, ratio: number): Problem {
  const shapes = options.shapes ?? BEAD_SHAPES;
  return {
    n: en.length,
    m: zh.length,
    enSums: prefixSums(en),
    zhSums: prefixSums(zh),
    model: { ratio, variance: options.variance ?? DEFAULT_VARIANCE },
    shapes,
    priorCosts: shapes.map((shape) => -Math.log(shape.prior)),
    omissionsByPriorOnly: options.omissionsByPriorOnly === true,
    enStarters: prefixCounts(en, options.startsBead),
    zhStarters: prefixCounts(zh, options.startsBead),
    matcher: new AnchorMatcher(en, zh, {
      weightOf: options.anchorWeight ?? defaultAnchorWeight,
      unmatchedCostOf: options.unmatchedCost ?? defaultUnmatchedCost,
    }),
  };
}

function ratioOf(en: readonly AlignUnit[], zh: readonly AlignUnit[], options: AlignOptions): number {
  const given = options.ratio;
  return given !== undefined && Number.isFinite(given) && given > 0 ? given : estimateRatio(en.map(lengthOf), zh.map(lengthOf));
}

/** The end corners of consecutive beads. */
function cornersOf(beads: readonly Bead[]): Corner[] {
  let i = 0;
  let j = 0;
  return beads.map((bead) => {
    i += bead.en.length;
    j += bead.zh.length;
    return { i, j, en: bead.en.length, zh: bead.zh.length };
  });
}

/** Whether beads cover exactly `n` English and `m` Chinese units in order, as a guide must. */
function coversBoth(beads: readonly Bead[], n: number, m: number): boolean {
  let i = 0;
  let j = 0;
  for (const bead of beads) {
    if (bead.en.some((k, at) => k !== i + at) || bead.zh.some((k, at) => k !== j + at)) return false;
    i += bead.en.length;
    j += bead.zh.length;
  }
  return i === n && j === m;
}

/** Aligns two lists of units into beads covering both, in order. */
export function alignUnits(en: readonly AlignUnit[], zh: readonly AlignUnit[], options: AlignOptions = {}): Bead[] {
  if (en.length === 0 || zh.length === 0) return unpairedBeads(en, zh);
  const problem = makeProblem(en, zh, options, ratioOf(en, zh, options));
  const near = options.near && coversBoth(options.near, en.length, zh.length) ? cornersOf(options.near) : undefined;
  const path = searchPath(problem, en, zh, options, near);
  // Paths far from the best one carry no weight worth counting: the posterior is summed near it.
  const lattice = new BandedLattice(problem, bandAroundPath(path, problem.n, problem.m, POSTERIOR_BAND, 1), true);
  if (options.work) options.work.cells += lattice.cellCount;
  lattice.sweepForward();
  lattice.sweepBackward();
  return toBeads(lattice, problem, path);
}

/**
 * The longest chain of pairs increasing on both sides (pairs sorted by English index; patience sorting
 * on the Chinese index), so that contradictory fixed pairs cannot make the alignment cross itself.
 */
function monotoneChain(pairs: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const sorted = [...pairs].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const tails: number[] = [];
  const previous: number[] = [];
  sorted.forEach(([, zh], k) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[tails[mid] ?? 0]?.[1] ?? 0) < zh) lo = mid + 1;
      else hi = mid;
    }
    previous[k] = lo > 0 ? tails[lo - 1] ?? -1 : -1;
    tails[lo] = k;
  });
  const chain: Array<[number, number]> = [];
  for (let k = tails[tails.length - 1] ?? -1; k >= 0; k = previous[k] ?? -1) {
    const pair = sorted[k];
    if (pair) chain.push([pair[0], pair[1]]);
  }
  return chain.reverse();
}

/**
 * Aligns with hard anchors: each fixed pair (numbered paragraphs or points paired by their number) becomes
 * a 1-1 bead of confidence 1 (or, with `fixedPairsStartStretches`, the start of a stretch aligned freely),
 * and the units between consecutive fixed pairs are aligned by `alignUnits` with the length ratio of the
 * whole inputs. Pairs that would cross others are dropped.
 *
 * `corrections` (a user's, see FixedBead) come first: each becomes a bead of confidence 1 whatever its
 * shape, the units of a one-sided one are left unpaired, and a fixed pair that would cross a correction
 * or take one of its units is dropped. Of corrections that contradict each other, the later one is kept.
 */
export function alignWithFixedPairs(
  en: readonly AlignUnit[],
  zh: readonly AlignUnit[],
  fixed: ReadonlyArray<readonly [number, number]>,
  options: AlignOptions = {},
  corrections: readonly FixedBead[] = [],
): Bead[] {
  const segmentOptions = { ...options, ratio: ratioOf(en, zh, options) };
  const { corrected, pairs, alone } = layout(en.length, zh.length, fixed, corrections);
  // Corrections or not, a fixed pair is what the options make it: a 1-1 bead, or where a stretch starts.
  const stretches = options.fixedPairsStartStretches === true;
  const anchors: Anchor[] = stretches ? corrected : [...corrected, ...pairs.map(([a, b]) => ({ en: [a], zh: [b] }))].sort((x, y) => x.en[0] - y.en[0]);
  const starts = stretches ? pairs : [];
  const beads: Bead[] = [];
  let enNext = 0;
  let zhNext = 0;
  let startsTaken = 0;
  // Every start lies in one gap between anchors (layout keeps only the fixed pairs that agree with them).
  const gapUpTo = (enTo: number, zhTo: number) => {
    const first = startsTaken;
    while (startsTaken < starts.length && starts[startsTaken][0] < enTo) startsTaken++;
    return alignStretches(en, zh, { en: [enNext, enTo], zh: [zhNext, zhTo] }, starts.slice(first, startsTaken), alone, segmentOptions);
  };
  for (const anchor of anchors) {
    beads.push(...gapUpTo(anchor.en[0], anchor.zh[0]));
    beads.push({ en: [...anchor.en], zh: [...anchor.zh], confidence: 1, ...(anchor.correction !== undefined ? { correction: anchor.correction } : {}) });
    enNext = anchor.en[anchor.en.length - 1] + 1;
    zhNext = anchor.zh[anchor.zh.length - 1] + 1;
  }
  beads.push(...gapUpTo(en.length, zh.length));
  return beads;
}

/** A two-sided bead fixed before the search: a correction (with its index) or a fixed pair. */
interface Anchor {
  readonly en: readonly number[];
  readonly zh: readonly number[];
  readonly correction?: number;
}

/** The units one-sided corrections leave without a counterpart, per side, with the correction's index. */
interface Alone {
  readonly en: ReadonlyMap<number, number>;
  readonly zh: ReadonlyMap<number, number>;
}

/**
 * The fixed beads in order, none crossing or overlapping another: the corrections that agree with the
 * later ones, then the fixed pairs that agree with those (the longest chain of them), and the units
 * left alone by one-sided corrections that no kept bead takes.
 */
function layout(
  n: number, m: number, fixed: ReadonlyArray<readonly [number, number]>, corrections: readonly FixedBead[],
): { corrected: Anchor[]; pairs: Array<[number, number]>; alone: Alone } {
  const valid = (units: readonly number[], size: number) => units.every((k, at) => Number.isInteger(k) && k >= 0 && k < size && (at === 0 || k === units[at - 1] + 1));
  const kept: Anchor[] = [];
  for (let index = corrections.length - 1; index >= 0; index--) {
    const { en, zh } = corrections[index];
    if ((en.length === 0 && zh.length === 0) || !valid(en, n) || !valid(zh, m)) continue;
    const anchor = { en, zh, correction: index };
    if (kept.every((other) => compatible(anchor, other))) kept.push(anchor);
  }
  const twoSided = kept.filter((anchor) => anchor.en.length > 0 && anchor.zh.length > 0);
  const pairs = monotoneChain(fixed.filter(([a, b]) => a >= 0 && a < n && b >= 0 && b < m)
    .filter(([a, b]) => kept.every((anchor) => compatible({ en: [a], zh: [b] }, anchor))));
  const oneSided = kept.filter((anchor) => anchor.en.length === 0 || anchor.zh.length === 0);
  const units = (side: 'en' | 'zh') => new Map(oneSided.flatMap((anchor) => anchor[side].map((k) => [k, anchor.correction ?? -1] as const)));
  return { corrected: twoSided.sort((x, y) => x.en[0] - y.en[0]), pairs, alone: { en: units('en'), zh: units('zh') } };
}

/** Whether two fixed beads can both hold: no unit in both, and one wholly before the other on each side they both have. */
function compatible(a: Anchor, b: Anchor): boolean {
  const order = (x: readonly number[], y: readonly number[]) => (x.length === 0 || y.length === 0 ? 0 : x[x.length - 1] < y[0] ? -1 : y[y.length - 1] < x[0] ? 1 : NaN);
  const en = order(a.en, b.en);
  const zh = order(a.zh, b.zh);
  return !Number.isNaN(en) && !Number.isNaN(zh) && en * zh >= 0;
}

/** The beads of the units in `[from, to)` of each side, cut into stretches at the fixed pairs that start one there. */
function alignStretches(
  en: readonly AlignUnit[], zh: readonly AlignUnit[], bounds: { en: [number, number]; zh: [number, number] },
  starts: ReadonlyArray<readonly [number, number]>, alone: Alone, options: AlignOptions,
): Bead[] {
  const inside = starts.filter(([a, b]) => a > bounds.en[0] || b > bounds.zh[0]);
  const cuts: Array<readonly [number, number]> = [[bounds.en[0], bounds.zh[0]], ...inside, [bounds.en[1], bounds.zh[1]]];
  return cuts.slice(1).flatMap(([enTo, zhTo], k) => alignBetween(en, zh, { en: [cuts[k][0], enTo], zh: [cuts[k][1], zhTo] }, alone, options));
}

/**
 * The beads of the units in `[from, to)` of each side, the units left alone taken out before the search
 * and put back as beads of their own, in order.
 */
function alignBetween(
  en: readonly AlignUnit[], zh: readonly AlignUnit[], bounds: { en: [number, number]; zh: [number, number] }, alone: Alone, options: AlignOptions,
): Bead[] {
  const enKept = range(...bounds.en).filter((k) => !alone.en.has(k));
  const zhKept = range(...bounds.zh).filter((k) => !alone.zh.has(k));
  const searched = alignUnits(enKept.map((k) => en[k]), zhKept.map((k) => zh[k]), options)
    .map((bead) => ({ en: bead.en.map((k) => enKept[k]), zh: bead.zh.map((k) => zhKept[k]), confidence: bead.confidence }));
  const enAlone = range(...bounds.en).filter((k) => alone.en.has(k));
  const zhAlone = range(...bounds.zh).filter((k) => alone.zh.has(k));
  if (enAlone.length === 0 && zhAlone.length === 0) return searched;
  const beads: Bead[] = [];
  const next = { en: 0, zh: 0 };
  const flush = (side: 'en' | 'zh', units: readonly number[], before: number) => {
    for (; next[side] < units.length && units[next[side]] < before; next[side]++) {
      const k = units[next[side]];
      beads.push({ en: side === 'en' ? [k] : [], zh: side === 'zh' ? [k] : [], confidence: 1, correction: alone[side].get(k) });
    }
  };
  for (const bead of searched) {
    if (bead.en.length > 0) flush('en', enAlone, bead.en[0]);
    if (bead.zh.length > 0) flush('zh', zhAlone, bead.zh[0]);
    beads.push(bead);
  }
  flush('en', enAlone, Infinity);
  flush('zh', zhAlone, Infinity);
  return beads;
}
