#!/usr/bin/env node
// `npm start` (after `npm run package`): opens samples/ in a real VS Code with the extension.
// - With a `code` command on PATH: desktop VS Code, running the extension from this folder.
// - Otherwise: code-server from .tools/ (installed on demand by scripts/setup-editors.sh) on 127.0.0.1,
//   with the packaged .vsix installed into a private profile under .e2e/start/. It prints the URL to
//   open; Ctrl+C stops everything it started. `--code-server` picks code-server even when `code` exists.
// The code-server helpers are exported for the VS Code e2e suite (test/e2e/vscode.e2e.mjs).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
export const codeServerBin = path.join(repoRoot, '.tools', 'code-server', 'node_modules', '.bin', 'code-server');
const samplesDir = path.join(repoRoot, 'samples');

const { name, publisher, version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
/** The artefact `npm run package` makes, and users install. */
export const vsixPath = path.join(repoRoot, `${name}-${version}.vsix`);
/** How `code-server --list-extensions --show-versions` lists the installed extension. */
export const installedExtension = `${publisher}.${name}@${version}`;

/** The settings both launches share: no welcome page, telemetry, update checks or trust prompt. */
const quietSettings = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
};

/**
 * The environment for an editor whose every per-user file belongs under `root`: code-server writes
 * ~/.config/code-server and ~/.local/share/code-server, Chromium ~/.config/chromium, and each window
 * leaves a vscode-ipc-*.sock in $TMPDIR.
 */
export function editorEnvironment(root) {
  const folders = { TMPDIR: 'tmp', XDG_CONFIG_HOME: 'xdg-config', XDG_DATA_HOME: 'xdg-data', XDG_CACHE_HOME: 'xdg-cache', XDG_STATE_HOME: 'xdg-state' };
  const env = { ...process.env };
  for (const [variable, folder] of Object.entries(folders)) {
    env[variable] = path.join(root, folder);
    mkdirSync(env[variable], { recursive: true });
  }
  return env;
}

/** Config file, user data and extensions folders for a private code-server profile under `root`. */
export function codeServerProfile(root, extraSettings = {}) {
  const profile = {
    config: path.join(root, 'config.yaml'),
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
  };
  mkdirSync(path.join(profile.userData, 'User'), { recursive: true });
  mkdirSync(profile.extensions, { recursive: true });
  writeFileSync(profile.config, 'auth: none\ncert: false\n');
  writeFileSync(path.join(profile.userData, 'User', 'settings.json'), JSON.stringify({ ...quietSettings, ...extraSettings }, null, 2));
  return profile;
}

/**
 * Makes `locale` (e.g. `zh-cn`) the display language of a code-server profile without a language pack:
 * none can be installed here (no marketplace), so a language-pack entry with no translations of VS Code's
 * own strings is written where VS Code looks for installed packs. VS Code then runs in that language:
 * extensions show their own translations (package.nls.zh-cn.json, l10n bundles) and VS Code's strings
 * stay English. Start code-server with the same `locale`.
 */
export function useDisplayLanguage(profile, locale) {
  const translations = path.join(profile.userData, `translations-${locale}.json`);
  writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  const pack = { hash: `none-${locale}`, label: locale, extensions: [{ extensionIdentifier: { id: `none.language-pack-${locale}` }, version: '0.0.0' }], translations: { vscode: translations } };
  writeFileSync(path.join(profile.userData, 'languagepacks.json'), JSON.stringify({ [locale]: pack }));
}

function profileArgs(profile) {
  return ['--config', profile.config, '--user-data-dir', profile.userData, '--extensions-dir', profile.extensions];
}

/** Installs the .vsix into the profile and returns the installed `publisher.name@version` lines. */
export function installExtension(profile, vsix, env) {
  execFileSync(codeServerBin, [...profileArgs(profile), '--install-extension', vsix, '--force'], { env, stdio: 'pipe' });
  return execFileSync(codeServerBin, [...profileArgs(profile), '--list-extensions', '--show-versions'], { env, encoding: 'utf8' })
    .split('\n').filter(Boolean);
}

