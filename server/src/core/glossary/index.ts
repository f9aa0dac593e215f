/** The glossary engine: loading, merging and matching terms. Pure: no editor or protocol import. */
import { message, saying } from '../messages';
import { parseCsvGlossary, parseTsvGlossary } from './loadDelimited';
import { parseJsonGlossary } from './loadJson';
import { parseTbxGlossary } from './loadTbx';
import { DEFAULT_MAX_BYTES } from './problems';
import type { LoadResult } from './types';

export * from './types';
export { GlossaryIndex } from './automaton';
export { foldText } from './fold';
export { mergeGlossaries } from './merge';
export { builtInGlossary } from './builtIn';
export { DEFAULT_MAX_BYTES } from './problems';
export { parseCsvGlossary, parseJsonGlossary, parseTbxGlossary, parseTsvGlossary };

type Parser = (text: string, file: string, maxBytes: number) => LoadResult;

/** File-name endings of user glossaries, compared in lower case. */
const PARSERS: readonly (readonly [string, Parser])[] = [
  ['.glossary.json', parseJsonGlossary],
  ['.glossary.csv', parseCsvGlossary],
  ['.glossary.tsv', parseTsvGlossary],
  ['.tbx', parseTbxGlossary],
];

export function isGlossaryFile(file: string): boolean {
  const name = file.toLowerCase();
  return PARSERS.some(([ending]) => name.endsWith(ending));
}

/** Loads a user glossary of any supported format, chosen by the file name. Never throws. */
export function loadGlossaryText(text: string, file: string, maxBytes = DEFAULT_MAX_BYTES): LoadResult {
  const name = file.toLowerCase();
  const parser = PARSERS.find(([ending]) => name.endsWith(ending))?.[1];
  if (parser) return parser(text, file, maxBytes);
  return {
    entries: [],
    problems: [{ file, line: 0, character: 0, ...saying(message('glossary.not-a-glossary')), severity: 'error' }],
  };
}
