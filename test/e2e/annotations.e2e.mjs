// Annotations in a real VS Code (code-server + the packaged .vsix), driven as a user drives them: a
// comment on a selection through the Comments API, a tag from the quick pick, the thread's mark in the
// gutter, the row of the Annotations view, the projected thread on the Chinese version of the pair, the
// annotation following a line typed above it, all of it again after the window is reloaded (the
// server reads the sidecar it wrote and places the annotation against the saved note), and an
// annotation that another tool writes to the sidecar while the note is open.
// E2E_SCREENSHOTS=1 copies the screenshot to docs/images/annotations.png when every test passed.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { positionOf, readSample, until } from './harness.mjs';
import { PLAIN_WORKBENCH_SETTINGS, screenshotForDocs, SERVER_TIMEOUT_MS, UI_TIMEOUT_MS, vsCodeSession } from './workbench.mjs';

const [ENGLISH, CHINESE] = ['visa-request.en.note', 'visa-request.zh.note'];
const QUOTE = 'the Department requests that the visa fees be waived';
const COMMENT = 'Waiver on the basis of reciprocity: check the date of the exchange of notes.';
const ON_DISK_QUOTE = 'The delegation is composed of eight members';
const ON_DISK_COMMENT = 'Added by another tool while the note was open.';
const AUTHOR = 'E2E Tester';
const englishText = readSample(ENGLISH);
const quoteStart = positionOf(englishText, QUOTE);
const NOTE_STATUS = 'diplonote.diplonote.diplonote.status';

const settings = {
  ...PLAIN_WORKBENCH_SETTINGS,
  'comments.openView': 'never',
  'diplonote.annotations.author': AUTHOR,
  'diplonote.codeLens.enabled': false,
};

