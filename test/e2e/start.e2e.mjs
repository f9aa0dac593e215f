// `npm start` where there is no desktop VS Code: scripts/start.mjs --code-server installs the packaged
// .vsix, serves samples/ with code-server and prints the URL; the URL must give a working editor, and
// Ctrl+C must stop everything. Its profile goes to a temporary folder (DIPLONOTE_START_DIR).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { exited, makeScratch, processesGone, repoRoot, stopGroup } from './harness.mjs';
import { launchBrowser, requireTools, SERVER_TIMEOUT_MS, UI_TIMEOUT_MS } from './workbench.mjs';

const PRINTED_URL = /open (http:\/\/127\.0\.0\.1:\d+\/\?folder=\S+)/;

/** Resolves with the first match of `pattern` in the child's standard output. */
function waitForOutput(child, pattern, timeoutMs) {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`no ${pattern} in ${timeoutMs} ms; output:\n${output}`)), timeoutMs);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = pattern.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before printing ${pattern}; output:\n${output}`));
    });
  });
}

describe('npm start with code-server (scripts/start.mjs --code-server)', function () {
  this.timeout(SERVER_TIMEOUT_MS + 30000);
  let scratch;
  let start;
  let url;
  let context;
  let workbench;

  before(async function () {
    requireTools();
    scratch = makeScratch('start');
    start = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'start.mjs'), '--code-server'], {
      detached: true, // a group of its own, so a failed test can still stop it with all it started
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...scratch.env, DIPLONOTE_START_DIR: path.join(scratch.root, 'start'), PORT: '0' },
    });
    [, url] = await waitForOutput(start, PRINTED_URL, SERVER_TIMEOUT_MS);
  });

  after(async function () {
    await context?.close().catch(() => {});
    if (start) await stopGroup(start);
    if (scratch) await processesGone(scratch.root, 5000);
    scratch?.remove();
  });

  it('prints a URL on 127.0.0.1 that opens samples/', () => {
    assert.equal(new URL(url).searchParams.get('folder'), path.join(repoRoot, 'samples'));
  });

  it('the URL gives an editor with the extension: a sample opens as "Diplomatic Note" and has an outline', async () => {
    ({ context, workbench } = await launchBrowser(scratch));
    await workbench.open(url);
    await workbench.openFile('visa-request.en.note');
    await workbench.waitForStatus('status.editor.mode', /^Diplomatic Note$/);
    await workbench.runCommand('Explorer: Focus on Outline View');
    await workbench.page.locator('.pane:has(.pane-header[aria-label^="Outline"]) .monaco-list-row')
      .filter({ hasText: 'Reference (2025)领字第45号' }).first().waitFor({ timeout: SERVER_TIMEOUT_MS });
  });

  it('Ctrl+C (SIGINT) stops code-server and all it started, and exits with status 0', async () => {
    await context?.close();
    context = undefined;
    process.kill(start.pid, 'SIGINT');
    let timer;
    const overdue = new Promise((resolve) => { timer = setTimeout(resolve, UI_TIMEOUT_MS, 'still running'); });
    const status = await Promise.race([exited(start), overdue]);
    clearTimeout(timer);
    assert.equal(status, 0);
    assert.deepEqual(await processesGone(scratch.root, 5000), [], 'processes left after Ctrl+C (killed now)');
  });
});
