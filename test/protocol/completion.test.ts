/** Completion offers the formulas of the language being written and glossary terms with their counterpart. */
import * as assert from 'node:assert/strict';
import { CompletionRequest, InsertTextFormat, type CompletionItem } from 'vscode-languageserver-protocol';
import { startServer, type ServerSession } from '../support/serverConnection';

describe('protocol: completion', () => {
  let server: ServerSession;
  before(async () => {
    server = await startServer();
  });
  after(async () => server.stop());

  async function complete(text: string): Promise<CompletionItem[]> {
    const uri = await server.open(`file:///tmp/complete-${text.length}.note`, text);
    const lines = text.split('\n');
    const result = await server.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri }, position: { line: lines.length - 1, character: lines[lines.length - 1].length },
    });
    return Array.isArray(result) ? result : result?.items ?? [];
  }

  it('offers the English formulas as snippets and English terms while writing English', async () => {
    const items = await complete('The Embassy presents');
    const opening = items.find((item) => item.label.startsWith('presents its compliments'));
    assert.equal(opening?.insertTextFormat, InsertTextFormat.Snippet);
    assert.match(opening?.insertText ?? '', /presents its compliments to the \$\{2:/);
    assert.ok(!items.some((item) => item.label.startsWith('顺致')));
    assert.equal(items.find((item) => item.label === 'public security organs')?.detail, '公安机关 · enforcement');
  });

  it('offers the Chinese formulas and terms while writing Chinese', async () => {
    const items = await complete('代表团向人权高专办');
    assert.ok(items.some((item) => item.label.startsWith('顺致崇高的敬意') && item.insertText?.includes('的敬意。')));
    assert.match(items.find((item) => item.label === '公安机关')?.detail ?? '', /^public security organs · /);
  });
});
