/** Hover over stdio: glossary terms in both languages with their counterpart, references, points; nothing on plain words. */
import * as assert from 'node:assert/strict';
import { HoverRequest, type MarkupContent, type Position } from 'vscode-languageserver-protocol';
import { startServer, type ServerSession } from '../support/serverConnection';
import { positionOf as positionAt } from '../support/positions';

/** Positions one unit into the needle, so the cursor is inside the word hovered. */
const positionOf = (text: string, needle: string, into = 1): Position => positionAt(text, needle, into);

describe('protocol: hover', () => {
  let server: ServerSession;
  let uri: string;
  let text: string;
  before(async () => {
    server = await startServer();
    ({ uri, text } = await server.openFile('samples/ohchr-reply-al-chn-4-2025.note'));
  });
  after(async () => server.stop());

  async function hoverAt(documentUri: string, position: Position): Promise<string | null> {
    const result = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: documentUri }, position });
    return result ? (result.contents as MarkupContent).value : null;
  }

  it('explains a term in English with its Chinese counterpart in the aligned text', async () => {
    const value = await hoverAt(uri, positionOf(text, 'Myawaddy, Cambodia'));
    assert.ok(value?.startsWith('**Myawaddy** ↔ **妙瓦底**'), value ?? 'no hover');
    assert.match(value ?? '', /In the other version of this note: \[妙瓦底\]\(file:.*#L43,\d+\) \(line 43\)/);
  });

  it('explains a term in Chinese with its English counterpart', async () => {
    const value = await hoverAt(uri, positionOf(text, '中国公安机关严厉', 3));
    assert.ok(value?.includes('**public security organs** ↔ **公安机关**'), value ?? 'no hover');
    assert.match(value ?? '', /\[public security organs\]\(.*\) \(line 29\)/);
    const fraud = await hoverAt(uri, positionOf(text, '电信诈骗、网络赌博'));
    assert.match(fraud ?? '', /telecommunications fraud/);
  });

  it('decodes the cited communication and the own reference', async () => {
    const communication = await hoverAt(uri, positionOf(text, 'AL CHN 4/2025]'));
    assert.match(communication ?? '', /\*\*AL CHN 4\/2025\*\* — allegation letter \(指控信\)/);
    assert.match(communication ?? '', /CHN: China \(中国\)/);
    const reference = await hoverAt(uri, positionOf(text, 'CHN/HR/2025/34'));
    assert.match(reference ?? '', /`HR` \| subject: human rights/);
  });

  it('gives a point marker its ordinal and its counterparts, and explains the opening formula', async () => {
    assert.match((await hoverAt(uri, positionOf(text, 'Second, by'))) ?? '', /point 2 of its list[\s\S]*`二是`/);
    assert.match((await hoverAt(uri, positionOf(text, '三是'))) ?? '', /`Third`/);
    const opening = await hoverAt(uri, positionOf(text, 'presents its compliments'));
    assert.match(opening ?? '', /^\*\*presents its compliments\*\* — Opening courtesy formula \(开头客套语\), third person/);
    assert.match(opening ?? '', /In the other language: `…向…致意`/);
  });

  it('explains every variant of a closing formula, with its counterpart (formulas as data)', async () => {
    const note = [
      '瓦尔莫拉王国外交部：', '', '我荣幸地通知阁下，代表团将于５月３日抵达。', '', '顺致崇高敬意。', '',
      'Excellency,', '', 'I have the honour to inform you that the delegation will arrive on 3 May.', '',
      'Accept, Excellency, the assurances of my highest consideration.', '',
      '順致崇高的敬意。', '',
    ].join('\n');
    const other = await server.open('file:///tmp/formulas.note', note);
    const simplified = await hoverAt(other, positionOf(note, '顺致崇高敬意', 2));
    assert.match(simplified ?? '', /Closing courtesy formula \(结尾客套语\)/);
    assert.match(simplified ?? '', /In the other language: `the assurances of its highest consideration`/);
    const english = await hoverAt(other, positionOf(note, 'Accept, Excellency', 2));
    assert.match(english ?? '', /first person[\s\S]*Please accept, Excellency/);
    const opening = await hoverAt(other, positionOf(note, '我荣幸地', 1));
    assert.match(opening ?? '', /Opening courtesy formula[\s\S]*`I have the honour to`/);
  });

  it('finds traditional forms and keeps UTF-16 positions after astral characters', async () => {
    const other = await server.open('file:///tmp/traditional.note', '𠀀𠀁 打擊電信詐騙。\n');
    const value = await hoverAt(other, { line: 0, character: 8 });
    assert.match(value ?? '', /telecommunications fraud/);
  });

  it('says nothing on a plain word', async () => {
    assert.equal(await hoverAt(uri, positionOf(text, 'willing to continue', 3)), null);
  });
});
