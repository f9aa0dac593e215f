/**
 * `diplonote check --format sarif`: a SARIF 2.1.0 log, validated against the official OASIS JSON schema
 * (test/fixtures/sarif, unmodified; see its README), with a rule for every code and each finding placed
 * where the text output places it, its counterpart as a related location.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import type * as Sarif from 'sarif';
import { CHECK_CODES } from '../../server/src/core/checks';
import { REPO_ROOT } from '../support/serverConnection';
import { cli } from '../support/cli';

const SCHEMA_FILE = path.join(REPO_ROOT, 'test/fixtures/sarif/sarif-schema-2.1.0.json');

/**
 * Every keyword the schema uses means the same in draft-04, which it declares, and in draft-07, which
 * Ajv implements (no boolean exclusiveMinimum/Maximum, no `id` below the root).
 */
const SAME_IN_DRAFT_07 = new Set([
  '$schema', 'id', 'title', 'description', 'type', 'properties', 'additionalProperties', 'required', 'items', 'minItems',
  'uniqueItems', 'minimum', 'maximum', 'pattern', 'format', 'enum', 'anyOf', 'oneOf', '$ref', 'default', 'definitions',
]);

function keywordsOf(schema: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) schema.forEach((item) => keywordsOf(item, found));
  else if (schema && typeof schema === 'object') {
    for (const [key, value] of Object.entries(schema)) {
      found.add(key);
      // The names under properties and definitions are names, not keywords.
      if (key === 'properties' || key === 'definitions') Object.values(value as object).forEach((sub) => keywordsOf(sub, found));
      else if (key !== 'enum' && key !== 'default') keywordsOf(value, found);
    }
  }
  return found;
}

/** RFC 3986 characters; a reference must also resolve against a base. */
const URI_CHARACTERS = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/;

function sarifValidator(): ValidateFunction {
  const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
  const unknown = [...keywordsOf(schema)].filter((keyword) => !SAME_IN_DRAFT_07.has(keyword));
  assert.deepEqual(unknown, [], 'the schema uses a keyword whose meaning may differ in draft-07');
  const { id, ...rest } = schema;
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addFormat('uri', (value: string) => URI_CHARACTERS.test(value) && URL.canParse(value));
  ajv.addFormat('uri-reference', (value: string) => URI_CHARACTERS.test(value) && URL.canParse(value, 'file:///base/'));
  ajv.addFormat('date-time', (value: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value));
  return ajv.compile({ ...rest, $id: String(id), $schema: 'http://json-schema.org/draft-07/schema#' });
}

