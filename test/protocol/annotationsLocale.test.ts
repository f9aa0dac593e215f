/**
 * What the server says about annotations is said in the client's language: with locale zh-cn, why a
 * sidecar is not written (an untitled note, a sidecar with errors), an annotation that is not there,
 * a URI that names no note, the outline's Annotations group and the orphan diagnostics are Chinese.
 */
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DocumentSymbolRequest, PublishDiagnosticsNotification, type Diagnostic, type DocumentSymbol } from 'vscode-languageserver-protocol';
import { ANNOTATE_REQUEST, ANNOTATIONS_REQUEST, UPDATE_ANNOTATION_REQUEST } from '../../server/src/protocol';
import { rangeOf } from '../support/positions';
import { REPO_ROOT, startServer, type ServerSession } from '../support/serverConnection';
import { until } from '../support/waitFor';

describe('protocol: annotations in the client\'s language (zh-cn)', function () {
  this.timeout(60000);
  let folder: string;
  let server: ServerSession;
  const diagnostics = new Map<string, Diagnostic[]>();
  const uriOf = (name: string) => pathToFileURL(path.join(folder, name)).toString();
  const textOf = (name: string) => readFileSync(path.join(folder, name), 'utf8');

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'diplonote-annotations-zh-'));
    for (const name of ['visa-request.en.note', 'ohchr-reply-al-chn-4-2025.note']) copyFileSync(path.join(REPO_ROOT, 'samples', name), path.join(folder, name));
    copyFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'annotations', 'broken-syntax.note.annotations.json'), path.join(folder, 'ohchr-reply-al-chn-4-2025.note.annotations.json'));
    // An annotation whose quote is not in the note: an orphan.
    writeFileSync(path.join(folder, 'visa-request.en.note.annotations.json'), JSON.stringify({
      '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection',
      items: [{ id: 'urn:uuid:0b6f1c2e-7d4a-4e8b-9a51-3c2d8e4f6a10', type: 'Annotation', motivation: 'commenting',
        target: { source: 'visa-request.en.note', selector: [{ type: 'TextQuoteSelector', exact: 'a sentence that was never in the note' }] },
        body: [{ type: 'TextualBody', purpose: 'commenting', value: 'Gone.' }] }],
    }, null, 2));
    server = await startServer({ diplonote: { annotations: { author: 'Test Reviewer', outlineGroup: true } } }, folder, { locale: 'zh-cn' });
    server.connection.onNotification(PublishDiagnosticsNotification.type, (params) => diagnostics.set(params.uri, params.diagnostics));
  });
  after(async () => {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('says in Chinese why an untitled note\'s annotations cannot be written', async () => {
    const uri = 'untitled:Untitled-1';
    const text = textOf('visa-request.en.note');
    await server.open(uri, text);
    const result = await server.connection.sendRequest(ANNOTATIONS_REQUEST, { uri });
    assert.equal(result?.writable, false);
    assert.equal(result?.message, '请先保存照会：其批注保存在照会旁边的文件中。');
    const refused = await server.connection.sendRequest(ANNOTATE_REQUEST, { uri, range: rangeOf(text, 'courtesy facilitation') });
    assert.deepEqual(refused, { applied: false, message: '请先保存照会：其批注保存在照会旁边的文件中。' });
  });

  it('says in Chinese that a sidecar with errors is not written, with the line and the problem', async () => {
    const uri = uriOf('ohchr-reply-al-chn-4-2025.note');
    const text = textOf('ohchr-reply-al-chn-4-2025.note');
    await server.open(uri, text);
    const result = await server.connection.sendRequest(ANNOTATIONS_REQUEST, { uri });
    assert.equal(result?.writable, false);
    assert.match(result?.message ?? '', /^ohchr-reply-al-chn-4-2025\.note\.annotations\.json 有错误（第 9 行：.*[\u4e00-\u9fff].*）；修正之前不会写入该文件。$/u);
    const refused = await server.connection.sendRequest(ANNOTATE_REQUEST, { uri, range: rangeOf(text, 'Myawaddy') });
    assert.equal(refused.applied, false);
    assert.equal(refused.message, result?.message);
  });

  it('says in Chinese that an annotation is not there, and names the outline group and the orphans in Chinese', async () => {
    const uri = uriOf('visa-request.en.note');
    const text = textOf('visa-request.en.note');
    await server.open(uri, text);
    const missing = await server.connection.sendRequest(UPDATE_ANNOTATION_REQUEST, { uri, id: 'urn:uuid:00000000-0000-4000-8000-000000000000', status: 'resolved' });
    assert.deepEqual(missing, { applied: false, message: 'visa-request.en.note 的批注中没有批注 urn:uuid:00000000-0000-4000-8000-000000000000；它可能已被删除。' });
    const made = await server.connection.sendRequest(ANNOTATE_REQUEST, { uri, range: rangeOf(text, 'courtesy facilitation'), comment: '请核对译文。' });
    assert.equal(made.applied, true, made.message);
    const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    assert.ok(symbols.some((symbol) => symbol.name === '批注'), symbols.map((symbol) => symbol.name).join(', '));
    assert.ok(!symbols.some((symbol) => symbol.name === 'Annotations'));
    await until(() => (diagnostics.get(uri) ?? []).some((diagnostic) => diagnostic.code === 'annotation-orphaned'));
    const orphan = diagnostics.get(uri)?.find((diagnostic) => diagnostic.code === 'annotation-orphaned');
    assert.match(orphan?.message ?? '', /孤立批注/);
  });

  it('refuses in Chinese a URI that names no note', async () => {
    await assert.rejects(server.connection.sendRequest(ANNOTATIONS_REQUEST, { uri: uriOf('notes.txt') }), /不是照会文件（\.note 文件）；不予接受。/);
  });
});
