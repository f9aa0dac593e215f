/** Quick fixes for the consistency diagnostics, over stdio. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CodeActionRequest, type CodeAction } from 'vscode-languageserver-protocol';
import { startServer, type ServerSession } from '../support/serverConnection';
import { nextDiagnostics } from './diagnostics.test';

describe('protocol: consistency quick fixes', () => {
  let server: ServerSession;
  before(async () => {
    server = await startServer();
  });
  after(async () => server.stop());

  async function actionsFor(uri: string, text: string): Promise<CodeAction[]> {
    const published = nextDiagnostics(server, uri);
    await server.open(uri, text);
    const { diagnostics } = await published;
    const actions = await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics: [diagnostics[0]] },
    });
    return (actions ?? []) as CodeAction[];
  }

  it('offers the counterpart jump and an ignore line inserted after the paragraph', async () => {
    const uri = 'file:///tmp/diplonote-actions/number-mismatch.note';
    const actions = await actionsFor(uri, readFileSync('test/fixtures/checks/number-mismatch.note', 'utf8'));
    assert.deepEqual(actions.map((a) => a.title), ['Go to the counterpart', 'Ignore number-mismatch on this paragraph (%% diplonote-ignore)']);
    assert.deepEqual(actions[0].command?.arguments, [uri, { start: { line: 14, character: 52 }, end: { line: 14, character: 56 } }]);
    assert.deepEqual(actions[1].edit?.changes?.[uri], [
      { range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, newText: '%% diplonote-ignore number-mismatch\n' },
    ]);
  });

  it('inserts a closing formula built from the opening one', async () => {
    const uri = 'file:///tmp/diplonote-actions/closing.note';
    const text = 'The Embassy of Ruritania presents its compliments to the Ministry of Foreign Affairs and has the honour to request a meeting.\n\nThe meeting would take place on 5 June.\n';
    const actions = await actionsFor(uri, text);
    const insert = actions.find((a) => a.title === 'Insert the closing formula');
    assert.deepEqual(insert?.edit?.changes?.[uri], [{
      range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } },
      newText: '\nThe Embassy of Ruritania avails itself of this opportunity to renew to the Ministry of Foreign Affairs the assurances of its highest consideration.\n',
    }]);
  });
});
