/**
 * The index's summariser for Node (workspaceIndex.ts): worker threads (indexWorker.ts, bundled as
 * `dist/indexWorker.js` beside the server) read and analyse the notes of a build, so that the main
 * thread only lists the files, stores the summaries and answers requests. Started for a build, ended
 * with it; when a worker cannot start or fails, the summaries asked of it are refused and the index
 * reads and analyses those notes itself.
 */
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { NoteSummariser, SummarisedNote, SummaryRequest } from '../service/workspaceIndex';

export interface ThreadRequest extends SummaryRequest {
  readonly id: number;
}

export type SummaryAnswer = { readonly id: number; readonly note: SummarisedNote } | { readonly id: number; readonly error: string };

/** The worker's script: beside the bundle that runs this. */
export const INDEX_WORKER_SCRIPT = path.join(__dirname, 'indexWorker.js');

interface Waiting {
  resolve(note: SummarisedNote): void;
  reject(error: Error): void;
}

/** One worker and the summaries it owes. */
class SummaryThread {
  private readonly worker: Worker | undefined;
  readonly waiting = new Map<number, Waiting>();
  private failure: Error | undefined;
  /** Requests not yet sent: those asked in one turn of the event loop go in one message. */
  private readonly outbox: ThreadRequest[] = [];

  constructor(script: string) {
    try {
      this.worker = new Worker(script);
    } catch (error) {
      this.fail(error);
      return;
    }
    // A worker still running never keeps the process (a CLI run) alive.
    this.worker.unref();
    this.worker.on('message', (answers: readonly SummaryAnswer[]) => {
      for (const answer of answers) this.answered(answer);
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`an index worker ended (exit code ${code})`)));
  }

  summarise(request: ThreadRequest): Promise<SummarisedNote> {
    if (this.failure || !this.worker) return Promise.reject(this.failure ?? new Error('no index worker'));
    return new Promise<SummarisedNote>((resolve, reject) => {
      this.waiting.set(request.id, { resolve, reject });
      if (this.outbox.push(request) === 1) setImmediate(() => this.send());
    });
  }

  /** Each message wakes the worker and costs both threads a clone: one per turn rather than per note. */
  private send(): void {
    if (this.outbox.length > 0 && !this.failure) this.worker?.postMessage(this.outbox.splice(0));
  }

  close(): void {
    this.fail(new Error('the index build ended'));
    void this.worker?.terminate();
  }

  private answered(answer: SummaryAnswer): void {
    const waiting = this.waiting.get(answer.id);
    this.waiting.delete(answer.id);
    if ('note' in answer) waiting?.resolve(answer.note);
    else waiting?.reject(new Error(answer.error));
  }

  private fail(error: unknown): void {
    this.failure ??= error instanceof Error ? error : new Error(String(error));
    for (const waiting of this.waiting.values()) waiting.reject(this.failure);
    this.waiting.clear();
    this.outbox.length = 0;
  }
}

/** As many workers as cores, at most `MAX_WORKERS`; each note goes to the one that owes the fewest. */
const MAX_WORKERS = 2;

export class ThreadSummariser implements NoteSummariser {
  private readonly threads: SummaryThread[];
  private lastId = 0;

  constructor(script = INDEX_WORKER_SCRIPT, workers = Math.min(MAX_WORKERS, availableParallelism())) {
    this.threads = Array.from({ length: Math.max(1, workers) }, () => new SummaryThread(script));
  }

  summarise(request: SummaryRequest): Promise<SummarisedNote> {
    const least = this.threads.reduce((best, thread) => (thread.waiting.size < best.waiting.size ? thread : best));
    return least.summarise({ ...request, id: ++this.lastId });
  }

  close(): void {
    for (const thread of this.threads) thread.close();
  }
}
