/** The `diplonote` command line: finds the command, parses its arguments strictly, runs it. */
import { format, LOCALES, localeOf, message, type Locale, type Message } from '../core/messages';
import { createContext } from './command';
import { COMMANDS } from './commands';
import { EXIT_OK, EXIT_UNUSABLE_INPUT, HELP_OPTIONS, parseStrictly, type Command } from './definition';
import { processTerminal, type Terminal } from './terminal';

function generalHelp(locale: Locale): string {
  const say = (said: Message) => format(locale, said);
  const width = Math.max(...COMMANDS.map((command) => `${command.name} ${command.operands}`.length));
  const rows = COMMANDS.map((command) => `  ${`${command.name} ${command.operands}`.padEnd(width)}  ${say(command.summary)}`);
  return [
    say(message('cli.help.title')),
    '',
    say(message('cli.help.usage')),
    '',
    say(message('cli.help.commands')),
    ...rows,
    '',
    say(message('cli.help.stdin')),
    say(message('cli.help.colour')),
    say(message('cli.help.language')),
    '',
    say(message('cli.help.exit-status')),
    '',
  ].join('\n');
}

function usageError(terminal: Terminal, locale: Locale, problem: Message, command?: Command): number {
  const more = command ? `${command.usage(locale)}\n${format(locale, message('cli.help.more', { command: command.name }))}` : format(locale, message('cli.help.commands-hint'));
  terminal.error(`diplonote${command ? ` ${command.name}` : ''}: ${format(locale, problem)}\n${more}`);
  return EXIT_UNUSABLE_INPUT;
}

function findCommand(name: string): Command | undefined {
  return COMMANDS.find((command) => command.name === name);
}

export async function main(argv: readonly string[], terminal: Terminal): Promise<number> {
  // The language is known before the arguments are parsed: a usage error is said in it too.
  const locale = requestedLocale(argv) ?? environmentLocale(process.env);
  const [name, ...rest] = commandFirst(argv);
  if (name === undefined) {
    terminal.error(generalHelp(locale));
    return EXIT_UNUSABLE_INPUT;
  }
  if (name === '--version') {
    terminal.out(`${CLI_VERSION}\n`);
    return EXIT_OK;
  }
  if (name === 'help' || name === '--help' || name === '-h') return help(terminal, locale, name === 'help' ? rest : []);
  const command = findCommand(name);
  if (!command) {
    const problem = name.startsWith('-') ? message('cli.error.option-before-command', { option: name }) : message('cli.error.unknown-command', { command: name });
    return usageError(terminal, locale, problem);
  }
  const parsed = command.parse(rest);
  if ('error' in parsed) return usageError(terminal, locale, parsed.error, command);
  if (parsed.help) {
    terminal.out(command.help(locale));
    return EXIT_OK;
  }
  const context = await createContext(parsed.operands, terminal, { stdinName: parsed.stdinName, paths: command.paths, locale });
  return parsed.run(context);
}

/** The language of messages as POSIX settles it: LC_ALL, else LC_MESSAGES, else LANG (the first one set). */
export function environmentLocale(env: Readonly<Record<string, string | undefined>>): Locale {
  return localeOf([env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== ''));
}

/** The last valid `--lang` before `--`, if any (an invalid one is told as a usage error, in the environment's language). */
export function requestedLocale(argv: readonly string[]): Locale | undefined {
  let requested: Locale | undefined;
  for (let at = 0; at < argv.length && argv[at] !== '--'; at++) {
    const value = argv[at] === '--lang' ? argv[at + 1] : argv[at].startsWith('--lang=') ? argv[at].slice('--lang='.length) : undefined;
    requested = LOCALES.find((locale) => locale === value) ?? requested;
  }
  return requested;
}

/** `diplonote --lang zh COMMAND …` is `diplonote COMMAND --lang zh …`: the language may come first. */
function commandFirst(argv: readonly string[]): readonly string[] {
  const [first, ...rest] = argv;
  if (first === '--lang' && rest.length >= 2) return [rest[1], first, rest[0], ...rest.slice(2)];
  if (first?.startsWith('--lang=') && rest.length >= 1) return [rest[0], first, ...rest.slice(1)];
  if (first === '--lang' || first?.startsWith('--lang=')) return [];
  return argv;
}

function help(terminal: Terminal, locale: Locale, args: readonly string[]): number {
  const parsed = parseStrictly(args, HELP_OPTIONS);
  if ('error' in parsed) return usageError(terminal, locale, parsed.error);
  const topics = parsed.operands;
  if (topics.length === 0) {
    terminal.out(generalHelp(locale));
    return EXIT_OK;
  }
  const command = topics.length === 1 ? findCommand(topics[0]) : undefined;
  if (!command) return usageError(terminal, locale, message('cli.error.no-help', { topic: topics.join(' ') }));
  terminal.out(command.help(locale));
  return EXIT_OK;
}

declare const CLI_VERSION: string;

if (require.main === module) {
  void main(process.argv.slice(2), processTerminal()).then((status) => {
    process.exitCode = status;
  });
}
