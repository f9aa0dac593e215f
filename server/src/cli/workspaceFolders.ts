/**
 * The workspace folder of a note named on the command line, so that the CLI reads the same project
 * file, glossaries and path policy as an editor opened on that folder: the nearest folder above the
 * note that holds `.diplonote.json` (or, as before there was a project file, `diplonote.glossary.json`),
 * else the note's own folder, as `git` takes the nearest repository.
 */
import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';

const MARKERS = ['.diplonote.json', 'diplonote.glossary.json'];

export function workspaceFolderOf(file: string): string {
  const resolved = path.resolve(file);
  // A folder given where a note may stand (`glossary export FOLDER`) is read as a folder: never its
  // parent, whose other folders are none of its business.
  return workspaceFolderAt(isDirectory(resolved) === true ? resolved : path.dirname(resolved));
}

/** Whether `file` is a folder; undefined when there is nothing there (or it cannot be told). */
export function isDirectory(file: string): boolean | undefined {
  try {
    return statSync(file).isDirectory();
  } catch {
    return undefined;
  }
}

/** The same for a folder named on the command line: the nearest folder at or above it with a project file, else itself. */
export function workspaceFolderAt(folder: string): string {
  const own = path.resolve(folder);
  for (let at = own; ; at = path.dirname(at)) {
    if (MARKERS.some((marker) => existsSync(path.join(at, marker)))) return at;
    if (path.dirname(at) === at) return own;
  }
}
