/**
 * The YAML front matter as a writer of notes types it: what is read, and every problem at the line and
 * column (1-based, as an editor shows them) where the fix goes.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyse } from '../../../server/src/core/analyse';
import { IncrementalAnalyser } from '../../../server/src/core/incremental';
import type { Note } from '../../../server/src/core/model';
import { MAX_FRONT_MATTER_CHARS } from '../../../server/src/core/recognise/frontMatter';

const lines = (...rows: string[]) => rows.join('\n');
const BODY = 'The Embassy presents its compliments to the Ministry and has the honour to refer to its note.';

/** `line:column` (1-based) of an offset. */
function place(note: Note, offset: number): string {
  let line = 0;
  while (line + 1 < note.lineStarts.length && note.lineStarts[line + 1] <= offset) line++;
  return `${line + 1}:${offset - note.lineStarts[line] + 1}`;
}

/** Each problem as `line:column "the text it covers" message`. */
function problems(text: string): string[] {
  const note = analyse(text);
  return note.problems.map((p) => `${place(note, p.span.start)} "${text.slice(p.span.start, p.span.end)}" ${p.message}`);
}

function entries(text: string): Record<string, string> {
  return Object.fromEntries((analyse(text).frontMatter?.entries ?? []).map((e) => [e.key, e.value]));
}

describe('front matter: what is read', () => {
  it('reads comments, quoted values with escapes and values as written', () => {
    const text = lines('---',
      '# the reply to the allegation letter',
      'reference: "CHN/HR/2025/34"   # as on the original',
      'title: "Reply \\u2014 \\"urgent\\" appeal"',
      "sender: 'Permanent Mission''s Office'",
      'date: 2025-09-05',
      'counterpart: 007.zh.note',
      '---', '', BODY);
    assert.deepEqual(entries(text), {
      reference: 'CHN/HR/2025/34', title: 'Reply — "urgent" appeal', sender: "Permanent Mission's Office",
      date: '2025-09-05', counterpart: '007.zh.note',
    });
    assert.deepEqual(problems(text), []);
    const note = analyse(text);
    assert.equal(note.ownReference?.valueText, 'CHN/HR/2025/34');
    assert.equal(text.slice(note.ownReference!.value.start, note.ownReference!.value.end), '"CHN/HR/2025/34"');
    assert.equal(note.paragraphs.length, 1);
  });

  it('reads in-reply-to as a list, in block or flow style, with the place of each item', () => {
    for (const text of [
      lines('---', 'in-reply-to:', '  - AL CHN 4/2025', '  - "UA CHN 2/2025"', '---', BODY),
      lines('---', 'in-reply-to: [AL CHN 4/2025, "UA CHN 2/2025"]', '---', BODY),
    ]) {
      const entry = analyse(text).frontMatter!.entries[0];
      assert.equal(entry.value, 'AL CHN 4/2025, UA CHN 2/2025');
      assert.deepEqual(entry.items?.map((item) => [item.value, text.slice(item.span.start, item.span.end)]),
        [['AL CHN 4/2025', 'AL CHN 4/2025'], ['UA CHN 2/2025', '"UA CHN 2/2025"']]);
      assert.deepEqual(problems(text), []);
    }
    assert.equal(analyse(lines('---', 'in-reply-to: AL CHN 4/2025', '---', BODY)).frontMatter!.entries[0].items, undefined);
  });

  it('joins folded lines and keeps block values', () => {
    const text = lines('---', 'sender: Permanent Mission of China', '  to the United Nations Office at Geneva',
      'addressee: |', '  Office of the High Commissioner', '  Geneva', '---', BODY);
    assert.deepEqual(entries(text), {
      sender: 'Permanent Mission of China to the United Nations Office at Geneva',
      addressee: 'Office of the High Commissioner\nGeneva',
    });
  });

  it('reads CRLF, lone CR and a byte-order mark alike', () => {
    for (const text of ['---\r\nreference: A/1\r\nlanguage: zh\r\n---\r\n中文。', '---\rreference: A/1\rlanguage: zh\r---\r中文。', '\uFEFF---\nreference: A/1\nlanguage: zh\n---\n中文。']) {
      assert.deepEqual(entries(text), { reference: 'A/1', language: 'zh' }, JSON.stringify(text));
      assert.deepEqual(problems(text), [], JSON.stringify(text));
      assert.equal(analyse(text).language, 'zh');
    }
  });

  it('takes an empty front matter, or one of comments only, without a word', () => {
    for (const text of [lines('---', '---', BODY), lines('---', '# nothing yet', '', '---', BODY)]) {
      assert.deepEqual(analyse(text).frontMatter?.entries, []);
      assert.deepEqual(problems(text), []);
    }
  });
});

