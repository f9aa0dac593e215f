/**
 * Where the CLI writes, and how text from notes and file names reaches it safely.
 *
 * Text output never carries the control characters of a note or a file name: an escape sequence in a
 * note (`ESC ] 52` writes the clipboard, `ESC [ 2 J` clears the screen) would otherwise run in the
 * terminal of whoever checks the note, or in a CI log viewer that renders ANSI. They are escaped in
 * text output whatever the output is (a pipe may end in a terminal too), so that the plain output is
 * the same on a terminal and in a pipe. JSON escapes C0 controls itself; `jsonText` escapes the rest.
 * Colour is added only on a terminal, never with `NO_COLOR` set (https://no-color.org) or `TERM=dumb`.
 */
import { inspect } from 'node:util';
import type { Severity } from '../core/checks';

/** C0 controls but tab, DEL, C1 controls, and the bidirectional controls that make text read other than it is stored. */
const UNPRINTABLE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** What JSON.stringify leaves raw but a terminal may act on: DEL, C1 controls, bidirectional controls, line separators. */
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

function hex(ch: string, width: number): string {
  return ch.charCodeAt(0).toString(16).padStart(width, '0');
}

/** `ESC` → `\x1b`, `U+202E` → `\u202e`: visible, and inert in any terminal. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (ch) => (ch.charCodeAt(0) <= 0xff ? `\\x${hex(ch, 2)}` : `\\u${hex(ch, 4)}`));
}

/** Printable line by line: the line breaks of a multi-line text (an export, a help text) are kept. */
export function printableLines(text: string): string {
  return text.split(/(\r?\n)/).map((part, i) => (i % 2 === 1 ? part : printable(part))).join('');
}

/** JSON with every character a terminal could act on written as a `\u` escape (the same JSON value). */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(JSON_UNSAFE, (ch) => `\\u${hex(ch, 4)}`) + '\n';
}

type Colour = keyof typeof inspect.colors;

const SEVERITY_COLOURS: Readonly<Record<Severity, Colour>> = { error: 'red', warning: 'yellow', information: 'blue', hint: 'gray' };

/** How each kind of text is shown: printable always, coloured on a colour terminal. */
export interface Style {
  /** Any text from a note, a file or a name, shown as it is. */
  text(text: string): string;
  file(name: string): string;
  severity(severity: Severity): string;
  /** Secondary text: codes, line numbers. */
  dim(text: string): string;
}

export function styleFor(colour: boolean): Style {
  const paint = (name: Colour, text: string) => {
    if (!colour) return text;
    const [open, close] = inspect.colors[name] ?? [0, 0];
    return `\u001b[${open}m${text}\u001b[${close}m`;
  };
  return {
    text: printable,
    file: (name) => paint('bold', printable(name)),
    severity: (severity) => paint(SEVERITY_COLOURS[severity], severity),
    dim: (text) => paint('dim', printable(text)),
  };
}

/** Whether to colour a stream: a terminal, `NO_COLOR` unset or empty, and a terminal that has colours. */
export function colourWanted(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb';
}

/** The process's streams as the commands see them. */
export interface Terminal {
  /** Standard output, written as given (commands make their text printable through `Style`). */
  out(text: string): void;
  /** Standard error: one message, made printable, ending in a line break. */
  error(text: string): void;
  /** Whether standard output is a terminal (an export shown there is made printable). */
  readonly interactive: boolean;
  readonly style: Style;
  /** Standard input, read whole up to `maxBytes`; undefined past it. */
  readInput(maxBytes: number): Promise<Uint8Array | undefined>;
}

export function processTerminal(): Terminal {
  const interactive = process.stdout.isTTY === true;
  return {
    out: (text) => void process.stdout.write(text),
    error: (text) => void process.stderr.write(printableLines(text.endsWith('\n') ? text : `${text}\n`)),
    interactive,
    style: styleFor(colourWanted(process.stdout, process.env)),
    readInput: (maxBytes) => readStream(process.stdin, maxBytes),
  };
}

async function readStream(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Uint8Array | undefined> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += bytes.length;
    if (total > maxBytes) return undefined;
    chunks.push(bytes);
  }
  return Buffer.concat(chunks, total);
}
