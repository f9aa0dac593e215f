/**
 * The listing's glob matcher (service/globs.ts) answers as picomatch's own matcher for the same list of
 * patterns does, with the options the workspace lists with: picomatch is the reference.
 */
import * as assert from 'node:assert/strict';
import picomatch from 'picomatch/posix';
import { excludedOnTheWay, globMatcher } from '../../server/src/service/globs';

const PATTERN_LISTS: readonly (readonly string[])[] = [
  // VS Code's default `files.exclude`, with the folders the index never enters.
  ['**/.git', '**/.svn', '**/.hg', '**/CVS', '**/.DS_Store', '**/Thumbs.db', '**/node_modules', '**/.*'],
  ['**/*.note', '**/*.note.annotations.json'],
  ['!**/*.note'],
  ['drafts/{a,b}/**', '[ab]*.note', '!(x).note', '**/old-*/**', 'x/**/y'],
  ['*.{en,zh}.note', 'a?c.note', '@(a|b).note', '**/[0-9][0-9][0-9][0-9]/*.note'],
  // Spelled as a path is: picomatch takes the path as matching although `[1]` is a class.
  ['a[1].note', '来文/**', '**/*.照会'],
];

const PATHS = [
  'a.note', 'A.NOTE', '.git', 'x/.git', 'x/.git/y', 'node_modules', 'x/node_modules', 'drafts/a/q.note', 'drafts/c/q.note',
  'b1.note', 'x.note', 'y.note', 'old-1/z.note', 'q/old-2/z/w.note', 'x/y', 'x/p/q/y', 'n.en.note', 'n.fr.note', 'abc.note',
  'a.note.annotations.json', '.hidden.note', 'x/.hidden/y.note', 'Thumbs.db', 'sub/thumbs.DB', 'a/b/c.note', 'CVS/x',
  'a[1].note', 'a1.note', '来文/2025/x.note', 'a.照会', 'replies/2025/x.note', 'replies/25/x.note', '',
];

describe('service: glob matching for the listing', () => {
  for (const patterns of PATTERN_LISTS) {
    it(`answers as picomatch does for ${patterns.join(' ')}`, () => {
      const reference = picomatch([...patterns], { dot: true, nocase: true });
      const matcher = globMatcher(patterns);
      const differing = PATHS.filter((path) => matcher(path) !== reference(path));
      assert.deepEqual(differing, []);
    });
  }

  it('matches nothing without patterns', () => {
    assert.equal(globMatcher([])('a.note'), false);
  });

  it('excludes a path when a folder on the way to it matches', () => {
    const excluded = globMatcher(['drafts', '**/.git']);
    assert.equal(excludedOnTheWay('drafts/2025/a.note', excluded), true);
    assert.equal(excludedOnTheWay('x/.git/config', excluded), true);
    assert.equal(excludedOnTheWay('replies/drafts.note', excluded), false);
    assert.equal(excludedOnTheWay('drafts', excluded), true);
  });
});
