/** TMX 1.4b and CSV renderings of aligned pairs (what OmegaT, Trados, memoQ and spreadsheets import). */
import { escapeXml } from '../text/xml';
import type { TextPair } from './pairs';

export { escapeXml };

/** The BCP 47 tags written for each language (`en-GB`, `zh-CN`): CAT tools match a memory's languages exactly. */
export interface LanguageTags {
  readonly en: string;
  readonly zh: string;
}

export const DEFAULT_LANGUAGE_TAGS: LanguageTags = { en: 'en', zh: 'zh' };

/** A language tag as BCP 47 writes one, checked by form only: `en`, `en-GB`, `zh-Hans-CN`. */
export const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

export interface TmxOptions {
  readonly toolVersion: string;
  readonly languages?: LanguageTags;
  /** When the memory was made; written as TMX writes dates, `20250603T093000Z`. */
  readonly created?: Date;
  /** The note's own reference (`CHN/HR/2025/34`), written as a `prop` of each unit. */
  readonly reference?: string;
  /** What each `tuid` starts with (the note's reference or file name); a number follows. */
  readonly idPrefix?: string;
}

/** The TMX date form (ISO 8601 basic, UTC): `20250603T093000Z`. */
export function tmxDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** The `prop` types Diplonote writes (TMX leaves types starting with `x-` to the tool). */
export const PROP_REFERENCE = 'x-note-reference';
export const PROP_PARAGRAPH = 'x-paragraph';

export function toTmx(pairs: readonly TextPair[], options: TmxOptions): string {
  const languages = options.languages ?? DEFAULT_LANGUAGE_TAGS;
  const created = options.created ? ` creationdate="${tmxDate(options.created)}"` : '';
  const prefix = options.idPrefix ?? 'diplonote';
  const units = pairs.map((pair, index) => {
    const props = [
      ...(options.reference ? [prop(PROP_REFERENCE, options.reference)] : []),
      ...(pair.paragraph !== undefined ? [prop(PROP_PARAGRAPH, String(pair.paragraph))] : []),
    ];
    return [
      `    <tu tuid="${escapeXml(`${prefix}-${index + 1}`)}"${created}>`,
      ...props,
      `      <tuv xml:lang="${escapeXml(languages.en)}"><seg>${escapeXml(pair.en)}</seg></tuv>`,
      `      <tuv xml:lang="${escapeXml(languages.zh)}"><seg>${escapeXml(pair.zh)}</seg></tuv>`,
      '    </tu>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
    '<tmx version="1.4">',
    `  <header creationtool="Diplonote" creationtoolversion="${escapeXml(options.toolVersion)}" segtype="sentence" o-tmf="Diplonote" ` +
      `adminlang="en" srclang="${escapeXml(languages.en)}" datatype="plaintext"${created}/>`,
    '  <body>',
    ...units,
    '  </body>',
    '</tmx>',
    '',
  ].join('\n');
}

function prop(type: string, value: string): string {
  return `      <prop type="${type}">${escapeXml(value)}</prop>`;
}

/** C0 control characters but tab and line feed: no text needs them, and some confuse spreadsheets. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f]/g;
/** A cell starting with one of these is read as a formula by spreadsheets (OWASP, CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell a spreadsheet shows as the text it is: controls stripped, a formula start defused by a quote (OWASP). */
export function csvField(text: string): string {
  const clean = text.replace(CONTROL, '');
  const defused = FORMULA_START.test(clean) ? `'${clean}` : clean;
  return `"${defused.replace(/"/g, '""')}"`;
}

/** RFC 4180: every field quoted, quotes doubled, CRLF between records; cells guarded against formula injection. */
export function csvTable(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The pairs with a header row naming the languages by their tags. */
export function toCsv(pairs: readonly TextPair[], languages: LanguageTags = DEFAULT_LANGUAGE_TAGS): string {
  return csvTable([[languages.en, languages.zh], ...pairs.map((pair) => [pair.en, pair.zh])]);
}
