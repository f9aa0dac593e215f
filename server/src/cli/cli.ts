/** The `diplonote` command line: parses arguments and dispatches to one command. */
import { createContext, EXIT_UNUSABLE_INPUT, type CommandContext } from './command';
import { outlineCommand } from './commands/outline';
import { alignCommand } from './commands/align';
import { checkCommand } from './commands/check';
import { exportCommand } from './commands/export';

type Command = (context: CommandContext) => Promise<number>;

const COMMANDS: ReadonlyMap<string, { run: Command; summary: string }> = new Map([
  ['outline', { run: outlineCommand, summary: 'outline FILE… [--json]     the structure of each note' }],
  ['align', { run: alignCommand, summary: 'align FILE… [--json]       paragraphs, points and sentences paired across languages' }],
  ['check', { run: checkCommand, summary: 'check FILE… [--json] [--severity LEVEL]   consistency findings; exit 1 at or above LEVEL (warning)' }],
  ['export', { run: exportCommand, summary: 'export FILE --tmx|--csv [--out FILE]     aligned sentence pairs as a translation memory' }],
]);

/** Flags that take a value (`--severity warning`); all others are switches. */
const VALUE_FLAGS: ReadonlySet<string> = new Set(['--severity', '--out']);

function usage(): string {
  const lines = [...COMMANDS.values()].map((command) => `  diplonote ${command.summary}`);
  return ['Usage:', ...lines, '  diplonote --help | --version'].join('\n') + '\n';
}

export async function main(argv: readonly string[], out: (text: string) => void, error: (text: string) => void): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    out(usage());
    return name === undefined ? EXIT_UNUSABLE_INPUT : 0;
  }
  if (name === '--version') {
    out(`${CLI_VERSION}\n`);
    return 0;
  }
  const command = COMMANDS.get(name);
  if (!command) {
    error(`diplonote: unknown command "${name}"\n${usage()}`);
    return EXIT_UNUSABLE_INPUT;
  }
  const parsed = parseArguments(rest);
  if (typeof parsed === 'string') {
    error(`diplonote ${name}: ${parsed}`);
    return EXIT_UNUSABLE_INPUT;
  }
  return command.run(createContext(parsed.files, parsed.options.has('--json'), parsed.options, out, error));
}

function parseArguments(args: readonly string[]): { files: string[]; options: Map<string, string> } | string {
  const files: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      files.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) files.push(arg);
    else if (VALUE_FLAGS.has(arg)) {
      const value = args[++i];
      if (value === undefined) return `${arg} needs a value`;
      options.set(arg, value);
    } else options.set(arg, 'true');
  }
  if (files.length === 0) return 'no file given';
  return { files, options };
}

declare const CLI_VERSION: string;

if (require.main === module) {
  void main(process.argv.slice(2), (text) => process.stdout.write(text), (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'))
    .then((status) => {
      process.exitCode = status;
    });
}
