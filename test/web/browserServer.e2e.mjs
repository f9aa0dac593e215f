// The browser build of the server (dist/web/server.js) in headless Chromium: a page starts it in a
// web worker and speaks LSP to it over postMessage, as VS Code for the Web does. Chromium and
// playwright-core come from scripts/setup-editors.sh (Debian's chromium; playwright-core under .tools/).
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../scripts/start.mjs';

const require = createRequire(path.join(repoRoot, '.tools', 'playwright', 'node_modules') + '/');
const { chromium } = require('playwright-core');
const picomatch = createRequire(path.join(repoRoot, 'package.json'))('picomatch');

const PAGE = `<!doctype html><meta charset="utf-8"><script>
  // A minimal LSP client over a worker's messages: JSON-RPC objects, as vscode-languageclient/browser sends them.
  const worker = new Worker('/server.js');
  let nextId = 1;
  const waiting = new Map();
  worker.onmessage = (event) => {
    const message = event.data;
    if (message.id !== undefined && waiting.has(message.id)) { waiting.get(message.id)(message); waiting.delete(message.id); }
    else if (message.id !== undefined && message.method) answerServer(message);
  };
  // The workspace's files, as the web client lends them (client/src/webFileSystem.ts): uri → text.
  window.files = {};
  const answers = {
    'diplonote/fs/stat': ({ uri }) => uri in window.files ? { type: 'file', size: window.files[uri].length, version: 1, symbolicLink: false }
      : Object.keys(window.files).some((file) => file.startsWith(uri + '/')) ? { type: 'directory', size: 0, version: 1, symbolicLink: false } : null,
    'diplonote/fs/readFile': ({ uri }) => uri in window.files
      ? { kind: 'read', base64: btoa(String.fromCharCode(...new TextEncoder().encode(window.files[uri]))), version: 1 } : { kind: 'missing' },
    // Globs matched as VS Code's findFiles matches them, relative to the folder (by picomatch, in the test's Node).
    'diplonote/fs/findFiles': ({ folder, include, exclude }) => window.filesMatching(
      Object.keys(window.files).filter((file) => file.startsWith(folder + '/')).map((file) => file.slice(folder.length + 1)), include, exclude ?? [],
    ).then((found) => found.map((file) => folder + '/' + file)),
  };
  // Requests from the server: the file system as above; any other answered as an LSP client without a handler does.
  const answerServer = async (message) => {
    const answer = answers[message.method];
    worker.postMessage(answer ? { jsonrpc: '2.0', id: message.id, result: await answer(message.params) }
      : { jsonrpc: '2.0', id: message.id, error: { code: -32601, message: 'Unhandled method ' + message.method } });
  };
  window.request = (method, params) => new Promise((resolve) => {
    const id = nextId++;
    waiting.set(id, resolve);
    worker.postMessage({ jsonrpc: '2.0', id, method, params });
  });
  window.notify = (method, params) => worker.postMessage({ jsonrpc: '2.0', method, params });
</script>`;

