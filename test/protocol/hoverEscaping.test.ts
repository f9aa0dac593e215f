/**
 * Issue 16, item 8: hover Markdown escapes everything that comes from a note or a user file. The hover
 * is rendered as an editor would (markdown-it with HTML and links enabled): what a glossary or a front
 * matter wrote shows as text, never as an image, a link, or an HTML element.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import MarkdownIt from 'markdown-it';
import { HoverRequest, PublishDiagnosticsNotification, type MarkupContent } from 'vscode-languageserver-protocol';
import { positionOf } from '../support/positions';
import { startServer, type ServerSession } from '../support/serverConnection';

const HOSTILE = '![x](https://tracker.example/p.png) <img src=x onerror=alert(1)> [run](command:workbench.action.quit) **bold** `code` | cell |';

const GLOSSARY = {
  entries: [{
    id: 'scam-compound',
    en: ['scam compound', `compound <b>${'x'}</b>`],
    zh: ['诈骗园区'],
    definition: { en: HOSTILE, zh: '<script>alert(1)</script>' },
    note: { en: '# heading\n\n- list' },
    source: '[source](javascript:alert(1))',
  }],
};

const NOTE = [
  '---',
  'reference: "<img src=y>/HR/2025/1"',
  '---',
  'Victims were held in a scam compound near the border.',
  '',
].join('\n');

const markdown = new MarkdownIt({ html: true, linkify: true });

function assertInert(value: string): void {
  const html = markdown.render(value);
  assert.doesNotMatch(html, /<img|<script|<b>|<h1|<li/i, html);
  assert.doesNotMatch(html, /href="(?:command|javascript|https:\/\/tracker)/i, html);
}

describe('protocol: hover text from notes and user files is escaped', () => {
  let workspace: string;
  let server: ServerSession;

  before(async () => {
    workspace = mkdtempSync(path.join(tmpdir(), 'diplonote-hover-escaping-'));
    writeFileSync(path.join(workspace, 'team.glossary.json'), JSON.stringify(GLOSSARY));
    server = await startServer({}, workspace);
    // The glossary is loaded when its (empty) diagnostics are published.
    await new Promise<void>((resolve) => {
      const listener = server.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
        if (!params.uri.endsWith('team.glossary.json')) return;
        listener.dispose();
        resolve();
      });
    });
  });
  after(async () => {
    await server.stop();
    rmSync(workspace, { recursive: true, force: true });
  });

  async function hoverAt(uri: string, needle: string): Promise<string> {
    const result = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(NOTE, needle, 2) });
    return (result?.contents as MarkupContent | undefined)?.value ?? '';
  }

  it('shows a glossary definition, note, variants and source as text', async () => {
    const uri = await server.open(pathToFileURL(path.join(workspace, 'reply.note')).toString(), NOTE);
    const value = await hoverAt(uri, 'scam compound');
    assert.match(value, /scam compound/);
    assert.match(markdown.render(value), /tracker\.example/, 'the text itself is still shown');
    assertInert(value);
  });

  it('shows the own reference from the front matter as text', async () => {
    const uri = await server.open(pathToFileURL(path.join(workspace, 'reference.note')).toString(), NOTE);
    const value = await hoverAt(uri, 'img src=y');
    assert.notEqual(value, '', 'no hover on the own reference');
    assertInert(value);
  });
});
