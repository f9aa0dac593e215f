/** Cross-language jump-to over stdio: every paragraph and point of the samples, both directions. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeLensRequest, DefinitionRequest, DocumentHighlightRequest, type LocationLink, type Position,
} from 'vscode-languageserver-protocol';
import { REPO_ROOT, startServer, type ServerSession } from '../support/serverConnection';
import { positionOf } from '../support/positions';

const SEED = 'samples/ohchr-reply-al-chn-4-2025.note';

function lineText(text: string, line: number): string {
  return text.split('\n')[line];
}

describe('protocol: cross-language definition', () => {
  let server: ServerSession;
  before(async () => {
    server = await startServer();
  });
  after(async () => server.stop());

  async function jump(uri: string, position: Position): Promise<LocationLink> {
    const result = (await server.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position })) as LocationLink[] | null;
    assert.ok(result && result.length === 1, `no definition at ${JSON.stringify(position)}`);
    return result[0];
  }

  describe('the reference note, in one file', () => {
    let uri: string;
    let text: string;
    before(async () => ({ uri, text } = await server.openFile(SEED)));

    // English paragraph line -> Chinese paragraph line (0-based), from the sample.
    const PARAGRAPH_LINES: Array<[number, number]> = [[24, 38], [26, 40], [28, 42], [30, 44], [32, 44], [34, 48], [36, 50]];

    it('jumps from every English paragraph to its Chinese paragraph and back, also after the page break', async () => {
      for (const [english, chinese] of PARAGRAPH_LINES) {
        const there = await jump(uri, { line: english, character: 3 });
        assert.equal(there.targetUri, uri);
        assert.equal(there.targetRange.start.line, chinese, `English line ${english + 1}`);
        const back = await jump(uri, { line: chinese, character: 1 });
        assert.equal(back.targetRange.start.line, english === 32 ? 30 : english, `Chinese line ${chinese + 1}`);
      }
    });

    it('jumps from each point to the point of the same ordinal', async () => {
      for (const [english, chinese] of [['First,', '一是'], ['Second,', '二是'], ['Third,', '三是']]) {
        const there = await jump(uri, positionOf(text, english));
        const target = lineText(text, there.targetSelectionRange.start.line).slice(there.targetSelectionRange.start.character);
        assert.ok(target.startsWith(chinese), `${english} -> ${target.slice(0, 10)}`);
        const back = await jump(uri, positionOf(text, chinese));
        const source = lineText(text, back.targetSelectionRange.start.line).slice(back.targetSelectionRange.start.character);
        assert.ok(source.startsWith(english), `${chinese} -> ${source.slice(0, 10)}`);
      }
    });

    it('selects the aligned sentence inside the paragraph', async () => {
      const there = await jump(uri, positionOf(text, 'deals with the persons involved'));
      const range = there.targetSelectionRange;
      assert.equal(lineText(text, range.start.line).slice(range.start.character, range.end.character), '中方依法处理涉案人员，保护其合法权益。');
    });

    it('lands on the counterpart of a glossary term in the aligned sentence', async () => {
      for (const [english, chinese] of [['Myawaddy; since', '妙瓦底电诈窝点'], ['unlawful detention, extortion and intentional injury have', '非法拘禁、敲诈勒索']]) {
        const there = await jump(uri, positionOf(text, english));
        const range = there.targetSelectionRange;
        const target = lineText(text, range.start.line).slice(range.start.character, range.end.character);
        assert.ok(chinese.startsWith(target) && target.length >= 3, `${english} -> ${target}`);
      }
    });

    it('highlights the counterpart in the same file', async () => {
      const highlights = await server.connection.sendRequest(DocumentHighlightRequest.type, {
        textDocument: { uri }, position: positionOf(text, 'China deals with the persons involved'),
      });
      assert.deepEqual(highlights?.map((h) => [h.range.start.line, h.kind]), [[26, 1], [40, 2]]);
    });

    it('offers a code lens above each paired paragraph', async () => {
      const lenses = await server.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
      const titles = (lenses ?? []).map((lens) => `${lens.range.start.line}:${lens.command?.title}`);
      assert.deepEqual(titles.slice(0, 6), ['24:↔ 中文 ¶1', '38:↔ English ¶1', '26:↔ 中文 ¶2', '40:↔ English ¶2', '28:↔ 中文 ¶3', '42:↔ English ¶3']);
      assert.equal(lenses?.length, 12);
    });
  });

  describe('a pair of files, the Chinese one read from disk', () => {
    it('jumps from the English file into the Chinese file: paragraphs, points, formulas', async () => {
      const { uri, text } = await server.openFile('samples/visa-request.en.note');
      const zhFile = path.join(REPO_ROOT, 'samples/visa-request.zh.note');
      const zhText = readFileSync(zhFile, 'utf8');
      const cases: Array<[string, string]> = [
        ['presents its compliments', '中华人民共和国外交部领事司向'],
        ['Second,', '二是'],
        ['2. The delegation', '二、代表团'],
        ['avails itself', '顺致崇高的敬意'],
      ];
      for (const [english, chinese] of cases) {
        const there = await jump(uri, positionOf(text, english));
        assert.equal(there.targetUri, pathToFileURL(zhFile).toString());
        const target = lineText(zhText, there.targetSelectionRange.start.line).slice(there.targetSelectionRange.start.character);
        assert.ok(target.startsWith(chinese) || lineText(zhText, there.targetRange.start.line).includes(chinese), `${english} -> ${target.slice(0, 12)}`);
      }
    });
  });
});
