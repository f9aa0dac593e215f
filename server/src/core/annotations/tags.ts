/**
 * The tag taxonomy: what a researcher can code a span as. A default set for reading replies to
 * communications ships as data (defaultTags.json); a workspace adds to it, or replaces it, with the
 * setting `diplonote.annotations.tags` or a file `.diplonote/tags.json`:
 *
 *   { "includeDefaults": true, "tags": [ { "id": "…", "label": { "en": "…", "zh": "…" },
 *     "colour": "#rrggbb", "description": "…" } ] }
 *
 * (the setting may also be the list of tags alone). A tag with the id of a default one replaces it.
 */
import defaultTagData from './defaultTags.json';
import { isObject, parseJsonFile, settingReporter, type DataProblem, type JsonPath, type Reporter } from './jsonData';
import type { JsonObject, JsonValue } from './model';

export interface LocalisedLabel {
  readonly en: string;
  readonly zh: string;
}

export interface TagDefinition {
  /** What a `tagging` body holds. */
  readonly id: string;
  readonly label: LocalisedLabel;
  /** `#rgb`, `#rrggbb` or `#rrggbbaa`. */
  readonly colour: string;
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
    report.error([], 'A tag taxonomy is { "tags": [ { "id", "label", "colour", "description" } ] }.');
    return [...DEFAULT_TAGS];
  }
  for (const key of Object.keys(root)) {
    if (!['$schema', 'includeDefaults', 'tags'].includes(key)) report.warning([key], `Unknown property "${key}".`);
  }
  if (root.includeDefaults !== undefined && typeof root.includeDefaults !== 'boolean') report.error(['includeDefaults'], '"includeDefaults" must be true or false.');
  const own = readTagList(root.tags, Array.isArray(value) ? [] : ['tags'], report);
  return merged(root.includeDefaults === false ? [] : DEFAULT_TAGS, own);
}

function readTagList(value: JsonValue | undefined, path: JsonPath, report: Reporter): TagDefinition[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    report.error(path, '"tags" must be a list of tags.');
    return [];
  }
  const seen = new Set<string>();
  return value.flatMap((item, index) => {
    const tag = readTag(item, [...path, index], report);
    if (!tag) return [];
    if (seen.has(tag.id)) {
      report.error([...path, index, 'id'], `The tag "${tag.id}" is defined twice.`);
      return [];
    }
    seen.add(tag.id);
    return [tag];
  });
}

function readTag(value: JsonValue, path: JsonPath, report: Reporter): TagDefinition | undefined {
  if (!isObject(value)) {
    report.error(path, 'A tag is { "id": "…", "label": { "en": "…", "zh": "…" }, "colour": "#rrggbb", "description": "…" }.');
    return undefined;
  }
  for (const key of Object.keys(value)) {
    if (!['id', 'label', 'colour', 'description'].includes(key)) report.warning([...path, key], `Unknown property "${key}".`);
  }
  const id = typeof value.id === 'string' ? value.id.trim() : '';
  if (!id) report.error([...path, 'id'], 'A tag needs an "id": a short name such as "legal-basis".');
  const label = value.label === undefined ? { en: id, zh: id } : readLocalised(value.label, [...path, 'label'], report);
  const colour = readColour(value.colour, [...path, 'colour'], report);
  const description = value.description === undefined ? undefined : readLocalised(value.description, [...path, 'description'], report);
  if (!id || !label || !colour) return undefined;
  return { id, label, colour, ...(description ? { description } : {}) };
}

/** A string for both languages, or { "en": …, "zh": … } (one of them is used for the other when missing). */
function readLocalised(value: JsonValue, path: JsonPath, report: Reporter): LocalisedLabel | undefined {
  if (typeof value === 'string' && value.trim() !== '') return { en: value, zh: value };
  const en = isObject(value) ? textOf(value, 'en') : undefined;
  const zh = isObject(value) ? textOf(value, 'zh') : undefined;
  if (en === undefined && zh === undefined) {
    report.error(path, 'Must be a string or { "en": "…", "zh": "…" }.');
    return undefined;
  }
  return { en: en ?? (zh as string), zh: zh ?? (en as string) };
}

function textOf(object: JsonObject, key: 'en' | 'zh'): string | undefined {
  const value = object[key];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

const HEX_DIGITS = new Set('0123456789abcdefABCDEF');

function readColour(value: JsonValue | undefined, path: JsonPath, report: Reporter): string | undefined {
  const valid = typeof value === 'string' && value.startsWith('#') && [4, 7, 9].includes(value.length) &&
    [...value.slice(1)].every((c) => HEX_DIGITS.has(c));
  if (valid) return value;
  report.error(path, '"colour" must be a colour such as "#d62728" (#rgb, #rrggbb or #rrggbbaa).');
  return undefined;
}

/** The defaults with the user's tags: a user tag replaces the default of the same id, new ones follow. */
function merged(defaults: readonly TagDefinition[], own: readonly TagDefinition[]): TagDefinition[] {
  const byId = new Map(own.map((tag) => [tag.id, tag]));
  const kept = defaults.map((tag) => byId.get(tag.id) ?? tag);
  const added = own.filter((tag) => !defaults.some((d) => d.id === tag.id));
  return [...kept, ...added];
}
