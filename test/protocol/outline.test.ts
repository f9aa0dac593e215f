import * as assert from 'node:assert/strict';
import {
  DocumentSymbolRequest, FoldingRangeRequest, SelectionRangeRequest, type DocumentSymbol, type SelectionRange,
} from 'vscode-languageserver-protocol';
import { startServer, type ServerSession } from '../support/serverConnection';

const SEED = 'samples/ohchr-reply-al-chn-4-2025.note';

describe('protocol: outline of the reference note over stdio', () => {
  let server: ServerSession;
  let uri: string;
  let text: string;
  before(async () => {
    server = await startServer();
    ({ uri, text } = await server.openFile(SEED));
  });
  after(async () => server.stop());

  it('announces the outline capabilities', () => {
    const capabilities = server.initializeResult.capabilities;
    assert.ok(capabilities.documentSymbolProvider);
    assert.equal(capabilities.foldingRangeProvider, true);
    assert.equal(capabilities.selectionRangeProvider, true);
  });

  it('returns the hierarchical document symbols', async () => {
    const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    assert.deepEqual(symbols.map((s) => s.name), [
      'Letterhead', 'Reference CHN/HR/2025/34', 'Opening — presents its compliments',
      'Closing — assurances of highest consideration', 'Addressee', 'English version', '中文 Chinese version',
    ]);
    const english = symbols[5];
    const chinese = symbols[6];
    assert.equal(english.children?.length, 6);
    assert.equal(chinese.children?.length, 6);
    assert.deepEqual(english.children?.[4].children?.map((p) => p.name), ['First', 'Second', 'Third']);
    assert.deepEqual(chinese.children?.[4].children?.map((p) => p.name), ['一是', '二是', '三是']);
    assert.equal(symbols[1].selectionRange.start.line, 13);
    assert.equal(text.split('\n')[13].slice(symbols[1].selectionRange.start.character, symbols[1].selectionRange.end.character), 'CHN/HR/2025/34');
  });

  it('folds the letterhead, the versions and the split paragraphs', async () => {
    const folds = await server.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
    const pairs = (folds ?? []).map((f) => [f.startLine, f.endLine]);
    assert.deepEqual(pairs.slice(0, 1), [[4, 11]]);
    assert.ok(pairs.some(([s, e]) => s === 30 && e === 32), 'English ¶4 folds across the page break');
    assert.ok(pairs.some(([s, e]) => s === 44 && e === 46), 'Chinese ¶4 folds across the page break');
    assert.ok(pairs.some(([s, e]) => s === 24 && e === 36), 'the English version folds');
  });

  it('grows the selection from a point to its paragraph, version and the note', async () => {
    const line = text.split('\n')[34];
    const character = line.indexOf('Second') + 2;
    const [range] = (await server.connection.sendRequest(SelectionRangeRequest.type, {
      textDocument: { uri }, positions: [{ line: 34, character }],
    })) as SelectionRange[];
    const chain: Array<[number, number, number, number]> = [];
    for (let r: SelectionRange | undefined = range; r; r = r.parent) {
      chain.push([r.range.start.line, r.range.start.character, r.range.end.line, r.range.end.character]);
    }
    assert.equal(chain.length, 4);
    assert.equal(line.slice(chain[0][1], chain[0][1] + 7), 'Second,');
    assert.deepEqual(chain[1], [34, 0, 34, line.length]);
    assert.deepEqual(chain[2].slice(0, 2), [24, 0]);
    assert.deepEqual(chain[3].slice(0, 2), [0, 0]);
  });
});
