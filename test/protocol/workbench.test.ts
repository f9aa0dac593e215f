/**
 * The translator's workbench over stdio: the aligned view's rows are what `diplonote align --json`
 * prints; the statistics are what `diplonote stats --json` prints; a correction made in the view is
 * written to the note's sidecar, changes where F12 goes, and is still followed by a server started
 * afresh; the concordance and the glossary export answer as the CLI does.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DefinitionRequest, type LocationLink, type Position } from 'vscode-languageserver-protocol';
import {
  ALIGNED_VIEW_REQUEST, ANNOTATED_NOTES_REQUEST, ANNOTATIONS_REQUEST, CONCORDANCE_REQUEST, CORRECT_ALIGNMENT_REQUEST, EXPORT_GLOSSARY_REQUEST, EXPORT_PAIRS_REQUEST, STATISTICS_REQUEST,
  type AlignedView,
} from '../../server/src/protocol';
import { positionOf } from '../support/positions';
import { REPO_ROOT, startServer, type ServerSession } from '../support/serverConnection';

const SEED = 'samples/ohchr-reply-al-chn-4-2025.note';

function cli(...args: string[]): string {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

describe('protocol: the translator\'s workbench', () => {
  describe('on the reference note', () => {
    let server: ServerSession;
    let uri: string;
    before(async () => {
      server = await startServer();
      ({ uri } = await server.openFile(SEED));
    });
    after(async () => server.stop());

    it('shows in the aligned view the rows `diplonote align --json` prints: six paragraph pairs and three points', async () => {
      const view = await server.connection.sendRequest(ALIGNED_VIEW_REQUEST, { uri });
      assert.ok(view);
      const [printed] = JSON.parse(cli('align', '--json', SEED)) as Array<{ pairs: unknown }>;
      assert.deepEqual(view.rows, printed.pairs);
      assert.equal(view.rows.filter((row) => row.level === 'paragraph').length, 6);
      assert.deepEqual(view.rows.filter((row) => row.level === 'point').map((row) => row.en?.point), [1, 2, 3]);
    });

    it('gives the statistics `diplonote stats --json` prints', async () => {
      const statistics = await server.connection.sendRequest(STATISTICS_REQUEST, { uri });
      const [printed] = JSON.parse(cli('stats', '--json', SEED)) as Array<{ counterpart: string; versions: unknown }>;
      assert.equal(statistics?.counterpart, 'inside');
      assert.deepEqual(statistics?.versions, printed.versions);
    });

    it('finds a term of the workspace written in traditional characters, with its aligned English', async () => {
      const concordance = await server.connection.sendRequest(CONCORDANCE_REQUEST, { term: '電信網絡詐騙' });
      const inNote = concordance.lines.filter((line) => line.uri === uri);
      assert.ok(inNote.length >= 2);
      assert.ok(inNote.every((line) => line.keyword === '电信网络诈骗' && line.rendering?.uri === uri));
    });

    it('exports the pairs as CSV, and the glossary as TBX, as the CLI does', async () => {
      const csv = await server.connection.sendRequest(EXPORT_PAIRS_REQUEST, { uri, format: 'csv' });
      assert.equal(csv?.format, 'csv');
      assert.equal(csv?.text, cli('export', '--csv', SEED));
      const tbx = await server.connection.sendRequest(EXPORT_GLOSSARY_REQUEST, { format: 'tbx' });
      assert.match(tbx.text, /^<\?xml[^]*<tbx type="TBX-Basic"/);
    });

    it('refuses a request with a format it does not know, and an unknown note', async () => {
      await assert.rejects(server.connection.sendRequest(EXPORT_GLOSSARY_REQUEST, { format: 'xlsx' as 'csv' }), /format/);
      await assert.rejects(server.connection.sendRequest(ALIGNED_VIEW_REQUEST, { uri: 'file:///nowhere/unknown.note' }));
    });
  });

  describe('a correction made in the view', () => {
    let workspace: string;
    let noteFile: string;
    let uri: string;
    let text: string;

    before(() => {
      workspace = mkdtempSync(path.join(tmpdir(), 'diplonote-corrections-'));
      noteFile = path.join(workspace, 'reply.note');
      copyFileSync(path.join(REPO_ROOT, SEED), noteFile);
      uri = pathToFileURL(noteFile).toString();
      text = readFileSync(noteFile, 'utf8');
    });
    after(() => rmSync(workspace, { recursive: true, force: true }));

    async function jump(server: ServerSession, position: Position): Promise<LocationLink> {
      const result = (await server.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position })) as LocationLink[] | null;
      assert.ok(result && result.length === 1, `no definition at ${JSON.stringify(position)}`);
      return result[0];
    }

    /** The row of the sentence pair whose English starts with `start`. */
    function sentenceRow(view: AlignedView, start: string): number {
      const index = view.rows.findIndex((row) => row.level === 'sentence' && row.en?.text.startsWith(start));
      assert.ok(index >= 0, `no sentence row "${start}"`);
      return index;
    }

    it('merges two sentence pairs: F12 then goes to both Chinese sentences, and a new server still does so', async () => {
      // On "deals", which is no glossary term: F12 goes to the aligned sentence (on a term it goes to the term's rendering).
      const dealing = positionOf(text, 'deals with the persons involved', 2);
      const chinesePosition = positionOf(text, '中国在涉及电诈网赌问题上');
      const chineseDealing = positionOf(text, '中方依法处理涉案人员');

      let server = await startServer({}, workspace, { applyEditsOnDisk: true });
      try {
        await server.open(uri, text);
        assert.deepEqual((await jump(server, dealing)).targetSelectionRange.start, chineseDealing, 'before: the sentence has its own counterpart');
        const view = await server.connection.sendRequest(ALIGNED_VIEW_REQUEST, { uri });
        assert.ok(view);
        const rows: [number, number] = [sentenceRow(view, 'The position of China'), sentenceRow(view, 'China deals with')];
        const result = await server.connection.sendRequest(CORRECT_ALIGNMENT_REQUEST, { uri, stamp: view.stamp, action: { kind: 'merge', rows } });
        assert.equal(result.applied, true, result.message);
        const sidecar = `${noteFile}.annotations.json`;
        assert.deepEqual(result.sidecars, [pathToFileURL(sidecar).toString()]);
        assert.ok(existsSync(sidecar));
        assert.match(readFileSync(sidecar, 'utf8'), /"motivation": "linking"/);
        const annotations = await server.connection.sendRequest(ANNOTATIONS_REQUEST, { uri });
        assert.deepEqual([annotations?.annotations.length, annotations?.orphans.length], [0, 0], 'a correction is no comment thread, tag or orphan');
        const [listed] = (await server.connection.sendRequest(ANNOTATED_NOTES_REQUEST, {})).notes;
        assert.equal(listed?.counts.annotations ?? 0, 0, 'nor is it counted among the annotations');

        const merged = await jump(server, dealing);
        assert.deepEqual(merged.targetSelectionRange.start, chinesePosition, 'after: the merged pair starts at the first Chinese sentence');
        const after = await server.connection.sendRequest(ALIGNED_VIEW_REQUEST, { uri });
        const row = after?.rows.find((candidate) => candidate.correction && candidate.level === 'sentence');
        assert.ok(row, 'the view marks the corrected row');
        assert.ok(row.en?.text.startsWith('The position of China') && row.en.text.includes('China deals with'));
        assert.equal(row.confidence, 1);

        const stale = await server.connection.sendRequest(CORRECT_ALIGNMENT_REQUEST, { uri, stamp: view.stamp, action: { kind: 'split', row: rows[0] } });
        assert.equal(stale.applied, false, 'a correction made on rows drawn before the last one is refused');
      } finally {
        await server.stop();
      }

      server = await startServer({}, workspace, { applyEditsOnDisk: true });
      try {
        await server.open(uri, text);
        assert.deepEqual((await jump(server, dealing)).targetSelectionRange.start, chinesePosition, 'a new server reads the correction from the sidecar');
        const view = await server.connection.sendRequest(ALIGNED_VIEW_REQUEST, { uri });
        assert.ok(view);
        const corrected = view.rows.findIndex((candidate) => candidate.correction !== undefined);
        const undone = await server.connection.sendRequest(CORRECT_ALIGNMENT_REQUEST, { uri, stamp: view.stamp, action: { kind: 'remove', row: corrected } });
        assert.equal(undone.applied, true, undone.message);
        assert.deepEqual((await jump(server, dealing)).targetSelectionRange.start, chineseDealing, 'undone: back to the aligner\'s pairing');
      } finally {
        await server.stop();
      }
    });
  });

  describe('a correction refused, in the user\'s language', () => {
    /** What the server says to a row with nothing to undo, a pairing of a unit not there, and a view drawn before. */
    async function refusals(locale: string): Promise<string[]> {
      const server = await startServer({}, undefined, { locale });
      try {
        const { uri } = await server.openFile(SEED);
        const view = await server.connection.sendRequest(ALIGNED_VIEW_REQUEST, { uri });
        assert.ok(view);
        const said: string[] = [];
        for (const [stamp, action] of [
          [view.stamp, { kind: 'remove', row: 0 }],
          [view.stamp, { kind: 'pair', en: view.rows.length, zh: 0 }],
          ['drawn before', { kind: 'unpair', row: 0 }],
        ] as const) {
          const result = await server.connection.sendRequest(CORRECT_ALIGNMENT_REQUEST, { uri, stamp, action });
          assert.equal(result.applied, false);
          said.push(result.message ?? '');
        }
        return said;
      } finally {
        await server.stop();
      }
    }

    it('says why in Chinese to a client initialised with zh-cn, in English to one with en', async () => {
      assert.deepEqual(await refusals('zh-cn'), ['此行未经更正。', '请选一个英文单元和一个中文单元进行配对。', '对齐视图绘制后照会已有改动；请重新查看后再次更正。']);
      assert.deepEqual(await refusals('en'), [
        'this row was not corrected.', 'pick an English unit and a Chinese unit to pair.',
        'the note changed since the view was drawn; look again and repeat the correction.',
      ]);
    });
  });
});
