/**
 * `.diplonote.json` and the editor's settings, in process: glossary files by glob (`**`, braces,
 * classes, Windows separators), check severities, language and annotation tags, the editor overriding
 * the project file, and every problem of the file placed at its line.
 */
import * as assert from 'node:assert/strict';
import { finish } from '../../server/src/core/checks';
import { COMMUNICATION } from '../support/workspaceNotes';
import { note, uri, workspaceOf, type Setup } from './support';

const CSV = (en: string, zh: string) => `en,zh\n${en},${zh}\n`;
const MISMATCH = note('---', 'counterpart: pair.zh.note', '---', 'On 1 March 2025, China repatriated 210 nationals.').text;
const PARTNER = { 'pair.zh.note': '2025年3月1日，中方遣返了120名公民。' };

/** The glossary files read: every one has an entry among the file problems, empty when it has none. */
function glossariesRead(setup: Setup): string[] {
  return [...setup.service.fileProblems().keys()].filter((file) => !file.endsWith('.diplonote.json')).sort();
}

async function hoverText(setup: Setup, text: string, term: string): Promise<string> {
  const document = setup.open(`hover-${term.length}.note`, text);
  return (await setup.service.hover(document, text.indexOf(term) + 1))?.markdown ?? '';
}

async function severities(setup: Setup): Promise<string[]> {
  const findings = finish(await setup.service.findings(setup.open('pair.note', MISMATCH)));
  return findings.map((f) => `${f.code}:${f.severity}`);
}

