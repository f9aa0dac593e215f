// The language server in a second, independent editor: headless Neovim (Debian 12 ships 0.7) with its
// built-in LSP client starts `node dist/server.js --stdio` on a copy of samples/, and lsp-probe.lua
// records its answers. Needs `npm run build` and nvim (scripts/setup-editors.sh installs it).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { exited, makeScratch, positionOf, readSample, repoRoot, stopGroup } from '../e2e/harness.mjs';

const REFERENCE_NOTE = 'ohchr-reply-al-chn-4-2025.note';
const PROBE_TIMEOUT_MS = 30000;

const referenceText = readSample(REFERENCE_NOTE);
// Inside English ¶4 ("The public security organs of China have spared no effort…").
const englishParagraph4 = positionOf(referenceText, 'spared no effort', 3);
const chineseParagraph4 = positionOf(referenceText, '中国公安机关全力开展');
const glossaryTerm = positionOf(referenceText, 'telecommunications fraud', 4);
const PAIR = ['visa-request.en.note', 'visa-request.zh.note'];
const englishNumbered1 = positionOf(readSample(PAIR[0]), '1. The visa application', 5);
const chineseNumbered1 = positionOf(readSample(PAIR[1]), '一、代表团成员');

/**
 * Runs nvim with the probe on the given requests per file and resolves with its JSON report. With
 * `initLua`, nvim starts with that configuration and the probe uses the client it attaches; without,
 * nvim starts clean and the probe starts the server itself.
 */
async function runProbe(scratch, requestsByFile, initLua) {
  const input = path.join(scratch.root, 'probe-in.json');
  const output = path.join(scratch.root, 'probe-out.json');
  writeFileSync(input, JSON.stringify({
    cmd: initLua ? undefined : ['node', path.join(repoRoot, 'dist', 'server.js'), '--stdio'],
    rootDir: scratch.workspace,
    timeoutMs: PROBE_TIMEOUT_MS / 3,
    files: Object.entries(requestsByFile).map(([name, requests]) => ({ path: path.join(scratch.workspace, name), requests })),
  }));
  const configuration = initLua ? ['-u', initLua] : ['--clean'];
  const probe = `luafile ${path.join(repoRoot, 'test', 'nvim', 'lsp-probe.lua')}`;
  const nvim = spawn('nvim', ['--headless', ...configuration, '-n', '-i', 'NONE', '-c', probe], {
    cwd: scratch.workspace,
    detached: true, // its own process group: nvim and the server it starts are stopped together
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...scratch.env, DIPLONOTE_PROBE_IN: input, DIPLONOTE_PROBE_OUT: output },
  });
  let stderr = '';
  nvim.stderr.on('data', (chunk) => { stderr += chunk; });
  const overdue = setTimeout(() => stopGroup(nvim, 1000), PROBE_TIMEOUT_MS);
  const status = await exited(nvim);
  clearTimeout(overdue);
  await stopGroup(nvim, 1000); // nvim stops the server itself; this only catches a straggler
  const report = (() => {
    try { return JSON.parse(readFileSync(output, 'utf8')); } catch { return undefined; }
  })();
  if (status !== 0 || !report) {
    throw new Error(`nvim probe ended with ${status}: ${report?.error ?? 'no report'}\n${stderr.slice(-2000)}`);
  }
  return report;
}

/** An answer's result, after checking the request did not fail. */
function resultOf(report, fileName, method) {
  const file = report.files.find((entry) => entry.path.endsWith(`/${fileName}`));
  const answer = file.answers.find((entry) => entry.method === method);
  assert.equal(answer.error, undefined, `${method} failed: ${JSON.stringify(answer.error)}`);
  return answer.result;
}

/** Definition answers come as a Location, Location[] or LocationLink[]: give [uri, start line] pairs. */
function targets(definition) {
  const list = Array.isArray(definition) ? definition : definition ? [definition] : [];
  return list.map((entry) => [entry.targetUri ?? entry.uri, (entry.targetSelectionRange ?? entry.range).start.line]);
}

function hoverText(hover) {
  const parts = Array.isArray(hover?.contents) ? hover.contents : [hover?.contents];
  return parts.map((part) => (typeof part === 'string' ? part : part?.value ?? '')).join('\n');
}

/**
 * A suite whose tests read one probe report, made before them in a scratch folder of its own; the
 * tests get `state.report` and `state.scratch`.
 */
