/**
 * The index's worker thread (threadSummariser.ts): the fields of each note it is sent, as the index
 * would compute them on the main thread (`noteFields` of its analysis).
 */
import { parentPort } from 'node:worker_threads';
import { analyse } from '../core/analyse';
import { noteFields } from '../service/workspaceIndex';
import type { SummaryAnswer, SummaryRequest } from './threadSummariser';

function summarise({ id, uri, text, folders }: SummaryRequest): SummaryAnswer {
  try {
    return { id, fields: noteFields(uri, analyse(text), folders) };
  } catch (error) {
    return { id, error: error instanceof Error ? error.message : String(error) };
  }
}

parentPort?.on('message', (request: SummaryRequest) => parentPort?.postMessage(summarise(request)));
