/**
 * Annotations of notes that are not open, over stdio: `diplonote/annotations` answers for any note of
 * the workspace as it is on disk (version null), and `diplonote/annotatedNotes` lists every note with a
 * sidecar, open or not, with its annotations counted by status and tag, kept current when the server
 * writes a sidecar and when one changes on disk.
 */
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, DidCloseTextDocumentNotification, FileChangeType } from 'vscode-languageserver-protocol';
import {
  ANNOTATE_REQUEST, ANNOTATED_NOTES_REQUEST, ANNOTATIONS_REQUEST, UPDATE_ANNOTATION_REQUEST, type AnnotatedNoteData,
} from '../../server/src/protocol';
import { rangeOf } from '../support/positions';
import { REPO_ROOT, startServer, type ServerSession } from '../support/serverConnection';
import { eventually } from '../support/waitFor';

describe('protocol: annotations of notes that are not open', function () {
  this.timeout(60000);
  let folder: string;
  let server: ServerSession;
  const uriOf = (name: string) => pathToFileURL(path.join(folder, name)).toString();
  const textOf = (name: string) => readFileSync(path.join(folder, name), 'utf8');

  before(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'diplonote-closed-annotations-'));
    for (const name of ['visa-request.en.note', 'visa-request.zh.note', 'ohchr-reply-al-chn-4-2025.note']) {
      copyFileSync(path.join(REPO_ROOT, 'samples', name), path.join(folder, name));
    }
    copyFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'annotations', 'handwritten.note.annotations.json'), path.join(folder, 'visa-request.en.note.annotations.json'));
    // Excluded by the project file: neither listed nor counted.
    mkdirSync(path.join(folder, 'drafts'));
    copyFileSync(path.join(REPO_ROOT, 'samples', 'visa-request.en.note'), path.join(folder, 'drafts', 'visa-request.en.note'));
    copyFileSync(path.join(folder, 'visa-request.en.note.annotations.json'), path.join(folder, 'drafts', 'visa-request.en.note.annotations.json'));
    writeFileSync(path.join(folder, '.diplonote.json'), '{ "exclude": ["drafts/**"] }');
    server = await startServer({ diplonote: { annotations: { author: 'Test Reviewer' } } }, folder);
  });
  after(async () => {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  const annotatedNotes = async () => (await server.connection.sendRequest(ANNOTATED_NOTES_REQUEST, {})).notes;
  const listed = (notes: readonly AnnotatedNoteData[], name: string) => notes.find((note) => note.uri === uriOf(name));

  it('answers diplonote/annotations for a note that is not open, placed on its text on disk, with the projections on it', async () => {
    const uri = uriOf('visa-request.en.note');
    const text = textOf('visa-request.en.note');
    const result = await server.connection.sendRequest(ANNOTATIONS_REQUEST, { uri });
    assert.ok(result, 'no answer for a closed note');
    assert.equal(result.version, null);
    assert.equal(result.uri, uri);
    assert.equal(result.annotations.length, 2, JSON.stringify(result.orphans));
    const comment = result.annotations.find((annotation) => annotation.comment === 'Which visa category is this?');
    assert.deepEqual(comment?.range, rangeOf(text, 'multiple-entry official visas'));
    assert.equal(comment?.anchoring, 'exact');
    assert.ok(result.tags.some((tag) => tag.name === 'commitment'), 'the taxonomy is sent');
    // The other version, closed too, shows the annotations of this one.
    const zh = await server.connection.sendRequest(ANNOTATIONS_REQUEST, { uri: uriOf('visa-request.zh.note') });
    assert.equal(zh?.version, null);
    assert.equal(zh?.annotations.length, 0);
    assert.equal(zh?.projected.length, 2);
    assert.ok(zh?.projected.every((projected) => projected.source.uri === uri));
  });

  it('refuses what is no note of the workspace, and answers null for a note that cannot be read', async () => {
    await assert.rejects(server.connection.sendRequest(ANNOTATIONS_REQUEST, { uri: uriOf('.diplonote.json') }), /is not a note \(a \.note file\)/);
    await assert.rejects(server.connection.sendRequest(ANNOTATIONS_REQUEST, { uri: pathToFileURL(path.join(REPO_ROOT, 'samples', 'visa-request.en.note')).toString() }), /outside every workspace folder/);
    await assert.rejects(server.connection.sendRequest(ANNOTATIONS_REQUEST.method, { uri: 42 }), /URI/);
    assert.equal(await server.connection.sendRequest(ANNOTATIONS_REQUEST, { uri: uriOf('missing.note') }), null);
  });

  it('lists every note of the workspace with a sidecar, with its annotations counted by status and tag', async () => {
    const notes = await annotatedNotes();
    assert.deepEqual(notes.map((note) => note.uri), [uriOf('visa-request.en.note')], 'the excluded draft is not listed');
    assert.deepEqual(notes[0], {
      uri: uriOf('visa-request.en.note'), sidecar: uriOf('visa-request.en.note.annotations.json'), open: false,
      reference: '(2025)领字第45号', languages: ['en'],
      counts: { annotations: 2, replies: 0, open: 0, resolved: 0, tags: { commitment: 1 } },
    });
  });

  it('counts what the server writes for an open note, and the note is listed as closed once closed', async () => {
    const name = 'ohchr-reply-al-chn-4-2025.note';
    const uri = uriOf(name);
    const text = textOf(name);
    await server.open(uri, text);
    const made = await server.connection.sendRequest(ANNOTATE_REQUEST, { uri, range: rangeOf(text, 'Myawaddy'), comment: 'Which crossing?', tags: ['factual-claim', 'question'] });
    assert.equal(made.applied, true, made.message);
    await server.connection.sendRequest(ANNOTATE_REQUEST, { uri, range: rangeOf(text, 'telecommunications'), motivation: 'tagging', tags: ['factual-claim'] });
    const reply = await server.connection.sendRequest(UPDATE_ANNOTATION_REQUEST, { uri, id: made.id as string, reply: 'The one on the Moei river.' });
    assert.equal(reply.applied, true, reply.message);
    const resolved = await server.connection.sendRequest(UPDATE_ANNOTATION_REQUEST, { uri, id: made.id as string, status: 'resolved' });
    assert.equal(resolved.applied, true, resolved.message);
    const notes = await annotatedNotes();
    assert.deepEqual(notes.map((note) => note.uri), [uri, uriOf('visa-request.en.note')]);
    assert.equal(listed(notes, name)?.open, true);
    assert.deepEqual(listed(notes, name)?.counts, { annotations: 2, replies: 1, open: 0, resolved: 1, tags: { 'factual-claim': 2, question: 1 } });
    await server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    const closed = await eventually(annotatedNotes, (answer) => listed(answer, name)?.open === false);
    assert.deepEqual(listed(closed, name)?.counts, { annotations: 2, replies: 1, open: 0, resolved: 1, tags: { 'factual-claim': 2, question: 1 } });
    const again = await server.connection.sendRequest(ANNOTATIONS_REQUEST, { uri });
    assert.equal(again?.version, null);
    assert.deepEqual(again?.annotations.map((annotation) => annotation.range), [rangeOf(text, 'Myawaddy'), rangeOf(text, 'telecommunications')].sort((a, b) => a.start.line - b.start.line || a.start.character - b.start.character));
  });

  it('follows a sidecar changed, made or deleted on disk', async () => {
    const sidecar = path.join(folder, 'visa-request.en.note.annotations.json');
    const collection = JSON.parse(readFileSync(sidecar, 'utf8'));
    collection.items[0].status = 'open';
    collection.items[0].body = [collection.items[0].body, { type: 'TextualBody', purpose: 'tagging', value: 'question' }];
    writeFileSync(sidecar, JSON.stringify(collection, null, 2));
    const zhSidecar = path.join(folder, 'visa-request.zh.note.annotations.json');
    writeFileSync(zhSidecar, JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', items: [] }));
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(sidecar).toString(), type: FileChangeType.Changed }, { uri: pathToFileURL(zhSidecar).toString(), type: FileChangeType.Created }],
    });
    const changed = await eventually(annotatedNotes, (notes) => listed(notes, 'visa-request.en.note')?.counts.open === 1 && listed(notes, 'visa-request.zh.note') !== undefined);
    assert.deepEqual(listed(changed, 'visa-request.en.note')?.counts, { annotations: 2, replies: 0, open: 1, resolved: 0, tags: { commitment: 1, question: 1 } });
    assert.deepEqual(listed(changed, 'visa-request.zh.note')?.counts, { annotations: 0, replies: 0, open: 0, resolved: 0, tags: {} });
    rmSync(zhSidecar);
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(zhSidecar).toString(), type: FileChangeType.Deleted }] });
    await eventually(annotatedNotes, (notes) => listed(notes, 'visa-request.zh.note') === undefined);
  });
});