function describeProbe(title, scratchPrefix, makeReport, defineTests) {
  describe(title, function () {
    this.timeout(PROBE_TIMEOUT_MS + 10000);
    const state = {};
    before(async () => {
      state.scratch = makeScratch(scratchPrefix);
      state.report = await makeReport(state.scratch);
    });
    after(() => state.scratch?.remove());
    defineTests(state);
  });
}

describeProbe('Neovim built-in LSP client with node dist/server.js --stdio', 'nvim', (scratch) => runProbe(scratch, {
  [REFERENCE_NOTE]: [
    { method: 'textDocument/documentSymbol', params: {} },
    { method: 'textDocument/hover', params: { position: glossaryTerm } },
    { method: 'textDocument/definition', params: { position: englishParagraph4 } },
  ],
  [PAIR[0]]: [{ method: 'textDocument/definition', params: { position: englishNumbered1 } }],
}), (state) => {
  it('runs in Neovim 0.7 or later and the server declares its outline capabilities', () => {
    const [major, minor] = state.report.nvim.split('.').map(Number);
    assert.ok(major > 0 || minor >= 7, `nvim ${state.report.nvim}`);
    assert.ok(state.report.capabilities.documentSymbolProvider, 'documentSymbolProvider');
    assert.ok(state.report.capabilities.foldingRangeProvider, 'foldingRangeProvider');
    assert.ok(state.report.capabilities.selectionRangeProvider, 'selectionRangeProvider');
  });

  it('document symbols of the reference note: reference, opening and both language versions, in order', () => {
    const symbols = resultOf(state.report, REFERENCE_NOTE, 'textDocument/documentSymbol');
    const names = symbols.map((symbol) => symbol.name);
    const expected = ['Reference CHN/HR/2025/34', 'Opening — presents its compliments', 'English version', '中文 Chinese version'];
    assert.deepEqual(names.filter((name) => expected.includes(name)), expected, `top-level symbols: ${names.join(' | ')}`);
    const reference = symbols.find((symbol) => symbol.name === expected[0]);
    assert.equal(reference.range.start.line, positionOf(referenceText, 'CHN/HR/2025/34\n').line);
  });

  it('document symbols: six paragraphs per language, the points First/Second/Third and 一是/二是/三是', () => {
    const symbols = resultOf(state.report, REFERENCE_NOTE, 'textDocument/documentSymbol');
    for (const [version, points] of [['English version', ['First', 'Second', 'Third']], ['中文 Chinese version', ['一是', '二是', '三是']]]) {
      const paragraphs = symbols.find((symbol) => symbol.name === version).children;
      assert.deepEqual(paragraphs.map((paragraph) => paragraph.name.slice(0, 2)), ['¶1', '¶2', '¶3', '¶4', '¶5', '¶6'], version);
      assert.deepEqual(paragraphs[4].children.map((point) => point.name), points, `points of ${version} ¶5`);
    }
    const chinese4 = symbols.find((symbol) => symbol.name === '中文 Chinese version').children[3];
    assert.equal(chinese4.range.start.line, chineseParagraph4.line, 'Chinese ¶4 starts where its text does');
  });

  it('hover on a glossary term shows the entry with its counterpart', () => {
    const hover = resultOf(state.report, REFERENCE_NOTE, 'textDocument/hover');
    const text = hoverText(hover);
    assert.match(text, /telecommunications fraud/i);
    assert.match(text, /电信诈骗/);
  });

  it('definition on English ¶4 gives Chinese ¶4 in the same file', () => {
    const definition = resultOf(state.report, REFERENCE_NOTE, 'textDocument/definition');
    const uri = `file://${path.join(state.scratch.workspace, REFERENCE_NOTE)}`;
    assert.deepEqual(targets(definition), [[uri, chineseParagraph4.line]]);
  });

  it('definition on English paragraph 1. of a two-file pair gives 一、 in the Chinese file', () => {
    const definition = resultOf(state.report, PAIR[0], 'textDocument/definition');
    assert.deepEqual(targets(definition), [[`file://${path.join(state.scratch.workspace, PAIR[1])}`, chineseNumbered1.line]]);
  });
});

