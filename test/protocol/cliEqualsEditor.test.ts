/**
 * The CLI and the editor on the same folder give the same findings: one service, one configuration.
 * The folder has a project file (a check's severity, a glossary by glob, an unknown key), a glossary
 * with a problem, a `NAME.en.note` / `NAME.zh.note` pair, a note naming its other version by
 * `counterpart:`, a note naming a file outside the folder, and a front matter with a problem.
 * `diplonote check --json` on every note is compared with what the server publishes for every note,
 * glossary and project file once all are open.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PublishDiagnosticsNotification, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { REPO_ROOT, startServer, type ServerSession } from '../support/serverConnection';
import { until } from '../support/waitFor';

const FILES: Readonly<Record<string, string>> = {
  '.diplonote.json': '{\n  // the team\'s settings\n  "checks": { "number-mismatch": "error", "closing-missing": "off" },\n  "glossary": { "files": ["terms/*.csv"] },\n  "reviewers": ["A"]\n}\n',
  'terms/team.csv': 'en,zh\nhuman trafficking,人口贩运\n',
  'broken.glossary.json': '{ "entries": [ { "en": "scam compound" } ] }\n',
  'visa.en.note': 'On 1 March 2025, China repatriated 210 victims of human trafficking.\n',
  'visa.zh.note': '2025年3月1日，中方遣返了120名拐卖人口受害者。\n',
  'replies/reply.note': '---\ncounterpart: ../zh/reply.note\nreference: CHN/HR/2025/7\ncolour: blue\n---\nOn 5 May 2025, 300 nationals returned.\n',
  'zh/reply.note': '---\nreference: CHN/HR/2025/8\n---\n2025年5月6日，300名公民回国。\n',
  'escape.note': '---\ncounterpart: ../outside/secret.zh.note\n---\nOn 5 May 2025, 300 nationals returned.\n',
};

interface Finding {
  file: string;
  line: number;
  column: number;
  severity: string;
  code: string;
  message: string;
}

const SEVERITY_NAMES = ['', 'error', 'warning', 'information', 'hint'];

function key(finding: Finding): string {
  return `${finding.file}:${finding.line}:${finding.column} ${finding.severity} ${finding.code} ${finding.message}`;
}

describe('protocol + CLI: the same findings on the same folder', function () {
  this.timeout(60000);
  let root: string;
  let workspace: string;
  let server: ServerSession;
  const published = new Map<string, PublishDiagnosticsParams>();

  before(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'diplonote-same-'));
    workspace = path.join(root, 'workspace');
    for (const [name, text] of Object.entries(FILES)) {
      mkdirSync(path.dirname(path.join(workspace, name)), { recursive: true });
      writeFileSync(path.join(workspace, name), text);
    }
    mkdirSync(path.join(root, 'outside'));
    writeFileSync(path.join(root, 'outside', 'secret.zh.note'), '2025年5月6日，999名公民回国。\n');
    server = await startServer({}, workspace);
    server.connection.onNotification(PublishDiagnosticsNotification.type, (params) => published.set(params.uri, params));
  });
  after(async () => {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  });

  const notes = () => Object.keys(FILES).filter((name) => name.endsWith('.note'));

  function fromEditor(): Finding[] {
    return [...published.values()].flatMap(({ uri, diagnostics }) => diagnostics.map((d) => ({
      file: path.relative(workspace, fileURLToPath(uri)).replaceAll(path.sep, '/'), line: d.range.start.line + 1, column: d.range.start.character + 1,
      severity: SEVERITY_NAMES[d.severity ?? 1], code: String(d.code), message: d.message,
    })));
  }

  it('publishes for every note, glossary and project file what `diplonote check` prints', async () => {
    const projectFile = pathToFileURL(path.join(workspace, '.diplonote.json')).toString();
    await until(() => published.has(projectFile));
    for (const name of notes()) await server.open(pathToFileURL(path.join(workspace, name)).toString(), FILES[name]);
    await until(() => notes().every((name) => published.has(pathToFileURL(path.join(workspace, name)).toString())));
    const cli = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'check', '--json', ...notes()], { cwd: workspace, encoding: 'utf8' });
    assert.equal(cli.status, 1, cli.stderr);
    const printed = (JSON.parse(cli.stdout) as Finding[]).map(({ file, line, column, severity, code, message }) => ({ file, line, column, severity, code, message }));
    const editor = fromEditor();
    assert.deepEqual(editor.map(key).sort(), printed.map(key).sort());
    // What the folder was made to show, so that the comparison is not of two empty lists.
    const codes = new Set(printed.map((f) => `${f.code}:${f.severity}`));
    for (const expected of ['number-mismatch:error', 'term-missing:information', 'glossary-file:error', 'project-file:warning', 'front-matter:warning', 'counterpart-invalid:warning', 'date-mismatch:warning']) {
      assert.ok(codes.has(expected), `${expected} missing from ${[...codes].join(', ')}`);
    }
    assert.ok(!printed.some((f) => f.code === 'closing-missing'), 'the project file turned closing-missing off');
    assert.deepEqual(readdirSync(path.join(root, 'outside')), ['secret.zh.note']);
    assert.equal(readFileSync(path.join(workspace, 'visa.zh.note'), 'utf8'), FILES['visa.zh.note'], 'nothing written');
  });
});
