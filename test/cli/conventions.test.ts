/**
 * Issue 15, CLI conventions: arguments parsed strictly (an unknown option or a missing value is a
 * usage error, exit 2), `help`, `COMMAND --help`, `--version`, `-` for standard input, exit statuses
 * stated in the help.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../support/serverConnection';
import { cli } from '../support/cli';

const COMMANDS = ['outline', 'align', 'check', 'export'];
const VISA_EN = 'samples/visa-request.en.note';

describe('cli: conventions', () => {
  it('help, --help and -h list every command and the exit statuses, exit 0', () => {
    for (const args of [['help'], ['--help'], ['-h']]) {
      const result = cli(args);
      assert.equal(result.status, 0, args.join(' '));
      for (const command of COMMANDS) assert.match(result.stdout, new RegExp(`^  ${command} `, 'm'));
      assert.match(result.stdout, /Exit status:\n {2}0 .*\n {2}1 .*\n {2}2 /);
      assert.match(result.stdout, /A FILE of - is standard input/);
      assert.match(result.stdout, /NO_COLOR/);
    }
  });

  it('help COMMAND and COMMAND --help give the command\'s usage, options and exit statuses', () => {
    for (const command of COMMANDS) {
      const viaHelp = cli(['help', command]);
      assert.equal(viaHelp.status, 0);
      assert.equal(cli([command, '--help']).stdout, viaHelp.stdout);
      assert.match(viaHelp.stdout, new RegExp(`^Usage: diplonote ${command} \\[OPTIONS\\] `));
      assert.match(viaHelp.stdout, /^ {2}-h, --help +show this help$/m);
      assert.match(viaHelp.stdout, /--stdin-name FILE/);
      assert.match(viaHelp.stdout, /Exit status:/);
    }
    assert.match(cli(['help', 'check']).stdout, /--severity LEVEL +exit 1 when a finding is at or above LEVEL \(default warning\) \(hint, information, warning, error\)/);
  });

  it('no command: the help on standard error, exit 2; an unknown command or help topic: exit 2', () => {
    const bare = cli([]);
    assert.equal(bare.status, 2);
    assert.equal(bare.stdout, '');
    assert.match(bare.stderr, /Usage: diplonote COMMAND/);
    assert.equal(cli(['frobnicate']).status, 2);
    assert.equal(cli(['help', 'frobnicate']).status, 2);
    assert.equal(cli(['--frobnicate']).status, 2);
  });

  it('--version prints the package version', () => {
    const { version } = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    const result = cli(['--version']);
    assert.equal(result.status, 0);
    assert.equal(result.stdout, `${version}\n`);
  });

  const usageErrors: Array<[string, string[], RegExp]> = [
    ['an unknown option', ['check', '--frob', VISA_EN], /unknown option --frob \(a file whose name starts with - goes after --\)/],
    ['a missing value', ['check', VISA_EN, '--severity'], /--severity needs a value \(--severity LEVEL\)/],
    ['a value where none is taken', ['check', '--json=yes', VISA_EN], /--json takes no value \(not "yes"\)/],
    ['a value outside the choices', ['check', '--severity=loud', VISA_EN], /--severity must be one of hint, information, warning, error \(not "loud"\)/],
    ['an option taken for a value', ['export', VISA_EN, '--tmx', '--out', '--csv'], /--out needs a value, and "--csv" is an option; write --out=--csv if that is the value meant/],
    ['no operand', ['outline'], /give FILE…/],
    ['too many operands', ['export', VISA_EN, VISA_EN, '--tmx'], /give FILE, not 2/],
    ['standard input twice', ['outline', '-', '-'], /standard input \(-\) can be read once/],
  ];
  for (const [what, args, message] of usageErrors) {
    it(`${what}: the message and the usage on standard error, nothing on standard output, exit 2`, () => {
      const result = cli(args, { input: '' });
      assert.equal(result.status, 2, result.stderr);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, message);
      assert.match(result.stderr, new RegExp(`Usage: diplonote ${args[0]} \\[OPTIONS\\]`));
    });
  }

  it('--opt=VALUE and --opt VALUE are the same, before or after the files', () => {
    const spaced = cli(['check', '--severity', 'error', 'test/fixtures/checks/number-mismatch.note']);
    const joined = cli(['check', 'test/fixtures/checks/number-mismatch.note', '--severity=error']);
    assert.equal(spaced.status, 0);
    assert.equal(joined.status, 0);
    assert.equal(joined.stdout, spaced.stdout);
    assert.ok(spaced.stdout.includes('number-mismatch'));
  });

  it('-- ends the options: a file named like an option is a file', () => {
    const result = cli(['outline', '--', '--json']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--json: no such file/);
  });
});

describe('cli: standard input (-)', () => {
  const NOTE = 'test/fixtures/checks/number-mismatch.note';

  it('reads a note from a pipe as <stdin>, with the same findings as the file', () => {
    const text = readFileSync(path.join(REPO_ROOT, NOTE), 'utf8');
    const cwd = path.join(REPO_ROOT, path.dirname(NOTE));
    const piped = cli(['check', '-'], { input: text, cwd });
    const file = cli(['check', path.basename(NOTE)], { cwd });
    assert.equal(piped.status, 1, piped.stderr);
    assert.equal(piped.stdout, file.stdout.replaceAll(path.basename(NOTE), '<stdin>'));
    assert.equal(cli(['outline', '-'], { input: text }).stdout, cli(['outline', NOTE]).stdout.replace(NOTE, '<stdin>'));
  });

  it('--stdin-name names it: its partner file is found beside that name', () => {
    const text = readFileSync(path.join(REPO_ROOT, 'samples/visa-request.en.note'), 'utf8');
    const alone = cli(['align', '-'], { input: text });
    assert.match(alone.stderr, /<stdin>: no other language version/);
    const named = cli(['align', '-', '--stdin-name', 'samples/visa-request.en.note'], { input: text });
    assert.equal(named.status, 0, named.stderr);
    assert.equal(named.stdout.split('\n')[0], 'samples/visa-request.en.note ↔ samples/visa-request.zh.note');
  });

  it('a counterpart: line is followed relative to the current folder', () => {
    const text = `---\ncounterpart: samples/visa-request.zh.note\n---\n${readFileSync(path.join(REPO_ROOT, 'samples/visa-request.en.note'), 'utf8')}`;
    const result = cli(['align', '-'], { input: text });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout.split('\n')[0], '<stdin> ↔ samples/visa-request.zh.note');
  });

  it('binary input: one line, exit 2', () => {
    const result = cli(['outline', '-'], { input: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 0]) });
    assert.equal(result.status, 2);
    assert.equal(result.stderr, 'diplonote: <stdin>: binary input, not a text note\n');
  });
});

describe('cli: the exit statuses the README documents', () => {
  /** Status → meaning, from the rows `  N  meaning` of the help or `| N | meaning |` of the README's table. */
  function statuses(text: string, row: RegExp): Map<string, string> {
    return new Map([...text.matchAll(row)].map((match) => [match[1], match[2]]));
  }

  it('are the statuses the help gives, with every command the help names for a status', () => {
    const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('| Exit status | Meaning |'));
    const documented = statuses(table.slice(0, table.indexOf('\n\n')), /^\| (\d) \| (.*) \|$/gm);
    const told = statuses(cli(['help']).stdout, /^ {2}(\d) {2}(.*)$/gm);
    assert.deepEqual([...documented.keys()], [...told.keys()]);
    assert.deepEqual([...told.keys()], ['0', '1', '2']);
    for (const [status, meaning] of told) {
      for (const [, command] of meaning.matchAll(/(?:^|; )(\w+): /g)) assert.ok(documented.get(status)?.includes(`\`${command}\``), `${command} under ${status}`);
    }
  });
});