describe('service: configuration', () => {
  it('loads the glossary files a project file names by glob (**, braces, classes, backslashes), besides the convention names', async () => {
    const setup = await workspaceOf({
      '.diplonote.json': '{\n  // the team\'s terms\n  "glossary": { "files": ["terms/**/*.{csv,tsv}", "legacy\\\\t[ae]rms.csv"] }\n}\n',
      'terms/a/one.csv': CSV('scam compound', '诈骗园区'),
      'terms/two.tsv': 'en\tzh\nreturnee\t回国人员\n',
      'legacy/terms.csv': CSV('charter flight', '包机'),
      'legacy/tirms.csv': CSV('not this one', '不是'),
      'team.glossary.json': '{ "entries": [ { "en": "psychological counselling", "zh": "心理疏导" } ] }',
      '.hidden/secret.glossary.json': '{ "entries": [] }',
      'node_modules/x/y.glossary.json': '{ "entries": [] }',
    });
    assert.deepEqual(glossariesRead(setup), ['legacy/terms.csv', 'team.glossary.json', 'terms/a/one.csv', 'terms/two.tsv'].map(uri));
    assert.deepEqual([...setup.service.fileProblems().values()].flat(), []);
    assert.match(await hoverText(setup, 'Held in a scam compound.', 'scam compound'), /From.*terms\/a\/one\.csv/);
  });

  it('applies the check severities of the project file, and the editor\'s settings over them', async () => {
    const files = { ...PARTNER, '.diplonote.json': '{ "checks": { "number-mismatch": "error", "date-mismatch": "off" } }' };
    assert.deepEqual(await severities(await workspaceOf(files)), ['number-mismatch:error']);
    assert.deepEqual(await severities(await workspaceOf(files, { checks: { 'number-mismatch': 'hint' } })), ['number-mismatch:hint']);
    assert.deepEqual(await severities(await workspaceOf(files, { checks: { 'number-mismatch': 'off' } })), []);
  });

  it('lets the editor\'s glossary.files replace those of the project file', async () => {
    const setup = await workspaceOf({
      '.diplonote.json': '{ "glossary": { "files": ["a.csv"] } }', 'a.csv': CSV('scam compound', '诈骗园区'), 'b.csv': CSV('returnee', '回国人员'),
    }, { glossary: { files: ['b.csv'] } });
    assert.deepEqual(glossariesRead(setup), [uri('b.csv')]);
  });

  it('carries the language tags and the annotation tags', async () => {
    const { service } = await workspaceOf({
      '.diplonote.json': JSON.stringify({
        languages: { en: 'en-GB', zh: 'zh-Hans-CN' },
        annotations: { tags: [{ name: 'denial', label: { en: 'Denial', zh: '否认' }, colour: '#c33' }] },
      }),
    });
    const configuration = service.configurationFor(uri('any.note'));
    assert.deepEqual(configuration.languageTags, { en: 'en-GB', zh: 'zh-Hans-CN' });
    assert.deepEqual(configuration.annotationTags, [{ name: 'denial', label: { en: 'Denial', zh: '否认' }, colour: '#c33' }]);
    assert.deepEqual(service.configurationFor('file:///elsewhere/x.note').languageTags, { en: 'en', zh: 'zh' }, 'outside the folder: defaults');
  });

  it('places every problem of the project file at its line, keeps unknown keys, and applies the rest', async () => {
    const setup = await workspaceOf({
      ...PARTNER,
      '.diplonote.json': [
        '{',
        '  "checks": { "number-mismatch": "loud", "spelling": "error", "date-mismatch": "off" },',
        '  "glossary": { "files": ["/etc/terms.csv", "../x.csv", "ok.csv"] },',
        '  "languages": { "en": "English!" },',
        '  "futureFeature": { "on": true },',
        '  "exclude": "archive"',
        '}',
      ].join('\n'),
    });
    const problems = setup.service.fileProblems().get(uri('.diplonote.json')) ?? [];
    assert.deepEqual(problems.map((p) => [p.line, p.severity, p.message.slice(0, 40)]), [
      [1, 'error', 'diplonote.checks.number-mismatch must be'],
      [1, 'error', 'diplonote.checks.spelling is not a known'],
      [2, 'error', 'This path is an absolute path, not a rel'],
      [2, 'error', 'This path climbs out of the workspace fo'],
      [3, 'error', '"languages.en" must be a language tag su'],
      [4, 'warning', 'Unknown key "futureFeature"; it is kept '],
      [5, 'error', '"exclude" must be a list of relative pat'],
    ]);
    assert.deepEqual(await severities(setup), ['number-mismatch:warning'], 'the valid setting applies, the invalid one keeps its default');
  });

  it('reports a syntax error at its line and never throws, whatever the file holds', async () => {
    for (const text of ['{ "checks": { "number-mismatch": "error" ', '[[[['.repeat(50_000), '\u0000\u0001', '"just a string"', '']) {
      const setup = await workspaceOf({ '.diplonote.json': text });
      const problems = setup.service.fileProblems().get(uri('.diplonote.json')) ?? [];
      assert.ok(text === '' || problems.length > 0, JSON.stringify(text.slice(0, 20)));
    }
  });

  it('refuses a path that names nothing (`.`, `./`, `/./`): the index is built, not thrown out by the glob matcher', async () => {
    // Found by the fuzzer: "exclude": ["."] became an empty glob, which picomatch throws on, and the server died.
    const setup = await workspaceOf({
      'a.note': COMMUNICATION,
      '.diplonote.json': '{ "exclude": [".", "./"], "glossary": { "files": ["./."] } }',
    }, { glossary: { files: ['.'] } });
    const problems = setup.service.fileProblems().get(uri('.diplonote.json')) ?? [];
    assert.deepEqual(problems.map((p) => p.message.slice(0, 40)), Array(3).fill('This path names no file or pattern; path'));
    await setup.service.indexWorkspace();
    assert.deepEqual(setup.service.workspaceSymbols('AL CHN 4/2025').map((symbol) => symbol.uri), [uri('a.note')]);
  });

    it('reads the project file again when it changes', async () => {
    const setup = await workspaceOf({ ...PARTNER, '.diplonote.json': '{}' });
    assert.deepEqual(await severities(setup), ['number-mismatch:warning']);
    setup.workspace.writeFile(uri('.diplonote.json'), '{ "checks": { "number-mismatch": "error" } }');
    assert.deepEqual(await severities(setup), ['number-mismatch:error']);
  });
});
