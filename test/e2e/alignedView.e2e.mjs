// The aligned view in a real VS Code (code-server + the packaged .vsix), driven as a user drives it: the
// reference note's rows in the webview (an iframe inside the workbench's webview iframe, reached through
// Playwright's frames), a side clicked and shown in the editor, a pairing corrected in the view that
// changes where F12 goes, and the correction still followed after Developer: Reload Window (the server
// reads it back from the note's annotation sidecar).
// E2E_SCREENSHOTS=1 copies the screenshot of the view to docs/images/aligned-view.png when every test passed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { actUntil, positionOf, readSample, repoRoot, until } from './harness.mjs';
import { PLAIN_WORKBENCH_SETTINGS, screenshotForDocs, SERVER_TIMEOUT_MS, UI_TIMEOUT_MS, vsCodeSession } from './workbench.mjs';

const REFERENCE_NOTE = 'ohchr-reply-al-chn-4-2025.note';
const NOTE_STATUS = 'diplonote.diplonote.diplonote.status';
const referenceText = readSample(REFERENCE_NOTE);
// On "deals", which is no glossary term: F12 goes to the aligned sentence, not to a term's rendering.
const dealing = positionOf(referenceText, 'deals with the persons involved', 2);
const ENGLISH_SENTENCE = 'China deals with the persons involved';
const ITS_CHINESE = '中方依法处理涉案人员';
const OTHER_CHINESE = '中国在涉及电诈网赌问题上';

const settings = {
  ...PLAIN_WORKBENCH_SETTINGS,
  'diplonote.codeLens.enabled': false,
};

/** The rows `diplonote align --json` prints for the reference note: what the view must show. */
function printedRows() {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), 'align', '--json', path.join('samples', REFERENCE_NOTE)], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout)[0].pairs;
}

/** The status bar's `Ln, Col` of an LSP position: the column counts code points (the sample has no tab). */
function statusPlace(text, { line, character }) {
  const column = [...text.split('\n')[line].slice(0, character)].length + 1;
  return `Ln ${line + 1}, Col ${column}`;
}

/** The offset in `text` of an LSP position. */
function offsetOf(text, { line, character }) {
  return text.split('\n').slice(0, line).reduce((offset, before) => offset + before.length + 1, 0) + character;
}

