/**
 * What every CLI command receives: its inputs, the terminal, and the note service over the disk, with
 * the workspace folders of the files given (see workspaceFolders.ts). Each input is read bounded and
 * decoded, given to the service as its one open document while the command works on it, and closed.
 */
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { format, message, type Locale, type Message } from '../core/messages';
import { decodeText, encodingName, isUtf8, type TextEncoding } from '../core/text/decode';
import { NodeWorkspace } from '../node/nodeWorkspace';
import { createNoteService, type NoteService } from '../service';
import { READ_LIMITS, refused, type TextRead } from '../service/files';
import { fileName } from '../service/uris';
import type { FileRead, ReadLimits } from '../service/workspace';
import { EXIT_UNUSABLE_INPUT } from './definition';
import { classify, folderUri, notesNamed, rootOf, type Operand } from './paths';
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
  /** The language the command speaks (`--lang`, else the environment's). */
  readonly locale: Locale;
  /** A message of the catalogue in that language. */
  say(said: Message): string;
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
  /** Whether operands may be folders and globs (see paths.ts); else each is a file. */
  readonly paths?: boolean;
  /** The language of findings and messages (English unless told). */
  readonly locale?: Locale;
}

const STDIN_DISPLAY = '<stdin>';

type Say = (said: Message) => string;

function fileUri(file: string): string {
  return pathToFileURL(path.resolve(file)).toString();
}

function displayName(uri: string): string {
  const relative = path.relative(process.cwd(), fileURLToPath(uri));
  return relative.startsWith('..') || path.isAbsolute(relative) ? fileURLToPath(uri) : relative;
}

/** What each operand names; those that name nothing usable are said on standard error. */
function classifyOperands(operands: readonly string[], options: ContextOptions, terminal: Terminal, say: Say): { used: Operand[]; unusable: boolean } {
  const used: Operand[] = [];
  let unusable = false;
  for (const operand of operands) {
    const classified = options.paths ? classify(operand) : operand === '-' ? { kind: 'stdin' as const } : { kind: 'file' as const, operand };
    if (classified.kind !== 'refused') used.push(classified);
    else {
      terminal.error(`diplonote: ${classified.operand}: ${say(classified.reason)}`);
      unusable = true;
    }
  }
  return { used, unusable };
}

