// The workspace index in a real VS Code (code-server, the packaged .vsix): Ctrl+T finds a note by its
// reference, Shift+F12 on `AL CHN 4/2025` lists every note that cites it, and the Correspondence view
// shows the thread communication → reply → follow-up and opens a note on a click. The fixture notes are
// written before the editor starts; every wait is for what the user would see (a row, a tab), asked
// again while the index is still being built, never a fixed sleep. E2E_SCREENSHOTS=1 copies the
// screenshot of the Correspondence view to docs/images/correspondence.png when every test passed.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { positionOf, readSample } from './harness.mjs';
import { screenshotForDocs, SERVER_TIMEOUT_MS, UI_TIMEOUT_MS, vsCodeSession } from './workbench.mjs';

const REPLY = 'ohchr-reply-al-chn-4-2025.note'; // samples/: CHN/HR/2025/34, citing AL CHN 4/2025
const COMMUNICATION = 'al-chn-4-2025.note';
const SUPPLEMENT = 'supplement.note';
const FOLLOW_UP = 'follow-up.note';

const fixtures = {
  [COMMUNICATION]: 'Mandate of the Special Rapporteur on trafficking in persons\n\nREFERENCE: AL CHN 4/2025\n\n12 February 2025\n\n'
    + 'Excellency,\n\nI have the honour to address you in my capacity as Special Rapporteur.\n',
  [SUPPLEMENT]: 'CHN/HR/2025/52\n\n关于AL CHN 4/2025号来文，中国政府补充答复如下。\n',
  [FOLLOW_UP]: '---\nreference: CHN/HR/2025/51\nin-reply-to: CHN/HR/2025/34\n---\nThe Permanent Mission of China provides the following additional information.\n',
};

const replyText = readSample(REPLY);

/** Retries `attempt` (which throws when the answer is not there yet) until it succeeds or the server's time is up. */
async function eventually(attempt) {
  const deadline = Date.now() + SERVER_TIMEOUT_MS;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
}

describe('VS Code (code-server): the workspace index', function () {
  this.timeout(SERVER_TIMEOUT_MS + 60000);
  const screenshot = screenshotForDocs(this, 'correspondence.png');
  const session = vsCodeSession({
    prefix: 'vscode-workspace',
    prepare: (scratch) => {
      for (const [name, text] of Object.entries(fixtures)) writeFileSync(path.join(scratch.workspace, name), text);
    },
    settings: { 'editor.minimap.enabled': false, 'workbench.editor.enablePreview': false, 'window.commandCenter': false, 'chat.commandCenter.enabled': false },
  });

  it('Ctrl+T finds a note by its own reference and opens it', async () => {
    const { workbench } = session;
    const { page } = workbench;
    const input = page.locator('.quick-input-widget input');
    const row = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'CHN/HR/2025/51' }).first();
    // The index may still be building: Ctrl+T asks the server once per text typed, so type it again.
    await eventually(async () => {
      await page.keyboard.press('Control+T');
      await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
      await input.fill('#CHN/HR/2025/51');
      try {
        await row.waitFor({ timeout: 2000 });
      } catch (error) {
        await page.keyboard.press('Escape');
        await input.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
        throw error;
      }
    });
    await row.click();
    await workbench.activeTab(FOLLOW_UP).waitFor({ timeout: UI_TIMEOUT_MS });
  });

  it('Shift+F12 on AL CHN 4/2025 lists the notes that cite it', async () => {
    const { workbench } = session;
    const { page } = workbench;
    await workbench.openFile(REPLY);
    const peek = page.locator('.peekview-widget:visible');
    const listed = async () => (await peek.locator('.ref-tree .monaco-list-row').allInnerTexts()).join('\n');
    const text = await eventually(async () => {
      await workbench.goTo(positionOf(replyText, 'AL CHN 4/2025', 3));
      await page.keyboard.press('Shift+F12');
      await peek.locator('.ref-tree .monaco-list-row').first().waitFor({ timeout: UI_TIMEOUT_MS });
      const rows = await listed();
      if ([COMMUNICATION, SUPPLEMENT, REPLY].every((name) => rows.includes(name))) return rows;
      await page.keyboard.press('Escape');
      await peek.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
      throw new Error(`the references listed ${JSON.stringify(rows)}`);
    });
    assert.ok(!text.includes(FOLLOW_UP), `the follow-up replies to the reply and does not cite the communication: ${text}`);
    await page.keyboard.press('Escape');
    await peek.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
  });

  it('the Correspondence view shows the thread (communication → reply → follow-up) and opens a note', async () => {
    const { workbench } = session;
    const { page } = workbench;
    await workbench.runCommand('Explorer: Focus on Correspondence View');
    const rows = page.locator('.pane:has(.pane-header[aria-label^="Correspondence"]) .monaco-list-row');
    await rows.filter({ hasText: 'CHN/HR/2025/51' }).first().waitFor({ timeout: SERVER_TIMEOUT_MS });
    const tree = await rows.evaluateAll((elements) => elements.map((row) => ({
      name: row.querySelector('.label-name')?.textContent?.trim() ?? '',
      level: Number(row.getAttribute('aria-level')),
    })));
    const levelOf = (name) => tree.find((row) => row.name === name)?.level;
    const described = tree.map((row) => `${row.level}:${row.name}`).join(' | ');
    assert.equal(levelOf('CHN'), 1, described);
    assert.equal(levelOf('2025'), 2, described);
    assert.equal(levelOf('AL CHN 4/2025'), 3, described);
    assert.equal(levelOf('CHN/HR/2025/34'), 4, described);
    assert.equal(levelOf('CHN/HR/2025/52'), 4, described);
    assert.equal(levelOf('CHN/HR/2025/51'), 5, described);
    const order = tree.map((row) => row.name);
    assert.ok(order.indexOf('AL CHN 4/2025') < order.indexOf('CHN/HR/2025/34') && order.indexOf('CHN/HR/2025/34') < order.indexOf('CHN/HR/2025/51'), described);
    await workbench.openFile(REPLY);
    await rows.filter({ hasText: 'CHN/HR/2025/51' }).first().click();
    await workbench.activeTab(FOLLOW_UP).waitFor({ timeout: UI_TIMEOUT_MS });
    // The screenshot for the docs, with the list of files folded so that the view has the room.
    await page.locator('.pane-header[aria-label^="Explorer Section"]').first().click();
    await page.locator('.explorer-folders-view').waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
    await rows.filter({ hasText: 'CHN/HR/2025/52' }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    // A country's count of threads, in the singular for one (the samples' reply of Kazakhstan).
    const kazakhstan = await rows.filter({ hasText: 'KAZ' }).first().innerText({ timeout: UI_TIMEOUT_MS });
    assert.match(kazakhstan, /^KAZ\s*1 thread$/, kazakhstan);
    screenshot.file = path.join(session.scratch.root, 'screenshots', 'correspondence.png');
    await workbench.screenshot(screenshot.file);
  });
});
