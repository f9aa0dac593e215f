/**
 * `diplonote check --format sarif`: the findings as a SARIF 2.1.0 log (OASIS), the format code-scanning
 * services read. One run; the tool's rules are every code `check` can report, with its description and
 * default level; each result has its rule, level, message, the span in its file (1-based lines and
 * columns, columns in UTF-16 code units as the text output counts them) and, as related locations, the
 * places in the other version it refers to. Files below the working folder are named relative to it
 * (`uriBaseId` %SRCROOT%), others by their absolute `file:` URI.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { Severity } from '../core/checks';
import type { Locale } from '../core/messages';
import { encodeSegment } from '../service/uris';
import type { CheckedFinding, Place } from './commands/check';
import { rulesIn } from './rules';

const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SOURCE_ROOT = '%SRCROOT%';

const LEVELS: Readonly<Record<Severity, Sarif.Result.level>> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export interface SarifRun {
  readonly findings: readonly CheckedFinding[];
  readonly toolVersion: string;
  /** The folder relative paths start from (the current folder). */
  readonly root: string;
  /** False when an input could not be used (exit status 2). */
  readonly complete: boolean;
  /** The language of the rules' descriptions, as of the messages. */
  readonly locale: Locale;
}

export function toSarif(run: SarifRun): Sarif.Log {
  const rules = rulesIn(run.locale);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.code as string, index]));
  const artifact = (file: string) => artifactLocation(run.root, file);
  const results = run.findings.map((finding): Sarif.Result => ({
    ruleId: finding.code,
    ...(ruleIndex.has(finding.code) ? { ruleIndex: ruleIndex.get(finding.code) } : {}),
    level: LEVELS[finding.severity],
    message: { text: finding.message },
    locations: [{ physicalLocation: { artifactLocation: artifact(finding.file), region: region(finding.start, finding.end) } }],
    ...(finding.related.length > 0 ? {
      relatedLocations: finding.related.map((related, id) => ({
        id, message: { text: related.message },
        physicalLocation: { artifactLocation: artifact(related.file), region: region(related.at) },
      })),
    } : {}),
  }));
  return {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'Diplonote', version: run.toolVersion, semanticVersion: run.toolVersion,
          rules: rules.map((rule) => ({
            id: rule.code, shortDescription: { text: rule.description }, defaultConfiguration: { level: LEVELS[rule.severity] },
          })),
        },
      },
      originalUriBaseIds: { [SOURCE_ROOT]: { uri: pathToFileURL(run.root).toString().replace(/\/?$/, '/') } },
      invocations: [{ executionSuccessful: run.complete }],
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
}

function region(start: Place, end?: Place): Sarif.Region {
  return { startLine: start.line, startColumn: start.column, ...(end ? { endLine: end.line, endColumn: end.column } : {}) };
}

/** Relative to the root when below it (`notes/a%20b.note`), else the absolute URI. */
function artifactLocation(root: string, file: string): Sarif.ArtifactLocation {
  const relative = path.relative(root, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return { uri: pathToFileURL(file).toString() };
  return { uri: relative.split(path.sep).map(encodeSegment).join('/'), uriBaseId: SOURCE_ROOT };
}
