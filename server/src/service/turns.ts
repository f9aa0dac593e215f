/**
 * Long work in the service (indexing the workspace, checking every note) runs in slices and lets the
 * event loop answer requests in between, so that a request on the open note never waits for it.
 */

/** Resolves on a later turn of the event loop: after pending messages have been read. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => {
    // setImmediate runs after I/O (Node); a browser worker has only timers.
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else setTimeout(resolve, 0);
  });
}

/** How long a slice of background work runs before it lets requests in, in milliseconds. */
export const SLICE_MS = 2;

/**
 * Runs a computation written as steps (a generator) in slices of `budgetMs`, letting the event loop
 * run between slices; gives up (undefined) as soon as `stillWanted` says so, before any slice.
 */
export async function runInSlices<T>(steps: Generator<void, T, void>, budgetMs = SLICE_MS, stillWanted: () => boolean = () => true): Promise<T | undefined> {
  for (;;) {
    if (!stillWanted()) return undefined;
    const deadline = performance.now() + budgetMs;
    let step = steps.next();
    while (!step.done && performance.now() < deadline) step = steps.next();
    if (step.done) return step.value;
    await nextTurn();
  }
}