describe('Annotations in VS Code (code-server)', function () {
  this.timeout(SERVER_TIMEOUT_MS + 60000);
  const screenshot = screenshotForDocs(this, 'annotations.png');
  const session = vsCodeSession({ prefix: 'annotations', settings });
  const sidecar = () => path.join(session.scratch.workspace, `${ENGLISH}.annotations.json`);
  const readSidecar = () => (existsSync(sidecar()) ? JSON.parse(readFileSync(sidecar(), 'utf8')) : undefined);
  const page = () => session.workbench.page;
  const gutterThreads = (group) => group.locator('.margin-view-overlays .comment-range-glyph[class*="comment-thread"]');
  const annotationRows = () => page().locator('.pane:has(.pane-header[aria-label^="Annotations"]) .monaco-list-row');

  it('a comment on a selection, through the comment thread, is written to the sidecar and shown in the thread', async () => {
    const { workbench } = session;
    await workbench.openFile(ENGLISH);
    await workbench.waitForStatus(NOTE_STATUS, /^EN ↔ 中文$/, SERVER_TIMEOUT_MS);
    await workbench.goTo(quoteStart);
    for (let step = 0; step < QUOTE.length; step++) await page().keyboard.press('Shift+ArrowRight');
    await workbench.waitForStatus('status.editor.selection', new RegExp(`\\(${QUOTE.length} selected\\)`));

    await workbench.runCommand('Diplonote: Annotate Selection');
    const widget = page().locator('.review-widget').filter({ has: page().locator('.comment-form') }).first();
    const form = widget.locator('.comment-form');
    await form.waitFor({ timeout: UI_TIMEOUT_MS });
    // The box opens with the focus in it; a collapsed one (the prompt as a button) opens on a click.
    const prompt = form.locator('.review-thread-reply-button');
    if (await prompt.isVisible()) await prompt.click();
    await form.locator('.monaco-editor').click();
    await page().keyboard.type(COMMENT);
    await widget.getByRole('button', { name: 'Add Comment' }).click();

    const written = await until(readSidecar, (file) => file?.items?.length === 1, 'the sidecar holds one annotation', SERVER_TIMEOUT_MS);
    const [annotation] = written.items;
    assert.equal(annotation.motivation, 'commenting');
    assert.equal(annotation.creator.name, AUTHOR);
    assert.equal(annotation.target.selector.find((s) => s.type === 'TextQuoteSelector').exact, QUOTE);
    assert.deepEqual(annotation.body.filter((b) => b.purpose === 'commenting').map((b) => b.value), [COMMENT]);
    await page().locator('.review-widget .comment-body').filter({ hasText: COMMENT }).first().waitFor({ timeout: UI_TIMEOUT_MS });
  });

  it('Tag Selection ticks a tag from the quick pick, and the thread shows it', async () => {
    const { workbench } = session;
    await workbench.openFile(ENGLISH); // the focus back in the text, from the comment's editor
    await workbench.goTo(quoteStart);
    for (let step = 0; step < QUOTE.length; step++) await page().keyboard.press('Shift+ArrowRight');
    await workbench.runCommand('Diplonote: Tag Selection', 'Tick the tags of the annotation, then press Enter');
    await page().locator('.quick-input-widget input').fill('Legal basis');
    const row = page().locator('.quick-input-list .monaco-list-row').filter({ hasText: 'Legal basis' }).first();
    await row.click();
    await page().locator('.quick-input-list .monaco-list-row[aria-checked="true"]').filter({ hasText: 'Legal basis' }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    await page().keyboard.press('Enter');

    const tagged = await until(readSidecar, (file) => file?.items?.[0]?.body?.some((b) => b.purpose === 'tagging'), 'the annotation is tagged', SERVER_TIMEOUT_MS);
    assert.equal(tagged.items.length, 1, 'the tag went on the annotation selected, not on a new one');
    assert.deepEqual(tagged.items[0].body.filter((b) => b.purpose === 'tagging').map((b) => b.value), ['legal-basis']);
    await page().locator('.review-widget').filter({ hasText: 'Legal basis' }).first().waitFor({ timeout: UI_TIMEOUT_MS });
  });

  it('shows the annotation in the gutter, in the Annotations view and, projected, on the Chinese version', async () => {
    const { workbench } = session;
    await workbench.openFile(ENGLISH);
    await gutterThreads(page().locator('.editor-group-container.active')).first().waitFor({ timeout: UI_TIMEOUT_MS });

    await workbench.runCommand('Explorer: Focus on Annotations View');
    const row = annotationRows().filter({ hasText: QUOTE });
    await row.filter({ hasText: `Ln ${quoteStart.line + 1}` }).first().waitFor({ timeout: SERVER_TIMEOUT_MS });
    assert.match(await row.first().innerText(), /Legal basis/);

    await workbench.openFile(ENGLISH);
    await workbench.runCommand('Diplonote: Open Counterpart to the Side');
    const chinese = page().locator('.editor-group-container').filter({ has: page().locator(`.tab.active[data-resource-name="${CHINESE}"]`) });
    const projected = gutterThreads(chinese).first();
    await projected.waitFor({ timeout: SERVER_TIMEOUT_MS });
    await chinese.locator('.view-lines').first().click();
    await workbench.runCommand('Comments: Expand All Comments');
    const thread = chinese.locator('.review-widget').filter({ hasText: 'Projected from the English version (sentence)' }).first();
    await thread.waitFor({ timeout: UI_TIMEOUT_MS });
    assert.match(await thread.innerText(), /Legal basis/);
    assert.match(await thread.innerText(), /visa fees be waived/);
    screenshot.file = path.join(session.scratch.root, 'screenshots', 'annotations.png');
    await workbench.screenshot(screenshot.file);
    await workbench.runCommand('View: Close All Editor Groups');
  });

  /** Gives the active editor the focus, and waits until it has it: keys pressed before go elsewhere. */
  async function focusEditor(workbench) {
    await workbench.runCommand('View: Focus Active Editor Group');
    await page().locator('.editor-group-container.active .monaco-editor.focused').first().waitFor({ timeout: UI_TIMEOUT_MS });
  }

  it('follows a line typed above it, and is in place after the window is reloaded', async () => {
    const { workbench } = session;
    await workbench.openFile(ENGLISH);
    await workbench.goTo({ line: 0, character: 0 });
    // The cursor was at Ln 1 already: the status says nothing of where the keys go; the focus does.
    await focusEditor(workbench);
    await page().keyboard.type('Typed above the annotation.');
    await page().keyboard.press('Enter');
    await page().locator('.editor-group-container.active .view-line').filter({ hasText: 'Typed above the annotation.' }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    await workbench.runCommand('Explorer: Focus on Annotations View');
    const moved = annotationRows().filter({ hasText: QUOTE }).filter({ hasText: `Ln ${quoteStart.line + 2}` }).first();
    await moved.waitFor({ timeout: SERVER_TIMEOUT_MS });

    await workbench.openFile(ENGLISH);
    // Saved from the editor, once it has the focus (it may have saved the note already when the focus left
    // it); what counts is the line on disk.
    await focusEditor(workbench);
    await page().keyboard.press('Control+S');
    await page().locator(`.tab[data-resource-name="${ENGLISH}"]:not(.dirty)`).first().waitFor({ timeout: UI_TIMEOUT_MS });
    const note = path.join(session.scratch.workspace, ENGLISH);
    // The tab shows the note saved a moment before the write reaches the disk.
    while (!/^Typed above the annotation\.\r?\n/.test(readFileSync(note, 'utf8'))) await new Promise((resolve) => setTimeout(resolve, 100));
    await page().reload({ waitUntil: 'domcontentloaded' });
    await page().locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: SERVER_TIMEOUT_MS });

    await workbench.openFile(ENGLISH);
    await gutterThreads(page().locator('.editor-group-container.active')).first().waitFor({ timeout: SERVER_TIMEOUT_MS });
    await workbench.runCommand('Explorer: Focus on Annotations View');
    await annotationRows().filter({ hasText: QUOTE }).filter({ hasText: `Ln ${quoteStart.line + 2}` }).first().waitFor({ timeout: SERVER_TIMEOUT_MS });
    // Next Annotation selects it: the span is exactly the quote, one line lower.
    await workbench.goTo({ line: 0, character: 0 });
    await workbench.runCommand('Diplonote: Next Annotation');
    // The cursor is at the end of the selection.
    const end = `Ln ${quoteStart.line + 2}, Col ${quoteStart.character + QUOTE.length + 1}`;
    await workbench.waitForStatus('status.editor.selection', new RegExp(`^${end} \\(${QUOTE.length} selected\\)`));
  });

  it('shows an annotation that another tool writes to the sidecar while the note is open', async () => {
    const { workbench } = session;
    await workbench.openFile(ENGLISH);
    const file = readSidecar();
    const [first] = file.items;
    const added = {
      ...first,
      id: 'urn:uuid:0d9c5b1e-4f7a-4c52-9a3e-6b2f1d8e7c40',
      status: 'open',
      target: { source: first.target.source, selector: [{ type: 'TextQuoteSelector', exact: ON_DISK_QUOTE }] },
      body: [{ type: 'TextualBody', purpose: 'commenting', format: 'text/plain', value: ON_DISK_COMMENT }],
    };
    // As a sync tool writes a file: a whole new one, renamed over the old.
    writeFileSync(`${sidecar()}.tmp`, JSON.stringify({ ...file, items: [...file.items, added] }, null, 2));
    renameSync(`${sidecar()}.tmp`, sidecar());

    await workbench.runCommand('Explorer: Focus on Annotations View');
    await annotationRows().filter({ hasText: ON_DISK_QUOTE }).first().waitFor({ timeout: SERVER_TIMEOUT_MS });
    await gutterThreads(page().locator('.editor-group-container.active')).nth(1).waitFor({ timeout: SERVER_TIMEOUT_MS });
    // The server never rewrote the file it did not change.
    assert.equal(readSidecar().items.length, 2);
  });
});
