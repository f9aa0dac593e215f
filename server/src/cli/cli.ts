/** The `diplonote` command line: finds the command, parses its arguments strictly, runs it. */
import { localeOf, type Locale } from '../core/messages';
import { createContext } from './command';
import { COMMANDS } from './commands';
import { EXIT_OK, EXIT_STATUS_HELP, EXIT_UNUSABLE_INPUT, STDIN_HELP, type Command } from './definition';
import { processTerminal, type Terminal } from './terminal';

function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((command) => `${command.name} ${command.operands}`.length));
  const rows = COMMANDS.map((command) => `  ${`${command.name} ${command.operands}`.padEnd(width)}  ${command.summary}`);
  return [
    'diplonote: outlines, aligns and checks diplomatic notes in English and Chinese',
    '',
    'Usage: diplonote COMMAND [OPTIONS] OPERANDS…',
    '       diplonote help [COMMAND]    (or diplonote COMMAND --help)',
    '       diplonote --version',
    '',
    'Commands:',
    ...rows,
    '',
    STDIN_HELP,
    'Colour only on a terminal, and never with NO_COLOR set.',
    '',
    EXIT_STATUS_HELP,
    '',
  ].join('\n');
}

function usageError(terminal: Terminal, message: string, command?: Command): number {
  const usage = command ? `${command.usage()}\nRun "diplonote help ${command.name}" for its options.` : 'Run "diplonote help" for the commands.';
  terminal.error(`diplonote${command ? ` ${command.name}` : ''}: ${message}\n${usage}`);
  return EXIT_UNUSABLE_INPUT;
}

function findCommand(name: string): Command | undefined {
  return COMMANDS.find((command) => command.name === name);
}

export async function main(argv: readonly string[], terminal: Terminal): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    terminal.error(generalHelp());
    return EXIT_UNUSABLE_INPUT;
  }
  if (name === '--version') {
    terminal.out(`${CLI_VERSION}\n`);
    return EXIT_OK;
  }
  if (name === 'help' || name === '--help' || name === '-h') return help(terminal, name === 'help' ? rest : []);
  const command = findCommand(name);
  if (!command) return usageError(terminal, name.startsWith('-') ? `unknown option "${name}" before a command` : `unknown command "${name}"`);
  const parsed = command.parse(rest);
  if ('error' in parsed) return usageError(terminal, parsed.error, command);
  if (parsed.help) {
    terminal.out(command.help());
    return EXIT_OK;
  }
  const locale = parsed.lang ?? environmentLocale(process.env);
  const context = await createContext(parsed.operands, terminal, { stdinName: parsed.stdinName, paths: command.paths, locale });
  return parsed.run(context);
}

/** The language of messages as POSIX settles it: LC_ALL, else LC_MESSAGES, else LANG (the first one set). */
export function environmentLocale(env: Readonly<Record<string, string | undefined>>): Locale {
  return localeOf([env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== ''));
}

function help(terminal: Terminal, topics: readonly string[]): number {
  if (topics.length === 0) {
    terminal.out(generalHelp());
    return EXIT_OK;
  }
  const command = topics.length === 1 ? findCommand(topics[0]) : undefined;
  if (!command) return usageError(terminal, `no help on "${topics.join(' ')}"`);
  terminal.out(command.help());
  return EXIT_OK;
}

declare const CLI_VERSION: string;

if (require.main === module) {
  void main(process.argv.slice(2), processTerminal()).then((status) => {
    process.exitCode = status;
  });
}
