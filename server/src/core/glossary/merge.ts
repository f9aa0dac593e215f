/** Merging the built-in glossary with user glossaries: users have the last word. */
import type { GlossaryEntry } from './types';

function preferredEnglish(entry: GlossaryEntry): string | undefined {
  return entry.en.length > 0 ? entry.en[0].toLowerCase() : undefined;
}

/**
 * A user entry replaces any earlier entry (built-in or from an earlier list) with the same id or the same
 * preferred English form, compared case-insensitively. Surviving entries keep their order and the user
 * entries come after them, so that the index, where a later entry wins a shared form, also favours users.
 */
export function mergeGlossaries(builtIn: readonly GlossaryEntry[], ...userLists: (readonly GlossaryEntry[])[]): GlossaryEntry[] {
  let merged = [...builtIn];
  for (const list of userLists) {
    const ids = new Set(list.map((entry) => entry.id));
    const english = new Set(list.map(preferredEnglish).filter((form): form is string => form !== undefined));
    const survivors = merged.filter((entry) => {
      const form = preferredEnglish(entry);
      return !ids.has(entry.id) && (form === undefined || !english.has(form));
    });
    merged = [...survivors, ...list];
  }
  return merged;
}
