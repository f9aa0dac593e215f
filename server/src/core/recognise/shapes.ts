/** Shapes of lines that several recognisers look at. */

// Each alternative is anchored on single characters and runs of spaces; linear in the line.
const TABLE_ROW = /\S(?: {2,}|\t|\u3000)\S.*(?: {2,}|\t|\u3000)/;

/** Figures laid out in columns: `2023        22,750        27.3`. */
export function isTableRow(line: string): boolean {
  return TABLE_ROW.test(line);
}
