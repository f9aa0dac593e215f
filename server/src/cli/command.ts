/**
 * What every CLI command receives: its inputs, the terminal, and the note service over the disk, with
 * the workspace folders of the files given (see workspaceFolders.ts). Each input is read bounded and
 * decoded, given to the service as its one open document while the command works on it, and closed.
 */
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { decodeText, encodingName, isUtf8, type TextEncoding } from '../core/text/decode';
import { NodeWorkspace } from '../node/nodeWorkspace';
import { createNoteService, type NoteService } from '../service';
import { READ_LIMITS, type TextRead } from '../service/files';
import type { FileRead, ReadLimits } from '../service/workspace';
import { EXIT_UNUSABLE_INPUT } from './definition';
import type { Style, Terminal } from './terminal';
import { workspaceFolderOf } from './workspaceFolders';

/** A note to work on: a file, or standard input under a name. */
export interface Input {
  readonly uri: string;
  /** How the input is named in the output: as given, `<stdin>`, or relative to the current folder. */
  readonly file: string;
  readonly stdin?: boolean;
}

export interface InputNote {
  /** The input as named in the output. */
  readonly file: string;
  readonly document: TextDocument;
}

export interface CommandContext {
  readonly inputs: readonly Input[];
  readonly service: NoteService;
  readonly terminal: Terminal;
  readonly style: Style;
  /** Writes to standard output. */
  out(text: string): void;
  /** One message on standard error. */
  error(text: string): void;
  /** How a file is named in the output: as given, else relative to the current folder. */
  display(uri: string): string;
  /**
   * Runs `action` on each readable input, in order, skipping those `skip` names (a partner already
   * worked on); returns 2 when any input was unusable, else 0.
   */
  forEachNote(action: (note: InputNote) => Promise<void> | void, skip?: (uri: string) => boolean): Promise<number>;
  /** The files read for the command so far (notes, partners, glossaries, the project file), as URIs. */
  filesRead(): readonly string[];
}

/** The Node workspace, remembering every file it was asked to read. */
class RecordingWorkspace extends NodeWorkspace {
  readonly read = new Set<string>();

  override readFile(uri: string, limits: ReadLimits): Promise<FileRead> {
    this.read.add(uri);
    return super.readFile(uri, limits);
  }
}

export interface ContextOptions {
  /** The name standard input is read as (its folder gives the partner and glossaries). */
  readonly stdinName?: string;
}

export const STDIN_DISPLAY = '<stdin>';

/** The inputs named on the command line, `-` as standard input. */
export function inputsOf(operands: readonly string[], options: ContextOptions): Input[] {
  return operands.map((operand) => {
    if (operand !== '-') return { uri: fileUri(operand), file: operand };
    const name = options.stdinName ?? STDIN_DISPLAY;
    return { uri: fileUri(name), file: options.stdinName ?? STDIN_DISPLAY, stdin: true };
  });
}

export function fileUri(file: string): string {
  return pathToFileURL(path.resolve(file)).toString();
}

export function createContext(inputs: readonly Input[], terminal: Terminal): CommandContext {
  const given = new Map(inputs.map(({ uri, file }) => [uri, file]));
  const display = (uri: string): string => {
    const named = given.get(uri);
    if (named !== undefined) return named;
    if (!uri.startsWith('file:')) return uri;
    const relative = path.relative(process.cwd(), fileURLToPath(uri));
    return relative.startsWith('..') || path.isAbsolute(relative) ? fileURLToPath(uri) : relative;
  };
  const told = new Set<string>();
  const tellEncoding = (uri: string, encoding: TextEncoding) => {
    if (isUtf8(encoding) || told.has(uri)) return;
    told.add(uri);
    terminal.error(`diplonote: ${display(uri)}: read as ${encodingName(encoding)}`);
  };
  const folders = [...new Set(inputs.map((input) => pathToFileURL(workspaceFolderOf(fileURLToPath(input.uri))).toString()))];
  // The note being worked on is the CLI's one open document: the service keeps what it needs while it is.
  const open = new Map<string, TextDocument>();
  const documents = { get: (uri: string) => open.get(uri), all: () => [...open.values()] };
  const workspace = new RecordingWorkspace(documents, folders);
  const service = createNoteService({ workspace, toolVersion: CLI_VERSION, decoded: tellEncoding });
  const read = (input: Input): Promise<TextRead> => (input.stdin ? readInput(terminal) : service.readNote(input.uri));
  return {
    inputs, service, terminal, style: terminal.style, display,
    out: (text) => terminal.out(text),
    error: (text) => terminal.error(text),
    filesRead: () => [...workspace.read],
    async forEachNote(action, skip) {
      let status = 0;
      for (const input of inputs) {
        if (skip?.(input.uri)) continue;
        const text = await read(input);
        if (text.kind === 'refused') {
          terminal.error(`diplonote: ${input.file}: ${text.message}`);
          status = EXIT_UNUSABLE_INPUT;
          continue;
        }
        tellEncoding(input.uri, text.encoding);
        // The version a file read from disk gets (see pairing.ts); standard input is an open document.
        const document = TextDocument.create(input.uri, 'diplomatic-note', input.stdin ? 1 : -text.version, text.text);
        open.set(input.uri, document);
        await action({ file: input.file, document });
        open.delete(input.uri);
        service.documentClosed(input.uri);
      }
      return status;
    },
  };
}

async function readInput(terminal: Terminal): Promise<TextRead> {
  const bytes = await terminal.readInput(READ_LIMITS.cliInput);
  if (bytes === undefined) return { kind: 'refused', missing: false, message: `too large (more than ${READ_LIMITS.cliInput} bytes)` };
  const decoded = decodeText(bytes);
  if (decoded.kind === 'binary') return { kind: 'refused', missing: false, message: 'binary input, not a text note' };
  return { kind: 'text', text: decoded.text, encoding: decoded.encoding, version: 0 };
}

declare const CLI_VERSION: string;
