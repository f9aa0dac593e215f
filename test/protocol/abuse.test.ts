/**
 * The spawned server under misuse: requests out of order in its lifecycle, positions and URIs that do
 * not exist, invalid incremental ranges, long random edit sequences, many open/close cycles, and
 * cancellation. Each case ends by checking that the server still answers, and with the same text as
 * the client holds.
 */
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import {
  CancellationTokenSource, createProtocolConnection, DefinitionRequest, LogMessageNotification, MessageType, DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification, DocumentHighlightRequest, DocumentSymbolRequest, ErrorCodes,
  ExitNotification, FoldingRangeRequest, InitializeRequest, LSPErrorCodes, ResponseError, SelectionRangeRequest, ShutdownRequest,
  StreamMessageReader, StreamMessageWriter, type DocumentSymbol, type Position, type ProtocolConnection, type Range,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyse } from '../../server/src/core/analyse';
import { outlineOf, type OutlineItem } from '../../server/src/core/outline';
import { HELD_REQUEST } from '../../server/src/protocol';
import { REPO_ROOT, SERVER_PATH, startServer, type ServerSession } from '../support/serverConnection';

const SEED_TEXT = readFileSync(path.join(REPO_ROOT, 'samples', 'ohchr-reply-al-chn-4-2025.note'), 'utf8');

interface BareServer {
  readonly child: ChildProcessWithoutNullStreams;
  readonly connection: ProtocolConnection;
  readonly exited: Promise<number | null>;
}

/** A server spawned without the harness's initialize, to misuse its lifecycle. */
function spawnBare(): BareServer {
  const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: 'pipe' });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.listen();
  return { child, connection, exited };
}

async function errorCodeOf(request: Promise<unknown>): Promise<number | 'answered'> {
  try {
    await request;
    return 'answered';
  } catch (error) {
    assert.ok(error instanceof ResponseError, String(error));
    return error.code;
  }
}

const symbolsOf = (connection: ProtocolConnection, uri: string) =>
  connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }) as Promise<DocumentSymbol[] | null>;

/** What the server must answer for `document`: the core's outline of the client's text, in protocol ranges. */
function expectedSymbols(document: TextDocument): unknown[] {
  const range = (span: { start: number; end: number }): Range => ({ start: document.positionAt(span.start), end: document.positionAt(span.end) });
  const shape = (item: OutlineItem): unknown => ({
    name: item.name, detail: item.detail, range: range(item.span), selectionRange: range(item.selection), children: item.children.map(shape),
  });
  return outlineOf(analyse(document.getText())).map(shape);
}

function shapeOf(symbol: DocumentSymbol): unknown {
  return {
    name: symbol.name, detail: symbol.detail ?? '', range: symbol.range, selectionRange: symbol.selectionRange,
    children: (symbol.children ?? []).map(shapeOf),
  };
}

async function assertSameView(connection: ProtocolConnection, document: TextDocument, note: string): Promise<void> {
  const symbols = await symbolsOf(connection, document.uri);
  assert.deepEqual((symbols ?? []).map(shapeOf), expectedSymbols(document), note);
}

