/** Shapes of lines that several recognisers look at. */
import { isAsciiDigit } from '../text/script';

/** Lines wider than this are prose, even with wide gaps (two spaces after each full stop). */
const MAX_ROW_LENGTH = 160;
const MIN_GAPS = 2;

/**
 * Figures laid out in columns: `2023        22,750        27.3` — a short line with a figure and at
 * least two gaps of two spaces or more (or a tab or an ideographic space) between its cells.
 * One pass over the line, no regular expression (a pattern with `.*` between two gaps backtracks).
 */
export function isTableRow(line: string): boolean {
  if (line.length > MAX_ROW_LENGTH) return false;
  let gaps = 0;
  let digit = false;
  let run = 0;
  let wide = false;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code === 0x20 || code === 0x09 || code === 0x3000) {
      run++;
      wide ||= code !== 0x20;
      continue;
    }
    if (i > run && (run >= 2 || wide)) gaps++;
    run = 0;
    wide = false;
    digit ||= isAsciiDigit(code);
  }
  return digit && gaps >= MIN_GAPS;
}