describe('web: the browser server bundle in headless Chromium', function () {
  let server;
  let context;
  let page;
  let profile;
  const seed = readFileSync(path.join(repoRoot, 'samples', 'ohchr-reply-al-chn-4-2025.note'), 'utf8');
  const folder = 'vscode-vfs://github/example/notes';
  const uri = `${folder}/reply.note`;
  const TEAM_GLOSSARY = JSON.stringify({ entries: [{ en: 'scam compound', zh: '诈骗园区', definition: { en: 'Read from the workspace through the client.' } }] });
  // A glossary that only the project file's glob names (diplonote.glossary.files / "glossary.files").
  const PROJECT_FILE = JSON.stringify({ glossary: { files: ['terms/**/*.csv'] } });
  const NAMED_GLOSSARY = 'en,zh,category,definition_en\nforced criminality,强迫犯罪,subject,Named by a glob of the project file.\n';

  before(async function () {
    const bundle = readFileSync(path.join(repoRoot, 'dist', 'web', 'server.js'));
    server = createServer((req, res) => {
      if (req.url === '/server.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
      else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    profile = mkdtempSync(path.join(tmpdir(), 'diplonote-web-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await context.newPage();
    await page.exposeFunction('filesMatching', (files, include, exclude) => {
      const included = picomatch(include);
      const excluded = exclude.length > 0 ? picomatch(exclude) : () => false;
      return files.filter((file) => included(file) && !excluded(file));
    });
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
  });

  after(async function () {
    await context?.close();
    await new Promise((resolve) => server?.close(resolve));
    rmSync(profile, { recursive: true, force: true });
  });

  const request = (method, params) => page.evaluate(([m, p]) => window.request(m, p), [method, params]);
  const notify = (method, params) => page.evaluate(([m, p]) => window.notify(m, p), [method, params]);

  it('answers initialize with the outline and jump-to capabilities', async function () {
    await page.evaluate((files) => Object.assign(window.files, files), {
      [`${folder}/team.glossary.json`]: TEAM_GLOSSARY,
      [`${folder}/.diplonote.json`]: PROJECT_FILE,
      [`${folder}/terms/2025/trafficking.csv`]: NAMED_GLOSSARY,
    });
    const response = await request('initialize', { processId: null, rootUri: folder, capabilities: {}, workspaceFolders: [{ uri: folder, name: 'notes' }] });
    assert.equal(response.result.serverInfo.name, 'diplonote');
    assert.ok(response.result.capabilities.documentSymbolProvider);
    assert.equal(response.result.capabilities.definitionProvider, true);
    await notify('initialized', {});
    await notify('textDocument/didOpen', { textDocument: { uri, languageId: 'diplomatic-note', version: 1, text: seed } });
  });

  it('returns the outline of the reference note', async function () {
    const response = await request('textDocument/documentSymbol', { textDocument: { uri } });
    const names = response.result.map((symbol) => symbol.name);
    assert.deepEqual(names, ['Letterhead', 'Reference CHN/HR/2025/34', 'Opening — presents its compliments',
      'Closing — assurances of highest consideration', 'Addressee', 'English version', '中文 Chinese version']);
  });

  it('jumps from an English paragraph to its Chinese counterpart', async function () {
    const response = await request('textDocument/definition', { textDocument: { uri }, position: { line: 26, character: 3 } });
    assert.equal(response.result[0].targetUri, uri);
    assert.equal(response.result[0].targetRange.start.line, 40);
  });

  it('reads the workspace glossary through the client: its term shows on hover', async function () {
    const note = `${folder}/compound.note`;
    await notify('textDocument/didOpen', { textDocument: { uri: note, languageId: 'diplomatic-note', version: 1, text: 'Victims were held in a scam compound.\n' } });
    const response = await request('textDocument/hover', { textDocument: { uri: note }, position: { line: 0, character: 26 } });
    assert.match(response.result?.contents.value ?? '', /Read from the workspace through the client\./);
  });

  it('reads a glossary named by a glob of the project file through the client: its term shows on hover', async function () {
    const note = `${folder}/criminality.note`;
    await notify('textDocument/didOpen', { textDocument: { uri: note, languageId: 'diplomatic-note', version: 1, text: 'Victims were subjected to forced criminality.\n' } });
    const response = await request('textDocument/hover', { textDocument: { uri: note }, position: { line: 0, character: 32 } });
    assert.match(response.result?.contents.value ?? '', /Named by a glob of the project file\./);
  });

  it('exports the aligned pairs of a note (Export Aligned Pairs) as TMX and CSV', async function () {
    const tmx = await request('diplonote/exportPairs', { uri, format: 'tmx' });
    assert.equal(tmx.result.format, 'tmx');
    assert.match(tmx.result.text, /^<\?xml version="1\.0" encoding="UTF-8"\?>/);
    assert.match(tmx.result.text, /<tuv xml:lang="en"><seg>Receipt is hereby acknowledged of communication/);
    assert.match(tmx.result.text, /<tuv xml:lang="zh"><seg>/);
    const csv = await request('diplonote/exportPairs', { uri, format: 'csv' });
    assert.ok(csv.result.text.split('\n').length > 5, csv.result.text);
  });
});
