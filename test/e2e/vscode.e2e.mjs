// The extension as users get it, in a real VS Code: the packaged .vsix is installed into a fresh
// code-server profile, Debian's Chromium (driven by playwright-core, headless) opens a copy of samples/,
// and each test does what a user would: read the status bar, the Outline view, hover, F12, Peek, a
// command, the Problems panel. Tools come from scripts/setup-editors.sh (.tools/), the .vsix from
// `npm run package`; everything written goes under one temporary folder, removed at the end.
// E2E_SCREENSHOTS=1 copies the screenshots to docs/images/ when every test passed.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeScratch, positionOf, processesGone, readSample, repoRoot, stopGroup } from './harness.mjs';
import { requireTools, SERVER_TIMEOUT_MS, startVsCode, UI_TIMEOUT_MS } from './workbench.mjs';

const REFERENCE_NOTE = 'ohchr-reply-al-chn-4-2025.note';
const PAIR = ['visa-request.en.note', 'visa-request.zh.note'];
const SEEDED_ERROR_FIXTURE = path.join(repoRoot, 'test', 'fixtures', 'checks', 'number-mismatch.note');
const TERM_MISSING_FIXTURE = path.join(repoRoot, 'test', 'fixtures', 'checks', 'term-missing.note');

const referenceText = readSample(REFERENCE_NOTE);
// Inside English ¶4 ("The public security organs of China have spared no effort…").
const englishParagraph4 = positionOf(referenceText, 'spared no effort', 3);
const chineseParagraph4 = positionOf(referenceText, '中国公安机关全力开展');
const glossaryTerm = positionOf(referenceText, 'telecommunications fraud', 4);

// The quick-fix test: the translator wrote 拐卖人口 where the team glossary expects 人口贩运 or 人员贩运.
const TERM_PAIR_NOTE = 'term-pair.note';
const termPairText = readFileSync(TERM_MISSING_FIXTURE, 'utf8').replace('一是及早甄别受害者', '一是及早甄别拐卖人口受害者');
const TEAM_GLOSSARY = 'team.glossary.json';
const teamGlossary = '{ "entries": [\n  { "en": "human trafficking", "zh": ["人口贩运", "人员贩运"] }\n] }\n';

/** The id of the extension's status bar item in the page: `publisher.name.itemId`. */
const NOTE_STATUS = 'diplonote.diplonote.diplonote.status';

const settings = {
  'editor.minimap.enabled': false,
  'editor.wordWrap': 'on', // prose: whole paragraphs on screen
  'editor.hover.delay': 100,
  'outline.collapseItems': 'alwaysExpand',
  'window.commandCenter': false,
  'chat.commandCenter.enabled': false,
  'workbench.editor.enablePreview': false,
};

/** Rows of the Outline view as { name, level }, once `expectedName` is among them. */
async function outlineRows(page, expectedName) {
  const rows = page.locator('.pane:has(.pane-header[aria-label^="Outline"]) .monaco-list-row');
  await rows.filter({ hasText: expectedName }).first().waitFor({ timeout: SERVER_TIMEOUT_MS });
  return rows.evaluateAll((elements) => elements.map((row) => ({
    name: row.querySelector('.label-name')?.textContent?.trim() ?? '',
    level: Number(row.getAttribute('aria-level')),
  })));
}

