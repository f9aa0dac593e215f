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

const PAGE = `<!doctype html><meta charset="utf-8"><script>
  // A minimal LSP client over a worker's messages: JSON-RPC objects, as vscode-languageclient/browser sends them.
  const worker = new Worker('/server.js');
  let nextId = 1;
  const waiting = new Map();
  worker.onmessage = (event) => {
    const message = event.data;
    if (message.id !== undefined && waiting.has(message.id)) { waiting.get(message.id)(message); waiting.delete(message.id); }
    // A request from the server this page has no handler for: answered as any LSP client answers it.
    else if (message.id !== undefined && message.method) worker.postMessage({ jsonrpc: '2.0', id: message.id, error: { code: -32601, message: 'Unhandled method ' + message.method } });
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
  const uri = 'vscode-vfs://github/example/notes/reply.note';

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
    const response = await request('initialize', { processId: null, rootUri: null, capabilities: {} });
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
});
