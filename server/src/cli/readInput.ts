/** Reads a note file for the CLI, turning every way it can be unusable into one clear line. */
import { readFileSync, statSync } from 'node:fs';

export type InputResult = { ok: true; text: string } | { ok: false; message: string };

/** Files larger than this are refused rather than read whole into memory. */
const MAX_INPUT_BYTES = 256 * 1024 * 1024;
const SNIFF_BYTES = 8192;

export function readNoteFile(path: string): InputResult {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return { ok: false, message: `${path}: is a directory` };
    if (!stat.isFile()) return { ok: false, message: `${path}: not a regular file` };
    size = stat.size;
  } catch (error) {
    return { ok: false, message: `${path}: ${describe(error)}` };
  }
  if (size > MAX_INPUT_BYTES) return { ok: false, message: `${path}: too large (${size} bytes; limit ${MAX_INPUT_BYTES})` };
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return { ok: false, message: `${path}: ${describe(error)}` };
  }
  if (looksBinary(bytes)) return { ok: false, message: `${path}: binary file, not a text note` };
  return { ok: true, text: stripBom(bytes.toString('utf8')) };
}

/** A NUL byte in the first kilobytes is what `git` and `grep` take as the sign of a binary file too. */
function looksBinary(bytes: Buffer): boolean {
  return bytes.subarray(0, SNIFF_BYTES).includes(0);
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return error instanceof Error ? error.message : String(error);
}
