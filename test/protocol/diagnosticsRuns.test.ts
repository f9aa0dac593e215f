/**
 * Checks run in slices (lsp/diagnostics.ts), and a run whose note changes meanwhile is given up, so
 * diagnostics are never published for a version the editor has left. The server's test hook
 * `diplonote/test/checksStarting` holds a run at its start until the client answers: the client
 * changes the note then, so the change lands while the run is under way on any machine, at any speed.
 */
import * as assert from 'node:assert/strict';
import {
  DidChangeTextDocumentNotification, PublishDiagnosticsNotification, type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import { CHECKS_STARTING_REQUEST, type ChecksStartingParams } from '../../server/src/protocol';
import { startServer, type ServerSession } from '../support/serverConnection';

describe('diagnostics in slices', function () {
  let server: ServerSession;
  const published: PublishDiagnosticsParams[] = [];
  const runsStarted: ChecksStartingParams[] = [];
  let firstPublished: (params: PublishDiagnosticsParams) => void;
  const publishedOnce = new Promise<PublishDiagnosticsParams>((resolve) => {
    firstPublished = resolve;
  });
  const URI = 'file:///tmp/diplonote-run-given-up.note';

  before(async () => {
    server = await startServer({}, undefined, { initializationOptions: { testHooks: true } });
    server.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      if (params.uri !== URI) return;
      published.push(params);
      firstPublished(params);
    });
    server.connection.onRequest(CHECKS_STARTING_REQUEST, async (params) => {
      runsStarted.push(params);
      // The first run is under way on version 1: the note changes before it may go on.
      if (params.uri === URI && params.version === 1) {
        await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
          textDocument: { uri: URI, version: 2 },
          contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Indeed, ' }],
        });
      }
      return null;
    });
  });
  after(async () => server.stop());

  it('gives up a run when the note changes, and publishes for the new version only', async () => {
    await server.open(URI, 'The Mission reports 5,415 cases.\n\n代表团报告了5416起案件。\n');
    const first = await publishedOnce;
    assert.equal(first.version, 2, `published first for version ${first.version}`);
    assert.ok(first.diagnostics.some((d) => d.code === 'number-mismatch'), 'the checks of version 2 ran to the end');
    assert.deepEqual(runsStarted.filter((r) => r.uri === URI).map((r) => r.version), [1, 2], 'one run per version');
    // Version 1 never publishes: the note will not be at version 1 again, and a closed note is cleared.
    assert.deepEqual(published.map((p) => p.version), [2]);
  });
});
