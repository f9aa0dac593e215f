/**
 * The workspace index and the features over it, in process over an in-memory workspace: which notes
 * are indexed (exclusions, .gitignore), what is kept of each, workspace symbols, references, the
 * definition of a cited reference, document links, the missing counterpart, the threads, and the index
 * kept current as files change and notes open and close.
 */
import * as assert from 'node:assert/strict';
import { finish } from '../../server/src/core/checks';
import type { IndexedNote } from '../../server/src/service/workspaceIndex';
import { COMMUNICATION } from '../support/workspaceNotes';
import { uri, workspaceOf, type Setup } from './support';
import { until } from '../support/waitFor';


/** The reply, citing the communication twice (English and Chinese). */
const REPLY = [
  '---',
  'reference: CHN/HR/2025/34',
  'date: 2025-04-10',
  'title: Reply of China to AL CHN 4/2025',
  '---',
  'With reference to communication AL CHN 4/2025, the Government of China provides the following reply.',
  '',
  'First, China protects the rights of victims. Second, China cooperates with its neighbours.',
  '',
  '中国常驻代表团谨转交中国政府对AL CHN 4/2025号来文的答复。',
  '',
  '一是中方保护受害者权利。二是中方与邻国合作。',
].join('\n');

/** A follow-up answering the reply, in Chinese, by its front matter. */
const FOLLOW_UP = [
  '---',
  'reference: CHN/HR/2025/51',
  'in-reply-to: [CHN/HR/2025/34, OHCHR/SPB/2025/9]',
  'counterpart: follow-up.en.note',
  '---',
  '中国常驻代表团谨补充提供以下资料。',
].join('\n');

const FILES = {
  'al-chn-4-2025.note': COMMUNICATION,
  'replies/reply.note': REPLY,
  'replies/follow-up.zh.note': FOLLOW_UP,
  'ignored/old.note': REPLY.replace('CHN/HR/2025/34', 'CHN/HR/2024/99'),
  'node_modules/pkg/x.note': REPLY,
  'drafts/draft.note': REPLY.replace('CHN/HR/2025/34', 'CHN/HR/2025/77'),
  '.gitignore': 'ignored/\n',
  '.diplonote.json': '{ "exclude": ["drafts"] }',
};

async function indexed(files: Record<string, string> = FILES): Promise<Setup> {
  const setup = await workspaceOf(files);
  await setup.service.indexWorkspace();
  return setup;
}

function symbolNames(setup: Setup, query: string): string[] {
  return setup.service.workspaceSymbols(query).map((symbol) => `${symbol.field}:${symbol.name}@${symbol.uri.slice(uri('').length)}`);
}

