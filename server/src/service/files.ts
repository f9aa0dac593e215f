/**
 * Reading text through the workspace: bounded, regular files only, decoded (UTF-8, UTF-16 with its
 * mark, GB18030), and, when a boundary folder is given, only when the file's real path (symbolic links
 * resolved) lies inside that folder's real path. Every refusal is one line saying why.
 */
import { decodeText, mayBeText, type TextEncoding } from '../core/text/decode';
import { isInside } from './uris';
import type { FileRead, Workspace } from './workspace';

/** Largest files read, in bytes, by what they are read for. */
export const READ_LIMITS = {
  /** A partner note read from disk: past this the editor keeps to the open note. */
  partner: 16 * 1024 * 1024,
  glossary: 5 * 1024 * 1024,
  projectFile: 1024 * 1024,
  /** A note named on the command line. */
  cliInput: 256 * 1024 * 1024,
} as const;

export type TextRead =
  | { readonly kind: 'text'; readonly text: string; readonly encoding: TextEncoding; readonly version: number }
  | { readonly kind: 'refused'; readonly missing: boolean; readonly message: string };

function refusal(read: Exclude<FileRead, { kind: 'read' }>, maxBytes: number): TextRead {
  const messages: Record<typeof read.kind, string> = {
    missing: 'no such file',
    'not-a-file': read.detail ?? 'not a regular file',
    'too-large': `too large (more than ${maxBytes} bytes)`,
    binary: 'binary file, not a text note',
    unreadable: read.detail ?? 'cannot be read',
  };
  return { kind: 'refused', missing: read.kind === 'missing', message: messages[read.kind] };
}

/**
 * `knownRealBoundary`: the boundary's real URI when the caller has it already (the index asks it once
 * per folder and build, not once per note).
 */
export async function readText(
  workspace: Workspace, uri: string, maxBytes: number, boundary?: string, knownRealBoundary?: Promise<string | undefined>,
): Promise<TextRead> {
  if (boundary !== undefined) {
    const [real, realBoundary] = await Promise.all([workspace.realUri(uri), knownRealBoundary ?? workspace.realUri(boundary)]);
    if (real === undefined) return { kind: 'refused', missing: true, message: 'no such file' };
    if (realBoundary === undefined || !isInside(real, realBoundary)) {
      return { kind: 'refused', missing: false, message: 'reached through a link that leads out of the workspace folder; not read' };
    }
  }
  const read = await workspace.readFile(uri, { maxBytes, mayBeText });
  if (read.kind !== 'read') return refusal(read, maxBytes);
  const decoded = decodeText(read.bytes);
  if (decoded.kind === 'binary') return { kind: 'refused', missing: false, message: 'binary file, not a text note' };
  return { kind: 'text', text: decoded.text, encoding: decoded.encoding, version: read.version };
}
