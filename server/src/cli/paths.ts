/**
 * The operands of a command that takes PATH…: a file (checked whatever the configuration says), `-`
 * (standard input), a folder (every note under it), or a glob (picomatch: `**`, `{a,b}`, `[abc]`; quote
 * it so that every shell passes it as written; backslashes are separators, as in `.diplonote.json`).
 * Folders and globs list the notes the editor's index lists (`NoteService.notesIn`: the exclusions of
 * `.diplonote.json` and `files.exclude`, dot folders, `node_modules`, what `.gitignore` leaves out) in the
 * workspace folder of the folder or of the glob's fixed part.
 */
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import picomatch from 'picomatch/posix';
import { message, type Message } from '../core/messages';
import { isDirectory, workspaceFolderAt, workspaceFolderOf } from './workspaceFolders';

/** What an operand names. */
export type Operand =
  | { readonly kind: 'file'; readonly operand: string }
  | { readonly kind: 'stdin' }
  /** Every note under `folder`, found in the workspace folder `root`. */
  | { readonly kind: 'folder'; readonly operand: string; readonly folder: string; readonly root: string }
  /** The notes under `folder` whose path below it matches `matches`. */
  | { readonly kind: 'glob'; readonly operand: string; readonly folder: string; readonly root: string; readonly matches: (below: string) => boolean };

/** What an operand names: an existing path is that path, even if it holds glob characters. */
export function classify(operand: string): Operand | { readonly kind: 'refused'; readonly operand: string; readonly reason: Message } {
  if (operand === '-') return { kind: 'stdin' };
  const directory = isDirectory(operand);
  if (directory === true) return { kind: 'folder', operand, folder: path.resolve(operand), root: workspaceFolderAt(operand) };
  if (directory === false) return { kind: 'file', operand };
  const pattern = operand.replace(/\\/g, '/');
  const scanned = picomatch.scan(pattern);
  if (!scanned.isGlob) return { kind: 'file', operand };
  if (scanned.negated) return { kind: 'refused', operand, reason: message('cli.path.negated') };
  const folder = path.resolve(scanned.base || '.');
  if (isDirectory(folder) !== true) return { kind: 'refused', operand, reason: message('cli.path.no-folder', { folder: scanned.base }) };
  return { kind: 'glob', operand, folder, root: workspaceFolderAt(folder), matches: picomatch(scanned.glob) };
}

/** The workspace folder (a path) that an operand's files are read with. */
export function rootOf(operand: Operand): string | undefined {
  if (operand.kind === 'folder' || operand.kind === 'glob') return operand.root;
  return operand.kind === 'file' ? workspaceFolderOf(operand.operand) : undefined;
}

/** The notes a folder or glob names, in the order listed, from the notes of its workspace folder. */
export function notesNamed(operand: Extract<Operand, { kind: 'folder' | 'glob' }>, listed: readonly string[]): string[] {
  return listed.filter((uri) => {
    const below = path.relative(operand.folder, fileURLToPath(uri));
    if (below.startsWith('..') || path.isAbsolute(below)) return false;
    return operand.kind === 'folder' || operand.matches(below.split(path.sep).join('/'));
  });
}

export function folderUri(folder: string): string {
  return pathToFileURL(folder).toString();
}
