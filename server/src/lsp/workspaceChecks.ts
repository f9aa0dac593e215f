/**
 * The findings of every note of the workspace: *Diplonote: Check Workspace* (`diplonote.checkWorkspace`).
 *
 * A client that pulls workspace diagnostics (VS Code) asks `workspace/diagnostic` as soon as it starts
 * and again after each answer; checking ten thousand notes at every start is not what a user asked
 * for, so the request is held until the command is run. From then on it answers the notes whose findings
 * may have changed (a result id per note: configuration, note and partner versions) and is held again
 * while nothing changes. Findings stream as partial results, with progress. A client that does not pull
 * gets them pushed by the command. Open notes are left out: their findings come with the document's own
 * diagnostics.
 */
import { format, message } from '../core/messages';
import {
  DocumentDiagnosticReportKind, type CancellationToken, type Connection, type WorkspaceDiagnosticParams, type WorkspaceDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import type { IndexedNote, NoteService } from '../service';
import { toDiagnostic } from './diagnostics';

export interface CheckSummary {
  readonly notes: number;
  readonly findings: number;
}

/** Reports sent in one partial result. */
const BATCH = 50;
const REPORT_EVERY_MS = 100;

/** Resolves the waiters whenever something changed. */
class Changes {
  private waiters: Array<() => void> = [];

  fire(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  next(token: CancellationToken): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        cancelled.dispose();
        resolve();
      };
      const cancelled = token.onCancellationRequested(wake);
      this.waiters.push(wake);
    });
  }
}

export class WorkspaceChecks {
  private asked = false;
  /** `workspace/diagnostic` requests held now: the client pulls, and the command need not push. */
  private heldPulls = 0;
  private readonly changes = new Changes();
  /** The command waits for the pulled check it started. */
  private finishedPull: ((summary: CheckSummary) => void) | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly service: NoteService,
  ) {}

  /** The index or the configuration changed: a held pull looks again. */
  changed(): void {
    this.changes.fire();
  }

  /** *Check Workspace*: checks every note with progress; resolves with how many notes and findings. */
  async run(): Promise<CheckSummary> {
    await this.service.indexComplete();
    if (this.heldPulls === 0) return this.push();
    const finished = new Promise<CheckSummary>((resolve) => (this.finishedPull = resolve));
    this.asked = true;
    this.changes.fire();
    return finished;
  }

  private checkable(): IndexedNote[] {
    return this.service.indexedNotes().filter((note) => !note.fromEditor);
  }

  private async push(): Promise<CheckSummary> {
    let findings = 0;
    const notes = this.checkable();
    await this.checkEach(notes, undefined, (report) => {
      findings += report.items.length;
      void this.connection.sendDiagnostics({ uri: report.uri, diagnostics: report.items });
    });
    return { notes: notes.length, findings };
  }

  async pull(params: WorkspaceDiagnosticParams, token: CancellationToken, partial: (items: WorkspaceDocumentDiagnosticReport[]) => void): Promise<WorkspaceDiagnosticReport> {
    const previous = new Map(params.previousResultIds.map((id) => [id.uri, id.value]));
    for (;;) {
      if (token.isCancellationRequested) return { items: [] };
      const notes = this.asked ? this.checkable() : [];
      const stale = notes.filter((note) => previous.get(note.uri) !== this.service.findingsVersion(note));
      const present = new Set(notes.map((note) => note.uri));
      // A note deleted or excluded since: its findings go.
      const gone: WorkspaceDocumentDiagnosticReport[] = this.asked
        ? [...previous.keys()].filter((uri) => !present.has(uri) && !this.service.workspace.documents.get(uri))
          .map((uri) => ({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, items: [] }))
        : [];
      if (stale.length > 0 || gone.length > 0) return this.pullReports(stale, gone, params, token, partial);
      this.heldPulls++;
      try {
        await this.changes.next(token);
      } finally {
        this.heldPulls--;
      }
    }
  }

  private async pullReports(
    stale: readonly IndexedNote[], gone: WorkspaceDocumentDiagnosticReport[], params: WorkspaceDiagnosticParams, token: CancellationToken,
    partial: (items: WorkspaceDocumentDiagnosticReport[]) => void,
  ): Promise<WorkspaceDiagnosticReport> {
    const streaming = params.partialResultToken !== undefined;
    const items: WorkspaceDocumentDiagnosticReport[] = [...gone];
    let findings = 0;
    const flush = () => {
      if (streaming && items.length > 0) partial(items.splice(0));
    };
    const completed = await this.checkEach(stale, token, (report) => {
      findings += report.items.length;
      items.push(report);
      if (items.length >= BATCH) flush();
    });
    flush();
    // Stopped by the user: the check waits for the command again rather than starting over.
    if (!completed && !token.isCancellationRequested) this.asked = false;
    this.finishedPull?.({ notes: stale.length, findings });
    this.finishedPull = undefined;
    return { items };
  }

  /** Checks each note in turn (in slices), with progress; false when cancelled before the end. */
  private async checkEach(notes: readonly IndexedNote[], token: CancellationToken | undefined, report: (report: WorkspaceDocumentDiagnosticReport & { kind: 'full' }) => void): Promise<boolean> {
    const progress = await this.connection.window.createWorkDoneProgress();
    progress.begin(format(this.service.locale, message('progress.checking')), 0, `0/${notes.length}`, true);
    let lastReport = performance.now();
    try {
      for (const [done, note] of notes.entries()) {
        if (token?.isCancellationRequested || progress.token.isCancellationRequested) return false;
        const version = this.service.findingsVersion(note);
        const checked = await this.service.checkNote(note.uri);
        if (checked) {
          const items = checked.findings.map((finding) => toDiagnostic(checked.document, finding));
          report({ kind: DocumentDiagnosticReportKind.Full, uri: note.uri, version: null, resultId: version, items });
        }
        if (performance.now() - lastReport > REPORT_EVERY_MS) {
          lastReport = performance.now();
          progress.report(Math.floor(((done + 1) / notes.length) * 100), `${done + 1}/${notes.length}`);
        }
      }
      return true;
    } finally {
      progress.done();
    }
  }
}
