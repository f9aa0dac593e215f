/** diplonote.maxFileSize: a note past the limit keeps its outline, loses the cross-language features, and says so once. */
import { format } from '../../server/src/core/messages';
import * as assert from 'node:assert/strict';
import { DefinitionRequest, DocumentSymbolRequest, ShowMessageNotification, type DocumentSymbol } from 'vscode-languageserver-protocol';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, startServer, type ServerSession } from '../support/serverConnection';
import { readSettings } from '../../server/src/service/config/editorSettings';

describe('settings', () => {
  it('reads valid values and replaces wrong types by the default, saying which and why', () => {
    assert.equal(readSettings({ maxFileSize: 5000 }).settings.maxFileSize, 5000);
    const wrong = readSettings({ maxFileSize: 'big' });
    assert.equal(wrong.settings.maxFileSize, 50 * 1024 * 1024);
    assert.match(format('en', wrong.problems[0]), /diplonote\.maxFileSize must be a number of at least 1024; got "big"/);
    assert.deepEqual(readSettings(null).problems, []);
  });

  describe('protocol: a note larger than diplonote.maxFileSize', () => {
    let server: ServerSession;
    const messages: string[] = [];
    before(async () => {
      server = await startServer({ diplonote: { maxFileSize: 2048 } });
      server.connection.onNotification(ShowMessageNotification.type, (params) => messages.push(params.message));
    });
    after(async () => server.stop());

    it('keeps the outline, answers no definition, and tells the user once', async () => {
      const text = readFileSync(path.join(REPO_ROOT, 'samples', 'ohchr-reply-al-chn-4-2025.note'), 'utf8');
      const uri = await server.open('file:///tmp/large.note', text);
      const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
      assert.equal(symbols.length, 7);
      for (let i = 0; i < 3; i++) {
        const result = await server.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line: 26, character: 3 } });
        assert.equal(result, null);
      }
      assert.equal(messages.filter((m) => m.includes('larger than diplonote.maxFileSize')).length, 1);
    });
  });
});
