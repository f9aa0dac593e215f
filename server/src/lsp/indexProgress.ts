/**
 * The index build as `window/workDoneProgress`: created by the server (`window/workDoneProgress/create`),
 * cancellable, reported at most every 100 ms by the index. A client without progress support gets
 * none (the library's reporter then sends nothing).
 */
import type { Connection } from 'vscode-languageserver';
import type { IndexProgress } from '../service';

export async function indexProgress(connection: Connection): Promise<IndexProgress> {
  const reporter = await connection.window.createWorkDoneProgress();
  return {
    begin: (total) => reporter.begin('Diplonote: indexing notes', 0, `0/${total}`, true),
    report: (done, total) => reporter.report(total === 0 ? 100 : Math.floor((done / total) * 100), `${done}/${total}`),
    end: (done, total) => {
      reporter.report(`${done}/${total}${done < total ? ' (cancelled)' : ''}`);
      reporter.done();
    },
    get cancelled() {
      return reporter.token.isCancellationRequested;
    },
  };
}
