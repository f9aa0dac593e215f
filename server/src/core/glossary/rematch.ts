/**
 * Glossary terms after a local edit (see incremental.ts): only the text between the blank lines
 * around the edited line is matched again. A blank line sends the matcher back to its root with
 * every choice made (two line breaks end any term), so what lies beyond one cannot change. Like the
 * model, the previous list is given up: the terms after the edit are moved in place.
 */
import type { LocalEdit } from '../incremental';
import type { Note } from '../model';
import { lineAt, lineOfOffset } from '../text/lines';
import { countBelow } from '../text/spans';
import type { GlossaryIndex } from './automaton';
import type { TermMatch } from './types';

/** How far to look for a blank line either side of the edit before matching everything again. */
const MAX_LINES_AROUND = 200;

const startOf = (term: TermMatch) => term.start;

/** The terms of `note`, made from `previous` (the terms before `edit`); undefined when no blank line is near. */
export function termsAfterEdit(index: GlossaryIndex, previous: readonly TermMatch[], note: Note, edit: LocalEdit): TermMatch[] | undefined {
  const line = lineOfOffset(note.lineStarts, edit.lineStart);
  const above = blankLineNear(note, line, -1);
  const below = blankLineNear(note, line, +1);
  if (above === undefined || below === undefined) return undefined;
  const from = note.lineStarts[above + 1];
  const to = below + 1 < note.lineStarts.length ? note.lineStarts[below + 1] : note.text.length;
  const after = previous.slice(countBelow(previous, to - edit.delta, startOf));
  for (const term of after) {
    term.start += edit.delta;
    term.end += edit.delta;
  }
  return [...previous.slice(0, countBelow(previous, from, startOf)), ...index.match(note.text, from, to), ...after];
}

/** The nearest blank line in `direction` whose line breaks both hold a line feed (what the matcher counts). */
function blankLineNear(note: Note, line: number, direction: -1 | 1): number | undefined {
  const { text, lineStarts } = note;
  for (let n = line + direction, steps = 0; n > 0 && n + 1 < lineStarts.length && steps < MAX_LINES_AROUND; n += direction, steps++) {
    const candidate = lineAt(text, lineStarts, n);
    const isBlank = candidate.trimStart === candidate.trimEnd;
    if (isBlank && text.charCodeAt(lineStarts[n] - 1) === 0x0a && text.charCodeAt(lineStarts[n + 1] - 1) === 0x0a) return n;
  }
  return undefined;
}
