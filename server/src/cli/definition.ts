/**
 * How a command is declared, parsed and explained. A command is one file that calls `defineCommand`
 * with its name, operands, options (each with its type and help) and `run`; `commands/index.ts` lists
 * them. Arguments are parsed strictly by Node's `util.parseArgs` (`--out=FILE` and `--out FILE` alike);
 * an unknown option, a missing value or a value outside an option's choices is a usage error: the
 * message, the command's usage, exit status 2.
 */
import { parseArgs } from 'node:util';
import { format, LOCALES, message, type Locale, type Message } from '../core/messages';
import type { CommandContext } from './command';

export const EXIT_OK = 0;
/** `check`: a finding at or above the threshold. */
export const EXIT_FINDINGS = 1;
/** Unusable input or usage: a missing or unreadable file, an unknown option, a missing value. */
export const EXIT_UNUSABLE_INPUT = 2;

export interface OptionDefinition {
  readonly type: 'boolean' | 'string';
  readonly short?: string;
  /** How the value is named in the help (`FILE`, `LEVEL`). */
  readonly value?: string;
  /** The values allowed; anything else is a usage error. */
  readonly choices?: readonly string[];
  readonly description: Message;
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
  readonly summary: Message;
  /** Paragraphs shown by `diplonote help COMMAND` under the usage. */
  readonly details?: Message;
  readonly options: O;
  run(context: CommandContext, options: OptionValues<O>, words: readonly string[]): Promise<number>;
}

/** A command with its option types erased, as the registry holds it. */
export interface Command {
  readonly name: string;
  readonly summary: Message;
  readonly operands: string;
  readonly paths: boolean;
  help(locale: Locale): string;
  usage(locale: Locale): string;
  /** The operands and option values, or a usage error. */
  parse(args: readonly string[]): ParsedCommand | UsageError;
}

export interface UsageError {
  readonly error: Message;
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
  'stdin-name': { type: 'string', value: 'FILE', description: message('cli.option.stdin-name') },
  lang: { type: 'string', value: 'LANG', choices: LOCALES, description: message('cli.option.lang') },
  help: { type: 'boolean', short: 'h', description: message('cli.option.help') },
};

/** The options `diplonote help` takes. */
export const HELP_OPTIONS: OptionDefinitions = { lang: COMMON_OPTIONS.lang };

export function defineCommand<O extends OptionDefinitions>(spec: CommandSpec<O>): Command {
  const options: OptionDefinitions = { ...spec.options, ...COMMON_OPTIONS };
  const usage = (locale: Locale) => format(locale, message('cli.help.command-usage', { command: spec.name, operands: spec.operands }));
  return {
    name: spec.name,
    summary: spec.summary,
    operands: spec.operands,
    paths: spec.paths === true,
    usage,
    help(locale) {
      const say = (said: Message) => format(locale, said);
      const details = spec.details ? ['', say(spec.details)] : [];
      return [usage(locale), '', say(spec.summary), ...details, '', say(message('cli.help.options')), ...optionLines(options, locale), '', say(message('cli.help.exit-status')), ''].join('\n');
    },
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

/**
 * The option values and operands, or the first problem with them. Node's parser reads the arguments
 * (`--out=FILE`, `--out FILE`, `-h`, `--`) and lists each option as given; each is then held to its
 * definition here, as `strict` parsing would, so that the problem is said in the user's language.
 */
export function parseStrictly(args: readonly string[], options: OptionDefinitions): { values: Values; operands: string[] } | UsageError {
  const config = Object.fromEntries(Object.entries(options).map(([name, option]) => [name, { type: option.type, ...(option.short ? { short: option.short } : {}) }]));
  const parsed = parseArgs({ args: [...args], options: config, strict: false, allowPositionals: true, tokens: true });
  for (const token of parsed.tokens) {
    if (token.kind !== 'option') continue;
    const problem = optionProblem(token, Object.hasOwn(options, token.name) ? options[token.name] : undefined);
    if (problem) return { error: problem };
  }
  const values = parsed.values as Values;
  for (const [name, option] of Object.entries(options)) {
    const value = values[name];
    if (option.choices && typeof value === 'string' && !option.choices.includes(value)) {
      return { error: message('cli.error.choices', { option: `--${name}`, choices: option.choices, value }) };
    }
  }
  return { values, operands: parsed.positionals };
}

interface OptionToken {
  readonly rawName: string;
  readonly value?: string;
  readonly inlineValue?: boolean;
}

function optionProblem(token: OptionToken, option: OptionDefinition | undefined): Message | undefined {
  const named = token.rawName;
  if (!option) return message('cli.error.unknown-option', { option: named });
  if (option.type === 'boolean') return token.value === undefined ? undefined : message('cli.error.value-not-taken', { option: named, value: token.value });
  if (token.value === undefined) return message('cli.error.missing-value', { option: named, value: option.value ?? 'VALUE' });
  // `--out --csv`: an option where the value should be is a mistake more often than a file named so.
  if (!token.inlineValue && token.value.length > 1 && token.value.startsWith('-')) return message('cli.error.option-as-value', { option: named, value: token.value });
  return undefined;
}

function operandProblem(spec: CommandSpec<OptionDefinitions>, operands: readonly string[]): Message | undefined {
  if (operands.length < spec.minOperands) return message('cli.error.operands', { operands: spec.operands });
  if (spec.maxOperands !== undefined && operands.length > spec.maxOperands) return message('cli.error.too-many-operands', { operands: spec.operands, count: operands.length });
  if (operands.filter((operand) => operand === '-').length > 1) return message('cli.error.stdin-twice');
  return undefined;
}

function optionLines(options: OptionDefinitions, locale: Locale): string[] {
  const rows = Object.entries(options).map(([name, option]) => {
    const flag = `${option.short ? `-${option.short}, ` : '    '}--${name}${option.type === 'string' ? ` ${option.value ?? 'VALUE'}` : ''}`;
    const choices = option.choices ? format(locale, message('cli.help.choices', { choices: option.choices })) : '';
    return [flag, format(locale, option.description) + choices] as const;
  });
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return rows.map(([flag, description]) => `  ${flag.padEnd(width)}  ${description}`);
}
