/**
 * `diplonote check PATH… [--format text|json] [--severity LEVEL]`: the findings the editor shows, as
 * `file:line:col: severity code message` lines (the format CI annotators read): those of each note and
 * of its partner file, and the problems of the project file and glossaries the editor reads. Exit 1 when
 * a finding reaches the threshold (warning unless told), 0 otherwise, 2 when a file or an option is unusable.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { finish, SEVERITY_RANK, type Severity } from '../../core/checks';
import { fileProblemCode, type FileProblem, type NoteFinding } from '../../service';
import type { CommandContext } from '../command';
import { defineCommand, EXIT_FINDINGS, EXIT_OK } from '../definition';
import { jsonText, type Style } from '../terminal';

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

const SEVERITIES = Object.keys(SEVERITY_RANK) as Severity[];

export const checkCommand = defineCommand({
  name: 'check',
  operands: 'FILE…',
  minOperands: 1,
  summary: 'consistency findings of each note and its other version; exit 1 at or above a severity',
  details: [
    'Prints the findings the editor shows for each note and its partner file, and the problems of the',
    '.diplonote.json and glossaries of its folder (codes project-file, glossary-file), as',
    'FILE:LINE:COLUMN: SEVERITY CODE MESSAGE lines.',
  ].join('\n'),
  options: {
    format: { type: 'string', value: 'FORMAT', choices: ['text', 'json'], description: 'the output format (default text)' },
    json: { type: 'boolean', description: 'the same as --format json' },
    severity: { type: 'string', value: 'LEVEL', choices: SEVERITIES, description: 'exit 1 when a finding is at or above LEVEL (default warning)' },
  },
  async run(context, options) {
    const threshold = (options.severity ?? 'warning') as Severity;
    const found = await collectFindings(context);
    const format = options.json ? 'json' : options.format ?? 'text';
    if (format === 'json') context.out(jsonText(found.findings));
    else for (const finding of found.findings) context.out(formatFinding(context.style, finding));
    if (found.status !== EXIT_OK) return found.status;
    return found.findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[threshold]) ? EXIT_FINDINGS : EXIT_OK;
  },
});

async function collectFindings(context: CommandContext): Promise<{ findings: JsonFinding[]; status: number }> {
  await context.service.reload();
  const findings: JsonFinding[] = [...context.service.fileProblems()].flatMap(([uri, problems]) => problems.map((p) => fromProblem(context, uri, p)));
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

function formatFinding(style: Style, f: JsonFinding): string {
  return `${style.file(f.file)}:${f.line}:${f.column}: ${style.severity(f.severity)} ${style.dim(f.code)} ${style.text(f.message)}\n`;
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
