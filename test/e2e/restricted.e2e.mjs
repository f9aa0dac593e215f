// Restricted Mode, as the extension's `capabilities` state it: a folder that is not trusted cannot make
// Diplonote read files outside it through its own `diplonote.glossary.files` setting, and everything else
// works. The folder names a glossary outside it that renders "telecommunications fraud" differently; the
// glossary found inside the folder (team.glossary.json) is read. Once the folder is trusted, the outside
// glossary is read too.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeScratch, positionOf, processesGone, stopGroup } from './harness.mjs';
import { requireTools, SERVER_TIMEOUT_MS, startVsCode, UI_TIMEOUT_MS } from './workbench.mjs';

const NOTE = 'restricted.note';
const noteText = 'The Zenith Accord was signed.\n\nTelecommunications fraud is a crime.\n';
// A term only the glossary inside the folder knows, and a built-in term the outside glossary renders otherwise.
const insideTerm = positionOf(noteText, 'Zenith Accord', 3);
const outsideTerm = positionOf(noteText, 'Telecommunications fraud', 4);
const glossary = (en, zh) => JSON.stringify({ entries: [{ en, zh: [zh] }] });

describe('VS Code in Restricted Mode (a folder that is not trusted)', function () {
  this.timeout(SERVER_TIMEOUT_MS + 30000);
  let scratch;
  let codeServer;
  let context;
  let workbench;
  let failed = false;

  before(async function () {
    this.timeout(120000);
    requireTools();
    scratch = makeScratch('vscode-restricted');
    const outside = path.join(scratch.root, 'outside', 'outside.glossary.json');
    mkdirSync(path.dirname(outside), { recursive: true });
    writeFileSync(outside, glossary('telecommunications fraud', '外部术语表译法'));
    writeFileSync(path.join(scratch.workspace, 'team.glossary.json'), glossary('Zenith Accord', '天顶协定'));
    writeFileSync(path.join(scratch.workspace, NOTE), noteText);
    mkdirSync(path.join(scratch.workspace, '.vscode'));
    writeFileSync(path.join(scratch.workspace, '.vscode', 'settings.json'), JSON.stringify({ 'diplonote.glossary.files': [outside] }));
    const settings = { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'editor.hover.delay': 100 };
    ({ codeServer, context, workbench } = await startVsCode(scratch, { settings, workspaceTrust: true }));
  });

  afterEach(async function () {
    if (this.currentTest.state !== 'failed') return;
    failed = true;
    await workbench?.screenshot(path.join(scratch.root, 'screenshots', 'failed-restricted.png')).catch(() => {});
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

  it('reads the glossary inside the folder but not the one its settings name outside it', async () => {
    await workbench.page.locator('.statusbar-item').filter({ hasText: 'Restricted Mode' }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    await workbench.openFile(NOTE);
    await workbench.goTo(insideTerm);
    await workbench.hoverAtCursor('天顶协定'); // the glossaries have been read
    await workbench.page.keyboard.press('Escape');
    await workbench.goTo(outsideTerm);
    const hover = await workbench.hoverAtCursor('电信网络诈骗');
    assert.doesNotMatch(hover, /外部术语表译法/);
    await workbench.page.keyboard.press('Escape');
  });

  it('reads the glossary outside once the folder is trusted', async () => {
    await workbench.runCommand('Workspaces: Manage Workspace Trust');
    await workbench.page.getByRole('button', { name: 'Trust', exact: true }).first().click();
    await workbench.page.locator('.statusbar-item').filter({ hasText: 'Restricted Mode' }).first().waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    await workbench.openFile(NOTE);
    await workbench.goTo(outsideTerm);
    await workbench.hoverAtCursor('外部术语表译法');
    await workbench.page.keyboard.press('Escape');
  });
});
