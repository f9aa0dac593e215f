/**
 * Annotations over stdio, as an editor makes them: the server writes the sidecar beside the note,
 * annotations follow the edits typed above them, are placed again by their quote after a change from
 * outside, are kept as orphans when their text is gone, and are shown on the other language version.
 */
import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DidChangeTextDocumentNotification, DidChangeWatchedFilesNotification, DidSaveTextDocumentNotification, FileChangeType, DocumentSymbolRequest, HoverRequest, PublishDiagnosticsNotification,
  type Diagnostic, type DocumentSymbol, type MarkupContent, type Range,
} from 'vscode-languageserver-protocol';
import {
  ANNOTATE_REQUEST, ANNOTATIONS_CHANGED_NOTIFICATION, ANNOTATIONS_REQUEST, DELETE_ANNOTATION_REQUEST, UPDATE_ANNOTATION_REQUEST,
} from '../../server/src/protocol';
import { REPO_ROOT, startServer, type ServerSession } from '../support/serverConnection';
import { positionOf } from '../support/positions';
import { eventually } from '../support/waitFor';

const QUOTE = 'the Department requests that the visa fees be waived';

function rangeOf(text: string, needle: string, occurrence = 0): Range {
  return { start: positionOf(text, needle, 0, occurrence), end: positionOf(text, needle, needle.length, occurrence) };
}

