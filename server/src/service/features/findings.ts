/**
 * The findings of a note, as the editor shows them and the CLI prints them: the consistency checks
 * between its versions (or on the note alone), the problems of its own text that analysis found (the
 * front matter), and a partner file it names but may not use. Findings are those on the note's own
 * side; their related spans may lie in the partner file.
 */
import { checkAlone, checkSteps, type ChecksSettings, type CheckCode, type Finding, type Severity, type TermsIn } from '../../core/checks';
import { format, type Locale } from '../../core/messages';
import type { Span } from '../../core/model';
import type { DocumentAnalysis } from '../analysisCache';
import type { PairingResult } from '../pairing';
import type { TextLocation } from './counterparts';

/** Check codes, and the codes of problems that are not checks (no setting turns them off). */
export type FindingCode = CheckCode | 'front-matter' | 'counterpart-invalid' | 'link-missing' | 'annotation-orphaned';

export interface NoteFinding {
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly span: Span;
  readonly message: string;
  readonly related: readonly { readonly location: TextLocation; readonly message: string }[];
  /** For term-missing: the glossary term found and the forms expected on the other side. */
  readonly term?: { readonly found: string; readonly expected: readonly string[] };
}

export interface FindingsInput {
  readonly analysis: DocumentAnalysis;
  readonly pairing: PairingResult;
  readonly settings: ChecksSettings;
  readonly termsIn: TermsIn | undefined;
  /** The language the findings are said in. */
  readonly locale: Locale;
  /** The analysis of the other file of a pair. */
  analysisOf(document: DocumentAnalysis['document']): DocumentAnalysis;
}

/** The findings in steps (see checkSteps), for the editor to run a slice at a time. */
export function* findingSteps(input: FindingsInput): Generator<void, NoteFinding[], void> {
  const { analysis, pairing, settings, locale } = input;
  const { document, note } = analysis;
  const own: NoteFinding[] = note.problems.map((problem) => ({ code: 'front-matter', severity: 'warning', span: problem.span, message: format(locale, problem.said), related: [] }));
  if (pairing.kind === 'alone') {
    const partner: NoteFinding[] = pairing.problem
      ? [{ code: pairing.problem.code, severity: 'warning', span: pairing.problem.span, message: format(locale, pairing.problem.said), related: [] }]
      : [];
    const alone = checkAlone(note, settings).map((f) => located(f, { en: document, zh: document }, locale));
    return [...own, ...partner, ...alone];
  }
  const { aligned } = pairing;
  const notes = { en: input.analysisOf(aligned.en).note, zh: input.analysisOf(aligned.zh).note };
  const findings = yield* checkSteps({ alignment: aligned.alignment, notes, termsIn: input.termsIn }, settings);
  return [...own, ...findings.filter((f) => aligned[f.side].uri === document.uri).map((f) => located(f, aligned, locale))];
}

function located(finding: Finding, documents: Readonly<Record<'en' | 'zh', DocumentAnalysis['document']>>, locale: Locale): NoteFinding {
  return {
    code: finding.code, severity: finding.severity, span: finding.span, message: format(locale, finding.said),
    related: finding.related.map((r) => ({ location: { document: documents[r.side], span: r.span }, message: format(locale, r.said) })),
    ...(finding.term ? { term: finding.term } : {}),
  };
}