/**
 * Starts code-server in a process group of its own (so it can be stopped with everything it starts:
 * extension host, language server) and resolves with the child and the URL it reports once listening.
 * `locale` (e.g. `zh-cn`) is the display language: extensions follow it; VS Code's own strings need a
 * language pack. `workspaceTrust` keeps VS Code's workspace trust (Restricted Mode) on.
 */
export function startCodeServer({ profile, folder, port = 0, env, log, locale, workspaceTrust = false }) {
  const child = spawn(codeServerBin, [
    ...profileArgs(profile),
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override', '--ignore-last-opened',
    ...(locale ? ['--locale', locale] : []),
    folder,
  ], { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env });
  return new Promise((resolve, reject) => {
    let output = '';
    const onOutput = (chunk) => {
      log?.write(chunk);
      output += chunk;
      const listening = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (listening) resolve({ child, url: listening[1] });
    };
    child.stdout.on('data', onOutput);
    child.stderr.on('data', onOutput);
    child.once('error', reject);
    child.once('exit', (code, signal) => reject(new Error(`code-server exited (${code ?? signal}) before listening:\n${output.slice(-2000)}`)));
  });
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
 * Stops a child spawned with `detached: true` and its whole process group (nothing else): SIGTERM,
 * then SIGKILL for whatever is left after `graceMs`.
 */
export async function stopGroup(child, graceMs = 5000) {
  if (!child?.pid) return;
  signalGroup(child, 'SIGTERM');
  const deadline = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
  await exited(child);
  clearTimeout(deadline);
  // The leader is gone; members that outlived SIGTERM (an extension host, a language server) go now.
  signalGroup(child, 'SIGKILL');
}

function commandOnPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function openInDesktopVsCode() {
  console.log(`Opening samples/ in VS Code with the extension from ${repoRoot}`);
  const code = spawnSync('code', [`--extensionDevelopmentPath=${repoRoot}`, samplesDir], { stdio: 'inherit' });
  process.exit(code.status ?? 1);
}

async function serveWithCodeServer() {
  if (!existsSync(codeServerBin)) {
    console.log('code-server is not installed yet: running scripts/setup-editors.sh');
    const setup = spawnSync('bash', [path.join(repoRoot, 'scripts', 'setup-editors.sh')], { stdio: 'inherit' });
    if (setup.status !== 0) process.exit(setup.status ?? 1);
  }
  // DIPLONOTE_START_DIR moves the profile elsewhere (the e2e test of this script uses a temporary folder).
  const root = process.env.DIPLONOTE_START_DIR ?? path.join(repoRoot, '.e2e', 'start');
  const env = editorEnvironment(root);
  const profile = codeServerProfile(root);
  const installed = installExtension(profile, vsixPath, env);
  console.log(`Installed ${installed.includes(installedExtension) ? installedExtension : installed.join(', ')}`);

  const logFile = path.join(root, 'code-server.log');
  const { child, url } = await startCodeServer({ profile, folder: samplesDir, port: Number(process.env.PORT ?? 0), env, log: createWriteStream(logFile) });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping code-server…');
    await stopGroup(child);
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  child.once('exit', (code, signal) => {
    if (stopping) return;
    console.error(`code-server stopped by itself (${code ?? signal}); its log: ${logFile}`);
    process.exit(1);
  });
  console.log(`\nDiplonote in VS Code (code-server): open ${url}/?folder=${encodeURIComponent(samplesDir)}`);
  console.log(`Log: ${logFile}. Press Ctrl+C to stop.`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // --code-server: the browser editor even where desktop VS Code is installed.
  if (commandOnPath('code') && !process.argv.includes('--code-server')) openInDesktopVsCode();
  else await serveWithCodeServer();
}
