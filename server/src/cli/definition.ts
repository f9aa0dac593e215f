/**
 * How a command is declared, parsed and explained. A command is one file that calls `defineCommand`
 * with its name, operands, options (each with its type and help) and `run`; `commands/index.ts` lists
 * them. Arguments are parsed strictly by Node's `util.parseArgs` (`--out=FILE` and `--out FILE` alike);
 * an unknown option, a missing value or a value outside an option's choices is a usage error: the
 * message, the command's usage, exit status 2.
 */
import { parseArgs } from 'node:util';
import { LOCALES, type Locale } from '../core/messages';
import type { CommandContext } from './command';

export const EXIT_OK = 0;
/** `check`: a finding at or above the threshold. */
export const EXIT_FINDINGS = 1;
/** Unusable input or usage: a missing or unreadable file, an unknown option, a missing value. */
export const EXIT_UNUSABLE_INPUT = 2;

export const EXIT_STATUS_HELP = [
  'Exit status:',
  '  0  done, nothing at or above the threshold',
  '  1  check: a finding at or above the --severity threshold',
  '  2  unusable input or usage: a missing, unreadable or binary file, an unknown option, a missing value',
].join('\n');

export const STDIN_HELP =
  'A FILE of - is standard input: its partner file, glossaries and .diplonote.json are found as for a file\n' +
  'named by --stdin-name (default: a note in the current folder, without a partner by name).';

export interface OptionDefinition {
  readonly type: 'boolean' | 'string';
  readonly short?: string;
  /** How the value is named in the help (`FILE`, `LEVEL`). */
  readonly value?: string;
  /** The values allowed; anything else is a usage error. */
  readonly choices?: readonly string[];
  readonly description: string;
}

export type OptionDefinitions = Readonly<Record<string, OptionDefinition>>;

/** The parsed value of each option: a switch is true when given, a value option its string. */
export type OptionValues<O extends OptionDefinitions> = {
  readonly [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string;
};

export interface CommandSpec<O extends OptionDefinitions> {
  readonly name: string;
  /** How the operands read in the usage line: `FILE…`, `PATH…`, `FILE`. */
  readonly operands: string;
  readonly minOperands: number;
  readonly maxOperands?: number;
  /** Whether an operand may be a folder or a glob, naming every note under it (see paths.ts). */
  readonly paths?: boolean;
  /** How many operands come first that are words (a term, a subcommand), not files; `run` gets them. */
  readonly words?: number;
  /** The files when none is given after the words (`.`: the current folder). */
  readonly defaultOperands?: readonly string[];
  /** One line, for the list of commands. */
  readonly summary: string;
  /** Paragraphs shown by `diplonote help COMMAND` under the usage. */
  readonly details?: string;
  readonly options: O;
  run(context: CommandContext, options: OptionValues<O>, words: readonly string[]): Promise<number>;
}

/** A command with its option types erased, as the registry holds it. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly operands: string;
  readonly paths: boolean;
  help(): string;
  usage(): string;
  /** The operands and option values, or a usage error. */
  parse(args: readonly string[]): ParsedCommand | { readonly error: string };
}

export interface ParsedCommand {
  readonly help: boolean;
  /** The files to read (the operands after the words, or the default ones). */
  readonly operands: readonly string[];
  readonly stdinName: string | undefined;
  /** `--lang`: the language of findings and messages; undefined leaves it to the environment. */
  readonly lang: Locale | undefined;
  run(context: CommandContext): Promise<number>;
}

/** Options every command has. */
const COMMON_OPTIONS: OptionDefinitions = {
  'stdin-name': { type: 'string', value: 'FILE', description: 'the file name standard input (-) is read as: its folder and name find its partner and glossaries' },
  lang: { type: 'string', value: 'LANG', choices: LOCALES, description: 'the language of findings and messages (default: from LC_ALL, LC_MESSAGES or LANG; English)' },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
};

export function defineCommand<O extends OptionDefinitions>(spec: CommandSpec<O>): Command {
  const options: OptionDefinitions = { ...spec.options, ...COMMON_OPTIONS };
  const usage = () => `Usage: diplonote ${spec.name} [OPTIONS] ${spec.operands}`;
  return {
    name: spec.name,
    summary: spec.summary,
    operands: spec.operands,
    paths: spec.paths === true,
    usage,
    help: () => [usage(), '', spec.summary, ...(spec.details ? ['', spec.details] : []), '', 'Options:', ...optionLines(options), '', EXIT_STATUS_HELP, ''].join('\n'),
    parse(args) {
      const parsed = parseStrictly(args, options);
      if ('error' in parsed) return parsed;
      const { values, operands } = parsed;
      const help = values.help === true;
      if (!help) {
        const problem = operandProblem(spec, operands);
        if (problem) return { error: problem };
      }
      const stdinName = typeof values['stdin-name'] === 'string' ? values['stdin-name'] : undefined;
      const lang = LOCALES.find((locale) => locale === values.lang);
      const words = operands.slice(0, spec.words ?? 0);
      const files = operands.slice(words.length);
      const given = files.length === 0 && spec.defaultOperands ? [...spec.defaultOperands] : files;
      return { help, operands: given, stdinName, lang, run: (context) => spec.run(context, values as OptionValues<O>, words) };
    },
  };
}

type Values = Record<string, string | boolean | undefined>;

function parseStrictly(args: readonly string[], options: OptionDefinitions): { values: Values; operands: string[] } | { error: string } {
  const config = Object.fromEntries(Object.entries(options).map(([name, option]) => [name, { type: option.type, ...(option.short ? { short: option.short } : {}) }]));
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...args], options: config, strict: true, allowPositionals: true }) as typeof parsed;
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  for (const [name, option] of Object.entries(options)) {
    const value = parsed.values[name];
    if (option.choices && typeof value === 'string' && !option.choices.includes(value)) {
      return { error: `--${name} must be one of ${option.choices.join(', ')} (not "${value}")` };
    }
  }
  return { values: parsed.values, operands: parsed.positionals };
}

function operandProblem(spec: CommandSpec<OptionDefinitions>, operands: readonly string[]): string | undefined {
  if (operands.length < spec.minOperands) return `give ${spec.operands}`;
  if (spec.maxOperands !== undefined && operands.length > spec.maxOperands) return `give ${spec.operands}, not ${operands.length}`;
  if (operands.filter((operand) => operand === '-').length > 1) return 'standard input (-) can be read once';
  return undefined;
}

function optionLines(options: OptionDefinitions): string[] {
  const rows = Object.entries(options).map(([name, option]) => {
    const flag = `${option.short ? `-${option.short}, ` : '    '}--${name}${option.type === 'string' ? ` ${option.value ?? 'VALUE'}` : ''}`;
    const choices = option.choices ? ` (${option.choices.join(', ')})` : '';
    return [flag, option.description + choices] as const;
  });
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return rows.map(([flag, description]) => `  ${flag.padEnd(width)}  ${description}`);
}
