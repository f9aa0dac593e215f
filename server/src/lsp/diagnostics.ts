/**
 * Findings as diagnostics, pushed (`textDocument/publishDiagnostics`) to clients that do not pull.
 *
 * A client that pulls (VS Code) gets the same findings by `textDocument/diagnostic` (pullDiagnostics.ts):
 * the findings of the whole workspace (workspaceChecks.ts) can only be pulled, and a client keeps pulled
 * and pushed diagnostics apart, so each note's findings must come one way. Pushing, the server knows
 * which documents a change touches (the edited note and its partner) and republishes those two; pulling
 * with `interFileDependencies`, the client asks again for every open note after a change. Either way the
 * checks wait for a pause in typing and run in slices, given up when the note changes.
 */
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Severity } from '../core/checks';
import { fileProblemCode, type FileProblem, type NoteFinding, type NoteService } from '../service';
import { toLocation, toRange } from './positions';

export const DIAGNOSTIC_SOURCE = 'diplonote';
/**
 * The pause in typing after which the checks of a document start. After a keystroke the versions are
 * aligned again only where the note changed (core/noteAlignment.ts realignVersions, some milliseconds
 * per MB), so the wait need not grow with the note.
 */
export const TYPING_DELAY_MS = 250;
/**
 * The checks themselves run in slices of this many milliseconds, with the server free to answer
 * requests in between; a run whose note (or partner) changed meanwhile is given up.
 */
export const SLICE_MS = 10;

const SEVERITIES: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(document: TextDocument, finding: NoteFinding): Diagnostic {
  return {
    range: toRange(document, finding.span),
    severity: SEVERITIES[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.code,
    message: finding.message,
    relatedInformation: finding.related.map((r) => ({ location: toLocation(r.location), message: r.message })),
    ...(finding.term ? { data: finding.term } : {}),
  };
}

/** A problem of a glossary or the project file, at its line and column. */
export function fileProblemDiagnostic(problem: FileProblem): Diagnostic {
  const position = { line: problem.line, character: problem.character };
  return {
    range: { start: position, end: { line: problem.line, character: problem.character + 1 } },
    severity: problem.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: DIAGNOSTIC_SOURCE,
    code: fileProblemCode(problem.file),
    message: problem.message,
  };
}

export interface DiagnosticsContext {
  readonly connection: Connection;
  readonly service: NoteService;
  document(uri: string): TextDocument | undefined;
  openDocuments(): readonly TextDocument[];
  /** Logs a failure; a failed run publishes nothing. */
  failed(error: unknown): void;
  /** A run is about to start on `version` (a test hook: the run waits for it). */
  runStarting?(uri: string, version: number): Promise<void>;
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
    const partner = document ? this.context.service.partnerUri(document) : undefined;
    if (partner && this.context.document(partner)) this.schedule(partner);
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
    this.timers.set(uri, setTimeout(() => void this.publish(uri), TYPING_DELAY_MS));
  }

  private async publish(uri: string): Promise<void> {
    this.timers.delete(uri);
    const document = this.context.document(uri);
    if (!document) return;
    const run = {};
    this.runs.set(uri, run);
    const version = document.version;
    // The run reads the note and its partner as they are now; a local edit of either moves their
    // spans in place (core/incremental.ts), so any change to either ends the run.
    const partner = this.context.document(this.context.service.partnerUri(document) ?? uri);
    const partnerVersion = partner?.version;
    const unchanged = () => this.runs.get(uri) === run && this.context.document(uri)?.version === version
      && (!partner || this.context.document(partner.uri)?.version === partnerVersion);
    try {
      await this.context.runStarting?.(uri, version);
      const findings = await this.context.service.findingsInSlices(document, SLICE_MS, unchanged);
      if (findings === undefined) return;
      this.runs.delete(uri);
      void this.context.connection.sendDiagnostics({ uri, version, diagnostics: findings.map((f) => toDiagnostic(document, f)) });
    } catch (error) {
      this.runs.delete(uri);
      this.context.failed(error);
    }
  }
}
