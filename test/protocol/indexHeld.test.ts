/**
 * Issue 13: the index never blocks a request on the open note. With test hooks, an index build waits
 * as it summarises its first note until the client answers `diplonote/test/indexHeld`; meanwhile the
 * open note is hovered and the workspace asked, and both are answered from what is there.
 */
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { HoverRequest, WorkspaceSymbolRequest, type SymbolInformation, type WorkspaceSymbol } from 'vscode-languageserver-protocol';
import { INDEX_HELD_REQUEST } from '../../server/src/protocol';
import { REPO_ROOT, startServer, type ServerSession } from '../support/serverConnection';
import { eventually } from '../support/waitFor';

const OPEN_NOTE = 'ohchr-reply-al-chn-4-2025.note';

describe('protocol: requests answered while the index is held', function () {
  this.timeout(60000);
  let folder: string;
  let server: ServerSession;
  let release!: () => void;
  const released = new Promise<null>((resolve) => (release = () => resolve(null)));
  let reached!: () => void;
  const held = new Promise<void>((resolve) => (reached = resolve));

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'diplonote-index-held-'));
    for (const name of readdirSync(path.join(REPO_ROOT, 'samples')).filter((file) => file.endsWith('.note'))) {
      copyFileSync(path.join(REPO_ROOT, 'samples', name), path.join(folder, name));
    }
    server = await startServer({}, folder, {
      initializationOptions: { testHooks: true },
      handlers: (connection) => connection.onRequest(INDEX_HELD_REQUEST, () => {
        reached();
        return released;
      }),
    });
  });
  after(async () => {
    release();
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  const symbolUris = async () => {
    const symbols = (await server.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '' })) ?? [];
    return new Set((symbols as Array<SymbolInformation | WorkspaceSymbol>).map((symbol) => symbol.location.uri));
  };

  it('answers a hover on the open note and workspace symbols from the open note alone, then from every note once released', async () => {
    await held;
    const file = path.join(folder, OPEN_NOTE);
    const text = readFileSync(file, 'utf8');
    const uri = await server.open(pathToFileURL(file).toString(), text);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('AL CHN 4/2025'));
    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: lines[line].indexOf('AL CHN 4/2025') + 1 } });
    assert.ok(hover, 'no hover on the cited communication while the index is held');
    assert.deepEqual([...(await symbolUris())], [uri], 'the held index has only the open note');
    release();
    const all = await eventually(symbolUris, (uris) => uris.size > 1);
    assert.ok([...all].every((found) => found.startsWith(pathToFileURL(folder).toString())), `symbols of ${all.size} notes once indexed`);
  });
});
