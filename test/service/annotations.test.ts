/**
 * The annotations in process, over the memory workspace: made and written (fixed ids and clock), followed
 * through the editor's edits, projected on the other version of the same file, signed by the setting or
 * the user's name, tagged from the workspace's taxonomy, and never written where they may not be.
 */
import * as assert from 'node:assert/strict';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { createNoteService, type NoteService } from '../../server/src/service';
import { MemoryWorkspace } from '../../server/src/service/memoryWorkspace';
import { FOLDER, note, textAt, uri } from './support';

const BILINGUAL = note(
  'The Government of China has received communication AL CHN 9/2025 and provides the following reply.',
  '',
  'Since 20 February 2025, the Chinese authorities have organized the return of 30,000 Chinese nationals.',
  '',
  '中国政府收到AL CHN 9/2025号来文，现答复如下。',
  '',
  '今年2月20日以来，中国有关部门组织3万名中国公民回国。',
);
const QUOTE = 'organized the return of 30,000 Chinese nationals';

interface Setup {
  readonly workspace: MemoryWorkspace;
  readonly service: NoteService;
  readonly changed: string[][];
}

async function setup(files: Record<string, string> = {}, settings?: unknown): Promise<Setup> {
  const workspace = new MemoryWorkspace([FOLDER]);
  for (const [path, content] of Object.entries(files)) workspace.writeFile(uri(path), content);
  let ids = 0;
  const changed: string[][] = [];
  const service = createNoteService({
    workspace, toolVersion: 'test', userName: 'os-user',
    annotationEnvironment: { newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`, now: () => new Date('2025-06-03T09:30:00Z') },
    annotationsChanged: (uris) => changed.push([...uris]),
  });
  if (settings !== undefined) service.setEditorSettings(settings);
  await service.reload();
  return { workspace, service, changed };
}

function spanOf(document: TextDocument, needle: string) {
  const start = document.getText().indexOf(needle);
  assert.ok(start >= 0, needle);
  return { start, end: start + needle.length };
}

/** What the editor does on a keystroke: the service hears of the change, then the document takes it. */
function type(service: NoteService, document: TextDocument, changes: TextDocumentContentChangeEvent[]): void {
  service.documentChanging(document, changes);
  TextDocument.update(document, changes, document.version + 1);
}

async function sidecarJson(workspace: MemoryWorkspace, path: string) {
  const read = await workspace.readFile(uri(path), { maxBytes: 1 << 20 });
  assert.equal(read.kind, 'read');
  return JSON.parse(new TextDecoder().decode(read.kind === 'read' ? read.bytes : new Uint8Array()));
}

describe('service: annotations', () => {
  it('makes an annotation, writes the sidecar with the OS user as creator, and projects it on the Chinese version of the same file', async () => {
    const { workspace, service, changed } = await setup();
    const document = workspace.openDocument(uri('reply.note'), BILINGUAL.text);
    const outcome = await service.editAnnotations(document, { kind: 'annotate', span: spanOf(document, QUOTE), motivation: 'commenting', comment: 'A figure.', tags: ['statistic'] });
    assert.deepEqual(outcome, { applied: true, id: 'urn:uuid:00000000-0000-4000-8000-000000000001', sidecar: uri('reply.note.annotations.json') });
    // Told by the write, and again by the file change the write makes (as an editor's watcher reports it).
    assert.ok(changed.length > 0 && changed.every((uris) => uris.length === 1 && uris[0] === uri('reply.note')), JSON.stringify(changed));
    const json = await sidecarJson(workspace, 'reply.note.annotations.json');
    assert.deepEqual(json.items[0].creator, { type: 'Person', name: 'os-user' });
    assert.equal(json.items[0].created, '2025-06-03T09:30:00.000Z');
    const found = await service.annotationsOf(document);
    assert.equal(found.placed.length, 1);
    assert.equal(found.placed[0].language, 'en');
    assert.equal(found.placed[0].counterpart?.level, 'sentence');
    assert.equal(textAt(document, found.projected[0].span), '今年2月20日以来，中国有关部门组织3万名中国公民回国。');
    assert.deepEqual(found.projected[0].source.span, spanOf(document, QUOTE));
  });

  it('follows every edit while the note is open, and places again by its quote the one an edit swallowed', async () => {
    const { workspace, service } = await setup();
    const document = workspace.openDocument(uri('reply.note'), BILINGUAL.text);
    await service.editAnnotations(document, { kind: 'annotate', span: spanOf(document, QUOTE), motivation: 'highlighting' });
    await service.editAnnotations(document, { kind: 'annotate', span: spanOf(document, '30,000'), motivation: 'tagging', tags: ['statistic'] });
    type(service, document, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Typed above. ' }]);
    const inside = document.positionAt(spanOf(document, 'return of').start + 'return'.length);
    type(service, document, [{ range: { start: inside, end: inside }, text: ' and resettlement' }]);
    let found = await service.annotationsOf(document);
    assert.deepEqual(found.placed.map((view) => [textAt(document, view.span ?? { start: 0, end: 0 }), view.anchoring]), [
      ['organized the return and resettlement of 30,000 Chinese nationals', 'tracked'],
      ['30,000', 'tracked'],
    ]);
    // Replaced whole (a reload from disk): placed again by quote and context.
    type(service, document, [{ text: `Preface.\n\n${BILINGUAL.text}` }]);
    found = await service.annotationsOf(document);
    assert.deepEqual(found.placed.map((view) => textAt(document, view.span ?? { start: 0, end: 0 })), [QUOTE, '30,000']);
    assert.ok(found.placed.every((view) => view.anchoring !== 'tracked'));
  });

  it('signs with diplonote.annotations.author, and takes the tags of .diplonote/tags.json unless the setting gives them', async () => {
    const tagFile = JSON.stringify({ includeDefaults: false, tags: [{ name: 'figure', label: { en: 'Figure', zh: '数字' }, colour: '#123456' }] });
    const { workspace, service } = await setup({ '.diplonote/tags.json': tagFile }, { annotations: { author: 'Reviewer' } });
    const document = workspace.openDocument(uri('reply.note'), BILINGUAL.text);
    assert.deepEqual((await service.annotationsOf(document)).tags.map((tag) => tag.name), ['figure']);
    await service.editAnnotations(document, { kind: 'annotate', span: spanOf(document, QUOTE), motivation: 'commenting', comment: 'x' });
    assert.equal((await sidecarJson(workspace, 'reply.note.annotations.json')).items[0].creator.name, 'Reviewer');
    service.setEditorSettings({ annotations: { tags: [{ name: 'own', label: 'Own' }] } });
    await service.reload();
    const names = (await service.annotationsOf(document)).tags.map((tag) => tag.name);
    assert.ok(names.includes('own') && names.includes('denial') && !names.includes('figure'), names.join());
  });

  it('says why when the file system refuses the write, and keeps the sidecar as it was', async () => {
    const { workspace, service } = await setup();
    const document = workspace.openDocument(uri('reply.note'), BILINGUAL.text);
    workspace.readOnly(uri('reply.note.annotations.json'));
    const outcome = await service.editAnnotations(document, { kind: 'annotate', span: spanOf(document, QUOTE), motivation: 'commenting' });
    assert.deepEqual(outcome, { applied: false, message: 'reply.note.annotations.json was not written: read-only file system.' });
    service.setLocale('zh');
    const inChinese = await service.editAnnotations(document, { kind: 'annotate', span: spanOf(document, QUOTE), motivation: 'commenting' });
    assert.deepEqual(inChinese, { applied: false, message: 'reply.note.annotations.json 未写入：只读文件系统。' });
    assert.equal(await workspace.stat(uri('reply.note.annotations.json')), undefined);
  });

  it('never writes a sidecar with errors, and lists what it could read', async () => {
    const malformed = '{ "type": "AnnotationCollection", "items": [ { "id": 1 } ] }';
    const { workspace, service } = await setup({ 'reply.note.annotations.json': malformed });
    const document = workspace.openDocument(uri('reply.note'), BILINGUAL.text);
    const found = await service.annotationsOf(document);
    assert.equal(found.writable, false);
    assert.ok(found.problems.some((problem) => problem.severity === 'error'));
    const outcome = await service.editAnnotations(document, { kind: 'annotate', span: spanOf(document, QUOTE), motivation: 'commenting' });
    assert.equal(outcome.applied, false);
    const read = await workspace.readFile(uri('reply.note.annotations.json'), { maxBytes: 1 << 20 });
    assert.equal(read.kind === 'read' && new TextDecoder().decode(read.bytes), malformed);
  });

  it('reports an orphan as an Information finding where it stood', async () => {
    const { workspace, service } = await setup();
    const document = workspace.openDocument(uri('reply.note'), BILINGUAL.text);
    await service.editAnnotations(document, { kind: 'annotate', span: spanOf(document, QUOTE), motivation: 'commenting' });
    const gone = document.getText().replace(QUOTE, 'did something else entirely');
    type(service, document, [{ text: gone }]);
    const findings = (await service.findingsInSlices(document)) ?? [];
    const orphan = findings.find((finding) => finding.code === 'annotation-orphaned');
    assert.ok(orphan, findings.map((finding) => finding.code).join());
    assert.equal(orphan.severity, 'information');
    assert.match(orphan.message, /no longer found/);
  });
});
