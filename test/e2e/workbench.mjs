// The VS Code workbench in headless Chromium, driven as a user drives it (keyboard, command palette,
// status bar), for the suites that run code-server: vscode.e2e.mjs and start.e2e.mjs.
import { copyFileSync, createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  codeServerBin, codeServerProfile, installedExtension, installExtension, startCodeServer, useDisplayLanguage, vsixPath,
} from '../../scripts/start.mjs';
import { makeScratch, processesGone, repoRoot, stopGroup } from './harness.mjs';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const PLAYWRIGHT_DIR = path.join(repoRoot, '.tools', 'playwright');
export const UI_TIMEOUT_MS = 20000;
// The first answer waits for the extension host to activate the extension and start the server.
export const SERVER_TIMEOUT_MS = 45000;
const OUTLINE_EXTRA_WIDTH = 260;

/** Settings that keep the workbench plain for the tests and their screenshots: prose wrapped, no minimap, no command center, no preview tabs. */
export const PLAIN_WORKBENCH_SETTINGS = {
  'editor.minimap.enabled': false,
  'editor.wordWrap': 'on',
  'window.commandCenter': false,
  'chat.commandCenter.enabled': false,
  'workbench.editor.enablePreview': false,
};

function loadPlaywright() {
  const require = createRequire(path.join(PLAYWRIGHT_DIR, 'node_modules') + path.sep);
  return require('playwright-core');
}

export function requireTools() {
  const missing = [
    [codeServerBin, 'code-server (run scripts/setup-editors.sh)'],
    [path.join(PLAYWRIGHT_DIR, 'node_modules', 'playwright-core'), 'playwright-core (run scripts/setup-editors.sh)'],
    [CHROMIUM, 'chromium (run scripts/setup-editors.sh)'],
    [vsixPath, `${path.basename(vsixPath)} (run npm run package)`],
  ].filter(([file]) => !existsSync(file)).map(([, what]) => what);
  if (missing.length > 0) throw new Error(`missing: ${missing.join(', ')}`);
}

/** The editor workbench, as a user sees and drives it. */
export class Workbench {
  constructor(page) {
    this.page = page;
  }

  async open(url) {
    await this.page.goto(url, { waitUntil: 'domcontentloaded' });
    // The explorer lists the workspace once the workbench and the remote file system are ready.
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: SERVER_TIMEOUT_MS });
  }

  /**
   * Types `text` into the open quick input, checks that the focused row shows `rowText`, presses Enter
   * and waits until the input closes, or, for a command that asks something next, until it asks
   * `nextPlaceholder`.
   */
  async quickInput(text, rowText, nextPlaceholder) {
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await input.fill(text);
    if (rowText !== undefined) {
      const focused = this.page.locator('.quick-input-list .monaco-list-row.focused');
      await focused.filter({ hasText: rowText }).first().waitFor({ timeout: UI_TIMEOUT_MS }).catch(async (error) => {
        const offered = await focused.first().getAttribute('aria-label', { timeout: 1000 }).catch(() => 'nothing');
        throw new Error(`Quick input "${text}" offers ${JSON.stringify(offered)}, not "${rowText}"`, { cause: error });
      });
    }
    await this.page.keyboard.press('Enter');
    if (nextPlaceholder === undefined) await input.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
    else await this.page.locator(`.quick-input-widget input[placeholder="${nextPlaceholder}"]`).waitFor({ timeout: UI_TIMEOUT_MS });
  }

  async runCommand(label, nextPlaceholder) {
    await this.page.keyboard.press('F1');
    await this.quickInput(`>${label}`, label, nextPlaceholder);
  }

  /** Opens a workspace file with Quick Open and waits until its editor is the active one. */
  async openFile(name) {
    await this.page.keyboard.press('Control+P');
    await this.quickInput(name, name);
    await this.activeTab(name).waitFor({ timeout: UI_TIMEOUT_MS });
    await this.page.locator('.editor-group-container.active .monaco-editor .view-line').first().waitFor({ timeout: UI_TIMEOUT_MS });
  }

  activeTab(name) {
    return this.page.locator(`.editor-group-container.active .tab.active[data-resource-name="${name}"]`);
  }

  /**
   * The Outline list renders only the rows that fit: collapse the file explorer above it and widen the
   * side bar so the whole outline of a note, names included, is on screen.
   */
  async giveOutlineTheSideBar() {
    // Found by its label: a collapsed pane soon drops its body (.explorer-folders-view) from the page.
    const folders = this.page.locator('.part.sidebar .pane-header[aria-label^="Explorer Section"]');
    if (await folders.getAttribute('aria-expanded') === 'true') {
      await folders.click({ position: { x: 12, y: 10 } }); // on the twistie, away from the header's action buttons
    }
    await this.page.locator('.part.sidebar .pane-header[aria-label^="Explorer Section"][aria-expanded="false"]')
      .waitFor({ timeout: UI_TIMEOUT_MS });
    await this.runCommand('Explorer: Focus on Outline View');
    // Drag the sash on the side bar's right edge.
    const sideBar = this.page.locator('.part.sidebar');
    const { x, y, width, height } = await sideBar.boundingBox();
    await this.page.mouse.move(x + width + 1, y + height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(x + width + 1 + OUTLINE_EXTRA_WIDTH, y + height / 2, { steps: 5 });
    await this.page.mouse.up();
    await this.page.waitForFunction((minimum) => document.querySelector('.part.sidebar').getBoundingClientRect().width >= minimum,
      width + OUTLINE_EXTRA_WIDTH / 2, { timeout: UI_TIMEOUT_MS });
  }

  /**
   * Shows the hover at the cursor (Show or Focus Hover, Ctrl+K Ctrl+I) until it contains `text`, asking
   * again while the server is still loading what it needs; resolves with the hover's text.
   */
  async hoverAtCursor(text) {
    const hover = this.page.locator('.monaco-hover:visible .hover-contents').filter({ hasText: text }).first();
    const deadline = Date.now() + SERVER_TIMEOUT_MS;
    for (;;) {
      await this.page.keyboard.press('Control+K');
      await this.page.keyboard.press('Control+I');
      try {
        await hover.waitFor({ timeout: 1500 });
        return await hover.innerText();
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await this.page.keyboard.press('Escape'); // an empty or stale hover would keep the next one from opening
      }
    }
  }

  statusItem(id) {
    return this.page.locator(`[id="${id}"]`);
  }

  async waitForStatus(id, predicate, timeout = UI_TIMEOUT_MS) {
    await this.page.waitForFunction(({ id, source }) => {
      const text = document.getElementById(id)?.textContent?.trim() ?? '';
      return new RegExp(source).test(text);
    }, { id, source: predicate.source }, { timeout });
    return (await this.statusItem(id).textContent()).trim();
  }

  /** Puts the cursor at a 0-based LSP position (ASCII columns) with Go to Line/Column. */
  async goTo({ line, character }) {
    await this.page.keyboard.press('Control+G');
    await this.quickInput(`:${line + 1}:${character + 1}`);
    await this.waitForStatus('status.editor.selection', new RegExp(`^Ln ${line + 1}, Col ${character + 1}\\b`));
  }

  async screenshot(file) {
    mkdirSync(path.dirname(file), { recursive: true });
    await this.page.screenshot({ path: file });
  }
}

