/**
 * The index kept between sessions, over stdio: a server given a storage folder stores its index when
 * it shuts down; the next server on the same folder reads again only the notes whose modification
 * time changed, drops the notes gone and reads the new ones. A stored index that is not what this
 * server wrote (here: not JSON) is ignored, and every note is read; a storage folder that cannot be
 * made costs nothing but the store. Every wait is for the index's end.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { WorkspaceSymbolRequest, type SymbolInformation } from 'vscode-languageserver-protocol';
import { startServer, type ServerSession } from '../support/serverConnection';

const INDEX_FILE = 'diplonote-index.json';
const KEPT_TIME = new Date('2026-01-15T10:00:00Z');

function reply(ownReference: string): string {
  return `${ownReference}\n\nWith reference to communication AL CHN 4/2025, the Government of China provides the following reply.\n`;
}

/** A server on `root` keeping its index in `storage`, once its first index build has ended. */
async function indexedServer(root: string, storage: string): Promise<ServerSession> {
  let ended!: () => void;
  const end = new Promise<void>((resolve) => (ended = resolve));
  const server = await startServer({}, root, {
    initializationOptions: { storageFolder: storage },
    onProgress: (_token, value) => {
      if (value.kind === 'end') ended();
    },
  });
  await end;
  return server;
}

/** The names of the workspace symbols a query finds. */
async function symbolNames(server: ServerSession, query: string): Promise<string[]> {
  const found = (await server.connection.sendRequest(WorkspaceSymbolRequest.type, { query })) as SymbolInformation[];
  return found.map((symbol) => symbol.name);
}

async function carries(server: ServerSession, reference: string): Promise<boolean> {
  return (await symbolNames(server, reference)).some((name) => name.includes(reference));
}

describe('protocol: the index kept between sessions', () => {
  let root: string;
  let storage: string;
  const file = (name: string) => path.join(root, name);

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'diplonote-kept-'));
    storage = mkdtempSync(path.join(tmpdir(), 'diplonote-storage-'));
    writeFileSync(file('unchanged.note'), reply('CHN/HR/2025/34'));
    // A whole second, that the file system keeps exactly and the test can put back.
    utimesSync(file('unchanged.note'), KEPT_TIME, KEPT_TIME);
    writeFileSync(file('changed.note'), reply('CHN/HR/2025/40'));
    writeFileSync(file('deleted.note'), reply('CHN/HR/2025/41'));
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(storage, { recursive: true, force: true });
  });

  /**
   * Between the sessions: a note rewritten (a new modification time), one rewritten with its old
   * modification time put back (as the stored index trusts the time, it keeps what it had), one
   * deleted and one added.
   */
  function changeBetweenSessions(): void {
    writeFileSync(file('changed.note'), reply('CHN/HR/2025/45'));
    const later = new Date(Date.now() + 60_000);
    utimesSync(file('changed.note'), later, later);
    writeFileSync(file('unchanged.note'), reply('CHN/HR/2025/99'));
    utimesSync(file('unchanged.note'), KEPT_TIME, KEPT_TIME);
    unlinkSync(file('deleted.note'));
    writeFileSync(file('added.note'), reply('CHN/HR/2025/50'));
  }

  it('reads again only the notes whose modification time changed, and drops and adds the others', async () => {
    const first = await indexedServer(root, storage);
    assert.ok(await carries(first, 'CHN/HR/2025/40'));
    await first.stop();
    assert.ok(existsSync(path.join(storage, INDEX_FILE)), 'the index is stored when the server shuts down');

    changeBetweenSessions();
    const second = await indexedServer(root, storage);
    try {
      assert.ok(await carries(second, 'CHN/HR/2025/45'), 'the rewritten note is read again');
      assert.ok(!(await carries(second, 'CHN/HR/2025/40')));
      assert.ok(await carries(second, 'CHN/HR/2025/34'), 'a note with its old modification time keeps what was stored');
      assert.ok(!(await carries(second, 'CHN/HR/2025/99')));
      assert.ok(!(await carries(second, 'CHN/HR/2025/41')), 'a deleted note is dropped');
      assert.ok(await carries(second, 'CHN/HR/2025/50'), 'a new note is read');
    } finally {
      await second.stop();
    }
  });

  it('goes on without a store it cannot write: the index is built and the server shuts down cleanly', async () => {
    const blocked = path.join(storage, 'a-file');
    writeFileSync(blocked, 'not a folder');
    const first = await indexedServer(root, path.join(blocked, 'storage'));
    try {
      assert.ok(await carries(first, 'CHN/HR/2025/40'));
    } finally {
      await first.stop();
    }
    assert.equal(first.process.exitCode, 0, 'the server exits normally after its shutdown');
  });

  it('ignores a stored index it did not write and reads every note', async () => {
    const first = await indexedServer(root, storage);
    await first.stop();
    writeFileSync(path.join(storage, INDEX_FILE), '{"format": 1, "notes": [');
    changeBetweenSessions();
    const second = await indexedServer(root, storage);
    try {
      assert.ok(await carries(second, 'CHN/HR/2025/99'), 'the note is read, whatever its modification time');
      assert.ok(await carries(second, 'CHN/HR/2025/45'));
      assert.ok(!(await carries(second, 'CHN/HR/2025/34')));
    } finally {
      await second.stop();
    }
    const stored = JSON.parse(readFileSync(path.join(storage, INDEX_FILE), 'utf8')) as { notes: unknown[] };
    assert.equal(stored.notes.length, 3, 'the server stored its own index over it');
  });
});
