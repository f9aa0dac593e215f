/**
 * Reading text through the workspace: bounded, regular files only, decoded (UTF-8, UTF-16 with its
 * mark, GB18030), and, when a boundary folder is given, only when the file's real path (symbolic links
 * resolved) lies inside that folder's real path. Every refusal is one line saying why.
 */
import { message, saying, type Message, type Saying } from '../core/messages';
import { decodeText, mayBeText, type TextEncoding } from '../core/text/decode';
import { isInside } from './uris';
import type { FileRead, FileWrite, Workspace, WriteRefusal } from './workspace';

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
  /** Why, in English (`message`) and in any language (`said`). */
  | ({ readonly kind: 'refused'; readonly missing: boolean } & Saying);

/** A refusal of what is not read: the reason in any language. */
export function refused(said: Message, missing = false): TextRead {
  return { kind: 'refused', missing, ...saying(said) };
}

function refusal(read: Exclude<FileRead, { kind: 'read' }>, maxBytes: number): TextRead {
  const reasons: Record<typeof read.kind, Message> = {
    missing: message('read.missing'),
    'not-a-file': message('read.not-a-file'),
    folder: message('read.folder'),
    forbidden: message('read.forbidden'),
    'too-large': message('read.too-large', { limit: maxBytes }),
    binary: message('read.binary'),
    'no-access': message('read.no-access'),
    // The system's own words for a failure no other reason names: said as they are.
    unreadable: read.kind === 'unreadable' && read.detail !== undefined ? message('read.detail', { detail: read.detail }) : message('read.unreadable'),
  };
  return refused(reasons[read.kind], read.kind === 'missing');
}

/** Why a file was not written, in any language (the system's or the editor's own words as they are). */
export function writeRefusal(write: Extract<FileWrite, { kind: 'refused' }>): Message {
  const reasons: Record<WriteRefusal, Message> = {
    'not-local': message('write.not-local'),
    'not-a-file': message('write.not-a-file'),
    forbidden: message('write.forbidden'),
    'read-only': message('write.read-only'),
    unsupported: message('write.unsupported'),
    failed: write.detail === undefined ? message('write.failed') : message('read.detail', { detail: write.detail }),
  };
  return reasons[write.reason];
}

/**
 * `knownRealBoundary`: the boundary's real URI when the caller has it already (the index asks it once
 * per folder and build, not once per note).
 */
export async function readText(
  workspace: Workspace, uri: string, maxBytes: number, boundary?: string, knownRealBoundary?: Promise<string | undefined>,
): Promise<TextRead> {
  if (boundary !== undefined) {
    const place = await placeOf(workspace, uri, boundary, knownRealBoundary);
    if (place === 'missing') return refused(message('read.missing'), true);
    if (place === 'outside') return refused(message('read.outside-folder'));
  }
  const read = await workspace.readFile(uri, { maxBytes, mayBeText });
  if (read.kind !== 'read') return refusal(read, maxBytes);
  const decoded = decodeText(read.bytes);
  if (decoded.kind === 'binary') return refused(message('read.binary'));
  return { kind: 'text', text: decoded.text, encoding: decoded.encoding, version: read.version };
}

/** Where a file's real path is, against the real path of the boundary folder it must lie in. */
async function placeOf(
  workspace: Workspace, uri: string, boundary: string, knownRealBoundary?: Promise<string | undefined>,
): Promise<'inside' | 'outside' | 'missing'> {
  const [real, realBoundary] = await Promise.all([workspace.realUri(uri), knownRealBoundary ?? workspace.realUri(boundary)]);
  if (real === undefined) return 'missing';
  return realBoundary !== undefined && isInside(real, realBoundary) ? 'inside' : 'outside';
}

/**
 * The version of a file that `readText` would read with this boundary (a regular file inside the
 * folder), without reading it; undefined for any other.
 */
export async function versionOf(
  workspace: Workspace, uri: string, boundary: string, knownRealBoundary?: Promise<string | undefined>,
): Promise<number | undefined> {
  const [place, stat] = await Promise.all([placeOf(workspace, uri, boundary, knownRealBoundary), workspace.stat(uri)]);
  return place === 'inside' && stat?.type === 'file' ? stat.version : undefined;
}
