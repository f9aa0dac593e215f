/**
 * The glossary in force written out for terminology tools: TBX-Basic (TBX 2019, ISO 30042:2019, the
 * DCA style) and CSV. Each is written so that Diplonote's own loaders (loadTbx.ts, loadDelimited.ts)
 * read it back into the same entries: ids, categories, every form in order, definitions, notes and
 * sources.
 */
import { csvTable } from '../export/tmx';
import { escapeXml } from '../text/xml';
import type { GlossaryEntry, LocalisedText } from './types';

export interface GlossaryExportOptions {
  readonly toolVersion: string;
  /** The tags written as `xml:lang` (`en-GB`, `zh-CN`). */
  readonly languages: { readonly en: string; readonly zh: string };
}

export function glossaryToTbx(entries: readonly GlossaryEntry[], options: GlossaryExportOptions): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<tbx type="TBX-Basic" style="dca" xml:lang="${escapeXml(options.languages.en)}" xmlns="urn:iso:std:iso:30042:ed-2">`,
    '  <tbxHeader>',
    '    <fileDesc>',
    `      <sourceDesc><p>Exported by Diplonote ${escapeXml(options.toolVersion)}: the built-in glossary and the workspace's glossaries.</p></sourceDesc>`,
    '    </fileDesc>',
    '  </tbxHeader>',
    '  <text>',
    '    <body>',
    ...entries.flatMap((entry) => conceptEntry(entry, options.languages)),
    '    </body>',
    '  </text>',
    '</tbx>',
    '',
  ].join('\n');
}

function conceptEntry(entry: GlossaryEntry, languages: GlossaryExportOptions['languages']): string[] {
  return [
    `      <conceptEntry id="${escapeXml(entry.id)}">`,
    `        <descrip type="subjectField">${escapeXml(entry.category)}</descrip>`,
    ...(entry.source ? [`        <admin type="source">${escapeXml(entry.source)}</admin>`] : []),
    ...languageSection(languages.en, entry.en, 'en', entry),
    ...languageSection(languages.zh, entry.zh, 'zh', entry),
    '      </conceptEntry>',
  ];
}

function languageSection(tag: string, forms: readonly string[], language: keyof LocalisedText, entry: GlossaryEntry): string[] {
  const definition = entry.definition?.[language];
  const note = entry.note?.[language];
  return [
    `        <langSec xml:lang="${escapeXml(tag)}">`,
    ...(definition ? [`          <descrip type="definition">${escapeXml(definition)}</descrip>`] : []),
    ...(note ? [`          <note>${escapeXml(note)}</note>`] : []),
    ...forms.map((form) => `          <termSec><term>${escapeXml(form)}</term></termSec>`),
    '        </langSec>',
  ];
}

const CSV_COLUMNS = ['id', 'category', 'en', 'zh', 'definition_en', 'definition_zh', 'note_en', 'note_zh', 'source'] as const;

/** One row per entry; several forms in a cell separated by `;`, as the CSV loader reads them. */
export function glossaryToCsv(entries: readonly GlossaryEntry[]): string {
  return csvTable([
    [...CSV_COLUMNS],
    ...entries.map((entry) => [
      entry.id, entry.category, entry.en.join(';'), entry.zh.join(';'),
      entry.definition?.en ?? '', entry.definition?.zh ?? '', entry.note?.en ?? '', entry.note?.zh ?? '', entry.source ?? '',
    ]),
  ]);
}
