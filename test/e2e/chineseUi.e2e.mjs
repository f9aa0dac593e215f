// The extension with VS Code's display language set to Chinese (zh-cn), as a user who runs VS Code in
// Chinese sees it: the language name, the Command Palette, the status bar item and the client's messages
// come from package.nls.zh-cn.json and l10n/bundle.l10n.zh-cn.json. No language pack of VS Code's own
// strings can be installed here (see useDisplayLanguage in scripts/start.mjs), so VS Code's strings stay
// English. Findings come from the server, whose messages are not localised yet.
import assert from 'node:assert/strict';
import { makeScratch, processesGone, stopGroup } from './harness.mjs';
import { requireTools, SERVER_TIMEOUT_MS, startVsCode, UI_TIMEOUT_MS } from './workbench.mjs';

const REFERENCE_NOTE = 'ohchr-reply-al-chn-4-2025.note';
const NOTE_STATUS = 'diplonote.diplonote.diplonote.status';

describe('VS Code in Chinese (display language zh-cn) with the packaged .vsix', function () {
  this.timeout(SERVER_TIMEOUT_MS + 30000);
  let scratch;
  let codeServer;
  let context;
  let workbench;
  let failed = false;

  before(async function () {
    this.timeout(120000);
    requireTools();
    scratch = makeScratch('vscode-zh');
    ({ codeServer, context, workbench } = await startVsCode(scratch, { locale: 'zh-cn', settings: { 'workbench.editor.enablePreview': false } }));
  });

  afterEach(async function () {
    if (this.currentTest.state !== 'failed') return;
    failed = true;
    await workbench?.screenshot(`${scratch.root}/screenshots/failed-${this.currentTest.title.slice(0, 40)}.png`).catch(() => {});
  });

  after(async function () {
    this.timeout(30000);
    await context?.close().catch(() => {});
    if (codeServer) await stopGroup(codeServer.child);
    const stragglers = scratch ? await processesGone(scratch.root, 5000) : [];
    if (scratch && (process.env.E2E_KEEP === '1' || failed)) console.log(`kept ${scratch.root}`);
    else scratch?.remove();
    assert.deepEqual(stragglers, [], 'processes still running after the suite (killed now)');
  });

  it('a note opens as 外交照会, and the Command Palette lists the commands in Chinese', async () => {
    await workbench.openFile(REFERENCE_NOTE);
    assert.equal(await workbench.waitForStatus('status.editor.mode', /^外交照会$/), '外交照会');
    await workbench.page.keyboard.press('F1');
    const input = workbench.page.locator('.quick-input-widget input');
    await input.fill('>Diplonote');
    const rows = workbench.page.locator('.quick-input-list .monaco-list-row');
    await rows.filter({ hasText: 'Diplonote: 在侧边打开对应语文本' }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    const titles = (await rows.allInnerTexts()).map((text) => text.split('\n')[0]);
    for (const title of ['Diplonote: 在侧边打开对应语文本', 'Diplonote: 导出对齐句对', 'Diplonote: 打开示例照会']) assert.ok(titles.includes(title), titles.join(' | '));
    // A user may still type the English title: VS Code keeps it as the original.
    await input.fill('>Open Counterpart to the Side');
    await rows.filter({ hasText: 'Diplonote: 在侧边打开对应语文本' }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    await workbench.page.keyboard.press('Escape');
  });

  it('the walkthrough is in Chinese', async () => {
    await workbench.runCommand('Welcome: Open Walkthrough...', 'Select a walkthrough to open');
    await workbench.quickInput('Diplonote', 'Diplonote 入门');
    await workbench.page.locator('.getting-started-step.expanded').filter({ hasText: '打开示例照会' })
      .getByRole('button', { name: '打开示例照会' }).waitFor({ timeout: UI_TIMEOUT_MS });
  });

  it('the status bar item and the messages of the client are in Chinese', async () => {
    await workbench.openFile(REFERENCE_NOTE);
    assert.equal(await workbench.waitForStatus(NOTE_STATUS, /^英文 \+ 中文$/, SERVER_TIMEOUT_MS), '英文 + 中文');
    assert.match(await workbench.statusItem(NOTE_STATUS).getAttribute('aria-label'), /^Diplonote：此照会在同一文件中包含各语文本/);
    await workbench.runCommand('View: Close All Editors');
    await workbench.runCommand('Diplonote: 导出对齐句对');
    await workbench.page.locator('.notification-toast').filter({ hasText: 'Diplonote：请先打开一份照会，再导出其对齐句对。' }).first()
      .waitFor({ timeout: UI_TIMEOUT_MS });
  });
});
