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
import { checkAlone, checkSteps, finish, type ChecksSettings, type Finding, type Severity, type TermsIn } from '../core/checks';
import { toRange } from './positions';

export const DIAGNOSTIC_SOURCE = 'diplonote';
const TYPING_DELAY_MS = 250;
/**
 * Aligning the versions afresh for the checks blocks the server (about 0.2 s per MB), so the wait
 * grows a little with the note: the requests that follow a keystroke are answered first.
 */
const EXTRA_DELAY_MS_PER_MB = 250;
/**
 * The checks themselves run in slices of this many milliseconds, with the server free to answer
 * requests in between; a run whose note (or partner) changed meanwhile is given up.
 */
const SLICE_MS = 10;

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
  return finish(diagnosticSteps(document, context));
}

/** The same in steps (see checkSteps), for the publisher to run a slice at a time. */
function* diagnosticSteps(document: TextDocument, context: DiagnosticsContext): Generator<void, Diagnostic[], void> {
  const note = context.cache.get(document).note;
  const aligned = context.counterparts.alignedFor(document);
  if (!aligned) return checkAlone(note, context.settings()).map((f) => toDiagnostic(f, { en: document, zh: document }));
  const notes = { en: context.cache.get(aligned.en).note, zh: context.cache.get(aligned.zh).note };
  const findings = yield* checkSteps({ alignment: aligned.alignment, notes, termsIn: context.termsIn() }, context.settings());
  return findings.filter((f) => aligned[f.side].uri === document.uri).map((f) => toDiagnostic(f, aligned));
}

/** Runs `task` once pending messages have been read: setImmediate where there is one (Node), else a timer (browser). */
function later(task: () => void): void {
  if (typeof setImmediate === 'function') setImmediate(task);
  else setTimeout(task, 0);
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
  /** Per document, the run in progress: a newer run, or a close, makes an older one stop. */
  private readonly runs = new Map<string, object>();

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
    this.runs.delete(uri);
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
    const run = {};
    this.runs.set(uri, run);
    // The run reads the note and its partner as they are now; a local edit of either moves their
    // spans in place (core/incremental.ts), so any change to either ends the run.
    const partner = this.context.document(counterpartUri(uri, this.context.cache.get(document).note) ?? uri) ?? document;
    const unchanged = () => [document, partner].every((d) => this.context.document(d.uri)?.version === d.version);
    const steps = this.context.enabled(document) ? diagnosticSteps(document, this.context) : undefined;
    const slice = (): void => {
      if (this.runs.get(uri) !== run || !unchanged()) return;
      try {
        const deadline = performance.now() + SLICE_MS;
        let step = steps?.next();
        while (step && !step.done && performance.now() < deadline) step = steps?.next();
        if (step && !step.done) {
          later(slice);
          return;
        }
        this.runs.delete(uri);
        void this.context.connection.sendDiagnostics({ uri, version: document.version, diagnostics: step?.value ?? [] });
      } catch (error) {
        this.runs.delete(uri);
        this.context.connection.console.error(`Diplonote: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      }
    };
    slice();
  }

}