/** The first Lua block under `heading` in docs/editors.md, pointed at this clone. */
function documentedConfiguration(heading) {
  const doc = readFileSync(path.join(repoRoot, 'docs', 'editors.md'), 'utf8');
  const section = doc.slice(doc.indexOf(`\n${heading}\n`));
  const block = /```lua\n([^`]*)```/.exec(section);
  assert.ok(block, `no Lua block under "${heading}" in docs/editors.md`);
  return block[1].replaceAll('/path/to/diplonote', repoRoot);
}

describeProbe('Neovim with the configuration docs/editors.md gives for 0.7 and later', 'nvim-config', (scratch) => {
  const initLua = path.join(scratch.root, 'init.lua');
  writeFileSync(initLua, documentedConfiguration('### Neovim 0.7 and later'));
  return runProbe(scratch, { [REFERENCE_NOTE]: [{ method: 'textDocument/documentSymbol', params: {} }] }, initLua);
}, (state) => {
  it('opening a .note file starts the server and the outline answers', () => {
    assert.equal(state.report.client_name, 'diplonote');
    const names = resultOf(state.report, REFERENCE_NOTE, 'textDocument/documentSymbol').map((symbol) => symbol.name);
    assert.ok(names.includes('Reference CHN/HR/2025/34'), names.join(' | '));
  });
});

// A sidecar written by hand in the documented format, against a note edited afterwards: Neovim reads
// the annotation by hover where its quote is now, and lists it with diplonote/annotations.
const ANNOTATED = PAIR[0];
const ANNOTATED_QUOTE = 'the Department requests that the visa fees be waived';
const annotatedOriginal = readSample(ANNOTATED);
const annotatedEdited = annotatedOriginal.replace('The Department has the honour to request', 'A paragraph added after the annotation was made.\n\nThe Department has the honour to request');
const annotatedAt = positionOf(annotatedEdited, ANNOTATED_QUOTE, 10);

function handWrittenSidecar() {
  const at = annotatedOriginal.indexOf(ANNOTATED_QUOTE);
  const codePoints = (text) => [...text].length;
  return `${JSON.stringify({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationCollection',
    items: [{
      id: 'urn:uuid:6f1c1b8e-0000-4000-8000-000000000001', type: 'Annotation', motivation: 'commenting', status: 'open',
      creator: { type: 'Person', name: 'Reviewer' },
      target: {
        source: ANNOTATED,
        selector: [
          { type: 'TextQuoteSelector', exact: ANNOTATED_QUOTE, prefix: 'September 2019, ', suffix: '. Third, the Department' },
          { type: 'TextPositionSelector', start: codePoints(annotatedOriginal.slice(0, at)), end: codePoints(annotatedOriginal.slice(0, at)) + codePoints(ANNOTATED_QUOTE) },
        ],
      },
      body: [
        { type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: 'Waiver rests on the **2019 exchange of notes**.' },
        { type: 'TextualBody', purpose: 'tagging', value: 'legal-basis' },
      ],
    }],
  }, null, 2)}\n`;
}

describeProbe('Neovim reads annotations by hover (a hand-written sidecar, the note edited afterwards)', 'nvim-annotations', (scratch) => {
  writeFileSync(path.join(scratch.workspace, ANNOTATED), annotatedEdited);
  writeFileSync(path.join(scratch.workspace, `${ANNOTATED}.annotations.json`), handWrittenSidecar());
  return runProbe(scratch, {
    [ANNOTATED]: [
      { method: 'textDocument/hover', params: { position: annotatedAt } },
      { method: 'diplonote/annotations', params: { uri: `file://${path.join(scratch.workspace, ANNOTATED)}` } },
    ],
  });
}, (state) => {
  it('hover where the quote is now shows the comment and the tag', () => {
    const text = hoverText(resultOf(state.report, ANNOTATED, 'textDocument/hover'));
    assert.match(text, /\*\*Comment\*\* · open · by Reviewer/);
    assert.match(text, /\*\*2019 exchange of notes\*\*/);
    assert.match(text, /`Legal basis`/);
  });

  it('diplonote/annotations gives its range in the edited note and its counterpart in the Chinese file', () => {
    const result = resultOf(state.report, ANNOTATED, 'diplonote/annotations');
    const [annotation] = result.annotations;
    assert.deepEqual(annotation.range.start, positionOf(annotatedEdited, ANNOTATED_QUOTE));
    assert.equal(annotation.tags[0], 'legal-basis');
    assert.match(annotation.counterpart.uri, /visa-request\.zh\.note$/);
    assert.deepEqual(result.orphans, []);
  });
});
