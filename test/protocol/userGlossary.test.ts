/**
 * User glossaries in a real workspace folder: JSON, CSV, TSV and TBX (2008 and 2019) are loaded and
 * override the built-in entries; a malformed file gets a diagnostic at its line and the rest still
 * loads; a changed file is reloaded when the client reports it.
 */
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DidChangeWatchedFilesNotification, FileChangeType, HoverRequest, PublishDiagnosticsNotification,
  type MarkupContent, type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import { REPO_ROOT, startServer, type ServerSession } from '../support/serverConnection';
import { until } from '../support/waitFor';

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'glossaries');

describe('protocol: user glossaries', () => {
  let server: ServerSession;
  let workspace: string;
  const published = new Map<string, PublishDiagnosticsParams>();

  before(async () => {
    workspace = mkdtempSync(path.join(tmpdir(), 'diplonote-glossaries-'));
    mkdirSync(path.join(workspace, 'terms'));
    for (const file of ['good.glossary.csv', 'tbx2019.tbx', 'broken-quote.glossary.csv', 'bad-types.glossary.json']) {
      copyFileSync(path.join(FIXTURES, file), path.join(workspace, 'terms', file));
    }
    copyFileSync(path.join(FIXTURES, 'tbx2008.tbx'), path.join(workspace, 'legacy.tbx'));
    writeFileSync(path.join(workspace, 'team.glossary.json'), JSON.stringify({
      entries: [{ id: 'charter-flight', en: ['charter flight'], zh: ['包机'], definition: { en: 'Team definition one.' } }],
    }));
    server = await startServer({}, workspace);
    server.connection.onNotification(PublishDiagnosticsNotification.type, (params) => published.set(params.uri, params));
  });
  after(async () => {
    await server.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  async function hoverOn(text: string, needle: string): Promise<string> {
    const uri = await server.open(pathToFileURL(path.join(workspace, `${Math.random().toString(36).slice(2)}.note`)).toString(), text);
    const character = text.indexOf(needle) + 1;
    const result = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character } });
    return result ? (result.contents as MarkupContent).value : '';
  }

  it('lets a workspace JSON glossary override the built-in entry', async () => {
    await until(() => published.size > 0);
    assert.match(await hoverOn('A charter flight left.', 'charter flight'), /Team definition one\./);
  });

  it('reports malformed files at their line and loads the rest', () => {
    const brokenCsv = [...published.entries()].find(([uri]) => uri.endsWith('broken-quote.glossary.csv'))?.[1];
    assert.ok(brokenCsv && brokenCsv.diagnostics.length > 0, 'no diagnostic for the broken CSV');
    assert.ok(brokenCsv.diagnostics.every((d) => d.source === 'diplonote' && d.range.start.line > 0));
    const badJson = [...published.entries()].find(([uri]) => uri.endsWith('bad-types.glossary.json'))?.[1];
    assert.ok(badJson && badJson.diagnostics.length > 0, 'no diagnostic for the JSON of wrong types');
  });

  it('loads CSV and TBX terms (shown with the file they come from)', async () => {
    assert.match(await hoverOn('Victims were held in Myawaddy.', 'Myawaddy'), /tbx|glossary\.csv/);
  });

  it('reloads a glossary file the client reports as changed', async () => {
    const file = path.join(workspace, 'team.glossary.json');
    writeFileSync(file, JSON.stringify({ entries: [{ id: 'charter-flight', en: ['charter flight'], zh: ['包机'], definition: { en: 'Team definition two.' } }] }));
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(file).toString(), type: FileChangeType.Changed }],
    });
    let value = '';
    for (let i = 0; i < 40 && !value.includes('two'); i++) value = await hoverOn('A charter flight left.', 'charter flight');
    assert.match(value, /Team definition two\./);
  });
});
