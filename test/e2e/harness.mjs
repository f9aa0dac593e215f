// What the real-editor suites (test/e2e, test/nvim) share: the scratch folder everything is written
// to, an environment that keeps editors out of $HOME and /tmp, positions in the samples, and stopping
// the processes a suite started, by their own process group and nothing else.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const toolsDir = path.join(repoRoot, '.tools');

/** A fresh scratch folder with a copy of samples/ as the workspace; `remove()` deletes it all. */
export function makeScratch(prefix) {
  const root = mkdtempSync(path.join(tmpdir(), `diplonote-${prefix}-`));
  const workspace = path.join(root, 'workspace');
  cpSync(path.join(repoRoot, 'samples'), workspace, { recursive: true });
  for (const folder of ['tmp', 'xdg-config', 'xdg-data', 'xdg-cache', 'xdg-state']) {
    mkdirSync(path.join(root, folder), { recursive: true });
  }
  return {
    root,
    workspace,
    /** The process environment with every per-user folder pointed inside the scratch folder. */
    env: {
      ...process.env,
      TMPDIR: path.join(root, 'tmp'),
      XDG_CONFIG_HOME: path.join(root, 'xdg-config'),
      XDG_DATA_HOME: path.join(root, 'xdg-data'),
      XDG_CACHE_HOME: path.join(root, 'xdg-cache'),
      XDG_STATE_HOME: path.join(root, 'xdg-state'),
    },
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

/** Resolves with the exit code (or signal name) of a child process, at once if it has already exited. */
export function exited(child) {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve(child.exitCode ?? child.signalCode);
  }
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
}

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
    return true;
  } catch {
    return false; // the group is gone already
  }
}

/**
 * Stops a child spawned with `detached: true` together with everything it started (same process
 * group): SIGTERM, then SIGKILL for whatever is left after `graceMs`.
 */
export async function stopGroup(child, graceMs = 5000) {
  if (!child?.pid) return;
  signalGroup(child, 'SIGTERM');
  const deadline = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
  await exited(child);
  clearTimeout(deadline);
  // The leader has exited; members that ignored SIGTERM (an extension host, a language server) must not linger.
  signalGroup(child, 'SIGKILL');
}