describe('protocol abuse', () => {
  describe('lifecycle', () => {
    let bare: BareServer;
    beforeEach(() => {
      bare = spawnBare();
    });
    afterEach(() => {
      if (bare.child.exitCode === null) bare.child.kill('SIGKILL');
      bare.connection.dispose();
    });

    const initialize = () => bare.connection.sendRequest(InitializeRequest.type, { processId: null, rootUri: null, capabilities: {} });
    const askSymbols = () => errorCodeOf(bare.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: 'file:///none.note' } }));
    const exitCode = async () => {
      await bare.connection.sendNotification(ExitNotification.type);
      return bare.exited;
    };

    it('answers a request before initialize with ServerNotInitialized, and still initializes afterwards', async () => {
      assert.equal(await askSymbols(), ErrorCodes.ServerNotInitialized);
      assert.ok((await initialize()).capabilities.documentSymbolProvider);
      await bare.connection.sendRequest(ShutdownRequest.type);
      assert.equal(await exitCode(), 0);
    });

    it('answers requests after shutdown with InvalidRequest, and exits with 0 on exit', async () => {
      await initialize();
      await bare.connection.sendRequest(ShutdownRequest.type);
      assert.equal(await askSymbols(), ErrorCodes.InvalidRequest);
      assert.equal(await exitCode(), 0);
    });

    it('exits with 1 on exit without shutdown', async () => {
      await initialize();
      assert.equal(await exitCode(), 1);
    });
  });

  describe('an initialized server', () => {
    let server: ServerSession;
    before(async () => {
      // Test hooks and --expose-gc: memory is read as what the server holds, counted, and its heap after a full collection.
      server = await startServer({}, undefined, { nodeArgs: ['--expose-gc'], initializationOptions: { testHooks: true } });
    });
    after(async () => server.stop());

    it('answers unknown URIs and out-of-range positions with null or empty results', async () => {
      const { connection } = server;
      const unknown = { uri: 'file:///does/not/exist.note' };
      assert.equal(await symbolsOf(connection, unknown.uri), null);
      assert.equal(await connection.sendRequest(FoldingRangeRequest.type, { textDocument: unknown }), null);
      assert.equal(await connection.sendRequest(DefinitionRequest.type, { textDocument: unknown, position: { line: 0, character: 0 } }), null);
      const uri = await server.open('file:///tmp/abuse-range.note', SEED_TEXT);
      const far: Position[] = [{ line: 1e6, character: 0 }, { line: 3, character: 1e6 }, { line: 2 ** 31 - 1, character: 2 ** 31 - 1 }];
      for (const position of far) {
        const definition = await connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position });
        assert.ok(definition === null || Array.isArray(definition), JSON.stringify(definition));
        const highlights = await connection.sendRequest(DocumentHighlightRequest.type, { textDocument: { uri }, position });
        assert.ok(highlights === null || Array.isArray(highlights));
      }
      const selections = await connection.sendRequest(SelectionRangeRequest.type, { textDocument: { uri }, positions: far });
      assert.equal(selections?.length, far.length);
      await assertSameView(connection, TextDocument.create(uri, 'diplomatic-note', 1, SEED_TEXT), 'after the out-of-range requests');
    });

    it('refuses malformed requests with InvalidParams, and logs no failure (found by the fuzzer)', async () => {
      const { connection } = server;
      const failures: string[] = [];
      const listening = connection.onNotification(LogMessageNotification.type, ({ type, message }) => {
        if (type === MessageType.Error) failures.push(message);
      });
      const uri = await server.open('file:///tmp/abuse-malformed.note', SEED_TEXT);
      const textDocument = { uri };
      const malformed: Array<[string, unknown]> = [
        ['textDocument/completion', { textDocument }],
        ['textDocument/hover', { textDocument, position: { line: 'x', character: 0 } }],
        ['textDocument/definition', { textDocument, position: { line: -1, character: 0 } }],
        ['textDocument/references', { textDocument }],
        ['textDocument/selectionRange', { textDocument, positions: 'all' }],
        ['textDocument/codeAction', { textDocument }],
        ['textDocument/codeLens', { uri }],
        ['textDocument/diagnostic', { uri }],
        ['textDocument/documentSymbol', { textDocument: { uri: 42 } }],
        ['textDocument/foldingRange', null],
      ];
      for (const [method, params] of malformed) {
        assert.equal(await errorCodeOf(connection.sendRequest(method, params)), ErrorCodes.InvalidParams, `${method} ${JSON.stringify(params)}`);
      }
      // Well formed but for what it sends back: diagnostics the client made up are passed over.
      const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
      const actions = await connection.sendRequest('textDocument/codeAction', {
        textDocument, range, context: { diagnostics: [null, { source: 'diplonote', code: 'number-mismatch', range: 'here' }], only: 'quickfix' },
      });
      assert.ok(Array.isArray(actions), JSON.stringify(actions));
      const references = await connection.sendRequest('textDocument/references', { textDocument, position: range.start });
      assert.ok(references === null || Array.isArray(references), 'references without a context: none asked for the declaration');
      await symbolsOf(connection, uri);
      listening.dispose();
      assert.deepEqual(failures, []);
    });

    it('applies invalid incremental ranges (beyond the end, reversed) as the client library does, without crashing', async () => {
      const uri = await server.open('file:///tmp/abuse-ranges.note', SEED_TEXT);
      let document = TextDocument.create(uri, 'diplomatic-note', 1, SEED_TEXT);
      const changes: Array<{ range: Range; text: string }> = [
        { range: { start: { line: 500, character: 0 }, end: { line: 900, character: 4 } }, text: '\nappended past the end' },
        { range: { start: { line: 20, character: 40 }, end: { line: 10, character: 3 } }, text: 'reversed' },
        { range: { start: { line: 5, character: 1e6 }, end: { line: 5, character: 1e6 } }, text: 'past the line end' },
        { range: { start: { line: 0, character: 0 }, end: { line: 1e6, character: 1e6 } }, text: 'everything replaced\r\n\r\nFirst, 一是' },
      ];
      for (const change of changes) {
        document = TextDocument.update(document, [change], document.version + 1);
        await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: document.version }, contentChanges: [change] });
        await assertSameView(server.connection, document, `after ${JSON.stringify(change.range)}`);
      }
    });

    it('ends 10,000 random incremental edits with the same text as the client', async function () {
      this.timeout(60000);
      const uri = await server.open('file:///tmp/abuse-edits.note', SEED_TEXT);
      let document = TextDocument.create(uri, 'diplomatic-note', 1, SEED_TEXT);
      const edits = fc.sample(randomEdit, { numRuns: 10000, seed: 20261128 });
      for (const [k, edit] of edits.entries()) {
        const change = edit(document);
        document = TextDocument.update(document, [change], document.version + 1);
        void server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: document.version }, contentChanges: [change] });
        if ((k + 1) % 2500 === 0) await assertSameView(server.connection, document, `after ${k + 1} edits`);
      }
    });

    /** Cycles in flight at once, as an editor restoring a session opens many files. */
    const PIPELINED = 10;
    /**
     * The heap after a full collection, once the first cycles have compiled and sized everything, and
     * again 1,000 cycles later. Keeping every closed note (text, analysis, alignment) would add about
     * 60 MiB per 1,000 cycles; what is left must be far less.
     */
    const WARM_UP_CYCLES = 300;
    const MARGIN_MB = 10;
    const MIB = 1024 * 1024;

    it(`holds nothing of closed notes after 1,000 open/close cycles, and its heap comes back (margin ${MARGIN_MB} MiB)`, async function () {
      this.timeout(120_000);
      const held = () => server.connection.sendRequest(HELD_REQUEST, null);
      const cycle = async (k: number) => {
        const uri = `file:///tmp/abuse-cycle-${k}.note`;
        await server.open(uri, SEED_TEXT.replace('5,415', String(k)));
        await Promise.all([
          symbolsOf(server.connection, uri),
          server.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line: 26, character: 5 } }),
        ]);
        await server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
      };
      const cycles = async (from: number, to: number) => {
        for (let k = from; k < to; k += PIPELINED) await Promise.all(Array.from({ length: PIPELINED }, (_, j) => cycle(k + j)));
      };
      const before = await held();
      await cycles(0, WARM_UP_CYCLES);
      const baseline = await held();
      await cycles(WARM_UP_CYCLES, WARM_UP_CYCLES + 1000);
      const after = await held();
      const { heapUsedAfterGc: heapBefore, ...countsBefore } = before;
      const { heapUsedAfterGc: heapAfter, ...countsAfter } = after;
      assert.deepEqual(countsAfter, countsBefore, 'what the server holds per document, before the cycles and after');
      assert.ok(baseline.heapUsedAfterGc !== null && heapAfter !== null && heapBefore !== null, 'the server runs with --expose-gc');
      const grown = (heapAfter - baseline.heapUsedAfterGc) / MIB;
      console.log(`      heap after a full collection: ${(baseline.heapUsedAfterGc / MIB).toFixed(1)} MiB after ${WARM_UP_CYCLES} cycles, ${(heapAfter / MIB).toFixed(1)} MiB after 1,000 more`);
      assert.ok(grown <= MARGIN_MB, `the heap grew by ${grown.toFixed(1)} MiB`);
      assert.equal(await symbolsOf(server.connection, 'file:///tmp/abuse-cycle-500.note'), null, 'a closed document is forgotten');
    });

    it('answers, or reports as cancelled, a cancelled request on a large document, and stays responsive', async function () {
      this.timeout(60000);
      const large = Array.from({ length: 150 }, (_, k) => SEED_TEXT.replaceAll('2025', String(1900 + k))).join('\n\n');
      const uri = await server.open('file:///tmp/abuse-large.note', large);
      const slow = new CancellationTokenSource();
      const queued = new CancellationTokenSource();
      const definition = server.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line: 26, character: 5 } }, slow.token);
      const symbols = server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }, queued.token);
      slow.cancel();
      queued.cancel();
      for (const outcome of await Promise.all([errorCodeOf(definition), errorCodeOf(symbols)])) {
        assert.ok(outcome === 'answered' || outcome === LSPErrorCodes.RequestCancelled, `outcome ${outcome}`);
      }
      const document = TextDocument.create(uri, 'diplomatic-note', 1, large);
      await assertSameView(server.connection, document, 'after the cancelled requests');
    });
  });
});

/** A random edit of the current document: mostly valid ranges, some beyond the end or reversed. */
const randomEdit = fc
  .record({
    at: fc.nat(),
    length: fc.nat({ max: 40 }),
    insert: fc.oneof(
      fc.constantFrom('', 'x', ' ', '\n', '\r\n', '\n\n', 'First, ', '一是', '（一）', '(a) ', '1. ', '- 2 -', '。', '😀', '%% note\n', '顺致崇高的敬意。'),
      fc.string({ unit: 'binary', maxLength: 8 }),
    ),
    shape: fc.constantFrom('valid', 'valid', 'valid', 'valid', 'valid', 'valid', 'beyond', 'reversed'),
  })
  .map(({ at, length, insert, shape }) => (document: TextDocument): TextDocumentContentChangeEvent => {
    const size = document.getText().length;
    const start = at % (size + 1);
    const end = Math.min(size, start + length);
    if (shape === 'beyond') return { range: { start: document.positionAt(start), end: { line: document.lineCount + 5, character: 3 } }, text: insert };
    const range = { start: document.positionAt(start), end: document.positionAt(end) };
    return { range: shape === 'reversed' ? { start: range.end, end: range.start } : range, text: insert };
  });
