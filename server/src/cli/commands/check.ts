/**
 * `diplonote check FILE… [--json] [--severity LEVEL]`: the findings the editor shows, as
 * `file:line:col: severity code message` lines (the format CI annotators read): those of each note and
 * of its partner file, and the problems of the project file and glossaries the editor reads. Exit 1 when
 * a finding reaches the threshold (warning unless told), 0 otherwise, 2 when a file or an option is unusable.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { finish, SEVERITY_RANK, type Severity } from '../../core/checks';
import { fileProblemCode, type FileProblem, type NoteFinding } from '../../service';
import { EXIT_UNUSABLE_INPUT, type CommandContext } from '../command';

export interface Located {
  file: string;
  line: number;
  column: number;
}

export interface JsonFinding extends Located {
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
  related: Array<Located & { message: string }>;
}

const SEVERITIES: ReadonlySet<string> = new Set(Object.keys(SEVERITY_RANK));

export async function checkCommand(context: CommandContext): Promise<number> {
  const threshold = context.options.get('--severity') ?? 'warning';
  if (!SEVERITIES.has(threshold)) {
    context.error(`diplonote check: --severity must be one of hint, information, warning, error (not "${threshold}")`);
    return EXIT_UNUSABLE_INPUT;
  }
  await context.service.reload();
  const found: JsonFinding[] = [...context.service.fileProblems()].flatMap(([uri, problems]) => problems.map((p) => fromProblem(context, uri, p)));
  const done = new Set<string>();
  const status = await context.forEachNote(async ({ document }) => {
    if (done.has(document.uri)) return;
    const paired = await context.service.pair(document);
    const notes = paired.kind === 'aligned' && paired.aligned.en !== paired.aligned.zh ? [paired.aligned.en, paired.aligned.zh] : [document];
    for (const note of notes) {
      done.add(note.uri);
      const findings = finish(await context.service.findings(note));
      found.push(...findings.map((f) => fromFinding(context, note, f)));
    }
  });
  if (context.json) context.out(JSON.stringify(found, null, 2) + '\n');
  else for (const f of found) context.out(`${f.file}:${f.line}:${f.column}: ${f.severity} ${f.code} ${f.message}\n`);
  if (status !== 0) return status;
  return found.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[threshold as Severity]) ? 1 : 0;
}

function locate(context: CommandContext, document: TextDocument, offset: number): Located {
  const position = document.positionAt(offset);
  return { file: context.display(document.uri), line: position.line + 1, column: position.character + 1 };
}

function fromFinding(context: CommandContext, document: TextDocument, finding: NoteFinding): JsonFinding {
  const start = locate(context, document, finding.span.start);
  const end = locate(context, document, finding.span.end);
  return {
    ...start, endLine: end.line, endColumn: end.column, severity: finding.severity, code: finding.code, message: finding.message,
    related: finding.related.map((r) => ({ ...locate(context, r.location.document, r.location.span.start), message: r.message })),
  };
}

function fromProblem(context: CommandContext, uri: string, problem: FileProblem): JsonFinding {
  const at = { file: context.display(uri), line: problem.line + 1, column: problem.character + 1 };
  return { ...at, endLine: at.line, endColumn: at.column + 1, severity: problem.severity, code: fileProblemCode(uri), message: problem.message, related: [] };
}
