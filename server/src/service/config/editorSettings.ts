/**
 * The `diplonote.*` settings the server itself reads, validated: a value of the wrong type is
 * replaced by its default and reported once, in words that say which setting and why.
 */
export interface ServerSettings {
  /** Documents larger than this (in UTF-16 code units, about characters) get the reduced feature set. */
  readonly maxFileSize: number;
  /** Glossary files or glob patterns, relative to the workspace folders (absolute paths allowed). */
  readonly glossaryFiles: readonly string[];
}

export const DEFAULT_SETTINGS: ServerSettings = { maxFileSize: 50 * 1024 * 1024, glossaryFiles: [] };

const MIN_MAX_FILE_SIZE = 1024;

/** Reads the `diplonote` section as the client sent it; returns the settings and what was wrong with them. */
export function readSettings(section: unknown): { settings: ServerSettings; problems: string[] } {
  const problems: string[] = [];
  const values = section !== null && typeof section === 'object' ? (section as Record<string, unknown>) : {};
  let maxFileSize = DEFAULT_SETTINGS.maxFileSize;
  const raw = values.maxFileSize;
  if (raw !== undefined) {
    if (typeof raw === 'number' && Number.isFinite(raw) && raw >= MIN_MAX_FILE_SIZE) maxFileSize = raw;
    else problems.push(`diplonote.maxFileSize must be a number of at least ${MIN_MAX_FILE_SIZE}; got ${JSON.stringify(raw)}. Using ${maxFileSize}.`);
  }
  return { settings: { maxFileSize, glossaryFiles: readGlossaryFiles(values.glossary, problems) }, problems };
}

function readGlossaryFiles(glossary: unknown, problems: string[]): string[] {
  const files = glossary !== null && typeof glossary === 'object' ? (glossary as Record<string, unknown>).files : undefined;
  if (files === undefined) return [];
  if (Array.isArray(files) && files.every((file) => typeof file === 'string')) return files;
  problems.push(`diplonote.glossary.files must be a list of file paths or glob patterns; got ${JSON.stringify(files)}. Using none.`);
  return [];
}