describe('service: the workspace index', () => {
  it('indexes every note but those excluded, in dot folders, node_modules or ignored by git', async () => {
    const { service } = await indexed();
    const found = service.workspaceSymbols('').map((s) => s.uri.slice(uri('').length)).sort();
    assert.deepEqual(found, ['al-chn-4-2025.note', 'replies/follow-up.zh.note', 'replies/reply.note']);
    assert.equal(service.indexState, 'ready');
  });

  it('does not read a note, or its annotations, through a link that leads out of the folder', async () => {
    const setup = await workspaceOf({ 'al-chn-4-2025.note': COMMUNICATION });
    setup.workspace.writeFile('file:///secret/leaked.note', COMMUNICATION.replace('AL CHN 4/2025', 'AL CHN 99/2025'));
    setup.workspace.writeFile('file:///secret/leaked.note.annotations.json', '{"type": "AnnotationCollection", "items": []}');
    setup.workspace.link(uri('linked.note'), 'file:///secret/leaked.note');
    setup.workspace.link(uri('al-chn-4-2025.note.annotations.json'), 'file:///secret/leaked.note.annotations.json');
    await setup.service.indexWorkspace();
    assert.deepEqual(symbolNames(setup, 'AL CHN 99/2025'), [], 'the linked note was read');
    assert.deepEqual(symbolNames(setup, 'AL CHN 4/2025'), ['reference:AL CHN 4/2025@al-chn-4-2025.note']);
    assert.equal(noteAt(setup.service, uri('al-chn-4-2025.note')).annotations, undefined, 'the linked sidecar was read');
  });

  it('keeps of each note its reference, date, title, languages, mentions and counts', async () => {
    const { service } = await indexed();
    const reply = service.workspaceSymbols('CHN/HR/2025/34').find((s) => s.field === 'reference');
    assert.ok(reply);
    const summary = noteAt(service, reply.uri);
    assert.equal(summary.ownReference?.text, 'CHN/HR/2025/34');
    assert.equal(summary.date, '2025-04-10');
    assert.equal(summary.title, 'Reply of China to AL CHN 4/2025');
    assert.deepEqual(summary.languages, ['en', 'zh']);
    assert.deepEqual(summary.mentions.map((m) => `${m.via}:${m.key}@${m.range.start.line}`), [
      'citation:AL CHN 4/2025@3', 'citation:AL CHN 4/2025@5', 'citation:AL CHN 4/2025@9',
    ]);
    assert.deepEqual(summary.counts, { en: { paragraphs: 2, points: 2 }, zh: { paragraphs: 2, points: 2 } });
    const followUp = noteAt(service, uri('replies/follow-up.zh.note'));
    assert.deepEqual(followUp.mentions.map((m) => `${m.via}:${m.key}`), ['in-reply-to:CHN/HR/2025/34', 'in-reply-to:OHCHR/SPB/2025/9']);
    assert.equal(followUp.partner, uri('replies/follow-up.en.note'));
    const communication = noteAt(service, uri('al-chn-4-2025.note'));
    assert.equal(communication.ownReference?.key, 'AL CHN 4/2025');
    assert.equal(communication.date, '2025-02-12');
    assert.deepEqual(communication.mentions, [], 'its own reference is no citation of itself');
  });

  it('workspace symbols: a note by its reference, cited communication, title and date, fuzzily', async () => {
    const setup = await indexed();
    assert.deepEqual(symbolNames(setup, 'CHN/HR/2025/34')[0], 'reference:CHN/HR/2025/34@replies/reply.note');
    assert.deepEqual(symbolNames(setup, 'al chn 4').slice(0, 2).sort(), ['citation:AL CHN 4/2025@replies/reply.note', 'reference:AL CHN 4/2025@al-chn-4-2025.note']);
    assert.ok(symbolNames(setup, 'hr202551').includes('reference:CHN/HR/2025/51@replies/follow-up.zh.note'), 'fuzzy: letters in order, gaps allowed');
    assert.ok(symbolNames(setup, 'reply china').includes('title:Reply of China to AL CHN 4/2025@replies/reply.note'));
    assert.ok(symbolNames(setup, '2025-04').includes('date:2025-04-10@replies/reply.note'));
    assert.deepEqual(symbolNames(setup, 'zzzz'), []);
  });

  it('references: every note citing a communication or replying to a note, both languages', async () => {
    const { service, open } = await indexed();
    const communication = open('al-chn-4-2025.note', COMMUNICATION);
    const places = service.references(communication, COMMUNICATION.indexOf('CHN 4/2025'), false) ?? [];
    assert.deepEqual(places.map((p) => `${p.uri.slice(uri('').length)}:${p.range.start.line}`), [
      'al-chn-4-2025.note:2', 'replies/reply.note:3', 'replies/reply.note:5', 'replies/reply.note:9',
    ]);
    const reply = open('replies/reply.note', REPLY);
    const toReply = service.references(reply, REPLY.indexOf('CHN/HR/2025/34') + 2, false) ?? [];
    assert.deepEqual(toReply.map((p) => `${p.uri.slice(uri('').length)}:${p.range.start.line}`), ['replies/reply.note:1', 'replies/follow-up.zh.note:2']);
    assert.equal(service.references(reply, REPLY.indexOf('victims'), false), undefined, 'no reference there');
  });

  it('definition: a cited communication goes to the note carrying it; elsewhere the other language', async () => {
    const { service, open } = await indexed();
    const reply = open('replies/reply.note', REPLY);
    const found = service.noteDefinition(reply, REPLY.indexOf('中国常驻代表团谨转交中国政府对AL CHN') + 16);
    assert.deepEqual(found?.targets.map((t) => [t.uri, t.range.start.line]), [[uri('al-chn-4-2025.note'), 2]]);
    assert.equal(service.noteDefinition(reply, REPLY.indexOf('victims')), undefined);
    const followUp = open('replies/follow-up.zh.note', FOLLOW_UP);
    const answered = service.noteDefinition(followUp, FOLLOW_UP.indexOf('CHN/HR/2025/34'));
    assert.deepEqual(answered?.targets.map((t) => t.uri), [uri('replies/reply.note')]);
    assert.equal(service.noteDefinition(followUp, FOLLOW_UP.indexOf('OHCHR/SPB')), undefined, 'no note carries it');
  });

  it('document links: the counterpart file when it exists, and references that resolve', async () => {
    const setup = await indexed({ ...FILES, 'replies/follow-up.en.note': 'The Permanent Mission of China provides the following information.\n' });
    const followUp = setup.open('replies/follow-up.zh.note', FOLLOW_UP);
    const links = await setup.service.documentLinks(followUp);
    assert.deepEqual(links.map((l) => [FOLLOW_UP.slice(l.span.start, l.span.end), l.target]), [
      ['follow-up.en.note', uri('replies/follow-up.en.note')],
      ['CHN/HR/2025/34', uri('replies/reply.note')],
    ]);
  });

  it('a counterpart: naming a file that does not exist is a link-missing finding; an unknown in-reply-to is none', async () => {
    const { service, open } = await indexed();
    const followUp = open('replies/follow-up.zh.note', FOLLOW_UP);
    const findings = finish(await service.findings(followUp));
    assert.deepEqual(findings.map((f) => [f.code, FOLLOW_UP.slice(f.span.start, f.span.end)]), [['link-missing', 'follow-up.en.note']]);
    assert.deepEqual(await service.documentLinks(followUp).then((links) => links.map((l) => l.target)), [uri('replies/reply.note')]);
  });

  it('threads: the communication, its reply and the follow-up, grouped by country and year', async () => {
    const { service } = await indexed();
    const countries = service.correspondence();
    const shape = (node: { label: string; children: readonly unknown[] }): unknown =>
      [node.label, ...(node.children as { label: string; children: readonly unknown[] }[]).map(shape)];
    assert.deepEqual(countries.map((c) => [c.country, c.years.map((y) => [y.year, y.threads.map(shape)])]), [
      ['CHN', [[2025, [['AL CHN 4/2025', ['CHN/HR/2025/34', ['CHN/HR/2025/51']]]]]]],
      [undefined, [[undefined, [['OHCHR/SPB/2025/9', ['CHN/HR/2025/51']]]]]],
    ]);
  });

  it('keeps current: a note written, changed and deleted on disk; an open note from the editor', async () => {
    const setup = await indexed();
    const { workspace } = setup;
    workspace.writeFile(uri('new.note'), 'CHN/HR/2025/60\n\nThe Mission refers to AL CHN 4/2025.\n');
    await until(() => symbolNames(setup, 'CHN/HR/2025/60').length > 0);
    workspace.writeFile(uri('new.note'), 'CHN/HR/2025/61\n\nThe Mission refers to AL CHN 4/2025.\n');
    await until(() => symbolNames(setup, 'CHN/HR/2025/61').length > 0);
    assert.ok(!symbolNames(setup, 'CHN/HR/2025/60').some((name) => name.startsWith('reference:')));
    workspace.deleteFile(uri('new.note'));
    await until(() => !symbolNames(setup, 'CHN/HR/2025/61').some((name) => name.startsWith('reference:')));

    const opened = setup.open('replies/reply.note', REPLY.replace('CHN/HR/2025/34', 'CHN/HR/2025/35'));
    assert.ok(symbolNames(setup, 'CHN/HR/2025/35').includes('reference:CHN/HR/2025/35@replies/reply.note'), 'the editor text, at once');
    setup.close('replies/reply.note');
    await until(() => symbolNames(setup, 'CHN/HR/2025/34').includes('reference:CHN/HR/2025/34@replies/reply.note'));
    assert.ok(opened);
  });

  it('a changed .gitignore lists the folders again', async () => {
    const setup = await indexed();
    setup.workspace.writeFile(uri('.gitignore'), 'ignored/\nreplies/*.zh.note\n');
    await until(() => !symbolNames(setup, 'CHN/HR/2025/51').some((name) => name.startsWith('reference:')));
    setup.workspace.writeFile(uri('.gitignore'), '');
    await until(() => symbolNames(setup, 'CHN/HR/2024/99').length > 0);
  });

  it('reads the notes the listing has found while it still searches', async () => {
    const setup = await workspaceOf({ 'a/first.note': REPLY, 'b/second.note': FOLLOW_UP });
    const { workspace } = setup;
    const search = workspace.findFiles.bind(workspace);
    const read = workspace.readFile.bind(workspace);
    let noteRead!: () => void;
    const aNoteRead = new Promise<void>((resolve) => (noteRead = resolve));
    workspace.readFile = (fileUri, limits) => {
      if (fileUri.endsWith('.note')) noteRead();
      return read(fileUri, limits);
    };
    // The search tells of the first note, and ends only once a note has been read: a build that waited
    // for the end of the listing would never end (the test's time-out).
    workspace.findFiles = async (folder, query, onFound) => {
      const found = await search(folder, query);
      onFound?.(found.slice(0, 1));
      await aNoteRead;
      onFound?.(found.slice(1));
      return found;
    };
    await setup.service.indexWorkspace();
    assert.deepEqual(symbolNames(setup, 'CHN/HR/2025/').filter((name) => name.startsWith('reference:')).sort(),
      ['reference:CHN/HR/2025/34@a/first.note', 'reference:CHN/HR/2025/51@b/second.note']);
  });

  it('a search of the folders that fails after a first batch fails the build, once its reading has stopped', async () => {
    const setup = await workspaceOf({ 'a/first.note': REPLY, 'b/second.note': FOLLOW_UP });
    const { workspace } = setup;
    const search = workspace.findFiles.bind(workspace);
    workspace.findFiles = async (folder, query, onFound) => {
      onFound?.((await search(folder, query)).slice(0, 1));
      throw new Error('the disk went away');
    };
    await assert.rejects(setup.service.indexWorkspace(), /the disk went away/);
    workspace.findFiles = search;
    await setup.service.indexWorkspace();
    assert.equal(setup.service.indexState, 'ready');
  });

  it('reports its progress, and stops when cancelled', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 30; i++) files[`n${i}.note`] = `CHN/HR/2025/${i}\n\nThe Mission refers to AL CHN ${i}/2025.\n`;
    const events: string[] = [];
    const setup = await workspaceOf(files);
    const reporter = (cancelAfter: number) => async () => ({
      begin: () => events.push('begin'),
      report: () => undefined,
      end: (done: number, total: number) => events.push(`end ${done}/${total}`),
      get cancelled() {
        return setup.service.workspaceSymbols('').length >= cancelAfter;
      },
    });
    await setup.service.indexWorkspace(reporter(10));
    assert.equal(setup.service.indexState, 'cancelled');
    const kept = setup.service.workspaceSymbols('').length;
    assert.ok(kept >= 10 && kept < 30, `${kept} notes indexed before the cancellation`);
    await setup.service.indexWorkspace(reporter(Infinity));
    assert.equal(setup.service.indexState, 'ready');
    assert.equal(setup.service.workspaceSymbols('').length, 30);
    assert.deepEqual(events, ['begin', `end ${kept}/30`, 'begin', `end ${30 - kept}/${30 - kept}`], 'the second build reads only what the first left');
  });
});

function noteAt(service: Setup['service'], noteUri: string): IndexedNote {
  const note = service.indexedNote(noteUri);
  assert.ok(note, `${noteUri} is not indexed`);
  return note;
}
