// What a user does with an annotation thread in a real VS Code (code-server + the packaged .vsix): reply,
// edit the comment, resolve and reopen, tag, delete a reply and then the annotation, all through the
// buttons of the comment thread; the Annotations view listing notes that are not open, grouped by tag and
// narrowed by its filter. Every step is checked twice: in the editor, and in the sidecar on disk, waited
// for until it holds the change. The workspace starts with sidecars written by hand in the documented
// format (docs/annotations.md).
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { actUntil, positionOf, readSample, until } from './harness.mjs';
import { PLAIN_WORKBENCH_SETTINGS, SERVER_TIMEOUT_MS, UI_TIMEOUT_MS, vsCodeSession } from './workbench.mjs';

const NOTE = 'visa-request.en.note';
const AUTHOR = 'E2E Tester';

/** The thread the tests work on, and a second annotation that only carries a tag. */
const THREAD = {
  id: 'urn:uuid:0b6f1c2e-7d4a-4e8b-9a51-3c2d8e4f6a10',
  quote: 'courtesy facilitation',
  creator: 'Li Wen',
  comment: 'Is this the usual rendering of the Chinese term?',
  edited: 'Checked against the treaty series: keep it.',
  reply: 'The 2019 exchange of notes uses the same words.',
};
const TAGGED = { id: 'urn:uuid:c4d3e2f1-a0b9-4c8d-9e7f-6a5b4c3d2e1f', quote: 'The delegation is composed of eight members', creator: 'Anna Berg', tag: 'statistic' };
/** An annotation of a note no test opens before the Annotations view lists it. */
const CLOSED_NOTE = 'ohchr-reply-al-chn-4-2025.note';
const CLOSED = { id: 'urn:uuid:9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', quote: 'arrested tens of thousands of fraud suspects', creator: 'Anna Berg', tag: 'factual-claim' };

const settings = { ...PLAIN_WORKBENCH_SETTINGS, 'comments.openView': 'never', 'diplonote.annotations.author': AUTHOR, 'diplonote.codeLens.enabled': false };
const NOTE_STATUS = 'diplonote.diplonote.diplonote.status';

/** The W3C target of `quote` in `text`: positions in code points, 32 characters of context. */
function targetOf(source, text, quote) {
  const offset = text.indexOf(quote);
  const codePoints = (end) => [...text.slice(0, end)].length;
  return {
    source,
    selector: [
      { type: 'TextQuoteSelector', exact: quote, prefix: text.slice(Math.max(0, offset - 32), offset), suffix: text.slice(offset + quote.length, offset + quote.length + 32) },
      { type: 'TextPositionSelector', start: codePoints(offset), end: codePoints(offset + quote.length) },
    ],
  };
}

function annotation({ id, quote, creator }, [source, text], motivation, body, status) {
  const created = '2025-06-04T09:30:00.000Z';
  return {
    id, type: 'Annotation', motivation, created, modified: created, creator: { type: 'Person', name: creator },
    ...(status ? { status } : {}), target: targetOf(source, text, quote), body,
  };
}

function writeSidecar(workspace, note, id, items) {
  const collection = { '@context': 'http://www.w3.org/ns/anno.jsonld', id, type: 'AnnotationCollection', total: items.length, items };
  writeFileSync(path.join(workspace, `${note}.annotations.json`), `${JSON.stringify(collection, null, 2)}\n`);
}

function writeSidecars(workspace) {
  const note = [NOTE, readSample(NOTE)];
  writeSidecar(workspace, NOTE, 'urn:uuid:7f3e2d1c-0b9a-4876-a5b4-c3d2e1f0a9b8', [
    annotation(THREAD, note, 'commenting', [{ type: 'TextualBody', purpose: 'commenting', format: 'text/markdown', value: THREAD.comment }], 'open'),
    annotation(TAGGED, note, 'tagging', [{ type: 'TextualBody', purpose: 'tagging', value: TAGGED.tag }]),
  ]);
  writeSidecar(workspace, CLOSED_NOTE, 'urn:uuid:5e9d2a41-8c3b-4f6e-a7d0-1b2c3d4e5f60', [annotation(CLOSED, [CLOSED_NOTE, readSample(CLOSED_NOTE)], 'tagging', [{ type: 'TextualBody', purpose: 'tagging', value: CLOSED.tag }])]);
}

const commentsOf = (item) => (item?.body ?? []).filter((body) => body.purpose === 'commenting').map((body) => body.value);
const tagsOf = (item) => (item?.body ?? []).filter((body) => body.purpose === 'tagging').map((body) => body.value);

