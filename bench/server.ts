/**
 * The real server over stdio, spoken to as an editor speaks to it (the protocol tests' harness):
 * cold start, open → outline, open → diagnostics, one keystroke → outline (and diagnostics) again,
 * hover and definition at random positions, and the server's peak resident memory.
 * A request the server does not offer is reported as null ("n/a" in the table), never guessed.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  DefinitionRequest, DidChangeTextDocumentNotification, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest, DocumentSymbolRequest, FoldingRangeRequest, HoverRequest, PublishDiagnosticsNotification, type Position,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startServer, type ServerSession } from '../test/support/serverConnection';
import { seededRandom } from './corpus';
import { summarise, timeRunsAsync, type Summary } from './stats';

export interface ServerSizeResult {
  readonly corpus: string;
  readonly bytes: number;
  readonly openToOutline: Summary;
  readonly openToDiagnostics: Summary | null;
  readonly keystrokeToOutline: Summary;
  readonly keystrokeToDiagnostics: Summary | null;
  /**
   * One keystroke → folding ranges: the same fresh analysis and outline as the outline request, with
   * a small answer; the outline's answer (below) is mostly JSON to write and read.
   */
  readonly keystrokeToFolding: Summary | null;
  /** Size of the document-symbol answer as JSON, KiB. */
  readonly outlineAnswerKb: number;
  /** The first definition of a version aligns the two language versions; later ones look up. */
  readonly firstDefinition: Summary | null;
  readonly definition: Summary | null;
  /** How many of the random definitions found a counterpart (the rest answered null: no counterpart there). */
  readonly definitionsFound: number;
  /** A keystroke, then a definition: re-analysis and re-alignment of the edited version. */
  readonly keystrokeToDefinition: Summary | null;
  readonly hover: Summary | null;
  /** VmHWM of a fresh server after one open, its outline and its diagnostics: the note open, nothing else, MiB. */
  readonly peakRssOneOpenMb: number;
  /** VmHWM of the server process after the opens (several opens and closes, outline, diagnostics), MiB. */
  readonly peakRssAfterOpenMb: number;
  /** VmHWM of the server process after all the size's measurements, MiB. */
  readonly peakRssMb: number;
}

export interface RunCounts {
  readonly opens: number;
  readonly keystrokes: number;
  readonly lookups: number;
  readonly realignments: number;
}

/** Spawn → `initialize` answered, `runs` times. */
export async function measureColdStart(runs: number): Promise<Summary> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const session = await startServer();
    times.push(performance.now() - start);
    await session.stop();
  }
  return summarise(times);
}

/**
 * How long a wait for pushed diagnostics lasts before the server is taken to publish none (the first
 * wait) or the figure is dropped: long, because a server that publishes may be slow to do it for a
 * long note on a machine loaded by other work (opening and checking 1 MB once took 15 s there).
 */
const MAX_DIAGNOSTICS_WAIT_MS = 60_000;

/**
 * Waits for `textDocument/publishDiagnostics` of one version of a document (the empty list a server
 * sends when a document closes names no version, and does not count); knows whether the server
 * publishes at all.
 */
class DiagnosticsWatch {
  private readonly waiting = new Map<string, { version: number; resolve: () => void }>();
  publishes: boolean | undefined;

  constructor(session: ServerSession) {
    session.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const waiter = this.waiting.get(params.uri);
      if (params.version === undefined || waiter?.version !== params.version) return;
      this.publishes = true;
      waiter.resolve();
      this.waiting.delete(params.uri);
    });
  }

  /** Resolves when diagnostics for `version` of `uri` arrive, or after MAX_DIAGNOSTICS_WAIT_MS. */
  next(uri: string, version: number): Promise<void> {
    return new Promise((resolve) => {
      const waiter = { version, resolve };
      this.waiting.set(uri, waiter);
      // The timer of an earlier wait that was answered must not end a later one.
      setTimeout(() => {
        if (this.waiting.get(uri) !== waiter) return;
        this.publishes ??= false;
        this.waiting.delete(uri);
        resolve();
      }, MAX_DIAGNOSTICS_WAIT_MS);
    });
  }
}

