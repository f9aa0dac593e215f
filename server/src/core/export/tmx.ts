/** TMX 1.4b and CSV renderings of aligned pairs (what OmegaT, Trados and spreadsheets import). */
import type { TextPair } from './pairs';

const XML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes the five XML entities and drops characters XML 1.0 forbids (controls, lone surrogates). */
export function escapeXml(text: string): string {
  return text
    .replace(/[&<>"']/g, (ch) => XML_ENTITIES[ch])
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');
}

export interface TmxOptions {
  readonly toolVersion: string;
}

export function toTmx(pairs: readonly TextPair[], options: TmxOptions): string {
  const units = pairs.map((pair) => [
    '    <tu>',
    `      <tuv xml:lang="en"><seg>${escapeXml(pair.en)}</seg></tuv>`,
    `      <tuv xml:lang="zh"><seg>${escapeXml(pair.zh)}</seg></tuv>`,
    '    </tu>',
  ].join('\n'));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
    '<tmx version="1.4">',
    `  <header creationtool="Diplonote" creationtoolversion="${escapeXml(options.toolVersion)}" segtype="sentence" o-tmf="Diplonote" adminlang="en" srclang="en" datatype="plaintext"/>`,
    '  <body>',
    ...units,
    '  </body>',
    '</tmx>',
    '',
  ].join('\n');
}

/** C0 control characters but tab and line feed: no text needs them, and some confuse spreadsheets. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f]/g;
/** A cell starting with one of these is read as a formula by spreadsheets (OWASP, CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell a spreadsheet shows as the text it is: controls stripped, a formula start defused by a quote (OWASP). */
function csvField(text: string): string {
  const clean = text.replace(CONTROL, '');
  const defused = FORMULA_START.test(clean) ? `'${clean}` : clean;
  return `"${defused.replace(/"/g, '""')}"`;
}

/** RFC 4180: every field quoted, quotes doubled, CRLF between records; cells guarded against formula injection. */
export function csvTable(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function toCsv(pairs: readonly TextPair[]): string {
  return csvTable([['en', 'zh'], ...pairs.map((pair) => [pair.en, pair.zh])]);
}
