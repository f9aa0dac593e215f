/**
 * What every CLI command receives: its files, its flags, where to write, and the note service over
 * the disk, with the workspace folders of the files given (see workspaceFolders.ts).
 */
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { encodingName, isUtf8, type TextEncoding } from '../core/text/decode';
import { NodeWorkspace } from '../node/nodeWorkspace';
import { createNoteService, type NoteService } from '../service';
import { workspaceFolderOf } from './workspaceFolders';

export interface InputNote {
  /** The file as given on the command line. */
  readonly file: string;
  readonly document: TextDocument;
}

export interface CommandContext {
  readonly files: readonly string[];
  readonly json: boolean;
  readonly options: ReadonlyMap<string, string>;
  readonly service: NoteService;
  out(text: string): void;
  error(text: string): void;
  /** How a file is named in the output: as given, else relative to the current folder. */
  display(uri: string): string;
  /** Runs `action` on each readable note, in order; returns 2 when any file was unusable, else 0. */
  forEachNote(action: (note: InputNote) => Promise<void> | void): Promise<number>;
}

export const EXIT_UNUSABLE_INPUT = 2;

export function createContext(
  files: readonly string[], json: boolean, options: ReadonlyMap<string, string>,
  out: (text: string) => void, error: (text: string) => void,
): CommandContext {
  const inputs = files.map((file) => ({ uri: pathToFileURL(path.resolve(file)).toString(), file }));
  const given = new Map(inputs.map(({ uri, file }) => [uri, file]));
  const display = (uri: string): string => {
    if (given.has(uri)) return given.get(uri) as string;
    if (!uri.startsWith('file:')) return uri;
    const relative = path.relative(process.cwd(), fileURLToPath(uri));
    return relative.startsWith('..') || path.isAbsolute(relative) ? fileURLToPath(uri) : relative;
  };
  const told = new Set<string>();
  const tellEncoding = (uri: string, encoding: TextEncoding) => {
    if (isUtf8(encoding) || told.has(uri)) return;
    told.add(uri);
    error(`diplonote: ${display(uri)}: read as ${encodingName(encoding)}`);
  };
  const folders = [...new Set(files.map((file) => pathToFileURL(workspaceFolderOf(file)).toString()))];
  // The note being worked on is the CLI's one open document: the service keeps what it needs while it is.
  const open = new Map<string, TextDocument>();
  const documents = { get: (uri: string) => open.get(uri), all: () => [...open.values()] };
  const service = createNoteService({ workspace: new NodeWorkspace(documents, folders), toolVersion: CLI_VERSION, decoded: tellEncoding });
  return {
    files, json, options, service, out, error, display,
    async forEachNote(action) {
      let status = 0;
      for (const { uri, file } of inputs) {
        const read = await service.readNote(uri);
        if (read.kind === 'refused') {
          error(`diplonote: ${file}: ${read.message}`);
          status = EXIT_UNUSABLE_INPUT;
          continue;
        }
        tellEncoding(uri, read.encoding);
        // The version a file read from disk gets (see pairing.ts).
        const document = TextDocument.create(uri, 'diplomatic-note', -read.version, read.text);
        open.set(uri, document);
        await action({ file, document });
        open.delete(uri);
        service.documentClosed(uri);
      }
      return status;
    },
  };
}

declare const CLI_VERSION: string;
