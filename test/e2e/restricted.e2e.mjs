// Restricted Mode, as the extension's `capabilities` state it: in a folder that is not trusted everything
// works, the folder's own settings included, since Diplonote runs no code from the workspace and reads
// nothing outside its folder. The folder names its glossary in its settings (a name the convention
// would not find), and a note uses a term only that glossary knows.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { positionOf } from './harness.mjs';
import { SERVER_TIMEOUT_MS, UI_TIMEOUT_MS, vsCodeSession } from './workbench.mjs';

const NOTE = 'restricted.note';
const noteText = 'The Zenith Accord was signed.\n\nThe Embassy presents its compliments to the Ministry.\n';
const NOTE_STATUS = 'diplonote.diplonote.diplonote.status';

describe('VS Code in Restricted Mode (a folder that is not trusted)', function () {
  this.timeout(SERVER_TIMEOUT_MS + 30000);
  const session = vsCodeSession({
    prefix: 'vscode-restricted',
    prepare: (scratch) => {
      mkdirSync(path.join(scratch.workspace, 'terms'));
      writeFileSync(path.join(scratch.workspace, 'terms', 'treaties.json'), JSON.stringify({ entries: [{ en: 'Zenith Accord', zh: ['天顶协定'] }] }));
      writeFileSync(path.join(scratch.workspace, NOTE), noteText);
      mkdirSync(path.join(scratch.workspace, '.vscode'));
      writeFileSync(path.join(scratch.workspace, '.vscode', 'settings.json'), JSON.stringify({ 'diplonote.glossary.files': ['terms/treaties.json'] }));
    },
    settings: { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'editor.hover.delay': 100 },
    workspaceTrust: true,
  });

  it('serves a note, with the glossary the folder\'s own settings name', async () => {
    const { workbench } = session;
    await workbench.page.locator('.statusbar-item').filter({ hasText: 'Restricted Mode' }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    await workbench.openFile(NOTE);
    await workbench.waitForStatus('status.editor.mode', /^Diplomatic Note$/);
    await workbench.waitForStatus(NOTE_STATUS, /^EN$/, SERVER_TIMEOUT_MS);
    await workbench.goTo(positionOf(noteText, 'Zenith Accord', 3));
    await workbench.hoverAtCursor('天顶协定');
    await workbench.page.keyboard.press('Escape');
  });
});
