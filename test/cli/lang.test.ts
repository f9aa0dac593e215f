/** The CLI speaks the language asked for: `--lang en|zh`, else LC_ALL, LC_MESSAGES or LANG; English otherwise. */
import * as assert from 'node:assert/strict';
import { environmentLocale } from '../../server/src/cli/cli';
import { cli } from '../support/cli';

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
