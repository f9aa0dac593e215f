// The extension with VS Code's display language set to Chinese (zh-cn), as a user who runs VS Code in
// Chinese sees it: the language name, the Command Palette, the status bar item and the client's messages
// come from package.nls.zh-cn.json and l10n/bundle.l10n.zh-cn.json. No language pack of VS Code's own
// strings can be installed here (see useDisplayLanguage in scripts/start.mjs), so VS Code's strings stay
// English. The server is told the display language in `initialize` and says its findings in Chinese.
import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './harness.mjs';
import { SERVER_TIMEOUT_MS, UI_TIMEOUT_MS, vsCodeSession } from './workbench.mjs';

const REFERENCE_NOTE = 'ohchr-reply-al-chn-4-2025.note';
const SEEDED_ERROR_FIXTURE = path.join(repoRoot, 'test', 'fixtures', 'checks', 'number-mismatch.note');
const NOTE_STATUS = 'diplonote.diplonote.diplonote.status';

describe('VS Code in Chinese (display language zh-cn) with the packaged .vsix', function () {
  this.timeout(SERVER_TIMEOUT_MS + 30000);
  const session = vsCodeSession({
    prefix: 'vscode-zh', locale: 'zh-cn', settings: { 'workbench.editor.enablePreview': false },
    // Every file a test opens is there before the editor starts.
    prepare: (scratch) => copyFileSync(SEEDED_ERROR_FIXTURE, path.join(scratch.workspace, path.basename(SEEDED_ERROR_FIXTURE))),
  });

  it('a note opens as 外交照会, and the Command Palette lists the commands in Chinese', async () => {
    await session.workbench.openFile(REFERENCE_NOTE);
    assert.equal(await session.workbench.waitForStatus('status.editor.mode', /^外交照会$/), '外交照会');
    await session.workbench.page.keyboard.press('F1');
    const input = session.workbench.page.locator('.quick-input-widget input');
    await input.fill('>Diplonote');
    const rows = session.workbench.page.locator('.quick-input-list .monaco-list-row');
    await rows.filter({ hasText: 'Diplonote: 在侧边打开对应语文本' }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    const titles = (await rows.allInnerTexts()).map((text) => text.split('\n')[0]);
    for (const title of ['Diplonote: 在侧边打开对应语文本', 'Diplonote: 导出对齐句对', 'Diplonote: 打开示例照会']) assert.ok(titles.includes(title), titles.join(' | '));
    // A user may still type the English title: VS Code keeps it as the original.
    await input.fill('>Open Counterpart to the Side');
    await rows.filter({ hasText: 'Diplonote: 在侧边打开对应语文本' }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    await session.workbench.page.keyboard.press('Escape');
  });

  it('the walkthrough is in Chinese', async () => {
    await session.workbench.runCommand('Welcome: Open Walkthrough...', 'Select a walkthrough to open');
    await session.workbench.quickInput('Diplonote', 'Diplonote 入门');
    await session.workbench.page.locator('.getting-started-step.expanded').filter({ hasText: '打开示例照会' })
      .getByRole('button', { name: '打开示例照会' }).waitFor({ timeout: UI_TIMEOUT_MS });
    // Closed with the mouse: the walkthrough's media frame may hold the keyboard's focus.
    const tab = session.workbench.page.locator('.editor-group-container.active .tab.active[aria-label^="Walkthrough"]');
    await tab.locator('.tab-actions .codicon-close').click();
    await tab.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
  });

  it('the status bar item and the messages of the client are in Chinese', async () => {
    await session.workbench.openFile(REFERENCE_NOTE);
    assert.equal(await session.workbench.waitForStatus(NOTE_STATUS, /^英文 \+ 中文$/, SERVER_TIMEOUT_MS), '英文 + 中文');
    assert.match(await session.workbench.statusItem(NOTE_STATUS).getAttribute('aria-label'), /^Diplonote：此照会在同一文件中包含各语文本/);
    await session.workbench.runCommand('View: Close All Editors');
    await session.workbench.runCommand('Diplonote: 导出对齐句对');
    await session.workbench.page.locator('.notification-toast').filter({ hasText: 'Diplonote：请先打开一份照会，再导出其对齐句对。' }).first()
      .waitFor({ timeout: UI_TIMEOUT_MS });
  });

  it('the server\'s finding is in Chinese in the Problems panel', async () => {
    const fixture = path.basename(SEEDED_ERROR_FIXTURE);
    await session.workbench.openFile(fixture);
    await session.workbench.runCommand('Problems: Focus on Problems View');
    // Seeded: English `5,415` at line 5, col 206 against Chinese `5451` (test/fixtures/checks/README.md).
    await session.workbench.page.locator('.markers-panel .monaco-list-row')
      .filter({ hasText: '英文本中的数字“5,415”在对齐的中文文本中找不到相同的数字；中文文本中为“5451”。' })
      .filter({ hasText: /\[Ln 5, Col 206\]/ }).first().waitFor({ timeout: SERVER_TIMEOUT_MS });
  });
});
