/**
 * The `diplonote.*` settings as the editor sends them, validated: a value of the wrong type is
 * replaced by its default and reported once, in words that say which setting and why. A setting the
 * user did not set stays absent, so that the project file (`.diplonote.json`) applies; the VS Code
 * client sends only the values set in some scope, not the defaults (see client/src/commands.ts).
 */
import { bilingual, message, type Message } from '../../core/messages';
import { readChecksSettings, type ChecksSettings } from '../../core/checks';
import { LANGUAGE_TAG, type LanguageTags } from '../../core/export/tmx';
import { workspacePattern } from '../pathPolicy';

export interface ServerSettings {
  /** Documents larger than this (in UTF-16 code units, about characters) get the reduced feature set. */
  readonly maxFileSize: number;
  /** Glossary files or glob patterns, relative to the workspace folders; absent when not set. */
  readonly glossaryFiles?: readonly string[];
  /** The severities set for some checks. */
  readonly checks: ChecksSettings;
  /** Files and folders the editor hides (`files.exclude`), as glob patterns. */
  readonly exclude: readonly string[];
  /** The language tags set for exports (`diplonote.languages`); absent when not set. */
  readonly languageTags?: Partial<LanguageTags>;
}

export const DEFAULT_SETTINGS: ServerSettings = { maxFileSize: 50 * 1024 * 1024, checks: {}, exclude: [] };

const MIN_MAX_FILE_SIZE = 1024;

function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * Reads the `diplonote` section (and, when given, `files.exclude`) as the client sent them; returns
 * the settings and what was wrong with them.
 */
export function readSettings(section: unknown, filesExclude?: unknown): { settings: ServerSettings; problems: Message[] } {
  const problems: Message[] = [];
  const values = asRecord(section);
  let maxFileSize = DEFAULT_SETTINGS.maxFileSize;
  const raw = values.maxFileSize;
  if (raw !== undefined) {
    if (typeof raw === 'number' && Number.isFinite(raw) && raw >= MIN_MAX_FILE_SIZE) maxFileSize = raw;
    else problems.push(message('settings.max-file-size', { min: MIN_MAX_FILE_SIZE, value: JSON.stringify(raw) ?? String(raw), size: maxFileSize }));
  }
  const checks = readChecksSettings(values.checks);
  problems.push(...checks.problems);
  const glossaryFiles = readGlossaryFiles(values.glossary, problems);
  const languageTags = readLanguageTags(values.languages, problems);
  const settings = {
    maxFileSize, checks: checks.settings, exclude: readExclude(filesExclude),
    ...(glossaryFiles ? { glossaryFiles } : {}), ...(languageTags ? { languageTags } : {}),
  };
  return { settings, problems };
}

function readGlossaryFiles(glossary: unknown, problems: Message[]): string[] | undefined {
  const files = asRecord(glossary).files;
  if (files === undefined || files === null) return undefined;
  if (!Array.isArray(files) || !files.every((file) => typeof file === 'string')) {
    problems.push(message('settings.glossary-files', { value: JSON.stringify(files) ?? String(files) }));
    return [];
  }
  const patterns: string[] = [];
  for (const file of files as string[]) {
    const checked = workspacePattern(file);
    if (checked.kind === 'pattern') patterns.push(checked.pattern);
    else problems.push(message('settings.glossary-file', { file, reason: checked.reason }));
  }
  return patterns;
}

/** `diplonote.languages`: `{ "en": "en-GB", "zh": "zh-CN" }`, each a language tag. */
function readLanguageTags(languages: unknown, problems: Message[]): Partial<LanguageTags> | undefined {
  if (languages === undefined || languages === null) return undefined;
  const tags: Partial<Record<'en' | 'zh', string>> = {};
  for (const [language, tag] of Object.entries(asRecord(languages))) {
    if ((language === 'en' || language === 'zh') && typeof tag === 'string' && LANGUAGE_TAG.test(tag)) tags[language] = tag;
    else {
      const example = language === 'zh' ? 'zh-CN' : 'en-GB';
      problems.push(bilingual(
        `diplonote.languages.${language} must be a language tag such as "${example}" (for "en" or "zh"); got ${JSON.stringify(tag)}. It was ignored.`,
        `diplonote.languages.${language} 须为语言标记，例如 "${example}"（仅限 "en" 或 "zh"）；实为 ${JSON.stringify(tag)}，已忽略。`));
    }
  }
  return tags;
}

/** `files.exclude` is `{ "glob": true }`; only the patterns set to true hide anything. */
function readExclude(filesExclude: unknown): string[] {
  const patterns: string[] = [];
  for (const [pattern, hidden] of Object.entries(asRecord(filesExclude))) {
    const checked = workspacePattern(pattern);
    if (hidden === true && checked.kind === 'pattern') patterns.push(checked.pattern);
  }
  return patterns;
}
