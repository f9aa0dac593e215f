// What the real-editor suites (test/e2e, test/nvim) share: the scratch folder everything is written
// to, an environment that keeps editors out of $HOME and /tmp, positions in the samples, and stopping
// the processes a suite started (scripts/start.mjs has the code-server and process-group helpers).
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
