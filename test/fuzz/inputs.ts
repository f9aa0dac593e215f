/**
 * What the fuzzer feeds the server and the CLI: notes made of real note lines and hostile pieces,
 * paths that try to leave the workspace, JSON for the settings and the project file, and arguments for
 * the commands and custom requests. All deterministic given fast-check's seed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { REPO_ROOT } from '../support/serverConnection';

const SAMPLES = path.join(REPO_ROOT, 'samples');

/** Lines of the sample notes: letterheads, references, formulas, numbered paragraphs in both languages. */
const SAMPLE_LINES = readdirSync(SAMPLES).filter((name) => name.endsWith('.note'))
  .flatMap((name) => readFileSync(path.join(SAMPLES, name), 'utf8').split(/\r?\n/))
  .filter((line) => line.trim() !== '');

/** Paths a note, a setting or an argument may name: inside the workspace, outside it, special, network. */
export const HOSTILE_PATHS = [
  'partner.zh.note', './partner.zh.note', 'sub/../partner.zh.note', '../outside/x.note', '../../etc/passwd', '/etc/passwd',
  'file:///etc/passwd', '/proc/self/environ', '/proc/self/pagemap', '/dev/zero', '//host/share/x.note', '\\\\host\\share\\x.note',
  'C:\\Windows\\win.ini', 'link-out.note', 'team.glossary.csv', 'missing.note', '', '.', '..', 'a\u0000b.note', '%2e%2e/x.note',
  'x.note?query', 'x.note#frag', 'https://example.invalid/x.note', '~/x.note', 'sub', 'settings.json',
];

const HOSTILE_PIECES = [
  '\uFEFF', '\r\n', '\r', '\u2028', '\u0000', '\u001b[31m', '\u202e', '\uD800', '\uDFFF', '𠀀𠀁', '😀', '\t',
  'constructor', '__proto__', 'toString', 'hasOwnProperty', '![x](https://example.invalid/x.png)', '<img src=x onerror=alert(1)>',
  '=HYPERLINK("http://x")', '+cmd|x', '1,234,567.89', '5,415', '二〇二五年二月二十日', '1.2.3.4.5', '(((((((', '第一、', '(a)', '1.',
  'AL CHN 4/2025', 'CHN/HR/2025/34', '---', 'counterpart:', 'language: zh', '"', "'", '\\', '%', '$&', '{{', '}}',
  '9'.repeat(400), '一'.repeat(300), 'First, '.repeat(60),
];

/** One line of a generated note. */
const line: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...SAMPLE_LINES) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...HOSTILE_PIECES), { maxLength: 6 }).map((pieces) => pieces.join('')) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_PATHS).map((p) => `counterpart: ${p}`) },
);

/** A front matter block, well formed or not, often naming a counterpart. */
const frontMatter: fc.Arbitrary<string> = fc.record({
  counterpart: fc.option(fc.oneof(fc.constantFrom(...HOSTILE_PATHS), fc.string({ maxLength: 30 })), { nil: undefined }),
  language: fc.option(fc.constantFrom('en', 'zh', 'fr', '', 'constructor'), { nil: undefined }),
  closed: fc.boolean(),
}).map(({ counterpart, language, closed }) => [
  '---', ...(counterpart !== undefined ? [`counterpart: ${counterpart}`] : []), ...(language !== undefined ? [`language: ${language}`] : []),
  ...(closed ? ['---'] : []), '',
].join('\n'));

/** A note: an optional front matter, then lines and blank lines with any line break. */
export const note: fc.Arbitrary<string> = fc.tuple(
  fc.option(frontMatter, { nil: '' }),
  fc.array(fc.tuple(line, fc.constantFrom('\n', '\n\n', '\r\n', '\r\n\r\n', '\n\n\n')), { maxLength: 40 }),
).map(([front, lines]) => front + lines.map(([text, end]) => text + end).join(''));

/** JSON values with the settings' own keys among the random ones. */
export const settingsJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record({
    maxFileSize: fc.oneof(fc.integer(), fc.double(), fc.constantFrom('1e9', null, -1, 0, 1024, Number.MAX_SAFE_INTEGER)),
    glossary: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.record({ files: fc.oneof(fc.array(fc.constantFrom(...HOSTILE_PATHS, '**/*.csv', '{a,b}/*.json', '[')), fc.jsonValue({ maxDepth: 2 })) })),
    checks: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.dictionary(
      fc.constantFrom('number-mismatch', 'date-mismatch', 'term-missing', 'constructor', '__proto__', 'toString', 'x'),
      fc.oneof(fc.constantFrom('off', 'hint', 'information', 'warning', 'error', 'Error', ''), fc.jsonValue({ maxDepth: 1 })),
    )),
    exclude: fc.oneof(fc.array(fc.constantFrom('**', '*.note', '[', '{', '!x', '../**', '')), fc.jsonValue({ maxDepth: 2 })),
    counterpart: fc.jsonValue({ maxDepth: 2 }),
    trace: fc.jsonValue({ maxDepth: 1 }),
  }, { requiredKeys: [] }),
);

/** The text of a project file: JSON, JSON with comments, or JSON broken off. */
export const projectFileText: fc.Arbitrary<string> = fc.tuple(settingsJson, fc.nat(), fc.constantFrom('json', 'comments', 'cut')).map(([value, cut, form]) => {
  const text = JSON.stringify(value, null, 2) ?? 'null';
  if (form === 'comments') return `// project\n${text.replace(/,\n/g, ', /* c */\n')}`;
  if (form === 'cut') return text.slice(0, cut % (text.length + 1));
  return text;
});

/** A glossary file's text (CSV), with the header cells users and attackers write. */
export const glossaryCsv: fc.Arbitrary<string> = fc.tuple(
  fc.array(fc.constantFrom('en', 'zh', 'definition', 'source', 'id', 'constructor', '__proto__', 'note', ''), { minLength: 1, maxLength: 5 }),
  fc.array(fc.array(fc.oneof(fc.constantFrom(...HOSTILE_PIECES), fc.string({ maxLength: 12 })), { maxLength: 5 }), { maxLength: 8 }),
).map(([header, rows]) => [header, ...rows].map((cells) => cells.join(',')).join('\n'));

/** A position: in range, at the edges, or nonsense. */
export const position = fc.record({
  line: fc.oneof(fc.nat(50), fc.constantFrom(-1, 2 ** 31, Number.MAX_SAFE_INTEGER)),
  character: fc.oneof(fc.nat(200), fc.constantFrom(-1, 2 ** 31)),
});

/** Any value a client could send where an argument is expected. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(undefined, null, {}, [], '', 'constructor', { __proto__: { uri: 'file:///etc/passwd' } }),
);
