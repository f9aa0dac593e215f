/**
 * Checks run in slices (lsp/diagnostics.ts): the server answers requests between them, and a
 * run whose note changes meanwhile is given up, so diagnostics are never published for a version the
 * editor has left.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  DidChangeTextDocumentNotification, FoldingRangeRequest, PublishDiagnosticsNotification, type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import { REPO_ROOT, startServer, type ServerSession } from '../support/serverConnection';

const SEED = readFileSync(path.join(REPO_ROOT, 'samples', 'ohchr-reply-al-chn-4-2025.note'), 'utf8');

/** About 2 MB of consistent bilingual text: the seed's English reply paragraphs many times, then the Chinese ones. */
function largeNote(): string {
  const paragraphs = SEED.split(/\n\s*\n/).map((p) => p.trim());
  const first = (start: string) => {
    const found = paragraphs.find((p) => p.startsWith(start));
    assert.ok(found, start);
    return found;
  };
  const english = [first('Cross-border'), first('To ensure')];
  const chinese = [first("电信诈骗"), first("中国公安机关")];
  const copies = 700;
  const repeat = (list: string[]) => Array.from({ length: copies }, () => list).flat().join('\n\n');
  return `${repeat(english)}\n\n${repeat(chinese)}\n`;
}

describe('diagnostics in slices', function () {
  this.timeout(60_000);
  let server: ServerSession;
  const published: PublishDiagnosticsParams[] = [];

  before(async () => {
    server = await startServer();
    server.connection.onNotification(PublishDiagnosticsNotification.type, (params) => published.push(params));
  });
  after(async () => server.stop());

  it('gives up a run when the note changes, and publishes for the new version only', async () => {
    const text = largeNote();
    assert.ok(text.length > 1_000_000, `${text.length} characters`);
    const uri = await server.open('file:///tmp/diplonote-large-run.note', text);
    // The checks of a 2 MB note start about 0.75 s after the last change and take longer than that here.
    await new Promise((resolve) => setTimeout(resolve, 900));
    const startedAt = performance.now();
    const folding = server.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Indeed, c' }],
    });
    const ranges = await folding;
    const answeredAfter = performance.now() - startedAt;
    assert.equal(ranges?.length, 2, 'the two language versions fold');
    while (!published.some((p) => p.uri === uri)) await new Promise((resolve) => setTimeout(resolve, 50));
    const mine = published.filter((p) => p.uri === uri);
    assert.deepEqual(mine.map((p) => p.version), [2], `published for versions ${mine.map((p) => p.version).join(', ')}`);
    // Not a timing test: printed so that a reader sees the request was not kept waiting for the whole run.
    console.log(`      folding ranges answered ${answeredAfter.toFixed(0)} ms after being asked, during the checks`);
  });
});