describe('cli: diplonote check --format sarif', () => {
  let validate: ValidateFunction;
  let folder: string;
  before(() => {
    validate = sarifValidator();
    folder = mkdtempSync(path.join(tmpdir(), 'diplonote-sarif-'));
    mkdirSync(path.join(folder, '照会 2025'));
    writeFileSync(path.join(folder, '照会 2025', 'a b.note'), readFileSync(path.join(REPO_ROOT, 'test/fixtures/checks/number-mismatch.note')));
    writeFileSync(path.join(folder, 'bad.glossary.json'), '{ "entries": [ { "en": "x" } ] }\n');
    writeFileSync(path.join(folder, '.diplonote.json'), '{}\n');
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  function sarif(args: string[], cwd = REPO_ROOT): { status: number | null; log: Sarif.Log } {
    const result = cli(['check', '--format', 'sarif', ...args], { cwd });
    const log = JSON.parse(result.stdout) as Sarif.Log;
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    return { status: result.status, log };
  }

  it('is valid SARIF 2.1.0 and exits as the text output does', () => {
    const { status, log } = sarif(['test/fixtures/checks/number-mismatch.note']);
    assert.equal(status, 1);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    assert.equal(log.runs[0].columnKind, 'utf16CodeUnits');
    assert.deepEqual(log.runs[0].invocations, [{ executionSuccessful: true }]);
    assert.deepEqual(log.runs[0].originalUriBaseIds, { '%SRCROOT%': { uri: `${pathToFileURL(REPO_ROOT).toString()}/` } });
  });

  it('the validator refuses what the schema refuses (a line 0, a result without a message, a bad level)', () => {
    const { log } = sarif(['test/fixtures/checks/number-mismatch.note']);
    const broken = (change: (result: Record<string, unknown>) => void) => {
      const copy = JSON.parse(JSON.stringify(log)) as { runs: Array<{ results: Array<Record<string, unknown>> }> };
      change(copy.runs[0].results[0]);
      return validate(copy);
    };
    assert.equal(broken((result) => { (result.locations as Array<{ physicalLocation: { region: { startLine: number } } }>)[0].physicalLocation.region.startLine = 0; }), false);
    assert.equal(broken((result) => { delete result.message; }), false);
    assert.equal(broken((result) => { result.level = 'information'; }), false);
    assert.equal(broken((result) => { result.ruleId = 5; }), false);
  });

  it('has a rule with a description and a default level for every code', () => {
    const { rules = [] } = sarif(['test/fixtures/checks/consistent.note']).log.runs[0].tool.driver;
    const ids = rules.map((rule) => rule.id);
    for (const code of [...CHECK_CODES, 'front-matter', 'counterpart-invalid', 'link-missing', 'project-file', 'glossary-file']) assert.ok(ids.includes(code), code);
    assert.equal(new Set(ids).size, ids.length);
    for (const rule of rules) {
      assert.ok((rule.shortDescription?.text.length ?? 0) > 20, `${rule.id}: ${rule.shortDescription?.text}`);
      assert.ok(rule.defaultConfiguration?.level, rule.id);
    }
    assert.equal(rules.find((rule) => rule.id === 'term-missing')?.defaultConfiguration?.level, 'note');
  });

  it('places each result as the text output does, with the counterpart as a related location', () => {
    const { log } = sarif(['test/fixtures/checks/number-mismatch.note']);
    const [run] = log.runs;
    const results = run.results ?? [];
    assert.equal(results.length, 2);
    const [english] = results;
    assert.equal(english.ruleId, 'number-mismatch');
    assert.equal(run.tool.driver.rules?.[english.ruleIndex ?? -1].id, 'number-mismatch');
    assert.equal(english.level, 'warning');
    assert.match(english.message.text ?? '', /^The number "5,415" in the English version/);
    const location = english.locations?.[0].physicalLocation;
    assert.deepEqual(location?.artifactLocation, { uri: 'test/fixtures/checks/number-mismatch.note', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(location?.region, { startLine: 5, startColumn: 206, endLine: 5, endColumn: 211 });
    const related = english.relatedLocations?.[0];
    assert.equal(related?.physicalLocation?.region?.startLine, 15);
    assert.equal(related?.physicalLocation?.artifactLocation?.uri, 'test/fixtures/checks/number-mismatch.note');
    assert.ok(related?.message?.text);
  });

  it('names files with spaces and Chinese as URI references, glossary problems included', () => {
    const { log } = sarif(['照会 2025/a b.note'], folder);
    const uris = (log.runs[0].results ?? []).map((result) => result.locations?.[0].physicalLocation?.artifactLocation?.uri);
    assert.ok(uris.includes('%E7%85%A7%E4%BC%9A%202025/a%20b.note'), uris.join(' '));
    const problem = (log.runs[0].results ?? []).find((result) => result.ruleId === 'glossary-file');
    assert.equal(problem?.locations?.[0].physicalLocation?.artifactLocation?.uri, 'bad.glossary.json');
    assert.equal(problem?.level, 'error');
  });

  it('names a file outside the working folder by its absolute URI', () => {
    const { log } = sarif([path.join(folder, '照会 2025', 'a b.note')]);
    const location = log.runs[0].results?.[0].locations?.[0].physicalLocation?.artifactLocation;
    assert.equal(location?.uriBaseId, undefined);
    assert.ok(location?.uri?.startsWith('file:///'), location?.uri);
  });

  it('says when an input could not be used, still valid, exit 2', () => {
    const { status, log } = sarif(['test/fixtures/checks/nope.note', 'test/fixtures/checks/number-mismatch.note']);
    assert.equal(status, 2);
    assert.deepEqual(log.runs[0].invocations, [{ executionSuccessful: false }]);
    assert.equal(log.runs[0].results?.length, 2);
  });
});
