/**
 * Issue 16: the CLI printed terminal escape sequences from a note to the terminal. A note (or a file
 * name) carrying `ESC ] 52` (write the clipboard), `ESC [ 2 J` (clear the screen), an 8-bit CSI or a
 * right-to-left override reaches the terminal only as visible, inert text, in every output format.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../support/serverConnection';
import { cli, cliOnTerminal } from '../support/cli';

/** What no output may carry raw: C0 controls but tab and line feed, DEL, C1 controls, bidirectional overrides. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/** The colours the CLI itself writes on a terminal (SGR sequences). */
const SGR = /\u001b\[[0-9;]*m/g;

const CLIPBOARD = '\u001b]52;c;ZXZpbA==\u0007';
const CLEAR = '\u001b[2J';
const CSI8 = '\u009b31m';
const RLO = '\u202e';

function hostileNote(): string {
  const text = readFileSync(path.join(REPO_ROOT, 'test/fixtures/checks/number-mismatch.note'), 'utf8');
  return text
    .replace('On 15 March 2024,', `${CLEAR}On 15 March${CLIPBOARD} 2024,`)
    .replace('The persons concerned', `The ${RLO}persons concerned`)
    .replace('2024年3月15日', `${CSI8}2024年3月15日`);
}

describe('cli: no escape sequence from a note reaches the terminal (issue 16)', () => {
  let folder: string;
  const hostileName = `evil${CLEAR}.note`;
  /** A name JSON.stringify leaves raw: an 8-bit CSI and a right-to-left override. */
  const eightBitName = `evil${CSI8}${RLO}.note`;

  before(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'diplonote-terminal-'));
    writeFileSync(path.join(folder, 'note.note'), hostileNote());
    writeFileSync(path.join(folder, hostileName), hostileNote());
    writeFileSync(path.join(folder, eightBitName), hostileNote());
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  for (const command of ['outline', 'align', 'check']) {
    it(`${command}: the text output shows the controls escaped, and carries none`, () => {
      const result = cli([command, 'note.note', hostileName], { cwd: folder });
      assert.ok(result.stdout.length > 0, result.stderr);
      assert.doesNotMatch(result.stdout, UNSAFE, JSON.stringify(result.stdout.match(UNSAFE)));
      assert.doesNotMatch(result.stderr, UNSAFE);
      assert.ok(result.stdout.includes('evil\\x1b[2J.note'), 'the file name is shown with its escape visible');
    });
  }

  it('outline and align show the escaped text where the note has it', () => {
    const outline = cli(['outline', 'note.note'], { cwd: folder }).stdout;
    assert.ok(outline.includes('¶3 The \\u202epersons concerned'), outline);
    const align = cli(['align', 'note.note'], { cwd: folder }).stdout;
    assert.ok(align.includes('\\x1b[2JOn 15 March\\x1b]52;c;ZXZpbA==\\x07 2024'), align);
    assert.ok(align.includes('\\u202epersons concerned'), align);
    assert.ok(align.includes('\\x9b31m2024年3月15日'), align);
  });

  for (const command of ['outline', 'align', 'check']) {
    it(`${command} --json: every control is a JSON escape, and the text parses back unchanged`, () => {
      const result = cli([command, '--json', eightBitName], { cwd: folder });
      assert.doesNotMatch(result.stdout, UNSAFE);
      const strings: string[] = [];
      JSON.parse(result.stdout, (_key, value: unknown) => {
        if (typeof value === 'string') strings.push(value);
        return value;
      });
      assert.ok(strings.includes(eightBitName), 'the file name parses back as it is');
      if (command === 'align') assert.ok(strings.some((s) => s.includes(CSI8)) && strings.some((s) => s.includes(CLEAR)), 'the text parses back as it is');
    });
  }

  it('export to a terminal shows the pairs without their controls acting', () => {
    const result = cliOnTerminal(['export', '--csv', 'note.note'], { cwd: folder });
    assert.equal(result.status, 0, result.stdout);
    assert.doesNotMatch(result.stdout, UNSAFE);
    assert.ok(result.stdout.includes('\\x9b31m'), result.stdout);
  });

  it('on a terminal: colours (SGR only), nothing else; with NO_COLOR, byte for byte the piped output', () => {
    const coloured = cliOnTerminal(['check', 'note.note', hostileName], { cwd: folder, env: { NO_COLOR: undefined } });
    assert.equal(coloured.status, 1, coloured.stdout);
    assert.match(coloured.stdout, SGR, 'severities and file names are coloured on a terminal');
    assert.doesNotMatch(coloured.stdout.replace(SGR, ''), UNSAFE);
    const piped = cli(['check', 'note.note', hostileName], { cwd: folder, env: { NO_COLOR: undefined } });
    assert.doesNotMatch(piped.stdout, /\u001b/, 'no colour in a pipe');
    assert.equal(coloured.stdout.replace(SGR, ''), piped.stdout);
    const plain = cliOnTerminal(['check', 'note.note', hostileName], { cwd: folder, env: { NO_COLOR: '1' } });
    assert.equal(plain.stdout, piped.stdout, 'NO_COLOR: no colour on a terminal either');
  });
});
