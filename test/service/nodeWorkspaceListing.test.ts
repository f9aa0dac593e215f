/**
 * `NodeWorkspace.findFiles` spells the URI of a listed file as `pathToFileURL` does, whatever its name:
 * the index keys notes by URI, and the editor's URIs for the same files must meet them.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { NodeWorkspace } from '../../server/src/node/nodeWorkspace';

const NAMES = [
  'plain.note', 'with space.note', 'hash#1.note', 'per%cent.note', 'query?.note', '中文照会.note', 'Ünïcode.note',
  '~tilde.note', 'a+b=c.note', "it's (1).note", '...note', 'sub/dir-1/deep_2.note', 'sub/空 格/x.note', 'emoji😀.note',
];

describe('listing the notes of a folder on disk', () => {
  let root: string;

  before(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'diplonote-listing-'));
    for (const name of NAMES) {
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      writeFileSync(path.join(root, name), 'Note.\n');
    }
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  const folders: Array<[string, () => string]> = [
    ['without a final slash', () => pathToFileURL(root).toString()],
    ['with a final slash', () => `${pathToFileURL(root).toString()}/`],
  ];
  for (const [spelling, folderUri] of folders) {
    it(`gives each file the URI pathToFileURL gives it (the folder's URI ${spelling})`, async () => {
      const folder = folderUri();
      const found = await new NodeWorkspace(undefined, [folder]).findFiles(folder, { include: ['**/*.note'], exclude: [], maxResults: 100 });
      const expected = NAMES.map((name) => pathToFileURL(path.join(root, name)).toString());
      assert.deepEqual([...found].sort(), [...expected].sort());
    });
  }

  it('tells each file found once, a folder at a time, a note with its sidecar even when a folder between them is walked first', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'diplonote-batches-'));
    try {
      // `a.note-x` sorts between `a.note` and its sidecar: the walk enters it before reaching the sidecar.
      for (const name of ['a.note', 'a.note-x/b.note', 'a.note.annotations.json', 'z/c.note', 'z/d.note']) {
        mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
        writeFileSync(path.join(folder, name), 'Note.\n');
      }
      const batches: string[][] = [];
      const folderUri = pathToFileURL(folder).toString();
      const found = await new NodeWorkspace(undefined, [folderUri]).findFiles(folderUri, { include: ['**/*.note', '**/*.note.annotations.json'], exclude: [], maxResults: 100 }, (batch) => {
        batches.push(batch.map((uri) => uri.slice(folderUri.length + 1)));
      });
      assert.deepEqual(found.map((uri) => uri.slice(folderUri.length + 1)), ['a.note', 'a.note-x/b.note', 'a.note.annotations.json', 'z/c.note', 'z/d.note']);
      assert.deepEqual(batches, [['a.note-x/b.note'], ['z/c.note', 'z/d.note'], ['a.note', 'a.note.annotations.json']]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
