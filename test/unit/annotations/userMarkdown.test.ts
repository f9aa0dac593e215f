/** A user's comment in a hover: Markdown kept, images and HTML never rendered. */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { userMarkdown } from '../../../server/src/service/features/annotations';

describe('userMarkdown (comments in hovers)', () => {
  it('keeps emphasis, links and lists; turns images and HTML into text', () => {
    assert.equal(userMarkdown('**bold** and [a link](https://example.org)\n- item'), '**bold** and [a link](https://example.org)\n- item');
    assert.equal(userMarkdown('![tracker](https://x.example/p.png)'), '!\\[tracker](https://x.example/p.png)');
    assert.equal(userMarkdown('<img src=x onerror=alert(1)> &amp;'), '&lt;img src=x onerror=alert(1)> &amp;amp;');
    // A backslash typed before cannot undo the escape.
    assert.equal(userMarkdown('\\<b>x</b> \\![y](z)'), '\\&lt;b>x&lt;/b> \\!\\[y](z)');
  });

  it('leaves fenced code as written (nothing renders there)', () => {
    const fenced = '```\n<b>x</b> ![y](z)\n```\n<i>';
    assert.equal(userMarkdown(fenced), '```\n<b>x</b> ![y](z)\n```\n&lt;i>');
  });

  it('never leaves an image or an HTML tag outside fences, whatever the text', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('!', '[', ']', '<', '>', '&', 'a', '`', '~', '\n', ' ', '(', ')', '\\', ';') }), (text) => {
      const lines = userMarkdown(text).split('\n');
      let fence: string | undefined;
      for (const line of lines) {
        const opening = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
        if (fence !== undefined) {
          if (opening && opening[0] === fence[0] && opening.length >= fence.length) fence = undefined;
          continue;
        }
        if (opening) {
          fence = opening;
          continue;
        }
        assert.doesNotMatch(line, /!\[|<|&(?!lt;|amp;)/);
      }
    }));
  });
});
