/**
 * Adding a term pair to the glossary over stdio, with a client that applies `workspace/applyEdit` to
 * the files of a temporary workspace: the code actions, the edit on disk, and the term-missing finding
 * that goes once the client reports the changed glossary.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest, DidChangeWatchedFilesNotification, ExecuteCommandRequest, FileChangeType, HoverRequest, ShowMessageNotification,
  type CodeAction, type Diagnostic, type MarkupContent, type ShowMessageParams,
} from 'vscode-languageserver-protocol';
import { positionOf } from '../support/positions';
import { REPO_ROOT, startServer, type ServerSession } from '../support/serverConnection';
import { nextDiagnostics } from './diagnostics.test';

const TEAM_GLOSSARY = '{ "entries": [\n  { "en": "human trafficking", "zh": ["人口贩运", "人员贩运"] }\n] }\n';
/** The seeded fixture, with the Chinese side using 拐卖人口, a rendering the team glossary does not list. */
const NOTE = readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'checks', 'term-missing.note'), 'utf8')
  .replace('一是及早甄别受害者', '一是及早甄别拐卖人口受害者');
const ALIGNED_SENTENCE = '一是及早甄别拐卖人口受害者，对其被迫实施的行为不追究刑事责任。';

describe('protocol: adding a term pair to the glossary', () => {
  let server: ServerSession;
  let workspace: string;
  let noteUri: string;
  let termMissing: Diagnostic;
  const messages: ShowMessageParams[] = [];

  const file = (name: string) => path.join(workspace, name);

  before(async () => {
    workspace = mkdtempSync(path.join(tmpdir(), 'diplonote-add-pair-'));
    writeFileSync(file('team.glossary.json'), TEAM_GLOSSARY);
    server = await startServer({}, workspace, { applyEditsOnDisk: true });
    server.connection.onNotification(ShowMessageNotification.type, (params) => messages.push(params));
    noteUri = pathToFileURL(file('reply.note')).toString();
    const published = nextDiagnostics(server, noteUri);
    await server.open(noteUri, NOTE);
    const found = (await published).diagnostics.find((d) => d.code === 'term-missing');
    assert.ok(found, 'no term-missing finding to start from');
    termMissing = found;
  });
  after(async () => {
    await server.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  async function run(argument: object): Promise<unknown> {
    messages.length = 0;
    return server.connection.sendRequest(ExecuteCommandRequest.type, { command: 'diplonote.addTermPair', arguments: [argument] });
  }

  it('declares the command and offers it on the term-missing finding, with the aligned Chinese sentence', async () => {
    assert.ok(server.initializeResult.capabilities.executeCommandProvider?.commands.includes('diplonote.addTermPair'));
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: noteUri }, range: termMissing.range, context: { diagnostics: [termMissing] },
    })) as CodeAction[];
    const add = actions.find((a) => a.command?.command === 'diplonote.addTermPair');
    assert.equal(add?.title, "Add a rendering of 'human trafficking' to the workspace glossary…");
    assert.equal(add?.kind, 'quickfix');
    assert.deepEqual(add?.command?.arguments, [{ uri: noteUri, language: 'en', term: 'human trafficking', context: ALIGNED_SENTENCE }]);
  });

  it('offers selected text as a refactoring, and nothing for a selection across lines', async () => {
    const start = positionOf(NOTE, 'psychological counselling');
    const range = { start, end: { line: start.line, character: start.character + 'psychological counselling'.length } };
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: noteUri }, range, context: { diagnostics: [] },
    })) as CodeAction[];
    assert.deepEqual(actions.map((a) => [a.title, a.kind]), [["Add 'psychological counselling' to the workspace glossary…", 'refactor.extract']]);
    assert.deepEqual(actions[0].command?.arguments, [{
      uri: noteUri, language: 'en', term: 'psychological counselling', context: '二是为每名回国人员免费提供法律援助和心理疏导。',
    }]);
    const onlyFixes = await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: noteUri }, range, context: { diagnostics: [], only: ['quickfix'] },
    });
    assert.deepEqual(onlyFixes, []);
    const acrossLines = await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: noteUri }, range: { start: { line: 2, character: 0 }, end: { line: 4, character: 3 } }, context: { diagnostics: [] },
    });
    assert.deepEqual(acrossLines, []);
  });

  it('creates diplonote.glossary.json for a term no glossary has', async () => {
    const result = await run({ uri: noteUri, language: 'en', term: 'psychological counselling', rendering: '心理疏导' });
    const created = pathToFileURL(file('diplonote.glossary.json')).toString();
    assert.deepEqual(result, { glossary: created, applied: true });
    assert.equal(readFileSync(file('diplonote.glossary.json'), 'utf8'),
      '{\n  "entries": [\n    {\n      "en": "psychological counselling",\n      "zh": "心理疏导"\n    }\n  ]\n}\n');
    assert.match(messages.map((m) => m.message).join('\n'), /added "psychological counselling" \(English\) ↔ "心理疏导" to diplonote\.glossary\.json/);
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: created, type: FileChangeType.Created }] });
    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: noteUri }, position: positionOf(NOTE, 'psychological counselling', 1) });
    assert.match((hover?.contents as MarkupContent | undefined)?.value ?? '', /心理疏导/);
  });

  it('adds the rendering to the team entry, and the finding goes when the client reports the change', async () => {
    const result = await run({ uri: noteUri, language: 'en', term: 'human trafficking', rendering: '拐卖人口' });
    assert.deepEqual(result, { glossary: pathToFileURL(file('team.glossary.json')).toString(), applied: true });
    assert.equal(readFileSync(file('team.glossary.json'), 'utf8'), TEAM_GLOSSARY.replace('"人员贩运"]', '"人员贩运", "拐卖人口"]'));
    const republished = nextDiagnostics(server, noteUri);
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(file('team.glossary.json')).toString(), type: FileChangeType.Changed }],
    });
    assert.deepEqual((await republished).diagnostics.map((d) => d.code), []);
  });

  it('changes nothing when the pair is there already, and says so', async () => {
    const before = readFileSync(file('team.glossary.json'), 'utf8');
    assert.equal(await run({ uri: noteUri, language: 'zh', term: '拐卖人口', rendering: 'Human Trafficking' }), null);
    assert.equal(readFileSync(file('team.glossary.json'), 'utf8'), before);
    assert.match(messages[0]?.message ?? '', /is in the glossary already \(team\.glossary\.json\); nothing was changed/);
  });

  it('leaves a broken glossary untouched and names the line', async () => {
    const broken = '{\n  "entries": [\n    { "en": "scam compound" "zh": "诈骗园区" }\n  ]\n}\n';
    writeFileSync(file('diplonote.glossary.json'), broken);
    assert.equal(await run({ uri: noteUri, language: 'en', term: 'returnees', rendering: '回国人员' }), null);
    assert.equal(readFileSync(file('diplonote.glossary.json'), 'utf8'), broken);
    assert.equal(messages[0]?.message, 'Diplonote: diplonote.glossary.json, line 3: Invalid JSON (CommaExpected). The file was left untouched; mend it and try again.');
  });

  it('tells how to give the rendering when the client did not ask for it', async () => {
    assert.equal(await run({ uri: noteUri, language: 'en', term: 'returnees' }), null);
    assert.match(messages[0]?.message ?? '', /no Chinese rendering of "returnees" was given/);
  });

  it('tells a client that cannot apply edits what to do, and writes nothing', async () => {
    const plain = await startServer({}, workspace);
    const told = new Promise<ShowMessageParams>((resolve) => plain.connection.onNotification(ShowMessageNotification.type, resolve));
    try {
      rmSync(file('diplonote.glossary.json'));
      await plain.open(noteUri, NOTE);
      const result = await plain.connection.sendRequest(ExecuteCommandRequest.type, {
        command: 'diplonote.addTermPair', arguments: [{ uri: noteUri, language: 'en', term: 'returnees', rendering: '回国人员' }],
      });
      assert.equal(result, null);
      assert.match((await told).message, /this editor does not take edits from the server \(workspace\/applyEdit\)/);
      assert.equal(existsSync(file('diplonote.glossary.json')), false);
    } finally {
      await plain.stop();
    }
  });
});
