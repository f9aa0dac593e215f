/**
 * Glob patterns (picomatch syntax: `**`, `{a,b}`, `[abc]`, `!…`) matched against `/`-separated paths
 * relative to a folder, as the listing of a workspace folder and its exclusions need them: every entry
 * of a folder of ten thousand notes is tested. picomatch's own matcher for a list of patterns builds a
 * result object per pattern per path; here the patterns are one regular expression (each compiled by
 * picomatch, so the syntax and its meaning are picomatch's), tested once per path.
 */
import picomatch from 'picomatch/posix';

/** Whether a relative path matches any of the patterns. */
export type GlobMatcher = (relativePath: string) => boolean;

/** Dot files match, and case is ignored: as the workspace's listings have always matched. */
const LISTING_OPTIONS = { dot: true, nocase: true } as const;

export function globMatcher(patterns: readonly string[]): GlobMatcher {
  if (patterns.length === 0) return () => false;
  const compiled = patterns.map((pattern) => picomatch.makeRe(pattern, LISTING_OPTIONS));
  const any = new RegExp(compiled.map((pattern) => `(?:${pattern.source})`).join('|'), compiled[0].flags);
  // As picomatch: a path spelled as a pattern is, character for character, matches it; an empty one matches nothing.
  const spelled = new Set(patterns);
  return (relativePath) => relativePath !== '' && (spelled.has(relativePath) || any.test(relativePath));
}

/** Whether the path, or a folder on the way to it, matches: an excluded folder leaves out all it holds. */
export function excludedOnTheWay(relativePath: string, excluded: GlobMatcher): boolean {
  let end = relativePath.indexOf('/');
  while (end !== -1) {
    if (excluded(relativePath.slice(0, end))) return true;
    end = relativePath.indexOf('/', end + 1);
  }
  return excluded(relativePath);
}
