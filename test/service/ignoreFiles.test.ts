/**
 * `IgnoreFiles` against git itself: the same files and `.gitignore` files (nested, with negations,
 * folder rules and anchored rules) in an in-memory workspace and in a real repository; a note is left
 * out of the index exactly when `git ls-files --others --exclude-standard` leaves it out.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { IgnoreFiles } from '../../server/src/service/ignoreFiles';
import { MemoryWorkspace } from '../../server/src/service/memoryWorkspace';
import { joinSegments } from '../../server/src/service/uris';
import { FOLDER } from './support';

const IGNORE_FILES: Record<string, string> = {
  '.gitignore': '*.draft.note\nbuild/\n/top-only.note\nlogs/**/*.note\n',
  'sub/.gitignore': '!keep.draft.note\ninner/\n',
  'sub/deeper/.gitignore': '*.note\n!wanted.note\n',
};

const NOTES = [
  'a.note', 'top-only.note', 'x/top-only.note', 'b.draft.note', 'sub/a.draft.note', 'sub/keep.draft.note',
  'other/keep.draft.note', 'build/x.note', 'sub/build/y.note', 'sub/inner/z.note', 'inner/z.note', 'logs/2025/a.note',
  'logs/a.note', 'sub/deeper/c.note', 'sub/deeper/wanted.note', 'sub/deeper/more/d.note', 'sp ace/é.note',
];

/** The notes git would leave untracked but not ignored, in a fresh repository holding the same files. */
function keptByGit(): Set<string> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'diplonote-gitignore-'));
  try {
    for (const [file, text] of Object.entries({ ...IGNORE_FILES, ...Object.fromEntries(NOTES.map((note) => [note, 'Note.\n'])) })) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    }
    const git = (...args: string[]) => execFileSync('git', ['-c', 'core.excludesFile=/dev/null', '-c', 'core.quotePath=false', ...args], { cwd: root, encoding: 'utf8' });
    git('init', '-q');
    return new Set(git('ls-files', '--others', '--exclude-standard').split('\n').filter((file) => file.endsWith('.note')));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

describe('service: .gitignore files, as git reads them', () => {
  it('leaves out of the index exactly the notes git ignores', async () => {
    const workspace = new MemoryWorkspace([FOLDER]);
    for (const [file, text] of Object.entries(IGNORE_FILES)) workspace.writeFile(joinSegments(FOLDER, file.split('/')), text);
    const ignoreFiles = new IgnoreFiles(workspace);
    const keptHere = new Set<string>();
    for (const note of NOTES) {
      if (!(await ignoreFiles.ignores(FOLDER, joinSegments(FOLDER, note.split('/'))))) keptHere.add(note);
    }
    assert.deepEqual([...keptHere].sort(), [...keptByGit()].sort());
  });
});
