import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const GRAMMAR = 'syntaxes/diplomatic-note.tmLanguage.json';
const GRAMMAR_TEST_DIR = 'test/grammar';
const TOOL = join(ROOT, 'node_modules', '.bin', 'vscode-tmgrammar-test');
// The tool has no time limit of its own, and a malformed assertion line can make its parser backtrack
// for minutes; the limit turns that into a failure instead of a hung `npm test`. It is a guard against a
// hang, far above the few seconds the tool takes, so that a loaded machine does not fail the test.
const TOOL_TIME_LIMIT_MS = 120_000;
const REGEX_KEYS = new Set(['match', 'begin', 'end', 'while']);

function readJson(relativePath: string): unknown {
  return JSON.parse(readFileSync(join(ROOT, relativePath), 'utf8'));
}

/** Every regular expression of a TextMate grammar, wherever it sits in the rule tree. */
function grammarRegexes(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const item of node) grammarRegexes(item, found);
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (REGEX_KEYS.has(key) && typeof value === 'string') found.push(value);
      else grammarRegexes(value, found);
    }
  }
  return found;
}

/**
 * The Oniguruma constructs the grammar uses that JavaScript spells differently. Anchors that only
 * mean something to a line-by-line tokenizer become plain anchors or nothing; case-insensitive
 * groups lose their flag, which changes what they match but not whether they compile.
 */
const ONIGURUMA_TO_JS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\\A/g, '^'],
  [/\\G/g, ''],
  [/\\p\{Han\}/g, '\\p{Script=Han}'],
  [/\(\?i:/g, '(?:'],
];

function toJavaScript(pattern: string): RegExp {
  let source = pattern;
  for (const [construct, replacement] of ONIGURUMA_TO_JS) source = source.replace(construct, replacement);
  return new RegExp(source, 'gu');
}

function grammarTestFiles(): string[] {
  return readdirSync(join(ROOT, GRAMMAR_TEST_DIR)).filter((name) => name.endsWith('.test.note')).sort();
}

describe('TextMate grammar (syntaxes/diplomatic-note.tmLanguage.json)', () => {
  it('passes every grammar test file under vscode-tmgrammar-test', function () {
    this.timeout(TOOL_TIME_LIMIT_MS + 10_000);
    const result = spawnSync(TOOL, ['-g', GRAMMAR, `${GRAMMAR_TEST_DIR}/*.test.note`], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: TOOL_TIME_LIMIT_MS,
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    assert.equal(result.error, undefined, `vscode-tmgrammar-test did not finish: ${String(result.error)}`);
    assert.equal(result.status, 0, result.stdout + result.stderr);
    const reported = [...result.stdout.matchAll(/^✓ (\S+) run successfuly\.$/gm)].map((m) => m[1].split('/').pop());
    const files = grammarTestFiles();
    assert.ok(files.length >= 8, `expected the grammar test files, found ${files.length}`);
    assert.deepEqual(reported.sort(), files);
  });

  it('is the grammar package.json contributes, under the same scope name', () => {
    const manifest = readJson('package.json') as { contributes: { grammars: Array<{ scopeName: string; path: string }> } };
    const grammar = readJson(GRAMMAR) as { scopeName: string };
    assert.deepEqual(manifest.contributes.grammars.map((g) => [g.scopeName, g.path]), [[grammar.scopeName, `./${GRAMMAR}`]]);
    assert.equal(grammar.scopeName, 'text.diplomatic-note');
  });

  it('writes every regex so that JavaScript compiles it too (Oniguruma-only syntax translated)', () => {
    const regexes = grammarRegexes(readJson(GRAMMAR));
    const regexKeysInFile = readFileSync(join(ROOT, GRAMMAR), 'utf8').match(/"(?:match|begin|end|while)":/g) ?? [];
    assert.equal(regexes.length, regexKeysInFile.length);
    for (const pattern of regexes) assert.doesNotThrow(() => toJavaScript(pattern), pattern);
  });

  it('scans long repetitive lines in linear time (JavaScript backtracking as a stand-in for Oniguruma)', () => {
    const regexes = grammarRegexes(readJson(GRAMMAR)).map(toJavaScript);
    const units = ['1,', 'A1/', 'UA x ', 'AL CHN 4/', '(ii', 'Ref. 1', '1 May ', '统一是', '"', 'the assurances of its '];
    // A regex that backtracks catastrophically takes minutes on a 5,000-character line, past the test's
    // time-out; a linear one, microseconds. Each match ends after it starts, as far as the line's end.
    for (const unit of units) {
      const line = unit.repeat(Math.ceil(5_000 / unit.length));
      for (const regex of regexes) assert.ok(countMatches(regex, line) <= line.length + 1, `${regex} on ${unit}…`);
    }
  });
});

function countMatches(regex: RegExp, text: string): number {
  regex.lastIndex = 0;
  let count = 0;
  for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
    count++;
    if (match[0] === '') regex.lastIndex++;
  }
  return count;
}

describe('language-configuration.json word pattern', () => {
  const configuration = readJson('language-configuration.json') as { wordPattern: { pattern: string; flags: string } };
  const words = (text: string): string[] =>
    text.match(new RegExp(configuration.wordPattern.pattern, configuration.wordPattern.flags + 'g')) ?? [];

  it('makes each run of Chinese ideographs one word, apart from Latin codes inside it', () => {
    assert.deepEqual(words('发送的AL CHN 4/2025号来文'), ['发送的', 'AL', 'CHN', '4/2025', '号来文']);
    assert.deepEqual(words('2025年2月20日'), ['2025', '年', '2', '月', '20', '日']);
    assert.deepEqual(words('二〇二五年，𠀀𠀁字'), ['二〇二五年', '𠀀𠀁字']);
  });

  it('keeps references, hyphenated words, apostrophes and grouped numbers whole', () => {
    assert.deepEqual(words('CHN/HR/2025/34 cross-border People\'s People’s 5,415 1,200.'), [
      'CHN/HR/2025/34', 'cross-border', "People's", 'People’s', '5,415', '1,200',
    ]);
    assert.deepEqual(words("'quoted' end- -start café"), ['quoted', 'end', 'start', 'café']);
  });

  it('scans a long line of separators in linear time', () => {
    // Quadratic backtracking would take minutes on these 200,000 characters, past the test's time-out.
    assert.equal(words('a-'.repeat(100_000)).length, 1);
    assert.equal(words("a'/".repeat(50_000)).length, 50_000);
  });
});
