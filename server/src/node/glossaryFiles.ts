/**
 * Finds and reads glossary files on disk for the Node server: the convention names anywhere in the
 * workspace folders (bounded walk, skipping node_modules and dot folders) and the files or glob
 * patterns of `diplonote.glossary.files`. A path outside the workspace is read only when configured.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isGlossaryFile } from '../core/glossary';
import type { GlossaryFileSource } from '../glossaryStore';

const MAX_FILES = 200;
const MAX_DEPTH = 8;
/** Larger glossary files are refused with a problem rather than read. */
export const MAX_GLOSSARY_BYTES = 5 * 1024 * 1024;

export function glossaryFileSource(workspaceFolders: () => readonly string[]): GlossaryFileSource {
  return {
    glossaryFiles(patterns) {
      const roots = workspaceFolders().filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri));
      const found = new Set<string>();
      for (const root of roots) walk(root, 0, found, (file) => isGlossaryFile(file));
      for (const pattern of patterns) {
        for (const root of roots) for (const file of expand(root, pattern)) found.add(file);
      }
      return [...found].slice(0, MAX_FILES).map((file) => pathToFileURL(file).toString());
    },
    readText(uri) {
      try {
        const file = fileURLToPath(uri);
        const size = statSync(file).size;
        if (size > MAX_GLOSSARY_BYTES) return { error: `Glossary file too large (${size} bytes; the limit is ${MAX_GLOSSARY_BYTES}).` };
        return { text: readFileSync(file, 'utf8') };
      } catch (error) {
        return { error: `Glossary file could not be read: ${error instanceof Error ? error.message : String(error)}` };
      }
    },
  };
}

function walk(folder: string, depth: number, found: Set<string>, wanted: (file: string) => boolean): void {
  if (depth > MAX_DEPTH || found.size >= MAX_FILES) return;
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) walk(full, depth + 1, found, wanted);
    else if (entry.isFile() && wanted(full)) found.add(full);
  }
}

/** A configured path (absolute or relative to `root`), or a glob with `*`, `**` and `?`. */
function expand(root: string, pattern: string): string[] {
  const absolute = path.resolve(root, pattern);
  if (!/[*?]/.test(pattern)) return isFile(absolute) ? [absolute] : [];
  const matcher = globToRegExp(absolute);
  const found = new Set<string>();
  walk(staticPrefix(absolute), 0, found, (file) => matcher.test(file));
  return [...found];
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function staticPrefix(pattern: string): string {
  const wildcard = pattern.search(/[*?]/);
  return path.dirname(pattern.slice(0, wildcard + 1));
}

/** `**` any folders, `*` any name part, `?` one character; everything else literal. Linear to match. */
function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*' && pattern[i + 1] === '*') {
      source += '(?:[^/]*/)*';
      i += pattern[i + 2] === '/' ? 2 : 1;
    } else if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else source += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}
