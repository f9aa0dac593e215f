// What the real-editor suites (test/e2e, test/nvim) share: the scratch folder everything is written
// to, an environment that keeps editors out of $HOME and /tmp, positions in the samples, and stopping
// the processes a suite started (scripts/start.mjs has the code-server and process-group helpers).
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { editorEnvironment, repoRoot } from '../../scripts/start.mjs';

export { exited, repoRoot, stopGroup } from '../../scripts/start.mjs';

/** A fresh scratch folder with a copy of samples/ as the workspace; `remove()` deletes it all. */
export function makeScratch(prefix) {
  const root = mkdtempSync(path.join(tmpdir(), `diplonote-${prefix}-`));
  const workspace = path.join(root, 'workspace');
  cpSync(path.join(repoRoot, 'samples'), workspace, { recursive: true });
  return {
    root,
    workspace,
    /** The process environment with every per-user folder pointed inside the scratch folder. */
    env: editorEnvironment(root),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

export function readSample(name) {
  return readFileSync(path.join(repoRoot, 'samples', name), 'utf8');
}

/**
 * The LSP position (0-based line, UTF-16 character) `into` code units after the start of `needle`
 * in `text`; JS strings are UTF-16, so the index arithmetic matches what LSP clients send.
 */
export function positionOf(text, needle, into = 0) {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`"${needle}" is not in the text`);
  const before = text.slice(0, offset + into);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length - 1, character: offset + into - lineStart };
}

/**
 * Ids of the processes whose command line or environment contains `text` (Linux /proc). Everything a
 * suite starts, and everything those start, inherits the environment pointing into its scratch folder.
 */
function processesMentioning(text) {
  return readdirSync('/proc').filter((entry) => /^\d+$/.test(entry) && Number(entry) !== process.pid).filter((pid) => {
    try {
      return ['cmdline', 'environ'].some((file) => readFileSync(`/proc/${pid}/${file}`, 'utf8').includes(text));
    } catch {
      return false; // exited while we looked, or not ours to read
    }
  }).map(Number);
}

/**
 * Waits until no process mentions `text` (a suite's scratch folder); kills by id whatever is still
 * there after `timeoutMs` and returns those ids, so a suite can report stragglers.
 */
export async function processesGone(text, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let remaining = processesMentioning(text);
  while (remaining.length > 0 && Date.now() < deadline) {
    await sleep(50);
    remaining = processesMentioning(text);
  }
  for (const pid of remaining) {
    try { process.kill(pid, 'SIGKILL'); } catch { /* gone meanwhile */ }
  }
  return remaining;
}

/**
 * Acts until `done` holds: for a click or a command that the workbench may swallow (a widget drawn
 * again meanwhile takes the click). `act` waits a little for its own effect; fails with `what` after
 * `timeoutMs`.
 */
export async function actUntil(act, done, what, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(what);
    await act();
  }
}

/**
 * Polls `read` until `accept` holds for what it returns (a file the server writes: no watcher timing);
 * resolves with that value, or fails after `timeoutMs` with what was last seen.
 */
export async function until(read, accept, what, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let value = read();
  while (!accept(value)) {
    if (Date.now() > deadline) throw new Error(`${what}; last seen: ${JSON.stringify(value)?.slice(0, 400)}`);
    await sleep(100);
    value = read();
  }
  return value;
}
