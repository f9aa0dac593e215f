/**
 * Consistency findings as diagnostics, pushed (`textDocument/publishDiagnostics`).
 *
 * Push rather than pull: a finding in one file depends on its counterpart file and on the glossary,
 * and the server knows exactly which documents a change touches (the edited note and its partner), so
 * it republishes those two and nothing else. Pull with `interFileDependencies` would make the client
 * re-pull every open document after each keystroke anywhere, needs `workspace/diagnostic/refresh`
 * for glossary changes anyway, and is missing from several clients this server runs in (older
 * Neovim, the browser host). The cost stays bounded by the debounce and the cached alignment.
 */
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisCache } from '../analysisCache';
import { counterpartUri, type Counterparts } from '../counterparts';
import { checkAlone, runChecks, type ChecksSettings, type Finding, type Severity, type TermsIn } from '../core/checks';
import { toRange } from './positions';

export const DIAGNOSTIC_SOURCE = 'diplonote';
const TYPING_DELAY_MS = 250;
/**
 * Checking a long note takes long (about 1 s per MB) and blocks the server meanwhile, so the wait
 * grows with the note: the outline, hover and jumps asked right after a keystroke are answered first.
 */
const EXTRA_DELAY_MS_PER_MB = 1000;

const SEVERITIES: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export interface DiagnosticsContext {
  readonly connection: Connection;
  readonly cache: AnalysisCache;
  readonly counterparts: Counterparts;
  document(uri: string): TextDocument | undefined;
  openDocuments(): readonly TextDocument[];
  settings(): ChecksSettings;
  /** False past the size limit: the note then gets no diagnostics. */
  enabled(document: TextDocument): boolean;
  termsIn(): TermsIn | undefined;
}

/** The diagnostics of one document: findings on its side(s), related spans in whichever file holds them. */
export function diagnosticsFor(document: TextDocument, context: DiagnosticsContext): Diagnostic[] {
  const note = context.cache.get(document).note;
  const aligned = context.counterparts.alignedFor(document);
  if (!aligned) return checkAlone(note, context.settings()).map((f) => toDiagnostic(f, { en: document, zh: document }));
  const notes = { en: context.cache.get(aligned.en).note, zh: context.cache.get(aligned.zh).note };
  const findings = runChecks({ alignment: aligned.alignment, notes, termsIn: context.termsIn() }, context.settings());
  return findings.filter((f) => aligned[f.side].uri === document.uri).map((f) => toDiagnostic(f, aligned));
}

function toDiagnostic(finding: Finding, documents: Readonly<Record<'en' | 'zh', TextDocument>>): Diagnostic {
  return {
    range: toRange(documents[finding.side], finding.span),
    severity: SEVERITIES[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.code,
    message: finding.message,
    relatedInformation: finding.related.map((r) => ({
      location: { uri: documents[r.side].uri, range: toRange(documents[r.side], r.span) },
      message: r.message,
    })),
    ...(finding.term ? { data: finding.term } : {}),
  };
}

/** Publishes after a pause in typing, and for the partner file too, whose findings share the pair. */
export class DiagnosticsPublisher {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly context: DiagnosticsContext) {}

  changed(uri: string): void {
    this.schedule(uri);
    const document = this.context.document(uri);
    const partner = document ? counterpartUri(uri, this.context.cache.get(document).note) : undefined;
    if (partner && partner !== uri && this.context.document(partner)) this.schedule(partner);
  }

  /** After a settings, glossary or on-disk counterpart change: every open note. */
  refreshAll(): void {
    for (const document of this.context.openDocuments()) this.schedule(document.uri);
  }

  closed(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    void this.context.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  private schedule(uri: string): void {
    clearTimeout(this.timers.get(uri));
    const size = this.context.document(uri)?.getText().length ?? 0;
    const delay = TYPING_DELAY_MS + Math.round((size / (1024 * 1024)) * EXTRA_DELAY_MS_PER_MB);
    this.timers.set(uri, setTimeout(() => this.publish(uri), delay));
  }

  private publish(uri: string): void {
    this.timers.delete(uri);
    const document = this.context.document(uri);
    if (!document) return;
    try {
      const diagnostics = this.context.enabled(document) ? diagnosticsFor(document, this.context) : [];
      void this.context.connection.sendDiagnostics({ uri, version: document.version, diagnostics });
    } catch (error) {
      this.context.connection.console.error(`Diplonote: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
  }
}
