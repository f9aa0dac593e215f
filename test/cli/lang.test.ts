/** The CLI speaks the language asked for: `--lang en|zh`, else LC_ALL, LC_MESSAGES or LANG; English otherwise. */
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { environmentLocale } from '../../server/src/cli/cli';
import { cli } from '../support/cli';
import { REPO_ROOT } from '../support/serverConnection';

const NOTE = 'test/fixtures/checks/number-mismatch.note';
const CHINESE_FINDING = 'test/fixtures/checks/number-mismatch.note:5:206: warning number-mismatch 英文本中的数字“5,415”在对齐的中文文本中找不到相同的数字；中文文本中为“5451”。';
const ENGLISH_FINDING = 'test/fixtures/checks/number-mismatch.note:5:206: warning number-mismatch The number "5,415" in the English version has no equal in the aligned Chinese text, which has "5451".';

function firstLine(args: readonly string[], env: Record<string, string | undefined> = {}): string {
  const run = cli(['check', ...args, NOTE], { env });
  assert.equal(run.status, 1, run.stderr);
  return run.stdout.split('\n')[0];
}

describe('cli: the language of its messages', () => {
  it('--lang zh: the findings in Chinese; --lang en: in English whatever the environment says', () => {
    assert.equal(firstLine(['--lang', 'zh']), CHINESE_FINDING);
    assert.equal(firstLine(['--lang=en'], { LANG: 'zh_CN.UTF-8' }), ENGLISH_FINDING);
  });

  it('LANG=zh_CN.UTF-8 (or LC_ALL, LC_MESSAGES): Chinese; no locale, C or another language: English', () => {
    assert.equal(firstLine([], { LANG: 'zh_CN.UTF-8' }), CHINESE_FINDING);
    assert.equal(firstLine([], { LC_ALL: 'zh_TW.UTF-8', LANG: 'en_US.UTF-8' }), CHINESE_FINDING);
    assert.equal(firstLine([]), ENGLISH_FINDING);
    assert.equal(firstLine([], { LANG: 'fr_FR.UTF-8' }), ENGLISH_FINDING);
  });

  it('JSON output carries the message in the language asked for, related information included', () => {
    const run = cli(['check', '--json', '--lang', 'zh', NOTE]);
    const [finding] = JSON.parse(run.stdout) as Array<{ message: string; related: Array<{ message: string }> }>;
    assert.equal(finding.related[0].message, '中文本：“5451”');
  });

  it('SARIF: the rules are described in the language asked for, as the results are', () => {
    const rules = (args: string[]) => {
      const log = JSON.parse(cli(['check', '--format', 'sarif', ...args, NOTE]).stdout) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string; shortDescription: { text: string } }> } } }> };
      return new Map(log.runs[0].tool.driver.rules.map((rule) => [rule.id, rule.shortDescription.text]));
    };
    const chinese = rules(['--lang', 'zh']);
    assert.equal(chinese.get('number-mismatch'), '对齐的中英文单元之间数字或金额不一致。');
    assert.equal(chinese.get('front-matter'), '文首元数据的问题：YAML 无法解析、键未知或重复、值的类型有误。');
    assert.match(rules([]).get('front-matter') ?? '', /^A problem of the front matter/);
  });

  it('--lang takes en or zh only: anything else is a usage error', () => {
    const run = cli(['check', '--lang', 'fr', NOTE]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /--lang must be one of en, zh \(not "fr"\)/);
  });

  it('reads the environment as POSIX does: LC_ALL, then LC_MESSAGES, then LANG, the first one set', () => {
    assert.equal(environmentLocale({ LC_ALL: '', LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }), 'zh');
    assert.equal(environmentLocale({ LC_ALL: 'C', LANG: 'zh_CN.UTF-8' }), 'en');
    assert.equal(environmentLocale({ LANG: 'zh_CN.GB18030' }), 'zh');
    assert.equal(environmentLocale({}), 'en');
  });
});

