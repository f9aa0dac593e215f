/**
 * `diplonote annotations`: a sidecar written by hand in the documented format, against a note edited
 * afterwards, placed right; orphans flagged; JSON, JSON Lines and OWASP-safe CSV; exit 2 with the
 * line of a malformed sidecar.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { AnnotationRecord } from '../../server/src/cli/commands/annotations';
import { REPO_ROOT } from '../support/serverConnection';

function annotations(cwd: string, ...args: string[]) {
  return spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'annotations', ...args], { cwd, encoding: 'utf8' });
}

const codePoints = (text: string) => [...text].length;

function annotation(id: string, source: string, text: string, exact: string, extra: Record<string, unknown> = {}) {
  const at = text.indexOf(exact);
  return {
    id, type: 'Annotation', motivation: 'commenting', created: '2025-06-03T09:30:00Z', creator: { type: 'Person', name: 'A. Researcher' }, status: 'open',
    target: {
      source,
      selector: [
        { type: 'TextQuoteSelector', exact, prefix: text.slice(Math.max(0, at - 20), at), suffix: text.slice(at + exact.length, at + exact.length + 20) },
        { type: 'TextPositionSelector', start: codePoints(text.slice(0, at)), end: codePoints(text.slice(0, at + exact.length)) },
      ],
    },
    body: [
      { type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: '=HYPERLINK("http://x") cites the *2019* notes' },
      { type: 'TextualBody', purpose: 'tagging', value: 'legal-basis' },
    ],
    ...extra,
  };
}

describe('cli: diplonote annotations', () => {
  let folder: string;
  const name = 'visa-request.en.note';
  const exact = 'the Department requests that the visa fees be waived';
  const gone = 'courtesy facilitation';

  before(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'diplonote-cli-annotations-'));
    copyFileSync(path.join(REPO_ROOT, 'samples', 'visa-request.zh.note'), path.join(folder, 'visa-request.zh.note'));
    const original = readFileSync(path.join(REPO_ROOT, 'samples', name), 'utf8');
    writeFileSync(path.join(folder, `${name}.annotations.json`), `${JSON.stringify({
      '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection',
      items: [
        annotation('urn:uuid:00000000-0000-4000-8000-000000000001', name, original, exact),
        annotation('urn:uuid:00000000-0000-4000-8000-000000000002', name, original, gone),
        { id: 'urn:uuid:00000000-0000-4000-8000-000000000003', type: 'Annotation', motivation: 'replying', target: 'urn:uuid:00000000-0000-4000-8000-000000000001', body: [{ type: 'TextualBody', value: 'Agreed.' }] },
      ],
    }, null, 2)}\n`);
    // Edited after the annotations were made: a paragraph above, a word changed near the span, the second quote removed.
    const edited = original
      .replace('The Department has the honour to request', 'A paragraph added afterwards.\n\nThe Department has the honour to request')
      .replace('Second, on the basis', 'Secondly, on the basis')
      .replace('arranging courtesy facilitation for', 'arranging arrival formalities for');
    writeFileSync(path.join(folder, name), edited);
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('--json: each annotation placed where its quote is now, with its paragraph, language, reference and counterpart; the orphan flagged', () => {
    const result = annotations(folder, name, '--json');
    assert.equal(result.status, 0, result.stderr);
    const records = JSON.parse(result.stdout) as AnnotationRecord[];
    assert.equal(records.length, 2);
    const [placed, orphan] = records;
    const text = readFileSync(path.join(folder, name), 'utf8');
    const lines = text.slice(0, text.indexOf(exact)).split('\n');
    assert.deepEqual(placed.range && { line: placed.range.line, column: placed.range.column }, { line: lines.length, column: lines[lines.length - 1].length + 1 });
    assert.equal(placed.quote, exact);
    assert.deepEqual(placed.tags, ['legal-basis']);
    assert.equal(placed.creator, 'A. Researcher');
    assert.equal(placed.language, 'en');
    assert.equal(placed.paragraph, 2);
    assert.equal(placed.reference, '(2025)领字第45号');
    assert.equal(placed.orphaned, false);
    assert.equal(placed.replies[0].comment, 'Agreed.');
    assert.match(placed.counterpart?.file ?? '', /visa-request\.zh\.note$/);
    const zhLine = readFileSync(path.join(folder, 'visa-request.zh.note'), 'utf8').split('\n')[(placed.counterpart?.line ?? 0) - 1];
    assert.ok(zhLine.includes('免收签证费'), zhLine);
    assert.equal(orphan.orphaned, true);
    assert.equal(orphan.range, null);
    assert.equal(orphan.quote, gone);
  });

  it('--jsonl: one record per line', () => {
    const result = annotations(folder, name, '--jsonl');
    assert.equal(result.status, 0, result.stderr);
    const lines = result.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 2);
    assert.equal((JSON.parse(lines[0]) as AnnotationRecord).id, 'urn:uuid:00000000-0000-4000-8000-000000000001');
  });

  it('--csv: a header and one row each, a comment starting with = defused (OWASP)', () => {
    const result = annotations(folder, name, '--csv');
    assert.equal(result.status, 0, result.stderr);
    const [header, first] = result.stdout.split('\r\n');
    assert.ok(header.startsWith('"file","id","motivation","status","orphaned","anchoring","line","column"'), header);
    assert.match(first, /"'=HYPERLINK\(""http:\/\/x""\) cites the \*2019\* notes"/);
    assert.match(first, /"legal-basis"/);
  });

  it('text: file:line:column, or orphaned', () => {
    const result = annotations(folder, name);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^visa-request\.en\.note:\d+:\d+: commenting \(open\) \[legal-basis\] “the Department requests/m);
    assert.match(result.stdout, /^visa-request\.en\.note: orphaned: commenting/m);
  });

  it('exits 2 on a malformed sidecar, naming its line, and leaves it as it was', () => {
    const other = 'broken.note';
    writeFileSync(path.join(folder, other), 'Excellency,\n\nThe delegation will arrive on 3 May.\n');
    const malformed = '{\n  "type": "AnnotationCollection",\n  "items": [\n    { "id": "a", "target": 3 }\n  ]\n}\n';
    writeFileSync(path.join(folder, `${other}.annotations.json`), malformed);
    const result = annotations(folder, other, '--json');
    assert.equal(result.status, 2);
    assert.match(result.stderr, /broken\.note\.annotations\.json:4:\d+: error /);
    assert.equal(readFileSync(path.join(folder, `${other}.annotations.json`), 'utf8'), malformed);
  });
});
