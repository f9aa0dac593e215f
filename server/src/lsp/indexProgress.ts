/**
 * The index build as `window/workDoneProgress`: created by the server (`window/workDoneProgress/create`),
 * cancellable, reported at most every 100 ms by the index. A client without progress support gets
 * none (the library's reporter then sends nothing).
 */
import type { Connection } from 'vscode-languageserver';
import { format, message, type Locale } from '../core/messages';
import type { IndexProgress } from '../service';

export async function indexProgress(connection: Connection, locale: Locale): Promise<IndexProgress> {
  const reporter = await connection.window.createWorkDoneProgress();
  // The total grows while the folders are listed: the percentage shown never goes back.
  let percentage = 0;
  return {
    begin: () => reporter.begin(format(locale, message('progress.indexing')), 0, undefined, true),
    report: (done, total) => {
      percentage = Math.max(percentage, total === 0 ? 100 : Math.floor((done / total) * 100));
      reporter.report(percentage, `${done}/${total}`);
    },
    end: (done, total) => {
      reporter.report(done < total ? format(locale, message('progress.cancelled', { done, total })) : `${done}/${total}`);
      reporter.done();
    },
    get cancelled() {
      return reporter.token.isCancellationRequested;
    },
  };
}
