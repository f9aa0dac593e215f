/** The service says the problems of the user's files and settings in its locale: Chinese when told, English otherwise. */
import * as assert from 'node:assert/strict';
import { uri, workspaceOf } from './support';

const FILES = {
  'team.glossary.json': '{ "entries": [ { "en": "special procedures" } ], "colour": "red" }',
  '.diplonote.json': '{ "glossary": { "file": [] } }',
};

describe('service: the language of file and setting problems', () => {
  it('in Chinese once told zh: glossary and project file problems, and the editor settings', async () => {
    const setup = await workspaceOf(FILES);
    setup.service.setLocale('zh');
    const problems = setup.service.fileProblems();
    assert.deepEqual((problems.get(uri('team.glossary.json')) ?? []).map((p) => p.message).sort(), ['未知属性“colour”。', '条目缺少中文形式（"en"/"zh"）。'].sort());
    assert.deepEqual((problems.get(uri('.diplonote.json')) ?? []).map((p) => p.message), ['未知键“glossary.file”；可用的键为 "files"。']);
    assert.deepEqual(setup.service.setEditorSettings({ checks: { spelling: 'off' } }), ['diplonote.checks.spelling 不是已知的检查项，已忽略。']);
  });

  it('in English by default, as before', async () => {
    const setup = await workspaceOf(FILES);
    const problems = setup.service.fileProblems();
    assert.deepEqual((problems.get(uri('team.glossary.json')) ?? []).map((p) => p.message).sort(), ['Entry has no Chinese form ("en"/"zh").', 'Unknown property "colour".'].sort());
    assert.deepEqual(setup.service.setEditorSettings({ checks: { spelling: 'off' } }), ['diplonote.checks.spelling is not a known check; it is ignored.']);
  });

  it('a refused counterpart: in Chinese, the reason of the path policy too', async () => {
    const setup = await workspaceOf({});
    setup.service.setLocale('zh');
    const document = setup.open('reply.note', '---\ncounterpart: /etc/reply.zh.note\n---\nThe Government has received the communication.\n');
    const findings = await setup.service.findingsInSlices(document) ?? [];
    assert.deepEqual(findings.map((f) => [f.code, f.message]), [[
      'counterpart-invalid',
      'counterpart：“/etc/reply.zh.note”是绝对路径，而非相对路径；请以相对于本照会的路径指明另一语文本，且须为工作区文件夹内的 .note 文件。未予读取。',
    ]]);
  });
});
