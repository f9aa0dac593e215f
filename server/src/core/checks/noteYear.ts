/**
 * The year of a note's own date, which resolves its relative dates (今年2月, `October last year`):
 * the front matter's `date:`, else the first place-and-date line. Undefined when the note has neither;
 * relative dates then match any year.
 */
import type { Block, Note } from '../model';
import { findDates } from '../normalise/dates';

function yearIn(text: string): number | undefined {
  return findDates(text).find((date) => date.year !== undefined)?.year;
}

function placeDateYear(blocks: readonly Block[], text: string): number | undefined {
  for (const block of blocks) {
    if (block.kind !== 'placeDate') continue;
    const year = yearIn(text.slice(block.span.start, block.span.end));
    if (year !== undefined) return year;
  }
  return undefined;
}

export function noteYear(note: Note): number | undefined {
  const date = note.frontMatter?.entries.find((entry) => entry.key === 'date');
  const fromFrontMatter = date ? yearIn(date.value) : undefined;
  return fromFrontMatter ?? placeDateYear(note.blocks, note.text)
    ?? note.versions.map((version) => placeDateYear(version.blocks, note.text)).find((year) => year !== undefined);
}
