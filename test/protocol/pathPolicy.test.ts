/**
 * Issue 16, item 6: a note names its other version, and nothing else. A `counterpart:` that is absolute,
 * a URI, a UNC path, under /proc, not a `.note` file, or that leaves the workspace folder (by `../` or
 * by a symlink) is a finding on the `counterpart:` line, and the file is never read: no jump, lens,
 * finding or export points into it. The CLI follows the same rule.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeLensRequest, DefinitionRequest, type Diagnostic } from 'vscode-languageserver-protocol';
import { REPO_ROOT, startServer, type ServerSession } from '../support/serverConnection';
import { nextDiagnostics } from './diagnostics.test';

const ENGLISH = 'On 1 March 2025, China repatriated 210 nationals.\n';
/** The other version, with a figure that differs: read, it would raise a number-mismatch. */
const CHINESE = '2025年3月1日，中方遣返了120名公民。\n';

function noteNaming(counterpart: string): string {
  return `---\ncounterpart: ${counterpart}\n---\n${ENGLISH}`;
}

describe('protocol: the counterpart path policy', () => {
  let root: string;
  let workspace: string;
  let outside: string;
  let server: ServerSession;

  before(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'diplonote-paths-'));
    workspace = path.join(root, 'workspace');
    outside = path.join(root, 'outside');
    mkdirSync(path.join(workspace, 'sub'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(path.join(outside, 'secret.zh.note'), CHINESE);
    writeFileSync(path.join(outside, 'secret.txt'), CHINESE);
    writeFileSync(path.join(workspace, 'sub', 'ok.zh.note'), CHINESE);
    writeFileSync(path.join(workspace, 'notes.txt'), CHINESE);
    symlinkSync(path.join(outside, 'secret.zh.note'), path.join(workspace, 'linked.zh.note'));
    server = await startServer({}, workspace);
  });
  after(async () => {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  });

  async function open(name: string, text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = pathToFileURL(path.join(workspace, name)).toString();
    const published = nextDiagnostics(server, uri);
    await server.open(uri, text);
    return { uri, diagnostics: (await published).diagnostics };
  }

  async function assertNotFollowed(name: string, text: string, counterpartLine: number): Promise<void> {
    const { uri, diagnostics } = await open(name, text);
    const codes = diagnostics.map((d) => d.code);
    assert.ok(!codes.includes('number-mismatch'), `${name}: the refused file was read (${codes.join(', ')})`);
    const mentioned = diagnostics.flatMap((d) => d.relatedInformation ?? []).filter((r) => r.location.uri !== uri);
    assert.deepEqual(mentioned, [], `${name}: a finding points outside the note`);
    const refusal = diagnostics.find((d) => d.code === 'counterpart-invalid');
    assert.ok(refusal, `${name}: no counterpart-invalid finding (${codes.join(', ')})`);
    assert.equal(refusal.range.start.line, counterpartLine, `${name}: the finding is on the line that names the file`);
    const jump = await server.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line: text.split('\n').length - 2, character: 5 } });
    assert.equal(jump, null, `${name}: F12 jumps into a refused file`);
    assert.deepEqual(await server.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } }), [], `${name}: a lens points into a refused file`);
  }

  it('refuses an absolute path, a file URI, a UNC path and /proc', async () => {
    await assertNotFollowed('absolute.note', noteNaming(path.join(outside, 'secret.zh.note')), 1);
    await assertNotFollowed('uri.note', noteNaming(pathToFileURL(path.join(outside, 'secret.zh.note')).toString()), 1);
    await assertNotFollowed('unc.note', noteNaming('//host/share/secret.zh.note'), 1);
    await assertNotFollowed('backslash-unc.note', noteNaming('\\\\host\\share\\secret.zh.note'), 1);
    await assertNotFollowed('proc.note', noteNaming('/proc/self/environ'), 1);
  });

  it('refuses a relative path that leaves the workspace folder, and a file that is not a note', async () => {
    await assertNotFollowed('escape.note', noteNaming('../outside/secret.zh.note'), 1);
    await assertNotFollowed('deep-escape.note', noteNaming('sub/../../outside/secret.zh.note'), 1);
    await assertNotFollowed('text.note', noteNaming('notes.txt'), 1);
  });

  it('does not read a partner reached through a symlink that leaves the folder, and says so on the first line', async () => {
    await assertNotFollowed('linked.en.note', ENGLISH, 0);
  });

  it('reads no special file as a partner: a link to /proc/self/pagemap is refused, a pipe is never opened (issue 16, item 4)', async function () {
    if (process.platform !== 'linux') this.skip();
    symlinkSync('/proc/self/pagemap', path.join(workspace, 'pagemap.zh.note'));
    await assertNotFollowed('pagemap.en.note', ENGLISH, 0);
    // A pipe with no writer: opened for reading, it would block the server for good.
    assert.equal(spawnSync('mkfifo', [path.join(workspace, 'pipe.zh.note')]).status, 0, 'mkfifo');
    const { uri, diagnostics } = await open('pipe.en.note', ENGLISH);
    assert.deepEqual(diagnostics.filter((d) => d.code === 'number-mismatch'), []);
    const jump = await server.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line: 0, character: 5 } });
    assert.equal(jump, null, 'a jump into the pipe');
  });

  it('follows a relative counterpart inside the folder (and finds its differing figure)', async () => {
    const { uri, diagnostics } = await open('fine.note', noteNaming('sub/ok.zh.note'));
    assert.deepEqual(diagnostics.map((d) => [d.code, d.relatedInformation?.[0]?.location.uri]), [
      ['number-mismatch', pathToFileURL(path.join(workspace, 'sub', 'ok.zh.note')).toString()],
    ]);
    const jump = await server.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line: 3, character: 5 } });
    assert.ok(Array.isArray(jump) && jump.length === 1);
  });

  it('the CLI gives the same finding and reads nothing outside', () => {
    writeFileSync(path.join(workspace, '.diplonote.json'), '{}\n');
    writeFileSync(path.join(workspace, 'cli-escape.note'), noteNaming('../outside/secret.zh.note'));
    const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'check', 'cli-escape.note', 'linked.en.note'], { cwd: workspace, encoding: 'utf8' });
    const lines = result.stdout.split('\n').filter(Boolean);
    assert.ok(lines.some((line) => line.startsWith('cli-escape.note:2:') && line.includes('counterpart-invalid')), result.stdout + result.stderr);
    assert.ok(!result.stdout.includes('number-mismatch'), result.stdout);
    assert.ok(!lines.some((line) => line.includes('secret.zh.note:')), `a finding is placed in the refused file: ${result.stdout}`);
  });
});
