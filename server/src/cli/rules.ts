/**
 * The codes `diplonote check` reports, each with what it means: the rules of a SARIF log. The checks
 * are described by the text of their setting (package.nls.json and its Chinese, what VS Code shows beside
 * the setting); the findings that are not checks by messages of the catalogue. The record is keyed by every code the service can give, so
 * that a new code does not compile until it is described.
 */
import { CHECK_CODES, DEFAULT_SEVERITY, type CheckCode, type Severity } from '../core/checks';
import { format, message, type Locale, type Message } from '../core/messages';
import type { fileProblemCode, NoteFinding } from '../service';
import englishSettingTexts from '../../../package.nls.json';
import chineseSettingTexts from '../../../package.nls.zh-cn.json';

export type ReportedCode = NoteFinding['code'] | ReturnType<typeof fileProblemCode>;

const NOT_CHECKS: Readonly<Record<Exclude<ReportedCode, CheckCode>, { readonly description: Message; readonly severity: Severity }>> = {
  'front-matter': { description: message('cli.rule.front-matter'), severity: 'warning' },
  'counterpart-invalid': { description: message('cli.rule.counterpart-invalid'), severity: 'warning' },
  'link-missing': { description: message('cli.rule.link-missing'), severity: 'warning' },
  'project-file': { description: message('cli.rule.project-file'), severity: 'error' },
  'annotation-orphaned': { description: message('cli.rule.annotation-orphaned'), severity: 'information' },
  'annotations-file': { description: message('cli.rule.annotations-file'), severity: 'error' },
  'tags-file': { description: message('cli.rule.tags-file'), severity: 'error' },
  'glossary-file': { description: message('cli.rule.glossary-file'), severity: 'error' },
};

export interface Rule {
  readonly code: ReportedCode;
  readonly description: string;
  /** The severity it has unless the settings say otherwise. */
  readonly severity: Severity;
}

const SETTING_TEXTS: Readonly<Record<Locale, Readonly<Record<string, string>>>> = { en: englishSettingTexts, zh: chineseSettingTexts };

/** Every code `check` can report, described in `locale`. */
export function rulesIn(locale: Locale): Rule[] {
  return [
    ...CHECK_CODES.map((code) => ({ code, description: SETTING_TEXTS[locale][`setting.checks.${code}`], severity: DEFAULT_SEVERITY[code] })),
    ...Object.entries(NOT_CHECKS).map(([code, rule]) => ({ code: code as ReportedCode, description: format(locale, rule.description), severity: rule.severity })),
  ];
}
