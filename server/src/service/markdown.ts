/**
 * Markdown for hovers, built from text that comes from a note or a user's file (reference text, front
 * matter values, glossary forms, definitions, sources, file names). Such text is shown as written and
 * never becomes markup: no image is fetched, no link or command is made, no HTML element is rendered,
 * whatever the client's renderer allows.
 */

/**
 * Inline markup characters, backslash-escaped (CommonMark renders a backslash before any ASCII
 * punctuation as the character itself). `.` `/` `:` `(` `)` stay: without `[` and `]` they make no link,
 * and escaping them would clutter the clients that show the Markdown as plain text.
 */
const INLINE_MARKUP = /[\\`*_[\]<>&!|~{}#]/g;
/** At the start of a line these make a list or a rule (`#` and `>` are escaped everywhere). */
const BULLET_START = /^(\s*)([-+=])/;
const NUMBER_START = /^(\s*\d+)([.)])/;
/** What renderers with autolinks (GFM, linkify) turn into links without brackets: `https://…`, `www.…`. */
const BARE_LINK = /(:)(?=\/\/)|(\bwww)(\.)/gi;

/** Text shown as written, on one line. */
export function escapeMarkdown(text: string): string {
  const oneLine = text.replace(/[\r\n\u2028\u2029]+/g, ' ');
  return oneLine.replace(INLINE_MARKUP, '\\$&').replace(BULLET_START, '$1\\$2').replace(NUMBER_START, '$1\\$2')
    .replace(BARE_LINK, (_, colon: string | undefined, www: string | undefined) => (colon ? '\\:' : `${www}\\.`));
}

/** Text as a code span: a run of backticks longer than any inside it, and spaces inside when it touches one. */
export function codeSpan(text: string): string {
  const oneLine = text.replace(/[\r\n\u2028\u2029]+/g, ' ');
  let longest = 0;
  for (const run of oneLine.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(longest + 1);
  const padded = oneLine.startsWith('`') || oneLine.endsWith('`') ? ` ${oneLine} ` : oneLine;
  return `${fence}${padded}${fence}`;
}

/** A link to a place in a workspace file; the URI is one the service resolved, its brackets escaped. */
export function fileLink(label: string, uri: string, line: number, character: number): string {
  const target = `${uri}#L${line},${character}`.replace(/[()<> ]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `[${escapeMarkdown(label)}](${target})`;
}
