/**
 * textDocument/diagnostic: the findings of an open note, pulled, for clients that pull (VS Code does);
 * others get them pushed (diagnostics.ts). The client asks after every change and cancels the previous
 * request, so the answer waits for a pause in typing as a push would, and is given up when cancelled.
 */
import { DocumentDiagnosticReportKind, type CancellationToken, type FullDocumentDiagnosticReport } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { NoteService } from '../service';
import { SLICE_MS, toDiagnostic, TYPING_DELAY_MS } from './diagnostics';

const NONE: FullDocumentDiagnosticReport = { kind: DocumentDiagnosticReportKind.Full, items: [] };

export async function pulledDiagnostics(service: NoteService, document: TextDocument | undefined, token: CancellationToken): Promise<FullDocumentDiagnosticReport> {
  if (!document) return NONE;
  await new Promise((resolve) => setTimeout(resolve, TYPING_DELAY_MS));
  const findings = await service.findingsInSlices(document, SLICE_MS, () => !token.isCancellationRequested);
  // A cancelled request's answer is dropped by the client, whatever it is.
  if (!findings) return NONE;
  return { kind: DocumentDiagnosticReportKind.Full, items: findings.map((finding) => toDiagnostic(document, finding)) };
}
