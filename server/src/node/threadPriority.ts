/**
 * Background work yields to the editor: on Linux each thread has its own nice value, so an index
 * worker lowers its own, and the main thread (requests) and the editor win the cores whenever they
 * want them. The worker still gets every idle cycle. Elsewhere a thread's priority is left as it is.
 */
import { readlinkSync } from 'node:fs';
import { constants, setPriority } from 'node:os';

export function lowerThisThreadsPriority(): void {
  if (process.platform !== 'linux') return;
  try {
    // `/proc/thread-self` links to `/proc/PID/task/TID` of the thread that reads it.
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(threadId) && threadId > 0) setPriority(threadId, constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // No `/proc`, or not allowed: the thread keeps the process's priority.
  }
}
