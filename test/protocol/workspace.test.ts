/**
 * The workspace over stdio, on a temporary folder of notes: the index is built with progress (and
 * stops when the client cancels it), workspace symbols, references to a communication in both
 * languages, the definition of a cited reference in another note, document links and the finding for a
 * missing counterpart, the Correspondence request, and a file changed on disk indexed again. Every wait
 * is for the condition itself (the progress's end, the answer changing), never a fixed sleep.
 */
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DefinitionRequest, DidChangeWatchedFilesNotification, DocumentDiagnosticRequest, DocumentLinkRequest, ExecuteCommandRequest, FileChangeType,
  PublishDiagnosticsNotification, ReferencesRequest, WorkDoneProgressCancelNotification, WorkspaceDiagnosticRequest, WorkspaceSymbolRequest,
  type Diagnostic, type LocationLink, type ProgressToken, type SymbolInformation, type WorkDoneProgressBegin, type WorkDoneProgressEnd,
  type WorkDoneProgressReport, type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol';
import { CHECK_WORKSPACE_COMMAND, CORRESPONDENCE_REQUEST, type CheckWorkspaceResult, type CorrespondenceThread } from '../../server/src/protocol';
import { REPO_ROOT, startServer, type ServerSession } from '../support/serverConnection';
import { positionOf } from '../support/positions';
import { COMMUNICATION } from '../support/workspaceNotes';
import { eventually } from '../support/waitFor';
import { nextDiagnostics } from './diagnostics.test';


const REPLY_EN = 'CHN/HR/2025/34\n\nWith reference to communication AL CHN 4/2025, the Government of China provides the following reply.\n';
const REPLY_ZH = 'CHN/HR/2025/34\n\n关于AL CHN 4/2025号来文，中国政府答复如下。\n';
const FOLLOW_UP = '---\nreference: CHN/HR/2025/51\nin-reply-to: CHN/HR/2025/34\ncounterpart: follow-up.en.note\n---\n中国常驻代表团谨补充提供以下资料。\n';

type ProgressValue = WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;

/** Progress notifications of the session, and a promise for the end of the first progress. */
class ProgressLog {
  readonly events: Array<{ token: ProgressToken; value: ProgressValue }> = [];
  private ended!: () => void;
  readonly firstEnd = new Promise<void>((resolve) => (this.ended = resolve));

  record = (token: ProgressToken, value: ProgressValue): void => {
    this.events.push({ token, value });
    if (value.kind === 'end') this.ended();
  };
}

async function symbols(server: ServerSession, query: string): Promise<SymbolInformation[]> {
  return (await server.connection.sendRequest(WorkspaceSymbolRequest.type, { query })) as SymbolInformation[];
}

const SEEDED_MISMATCH = path.join(REPO_ROOT, 'test', 'fixtures', 'checks', 'number-mismatch.note');

/** A temporary workspace folder of notes: a thread, a git-ignored note, a note with a seeded mismatch. */
function makeFolder(prefix: string): { root: string; file: (name: string) => string; uriOf: (name: string) => string } {
  const root = mkdtempSync(path.join(tmpdir(), prefix));
  const file = (name: string) => path.join(root, name);
  mkdirSync(path.join(root, 'replies'));
  mkdirSync(path.join(root, 'archive'));
  writeFileSync(file('al-chn-4-2025.note'), COMMUNICATION);
  writeFileSync(file('replies/reply.en.note'), REPLY_EN);
  writeFileSync(file('replies/reply.zh.note'), REPLY_ZH);
  writeFileSync(file('replies/follow-up.zh.note'), FOLLOW_UP);
  writeFileSync(file('archive/old.note'), REPLY_EN.replace('CHN/HR/2025/34', 'CHN/HR/2019/1'));
  writeFileSync(file('.gitignore'), 'archive/\n');
  copyFileSync(SEEDED_MISMATCH, file('mismatch.note'));
  return { root, file, uriOf: (name) => pathToFileURL(file(name)).toString() };
}