describe('Annotation threads and the Annotations view in VS Code (code-server)', function () {
  this.timeout(SERVER_TIMEOUT_MS + 60000);
  const session = vsCodeSession({ prefix: 'annotation-threads', settings, prepare: (scratch) => writeSidecars(scratch.workspace) });
  const page = () => session.workbench.page;
  const readSidecar = () => JSON.parse(readFileSync(path.join(session.scratch.workspace, `${NOTE}.annotations.json`), 'utf8'));
  /** The thread's annotation, the replies to it and every item of the sidecar, once `accept` holds for them. */
  const sidecarWhere = async (accept, what) => {
    const split = (file) => {
      const items = file.items ?? [];
      return { annotation: items.find((item) => item.id === THREAD.id), replies: items.filter((item) => item.target === THREAD.id), items };
    };
    return split(await until(readSidecar, (file) => accept(split(file)), what, SERVER_TIMEOUT_MS));
  };

  // The thread's widget, told from the other one by its first comment's author.
  const thread = () => page().locator('.review-widget').filter({ has: page().locator('.review-comment', { hasText: THREAD.creator }) }).first();
  const threadAction = (name) => thread().locator('.head .review-actions').getByRole('button', { name, exact: true });
  const commentBy = (author) => thread().locator('.review-comment').filter({ hasText: author }).first();

  /** Opens the note and every comment thread on it, and waits for the thread's widget. */
  async function showThread() {
    const { workbench } = session;
    await workbench.openFile(NOTE);
    await workbench.waitForStatus(NOTE_STATUS, /^EN ↔ 中文$/, SERVER_TIMEOUT_MS);
    await page().locator('.editor-group-container.active .comment-range-glyph[class*="comment-thread"]').first().waitFor({ timeout: SERVER_TIMEOUT_MS });
    await workbench.runCommand('Comments: Expand All Comments');
    await thread().waitFor({ timeout: UI_TIMEOUT_MS });
  }

  /**
   * Unfolds every thread until `shown` is visible: an answer of the server that arrives after the
   * command may fold a resolved thread again.
   */
  async function expandUntilShown(shown) {
    const expand = async () => {
      await session.workbench.runCommand('Comments: Expand All Comments');
      await shown.waitFor({ timeout: 2000 }).catch(() => {});
    };
    await actUntil(expand, () => shown.isVisible(), 'the thread does not unfold', UI_TIMEOUT_MS);
  }

  /**
   * Puts the focus in the thread's reply box: a click on its prompt opens it. The widget is drawn again
   * when an answer of the server arrives meanwhile, which may swallow a click: clicked until it has the focus.
   */
  async function focusReplyBox() {
    const form = thread().locator('.comment-form');
    const focused = form.locator('.monaco-editor.focused');
    const click = async () => {
      const prompt = form.locator('.review-thread-reply-button');
      await (await prompt.isVisible() ? prompt : form.locator('.monaco-editor')).click({ timeout: 2000 }).catch(() => {});
      await focused.waitFor({ timeout: 2000 }).catch(() => {});
    };
    await actUntil(click, async () => (await focused.count()) > 0, 'the reply box of the thread does not take the focus', UI_TIMEOUT_MS);
  }

  /** Runs one of a comment's own actions (Edit, Delete): they show while the pointer is on the comment. */
  async function commentAction(comment, name) {
    await comment.hover();
    await comment.locator('.comment-actions').getByRole('button', { name, exact: true }).click();
  }

  /** Waits until the note's own editor (not a comment box) has the focus: keys pressed before may be lost. */
  async function noteHasFocus() {
    await page().waitForFunction(() => {
      const focused = document.activeElement;
      return focused?.closest('.editor-group-container.active .monaco-editor') && !focused.closest('.review-widget');
    }, undefined, { timeout: UI_TIMEOUT_MS });
  }

  /** Answers the modal "Delete …?" question with its Delete button. */
  async function confirmDelete(question) {
    const dialog = page().locator('.monaco-dialog-box').filter({ hasText: question });
    await dialog.waitFor({ timeout: UI_TIMEOUT_MS });
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await dialog.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
  }

  it('the Annotations view lists the notes that are not open, and a click opens one at the annotated span', async () => {
    const { workbench } = session;
    // The view (and the command that focuses it) is there once the workbench has read the extension's contributions.
    await page().locator('.pane-header[aria-label^="Annotations"]').waitFor({ timeout: SERVER_TIMEOUT_MS });
    await workbench.runCommand('Explorer: Focus on Annotations View');
    await viewShows([[CLOSED_NOTE, 1], [CLOSED.quote, 2], [NOTE, 1], [TAGGED.quote, 2], [THREAD.quote, 2]]);
    await openFromView(CLOSED.quote, CLOSED_NOTE);
    const { line, character } = positionOf(readSample(CLOSED_NOTE), CLOSED.quote, CLOSED.quote.length);
    await workbench.waitForStatus('status.editor.selection', new RegExp(`^Ln ${line + 1}, Col ${character + 1} \\(${CLOSED.quote.length} selected\\)`));
    // Closed again, the note is still listed, from its sidecar on disk.
    await workbench.runCommand('View: Close All Editor Groups');
    await workbench.activeTab(CLOSED_NOTE).waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    await viewShows([[CLOSED_NOTE, 1], [CLOSED.quote, 2], [NOTE, 1], [TAGGED.quote, 2], [THREAD.quote, 2]]);
  });

  it('a reply typed in the thread is a replying annotation in the sidecar, shown under the comment', async () => {
    await showThread();
    await focusReplyBox();
    await page().keyboard.type(THREAD.reply);
    await thread().getByRole('button', { name: /^Reply\b/ }).click();

    const { replies: [reply] } = await sidecarWhere(({ replies }) => replies.length === 1, 'the sidecar holds a reply to the thread');
    assert.equal(reply.motivation, 'replying');
    assert.equal(reply.creator.name, AUTHOR);
    assert.deepEqual(commentsOf(reply), [THREAD.reply]);
    await commentBy(AUTHOR).locator('.comment-body', { hasText: THREAD.reply }).waitFor({ timeout: UI_TIMEOUT_MS });
  });

  it('the comment edited in the thread is saved in place of the old one', async () => {
    const first = commentBy(THREAD.creator);
    await commentAction(first, 'Edit');
    const editor = first.locator('.edit-container .monaco-editor');
    await editor.click();
    await first.locator('.edit-container .monaco-editor.focused').waitFor({ timeout: UI_TIMEOUT_MS });
    await page().keyboard.press('Control+A');
    await page().keyboard.type(THREAD.edited);
    await first.getByRole('button', { name: /^Save\b/ }).click();

    const { annotation, replies } = await sidecarWhere(({ annotation }) => commentsOf(annotation)[0] === THREAD.edited, 'the comment is rewritten in the sidecar');
    assert.deepEqual(commentsOf(annotation), [THREAD.edited]);
    assert.equal(replies.length, 1, 'the reply is kept');
    await first.locator('.comment-body', { hasText: THREAD.edited }).waitFor({ timeout: UI_TIMEOUT_MS });
    await first.locator('.edit-container').waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
  });

  it('Resolve and Reopen in the thread\'s title set its status in the sidecar and its mark in the gutter', async () => {
    // The gutter marks the thread's line as unresolved while it is open.
    const line = positionOf(readSample(NOTE), THREAD.quote).line + 1;
    const unresolvedMark = page().locator('.editor-group-container.active .margin-view-overlays > div')
      .filter({ has: page().locator('.line-numbers', { hasText: new RegExp(`^${line}$`) }) })
      .locator('.comment-range-glyph.comment-thread-unresolved');
    await unresolvedMark.waitFor({ timeout: UI_TIMEOUT_MS });
    await threadAction('Resolve').click();
    await sidecarWhere(({ annotation }) => annotation.status === 'resolved', 'the thread is resolved in the sidecar');
    await unresolvedMark.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    // A resolved thread folds away (comments.collapseOnResolve), and the focus goes back to the note.
    await thread().waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
    await noteHasFocus();
    await expandUntilShown(threadAction('Reopen'));
    assert.equal(await threadAction('Resolve').count(), 0, 'a resolved thread offers Reopen, not Resolve');

    await threadAction('Reopen').click();
    await sidecarWhere(({ annotation }) => annotation.status === 'open', 'the thread is open again in the sidecar');
    await threadAction('Resolve').waitFor({ timeout: UI_TIMEOUT_MS });
    await unresolvedMark.waitFor({ timeout: UI_TIMEOUT_MS });
  });

  it('a tag set from the thread groups it in the Annotations view by tag, and the filter narrows the view', async () => {
    const { workbench } = session;
    await threadAction('Tag…').click();
    await page().locator('.quick-input-widget input').fill('Commitment');
    await page().locator('.quick-input-list .monaco-list-row').filter({ hasText: 'Commitment' }).first().click();
    await page().locator('.quick-input-list .monaco-list-row[aria-checked="true"]').filter({ hasText: 'Commitment' }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    await page().keyboard.press('Enter');
    await sidecarWhere(({ annotation }) => tagsOf(annotation).includes('commitment'), 'the thread is tagged in the sidecar');
    await thread().locator('.head', { hasText: 'Commitment' }).waitFor({ timeout: UI_TIMEOUT_MS });

    await workbench.runCommand('Explorer: Focus on Annotations View');
    await workbench.runCommand('Diplonote: Group Annotations by Tag');
    await viewShows([['Commitment', 1], [THREAD.quote, 2], ['Factual claim', 1], [CLOSED.quote, 2], ['Statistic', 1], [TAGGED.quote, 2]]);

    await filterView('eight');
    await viewShows([['Statistic', 1], [TAGGED.quote, 2]]);
    await page().locator('.pane-header[aria-label^="Annotations"] .description', { hasText: 'eight' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await workbench.runCommand('Diplonote: Clear the Annotation Filter');
    await workbench.runCommand('Diplonote: Group Annotations by Note');
    await viewShows([[CLOSED_NOTE, 1], [CLOSED.quote, 2], [NOTE, 1], [TAGGED.quote, 2], [THREAD.quote, 2]]);
  });

  it('deleting the reply, then the annotation, removes them from the sidecar and from the editor', async () => {
    await showThread();
    await commentAction(commentBy(AUTHOR), 'Delete');
    await confirmDelete('Delete this reply?');
    await sidecarWhere(({ annotation, replies }) => annotation && replies.length === 0, 'the reply is gone from the sidecar');
    await commentBy(AUTHOR).waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });

    await threadAction('Delete Annotation').click();
    await confirmDelete('Delete this annotation?');
    const { items } = await sidecarWhere(({ annotation }) => annotation === undefined, 'the annotation is gone from the sidecar');
    assert.deepEqual(items.map((item) => item.id), [TAGGED.id], 'the other annotation is kept');
    await thread().waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    await viewShows([[CLOSED_NOTE, 1], [CLOSED.quote, 2], [NOTE, 1], [TAGGED.quote, 2]]);
  });

  /** Waits until the Annotations view shows exactly these rows: [text the row starts with, tree level]. */
  async function viewShows(rows) {
    const expected = rows.map(([text, level]) => `${level} ${text}`);
    await page().waitForFunction((wanted) => {
      const pane = [...document.querySelectorAll('.pane')].find((p) => p.querySelector('.pane-header')?.getAttribute('aria-label')?.startsWith('Annotations'));
      const shown = [...(pane?.querySelectorAll('.monaco-list-row') ?? [])].map((row) => `${row.getAttribute('aria-level')} ${row.textContent.trim()}`);
      return shown.length === wanted.length && wanted.every((text, index) => shown[index].startsWith(text));
    }, expected, { timeout: SERVER_TIMEOUT_MS }).catch(async (error) => {
      const shown = await page().locator('.pane:has(.pane-header[aria-label^="Annotations"]) .monaco-list-row').allInnerTexts();
      throw new Error(`the Annotations view shows ${JSON.stringify(shown)}, not ${JSON.stringify(expected)}`, { cause: error });
    });
  }

  /**
   * Clicks the view's row of `quote` until `note` is the active editor: the view is drawn again as answers
   * of the server arrive, and a click on a row being replaced selects it without opening it.
   */
  async function openFromView(quote, note) {
    const row = page().locator('.pane:has(.pane-header[aria-label^="Annotations"]) .monaco-list-row[aria-level="2"]', { hasText: quote }).first();
    const deadline = Date.now() + UI_TIMEOUT_MS;
    while (!await session.workbench.activeTab(note).isVisible()) {
      if (Date.now() > deadline) throw new Error(`a click on the row of "${quote}" does not open ${note}`);
      await row.click({ timeout: 2000 }).catch(() => {});
      await session.workbench.activeTab(note).waitFor({ timeout: 2000 }).catch(() => {});
    }
  }

  /** Filter Annotations… from the palette, answered with `words`. */
  async function filterView(words) {
    await page().keyboard.press('F1');
    const input = page().locator('.quick-input-widget input');
    await input.fill('>Diplonote: Filter Annotations…');
    await page().locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Filter Annotations…' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await page().keyboard.press('Enter');
    await page().locator('.quick-input-widget .quick-input-title', { hasText: 'Filter annotations' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await input.fill(words);
    await page().keyboard.press('Enter');
    await input.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
  }
});
