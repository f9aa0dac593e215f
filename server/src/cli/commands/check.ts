/**
 * `diplonote check FILE… [--json] [--severity LEVEL]`: the editor's consistency findings as
 * `file:line:col: severity code message` lines (the format CI annotators read). Exit 1 when a finding
 * reaches the threshold (warning unless told), 0 otherwise, 2 when a file or an option is unusable.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { checkAlone, runChecks, SEVERITY_RANK, type Finding, type Severity, type TermsIn } from '../../core/checks';
import { termsFromGlossary } from '../../core/checks/glossaryTerms';
import { GlossaryIndex, loadGlossaryText } from '../../core/glossary';
import type { Note } from '../../core/model';
import { lineOfOffset } from '../../core/text/lines';
import { EXIT_UNUSABLE_INPUT, type CommandContext } from '../command';
import { readNoteFile } from '../readInput';
import { loadVersions, type LoadedVersions } from '../loadVersions';

const GLOSSARY_FILE = 'diplonote.glossary.json';

/** The workspace glossary nearest to the file (its folder or a parent), as the term check's input. */
function glossaryTermsFor(file: string, context: CommandContext): TermsIn | undefined {
  for (let dir = path.dirname(path.resolve(file)); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, GLOSSARY_FILE);
    if (existsSync(candidate)) {
      const input = readNoteFile(candidate);
      if (!input.ok) return undefined;
      const loaded = loadGlossaryText(input.text, candidate);
      for (const problem of loaded.problems) context.error(`diplonote: ${problem.file}:${problem.line + 1}:${problem.character + 1}: ${problem.message}`);
      return termsFromGlossary(GlossaryIndex.build(loaded.entries));
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

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

function locate(file: string, note: Note, offset: number): Located {
  const line = lineOfOffset(note.lineStarts, offset);
  return { file, line: line + 1, column: offset - note.lineStarts[line] + 1 };
}

function describeFinding(finding: Finding, files: LoadedVersions['files'], notes: LoadedVersions['notes']): JsonFinding {
  const start = locate(files[finding.side], notes[finding.side], finding.span.start);
  const end = locate(files[finding.side], notes[finding.side], finding.span.end);
  return {
    ...start, endLine: end.line, endColumn: end.column, severity: finding.severity, code: finding.code, message: finding.message,
    related: finding.related.map((r) => ({ ...locate(files[r.side], notes[r.side], r.span.start), message: r.message })),
  };
}

const SEVERITIES: ReadonlySet<string> = new Set(Object.keys(SEVERITY_RANK));

export function checkCommand(context: CommandContext): number {
  const threshold = context.options.get('--severity') ?? 'warning';
  if (!SEVERITIES.has(threshold)) {
    context.error(`diplonote check: --severity must be one of hint, information, warning, error (not "${threshold}")`);
    return EXIT_UNUSABLE_INPUT;
  }
  const done = new Set<string>();
  const found: JsonFinding[] = [];
  const status = context.forEachFile((file, text) => {
    if (done.has(path.resolve(file))) return;
    const loaded = loadVersions(file, text);
    const termsIn = glossaryTermsFor(file, context);
    if ('alone' in loaded) {
      done.add(path.resolve(file));
      found.push(...checkAlone(loaded.alone).map((f) => describeFinding(f, { en: file, zh: file }, { en: loaded.alone, zh: loaded.alone })));
      return;
    }
    done.add(path.resolve(loaded.files.en)).add(path.resolve(loaded.files.zh));
    const findings = runChecks({ alignment: loaded.alignment, notes: loaded.notes, termsIn });
    found.push(...findings.map((f) => describeFinding(f, loaded.files, loaded.notes)));
  });
  if (context.json) context.out(JSON.stringify(found, null, 2) + '\n');
  else for (const f of found) context.out(`${f.file}:${f.line}:${f.column}: ${f.severity} ${f.code} ${f.message}\n`);
  if (status !== 0) return status;
  return found.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[threshold as Severity]) ? 1 : 0;
}
