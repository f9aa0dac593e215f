/**
 * The index's worker thread (threadSummariser.ts): reads each note it is asked for as the index would
 * on the main thread (`readText` with the index's limit and the note's folder), and sends back the
 * fields of its analysis (`noteFields`); a note the index kept from another session is not read if its
 * file still has the version kept (`versionOf`).
 */
import { parentPort } from 'node:worker_threads';
import { analyse } from '../core/analyse';
import { readText, versionOf } from '../service/files';
import { MAX_INDEXED_NOTE_BYTES, noteFields } from '../service/workspaceIndex';
import { NodeWorkspace } from './nodeWorkspace';
import { lowerThisThreadsPriority } from './threadPriority';
import type { SummaryAnswer, ThreadRequest } from './threadSummariser';

const workspace = new NodeWorkspace(undefined, [], { blockingReads: true });

async function summarise({ id, uri, folders, boundary, realBoundary, knownVersion }: ThreadRequest): Promise<SummaryAnswer> {
  try {
    if (knownVersion !== undefined && (await versionOf(workspace, uri, boundary, Promise.resolve(realBoundary))) === knownVersion) {
      return { id, note: { unchanged: true } };
    }
    const read = await readText(workspace, uri, MAX_INDEXED_NOTE_BYTES, boundary, Promise.resolve(realBoundary));
    if (read.kind !== 'text') return { id, note: { refused: true } };
    return { id, note: { version: read.version, fields: noteFields(uri, analyse(read.text), folders) } };
  } catch (error) {
    return { id, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Answers sent in one message at most; a batch also goes as soon as the requests that came together are done. */
const MAX_BATCH = 16;
const batch: SummaryAnswer[] = [];
let flushAsked = false;

/**
 * Answers go back in batches: each message wakes the main thread, which then takes a core from the
 * workers, so one wake-up per batch rather than per note.
 */
function send(answer: SummaryAnswer): void {
  batch.push(answer);
  if (batch.length >= MAX_BATCH) flush();
  else if (!flushAsked) {
    flushAsked = true;
    setImmediate(flush);
  }
}

function flush(): void {
  flushAsked = false;
  if (batch.length > 0) parentPort?.postMessage(batch.splice(0));
}

lowerThisThreadsPriority();
parentPort?.on('message', (requests: readonly ThreadRequest[]) => {
  for (const request of requests) void summarise(request).then(send);
});
