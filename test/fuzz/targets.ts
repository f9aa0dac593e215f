/**
 * Fuzz targets: the real server over stdio (requests, edits, settings, commands) and the real CLI in a
 * child process, each fed generated input by fast-check. A run fails, with what it found, when:
 * the server logs an internal failure, answers with an internal error, dies or stops answering; the
 * CLI exits other than 0, 1 or 2, is killed, or prints a stack trace; either of them writes a file
 * outside the folder it was given, or asks the editor to edit anything but a glossary of the workspace.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import {
  ApplyWorkspaceEditRequest, DidChangeConfigurationNotification, DidChangeTextDocumentNotification, DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification, DocumentSymbolRequest, ErrorCodes, FileChangeType, LogMessageNotification, MessageType,
  ResponseError, type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { CLI } from '../support/cli';
import { startServer, type ClientSettings, type ServerSession } from '../support/serverConnection';
import { anyValue, glossaryCsv, HOSTILE_PATHS, note, position, projectFileText, settingsJson } from './inputs';

/** A place to fuzz in: a workspace folder, and a folder beside it that nothing may write to. */
export interface Playground {
  readonly root: string;
  readonly workspace: string;
  readonly outside: string;
  /** Every file under the folder beside the workspace, with its size and modification time. */
  outsideState(): string;
  dispose(): void;
}

