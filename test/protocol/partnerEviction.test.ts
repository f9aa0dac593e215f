/**
 * Issue 16, item 5: the partner files a note reads from disk are let go once no open note needs them.
 * Notes whose Chinese partner is a large file on disk are opened, jumped from (which reads and aligns
 * the partner) and closed, one after the other, in a server whose heap is capped: holding every partner
 * would exhaust the heap; letting each go keeps the server alive and its heap back near where it began.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DefinitionRequest, DidCloseTextDocumentNotification, DocumentSymbolRequest } from 'vscode-languageserver-protocol';
import { HELD_REQUEST } from '../../server/src/protocol';
import { REPO_ROOT, startServer, type ServerSession } from '../support/serverConnection';

const HEAP_MB = 96;
const MIB = 1024 * 1024;
const NOTES = 24;
/** Each Chinese partner is about this many characters: the sample's Chinese version repeated. */
const PARTNER_CHARS = 250_000;

function repeated(text: string, chars: number): string {
  return Array.from({ length: Math.ceil(chars / text.length) }, () => text).join('\n');
}

describe('protocol: partner files are let go when their notes close', function () {
  this.timeout(240000);
  let workspace: string;
  let server: ServerSession;
  const english = readFileSync(path.join(REPO_ROOT, 'samples', 'visa-request.en.note'), 'utf8');
  const chinese = readFileSync(path.join(REPO_ROOT, 'samples', 'visa-request.zh.note'), 'utf8');

  before(async () => {
    workspace = mkdtempSync(path.join(tmpdir(), 'diplonote-eviction-'));
    for (let k = 0; k < NOTES; k++) writeFileSync(path.join(workspace, `note-${k}.zh.note`), repeated(chinese.replace('45', String(k)), PARTNER_CHARS));
    server = await startServer({}, workspace, { nodeArgs: [`--max-old-space-size=${HEAP_MB}`, '--expose-gc'], initializationOptions: { testHooks: true } });
  });
  after(async () => {
    await server.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  it(`survives ${NOTES} notes with ~250 KB partners opened and closed in a ${HEAP_MB} MB heap, and memory comes back`, async () => {
    let baseline = 0;
    const held = () => server.connection.sendRequest(HELD_REQUEST, null);
    // A request to a server that died is never answered: its exit ends the wait instead.
    const died = new Promise<never>((_, reject) => server.process.once('exit', (code, signal) => reject(new Error(`the server died (${signal ?? code})`))));
    died.catch(() => undefined);
    for (let k = 0; k < NOTES; k++) {
      const uri = pathToFileURL(path.join(workspace, `note-${k}.en.note`)).toString();
      await server.open(uri, english);
      const jump = await Promise.race([died, server.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line: 7, character: 10 } })]);
      assert.ok(Array.isArray(jump) && jump.length === 1, `note ${k}: no jump into its partner`);
      await server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
      assert.equal((await held()).partners, 0, `note ${k}: its partner is held after it closed`);
      if (k === 2) baseline = (await held()).heapUsedAfterGc ?? NaN;
    }
    assert.equal(server.process.exitCode, null, 'the server died');
    assert.ok(await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: 'file:///none.note' } }) === null);
    const after = await held();
    assert.deepEqual({ ...after, heapUsedAfterGc: 0 }, { analyses: 0, partners: 0, alignments: 0, heapUsedAfterGc: 0 }, 'nothing of the closed notes is held');
    const grown = ((after.heapUsedAfterGc ?? NaN) - baseline) / MIB;
    console.log(`      heap after a full collection: ${(baseline / MIB).toFixed(1)} MiB after 3 notes, ${((after.heapUsedAfterGc ?? NaN) / MIB).toFixed(1)} MiB after ${NOTES}`);
    // Holding the partners would keep 24 texts of 250,000 characters (12 MiB as UTF-16) and their analyses.
    assert.ok(grown < 5, `the heap grew by ${grown.toFixed(1)} MiB`);
  });
});
