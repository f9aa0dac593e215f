/**
 * Waiting for a state, not for a time: the condition is asked again after each pause until it holds.
 * There is no deadline of its own (a slow machine is not a failure): the test's time-out is the limit,
 * and the pauses do not keep the process alive once the test has given up.
 */
const PAUSE_MS = 20;

function pause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, PAUSE_MS).unref());
}

/** Resolves once `condition` holds. */
export async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await pause();
}

/** Asks again until `accept` holds; the first accepted answer. */
export async function eventually<T>(ask: () => Promise<T>, accept: (answer: T) => boolean): Promise<T> {
  for (;;) {
    const answer = await ask();
    if (accept(answer)) return answer;
    await pause();
  }
}