describe('front matter: every problem at its line and column', () => {
  const cases: ReadonlyArray<readonly [string, string, string[]]> = [
    ['an unknown key, with the nearest known one', lines('---', 'refrence: CHN/1', 'Language: en', 'in_reply_to: AL CHN 4/2025', 'colour: blue', '---'), [
      '2:1 "refrence" Unknown front matter key "refrence": did you mean "reference"?',
      '3:1 "Language" Unknown front matter key "Language": did you mean "language"?',
      '4:1 "in_reply_to" Unknown front matter key "in_reply_to": did you mean "in-reply-to"?',
      '5:1 "colour" Unknown front matter key "colour" (known: reference, date, sender, addressee, in-reply-to, counterpart, language, title).',
    ]],
    ['a line that is not key: value', lines('---', 'reference: CHN/1', 'reply to the letter of May', '---'), [
      '3:1 "reply to the letter of May" This line is not "key: value" (a key, a colon, a space, the value).',
    ]],
    ['a value holding ": "', lines('---', 'title: Note: reply to AL CHN 4/2025', '---'), [
      '2:8 "N" This value contains ": ", which YAML reads as another key; put the value in quotes.',
    ]],
    ['a key given twice, and a key without a value', lines('---', 'date: 2025-09-05', 'date: 2025-09-06', 'sender:', '---'), [
      '3:1 "date" The front matter sets "date" twice; the first value counts.',
      '4:1 "sender" Front matter key "sender" has no value.',
    ]],
    ['a quote left open, a bad escape', lines('---', 'title: "Reply to the appeal', 'sender: "C:\\Mission"', '---'), [
      '2:27 "l" This quoted value has no closing ".',
      '3:12 "\\" "\\M" is not an escape in a double-quoted value: write \\\\ for a backslash, or use single quotes.',
    ]],
    ['a tab for indentation', lines('---', 'in-reply-to:', '\t- AL CHN 4/2025', '---'), [
      '3:1 "\t" A tab indents this line; YAML is indented with spaces.',
    ]],
    ['a list or nested keys where text is expected', lines('---', 'reference: [CHN/1, CHN/2]', 'sender:', '  name: Mission', '---'), [
      '2:12 "[CHN/1, CHN/2]" "reference" takes one value, not a list.',
      '4:3 "name: Mission" "sender" takes text, not "key: value" lines of its own. If the value contains ": ", put it in quotes.',
    ]],
    ['YAML signs that eat part of a value', lines('---', 'title: *Urgent* reply', 'sender: &Co Ltd', 'addressee: !OHCHR Geneva', 'counterpart: @other.note', '---'), [
      '2:8 "*Urgent*" "*Urgent*" reads as a YAML alias, which the front matter does not use; put the value in quotes to keep the "*".',
      '3:9 "&Co" "&Co" reads as a YAML anchor and is left out of the value; put the value in quotes to keep it.',
      '4:12 "!OHCHR" Front matter values are plain text: this YAML tag is left out of the value; put the value in quotes to keep it.',
      '5:14 "@" A value cannot start with "@" unless it is in quotes.',
    ]],
    ['a language Diplonote does not know', lines('---', 'language: englsh', '---'), [
      '2:11 "englsh" "englsh" is not a language Diplonote knows (en, zh, english, chinese); the note is read as neither English nor Chinese.',
    ]],
    ['a list instead of key: value lines', lines('---', '- reference', '- date', '---'), [
      '2:1 "- reference\n- date" The front matter is made of "key: value" lines (a key, a colon, a space, the value).',
    ]],
    ['a second YAML document', lines('---', 'title: Reply', '...', 'date: 2025-09-05', '---'), [
      '4:1 "date: 2025-09-05" Only the first YAML document is read: the front matter ends at the "..." line above.',
    ]],
  ];
  for (const [what, text, expected] of cases) {
    it(what, () => assert.deepEqual(problems(`${text}\n${BODY}`), expected));
  }

  it('accepts exactly the language names the note\'s language is read from', () => {
    for (const name of ['en', 'English', 'zh', 'Chinese', 'zh-CN', 'zh-Hans', '中文']) {
      const text = lines('---', `language: ${name}`, '---', BODY);
      assert.deepEqual(problems(text), [], name);
      assert.notEqual(analyse(text).language, 'other', name);
    }
    assert.equal(analyse(lines('---', 'language: fr', '---', BODY)).language, 'other');
  });

  it('keeps the good keys of a front matter that has bad ones', () => {
    const text = lines('---', 'reference: ABC/2025/1', 'colour: blue', 'language: zh', 'no colon here', '---', '中文。');
    assert.deepEqual(entries(text), { reference: 'ABC/2025/1', language: 'zh' });
    assert.equal(analyse(text).language, 'zh');
  });

  it('reports a front matter that is never closed at its first line, and reads the note after it', () => {
    const text = lines('---', 'language: zh', 'reference: CHN/1', BODY);
    assert.deepEqual(problems(text), [
      `1:1 "---" This front matter has no closing "---" line in its first 8 KiB: add one after its last key. Until then its keys are not read.`,
    ]);
    const note = analyse(text);
    assert.equal(note.frontMatter, undefined);
    assert.equal(note.language, 'en');
    assert.deepEqual(note.paragraphs.map((p) => text.slice(p.span.start, p.span.end)), [BODY]);
  });
});