export async function measureServerSize(label: string, file: string, counts: RunCounts): Promise<ServerSizeResult> {
  const text = readFileSync(file, 'utf8');
  const uri = pathToFileURL(file).toString();
  const peakRssOneOpenMb = await peakWithOneOpen(uri, text);
  const session = await startServer();
  try {
    const probe = new SizeProbe(session, uri, text);
    const opened = await probe.opens(counts.opens);
    const peakRssAfterOpenMb = peakRssMb(session.process.pid);
    const lookups = await probe.lookups(counts.lookups);
    const keystrokes = await probe.keystrokes(counts.keystrokes);
    const keystrokeToDefinition = await probe.keystrokesThenDefinition(counts.realignments);
    const keystrokeToFolding = await probe.keystrokesThenFolding(counts.keystrokes);
    return {
      corpus: label,
      bytes: Buffer.byteLength(text, 'utf8'),
      ...opened,
      ...keystrokes,
      keystrokeToFolding,
      outlineAnswerKb: Math.round(Buffer.byteLength(JSON.stringify(await probe.outline()), 'utf8') / 1024),
      ...lookups,
      keystrokeToDefinition,
      peakRssOneOpenMb,
      peakRssAfterOpenMb,
      peakRssMb: peakRssMb(session.process.pid),
    };
  } finally {
    await session.stop();
  }
}

/** A fresh server's memory high-water mark once the note is open, outlined and checked. */
async function peakWithOneOpen(uri: string, text: string): Promise<number> {
  const session = await startServer();
  try {
    await new SizeProbe(session, uri, text).opens(1);
    return peakRssMb(session.process.pid);
  } finally {
    await session.stop();
  }
}

class SizeProbe {
  private readonly diagnostics: DiagnosticsWatch;
  private document: TextDocument;
  private readonly random = seededRandom(2026);
  /** Where the simulated user types: the middle of the text, after a space. */
  private cursor: number;

  constructor(private readonly session: ServerSession, private readonly uri: string, text: string) {
    this.diagnostics = new DiagnosticsWatch(session);
    this.document = TextDocument.create(uri, 'diplomatic-note', 1, text);
    this.cursor = Math.max(0, text.indexOf(' ', Math.floor(text.length / 2)) + 1);
  }

  private get capabilities() {
    return this.session.initializeResult.capabilities;
  }

  /** didOpen → documentSymbol answered (and → diagnostics), `runs` times; the document stays open after the last. */
  async opens(runs: number): Promise<Pick<ServerSizeResult, 'openToOutline' | 'openToDiagnostics'>> {
    const outline: number[] = [];
    const diagnostics: number[] = [];
    for (let i = 0; i < runs; i++) {
      if (i > 0) await this.session.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: this.uri } });
      const start = performance.now();
      const published = this.diagnosticsAfter(this.document.version);
      await this.session.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: this.uri, languageId: 'diplomatic-note', version: 1, text: this.document.getText() },
      });
      await this.outline();
      outline.push(performance.now() - start);
      if (await published) diagnostics.push(performance.now() - start);
    }
    return { openToOutline: summarise(outline), openToDiagnostics: diagnostics.length > 0 ? summarise(diagnostics) : null };
  }

  /** One character typed, then the outline asked again (and diagnostics awaited). */
  async keystrokes(runs: number): Promise<Pick<ServerSizeResult, 'keystrokeToOutline' | 'keystrokeToDiagnostics'>> {
    const outline: number[] = [];
    const diagnostics: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      const published = this.diagnosticsAfter(this.document.version + 1);
      await this.type('x');
      await this.outline();
      outline.push(performance.now() - start);
      if (await published) diagnostics.push(performance.now() - start);
    }
    return { keystrokeToOutline: summarise(outline), keystrokeToDiagnostics: diagnostics.length > 0 ? summarise(diagnostics) : null };
  }

  /** Definition (and hover) at random positions; the first definition of the version is timed apart. */
  async lookups(runs: number): Promise<Pick<ServerSizeResult, 'firstDefinition' | 'definition' | 'definitionsFound' | 'hover'>> {
    const definitions = this.capabilities.definitionProvider ? await this.definitions(runs) : undefined;
    return {
      firstDefinition: definitions?.first ?? null,
      definition: definitions?.rest ?? null,
      definitionsFound: definitions?.found ?? 0,
      hover: await this.hovers(runs),
    };
  }

  private async definitions(runs: number): Promise<{ first: Summary; rest: Summary; found: number }> {
    let found = 0;
    const lookUp = async () => {
      const result = await this.definitionAt(this.randomPosition());
      if (Array.isArray(result) ? result.length > 0 : result !== null) found++;
    };
    const first = summarise(await timeRunsAsync(1, lookUp));
    const rest = summarise(await timeRunsAsync(runs, lookUp));
    return { first, rest, found };
  }

  async keystrokesThenFolding(runs: number): Promise<Summary | null> {
    if (!this.capabilities.foldingRangeProvider) return null;
    return summarise(await timeRunsAsync(runs, async () => {
      await this.type('x');
      await this.session.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: this.uri } });
    }));
  }

  async keystrokesThenDefinition(runs: number): Promise<Summary | null> {
    if (runs === 0 || !this.capabilities.definitionProvider) return null;
    return summarise(await timeRunsAsync(runs, async () => {
      await this.type('x');
      await this.definitionAt(this.randomPosition());
    }));
  }

  private async hovers(runs: number): Promise<Summary | null> {
    if (!this.capabilities.hoverProvider) return null;
    return summarise(await timeRunsAsync(runs, () =>
      this.session.connection.sendRequest(HoverRequest.type, { textDocument: { uri: this.uri }, position: this.randomPosition() })));
  }

  private definitionAt(position: Position): Promise<unknown> {
    return this.session.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: this.uri }, position });
  }

  outline(): Promise<unknown> {
    return this.session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: this.uri } });
  }

  private randomPosition(): Position {
    return this.document.positionAt(Math.floor(this.random() * this.document.getText().length));
  }

  /** An incremental change at the cursor, as an editor sends it for one typed character. */
  private async type(character: string): Promise<void> {
    const position = this.document.positionAt(this.cursor);
    const change = { range: { start: position, end: position }, text: character };
    this.document = TextDocument.update(this.document, [change], this.document.version + 1);
    this.cursor += character.length;
    await this.session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: this.uri, version: this.document.version },
      contentChanges: [change],
    });
  }

  /**
   * Resolves true when diagnostics for `version` of the document are available: pulled when the
   * server offers the pull model, pushed otherwise; false when the server offers neither.
   */
  private async diagnosticsAfter(version: number): Promise<boolean> {
    if (this.capabilities.diagnosticProvider) {
      await new Promise((resolve) => setImmediate(resolve)); // after the didOpen/didChange that follows
      await this.session.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: this.uri } });
      return true;
    }
    if (this.diagnostics.publishes === false) return false;
    await this.diagnostics.next(this.uri, version);
    return this.diagnostics.publishes === true;
  }
}