describe('VS Code (code-server) with the packaged .vsix', function () {
  this.timeout(SERVER_TIMEOUT_MS + 30000);
  let scratch;
  let codeServer;
  let context;
  let workbench;
  let failures = 0;
  const shots = {};

  const shotPath = (name) => path.join(scratch.root, 'screenshots', `${name}.png`);

  before(async function () {
    this.timeout(120000);
    requireTools();
    scratch = makeScratch('vscode');
    // Every file a test opens is there before the editor starts (see startVsCode).
    copyFileSync(SEEDED_ERROR_FIXTURE, path.join(scratch.workspace, path.basename(SEEDED_ERROR_FIXTURE)));
    writeFileSync(path.join(scratch.workspace, TERM_PAIR_NOTE), termPairText);
    writeFileSync(path.join(scratch.workspace, TEAM_GLOSSARY), teamGlossary);
    ({ codeServer, context, workbench } = await startVsCode(scratch, { settings }));
  });

  afterEach(async function () {
    if (this.currentTest.state !== 'failed') return;
    failures += 1;
    await workbench?.screenshot(shotPath(`failed-${failures}`)).catch(() => {});
  });

  after(async function () {
    this.timeout(30000);
    if (process.env.E2E_SCREENSHOTS === '1' && failures === 0) {
      mkdirSync(path.join(repoRoot, 'docs', 'images'), { recursive: true });
      for (const [name, file] of Object.entries(shots)) copyFileSync(file, path.join(repoRoot, 'docs', 'images', `${name}.png`));
    }
    await context?.close().catch(() => {});
    if (codeServer) await stopGroup(codeServer.child);
    // Chromium's crash handlers leave its process group and exit a moment after the browser.
    const stragglers = scratch ? await processesGone(scratch.root, 5000) : [];
    // E2E_KEEP=1 keeps the scratch folder (screenshots, code-server log) for a look; so does a failure.
    if (scratch && (process.env.E2E_KEEP === '1' || failures > 0)) console.log(`kept ${scratch.root}`);
    else scratch?.remove();
    assert.deepEqual(stragglers, [], 'processes still running after the suite (killed now)');
  });

  it('a .note file opens with the status bar language "Diplomatic Note"', async () => {
    await workbench.openFile(REFERENCE_NOTE);
    assert.equal(await workbench.waitForStatus('status.editor.mode', /^Diplomatic Note$/), 'Diplomatic Note');
  });

  it('the status bar tells the language versions of a note and where its counterpart is', async () => {
    await workbench.openFile(REFERENCE_NOTE);
    assert.equal(await workbench.waitForStatus(NOTE_STATUS, /^EN \+ 中文$/, SERVER_TIMEOUT_MS), 'EN + 中文');
    await workbench.openFile(PAIR[1]);
    assert.equal(await workbench.waitForStatus(NOTE_STATUS, /^中文 ↔ EN$/, SERVER_TIMEOUT_MS), '中文 ↔ EN');
    await workbench.openFile('first-person-letter.note');
    await workbench.waitForStatus(NOTE_STATUS, /^EN$/, SERVER_TIMEOUT_MS);
    assert.match(await workbench.statusItem(NOTE_STATUS).getAttribute('aria-label'), /no other language version found/);
  });

  it('the Outline view lists the reference, the opening, the paragraphs in both languages and the points', async () => {
    await workbench.openFile(REFERENCE_NOTE);
    await workbench.runCommand('Explorer: Focus on Outline View');
    await workbench.giveOutlineTheSideBar();
    const rows = await outlineRows(workbench.page, 'Reference CHN/HR/2025/34');
    const names = rows.map((row) => row.name);
    const levelOf = (name) => rows.find((row) => row.name === name)?.level;
    assert.equal(levelOf('Reference CHN/HR/2025/34'), 1, names.join(' | '));
    assert.equal(levelOf('Opening — presents its compliments'), 1, names.join(' | '));
    assert.equal(levelOf('English version'), 1, names.join(' | '));
    assert.equal(levelOf('中文 Chinese version'), 1, names.join(' | '));
    const paragraphs = rows.filter((row) => row.name.startsWith('¶'));
    assert.deepEqual(paragraphs.map((row) => `${row.name.slice(0, 2)}@${row.level}`),
      ['¶1', '¶2', '¶3', '¶4', '¶5', '¶6', '¶1', '¶2', '¶3', '¶4', '¶5', '¶6'].map((name) => `${name}@2`));
    assert.ok(paragraphs[3].name.startsWith('¶4 The public security organs of China'), paragraphs[3].name);
    assert.ok(paragraphs[9].name.startsWith('¶4 中国公安机关全力开展'), paragraphs[9].name);
    for (const point of ['First', 'Second', 'Third', '一是', '二是', '三是']) assert.equal(levelOf(point), 3, point);
    // The breadcrumbs, fed by the same symbols, follow the cursor into English ¶4.
    await workbench.goTo(englishParagraph4);
    const breadcrumbs = workbench.page.locator('.editor-group-container.active .monaco-breadcrumbs .monaco-breadcrumb-item');
    await breadcrumbs.last().filter({ hasText: '¶4 The public security organs of China' }).waitFor({ timeout: UI_TIMEOUT_MS });
    assert.deepEqual((await breadcrumbs.allInnerTexts()).slice(-2).map((text) => text.trim().slice(0, 15)),
      ['English version', '¶4 The public s']);
    shots.outline = shotPath('outline');
    await workbench.screenshot(shots.outline);
  });

  it('hovering a glossary term shows the entry with its counterpart', async () => {
    await workbench.openFile(REFERENCE_NOTE);
    await workbench.goTo(glossaryTerm);
    const hover = await workbench.hoverAtCursor('电信诈骗');
    assert.match(hover, /telecommunications fraud/i);
    shots.hover = shotPath('hover');
    await workbench.screenshot(shots.hover);
    await workbench.page.keyboard.press('Escape');
  });

  it('F12 on an English paragraph moves to its Chinese counterpart, and Peek shows it', async () => {
    await workbench.openFile(REFERENCE_NOTE);
    await workbench.goTo(englishParagraph4);
    await workbench.page.keyboard.press('F12');
    await workbench.waitForStatus('status.editor.selection', new RegExp(`^Ln ${chineseParagraph4.line + 1}, Col 1\\b`), SERVER_TIMEOUT_MS);

    await workbench.goTo(englishParagraph4);
    // Peek Definition: Alt+F12 on Windows and macOS, Ctrl+Shift+F10 on Linux (where this runs).
    await workbench.page.keyboard.press('Control+Shift+F10');
    const peek = workbench.page.locator('.peekview-widget:visible');
    await peek.locator('.view-line').filter({ hasText: '中国公安机关全力开展' }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    shots.peek = shotPath('peek');
    await workbench.screenshot(shots.peek);
    await workbench.page.keyboard.press('Escape');
    await peek.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
  });

  it('"Diplonote: Open Counterpart to the Side" opens the other file of a two-file pair beside it', async () => {
    await workbench.openFile(PAIR[0]);
    await workbench.runCommand('Diplonote: Open Counterpart to the Side');
    // The counterpart opens in a second group to the right; the focus stays in the English editor.
    const groups = workbench.page.locator('.editor-group-container');
    await groups.nth(1).locator(`.tab.active[data-resource-name="${PAIR[1]}"]`).waitFor({ timeout: UI_TIMEOUT_MS });
    assert.equal(await groups.count(), 2);
    assert.equal(await groups.nth(0).locator('.tab.active').getAttribute('data-resource-name'), PAIR[0]);
    await workbench.activeTab(PAIR[0]).waitFor({ timeout: UI_TIMEOUT_MS });
    await workbench.runCommand('View: Close All Editor Groups');
    await groups.first().locator('.tab').first().waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
  });

  it('Ctrl+K V in a note opens its counterpart to the side', async () => {
    await workbench.openFile(PAIR[0]);
    await workbench.page.keyboard.press('Control+K');
    await workbench.page.keyboard.press('v');
    const groups = workbench.page.locator('.editor-group-container');
    await groups.nth(1).locator(`.tab.active[data-resource-name="${PAIR[1]}"]`).waitFor({ timeout: SERVER_TIMEOUT_MS });
    await workbench.runCommand('View: Close All Editor Groups');
    await groups.first().locator('.tab').first().waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
  });

  it('the walkthrough opens the sample note, which is read as a note in two languages', async () => {
    await workbench.runCommand('Welcome: Open Walkthrough...', 'Select a walkthrough to open');
    await workbench.quickInput('Diplonote', 'Get Started with Diplonote');
    const step = workbench.page.locator('.getting-started-step.expanded');
    await step.filter({ hasText: 'Open a sample note' }).waitFor({ timeout: UI_TIMEOUT_MS });
    await step.getByRole('button', { name: 'Open the Sample Note' }).click();
    await workbench.page.locator('.editor-group-container.active .tab.active[data-resource-name^="Untitled"]').waitFor({ timeout: UI_TIMEOUT_MS });
    await workbench.waitForStatus('status.editor.mode', /^Diplomatic Note$/);
    await workbench.waitForStatus(NOTE_STATUS, /^EN \+ 中文$/, SERVER_TIMEOUT_MS);
    // The walkthrough goes first: left active, its media frame would take the keys the next test presses.
    await workbench.runCommand('View: Close Other Editors in Group');
    await workbench.runCommand('View: Revert and Close Editor');
    await workbench.page.locator('.editor-group-container.active .tab').first().waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
  });

  it('a seeded number mismatch shows in the Problems panel', async () => {
    const fixture = path.basename(SEEDED_ERROR_FIXTURE);
    await workbench.openFile(fixture);
    await workbench.runCommand('Problems: Focus on Problems View');
    const markers = workbench.page.locator('.markers-panel .monaco-list-row');
    await markers.filter({ hasText: fixture }).first().waitFor({ timeout: SERVER_TIMEOUT_MS });
    // Seeded: English `5,415` at line 5, col 206 against Chinese `5451` at line 15, col 53 (fixture README).
    const mismatch = markers.filter({ hasText: /5,415|5451/ }).filter({ hasText: /\[Ln (5, Col 206|15, Col 53)\]/ }).first();
    await mismatch.waitFor({ timeout: UI_TIMEOUT_MS });
    shots.problems = shotPath('problems');
    await workbench.screenshot(shots.problems);
  });

  it('Ctrl+F8 and Ctrl+Shift+F8 in a note go to its next and previous finding', async () => {
    await workbench.openFile(path.basename(SEEDED_ERROR_FIXTURE));
    await workbench.goTo({ line: 0, character: 0 });
    await workbench.page.keyboard.press('Control+F8');
    await workbench.waitForStatus('status.editor.selection', /^Ln 5, Col 206\b/);
    await workbench.page.locator('.marker-widget').filter({ hasText: '5,415' }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    await workbench.page.keyboard.press('Control+Shift+F8');
    await workbench.waitForStatus('status.editor.selection', /^Ln 15, Col 53\b/);
    await workbench.page.keyboard.press('Escape');
  });

  it('the quick fix asks for the rendering of a term, writes it to the glossary, and the finding goes', async () => {
    const note = TERM_PAIR_NOTE;
    const glossary = path.join(scratch.workspace, TEAM_GLOSSARY);
    await workbench.openFile(note);
    await workbench.runCommand('Problems: Focus on Problems View');
    // Seeded: `human trafficking` at line 9, col 103 (fixture README).
    const finding = workbench.page.locator('.markers-panel .monaco-list-row')
      .filter({ hasText: /glossary term "human trafficking"/ }).filter({ hasText: /\[Ln 9, Col 103\]/ });
    await finding.first().waitFor({ timeout: SERVER_TIMEOUT_MS });

    await workbench.openFile(note);
    await workbench.goTo(positionOf(termPairText, 'human trafficking', 2));
    await workbench.page.keyboard.press('Control+.');
    const title = "Add a rendering of 'human trafficking' to the workspace glossary…";
    await workbench.page.locator(`.action-widget .monaco-list-row[aria-label="${title}"]`).waitFor({ timeout: UI_TIMEOUT_MS });
    // The menu is driven by keys, as a user does: a pointer guard lies over it while it opens.
    const focused = workbench.page.locator('.action-widget .monaco-list-row.focused');
    for (let moves = 0; moves < 6 && await focused.getAttribute('aria-label', { timeout: 1000 }).catch(() => '') !== title; moves++) {
      await workbench.page.keyboard.press('ArrowDown');
    }
    assert.equal(await focused.getAttribute('aria-label'), title);
    await workbench.page.keyboard.press('Enter');
    const box = workbench.page.locator('.quick-input-widget');
    await box.locator('input').waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    const asked = await box.innerText();
    assert.match(asked, /Chinese rendering of "human trafficking"/);
    assert.match(asked, /一是及早甄别拐卖人口受害者/); // the aligned sentence, to copy the rendering from
    await box.locator('input').fill('拐卖人口');
    shots.addTermPair = shotPath('add-term-pair');
    await workbench.screenshot(shots.addTermPair);
    await workbench.page.keyboard.press('Enter');
    await box.locator('input').waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });

    // The client saves the glossary it changed; the server reloads it from the watcher's event.
    const deadline = Date.now() + UI_TIMEOUT_MS;
    while (!readFileSync(glossary, 'utf8').includes('拐卖人口') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(readFileSync(glossary, 'utf8'), teamGlossary.replace('"人员贩运"]', '"人员贩运", "拐卖人口"]'));
    await workbench.runCommand('Problems: Focus on Problems View');
    await finding.first().waitFor({ state: 'detached', timeout: SERVER_TIMEOUT_MS });
  });
});
