/** The core's catalogue (`en.ts`, `zh.ts`) and how messages are made and rendered (`message.ts`). */
import { EN } from './en';
import { defineCatalogue, format, type Message } from './message';
import { ZH } from './zh';

export * from './message';

export const CORE_MESSAGES = defineCatalogue(EN, ZH);

/**
 * What a finding, a related span or a problem says: `said`, to render in the user's language, and
 * its English text in `message` (what SARIF, logs and the tests read).
 */
export interface Saying {
  readonly message: string;
  readonly said: Message;
}

export function saying(said: Message): Saying {
  return { message: format('en', said), said };
}

/** A message of the core's catalogue. */
export const message = CORE_MESSAGES.message;

/** The name of a language version's language: `English`, `中文`. */
export function sideWord(side: 'en' | 'zh') {
  return side === 'en' ? message('side.en') : message('side.zh');
}

/** A list of quoted texts, the first `max` of them and how many more. */
export function quotedList(texts: readonly string[], max = texts.length) {
  const items = texts.slice(0, max).map((text) => message('quoted', { text }));
  return texts.length > max ? message('list.more', { items, count: texts.length - max }) : items;
}
