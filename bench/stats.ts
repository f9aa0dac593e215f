/** Timing summaries: every figure the bench reports is a median and a 99th percentile of real runs. */

export interface Summary {
  readonly runs: number;
  readonly median: number;
  readonly p99: number;
}

/** Nearest-rank percentile: with few runs the 99th is the slowest run, never an interpolation. */
export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil(fraction * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarise(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return { runs: sorted.length, median: round(percentile(sorted, 0.5)), p99: round(percentile(sorted, 0.99)) };
}

/**
 * Times `runs` calls of `task` in steady state: after as many untimed calls, because a JIT keeps
 * optimising for several calls (the peer's parser took about ten to settle).
 */
export function timeRuns(runs: number, task: () => unknown): number[] {
  for (let i = 0; i < runs; i++) task();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    task();
    times.push(performance.now() - start);
  }
  return times;
}

/** Times `runs` calls of an asynchronous `task`, after `warmUps` untimed calls. */
export async function timeRunsAsync(runs: number, task: () => Promise<unknown>, warmUps = 0): Promise<number[]> {
  for (let i = 0; i < warmUps; i++) await task();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await task();
    times.push(performance.now() - start);
  }
  return times;
}

/** Three significant decimals are more than any timer here can tell. */
export function round(value: number, decimals = 3): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

export const MIB = 1024 * 1024;

/** Megabytes (MiB) of UTF-8 per second at the given time in milliseconds. */
export function throughput(bytes: number, milliseconds: number): number {
  return round(bytes / MIB / (milliseconds / 1000), 1);
}
