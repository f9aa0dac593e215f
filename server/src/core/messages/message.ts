/**
 * Messages in the user's language. Whatever Diplonote says (a finding, a problem in a user's file, a
 * hover label, a quick-fix title, the CLI's help) is written once per language in a catalogue: an
 * English table and a Chinese one with the same keys, as data. Code makes a `Message` (a key and its
 * arguments) where it has something to say, and whoever shows it renders it in the locale of its user
 * (`format`): the server in the client's, the CLI in the one asked for. The core stays free of any
 * localisation library and of global state, so one process can answer in both languages.
 *
 * A template names its arguments in braces: `The year {year} is …`. Arguments are text, numbers,
 * other messages (rendered in the same locale) or lists of them (joined as the language lists them).
 */

export type Locale = 'en' | 'zh';
export const LOCALES: readonly Locale[] = ['en', 'zh'];

export type MessageArg = string | number | Message | readonly MessageArg[];

/** Something to say, in no language yet: the templates of its key in every language, and its arguments. */
export interface Message {
  readonly key: string;
  readonly templates: Readonly<Record<Locale, string>>;
  readonly args: Readonly<Record<string, MessageArg>>;
}

/** The names between braces in a template: `'{a} and {b}'` → `'a' | 'b'`; `{ "entries": … }` is text. */
type Placeholders<T extends string> = T extends `${string}{${infer Name}}${infer Rest}` ? (IsName<Name> extends true ? Name : never) | Placeholders<Rest> : never;
type IsName<T extends string> = T extends '' ? false : T extends `${string}${' ' | '"' | '{' | ':' | ','}${string}` ? false : true;

/** The arguments a template asks for: none, or an object with exactly its placeholders. */
type ArgsFor<T extends string> = [Placeholders<T>] extends [never] ? [] : [args: { readonly [K in Placeholders<T>]: MessageArg }];

/** A translation of an English table: every key, no other. */
export type Translation<English> = { readonly [K in keyof English]: string };

export interface Catalogue<English extends Readonly<Record<string, string>>> {
  readonly en: English;
  readonly zh: Translation<English>;
  /** A message of this catalogue; TypeScript checks the key and that the arguments are the template's. */
  message<K extends keyof English & string>(key: K, ...args: ArgsFor<English[K]>): Message;
}

export function defineCatalogue<const English extends Readonly<Record<string, string>>>(en: English, zh: Translation<English>): Catalogue<English> {
  return {
    en, zh,
    message: (key, ...args) => ({ key, templates: { en: en[key], zh: zh[key] }, args: args[0] ?? {} }),
  };
}

/**
 * A text that data gives in both languages (a country's name, what a type of communication is): no
 * key of the catalogue; nothing in it is read as a placeholder.
 */
export function bilingual(en: string, zh: string): Message {
  return { key: 'data', templates: { en, zh }, args: {} };
}

/** How each language lists things: `a, b, c` and `甲、乙、丙`. */
const LIST_SEPARATORS: Readonly<Record<Locale, string>> = { en: ', ', zh: '、' };

const PLACEHOLDER = /\{(\w+)\}/g;

/** The message in `locale`; a placeholder without its argument stays as written (never a crash). */
export function format(locale: Locale, message: Message): string {
  return message.templates[locale].replace(PLACEHOLDER, (whole, name: string) =>
    (Object.hasOwn(message.args, name) ? formatArg(locale, message.args[name]) : whole));
}

function formatArg(locale: Locale, arg: MessageArg): string {
  if (typeof arg === 'string') return arg;
  if (typeof arg === 'number') return String(arg);
  if (isList(arg)) return arg.map((item) => formatArg(locale, item)).join(LIST_SEPARATORS[locale]);
  return format(locale, arg);
}

function isList(arg: MessageArg): arg is readonly MessageArg[] {
  return Array.isArray(arg);
}

/**
 * The locale for a language tag as editors and environments give it (`zh-cn`, `zh-TW`, `zh_CN.UTF-8`,
 * `en-US`, `C`): Chinese for any `zh`, English otherwise. There is one Chinese catalogue, in simplified
 * characters, for every Chinese tag.
 */
export function localeOf(tag: string | undefined): Locale {
  return tag !== undefined && /^zh(?:$|[-_.@])/i.test(tag.trim()) ? 'zh' : 'en';
}

/** The placeholders of a template, sorted: what a translation must keep. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1]).sort();
}