/** The high-water mark of the process's resident memory, from /proc (Linux). */
export function peakRssMb(pid: number | undefined): number {
  return statusMb(pid, 'VmHWM');
}

/** A memory figure of the process's /proc status (Linux), MiB. */
function statusMb(pid: number | undefined, field: 'VmHWM' | 'VmRSS'): number {
  if (pid === undefined) return NaN;
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Math.round(Number(match[1]) / 1024) : NaN;
}

export interface OpenCloseResult {
  readonly cycles: number;
  /** Resident memory after the first `WARM_CYCLES` cycles, when the server's own caches are made, MiB. */
  readonly rssAfterWarmUpMb: number;
  /** Resident memory after half the cycles, MiB: a closed note kept would add to it as much again by the end. */
  readonly rssAtHalfMb: number;
  /** Resident memory after all the cycles, MiB. */
  readonly rssAfterAllMb: number;
  readonly peakRssMb: number;
  /** One cycle: open, outline answered, close. */
  readonly cycle: Summary;
}

export const WARM_CYCLES = 20;

/**
 * Opens and closes one note `cycles` times in a fresh server, as fast as it answers (open, outline,
 * close): what a closed note held must be let go, so memory after the last cycle is about what it was
 * halfway (V8 keeps some of its heap between collections, so not what it was after the first few).
 * The diagnostics a close cancels are never awaited.
 */
export async function measureOpenCloseCycles(file: string, cycles: number): Promise<OpenCloseResult> {
  const text = readFileSync(file, 'utf8');
  const uri = pathToFileURL(file).toString();
  const session = await startServer();
  try {
    const connection = session.connection;
    let rssAfterWarmUpMb = NaN;
    let rssAtHalfMb = NaN;
    const times: number[] = [];
    for (let i = 0; i < cycles; i++) {
      const start = performance.now();
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'diplomatic-note', version: 1, text } });
      await connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
      await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
      times.push(performance.now() - start);
      if (i + 1 === WARM_CYCLES) rssAfterWarmUpMb = statusMb(session.process.pid, 'VmRSS');
      if (i + 1 === Math.floor(cycles / 2)) rssAtHalfMb = statusMb(session.process.pid, 'VmRSS');
    }
    // A request answered after the last close: every notification before it has been handled.
    await connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }).catch(() => undefined);
    return {
      cycles, rssAfterWarmUpMb, rssAtHalfMb, rssAfterAllMb: statusMb(session.process.pid, 'VmRSS'), peakRssMb: peakRssMb(session.process.pid), cycle: summarise(times),
    };
  } finally {
    await session.stop();
  }
}
