/**
 * The optional YAML front matter: a `---` first line, `key: value` lines, a closing `---`. Only the flat
 * subset that the documented keys need is read; anything else becomes a problem, never an exception.
 */
import type { AnalysisProblem, FrontMatter, FrontMatterEntry } from '../model';
import type { Line } from '../text/lines';

export const FRONT_MATTER_KEYS: ReadonlySet<string> = new Set([
  'reference', 'date', 'sender', 'addressee', 'in-reply-to', 'counterpart', 'language', 'title',
]);

/** Bounds the search for the closing `---`, so a stray `---` first line costs little. */
const MAX_FRONT_MATTER_LINES = 200;

export interface FrontMatterResult {
  readonly frontMatter?: FrontMatter;
  /** Index of the first line after the front matter (0 when there is none). */
  readonly nextLine: number;
  readonly problems: AnalysisProblem[];
}

export function readFrontMatter(text: string, lines: readonly Line[]): FrontMatterResult {
  if (lines.length === 0 || text.slice(lines[0].trimStart, lines[0].trimEnd) !== '---') {
    return { nextLine: 0, problems: [] };
  }
  const last = Math.min(lines.length, MAX_FRONT_MATTER_LINES);
  for (let n = 1; n < last; n++) {
    if (text.slice(lines[n].trimStart, lines[n].trimEnd) === '---') {
      const problems: AnalysisProblem[] = [];
      const entries = readEntries(text, lines.slice(1, n), problems);
      const frontMatter: FrontMatter = { kind: 'frontMatter', span: { start: lines[0].start, end: lines[n].end }, entries };
      return { frontMatter, nextLine: n + 1, problems };
    }
  }
  return { nextLine: 0, problems: [] };
}

function readEntries(text: string, lines: readonly Line[], problems: AnalysisProblem[]): FrontMatterEntry[] {
  const entries: FrontMatterEntry[] = [];
  for (const line of lines) {
    if (line.trimStart === line.trimEnd || text[line.trimStart] === '#') continue;
    const entry = readEntry(text, line);
    if (typeof entry === 'string') problems.push({ span: { start: line.trimStart, end: line.trimEnd }, message: entry });
    else entries.push(entry);
  }
  return entries;
}

function readEntry(text: string, line: Line): FrontMatterEntry | string {
  const content = text.slice(line.trimStart, line.trimEnd);
  const colon = content.indexOf(':');
  if (colon <= 0) return `Front matter line is not "key: value": ${abbreviate(content)}`;
  const key = content.slice(0, colon).trim();
  if (!FRONT_MATTER_KEYS.has(key)) {
    return `Unknown front matter key "${key}" (known: ${[...FRONT_MATTER_KEYS].join(', ')})`;
  }
  const raw = content.slice(colon + 1);
  const leading = raw.length - raw.trimStart().length;
  const valueStart = line.trimStart + colon + 1 + leading;
  const value = unquote(raw.trim());
  if (value === '') return `Front matter key "${key}" has no value`;
  return {
    key, value,
    keySpan: { start: line.trimStart, end: line.trimStart + key.length },
    valueSpan: { start: valueStart, end: line.trimEnd },
  };
}

function unquote(value: string): string {
  const first = value[0];
  if (value.length >= 2 && (first === '"' || first === "'") && value[value.length - 1] === first) {
    return value.slice(1, -1);
  }
  return value;
}

function abbreviate(content: string): string {
  return content.length > 40 ? content.slice(0, 40) + '…' : content;
}
