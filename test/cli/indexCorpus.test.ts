/**
 * `diplonote index DIR --jsonl OUT` as a user runs it: a folder of notes (a thread, a two-file note, a
 * note with a seeded mismatch, a sidecar of annotations, a git-ignored note) written out as JSON Lines,
 * each line one JSON object of its file's record type, with the fields docs/corpus.md documents.
 */
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { cli } from '../support/cli';
import { REPO_ROOT } from '../support/serverConnection';
import { COMMUNICATION } from '../support/workspaceNotes';

type Row = Record<string, unknown>;

function rows(out: string, name: string): Row[] {
  return readFileSync(path.join(out, `${name}.jsonl`), 'utf8').split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as Row);
}

describe('CLI: index DIR --jsonl OUT', () => {
  let root: string;
  let folder: string;
  let out: string;

  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'diplonote-corpus-'));
    folder = path.join(root, 'notes');
    out = path.join(root, 'out');
    mkdirSync(path.join(folder, 'old'), { recursive: true });
    writeFileSync(path.join(folder, 'al-chn-4-2025.note'), COMMUNICATION);
    for (const side of ['en', 'zh']) copyFileSync(path.join(REPO_ROOT, 'samples', `visa-request.${side}.note`), path.join(folder, `visa-request.${side}.note`));
    copyFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'annotations', 'handwritten.note.annotations.json'), path.join(folder, 'visa-request.en.note.annotations.json'));
    copyFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'checks', 'number-mismatch.note'), path.join(folder, 'mismatch.note'));
    writeFileSync(path.join(folder, 'reply.note'), '---\nreference: CHN/HR/2025/34\ndate: 2025-04-10\nin-reply-to: [AL CHN 4/2025, OHCHR/SPB/2025/9]\n---\n'
      + 'With reference to communication AL CHN 4/2025, the Government of China provides the following reply.\n\n%% Sent by courier.\n');
    writeFileSync(path.join(folder, 'old', 'ignored.note'), 'CHN/HR/2019/1\n\nOld.\n');
    writeFileSync(path.join(folder, '.gitignore'), 'old/\n');
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('writes one file per record type, every line a JSON object, and says how many', () => {
    const run = cli(['index', folder, '--jsonl', out]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /5 notes, \d+ paragraphs, \d+ sentences, \d+ findings, 3 annotations/);
    const notes = rows(out, 'notes');
    assert.deepEqual(notes.map((n) => n.path).sort(), ['al-chn-4-2025.note', 'mismatch.note', 'reply.note', 'visa-request.en.note', 'visa-request.zh.note']);
    const reply = notes.find((n) => n.path === 'reply.note');
    assert.deepEqual(reply, {
      path: 'reply.note', reference: 'CHN/HR/2025/34', date: '2025-04-10', year: 2025, sender: null, addressee: null, title: null,
      languages: ['en'], cites: ['AL CHN 4/2025'], in_reply_to: ['AL CHN 4/2025', 'OHCHR/SPB/2025/9'], partner: null,
      paragraphs: { en: 1 }, points: { en: 0 }, inline_annotations: 1, annotations: 0,
    });
    assert.equal(notes.find((n) => n.path === 'visa-request.en.note')?.partner, 'visa-request.zh.note');
    assert.equal(notes.find((n) => n.path === 'visa-request.en.note')?.annotations, 2);
  });

  it('paragraphs with their text, sentence pairs once per pair of files, findings with their place', () => {
    const paragraphs = rows(out, 'paragraphs');
    assert.ok(paragraphs.some((p) => p.note === 'visa-request.zh.note' && p.language === 'zh' && typeof p.text === 'string' && (p.text as string).length > 0));
    const sentences = rows(out, 'sentences');
    const visa = sentences.filter((s) => s.en_note === 'visa-request.en.note');
    assert.ok(visa.length > 3);
    assert.ok(visa.every((s) => s.zh_note === 'visa-request.zh.note' && typeof s.en === 'string' && typeof s.zh === 'string'));
    assert.deepEqual(visa.map((s) => s.pair), visa.map((_, i) => i + 1), 'numbered from 1, written once');
    const findings = rows(out, 'findings');
    const mismatch = findings.filter((f) => f.note === 'mismatch.note' && f.code === 'number-mismatch');
    assert.deepEqual(mismatch.map((f) => [f.line, f.column]).sort(), [[15, 53], [5, 206]]);
  });

  it('annotations: the %% lines of the text and the items of a sidecar file', () => {
    const annotations = rows(out, 'annotations');
    assert.deepEqual(annotations.filter((a) => a.source === 'inline'), [{ note: 'reply.note', source: 'inline', line: 8, comment: 'Sent by courier.' }]);
    const sidecar = annotations.filter((a) => a.source === 'sidecar');
    assert.deepEqual(sidecar.map((a) => [a.note, a.motivation, a.tags, a.comment, a.quote]), [
      ['visa-request.en.note', 'commenting', [], 'Which visa category is this?', 'multiple-entry official visas'],
      ['visa-request.en.note', 'tagging', ['commitment'], '', null],
    ]);
  });

  it('needs --jsonl, and says so', () => {
    const run = cli(['index', folder]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--jsonl OUT/);
  });
});