export function makePlayground(): Playground {
  const root = mkdtempSync(path.join(tmpdir(), 'diplonote-fuzz-'));
  const workspace = path.join(root, 'ws');
  const outside = path.join(root, 'outside');
  mkdirSync(path.join(workspace, 'sub'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(path.join(outside, 'x.note'), 'Outside the workspace: 9,999 cases.\n\n工作区外：9999起。\n');
  writeFileSync(path.join(outside, 'outside.glossary.csv'), 'en,zh\noutside term,外部术语\n');
  writeFileSync(path.join(workspace, 'partner.zh.note'), '代表团报告了5416起案件。\n');
  writeFileSync(path.join(workspace, 'team.glossary.csv'), 'en,zh\ncharter flight,包机\n');
  writeFileSync(path.join(workspace, 'sentinel.note'), 'The Mission reports 5,415 cases.\n\n代表团报告了5415起案件。\n');
  symlinkSync(path.join(outside, 'x.note'), path.join(workspace, 'link-out.note'));
  const outsideState = () => readdirSync(outside).sort().map((name) => {
    const stat = statSync(path.join(outside, name));
    return `${name}:${stat.size}:${stat.mtimeMs}`;
  }).join('\n');
  return { root, workspace, outside, outsideState, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

export interface FuzzOptions {
  readonly seed: number;
  readonly numRuns: number;
  /** Stop generating new runs after this long (the fuzz script's budget); none in the unit suite. */
  readonly interruptAfterTimeLimit?: number;
  /** A request unanswered this long is a finding (a hang); none in the unit suite, whose time-out is the limit. */
  readonly answerLimitMs?: number;
}

/** Error codes a request may be refused with: the server said no, and why. */
const REFUSALS = new Set<number>([
  ErrorCodes.InvalidParams, ErrorCodes.InvalidRequest, ErrorCodes.MethodNotFound, -32800 /* RequestCancelled */, -32801 /* ContentModified */,
]);

/** The server under fuzzing, with what it logged and what it asked the editor to edit. */
export class FuzzedServer {
  readonly failures: string[] = [];
  /** The end of what the server wrote to its standard error: why it died, when it does. */
  stderr = '';
  private version = 1;
  private count = 0;

  private constructor(readonly session: ServerSession, readonly playground: Playground, readonly settings: ClientSettings, private readonly options: FuzzOptions) {}

  static async start(playground: Playground, options: FuzzOptions): Promise<FuzzedServer> {
    const settings: ClientSettings = {};
    const session = await startServer(settings, playground.workspace, {
      capabilities: { workspace: { applyEdit: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } } },
    });
    const server = new FuzzedServer(session, playground, settings, options);
    session.process.stderr.on('data', (chunk: Buffer) => {
      server.stderr = (server.stderr + chunk.toString('utf8')).slice(-20_000);
    });
    session.process.once('exit', (code, signal) => server.failures.push(`the server exited (${signal ?? code}): ${server.stderr}`));
    session.connection.onNotification(LogMessageNotification.type, ({ type, message }) => {
      if (type === MessageType.Error) server.failures.push(`logged: ${message.slice(0, 2000)}`);
    });
    session.connection.onRequest(ApplyWorkspaceEditRequest.type, ({ edit }) => {
      for (const uri of editedUris(edit)) {
        const inside = uri.startsWith(pathToFileURL(playground.workspace).toString() + '/');
        if (!inside || !/\.glossary\.(csv|tsv|json)$/.test(uri)) server.failures.push(`asked to edit ${uri}`);
      }
      return { applied: false, failureReason: 'the fuzzer applies no edit' };
    });
    return server;
  }

  nextUri(suffix = '.note'): string {
    return pathToFileURL(path.join(this.playground.workspace, `fuzz-${this.count++}${suffix}`)).toString();
  }

  /** Sends a request; an answer or a refusal is fine, an internal error or no answer is a finding. */
  async request(method: string, params: unknown): Promise<unknown> {
    const limit = this.options.answerLimitMs;
    let timer: NodeJS.Timeout | undefined;
    const hung = limit === undefined ? new Promise<never>(() => undefined)
      : new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${method}: no answer in ${limit} ms`)), limit);
      });
    try {
      return await Promise.race([this.session.connection.sendRequest(method, params), hung]);
    } catch (error) {
      if (error instanceof ResponseError && REFUSALS.has(error.code)) return undefined;
      this.failures.push(`${method} ${JSON.stringify(params)?.slice(0, 500)}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  async open(uri: string, text: string): Promise<void> {
    this.version = 1;
    await this.session.open(uri, text);
  }

  async edit(uri: string, range: unknown, text: string): Promise<void> {
    await this.session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: ++this.version }, contentChanges: [{ range, text } as never],
    });
  }

  async close(uri: string): Promise<void> {
    await this.session.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** After a run: the server alive and answering, nothing logged, nothing written beside the workspace. */
  async assertSound(outsideBefore: string): Promise<void> {
    const sentinel = pathToFileURL(path.join(this.playground.workspace, 'sentinel.note')).toString();
    await this.session.open(sentinel, 'The Mission reports 5,415 cases.\n\n代表团报告了5415起案件。\n');
    const symbols = await this.request(DocumentSymbolRequest.method, { textDocument: { uri: sentinel } });
    await this.close(sentinel);
    assert.equal(this.session.process.exitCode, null, `the server died: ${this.failures.join('\n')}`);
    assert.ok(Array.isArray(symbols), `the server no longer answers: ${this.failures.join('\n')}`);
    assert.equal(this.playground.outsideState(), outsideBefore, 'a file beside the workspace was written');
    const found = this.failures.splice(0);
    assert.deepEqual(found, [], found.join('\n'));
  }

  /** Runs one fuzz run; what the server logged or wrote before it died goes with a failure. */
  async run(body: () => Promise<void>): Promise<void> {
    const outside = this.playground.outsideState();
    try {
      await body();
    } catch (error) {
      throw new Error(`${error instanceof Error ? error.message : String(error)}\n${this.failures.splice(0).join('\n')}`);
    }
    await this.assertSound(outside);
  }

  stop(): Promise<void> {
    return this.session.stop();
  }
}

function editedUris(edit: WorkspaceEdit): string[] {
  return [
    ...Object.keys(edit.changes ?? {}),
    ...(edit.documentChanges ?? []).map((change) => ('textDocument' in change ? change.textDocument.uri : 'uri' in change ? change.uri : change.oldUri)),
  ];
}

/** Where a note or argument points: a note of the run, or one of the hostile paths as a URI or raw. */
function uriChoice(server: FuzzedServer, own: string): fc.Arbitrary<unknown> {
  const workspace = server.playground.workspace;
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant(own) },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_PATHS).map((p) => pathToFileURL(path.resolve(workspace, p)).toString()) },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_PATHS, `${own}?/x.note`, own.replace('file:', 'untitled:'), own.toUpperCase()) },
    { weight: 1, arbitrary: anyValue },
  );
}

