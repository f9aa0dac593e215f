/** The rules that decide what a block is, named so that `outline --explain` can say which one did. */

export const RULES = {
  'translation-marker': 'a line saying that a translation follows',
  'salutation': 'a salutation on its own line',
  'signature': 'a signature line',
  'signatory': 'the signatory\'s name and title after the signature or the closing formula',
  'annex': 'an annex or enclosure heading',
  'annex-title': 'the line after a bare annex heading',
  'own-reference': 'a reference number on a line of its own',
  'subject': 'a subject line',
  'place-date': 'a short line that is mostly a date',
  'opening-formula': 'an opening courtesy formula',
  'opening-first-person': 'a first-person opening before any paragraph',
  'closing-formula': 'a closing courtesy formula',
  'heading': 'a numbered or lettered heading, short and without final punctuation',
  'document-title': 'the name of a document type standing alone',
  'title-words': 'short, unpunctuated, and opening with the words of a title',
  'title-before-text': 'a short unpunctuated line before text',
  'prose': 'sentences: final punctuation, sentence marks inside, or wider than a heading',
  'prose-words': 'running words in lower case',
  'long-lines': 'lines too long for a heading or an address',
  'letterhead-fields': 'contact details at the top',
  'letterhead-top': 'short lines at the top of the note',
  'letterhead-continued': 'short lines right after the letterhead',
  'addressee-after': 'short lines after the closing formula, the place and date or the signature',
  'addressee-before': 'short lines before the salutation, or naming a person or office',
  'short-lines': 'short unpunctuated lines',
  'page-break-join': 'the rest of the paragraph before, after a page break',
  'list-join': 'an item of the list opened by the paragraph before',
  'list-item': 'an item of a list, after a paragraph',
} as const;

export type RuleId = keyof typeof RULES;
