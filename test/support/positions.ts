/** LSP positions in a test text (UTF-16, as JS strings count): where a needle starts, plus `into` units. */
import * as assert from 'node:assert/strict';
import type { Position, Range } from 'vscode-languageserver-protocol';

export function positionOf(text: string, needle: string, into = 0, occurrence = 0): Position {
  let at = -1;
  for (let k = 0; k <= occurrence; k++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `"${needle}" not in text`);
  const before = text.slice(0, at + into).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

/** The range of a needle's `occurrence` in the text. */
export function rangeOf(text: string, needle: string, occurrence = 0): Range {
  return { start: positionOf(text, needle, 0, occurrence), end: positionOf(text, needle, needle.length, occurrence) };
}
