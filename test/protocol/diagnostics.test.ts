/** Consistency diagnostics pushed over stdio, with related information in the counterpart file. */
import * as assert from 'node:assert/strict';
import { PublishDiagnosticsNotification, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { startServer, type ServerSession } from '../support/serverConnection';

/** Waits for the next diagnostics published for `uri`. */
export function nextDiagnostics(server: ServerSession, uri: string): Promise<PublishDiagnosticsParams> {
  return new Promise((resolve) => {
    const listener = server.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      if (params.uri !== uri) return;
      listener.dispose();
      resolve(params);
    });
  });
}

describe('protocol: consistency diagnostics', () => {
  let server: ServerSession;
  before(async () => {
    server = await startServer({ diplonote: { checks: { 'date-mismatch': 'error', 'term-missing': 'loud' } } });
  });
  after(async () => server.stop());

  it('publishes the seeded mismatch on both sides with source, code and relatedInformation', async () => {
    const uri = 'file:///tmp/diplonote-protocol/number-mismatch.note';
    const { readFileSync } = await import('node:fs');
    const text = readFileSync('test/fixtures/checks/number-mismatch.note', 'utf8');
    const published = nextDiagnostics(server, uri);
    await server.open(uri, text);
    const { diagnostics } = await published;
    assert.deepEqual(diagnostics.map((d) => [d.source, d.code, d.severity, d.range.start.line, d.range.start.character]), [
      ['diplonote', 'number-mismatch', 2, 4, 205],
      ['diplonote', 'number-mismatch', 2, 14, 52],
    ]);
    assert.deepEqual(diagnostics[0].relatedInformation?.map((r) => [r.location.uri, r.location.range.start]), [[uri, { line: 14, character: 52 }]]);
  });

  it('publishes each problem of the front matter at its range', async () => {
    const uri = 'file:///tmp/diplonote-protocol/broken-front-matter.note';
    const { readFileSync } = await import('node:fs');
    const published = nextDiagnostics(server, uri);
    await server.open(uri, readFileSync('test/fixtures/front-matter/broken.note', 'utf8'));
    const { diagnostics } = await published;
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character, d.message.slice(0, 32)]), [
      ['front-matter', 1, 0, 8, 'Unknown front matter key "refren'],
      ['front-matter', 3, 10, 16, '"englsh" is not a language Diplo'],
      ['front-matter', 4, 7, 8, 'This value contains ": ", which '],
    ]);
  });

  it('applies diplonote.checks: date-mismatch as error', async () => {
    const uri = 'file:///tmp/diplonote-protocol/date-mismatch.note';
    const { readFileSync } = await import('node:fs');
    const published = nextDiagnostics(server, uri);
    await server.open(uri, readFileSync('test/fixtures/checks/date-mismatch.note', 'utf8'));
    assert.deepEqual((await published).diagnostics.map((d) => [d.code, d.severity]), [['date-mismatch', 1], ['date-mismatch', 1]]);
  });

  it('a two-file pair: the English file gets the findings on its side, related spans in the Chinese file', async () => {
    const en = 'file:///tmp/diplonote-protocol/pair.en.note';
    const zh = 'file:///tmp/diplonote-protocol/pair.zh.note';
    await server.open(zh, '2025年3月1日，中方遣返了120名公民。\n');
    const published = nextDiagnostics(server, en);
    await server.open(en, 'On 1 March 2025, China repatriated 210 nationals.\n');
    const { diagnostics } = await published;
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.character, d.relatedInformation?.[0].location.uri]), [['number-mismatch', 35, zh]]);
  });
});