describe('cli: help, usage and errors in the language asked for', () => {
  const ZH_ENV = { LANG: 'zh_CN.UTF-8' };
  /** Each way of asking for Chinese: the option (before or after the command), and the environment. */
  const chinese: Array<[string, (args: string[]) => ReturnType<typeof cli>]> = [
    ['--lang zh', (args) => cli([...args, '--lang', 'zh'])],
    ['--lang=zh first', (args) => cli(['--lang=zh', ...args])],
    ['LANG=zh_CN.UTF-8', (args) => cli(args, { env: ZH_ENV })],
  ];

  for (const [how, run] of chinese) {
    it(`${how}: help lists the commands and exit statuses in Chinese, command and option names as typed`, () => {
      const result = run(['help']);
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout, /^diplonote：为中英文外交照会/);
      assert.match(result.stdout, /^用法：diplonote COMMAND \[选项\] OPERANDS…$/m);
      assert.match(result.stdout, /^ {2}check PATH… +每份照会及其另一语文本的一致性检查结果/m);
      assert.match(result.stdout, /^退出状态：\n {2}0 .*\n {2}1 .*--severity.*\n {2}2 .*选项未知/m);
      assert.match(result.stdout, /NO_COLOR/);
    });

    it(`${how}: check --help gives its usage, options and choices in Chinese`, () => {
      const result = run(['check', '--help']);
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout, /^用法：diplonote check \[选项\] PATH…\n/);
      assert.match(result.stdout, /^ {6}--severity LEVEL +有检查结果达到或超过 LEVEL 时退出状态为 1（默认为 warning）（可选值：hint、information、warning、error）$/m);
      assert.match(result.stdout, /^ {2}-h, --help +显示此帮助$/m);
      assert.match(result.stdout, /^退出状态：$/m);
    });

    it(`${how}: a usage error and an unreadable file are told in Chinese on standard error`, () => {
      const usage = run(['check', '--frob', NOTE]);
      assert.equal(usage.status, 2);
      assert.equal(usage.stdout, '');
      assert.equal(usage.stderr, 'diplonote check: 未知选项 --frob（文件名以 - 开头时，请将其置于 -- 之后）\n用法：diplonote check [选项] PATH…\n运行“diplonote help check”查看其选项。\n');
      const missing = run(['outline', 'no-such.note']);
      assert.equal(missing.status, 2);
      assert.equal(missing.stderr, 'diplonote: no-such.note: 文件不存在\n');
    });
  }

  it('the same help in English without a Chinese locale, and --lang en overrides LANG', () => {
    const english = cli(['help', 'check']);
    assert.match(english.stdout, /^Usage: diplonote check \[OPTIONS\] PATH…\n/);
    assert.equal(cli(['check', '--help', '--lang', 'en'], { env: ZH_ENV }).stdout, english.stdout);
  });

  it('a --lang outside en and zh is a usage error in the environment\'s language', () => {
    const result = cli(['help', '--lang', 'fr'], { env: ZH_ENV });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--lang 须为 en、zh 之一（不能为“fr”）/);
  });

  /** Runs `action` in a new folder holding the visa note as visa.note and `files` (name → content), then removes it. */
  function withNote(files: Record<string, string | Uint8Array>, action: (folder: string) => void): void {
    const folder = mkdtempSync(path.join(tmpdir(), 'diplonote-lang-'));
    try {
      copyFileSync(path.join(REPO_ROOT, 'samples/visa-request.en.note'), path.join(folder, 'visa.note'));
      for (const [name, content] of Object.entries(files)) writeFileSync(path.join(folder, name), content);
      action(folder);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }

  it('LANG=zh_CN.UTF-8: the problems of an annotation file are told in Chinese', () => {
    withNote({ 'visa.note.annotations.json': '{ "items": 5 }\n' }, (folder) => {
      const result = cli(['annotations', path.join(folder, 'visa.note')], { env: ZH_ENV });
      assert.equal(result.status, 2);
      assert.match(result.stderr, /visa\.note\.annotations\.json:1:\d+: error "items" 须为批注数组。/);
    });
  });

  it('LANG=zh_CN.UTF-8: the concordance says in Chinese why a file was not read', () => {
    withNote({ 'memory.tmx': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 0]) }, (folder) => {
      const result = cli(['concordance', 'visa', folder], { env: ZH_ENV });
      assert.match(result.stderr, /memory\.tmx: 二进制文件，不是文本照会\n/);
    });
  });
});
