/** Small glossaries written inline for the matcher tests, and a way to read matches back. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GlossaryIndex } from '../../../server/src/core/glossary/automaton';
import type { GlossaryEntry } from '../../../server/src/core/glossary/types';

export const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'glossaries');

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

export function entry(id: string, en: string[], zh: string[], origin = 'built-in'): GlossaryEntry {
  return { id, category: 'test', en, zh, origin };
}

/** Each match as `start-end:text@id`, which shows offsets, the span and the entry at once. */
export function found(index: GlossaryIndex, text: string, start?: number, end?: number): string[] {
  return index.match(text, start, end).map((m) => `${m.start}-${m.end}:${text.slice(m.start, m.end)}@${m.entry.id}`);
}
