/**
 * Writing a command's output to a file without ever writing over one of its inputs: the note, its
 * partner, a glossary, the project file. Paths are compared after following symbolic links, and by
 * device and inode, so that a link or a second name for an input is refused too.
 */
import { realpathSync, statSync, writeFileSync, type Stats } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { message, type Message } from '../core/messages';
import type { CommandContext } from './command';
import { EXIT_OK, EXIT_UNUSABLE_INPUT } from './definition';
import { printableLines } from './terminal';

function statOf(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

function realPathOf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

function sameFile(a: string, aStat: Stats, b: string): boolean {
  const bStat = statOf(b);
  if (!bStat) return false;
  if (aStat.ino !== 0 && aStat.dev === bStat.dev && aStat.ino === bStat.ino) return true;
  return realPathOf(a) === realPathOf(b);
}

/** The input that `output` is (the same file under any name), if any. */
export function inputAt(output: string, inputs: readonly string[]): string | undefined {
  const outputStat = statOf(output);
  if (!outputStat) return undefined;
  return inputs.find((input) => sameFile(output, outputStat, input));
}

/** Writes `text` to `output` unless it is one of `inputs`; the reason when it is not written. */
export function writeOutput(output: string, text: string, inputs: readonly string[]): Message | undefined {
  const input = inputAt(output, inputs);
  if (input !== undefined) {
    return path.resolve(input) === path.resolve(output) ? message('cli.out.is-input', { output }) : message('cli.out.is-other-input', { output, input });
  }
  try {
    writeFileSync(output, text, 'utf8');
    return undefined;
  } catch (error) {
    return message('cli.out.cannot-write', { output, reason: error instanceof Error ? error.message : String(error) });
  }
}

/**
 * A command's output to standard output, or to `--out FILE` unless that is one of the files the command
 * read. Shown on a terminal, the output is made printable: nothing in a file may act on the terminal.
 */
export function deliverOutput(context: CommandContext, command: string, text: string, out: string | undefined): number {
  if (out === undefined) {
    context.out(context.terminal.interactive ? printableLines(text) : text);
    return EXIT_OK;
  }
  const inputs = [...context.inputs.map((input) => input.uri), ...context.filesRead()].filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri));
  const problem = writeOutput(out, text, inputs);
  if (problem === undefined) return EXIT_OK;
  context.error(`diplonote ${command}: ${context.say(problem)}`);
  return EXIT_UNUSABLE_INPUT;
}
