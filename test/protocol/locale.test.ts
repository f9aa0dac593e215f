/** The server speaks the client's language: findings, related information, hovers and quick fixes in Chinese for a Chinese editor. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CodeActionRequest, HoverRequest, type CodeAction, type Diagnostic, type MarkupContent } from 'vscode-languageserver-protocol';
import { startServer, type ServerSession } from '../support/serverConnection';
import { positionOf } from '../support/positions';
import { nextDiagnostics } from './diagnostics.test';

const NOTE = readFileSync('test/fixtures/checks/number-mismatch.note', 'utf8');

async function findingsAndHovers(locale: string | undefined) {
  const server: ServerSession = await startServer({}, undefined, locale ? { locale } : {});
  try {
    const uri = `file:///tmp/diplonote-protocol-locale/${locale ?? 'none'}/number-mismatch.note`;
    const published = nextDiagnostics(server, uri);
    await server.open(uri, NOTE);
    const { diagnostics } = await published;
    const hover = async (needle: string, into = 1) => {
      const result = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(NOTE, needle, into) });
      return (result?.contents as MarkupContent | undefined)?.value ?? '';
    };
    const actions = await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics: [diagnostics[0]] },
    }) as CodeAction[];
    return {
      diagnostics: diagnostics as Diagnostic[],
      communication: await hover('AL CHN 6/2024 from'),
      reference: await hover('CHN/HR/2024/19'),
      point: await hover('Second, every'),
      actions: actions.map((a) => a.title),
    };
  } finally {
    await server.stop();
  }
}

describe('protocol: the client\'s locale', () => {
  it('initialised with zh-cn: a Chinese finding with Chinese related information, Chinese hover labels and quick fixes', async () => {
    const zh = await findingsAndHovers('zh-cn');
    assert.deepEqual(zh.diagnostics.map((d) => d.code), ['number-mismatch', 'number-mismatch']);
    assert.equal(zh.diagnostics[0].message, '英文本中的数字“5,415”在对齐的中文文本中找不到相同的数字；中文文本中为“5451”。');
    assert.equal(zh.diagnostics[0].relatedInformation?.[0].message, '中文本：“5451”');
    assert.match(zh.communication, /^\*\*AL CHN 6\/2024\*\* — 指控信（allegation letter）/);
    assert.match(zh.communication, /\| 国家 \| CHN：中国（China） \|/);
    assert.match(zh.communication, /\| 编号 \| 2024 年第 6 号 \|/);
    assert.match(zh.reference, /— 本照会编号\n\n\| 组成部分 \| 含义 \|[\s\S]*`HR` \| 事项：人权/);
    assert.match(zh.point, /所在列表的第 2 个要点\n\n另一语文本中的写法：`二是`、/);
    assert.deepEqual(zh.actions, ['转到对应之处', '在此段落忽略 number-mismatch（%% diplonote-ignore）']);
  });

  it('initialised with en, or with no locale: the same in English', async () => {
    for (const locale of ['en', undefined]) {
      const en = await findingsAndHovers(locale);
      assert.equal(en.diagnostics[0].message, 'The number "5,415" in the English version has no equal in the aligned Chinese text, which has "5451".');
      assert.equal(en.diagnostics[0].relatedInformation?.[0].message, 'Chinese: "5451"');
      assert.match(en.communication, /^\*\*AL CHN 6\/2024\*\* — allegation letter \(指控信\)/);
      assert.match(en.reference, /`HR` \| subject: human rights/);
      assert.match(en.point, /point 2 of its list\n\nIn the other language: `二是`, /);
      assert.deepEqual(en.actions, ['Go to the counterpart', 'Ignore number-mismatch on this paragraph (%% diplonote-ignore)']);
    }
  });

  it('initialised with zh-cn: the problems of the front matter in Chinese', async () => {
    const server = await startServer({}, undefined, { locale: 'zh-cn' });
    try {
      const uri = 'file:///tmp/diplonote-protocol-locale/broken-front-matter.note';
      const published = nextDiagnostics(server, uri);
      await server.open(uri, readFileSync('test/fixtures/front-matter/broken.note', 'utf8'));
      assert.deepEqual((await published).diagnostics.map((d) => [d.code, d.range.start.line, d.message]), [
        ['front-matter', 1, '未知的文首元数据键“refrence”：是否应为“reference”？'],
        ['front-matter', 3, '“englsh”不是 Diplonote 识别的语言（en、zh、english、chinese）；本照会既不按英文也不按中文处理。'],
        ['front-matter', 4, '此值含有“: ”，YAML 会将其读作另一个键；请将值用引号括起。'],
      ]);
    } finally {
      await server.stop();
    }
  });
});