export async function createContext(operands: readonly string[], terminal: Terminal, options: ContextOptions = {}): Promise<CommandContext> {
  const stdinFile = options.stdinName ?? STDIN_DISPLAY;
  const locale = options.locale ?? 'en';
  const say: Say = (said) => format(locale, said);
  const classified = classifyOperands(operands, options, terminal, say);
  const roots = (inputs: readonly Input[] = []) => [...new Set([
    ...classified.used.map((operand) => rootOf(operand) ?? workspaceFolderOf(stdinFile)),
    ...inputs.map((input) => workspaceFolderOf(fileURLToPath(input.uri))),
  ].map(folderUri))];
  const given = new Map<string, string>();
  const display = (uri: string): string => given.get(uri) ?? (uri.startsWith('file:') ? displayName(uri) : uri);
  const told = new Set<string>();
  const tellEncoding = (uri: string, encoding: TextEncoding) => {
    if (isUtf8(encoding) || told.has(uri)) return;
    told.add(uri);
    terminal.error(`diplonote: ${display(uri)}: ${say(message('cli.read-as', { encoding: encodingName(encoding) }))}`);
  };
  // The note being worked on is the CLI's one open document: the service keeps what it needs while it is.
  const open = new Map<string, TextDocument>();
  const documents = { get: (uri: string) => open.get(uri), all: () => [...open.values()] };
  const workspace = new RecordingWorkspace(documents, roots());
  const service = createNoteService({ workspace, toolVersion: CLI_VERSION, decoded: tellEncoding, locale });
  const listed = await listOperands(classified.used, service, terminal, say);
  const unusable = classified.unusable || listed.unusable;
  const inputs = await uniqueInputs(classified.used, listed.notes, stdinFile, workspace);
  for (const input of inputs) given.set(input.uri, input.file);
  // A note listed under a folder reads the project file nearest to it, as when it is named itself.
  workspace.setFolders(roots(inputs));
  const read = (input: Input): Promise<TextRead> => (input.stdin ? readInput(terminal) : service.readNote(input.uri));
  return {
    inputs, service, terminal, style: terminal.style, display, say, locale,
    out: (text) => terminal.out(text),
    error: (text) => terminal.error(text),
    filesRead: () => [...workspace.read],
    async forEachNote(action, skip) {
      let status = unusable ? EXIT_UNUSABLE_INPUT : 0;
      for (const input of inputs) {
        if (skip?.(input.uri)) continue;
        const text = await read(input);
        if (text.kind === 'refused') {
          terminal.error(`diplonote: ${input.file}: ${say(text.said)}`);
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

type Listed = Extract<Operand, { kind: 'folder' | 'glob' }>;

/** The notes each folder and glob names (none listed twice); an operand that names none is said so. */
async function listOperands(
  operands: readonly Operand[], service: NoteService, terminal: Terminal, say: Say,
): Promise<{ notes: Map<Operand, string[]>; unusable: boolean }> {
  const notes = new Map<Operand, string[]>();
  const listings = operands.filter((operand): operand is Listed => operand.kind === 'folder' || operand.kind === 'glob');
  if (listings.length === 0) return { notes, unusable: false };
  // The configuration of each workspace folder says what is excluded.
  await service.reload();
  const byRoot = new Map<string, Promise<string[]>>();
  let unusable = false;
  for (const operand of listings) {
    const root = folderUri(operand.root);
    if (!byRoot.has(root)) byRoot.set(root, service.notesIn(root));
    const named = notesNamed(operand, await (byRoot.get(root) as Promise<string[]>));
    if (named.length === 0) {
      const none = operand.kind === 'glob' ? message('cli.no-note.glob') : message('cli.no-note.folder');
      terminal.error(`diplonote: ${operand.operand}: ${say(none)}`);
      unusable = true;
    }
    notes.set(operand, named);
  }
  return { notes, unusable };
}

/** The inputs in the order named, each file once (a note listed under two names, by its real path, once). */
async function uniqueInputs(operands: readonly Operand[], listed: ReadonlyMap<Operand, string[]>, stdinFile: string, workspace: RecordingWorkspace): Promise<Input[]> {
  const inputs: Input[] = [];
  const seen = new Set<string>();
  const add = (input: Input, real: string = input.uri) => {
    if (seen.has(input.uri) || seen.has(real)) return;
    seen.add(input.uri).add(real);
    inputs.push(input);
  };
  for (const operand of operands) {
    if (operand.kind === 'stdin') add({ uri: fileUri(stdinFile), file: stdinFile, stdin: true });
    else if (operand.kind === 'file') add({ uri: fileUri(operand.operand), file: operand.operand });
    else for (const { uri, real } of await withoutLinks(listed.get(operand) ?? [], workspace)) add({ uri, file: displayName(uri) }, real);
  }
  return inputs;
}

/** Listed notes with their real paths; a link to a note listed under its own name is left out. */
async function withoutLinks(uris: readonly string[], workspace: RecordingWorkspace): Promise<Array<{ uri: string; real: string }>> {
  const entries = await Promise.all(uris.map(async (uri) => ({ uri, real: (await workspace.realUri(uri)) ?? uri })));
  const kept = new Map<string, string>();
  const ownName = (uri: string, real: string) => fileName(uri) === fileName(real);
  for (const { uri, real } of entries) {
    const other = kept.get(real);
    if (other === undefined || (ownName(uri, real) && !ownName(other, real))) kept.set(real, uri);
  }
  return entries.filter(({ uri, real }) => kept.get(real) === uri);
}

async function readInput(terminal: Terminal): Promise<TextRead> {
  const bytes = await terminal.readInput(READ_LIMITS.cliInput);
  if (bytes === undefined) return refused(message('read.too-large', { limit: READ_LIMITS.cliInput }));
  const decoded = decodeText(bytes);
  if (decoded.kind === 'binary') return refused(message('read.binary-input'));
  return { kind: 'text', text: decoded.text, encoding: decoded.encoding, version: 0 };
}

declare const CLI_VERSION: string;
