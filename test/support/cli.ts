/**
 * The `diplonote` CLI as a user runs it: the bundled dist/cli.js in a child process, with its output in
 * a pipe, or on a real terminal (a pseudo-terminal made by util-linux `script`) to see what a terminal
 * gets: colours, and no escape sequence from a note.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { REPO_ROOT } from './serverConnection';

export const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliOptions {
  readonly cwd?: string;
  /** Standard input. */
  readonly input?: string | Uint8Array;
  /** Variables set (a value) or removed (undefined) for the run. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** The tests read the CLI's English unless a test sets the language: the machine's own locale is left out. */
const LOCALE_VARIABLES = ['LC_ALL', 'LC_MESSAGES', 'LANG'];

function environment(changes: CliOptions['env'] = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of LOCALE_VARIABLES) delete env[name];
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

export function cli(args: readonly string[], options: CliOptions = {}): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? REPO_ROOT, encoding: 'utf8', env: environment(options.env), timeout: 60000,
    ...(options.input !== undefined ? { input: options.input } : {}),
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function shellQuoted(arg: string): string {
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * Runs the CLI with standard output and error on a pseudo-terminal; what the terminal received, line
 * breaks as `\n`. The exit status is the CLI's (`script -e`).
 */
export function cliOnTerminal(args: readonly string[], options: CliOptions = {}): CliRun {
  const command = [process.execPath, CLI, ...args].map(shellQuoted).join(' ');
  const result = spawnSync('script', ['-qec', command, '/dev/null'], {
    cwd: options.cwd ?? REPO_ROOT, encoding: 'utf8', env: environment({ TERM: 'xterm-256color', ...options.env }), timeout: 60000, input: '',
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout.replace(/\r+\n/g, '\n'), stderr: result.stderr };
}
