/**
 * The codes `diplonote check` reports, each with what it means: the rules of a SARIF log. The checks
 * are described by the text of their setting (package.nls.json, what VS Code shows beside the setting);
 * the findings that are not checks, here. The record is keyed by every code the service can give, so
 * that a new code does not compile until it is described.
 */
import { CHECK_CODES, DEFAULT_SEVERITY, type CheckCode, type Severity } from '../core/checks';
import type { fileProblemCode, NoteFinding } from '../service';
import settingTexts from '../../../package.nls.json';

export type ReportedCode = NoteFinding['code'] | ReturnType<typeof fileProblemCode>;

const NOT_CHECKS: Readonly<Record<Exclude<ReportedCode, CheckCode>, { readonly description: string; readonly severity: Severity }>> = {
  'front-matter': { description: 'A problem of the front matter: YAML that does not parse, an unknown or repeated key, a value of the wrong kind.', severity: 'warning' },
  'counterpart-invalid': { description: 'A counterpart: that is not followed: not a relative path to a .note file inside the workspace folder, or a file that cannot be read.', severity: 'warning' },
  'link-missing': { description: 'A counterpart: naming a file that does not exist (the other language version the note names).', severity: 'warning' },
  'project-file': { description: 'A problem of .diplonote.json: JSON that does not parse, a value of the wrong type, an unknown check, a path outside the folder.', severity: 'error' },
  'annotation-orphaned': { description: 'An annotation of the note (in NAME.note.annotations.json) whose text is no longer found: kept in the file, listed, never deleted.', severity: 'information' },
  'annotations-file': { description: 'A problem of an annotation sidecar NAME.note.annotations.json: JSON that does not parse, a property of the wrong kind; the file is not written until it is mended.', severity: 'error' },
  'tags-file': { description: 'A problem of .diplonote/tags.json, the tag taxonomy of annotations.', severity: 'error' },
  'glossary-file': { description: 'A problem of a glossary file (JSON, CSV/TSV or TBX): an entry without both languages, a value of the wrong type, a file that does not parse.', severity: 'error' },
};

export interface Rule {
  readonly code: ReportedCode;
  readonly description: string;
  /** The severity it has unless the settings say otherwise. */
  readonly severity: Severity;
}

const SETTING_TEXTS: Readonly<Record<string, string>> = settingTexts;

export const RULES: readonly Rule[] = [
  ...CHECK_CODES.map((code) => ({ code, description: SETTING_TEXTS[`setting.checks.${code}`], severity: DEFAULT_SEVERITY[code] })),
  ...Object.entries(NOT_CHECKS).map(([code, rule]) => ({ code: code as ReportedCode, ...rule })),
];
