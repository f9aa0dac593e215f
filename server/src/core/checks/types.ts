/** The shape of a consistency finding, shared by the checks, the editor diagnostics and the CLI. */
import { message, type Message, type Saying } from '../messages';
import type { Span } from '../model';

export type Severity = 'hint' | 'information' | 'warning' | 'error';
export type SeveritySetting = Severity | 'off';
export type Side = 'en' | 'zh';

export const CHECK_CODES = [
  'number-mismatch', 'date-mismatch', 'reference-missing', 'point-missing', 'point-count',
  'paragraph-unpaired', 'term-missing', 'reference-malformed', 'closing-missing',
] as const;
export type CheckCode = (typeof CHECK_CODES)[number];

/** Translators rephrase terms and notes may omit formulas, so those two only inform. */
export const DEFAULT_SEVERITY: Readonly<Record<CheckCode, Severity>> = {
  'number-mismatch': 'warning',
  'date-mismatch': 'warning',
  'reference-missing': 'warning',
  'point-missing': 'warning',
  'point-count': 'warning',
  'paragraph-unpaired': 'warning',
  'term-missing': 'information',
  'reference-malformed': 'warning',
  'closing-missing': 'information',
};

export { saying, type Saying } from '../messages';

export interface RelatedSpan extends Saying {
  readonly side: Side;
  readonly span: Span;
}

export interface Finding extends Saying {
  readonly code: CheckCode;
  readonly severity: Severity;
  /** The version the span belongs to (for a note in one language, the note's own). */
  readonly side: Side;
  readonly span: Span;
  readonly related: readonly RelatedSpan[];
  /** For term-missing: the glossary term found and the forms expected on the other side. */
  readonly term?: { readonly found: string; readonly expected: readonly string[] };
}

/** A glossary term found in a unit, with the forms that would translate it. */
export interface TermOccurrence {
  readonly span: Span;
  readonly found: string;
  readonly counterparts: readonly string[];
}

/** Supplied by the caller (the glossary engine), so that the checks stay pure. */
export type TermsIn = (text: string, span: Span, language: Side) => readonly TermOccurrence[];

export type ChecksSettings = Readonly<Partial<Record<CheckCode, SeveritySetting>>>;

const SETTING_VALUES: ReadonlySet<string> = new Set(['off', 'hint', 'information', 'warning', 'error']);

/** Reads `diplonote.checks`; unknown codes and invalid values are reported and the default kept. */
export function readChecksSettings(section: unknown): { settings: ChecksSettings; problems: Message[] } {
  const settings: Partial<Record<CheckCode, SeveritySetting>> = {};
  const problems: Message[] = [];
  if (section === undefined || section === null) return { settings, problems };
  if (typeof section !== 'object' || Array.isArray(section)) return { settings, problems: [message('settings.checks-not-object')] };
  for (const [key, value] of Object.entries(section)) {
    if (!(CHECK_CODES as readonly string[]).includes(key)) problems.push(message('settings.check-unknown', { code: key }));
    else if (typeof value !== 'string' || !SETTING_VALUES.has(value)) {
      problems.push(message('settings.check-severity', { code: key, severity: DEFAULT_SEVERITY[key as CheckCode] }));
    } else settings[key as CheckCode] = value as SeveritySetting;
  }
  return { settings, problems };
}

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { hint: 0, information: 1, warning: 2, error: 3 };

export function otherSide(side: Side): Side {
  return side === 'en' ? 'zh' : 'en';
}
