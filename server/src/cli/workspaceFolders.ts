/**
 * The workspace folder of a note named on the command line, so that the CLI reads the same project
 * file, glossaries and path policy as an editor opened on that folder: the nearest folder above the
 * note that holds `.diplonote.json` (or, as before there was a project file, `diplonote.glossary.json`),
 * else the note's own folder, as `git` takes the nearest repository.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';

const MARKERS = ['.diplonote.json', 'diplonote.glossary.json'];

export function workspaceFolderOf(file: string): string {
  const own = path.dirname(path.resolve(file));
  for (let folder = own; ; folder = path.dirname(folder)) {
    if (MARKERS.some((marker) => existsSync(path.join(folder, marker)))) return folder;
    if (path.dirname(folder) === folder) return own;
  }
}
