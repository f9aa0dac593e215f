/**
 * Issue 16, item 7: every argument of every command and custom request is checked. `diplonote.addTermPair`
 * takes the `file` URI of an open note in a workspace folder (no query or fragment), and a term and a
 * rendering of one line, at most 200 characters, without control characters; a glossary reached through
 * a symlink is not edited. Anything else is refused with a message, and no file changes.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ExecuteCommandRequest, RequestType, ResponseError, ShowMessageNotification, type ShowMessageParams,
} from 'vscode-languageserver-protocol';
import { startServer, type ServerSession } from '../support/serverConnection';

const NOTE = 'The Mission presents its compliments to the Office and has the honour to refer to human trafficking.\n';
const SETTINGS = '{\n  "editor.fontSize": 14\n}\n';
/** Reached through `linked.glossary.json`, a symlink inside the workspace. */
const SHARED_GLOSSARY = '{ "entries": [ { "en": "scam compound", "zh": "诈骗园区" } ] }\n';

describe('protocol: arguments of commands and custom requests', () => {
  let root: string;
  let workspace: string;
  let server: ServerSession;
  let noteUri: string;
  const messages: ShowMessageParams[] = [];
  const file = (...parts: string[]) => path.join(workspace, ...parts);

  before(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'diplonote-arguments-'));
    workspace = path.join(root, 'workspace');
    mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
    mkdirSync(path.join(workspace, 'data'));
    mkdirSync(path.join(root, 'outside'));
    writeFileSync(file('.vscode', 'settings.json'), SETTINGS);
    writeFileSync(file('data', 'shared.json'), SHARED_GLOSSARY);
    writeFileSync(path.join(root, 'outside', 'reply.note'), NOTE);
    symlinkSync(file('data', 'shared.json'), file('linked.glossary.json'));
    server = await startServer({}, workspace, { applyEditsOnDisk: true });
    server.connection.onNotification(ShowMessageNotification.type, (params) => messages.push(params));
    noteUri = await server.open(pathToFileURL(file('reply.note')).toString(), NOTE);
  });
  after(async () => {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  });

  async function addTermPair(argument: unknown): Promise<{ result: unknown; message: string }> {
    messages.length = 0;
    const result = await server.connection.sendRequest(ExecuteCommandRequest.type, { command: 'diplonote.addTermPair', arguments: [argument] });
    return { result, message: messages.map((m) => m.message).join('\n') };
  }

  function assertNothingWritten(): void {
    assert.equal(readFileSync(file('.vscode', 'settings.json'), 'utf8'), SETTINGS, 'settings.json was changed');
    assert.equal(existsSync(file('diplonote.glossary.json')), false, 'a glossary was created');
    assert.equal(existsSync(path.join(root, 'outside', 'diplonote.glossary.json')), false, 'a glossary was created outside');
    assert.equal(readFileSync(file('data', 'shared.json'), 'utf8'), SHARED_GLOSSARY, 'the symlink target was edited');
  }

  const pair = { language: 'en', term: 'scam centre', rendering: '诈骗中心' };

  it('refuses a URI with a query or a fragment', async () => {
    const open = await server.open(`${pathToFileURL(file('.vscode', 'settings.json'))}?/x.note`, NOTE);
    for (const uri of [open, `${noteUri}#frag`]) {
      const { result, message } = await addTermPair({ uri, ...pair });
      assert.equal(result, null, uri);
      assert.match(message, /refused|not accepted|query|fragment/i, uri);
    }
    assertNothingWritten();
  });

  it('refuses a note outside every workspace folder, another scheme, and a note that is not open', async () => {
    const outsideUri = await server.open(pathToFileURL(path.join(root, 'outside', 'reply.note')).toString(), NOTE);
    const untitled = await server.open('untitled:Untitled-1', NOTE);
    for (const uri of [outsideUri, untitled, pathToFileURL(file('closed.note')).toString(), 42]) {
      const { result, message } = await addTermPair({ uri, ...pair });
      assert.equal(result, null, String(uri));
      assert.notEqual(message, '', `${String(uri)}: refused without a word`);
    }
    assertNothingWritten();
  });

  it('refuses terms and renderings that are long, span lines or hold control characters', async () => {
    const bad = ['x'.repeat(100_000), 'x'.repeat(201), 'scam\ncentre', 'scam\u0000centre', 'scam \u202ecentre', '\u0007'];
    for (const term of bad) {
      for (const argument of [{ ...pair, uri: noteUri, term }, { ...pair, uri: noteUri, rendering: term }]) {
        const { result, message } = await addTermPair(argument);
        assert.equal(result, null, JSON.stringify(term.slice(0, 20)));
        assert.match(message, /one line|200 characters|control/i, JSON.stringify(term.slice(0, 20)));
      }
    }
    assertNothingWritten();
  });

  it('does not edit a glossary through a symlink', async () => {
    const { result, message } = await addTermPair({ uri: noteUri, language: 'en', term: 'scam compound', rendering: '园区诈骗' });
    assert.equal(result, null);
    assert.match(message, /link/i);
    assertNothingWritten();
  });

  it('still adds a valid pair (control)', async () => {
    const { result } = await addTermPair({ uri: noteUri, ...pair });
    assert.deepEqual(result, { glossary: pathToFileURL(file('diplonote.glossary.json')).toString(), applied: true });
    assert.match(readFileSync(file('diplonote.glossary.json'), 'utf8'), /诈骗中心/);
    rmSync(file('diplonote.glossary.json'));
  });

  it('answers custom requests with bad arguments with an error that says why', async () => {
    const counterpart = new RequestType<unknown, unknown, void>('diplonote/counterpart');
    const exportPairs = new RequestType<unknown, unknown, void>('diplonote/exportPairs');
    const cases: Array<[RequestType<unknown, unknown, void>, unknown]> = [
      [counterpart, { textDocument: { uri: `${noteUri}?x` }, position: { line: 0, character: 0 } }],
      [counterpart, { textDocument: { uri: noteUri }, position: { line: 'a', character: null } }],
      [counterpart, null],
      [exportPairs, { uri: 'untitled:Untitled-9' }],
      [exportPairs, { uri: 7 }],
    ];
    for (const [type, params] of cases) {
      await assert.rejects(server.connection.sendRequest(type, params), (error: unknown) => {
        assert.ok(error instanceof ResponseError, String(error));
        assert.match(error.message, /Diplonote/);
        return true;
      }, JSON.stringify(params));
    }
  });
});
