/** The server's messages exist in both languages with the same placeholders, and render in either. */
import * as assert from 'node:assert/strict';
import { CORE_MESSAGES, format, localeOf, message, placeholdersOf, quotedList, sideWord } from '../../server/src/core/messages';

describe('message catalogue', () => {
  it('every key exists in English and Chinese, with a text in each', () => {
    const en = Object.keys(CORE_MESSAGES.en).sort();
    const zh = Object.keys(CORE_MESSAGES.zh).sort();
    assert.deepEqual(zh, en);
    for (const key of en) {
      const [english, chinese] = [CORE_MESSAGES.en[key as keyof typeof CORE_MESSAGES.en], CORE_MESSAGES.zh[key as keyof typeof CORE_MESSAGES.zh]];
      assert.ok(english.trim() !== '' && chinese.trim() !== '', `${key} has a text in both languages`);
    }
  });

  it('each Chinese text keeps exactly the placeholders of its English text', () => {
    for (const [key, english] of Object.entries(CORE_MESSAGES.en)) {
      assert.deepEqual([...new Set(placeholdersOf(CORE_MESSAGES.zh[key as keyof typeof CORE_MESSAGES.zh]))], [...new Set(placeholdersOf(english))], key);
    }
  });

  it('every Chinese text with words in it has Chinese words (none left in English)', () => {
    const untranslated = Object.entries(CORE_MESSAGES.zh).filter(([, chinese]) => {
      const words = chinese.replace(/\{\w+\}/g, '');
      return /[A-Za-z]{3}/.test(words) && !/\p{Script=Han}/u.test(words);
    });
    assert.deepEqual(untranslated, []);
  });

  it('renders a message with its arguments in either language, lists joined as each language lists', () => {
    const said = message('check.term-missing', { term: 'special procedures', side: sideWord('en'), other: sideWord('zh'), forms: ['特别程序', '特别机制'] });
    assert.equal(format('en', said), 'The glossary term "special procedures" (English) has none of its Chinese forms (特别程序, 特别机制) in the aligned Chinese paragraph.');
    assert.equal(format('zh', said), '术语表术语“special procedures”（英文）的中文译法（特别程序、特别机制）均未出现在对齐的中文本段落中。');
    const many = quotedList(['1', '2', '3', '4'], 2);
    assert.equal(format('en', message('check.quantity-unmatched.others', { noun: message('check.number'), value: '5', side: sideWord('en'), other: sideWord('zh'), others: many })),
      'The number "5" in the English version has no equal in the aligned Chinese text, which has "1", "2" and 2 more.');
    assert.equal(format('zh', message('check.quantity-unmatched.others', { noun: message('check.number'), value: '5', side: sideWord('en'), other: sideWord('zh'), others: many })),
      '英文本中的数字“5”在对齐的中文文本中找不到相同的数字；中文文本中为“1”、“2”及另外 2 个。');
  });

  it('a placeholder without its argument stays as written, and braces in arguments are not read again', () => {
    const said = { key: 'test', templates: { en: '{a} and {b}', zh: '{a}与{b}' }, args: { a: '{b}' } };
    assert.equal(format('en', said), '{b} and {b}');
    assert.equal(format('zh', said), '{b}与{b}');
  });

  it('reads a locale from the tags editors and environments give', () => {
    for (const tag of ['zh', 'zh-cn', 'zh-CN', 'zh-tw', 'zh-hans', 'zh_CN.UTF-8', 'zh_TW', 'ZH']) assert.equal(localeOf(tag), 'zh', tag);
    for (const tag of ['en', 'en-US', 'en_GB.UTF-8', 'C', 'POSIX', 'fr', 'zha', '', undefined]) assert.equal(localeOf(tag), 'en', String(tag));
  });
});
