/**
 * URIs as the editor writes them, handled as strings: the editor's own encoding of a path (VS Code
 * writes `c%3A`, `%28`) is kept, so that a URI made here equals the one the editor uses for the same
 * file. Only segments added here are encoded, with every character but the unreserved ones escaped.
 */

export function withSlash(uri: string): string {
  return uri.endsWith('/') ? uri : `${uri}/`;
}

/** Whether `uri` is `folder` itself or lies below it. */
export function isInside(uri: string, folder: string): boolean {
  return uri === folder || uri.startsWith(withSlash(folder));
}

/** The folder holding a file: its URI up to the last `/` (kept). */
export function folderOf(uri: string): string {
  return uri.slice(0, uri.lastIndexOf('/') + 1);
}

/** The innermost of `folders` holding `uri`. */
export function innermostFolder(uri: string, folders: readonly string[]): string | undefined {
  let found: string | undefined;
  for (const folder of folders) if (isInside(uri, folder) && (!found || folder.length > found.length)) found = folder;
  return found;
}

/** A query (`?…`) or a fragment (`#…`) names something other than the file the path names. */
export function hasQueryOrFragment(uri: string): boolean {
  return uri.includes('?') || uri.includes('#');
}

export function schemeOf(uri: string): string | undefined {
  return /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(uri)?.[1].toLowerCase();
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a stray % in a URI the editor sent: shown as it is
  }
}

/** The last segment of the path, decoded, as a user reads it. */
export function fileName(uri: string): string {
  const path = uri.replace(/[?#].*$/s, '');
  return decodeSegment(path.slice(path.lastIndexOf('/') + 1));
}

/** Whether two URIs name the same path, however each escapes its characters. */
export function samePath(a: string, b: string): boolean {
  return a === b || decodeSegment(a) === decodeSegment(b);
}

/** `folder/a/b.csv` → `a/b.csv` (decoded, `/`-separated); undefined when not below the folder. */
export function relativePath(folder: string, uri: string): string | undefined {
  const base = withSlash(folder);
  if (!uri.startsWith(base)) return undefined;
  return uri.slice(base.length).split('/').map(decodeSegment).join('/');
}

/** Escapes all but the unreserved characters (RFC 3986), as VS Code does in paths. */
export function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `folder` + decoded relative segments. */
export function joinSegments(folder: string, segments: readonly string[]): string {
  return withSlash(folder) + segments.map(encodeSegment).join('/');
}
