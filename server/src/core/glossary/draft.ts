/** What every loader collects for one entry, and how it becomes a GlossaryEntry. */
import { message, sideWord, type Message } from '../messages';
import { detectLanguage, isWhitespace } from '../text/script';
import type { GlossaryEntry, LocalisedText } from './types';

export const USER_CATEGORY = 'user';

/**
 * The longest form a glossary may list, in UTF-16 units: twice the longest name in the built-in
 * glossary (a permanent mission's full title). Anything longer is a runaway field or text pasted
 * into the wrong column, and would only slow every match and hover down.
 */
export const MAX_FORM_LENGTH = 300;

/** The problem with the first form of `forms` too long to be a term, if any. */
export function overlongForm(forms: readonly string[], language: 'en' | 'zh'): Message | undefined {
  const form = forms.find((candidate) => candidate.length > MAX_FORM_LENGTH);
  return form === undefined ? undefined : message('glossary.overlong-form', { language: sideWord(language), length: form.length, limit: MAX_FORM_LENGTH });
}

export interface EntryDraft {
  id?: string;
  category?: string;
  en: string[];
  zh: string[];
  definition?: LocalisedText;
  note?: LocalisedText;
  source?: string;
}

/** Several forms in one cell or attribute, separated by `;` or `|` (spreadsheet convention). */
export function splitForms(cell: string): string[] {
  const forms: string[] = [];
  let start = 0;
  for (let i = 0; i <= cell.length; i++) {
    const code = cell.charCodeAt(i);
    if (i < cell.length && code !== 0x3b && code !== 0x7c) continue;
    const form = collapseSpaces(cell.slice(start, i));
    if (form) forms.push(form);
    start = i + 1;
  }
  return forms;
}

/** Trimmed, with every run of whitespace made one space. */
export function collapseSpaces(text: string): string {
  let result = '';
  let wordStart = -1;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !isWhitespace(text.charCodeAt(i))) {
      if (wordStart < 0) wordStart = i;
    } else if (wordStart >= 0) {
      result += (result ? ' ' : '') + text.slice(wordStart, i);
      wordStart = -1;
    }
  }
  return result;
}

/** Text whose language is not labelled goes where its script says. */
export function languageOfText(text: string): 'en' | 'zh' {
  return detectLanguage(text, 0, text.length) === 'zh' ? 'zh' : 'en';
}

/** The language(s) a draft lacks a form in, for the message (`English and no Chinese`); undefined when complete. */
export function missingLanguages(draft: EntryDraft): Message | undefined {
  if (draft.en.length === 0 && draft.zh.length === 0) return message('glossary.missing-both');
  if (draft.en.length === 0) return sideWord('en');
  return draft.zh.length === 0 ? sideWord('zh') : undefined;
}

/** Runs of what is not a digit, a Latin letter or CJK (surrogates included): the separators of an id's words. */
const NON_ID_RUN = /[^0-9A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u2e80-\uffff]+/g;

/** An id for an entry that has none: its preferred form in lower case, words joined by hyphens. */
function idFromForm(form: string): string {
  const id = form.toLowerCase().replace(NON_ID_RUN, '-');
  return id.slice(id.startsWith('-') ? 1 : 0, id.length > 1 && id.endsWith('-') ? -1 : id.length);
}

export function completeEntry(draft: EntryDraft, origin: string): GlossaryEntry {
  const entry: GlossaryEntry = {
    id: draft.id || idFromForm(draft.en[0] ?? draft.zh[0] ?? ''),
    category: draft.category || USER_CATEGORY,
    en: draft.en,
    zh: draft.zh,
    origin,
  };
  if (draft.definition) entry.definition = draft.definition;
  if (draft.note) entry.note = draft.note;
  if (draft.source) entry.source = draft.source;
  return entry;
}