describe('front matter: hostile input is bounded', () => {
  it('refuses deep nesting without composing it', () => {
    for (const nesting of ['['.repeat(8000), '{a: '.repeat(2000), '- '.repeat(4000) + 'x']) {
      const text = `---\ntitle:\n  ${nesting}\n---\n${BODY}`;
      const found = problems(text);
      assert.ok(found.some((p) => p.includes('Values nested this deep are not read')), found.slice(0, 3).join('\n'));
      assert.equal(analyse(text).paragraphs.length, 1);
    }
  });

  it('never expands aliases (a billion laughs costs one problem per alias)', () => {
    const levels = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let level = 1; level < 9; level++) {
      const name = String.fromCharCode(97 + level);
      const previous = String.fromCharCode(96 + level);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    const found = problems(lines('---', ...levels, '---', BODY));
    assert.ok(found.every((p) => /YAML (alias|anchor)|Unknown front matter key/.test(p)), found.slice(0, 3).join('\n'));
  });

  it('looks for the closing line only in the first 8 KiB', () => {
    const keys = Array.from({ length: 2000 }, (_, i) => `key${i}: value`);
    assert.ok(keys.join('\n').length > MAX_FRONT_MATTER_CHARS);
    const text = lines('---', ...keys, '---', BODY);
    const note = analyse(text);
    assert.equal(note.frontMatter, undefined);
    assert.equal(note.problems.length, 1);
    assert.match(note.problems[0].message, /no closing "---" line in its first 8 KiB/);
  });

  it('reads a front matter of many keys and duplicates up to the bound', () => {
    const keys = Array.from({ length: 800 }, (_, i) => (i % 2 ? 'date: 2025-09-05' : `k${i}: v`)).join('\n').slice(0, MAX_FRONT_MATTER_CHARS - 20);
    const text = lines('---', keys.slice(0, keys.lastIndexOf('\n')), '---', BODY);
    const note = analyse(text);
    assert.ok(note.frontMatter);
    assert.deepEqual(note.frontMatter.entries.map((e) => e.key), ['date']);
    assert.ok(note.problems.length > 500);
  });
});

describe('front matter and incremental analysis', () => {
  const heads = [
    lines('---', 'reference: CHN/1', 'language: en', '---'),
    lines('---', 'reference: CHN/1', 'title: "open'),
    lines('---', 'language: en'),
    '---',
  ];
  const keystroke = fc.record({
    at: fc.nat(),
    remove: fc.nat({ max: 3 }),
    insert: fc.constantFrom('a', ' ', '-', '---', ':', '#', '"', '\t', 'key: ', ''),
  });

  it('equals a fresh analysis after typing at the edge of a front matter', () => {
    fc.assert(fc.property(fc.constantFrom(...heads), fc.array(keystroke, { minLength: 1, maxLength: 20 }), (head, keystrokes) => {
      const analyser = new IncrementalAnalyser();
      let text = `${head}\n${BODY}\n\n${BODY}`;
      analyser.update(text);
      for (const { at, remove, insert } of keystrokes) {
        // Near the front matter's end, where a keystroke can open, close or extend it.
        const start = Math.min(text.length, head.length - 4 + (at % 12));
        const end = Math.min(text.length, start + remove);
        analyser.edited(start, end, insert.length, text.length);
        text = text.slice(0, start) + insert + text.slice(end);
        assert.deepStrictEqual(analyser.update(text).note, analyse(text));
      }
    }), { numRuns: 200, seed: 20261201 });
  });
});
