/**
 * `diplonote.maxFileSize` over stdio: past the limit a note keeps its outline and loses the
 * cross-language features, the user is told once per opened note, typing across the limit switches
 * the features off and on again, and the setting's default agrees with the one the extension declares.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  CodeLensRequest, ConfigurationRequest, DefinitionRequest, DidChangeConfigurationNotification, DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification, DocumentHighlightRequest, DocumentSymbolRequest, MessageType, ShowMessageNotification,
  type DocumentSymbol, type Range, type ShowMessageParams,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyse } from '../../server/src/core/analyse';
import { outlineOf } from '../../server/src/core/outline';
import { DEFAULT_SETTINGS } from '../../server/src/service/config/editorSettings';
import { REPO_ROOT, startServer, type ClientSettings, type ServerSession } from '../support/serverConnection';

const SEED_TEXT = readFileSync(path.join(REPO_ROOT, 'samples', 'ohchr-reply-al-chn-4-2025.note'), 'utf8');
/** A position in the first English paragraph of the seed note, which has a Chinese counterpart. */
const ENGLISH_PARAGRAPH = { line: 26, character: 5 };
const TOO_LARGE = 'larger than diplonote.maxFileSize';

/** A server whose settings are known to be applied, with the messages it shows collected. */
async function serverWith(settings: ClientSettings): Promise<{ server: ServerSession; messages: ShowMessageParams[] }> {
  const server = await startServer(settings);
  const messages: ShowMessageParams[] = [];
  server.connection.onNotification(ShowMessageNotification.type, (params) => messages.push(params));
  // Ask the server to read its settings again and wait until it has: the first read races with the first request.
  const answered = new Promise<void>((resolve) => {
    server.connection.onRequest(ConfigurationRequest.type, (params) => {
      setImmediate(resolve);
      return params.items.map((item) => settings[item.section ?? ''] ?? null);
    });
  });
  await server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  await answered;
  return { server, messages };
}

function definitionAt(server: ServerSession, uri: string) {
  return server.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: ENGLISH_PARAGRAPH });
}

const toldTooLarge = (messages: readonly ShowMessageParams[]) => messages.filter((m) => m.message.includes(TOO_LARGE)).length;

describe('protocol: diplonote.maxFileSize', () => {
  it('declares the same default in package.json as the server uses, well above 10 MB', () => {
    const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    assert.equal(manifest.contributes.configuration.properties['diplonote.maxFileSize'].default, DEFAULT_SETTINGS.maxFileSize);
    const tenMegabytes = 10 * 1024 * 1024;
    assert.ok(DEFAULT_SETTINGS.maxFileSize >= 2 * tenMegabytes, `default ${DEFAULT_SETTINGS.maxFileSize}`);
  });

  describe('a 1.2 MB note with the limit at 1,000,000 characters', () => {
    let server: ServerSession;
    let messages: ShowMessageParams[];
    const large = Array.from({ length: 150 }, (_, k) => SEED_TEXT.replaceAll('2025', String(1900 + k))).join('\n\n');
    before(async () => ({ server, messages } = await serverWith({ diplonote: { maxFileSize: 1_000_000 } })));
    after(async () => server.stop());

    it('keeps the full outline, answers no cross-language request, and tells the user once', async () => {
      assert.ok(large.length > 1_000_000);
      const uri = await server.open('file:///tmp/large-file.note', large);
      const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
      assert.deepEqual(symbols.map((s) => s.name), outlineOf(analyse(large)).map((item) => item.name));
      for (let i = 0; i < 3; i++) {
        assert.equal(await definitionAt(server, uri), null);
        assert.equal(await server.connection.sendRequest(DocumentHighlightRequest.type, { textDocument: { uri }, position: ENGLISH_PARAGRAPH }), null);
        assert.deepEqual(await server.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } }), []);
      }
      assert.equal(toldTooLarge(messages), 1);
      assert.equal(messages.find((m) => m.message.includes(TOO_LARGE))?.type, MessageType.Info);
    });
  });

  describe('typing across the limit', () => {
    let server: ServerSession;
    let messages: ShowMessageParams[];
    const limit = SEED_TEXT.length + 100;
    before(async () => ({ server, messages } = await serverWith({ diplonote: { maxFileSize: limit } })));
    after(async () => server.stop());

    it('turns the cross-language features off past the limit and on again below it, telling once per opened note', async () => {
      const uri = await server.open('file:///tmp/growing.note', SEED_TEXT);
      let document = TextDocument.create(uri, 'diplomatic-note', 1, SEED_TEXT);
      const edit = async (change: { range: Range; text: string }) => {
        document = TextDocument.update(document, [change], document.version + 1);
        await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: document.version }, contentChanges: [change] });
      };
      const endOfText = () => document.positionAt(document.getText().length);
      const padding = '\n\n' + '%% padding '.repeat(20);

      assert.ok(Array.isArray(await definitionAt(server, uri)), 'below the limit');
      for (let crossing = 0; crossing < 2; crossing++) {
        const start = endOfText();
        await edit({ range: { start, end: start }, text: padding });
        assert.equal(await definitionAt(server, uri), null, 'past the limit');
        await edit({ range: { start, end: endOfText() }, text: '' });
        assert.ok(Array.isArray(await definitionAt(server, uri)), 'below the limit again');
      }
      assert.equal(toldTooLarge(messages), 1);

      await server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
      await server.open(uri, SEED_TEXT + padding);
      assert.equal(await definitionAt(server, uri), null);
      assert.equal(toldTooLarge(messages), 2, 'told again when the note is opened again');
    });
  });

  it('reports a value of the wrong type and keeps the default limit', async () => {
    const { server, messages } = await serverWith({ diplonote: { maxFileSize: 'big' } });
    try {
      const uri = await server.open('file:///tmp/wrong-setting.note', SEED_TEXT);
      assert.ok(Array.isArray(await definitionAt(server, uri)));
      const warnings = messages.filter((m) => m.type === MessageType.Warning).map((m) => m.message);
      assert.ok(warnings.some((m) => m.includes('diplonote.maxFileSize must be a number')), JSON.stringify(warnings));
    } finally {
      await server.stop();
    }
  });
});