describe('protocol: annotations', function () {
  this.timeout(60000);
  let folder: string;
  let server: ServerSession;
  let enUri: string;
  let enText: string;
  const diagnostics = new Map<string, Diagnostic[]>();
  const changed: string[] = [];

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'diplonote-annotations-'));
    for (const name of ['visa-request.en.note', 'visa-request.zh.note', 'ohchr-reply-al-chn-4-2025.note']) {
      copyFileSync(path.join(REPO_ROOT, 'samples', name), path.join(folder, name));
    }
    server = await startServer({ diplonote: { annotations: { author: 'Test Reviewer', outlineGroup: true } } }, folder);
    server.connection.onNotification(PublishDiagnosticsNotification.type, (params) => diagnostics.set(params.uri, params.diagnostics));
    server.connection.onNotification(ANNOTATIONS_CHANGED_NOTIFICATION, (params) => changed.push(params.uri));
    enUri = pathToFileURL(path.join(folder, 'visa-request.en.note')).toString();
    enText = readFileSync(path.join(folder, 'visa-request.en.note'), 'utf8');
    await server.open(enUri, enText);
  });
  after(async () => {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  const annotations = async (uri: string) => {
    const result = await server.connection.sendRequest(ANNOTATIONS_REQUEST, { uri });
    assert.ok(result, 'no answer');
    return result;
  };
  const sidecarOf = (name: string) => path.join(folder, `${name}.annotations.json`);
  const readSidecar = (name: string) => JSON.parse(readFileSync(sidecarOf(name), 'utf8'));
  let version = 1;
  async function edit(uri: string, range: Range, text: string): Promise<void> {
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: ++version }, contentChanges: [{ range, text }] });
  }
  /** The first value `probe` gives (no deadline of its own: the test's time-out is the limit, see support/waitFor.ts). */
  async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined): Promise<T> {
    return (await eventually(async () => probe(), (value) => value !== undefined)) as T;
  }

  let id = '';

  it('creates an annotation on a selection and writes the sidecar beside the note (W3C, code points, urn:uuid, the author setting)', async () => {
    const result = await server.connection.sendRequest(ANNOTATE_REQUEST, {
      uri: enUri, range: rangeOf(enText, QUOTE), comment: 'Cites the **2019 exchange of notes**. ![x](https://example.com/x.png) <img src=x>', tags: ['legal-basis', 'commitment'],
    });
    assert.equal(result.applied, true, result.message);
    assert.match(result.id ?? '', /^urn:uuid:[0-9a-f-]{36}$/);
    id = result.id as string;
    const file = readFileSync(sidecarOf('visa-request.en.note'), 'utf8');
    assert.ok(file.startsWith('{\n  "@context": "http://www.w3.org/ns/anno.jsonld",\n'), file.slice(0, 80));
    const json = JSON.parse(file);
    assert.equal(json.type, 'AnnotationCollection');
    const [item] = json.items;
    assert.equal(item.id, id);
    assert.deepEqual(item.creator, { type: 'Person', name: 'Test Reviewer' });
    assert.equal(item.status, 'open');
    const [quote, position] = item.target.selector;
    assert.equal(quote.exact, QUOTE);
    assert.equal(position.start, [...enText.slice(0, enText.indexOf(QUOTE))].length);
    assert.deepEqual(item.body.filter((b: { purpose: string }) => b.purpose === 'tagging').map((b: { value: string }) => b.value), ['legal-basis', 'commitment']);
    await waitFor(() => (changed.includes(enUri) ? true : undefined));
  });

  it('lists it with its current range, its counterpart in the Chinese file, and the taxonomy', async () => {
    const result = await annotations(enUri);
    assert.equal(result.writable, true);
    const [annotation] = result.annotations;
    assert.deepEqual(annotation.range, rangeOf(enText, QUOTE));
    assert.equal(annotation.language, 'en');
    assert.equal(annotation.creator, 'Test Reviewer');
    assert.ok(annotation.counterpart, 'no counterpart');
    assert.match(annotation.counterpart.uri, /visa-request\.zh\.note$/);
    assert.ok(result.tags.some((tag) => tag.name === 'legal-basis' && tag.label.zh !== ''));
  });

  it('shows it on the Chinese version, marked as projected, on the aligned sentence', async () => {
    const zhPath = path.join(folder, 'visa-request.zh.note');
    const zhUri = pathToFileURL(zhPath).toString();
    const zhText = readFileSync(zhPath, 'utf8');
    await server.open(zhUri, zhText);
    const result = await annotations(zhUri);
    const [projected] = result.projected;
    assert.ok(projected, JSON.stringify(result));
    assert.equal(projected.projected, true);
    assert.equal(projected.id, id);
    assert.equal(projected.source.uri, enUri);
    assert.equal(projected.language, 'en');
    const shown = zhText.split('\n')[projected.range.start.line].slice(projected.range.start.character);
    assert.ok(shown.includes('请免收签证费'), shown);
    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: zhUri }, position: positionOf(zhText, '免收签证费', 1) });
    assert.match((hover?.contents as MarkupContent).value, /Projected from the other version/);
  });

  it('hovers the comment and tags, Markdown kept but no image and no HTML', async () => {
    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: enUri }, position: positionOf(enText, 'visa fees be waived', 2) });
    const value = (hover?.contents as MarkupContent).value;
    assert.match(value, /\*\*Comment\*\* · open · by Test Reviewer/);
    assert.match(value, /\*\*2019 exchange of notes\*\*/);
    assert.match(value, /!\\\[x\]/);
    assert.match(value, /&lt;img/);
    assert.doesNotMatch(value, /!\[x\]|<img/);
    assert.match(value, /Tags: `Legal basis`/i);
  });

  it('follows the edits typed above it', async () => {
    await edit(enUri, { start: { line: 7, character: 0 }, end: { line: 7, character: 0 } }, 'A new paragraph typed above.\n\n');
    enText = enText.replace('The Department of Consular Affairs of the Ministry', 'A new paragraph typed above.\n\nThe Department of Consular Affairs of the Ministry');
    // Typed inside the line of the annotation, before it.
    const before = positionOf(enText, 'Second, on the basis');
    await edit(enUri, { start: before, end: before }, 'Moreover. ');
    enText = enText.replace('Second, on the basis', 'Moreover. Second, on the basis');
    const [annotation] = (await annotations(enUri)).annotations;
    assert.deepEqual(annotation.range, rangeOf(enText, QUOTE));
    assert.equal(annotation.anchoring, 'tracked');
  });

  it('writes the moved selectors when the note is saved', async () => {
    writeFileSync(path.join(folder, 'visa-request.en.note'), enText);
    await server.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: enUri } });
    const start = [...enText.slice(0, enText.indexOf(QUOTE))].length;
    await waitFor(() => (readSidecar('visa-request.en.note').items[0].target.selector[1].start === start ? true : undefined));
  });

  it('replies, resolves, edits tags, and lists the thread', async () => {
    const reply = await server.connection.sendRequest(UPDATE_ANNOTATION_REQUEST, { uri: enUri, id, reply: 'Checked against the 2019 notes.' });
    assert.equal(reply.applied, true, reply.message);
    const resolved = await server.connection.sendRequest(UPDATE_ANNOTATION_REQUEST, { uri: enUri, id, status: 'resolved', tags: ['legal-basis'] });
    assert.equal(resolved.applied, true, resolved.message);
    const [annotation] = (await annotations(enUri)).annotations;
    assert.equal(annotation.status, 'resolved');
    assert.deepEqual(annotation.tags, ['legal-basis']);
    assert.equal(annotation.replies.length, 1);
    assert.equal(annotation.replies[0].comment, 'Checked against the 2019 notes.');
    const items = readSidecar('visa-request.en.note').items;
    assert.equal(items[1].motivation, 'replying');
    assert.equal(items[1].target, id);
  });

  it('places it again by its quote when the note changed outside the editor', async () => {
    const outside = enText.replace('The Department has the honour to request', 'Paragraph inserted by another tool.\n\nThe Department has the honour to request');
    const lines = enText.split('\n');
    const whole = { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1].length } };
    await edit(enUri, whole, outside);
    enText = outside;
    const [annotation] = (await annotations(enUri)).annotations;
    assert.deepEqual(annotation.range, rangeOf(enText, QUOTE));
    assert.notEqual(annotation.anchoring, 'orphaned');
  });

  it('keeps an annotation whose text is gone as an orphan, with an Information diagnostic, and never deletes it', async () => {
    const range = rangeOf(enText, QUOTE);
    await edit(enUri, range, 'the fees are to be settled separately');
    enText = enText.replace(QUOTE, 'the fees are to be settled separately');
    const result = await annotations(enUri);
    assert.equal(result.annotations.length, 0);
    assert.equal(result.orphans.length, 1);
    assert.equal(result.orphans[0].anchoring, 'orphaned');
    assert.equal(result.orphans[0].quote, QUOTE);
    const orphaned = await waitFor(() => diagnostics.get(enUri)?.find((d) => d.code === 'annotation-orphaned'));
    assert.equal(orphaned.severity, 3);
    assert.equal(readSidecar('visa-request.en.note').items.filter((item: { id: string }) => item.id === id).length, 1);
  });

  it('deletes an annotation with its replies', async () => {
    const made = await server.connection.sendRequest(ANNOTATE_REQUEST, { uri: enUri, range: rangeOf(enText, 'multiple-entry official visas'), motivation: 'questioning', comment: 'Which category?' });
    assert.equal(made.applied, true, made.message);
    const deleted = await server.connection.sendRequest(DELETE_ANNOTATION_REQUEST, { uri: enUri, id: made.id });
    assert.equal(deleted.applied, true, deleted.message);
    assert.equal(readSidecar('visa-request.en.note').items.some((item: { id: string }) => item.id === made.id), false);
  });

  it('adds an Annotations group to the outline when the setting says so', async () => {
    await server.connection.sendRequest(ANNOTATE_REQUEST, { uri: enUri, range: rangeOf(enText, 'Auckland International Airport'), tags: ['statistic'] });
    const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: enUri } })) as DocumentSymbol[];
    const group = symbols.find((symbol) => symbol.name === 'Annotations');
    assert.ok(group, symbols.map((s) => s.name).join(', '));
    assert.equal(group.children?.[0].name, 'Auckland International Airport');
  });

  it('refuses to write a malformed sidecar and shows its problem at its line', async () => {
    const name = 'ohchr-reply-al-chn-4-2025.note';
    const malformed = '{\n  "@context": "http://www.w3.org/ns/anno.jsonld",\n  "type": "AnnotationCollection",\n  "items": [\n    { "id": 42 }\n  ]\n}\n';
    writeFileSync(sidecarOf(name), malformed);
    const uri = pathToFileURL(path.join(folder, name)).toString();
    const text = readFileSync(path.join(folder, name), 'utf8');
    await server.open(uri, text);
    const sidecarUri = pathToFileURL(sidecarOf(name)).toString();
    const problems = await waitFor(() => diagnostics.get(sidecarUri));
    assert.ok(problems.some((d) => d.range.start.line === 4 && d.code === 'annotations-file'), JSON.stringify(problems));
    const result = await annotations(uri);
    assert.equal(result.writable, false);
    assert.match(result.message ?? '', /line 5/);
    const refused = await server.connection.sendRequest(ANNOTATE_REQUEST, { uri, range: rangeOf(text, 'Myawaddy') });
    assert.equal(refused.applied, false);
    assert.match(refused.message ?? '', /has errors/);
    assert.equal(readFileSync(sidecarOf(name), 'utf8'), malformed);
  });

  it('places a sidecar written by hand against a note edited afterwards', async () => {
    const name = 'hand.note';
    const original = 'Excellency,\n\nI have the honour to inform you that the delegation of 𠀀 experts will arrive on 3 May.\n\nThe visa fees are waived.\n';
    const exact = 'the delegation of 𠀀 experts will arrive';
    const start = [...original.slice(0, original.indexOf(exact))].length;
    writeFileSync(sidecarOf(name), `${JSON.stringify({
      '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', note: 'kept as written',
      items: [{
        id: 'urn:uuid:00000000-0000-4000-8000-000000000001', type: 'Annotation', motivation: 'commenting', x: 1,
        target: { source: name, selector: [{ type: 'TextQuoteSelector', exact, prefix: 'inform you that ', suffix: ' on 3 May' }, { type: 'TextPositionSelector', start, end: start + [...exact].length }] },
        body: [{ type: 'TextualBody', purpose: 'commenting', value: 'Dates to confirm.' }],
      }],
    }, null, 2)}\n`);
    const edited = `Note added later.\n\n${original.replace('I have the honour', 'On behalf of the Minister, I have the honour')}`;
    writeFileSync(path.join(folder, name), edited);
    const uri = await server.open(pathToFileURL(path.join(folder, name)).toString(), edited);
    const [annotation] = (await annotations(uri)).annotations;
    assert.deepEqual(annotation?.range, rangeOf(edited, exact));
    assert.equal(annotation.comment, 'Dates to confirm.');
    // Written again with an edit: the unknown properties stay.
    const reply = await server.connection.sendRequest(UPDATE_ANNOTATION_REQUEST, { uri, id: annotation.id, reply: 'Confirmed.' });
    assert.equal(reply.applied, true, reply.message);
    const json = readSidecar(name);
    assert.equal(json.note, 'kept as written');
    assert.equal(json.items[0].x, 1);
    assert.equal(json.items[0].target.selector[1].start, [...edited.slice(0, edited.indexOf(exact))].length);
  });

  it('reads a sidecar changed on disk again, tells the client, and places what it holds now', async () => {
    const name = 'hand.note';
    const uri = pathToFileURL(path.join(folder, name)).toString();
    const json = readSidecar(name);
    json.items[0].body[0].value = 'Dates confirmed by telephone.';
    const before = changed.length;
    writeFileSync(sidecarOf(name), `${JSON.stringify(json, null, 2)}\n`);
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(sidecarOf(name)).toString(), type: FileChangeType.Changed }] });
    await waitFor(() => (changed.slice(before).includes(uri) ? true : undefined));
    const [annotation] = (await annotations(uri)).annotations;
    assert.equal(annotation.comment, 'Dates confirmed by telephone.');
    assert.notEqual(annotation.range, undefined);
  });

  it('takes a new taxonomy from .diplonote/tags.json when it changes', async () => {
    mkdirSync(path.join(folder, '.diplonote'), { recursive: true });
    const tagFile = path.join(folder, '.diplonote', 'tags.json');
    writeFileSync(tagFile, JSON.stringify({ includeDefaults: false, tags: [{ name: 'reviewed', label: { en: 'Reviewed', zh: '已审' } }] }));
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(tagFile).toString(), type: FileChangeType.Created }] });
    const tags = await waitFor(async () => {
      const names = (await annotations(enUri)).tags.map((tag) => tag.name);
      return names.length === 1 ? names : undefined;
    });
    assert.deepEqual(tags, ['reviewed']);
  });

  it('refuses arguments that are not what the request takes', async () => {
    await assert.rejects(server.connection.sendRequest(ANNOTATE_REQUEST, { uri: enUri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }), /empty/);
    await assert.rejects(server.connection.sendRequest(ANNOTATE_REQUEST.method, { uri: enUri, range: rangeOf(enText, 'Auckland'), motivation: 'replying' }), /motivation/);
    await assert.rejects(server.connection.sendRequest(UPDATE_ANNOTATION_REQUEST.method, { uri: enUri, id, status: 'closed' }), /status/);
    const missing = await server.connection.sendRequest(DELETE_ANNOTATION_REQUEST, { uri: enUri, id: 'urn:uuid:nope' });
    assert.equal(missing.applied, false);
    assert.ok(!existsSync(path.join(folder, 'nothing.note.annotations.json')));
  });
});