describe('The aligned view in VS Code (code-server)', function () {
  this.timeout(SERVER_TIMEOUT_MS + 60000);
  const screenshot = screenshotForDocs(this, 'aligned-view.png');
  const session = vsCodeSession({ prefix: 'aligned-view', settings });
  const page = () => session.workbench.page;
  const notePath = () => path.join(session.scratch.workspace, REFERENCE_NOTE);
  const sidecar = () => `${notePath()}.annotations.json`;
  const readSidecar = () => (existsSync(sidecar()) ? JSON.parse(readFileSync(sidecar(), 'utf8')) : undefined);
  let rows;
  before(() => {
    rows = printedRows();
  });

  /** The page of the aligned view: the extension's document inside the webview's own frame. */
  function view() {
    return page().frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  }

  /** The cell of one side of the row whose text on that side starts with `start`. */
  function cell(level, side, start) {
    return view().locator(`tbody tr.row.level-${level} td.side-${side}`).filter({ has: view().locator('.text', { hasText: start }) }).first();
  }

  /** Opens the note by its path with File: Open File… (Ctrl+O; no quick-open index involved) and waits for its editor. */
  async function openNote() {
    await page().keyboard.press('Control+O'); // File: Open File...
    const input = page().locator('.quick-input-widget input');
    // The file dialog asks in the quick input; once it lists the workspace folder, it no longer rewrites the path.
    await page().locator('.quick-input-list .monaco-list-row').filter({ hasText: REFERENCE_NOTE }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    await input.fill(notePath());
    await page().waitForFunction((file) => document.querySelector('.quick-input-widget input')?.value === file, notePath(), { timeout: UI_TIMEOUT_MS });
    await page().keyboard.press('Enter');
    await input.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
    await session.workbench.activeTab(REFERENCE_NOTE).waitFor({ timeout: UI_TIMEOUT_MS });
    await page().locator('.editor-group-container.active .monaco-editor .view-line').first().waitFor({ timeout: UI_TIMEOUT_MS });
    await session.workbench.waitForStatus(NOTE_STATUS, /^EN \+ 中文$/, SERVER_TIMEOUT_MS);
  }

  /** Gives the note's editor (the first group) the focus, and waits until it has it. */
  async function focusNote() {
    await session.workbench.runCommand('View: Focus First Editor Group');
    await page().locator('.editor-group-container.active .monaco-editor.focused').first().waitFor({ timeout: UI_TIMEOUT_MS });
    await session.workbench.activeTab(REFERENCE_NOTE).waitFor({ timeout: UI_TIMEOUT_MS });
  }

  /** F12 on "deals" in the English sentence; resolves once the cursor is at `target`. */
  async function goToDefinitionFromDealing(target) {
    await focusNote();
    await session.workbench.goTo(dealing);
    await page().keyboard.press('F12');
    await session.workbench.waitForStatus('status.editor.selection', new RegExp(`^${statusPlace(referenceText, positionOf(referenceText, target))}\\b`), SERVER_TIMEOUT_MS);
  }

  it('shows the six paragraph pairs and the points of the reference note, the rows `diplonote align` prints', async () => {
    await openNote();
    await session.workbench.runCommand('Diplonote: Open Aligned View');
    const paragraphRows = view().locator('tbody tr.row.level-paragraph');
    await paragraphRows.nth(5).waitFor({ timeout: SERVER_TIMEOUT_MS });
    const numbers = (side) => view().locator(`tbody tr.row.level-paragraph td.side-${side} .number`).allInnerTexts();
    assert.deepEqual(await numbers('en'), ['¶1', '¶2', '¶3', '¶4', '¶5', '¶6']);
    assert.deepEqual(await numbers('zh'), ['¶1', '¶2', '¶3', '¶4', '¶5', '¶6']);
    const points = view().locator('tbody tr.row.level-point');
    assert.deepEqual((await points.locator('td.side-en .text').allInnerTexts()).map((text) => text.trim()), ['First,', 'Second,', 'Third,']);
    assert.deepEqual((await points.locator('td.side-zh .text').allInnerTexts()).map((text) => text.trim()), ['一是', '二是', '三是']);
    assert.deepEqual(await points.locator('td.side-en .number').allInnerTexts(), ['5(1)', '5(2)', '5(3)']);
    const shown = await view().locator('tbody tr.row').evaluateAll((elements) => elements.map((row) => row.className.match(/level-(\w+)/)?.[1]));
    assert.deepEqual(shown, rows.map((row) => row.level));

    // The screenshot for the docs, with the side bar (Ctrl+B) out of the way.
    const sideBar = page().locator('.part.sidebar');
    await page().keyboard.press('Control+B');
    await sideBar.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
    await view().locator('thead th').first().waitFor({ timeout: UI_TIMEOUT_MS });
    screenshot.file = path.join(session.scratch.root, 'screenshots', 'aligned-view.png');
    await session.workbench.screenshot(screenshot.file);
    await page().keyboard.press('Control+B');
    await sideBar.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  });

  it('clicking a side of a row selects that text in the editor and scrolls it into view', async () => {
    await focusNote();
    await session.workbench.goTo({ line: 0, character: 0 });
    const target = rows.find((row) => row.level === 'paragraph' && row.zh?.paragraph === 4).zh;
    // The selection is the paragraph, the cursor at its end; VS Code counts code points, line ends included.
    const length = [...referenceText.slice(offsetOf(referenceText, target.range.start), offsetOf(referenceText, target.range.end))].length;
    const selected = new RegExp(`^${statusPlace(referenceText, target.range.end)} \\(${length} selected\\)`);
    // A click that reaches the page while the editor still holds the focus may be swallowed: clicked until it selects.
    let selects = false;
    const click = async () => {
      await cell('paragraph', 'zh', '中国公安机关全力开展').click();
      selects = await session.workbench.waitForStatus('status.editor.selection', selected, 5000).then(() => true, () => false);
    };
    await actUntil(click, () => selects, `the status bar never shows ${selected}`, SERVER_TIMEOUT_MS);
    const editor = page().locator('.editor-group-container.active .monaco-editor').first();
    const line = editor.locator('.view-line').filter({ hasText: '中国公安机关全力开展' }).first();
    await line.waitFor({ timeout: UI_TIMEOUT_MS });
    const [editorBox, lineBox] = [await editor.boundingBox(), await line.boundingBox()];
    assert.ok(lineBox.y >= editorBox.y && lineBox.y + lineBox.height <= editorBox.y + editorBox.height,
      `the line is in view: ${JSON.stringify({ editorBox, lineBox })}`);
    // The view marks the finest row holding the cursor: the paragraph's last sentence.
    const cursorRow = rows.findLast((row) => row.zh && offsetOf(referenceText, row.zh.range.start) <= offsetOf(referenceText, target.range.end)
      && offsetOf(referenceText, target.range.end) <= offsetOf(referenceText, row.zh.range.end));
    assert.equal(cursorRow.level, 'sentence');
    await view().locator('tbody tr.row.followed').filter({ hasText: cursorRow.zh.text.slice(0, 10) }).first().waitFor({ timeout: UI_TIMEOUT_MS });
  });

  it('a pairing corrected in the view changes where F12 goes, and holds after the window is reloaded', async () => {
    await goToDefinitionFromDealing(ITS_CHINESE);

    // Pair the English sentence with the Chinese sentence before its own: Ctrl+click picks a side.
    await cell('sentence', 'en', ENGLISH_SENTENCE).click({ modifiers: ['Control'] });
    await cell('sentence', 'zh', OTHER_CHINESE).click({ modifiers: ['Control'] });
    const pair = view().locator('.toolbar button.action-pair');
    await view().locator('.toolbar button.action-pair:not([disabled])').waitFor({ timeout: UI_TIMEOUT_MS });
    await pair.click();
    const written = await until(readSidecar, (file) => file?.items?.some((item) => item.motivation === 'linking'), 'the sidecar holds the correction', SERVER_TIMEOUT_MS);
    const quotes = written.items[0].target.map((target) => target.selector.find((s) => s.type === 'TextQuoteSelector').exact);
    assert.ok(quotes[0].startsWith(ENGLISH_SENTENCE) && quotes[1].startsWith(OTHER_CHINESE), JSON.stringify(quotes));
    const corrected = view().locator('tbody tr.row.corrected').filter({ hasText: ENGLISH_SENTENCE }).filter({ hasText: OTHER_CHINESE });
    await corrected.first().waitFor({ timeout: SERVER_TIMEOUT_MS });

    await goToDefinitionFromDealing(OTHER_CHINESE);

    const reloaded = page().waitForEvent('framenavigated', { predicate: (frame) => frame === page().mainFrame(), timeout: UI_TIMEOUT_MS });
    await session.workbench.runCommand('Developer: Reload Window');
    await reloaded;
    await page().locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: SERVER_TIMEOUT_MS });
    await openNote();
    await goToDefinitionFromDealing(OTHER_CHINESE);
    await session.workbench.runCommand('Diplonote: Open Aligned View');
    await corrected.first().waitFor({ timeout: SERVER_TIMEOUT_MS });
  });
});