function nameOf(uri: string): string {
  return path.relative(path.dirname(new URL(uri).pathname), new URL(uri).pathname);
}

describe('protocol: the workspace index', () => {
  let root: string;
  let file: (name: string) => string;
  let uriOf: (name: string) => string;
  let server: ServerSession;
  const progress = new ProgressLog();

  before(async () => {
    ({ root, file, uriOf } = makeFolder('diplonote-workspace-'));
    server = await startServer({}, root, { onProgress: progress.record, initializationOptions: { correspondenceView: true } });
    await progress.firstEnd;
  });
  after(async () => {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('builds the index with cancellable progress: begin, reports, end', () => {
    const [begin, ...rest] = progress.events.map((event) => event.value);
    assert.equal(begin.kind, 'begin');
    assert.equal((begin as WorkDoneProgressBegin).cancellable, true);
    assert.match((begin as WorkDoneProgressBegin).title, /index/i);
    assert.equal(rest[rest.length - 1].kind, 'end');
  });

  it('workspace symbols: a note by its reference and by the communication it cites; git-ignored notes left out', async () => {
    const byReference = await symbols(server, 'CHN/HR/2025/34');
    assert.deepEqual(byReference.filter((s) => s.name === 'CHN/HR/2025/34').map((s) => s.location.uri).sort(), [uriOf('replies/reply.en.note'), uriOf('replies/reply.zh.note')]);
    const byCitation = await symbols(server, 'AL CHN 4');
    assert.deepEqual(byCitation.filter((s) => s.name === 'AL CHN 4/2025').map((s) => s.location.uri).sort(),
      [uriOf('al-chn-4-2025.note'), uriOf('replies/reply.en.note'), uriOf('replies/reply.zh.note')]);
    assert.deepEqual(await symbols(server, 'CHN/HR/2019/1'), []);
  });

  it('Find All References on a cited communication: every note citing it, in either language', async () => {
    const { uri, text } = { uri: uriOf('al-chn-4-2025.note'), text: COMMUNICATION };
    await server.open(uri, text);
    const found = await server.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri }, position: positionOf(text, 'CHN 4/2025'), context: { includeDeclaration: true },
    });
    assert.deepEqual(found?.map((l) => `${path.basename(new URL(l.uri).pathname)}:${l.range.start.line}:${l.range.start.character}`).sort(), [
      'al-chn-4-2025.note:2:11', 'reply.en.note:2:32', 'reply.zh.note:2:2',
    ]);
  });

  it('Go to Definition on a cited reference opens the note that carries it', async () => {
    const uri = uriOf('replies/reply.zh.note');
    await server.open(uri, REPLY_ZH);
    const links = (await server.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: positionOf(REPLY_ZH, 'CHN 4/2025') })) as LocationLink[];
    assert.deepEqual(links.map((l) => [l.targetUri, l.targetSelectionRange.start.line, l.originSelectionRange?.start.character]), [[uriOf('al-chn-4-2025.note'), 2, 2]]);
    const elsewhere = (await server.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: positionOf(REPLY_ZH, '中国政府') })) as LocationLink[];
    assert.deepEqual(elsewhere.map((l) => l.targetUri), [uriOf('replies/reply.en.note')], 'elsewhere: the other language version');
  });

  it('document links for in-reply-to, and a missing counterpart is a link-missing finding', async () => {
    const uri = uriOf('replies/follow-up.zh.note');
    const diagnostics = nextDiagnostics(server, uri);
    await server.open(uri, FOLLOW_UP);
    const links = await server.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri } });
    assert.deepEqual(links?.map((l) => [l.range.start.line, l.target]), [[2, uriOf('replies/reply.en.note')]]);
    const found = await diagnostics;
    assert.deepEqual(found.diagnostics.map((d) => [d.code, d.range.start.line]), [['link-missing', 3]]);
  });

  it('the Correspondence request gives the thread: communication, reply (its two files once), follow-up', async () => {
    const answer = await server.connection.sendRequest(CORRESPONDENCE_REQUEST, {});
    const shape = (node: CorrespondenceThread): unknown => [node.label, ...node.children.map(shape)];
    assert.equal(answer.indexing, false);
    const chn2025 = answer.countries.find((c) => c.country === 'CHN')?.years.find((y) => y.year === 2025);
    assert.deepEqual(chn2025?.threads.map(shape), [['AL CHN 4/2025', ['CHN/HR/2025/34', ['CHN/HR/2025/51']]]]);
  });

  it('a note written, changed and deleted on disk is indexed again once the watcher tells', async () => {
    writeFileSync(file('replies/second.note'), 'CHN/HR/2025/60\n\nThe Mission refers again to communication AL CHN 4/2025.\n');
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf('replies/second.note'), type: FileChangeType.Created }] });
    const found = await eventually(() => symbols(server, 'CHN/HR/2025/60'), (answer) => answer.length > 0);
    assert.equal(found[0].location.uri, uriOf('replies/second.note'));
    writeFileSync(file('replies/second.note'), 'CHN/HR/2025/61\n\nThe Mission refers again to communication AL CHN 4/2025.\n');
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf('replies/second.note'), type: FileChangeType.Changed }] });
    await eventually(() => symbols(server, 'CHN/HR/2025/61'), (answer) => answer.some((s) => s.name === 'CHN/HR/2025/61'));
    rmSync(file('replies/second.note'));
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf('replies/second.note'), type: FileChangeType.Deleted }] });
    await eventually(() => symbols(server, 'CHN/HR/2025/61'), (answer) => !answer.some((s) => s.location.uri === uriOf('replies/second.note')));
  });
});

