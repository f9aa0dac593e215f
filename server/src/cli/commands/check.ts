/**
 * `diplonote check PATH… [--format text|json|sarif] [--severity LEVEL]`: the findings the editor shows, as
 * `file:line:col: severity code message` lines (the format CI annotators read): those of each note and
 * of its partner file, and the problems of the project file and glossaries the editor reads. Exit 1 when
 * a finding reaches the threshold (warning unless told), 0 otherwise, 2 when a file or an option is unusable.
 */
import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { message } from '../../core/messages';
import { finish, SEVERITY_RANK, type Severity } from '../../core/checks';
import { fileProblemCode, type FileProblem, type NoteFinding } from '../../service';
import type { CommandContext } from '../command';
import { defineCommand, EXIT_FINDINGS, EXIT_OK } from '../definition';
import type { ReportedCode } from '../rules';
import { toSarif } from '../sarif';
import { jsonText, type Style } from '../terminal';

/** A 1-based line and column (UTF-16 code units, as editors count them). */
export interface Place {
  readonly line: number;
  readonly column: number;
}

/** A finding as `check` reports it, in any format. */
export interface CheckedFinding {
  /** The file's path, and its name as shown. */
  readonly file: string;
  readonly display: string;
  readonly start: Place;
  readonly end: Place;
  readonly severity: Severity;
  readonly code: ReportedCode;
  readonly message: string;
  readonly related: ReadonlyArray<{ readonly file: string; readonly display: string; readonly at: Place; readonly message: string }>;
}

/** The JSON output, one object per finding. */
interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
  related: Array<{ file: string; line: number; column: number; message: string }>;
}

const SEVERITIES = Object.keys(SEVERITY_RANK) as Severity[];
const FORMATS = ['text', 'json', 'sarif'] as const;

export const checkCommand = defineCommand({
  name: 'check',
  operands: 'PATH…',
  minOperands: 1,
  paths: true,
  summary: message('cli.check.summary'),
  details: message('cli.check.details'),
  options: {
    format: { type: 'string', value: 'FORMAT', choices: FORMATS, description: message('cli.check.format') },
    json: { type: 'boolean', description: message('cli.check.json') },
    severity: { type: 'string', value: 'LEVEL', choices: SEVERITIES, description: message('cli.check.severity') },
  },
  async run(context, options) {
    const threshold = (options.severity ?? 'warning') as Severity;
    const { findings, status } = await collectFindings(context);
    const format = options.json ? 'json' : options.format ?? 'text';
    if (format === 'json') context.out(jsonText(findings.map(toJson)));
    else if (format === 'sarif') context.out(jsonText(toSarif({ findings, toolVersion: CLI_VERSION, root: process.cwd(), complete: status === EXIT_OK, locale: context.locale })));
    else for (const finding of findings) context.out(formatFinding(context.style, finding));
    if (status !== EXIT_OK) return status;
    return findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[threshold]) ? EXIT_FINDINGS : EXIT_OK;
  },
});

async function collectFindings(context: CommandContext): Promise<{ findings: CheckedFinding[]; status: number }> {
  await context.service.reload();
  const findings: CheckedFinding[] = [...context.service.fileProblems()].flatMap(([uri, problems]) => problems.map((p) => fromProblem(context, uri, p)));
  const done = new Set<string>();
  const status = await context.forEachNote(async ({ document }) => {
    const paired = await context.service.pair(document);
    const notes = paired.kind === 'aligned' && paired.aligned.en !== paired.aligned.zh ? [paired.aligned.en, paired.aligned.zh] : [document];
    for (const note of notes) {
      done.add(note.uri);
      findings.push(...finish(await context.service.findings(note)).map((f) => fromFinding(context, note, f)));
    }
  }, (uri) => done.has(uri));
  return { findings, status };
}

function formatFinding(style: Style, f: CheckedFinding): string {
  return `${style.file(f.display)}:${f.start.line}:${f.start.column}: ${style.severity(f.severity)} ${style.dim(f.code)} ${style.text(f.message)}\n`;
}

function toJson(f: CheckedFinding): JsonFinding {
  return {
    file: f.display, line: f.start.line, column: f.start.column, endLine: f.end.line, endColumn: f.end.column,
    severity: f.severity, code: f.code, message: f.message,
    related: f.related.map((r) => ({ file: r.display, line: r.at.line, column: r.at.column, message: r.message })),
  };
}

function placeIn(document: TextDocument, offset: number): Place {
  const position = document.positionAt(offset);
  return { line: position.line + 1, column: position.character + 1 };
}

function named(context: CommandContext, uri: string): { file: string; display: string } {
  return { file: fileURLToPath(uri), display: context.display(uri) };
}

function fromFinding(context: CommandContext, document: TextDocument, finding: NoteFinding): CheckedFinding {
  return {
    ...named(context, document.uri), start: placeIn(document, finding.span.start), end: placeIn(document, finding.span.end),
    severity: finding.severity, code: finding.code, message: finding.message,
    related: finding.related.map((r) => ({ ...named(context, r.location.document.uri), at: placeIn(r.location.document, r.location.span.start), message: r.message })),
  };
}

function fromProblem(context: CommandContext, uri: string, problem: FileProblem): CheckedFinding {
  const start = { line: problem.line + 1, column: problem.character + 1 };
  return {
    ...named(context, uri), start, end: { line: start.line, column: start.column + 1 },
    severity: problem.severity, code: fileProblemCode(uri), message: problem.message, related: [],
  };
}

declare const CLI_VERSION: string;
