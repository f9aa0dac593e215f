/**
 * The glossary shipped with Diplonote, as data: the main file, then supplements that add only
 * entries whose id and forms the main file does not already have (so no form is claimed twice).
 */
import main from './data/builtin-glossary.json';
import diplomaticAndUn from './data/glossary-diplomatic-un.json';
import lawAndSubject from './data/glossary-law-subject.json';
import { BUILT_IN_ORIGIN, type GlossaryEntry } from './types';

type DataEntry = Omit<GlossaryEntry, 'origin'>;

const SUPPLEMENTS: ReadonlyArray<readonly DataEntry[]> = [diplomaticAndUn, lawAndSubject];

let cached: readonly GlossaryEntry[] | undefined;

export function builtInGlossary(): readonly GlossaryEntry[] {
  cached ??= combine(main.entries, SUPPLEMENTS);
  return cached;
}

function combine(first: readonly DataEntry[], supplements: ReadonlyArray<readonly DataEntry[]>): GlossaryEntry[] {
  const entries: GlossaryEntry[] = first.map((entry) => ({ ...entry, origin: BUILT_IN_ORIGIN }));
  const taken = new Set<string>();
  const keysOf = (entry: DataEntry) => [`id:${entry.id}`, ...entry.en.map((f) => `en:${f.toLowerCase()}`), ...entry.zh.map((f) => `zh:${f}`)];
  for (const entry of entries) for (const key of keysOf(entry)) taken.add(key);
  for (const list of supplements) {
    for (const listed of list) {
      // A lone character (柬, 泰) is an abbreviation inside longer words far more often than a term.
      const entry = { ...listed, zh: listed.zh.filter((form) => form.length > 1) };
      if (entry.zh.length === 0) continue;
      const keys = keysOf(entry);
      if (keys.some((key) => taken.has(key))) continue;
      keys.forEach((key) => taken.add(key));
      entries.push({ ...entry, origin: BUILT_IN_ORIGIN });
    }
  }
  return entries;
}