/** Parameters every request of the server can read what it needs from, or something else entirely. */
function paramsFor(server: FuzzedServer, uri: string): fc.Arbitrary<unknown> {
  const target = uriChoice(server, uri);
  const soup = fc.record({
    textDocument: fc.oneof({ weight: 5, arbitrary: target.map((u) => ({ uri: u })) }, { weight: 1, arbitrary: anyValue }),
    uri: target,
    position,
    positions: fc.array(position, { maxLength: 3 }),
    range: fc.record({ start: position, end: position }),
    context: fc.oneof(fc.constant({ includeDeclaration: true, diagnostics: [], triggerKind: 1 }), anyValue),
    query: fc.oneof(fc.string({ maxLength: 20 }), anyValue),
    previousResultIds: fc.constant([]),
    motivation: fc.oneof(fc.constantFrom('commenting', 'tagging', 'questioning', 'highlighting', 'replying'), anyValue),
    comment: fc.oneof(fc.string({ maxLength: 50 }), anyValue),
    tags: fc.oneof(fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }), anyValue),
    id: fc.oneof(fc.string({ maxLength: 10 }), anyValue),
    status: fc.oneof(fc.constantFrom('open', 'resolved'), anyValue),
  }, { requiredKeys: [] });
  return fc.oneof({ weight: 6, arbitrary: soup }, { weight: 1, arbitrary: anyValue });
}

const METHODS = [
  'textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/selectionRange', 'textDocument/definition',
  'textDocument/references', 'textDocument/documentHighlight', 'textDocument/codeLens', 'textDocument/hover',
  'textDocument/completion', 'textDocument/codeAction', 'textDocument/documentLink', 'textDocument/diagnostic', 'workspace/symbol',
  'diplonote/counterpart', 'diplonote/exportPairs', 'diplonote/explainStructure', 'diplonote/correspondence', 'diplonote/annotations',
  'diplonote/annotate', 'diplonote/updateAnnotation', 'diplonote/deleteAnnotation', 'diplonote/noSuchRequest',
];

/** The argument of `diplonote.addTermPair`: well formed but for one field, or anything. */
function termPairArgument(server: FuzzedServer, uri: string): fc.Arbitrary<unknown> {
  const text = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('x'.repeat(100_000), 'a\u0000b', 'a\u202eb', 'a\nb', 'constructor', ''), anyValue);
  return fc.oneof(
    fc.record({ uri: uriChoice(server, uri), language: fc.oneof(fc.constantFrom('en', 'zh'), anyValue), term: text, rendering: text, context: text }, { requiredKeys: [] }),
    anyValue,
  );
}

type Action =
  | { readonly kind: 'request'; readonly method: string; readonly params: unknown }
  | { readonly kind: 'edit'; readonly range: unknown; readonly text: string }
  | { readonly kind: 'command'; readonly command: string; readonly args: unknown };

function actions(server: FuzzedServer, uri: string): fc.Arbitrary<Action[]> {
  const action: fc.Arbitrary<Action> = fc.oneof(
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('request' as const), method: fc.constantFrom(...METHODS), params: paramsFor(server, uri) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('edit' as const), range: fc.record({ start: position, end: position }), text: note }) },
    { weight: 2, arbitrary: fc.record({
      kind: fc.constant('command' as const),
      command: fc.constantFrom('diplonote.addTermPair', 'diplonote.checkWorkspace', 'diplonote.noSuchCommand'),
      args: fc.oneof(termPairArgument(server, uri).map((a) => [a]), anyValue),
    }) },
  );
  return fc.array(action, { maxLength: 10 });
}

async function perform(server: FuzzedServer, uri: string, action: Action): Promise<void> {
  if (action.kind === 'edit') return server.edit(uri, action.range, action.text);
  if (action.kind === 'request') {
    await server.request(action.method, action.params);
    return;
  }
  await server.request('workspace/executeCommand', { command: action.command, arguments: action.args });
}

function fcParameters(options: FuzzOptions): fc.Parameters<unknown> {
  return { seed: options.seed, numRuns: options.numRuns, interruptAfterTimeLimit: options.interruptAfterTimeLimit };
}

/** Protocol and command arguments: a generated note opened, requests, edits and commands, then closed. */
export async function fuzzProtocol(server: FuzzedServer, options: FuzzOptions): Promise<fc.RunDetails<unknown>> {
  const uri = server.nextUri('.en.note');
  return fc.check(fc.asyncProperty(note, actions(server, uri), async (text, steps) => {
    await server.run(async () => {
      await server.open(uri, text);
      for (const step of steps) await perform(server, uri, step);
      await server.close(uri);
    });
  }), fcParameters(options) as fc.Parameters<[string, Action[]]>) as Promise<fc.RunDetails<unknown>>;
}

