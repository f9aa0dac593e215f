/** The glossary model shared by the loaders, the matcher and the hover. Offsets are UTF-16 indexes. */
import type { Saying } from '../messages';

export interface LocalisedText {
  en?: string;
  zh?: string;
}

export interface GlossaryEntry {
  id: string;
  category: string;
  /** English forms, the preferred one first; variants (plurals, spellings) are listed, never derived. */
  en: string[];
  /** Chinese forms, the preferred one first; traditional forms may be listed or left to the folding. */
  zh: string[];
  definition?: LocalisedText;
  note?: LocalisedText;
  source?: string;
  /** 'built-in' or the path of the user glossary the entry came from. */
  origin: string;
}

export interface GlossaryProblem extends Saying {
  file: string;
  /** 0-based. */
  line: number;
  /** 0-based UTF-16 column. */
  character: number;
  severity: 'error' | 'warning';
}

export interface TermMatch {
  start: number;
  end: number;
  entry: GlossaryEntry;
  language: 'en' | 'zh';
  /** The form as listed in the entry, not as found in the text. */
  form: string;
}

export interface LoadResult {
  entries: GlossaryEntry[];
  problems: GlossaryProblem[];
}

export const BUILT_IN_ORIGIN = 'built-in';