describe('protocol: cancelling the index build', () => {
  it('stops reading notes when the client cancels the progress', async function () {
    this.timeout(60000);
    const root = mkdtempSync(path.join(tmpdir(), 'diplonote-cancel-'));
    const count = 3000;
    for (let i = 0; i < count; i++) writeFileSync(path.join(root, `n${i}.note`), `CHN/HR/2025/${i}\n\nThe Mission refers to AL CHN ${i % 50}/2025.\n`);
    let server: ServerSession | undefined;
    try {
      let said = '';
      let ended!: () => void;
      const end = new Promise<void>((resolve) => (ended = resolve));
      server = await startServer({}, root, {
        onProgress: (token, value) => {
          if (value.kind === 'begin') void server?.connection.sendNotification(WorkDoneProgressCancelNotification.type, { token });
          if (value.kind === 'report' && value.message) said = value.message;
          if (value.kind === 'end') ended();
        },
      });
      await end;
      const [done, total] = said.split(/[/ ]/).map(Number);
      assert.match(said, /\(cancelled\)$/);
      assert.equal(total, count);
      assert.ok(done < count, said);
      const listed = await symbols(server, 'CHN/HR/2025');
      assert.ok(listed.length <= done, `${listed.length} notes answered, ${done} read`);
    } finally {
      await server?.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('protocol: workspace diagnostics', () => {
  let folder: ReturnType<typeof makeFolder>;
  before(() => {
    folder = makeFolder('diplonote-checks-');
  });
  after(() => rmSync(folder.root, { recursive: true, force: true }));

  /** What the check of the folder must find, by file: the seeded mismatch and the missing counterpart. */
  function assertFindings(byUri: ReadonlyMap<string, readonly Diagnostic[]>): void {
    const codes = [...byUri].filter(([, items]) => items.length > 0).map(([uri, items]) => `${nameOf(uri)}: ${[...new Set(items.map((d) => d.code))].join(',')}`).sort();
    assert.deepEqual(codes, ['follow-up.zh.note: link-missing', 'mismatch.note: number-mismatch']);
    assert.deepEqual([...byUri.keys()].map(nameOf).sort(), ['al-chn-4-2025.note', 'follow-up.zh.note', 'mismatch.note', 'reply.en.note', 'reply.zh.note']);
  }

  it('pulled: held until Check Workspace runs, then every note streamed with progress; after a change only that note', async function () {
    this.timeout(60000);
    const progress = new ProgressLog();
    const server = await startServer({}, folder.root, {
      onProgress: progress.record,
      capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { diagnostics: { refreshSupport: true } } },
    });
    try {
      assert.equal(server.initializeResult.capabilities.diagnosticProvider && 'workspaceDiagnostics' in server.initializeResult.capabilities.diagnosticProvider
        ? server.initializeResult.capabilities.diagnosticProvider.workspaceDiagnostics : false, true);
      await progress.firstEnd; // the index
      const streamed = new Map<string, Diagnostic[]>();
      const resultIds = new Map<string, string>();
      const partialResultToken = 'workspace-pull-1';
      const keep = (items: readonly WorkspaceDocumentDiagnosticReport[]) => {
        for (const item of items) {
          if (item.kind === 'full') streamed.set(item.uri, item.items);
          if (item.resultId) resultIds.set(item.uri, item.resultId);
        }
      };
      server.connection.onProgress(WorkspaceDiagnosticRequest.partialResult, partialResultToken, (partial) => keep(partial.items));
      let answered = false;
      const pulled = server.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds: [], partialResultToken }).then((report) => {
        answered = true;
        return report;
      });
      // Held: asking the index for something else is answered meanwhile, and the pull is not.
      await symbols(server, 'CHN');
      assert.equal(answered, false, 'the workspace pull waits for the command');
      const summary = (await server.connection.sendRequest(ExecuteCommandRequest.type, { command: CHECK_WORKSPACE_COMMAND, arguments: [] })) as CheckWorkspaceResult;
      keep((await pulled).items);
      assertFindings(streamed);
      assert.deepEqual(summary, { notes: 5, findings: [...streamed.values()].reduce((n, items) => n + items.length, 0) });
      assert.ok(progress.events.some((e) => e.value.kind === 'begin' && /checking/i.test(e.value.title)), 'progress of the check');

      // The next pull is held until a note changes, and then answers that note only.
      const previousResultIds = [...resultIds].map(([uri, value]) => ({ uri, value }));
      const next = server.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds });
      writeFileSync(folder.file('mismatch.note'), 'On 1 March 2025, China repatriated 210 nationals.\n\n2025年3月1日，中方遣返了210名公民。\n');
      await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: folder.uriOf('mismatch.note'), type: FileChangeType.Changed }] });
      const changed = await next;
      assert.deepEqual(changed.items.map((item) => [nameOf(item.uri), item.kind, item.kind === 'full' ? item.items.length : -1]), [['mismatch.note', 'full', 0]]);
      copyFileSync(SEEDED_MISMATCH, folder.file('mismatch.note'));
    } finally {
      await server.stop();
    }
  });

  it('pulled: an open note\'s findings come with textDocument/diagnostic', async () => {
    const server = await startServer({}, folder.root, { capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } } });
    try {
      const uri = folder.uriOf('replies/follow-up.zh.note');
      await server.open(uri, FOLLOW_UP);
      const report = await server.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
      assert.deepEqual(report.kind === 'full' ? report.items.map((d) => d.code) : report.kind, ['link-missing']);
    } finally {
      await server.stop();
    }
  });

  it('pushed: Check Workspace publishes the findings of every note to a client that does not pull', async function () {
    this.timeout(60000);
    const server = await startServer({}, folder.root);
    try {
      const published = new Map<string, Diagnostic[]>();
      server.connection.onNotification(PublishDiagnosticsNotification.type, (params) => published.set(params.uri, params.diagnostics));
      const summary = (await server.connection.sendRequest(ExecuteCommandRequest.type, { command: CHECK_WORKSPACE_COMMAND, arguments: [] })) as CheckWorkspaceResult;
      assertFindings(published);
      assert.equal(summary.notes, 5);
    } finally {
      await server.stop();
    }
  });
});
