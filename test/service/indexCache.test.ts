/**
 * The index kept between sessions, in process: a second service over the same in-memory workspace
 * reads only the notes whose version changed (the index reads on its own thread here: no summariser),
 * and a stored index is used only when it holds what this code writes for these folders.
 */
import * as assert from 'node:assert/strict';
import { createNoteService, type NoteService } from '../../server/src/service';
import { loadCachedNotes, storedText, type IndexStore } from '../../server/src/service/indexCache';
import { MemoryWorkspace } from '../../server/src/service/memoryWorkspace';
import type { FileRead, ReadLimits } from '../../server/src/service/workspace';
import type { IndexedNote } from '../../server/src/service/workspaceIndex';
import { FOLDER, uri } from './support';

/** The in-memory workspace, counting the reads of each file. */
class CountingWorkspace extends MemoryWorkspace {
  readonly reads = new Map<string, number>();

  override async readFile(uri: string, limits: ReadLimits): Promise<FileRead> {
    this.reads.set(uri, (this.reads.get(uri) ?? 0) + 1);
    return super.readFile(uri, limits);
  }
}

class MemoryStore implements IndexStore {
  text: string | undefined;
  constructor(readonly stamp = 'build 1') {}

  async load(): Promise<string | undefined> {
    return this.text;
  }

  async save(text: string): Promise<void> {
    this.text = text;
  }
}

function reply(ownReference: string): string {
  return `${ownReference}\n\nWith reference to communication AL CHN 4/2025, the Government of China provides the following reply.\n`;
}

async function indexedService(workspace: MemoryWorkspace, store: IndexStore): Promise<NoteService> {
  const service = createNoteService({ workspace, toolVersion: 'test', indexStore: () => store });
  await service.reload();
  await service.indexWorkspace();
  return service;
}

function carried(service: NoteService): string[] {
  return service.workspaceSymbols('CHN/HR').filter((symbol) => symbol.field === 'reference').map((symbol) => symbol.name).sort();
}

describe('service: the index kept between sessions', () => {
  it('reads again only the notes whose version changed, and drops the notes gone', async () => {
    const workspace = new CountingWorkspace([FOLDER]);
    workspace.writeFile(uri('a.note'), reply('CHN/HR/2025/34'));
    workspace.writeFile(uri('b.note'), reply('CHN/HR/2025/40'));
    workspace.writeFile(uri('c.note'), reply('CHN/HR/2025/41'));
    const store = new MemoryStore();
    const first = await indexedService(workspace, store);
    await first.storeIndex();
    assert.ok(store.text, 'the index is stored');

    workspace.writeFile(uri('b.note'), reply('CHN/HR/2025/45'));
    workspace.deleteFile(uri('c.note'));
    workspace.reads.clear();
    const second = await indexedService(workspace, store);
    assert.deepEqual(carried(second), ['CHN/HR/2025/34', 'CHN/HR/2025/45']);
    assert.deepEqual([...workspace.reads.keys()], [uri('b.note')], 'only the changed note is read');
  });

  it('reads every note when the stored index is from another build', async () => {
    const workspace = new CountingWorkspace([FOLDER]);
    workspace.writeFile(uri('a.note'), reply('CHN/HR/2025/34'));
    const first = await indexedService(workspace, new MemoryStore('build 1'));
    const store = new MemoryStore('build 2');
    store.text = storedText('build 1', [FOLDER], [first.indexedNote(uri('a.note'))!]);
    workspace.reads.clear();
    await indexedService(workspace, store);
    assert.deepEqual([...workspace.reads.keys()], [uri('a.note')]);
  });
});

describe('service: what a stored index must hold to be used', () => {
  const FIELDS = { languages: ['en' as const], mentions: [], inReplyTo: [], counts: { en: { paragraphs: 1, points: 0 } }, inlineAnnotations: 0 };
  const NOTE: IndexedNote = { uri: uri('a.note'), version: -3, fromEditor: false, ...FIELDS };

  async function loaded(text: string, folders = [FOLDER]): Promise<number> {
    const store = new MemoryStore('s');
    store.text = text;
    return (await loadCachedNotes(store, folders)).size;
  }

  it('gives back what it stored, for the same folders and build', async () => {
    const store = new MemoryStore('s');
    store.text = storedText('s', [FOLDER], [NOTE, { ...NOTE, uri: uri('open.note'), fromEditor: true }]);
    const notes = await loadCachedNotes(store, [FOLDER]);
    assert.deepEqual([...notes.keys()], [uri('a.note')], 'an open note is not stored (the editor has its text)');
    assert.deepEqual(notes.get(uri('a.note')), { version: -3, fields: FIELDS });
  });

  it('is not used for other folders, another build, text cut short, or an entry of the wrong shape', async () => {
    assert.equal(await loaded(storedText('s', [FOLDER], [NOTE]), ['file:///other']), 0);
    assert.equal(await loaded(storedText('other build', [FOLDER], [NOTE])), 0);
    assert.equal(await loaded(storedText('s', [FOLDER], [NOTE]).slice(0, -10)), 0);
    const broken = [{ ...NOTE, mentions: 'AL CHN 4/2025' }, { ...NOTE, counts: { en: { paragraphs: -1, points: 0 } } }, { ...NOTE, version: 'x' }];
    for (const note of broken) assert.equal(await loaded(storedText('s', [FOLDER], [note as never])), 0, JSON.stringify(note));
  });
});