/** Settings and the project file: random values, then a note opened and its features asked for. */
export async function fuzzSettings(server: FuzzedServer, options: FuzzOptions): Promise<fc.RunDetails<unknown>> {
  const workspace = server.playground.workspace;
  const files = ['.diplonote.json', 'team.glossary.csv'].map((name) => pathToFileURL(path.join(workspace, name)).toString());
  return fc.check(fc.asyncProperty(settingsJson, projectFileText, glossaryCsv, note, async (section, projectText, csv, text) => {
    await server.run(async () => {
    server.settings.diplonote = section;
    writeFileSync(path.join(workspace, '.diplonote.json'), projectText);
    writeFileSync(path.join(workspace, 'team.glossary.csv'), csv);
    await server.session.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await server.session.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: files.map((uri) => ({ uri, type: FileChangeType.Changed })),
    });
    const uri = server.nextUri('.en.note');
    await server.open(uri, text);
    for (const method of ['textDocument/documentSymbol', 'textDocument/hover', 'textDocument/diagnostic', 'textDocument/codeLens']) {
      await server.request(method, { textDocument: { uri }, position: { line: 0, character: 1 } });
    }
    await server.request('workspace/executeCommand', { command: 'diplonote.checkWorkspace', arguments: [] });
    await server.close(uri);
    });
  }), fcParameters(options) as fc.Parameters<[unknown, string, string, string]>) as Promise<fc.RunDetails<unknown>>;
}

const CLI_WORDS = [
  'outline', 'align', 'check', 'export', 'index', 'help', '--help', '--version', '--json', '--csv', '--tmx', '--explain',
  '--format', 'text', 'json', 'sarif', 'xml', '--severity', 'hint', 'error', 'none', '--out', '--out=out.tmx', '--jsonl', 'jsonl-out',
  '--stdin-name', '-', '--', 'a.note', 'b.en.note', 'b.zh.note', '.', 'sub', '**/*.note', '{a,b}*.note', '[', 'team.glossary.csv',
  '.diplonote.json', 'missing.note', '../outside/x.note', 'link-out.note', '/dev/null', '/dev/zero', '/proc/self/pagemap', '/proc/self/environ',
];

/** A crash, not a refusal: Node's stack trace or an uncaught error's name at a line start. */
const CRASH = /^\s+at .+[(:]\d+|^(TypeError|RangeError|ReferenceError|SyntaxError|Error):|Maximum call stack|FATAL ERROR|heap out of memory/m;

/** The CLI: generated notes, glossary and project file in a fresh folder, random arguments and standard input. */
export async function fuzzCli(playground: Playground, options: FuzzOptions): Promise<fc.RunDetails<unknown>> {
  const argument = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...CLI_WORDS) },
    // Random words never name a path of their own outside the run's folder (--out would write there).
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }).map((word) => word.replace(/[/\\]/g, '_').replace(/^~/, '_')) },
  );
  let run = 0;
  return fc.check(fc.asyncProperty(
    fc.record({ a: note, en: note, zh: note, csv: glossaryCsv, project: projectFileText }), fc.array(argument, { maxLength: 8 }), note,
    async (files, args, input) => {
      const outside = playground.outsideState();
      const folder = path.join(playground.workspace, `cli-${run++}`);
      mkdirSync(path.join(folder, 'sub'), { recursive: true });
      writeFileSync(path.join(folder, 'a.note'), files.a);
      writeFileSync(path.join(folder, 'b.en.note'), files.en);
      writeFileSync(path.join(folder, 'b.zh.note'), files.zh);
      writeFileSync(path.join(folder, 'team.glossary.csv'), files.csv);
      writeFileSync(path.join(folder, '.diplonote.json'), files.project);
      symlinkSync(path.join(playground.outside, 'x.note'), path.join(folder, 'link-out.note'));
      const result = spawnSync(process.execPath, [CLI, ...args], {
        cwd: folder, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' },
        ...(options.answerLimitMs !== undefined ? { timeout: options.answerLimitMs } : {}),
      });
      rmSync(folder, { recursive: true, force: true });
      const shown = `diplonote ${JSON.stringify(args)}`;
      assert.equal(result.signal, null, `${shown}: killed by ${result.signal}`);
      assert.ok(result.status === 0 || result.status === 1 || result.status === 2, `${shown}: exit status ${result.status}\n${result.stderr}`);
      assert.doesNotMatch(result.stderr, CRASH, `${shown}: crashed\n${result.stderr.slice(0, 3000)}`);
      if (result.status === 2) assert.ok(result.stderr.trim() !== '', `${shown}: exit 2 without a word`);
      assert.equal(playground.outsideState(), outside, `${shown}: a file beside the folder was written`);
    },
  ), fcParameters(options) as fc.Parameters<[Record<string, string>, string[], string]>) as Promise<fc.RunDetails<unknown>>;
}
