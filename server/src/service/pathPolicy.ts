/**
 * The one path policy: which files the service reads on the word of a note or a configuration.
 *
 * A note names its other version (`counterpart:`) by a path relative to itself, to a `.note` file in
 * its workspace folder (a note outside every folder: in its own folder or below). Glossary paths and
 * patterns (settings, `.diplonote.json`) are relative to their workspace folder and stay inside it.
 * Refused: URIs (`file://…`), absolute and drive paths (`/etc/…`, `C:\…`), network paths (`//host/…`,
 * `\\host\…`), `..` that climbs out of the folder, control characters. Whether a symbolic link leads
 * out of the folder is known only on disk: `files.ts` checks the real path before every read.
 * Backslashes are read as separators, as Windows users write them.
 */
import { message, saying, type Message, type Saying } from '../core/messages';
import type { Note, Span } from '../core/model';
import { partnerFileName } from '../core/noteAlignment';
import { encodeSegment, folderOf, hasQueryOrFragment, innermostFolder, withSlash } from './uris';

export type Resolved = { readonly kind: 'resolved'; readonly uri: string } | { readonly kind: 'refused'; readonly reason: Message };

/** C0 and C1 controls, and the bidirectional controls that make text read other than it is stored. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const SCHEME_OR_DRIVE = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;
const MAX_PATH_LENGTH = 1024;

export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text);
}

/** The folder a note's word may reach: its innermost workspace folder, else its own folder. */
export function boundaryOf(uri: string, folders: readonly string[]): string {
  return innermostFolder(uri, folders) ?? folderOf(uri);
}

/** Why a path written in a note or a setting is not a relative path, or undefined when it is one. */
function notRelative(path: string): Message | undefined {
  if (path.trim() === '') return message('path.empty');
  if (path.length > MAX_PATH_LENGTH) return message('path.too-long', { limit: MAX_PATH_LENGTH });
  if (hasControlCharacters(path)) return message('path.controls');
  if (SCHEME_OR_DRIVE.test(path)) return message('path.uri-or-drive');
  const slashed = path.replace(/\\/g, '/');
  if (slashed.startsWith('//')) return message('path.network');
  if (slashed.startsWith('/')) return message('path.absolute');
  return undefined;
}

/** `declared` (a relative path) against `fromFolder`, kept inside `boundary`. */
function resolveInside(fromFolder: string, declared: string, boundary: string): Resolved {
  const base = withSlash(boundary);
  if (!fromFolder.startsWith(base)) return { kind: 'refused', reason: message('path.outside-folder') };
  const stack = fromFolder.slice(base.length).split('/').filter((segment) => segment !== '');
  const fresh: string[] = [];
  for (const segment of declared.replace(/\\/g, '/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment !== '..') fresh.push(segment);
    else if (fresh.length > 0) fresh.pop();
    else if (stack.length > 0) stack.pop();
    else return { kind: 'refused', reason: message('path.leads-out') };
  }
  if (fresh.length === 0) return { kind: 'refused', reason: message('path.folder') };
  return { kind: 'resolved', uri: base + [...stack, ...fresh.map(encodeSegment)].join('/') };
}

/** The file a note's `counterpart:` names, or why it is refused. */
export function resolveCounterpart(noteUri: string, declared: string, folders: readonly string[]): Resolved {
  const problem = notRelative(declared);
  if (problem) return { kind: 'refused', reason: problem };
  if (!/\.note$/i.test(declared.trim())) return { kind: 'refused', reason: message('path.not-note') };
  return resolveInside(folderOf(noteUri), declared.trim(), boundaryOf(noteUri, folders));
}

/** A path or glob of a setting or `.diplonote.json` (glossary files, exclusions), `/`-separated, or why it is refused. */
export function workspacePattern(pattern: string): { kind: 'pattern'; pattern: string } | { kind: 'refused'; reason: Message } {
  const problem = notRelative(pattern);
  if (problem) return { kind: 'refused', reason: problem };
  const segments = pattern.trim().replace(/\\/g, '/').split('/').filter((s) => s !== '' && s !== '.');
  if (segments.includes('..')) return { kind: 'refused', reason: message('path.dot-dot') };
  // `.` or `/./` leave no segment: an empty pattern, which the glob matcher refuses by throwing.
  if (segments.length === 0) return { kind: 'refused', reason: message('path.no-pattern') };
  return { kind: 'pattern', pattern: segments.join('/') };
}

/** The other version's file of a note: where it is named (the `counterpart:` value), or none by convention. */
export type PartnerRef =
  | { readonly kind: 'file'; readonly uri: string; readonly namedAt?: Span }
  | ({ readonly kind: 'refused'; readonly at: Span } & Saying);

/** The partner file a note names, or its `NAME.en.note` ↔ `NAME.zh.note` twin; undefined when none. */
export function partnerOf(noteUri: string, note: Note, folders: readonly string[]): PartnerRef | undefined {
  if (hasQueryOrFragment(noteUri)) return undefined;
  const entry = note.frontMatter?.entries.find((e) => e.key === 'counterpart');
  if (entry) {
    const resolved = resolveCounterpart(noteUri, entry.value, folders);
    if (resolved.kind === 'resolved') return resolved.uri === noteUri ? undefined : { kind: 'file', uri: resolved.uri, namedAt: entry.valueSpan };
    return { kind: 'refused', at: entry.valueSpan, ...saying(message('pairing.counterpart-refused', { value: entry.value, reason: resolved.reason })) };
  }
  const twin = partnerFileName(noteUri);
  return twin && twin !== noteUri ? { kind: 'file', uri: twin } : undefined;
}
