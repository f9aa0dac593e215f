/**
 * The index's worker threads, started as the server's process starts: imported by the server's entry
 * right after compilerBudget.ts, so that the workers boot and load their script (about 100 ms) while the
 * rest of the server's code is evaluated and the editor's `initialize` is answered. The first index
 * build, which starts on its first notes as soon as the listing finds them, claims them; a later build
 * starts its own. A server whose index never builds (no workspace folder) ends them once they have been
 * left unclaimed for a while: idle, they never keep the process alive.
 */
import type { NoteSummariser } from '../service/workspaceIndex';
import { ThreadSummariser } from './threadSummariser';

const UNCLAIMED_MS = 30_000;

let prestarted: ThreadSummariser | undefined = new ThreadSummariser();
setTimeout(() => takePrestarted()?.close(), UNCLAIMED_MS).unref();

function takePrestarted(): ThreadSummariser | undefined {
  const taken = prestarted;
  prestarted = undefined;
  return taken;
}

/** A summariser for an index build: the workers started with the process the first time, new ones after. */
export function indexSummariser(): NoteSummariser {
  return takePrestarted() ?? new ThreadSummariser();
}