/** Chromium with a fresh profile in the scratch folder, and the workbench in its first page. */
export async function launchBrowser(scratch) {
  const { chromium } = loadPlaywright();
  // A persistent context: launch() refuses --user-data-dir, and the profile belongs in the scratch folder.
  const context = await chromium.launchPersistentContext(path.join(scratch.root, 'chromium-profile'), {
    executablePath: CHROMIUM,
    headless: true,
    env: scratch.env,
    viewport: { width: 1400, height: 1000 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return { context, workbench: new Workbench(context.pages()[0] ?? await context.newPage()) };
}

/**
 * code-server with the packaged extension in a fresh profile under the scratch folder, and the workbench
 * open on the scratch workspace. Every file a test opens must be in the workspace before this is called:
 * Quick Open finds files through a search that may not see a file written later.
 */
export async function startVsCode(scratch, { settings = {}, locale, workspaceTrust } = {}) {
  const profile = codeServerProfile(path.join(scratch.root, 'code-server'), settings);
  const installed = installExtension(profile, vsixPath, scratch.env);
  if (!installed.includes(installedExtension)) throw new Error(`installed extensions: ${installed.join(', ')}`);
  if (locale) useDisplayLanguage(profile, locale);
  const log = createWriteStream(path.join(scratch.root, 'code-server.log'));
  const codeServer = await startCodeServer({ profile, folder: scratch.workspace, env: scratch.env, log, locale, workspaceTrust });
  const { context, workbench } = await launchBrowser(scratch);
  await workbench.open(`${codeServer.url}/?folder=${encodeURIComponent(scratch.workspace)}`);
  return { codeServer, context, workbench };
}

/**
 * The screenshot a suite shows in the docs: the suite sets `shot.file` where it took it; with
 * E2E_SCREENSHOTS=1 it is copied to docs/images/`name` once every test of `suite` passed. Call it before
 * vsCodeSession, so that its hook runs before the scratch folder is removed.
 */
export function screenshotForDocs(suite, name) {
  const shot = { file: undefined };
  after(() => {
    if (process.env.E2E_SCREENSHOTS === '1' && shot.file && suite.tests.every((test) => test.state === 'passed')) {
      copyFileSync(shot.file, path.join(repoRoot, 'docs', 'images', name));
    }
  });
  return shot;
}

/**
 * The mocha hooks of a suite that drives one code-server session, for the suites that need nothing more:
 * `prepare(scratch)` writes the workspace's files before the editor starts; the returned object holds
 * `scratch`, `codeServer`, `context` and `workbench` once `before` has run. A failed test leaves a
 * screenshot, and the scratch folder is kept after a failure or with E2E_KEEP=1.
 */
export function vsCodeSession({ prefix, prepare = () => {}, ...options }) {
  const session = {};
  let failures = 0;
  before(async function () {
    this.timeout(120000);
    requireTools();
    session.scratch = makeScratch(prefix);
    prepare(session.scratch);
    Object.assign(session, await startVsCode(session.scratch, options));
  });
  afterEach(async function () {
    if (this.currentTest.state !== 'failed') return;
    failures += 1;
    await session.workbench?.screenshot(path.join(session.scratch.root, 'screenshots', `failed-${failures}.png`)).catch(() => {});
  });
  after(async function () {
    this.timeout(30000);
    const { scratch, codeServer, context } = session;
    await context?.close().catch(() => {});
    if (codeServer) await stopGroup(codeServer.child);
    const stragglers = scratch ? await processesGone(scratch.root, 5000) : [];
    if (scratch && (process.env.E2E_KEEP === '1' || failures > 0)) console.log(`kept ${scratch.root}`);
    else scratch?.remove();
    if (stragglers.length > 0) throw new Error(`processes still running after the suite (killed now): ${stragglers.join(', ')}`);
  });
  return session;
}
