/**
 * The tag taxonomy: what a researcher can code a span as. A default set for reading replies to
 * communications ships as data (defaultTags.json); a workspace adds to it, or replaces it, with the
 * setting `diplonote.annotations.tags` or a file `.diplonote/tags.json`:
 *
 *   { "includeDefaults": true, "tags": [ { "name": "…", "label": { "en": "…", "zh": "…" },
 *     "colour": "#rrggbb", "description": "…" } ] }
 *
 * (the setting, or the `annotations.tags` of `.diplonote.json`, may be the list of tags alone). A tag
 * with the name of a default one replaces it.
 */
import { message } from '../messages';
import defaultTagData from './defaultTags.json';
import { isObject, parseJsonFile, settingReporter, type DataProblem, type JsonPath, type Reporter } from './jsonData';
import type { JsonObject, JsonValue } from './model';

export interface LocalisedLabel {
  readonly en: string;
  readonly zh: string;
}

export interface TagDefinition {
  /** What a `tagging` body holds. */
  readonly name: string;
  readonly label: LocalisedLabel;
  /** `#rgb`, `#rrggbb` or `#rrggbbaa`; the editor picks one for a tag without. */
  readonly colour?: string;
  readonly description?: Partial<LocalisedLabel>;
}

export interface TaxonomyReading {
  readonly tags: TagDefinition[];
  readonly problems: DataProblem[];
}

export const DEFAULT_TAGS: readonly TagDefinition[] = defaultTagData;

/** The taxonomy of `.diplonote/tags.json` (comments and trailing commas allowed: the file is only read). */
export function parseTagFile(text: string, file: string): TaxonomyReading {
  if (text.trim() === '') return { tags: [...DEFAULT_TAGS], problems: [] };
  const { value, reporter, problems } = parseJsonFile(text, file, { comments: true });
  return { tags: value === undefined ? [...DEFAULT_TAGS] : readTaxonomy(value, reporter), problems };
}

/** The taxonomy of the setting's value (undefined or null: the default set). */
export function tagsFromSetting(value: unknown, setting = 'diplonote.annotations.tags'): TaxonomyReading {
  const problems: DataProblem[] = [];
  if (value === undefined || value === null) return { tags: [...DEFAULT_TAGS], problems };
  return { tags: readTaxonomy(value as JsonValue, settingReporter(setting, problems)), problems };
}

function readTaxonomy(value: JsonValue, report: Reporter): TagDefinition[] {
  const root = Array.isArray(value) ? { tags: value } : value;
  if (!isObject(root)) {
    report.error([], message('tags.not-a-taxonomy'));
    return [...DEFAULT_TAGS];
  }
  for (const key of Object.keys(root)) {
    if (!['$schema', 'includeDefaults', 'tags'].includes(key)) report.warning([key], message('tags.unknown-property', { key }));
  }
  if (root.includeDefaults !== undefined && typeof root.includeDefaults !== 'boolean') report.error(['includeDefaults'], message('tags.include-defaults'));
  const own = readTagList(root.tags, Array.isArray(value) ? [] : ['tags'], report);
  return merged(root.includeDefaults === false ? [] : DEFAULT_TAGS, own);
}

function readTagList(value: JsonValue | undefined, path: JsonPath, report: Reporter): TagDefinition[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    report.error(path, message('tags.not-a-list'));
    return [];
  }
  const seen = new Set<string>();
  return value.flatMap((item, index) => {
    const tag = readTag(item, [...path, index], report);
    if (!tag) return [];
    if (seen.has(tag.name)) {
      report.error([...path, index, 'name'], message('tags.twice', { name: tag.name }));
      return [];
    }
    seen.add(tag.name);
    return [tag];
  });
}

function readTag(value: JsonValue, path: JsonPath, report: Reporter): TagDefinition | undefined {
  if (!isObject(value)) {
    report.error(path, message('tags.not-a-tag'));
    return undefined;
  }
  for (const key of Object.keys(value)) {
    if (!['name', 'label', 'colour', 'description'].includes(key)) report.warning([...path, key], message('tags.unknown-property', { key }));
  }
  const name = typeof value.name === 'string' ? value.name.trim() : '';
  if (!name) report.error([...path, 'name'], message('tags.no-name'));
  const label = value.label === undefined ? { en: name, zh: name } : readLocalised(value.label, [...path, 'label'], report);
  const colour = value.colour === undefined ? undefined : readColour(value.colour, [...path, 'colour'], report);
  const description = value.description === undefined ? undefined : readLocalised(value.description, [...path, 'description'], report);
  if (!name || !label || colour === null || description === null) return undefined;
  return { name, label, ...(colour ? { colour } : {}), ...(description ? { description } : {}) };
}

/** A string for both languages, or { "en": …, "zh": … } (one of them is used for the other when missing); null when neither. */
function readLocalised(value: JsonValue, path: JsonPath, report: Reporter): LocalisedLabel | null {
  if (typeof value === 'string' && value.trim() !== '') return { en: value, zh: value };
  const en = isObject(value) ? textOf(value, 'en') : undefined;
  const zh = isObject(value) ? textOf(value, 'zh') : undefined;
  if (en === undefined && zh === undefined) {
    report.error(path, message('tags.label'));
    return null;
  }
  return { en: en ?? (zh as string), zh: zh ?? (en as string) };
}

function textOf(object: JsonObject, key: 'en' | 'zh'): string | undefined {
  const value = object[key];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

const HEX_DIGITS = new Set('0123456789abcdefABCDEF');

/** The colour, or null when it is not one. */
function readColour(value: JsonValue, path: JsonPath, report: Reporter): string | null {
  const valid = typeof value === 'string' && value.startsWith('#') && [4, 7, 9].includes(value.length) &&
    [...value.slice(1)].every((c) => HEX_DIGITS.has(c));
  if (valid) return value;
  report.error(path, message('tags.colour'));
  return null;
}

/** The defaults with the user's tags: a user tag replaces the default of the same name, new ones follow. */
function merged(defaults: readonly TagDefinition[], own: readonly TagDefinition[]): TagDefinition[] {
  const byName = new Map(own.map((tag) => [tag.name, tag]));
  const defaultNames = new Set(defaults.map((tag) => tag.name));
  return [...defaults.map((tag) => byName.get(tag.name) ?? tag), ...own.filter((tag) => !defaultNames.has(tag.name))];
}
