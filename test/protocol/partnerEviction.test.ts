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
import { REPO_ROOT, startServer, type ServerSession } from '../support/serverConnection';

const HEAP_MB = 96;
const NOTES = 24;
/** Each Chinese partner is about this many characters: the sample's Chinese version repeated. */
const PARTNER_CHARS = 250_000;

function repeated(text: string, chars: number): string {
  return Array.from({ length: Math.ceil(chars / text.length) }, () => text).join('\n');
}

function residentMb(pid: number | undefined): number {
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;
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
    server = await startServer({}, workspace, { nodeArgs: [`--max-old-space-size=${HEAP_MB}`] });
  });
  after(async () => {
    await server.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  it(`survives ${NOTES} notes with ~250 KB partners opened and closed in a ${HEAP_MB} MB heap, and memory comes back`, async () => {
    let baseline = 0;
    // A request to a server that died is never answered: its exit ends the wait instead.
    const died = new Promise<never>((_, reject) => server.process.once('exit', (code, signal) => reject(new Error(`the server died (${signal ?? code})`))));
    died.catch(() => undefined);
    for (let k = 0; k < NOTES; k++) {
      const uri = pathToFileURL(path.join(workspace, `note-${k}.en.note`)).toString();
      await server.open(uri, english);
      const jump = await Promise.race([died, server.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line: 7, character: 10 } })]);
      assert.ok(Array.isArray(jump) && jump.length === 1, `note ${k}: no jump into its partner`);
      await server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
      if (k === 2) baseline = residentMb(server.process.pid);
    }
    assert.equal(server.process.exitCode, null, 'the server died');
    assert.ok(await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: 'file:///none.note' } }) === null);
    const after = residentMb(server.process.pid);
    console.log(`      VmRSS ${baseline.toFixed(0)} MiB after 3 notes, ${after.toFixed(0)} MiB after ${NOTES}`);
    assert.ok(after - baseline < 100, `VmRSS grew from ${baseline.toFixed(0)} to ${after.toFixed(0)} MiB`);
  });
});
