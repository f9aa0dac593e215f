/**
 * Bilingual notes made mostly of figures, for the scaling guard and the checks' regression tests:
 *
 * - `tablesOfFigures`: one table per version of which the Chinese version changes one column in six.
 *   Each figure left without partner once listed every figure left on the other side in its finding,
 *   so a 13 KB note froze the server and a 40 KB table took gigabytes (issue 16, defect 2).
 * - `statisticalAnnex`: an annex of statistics laid out as lines of text, sections of a title and
 *   one line per place, the same figures in both versions.
 *
 * Sizes are in UTF-8 bytes, as a file's size is given; both are deterministic: the same size gives
 * the same text on every run.
 */
import names from './data/names.json';

/** The UTF-8 size of `lines`, each with its line break. */
function utf8Bytes(lines: readonly string[]): number {
  return lines.reduce((sum, line) => sum + Buffer.byteLength(line, 'utf8') + 1, 0);
}

/** A figure of four digits for row `row`, column `column`: spread, never a year, never repeating in a row. */
function figure(row: number, column: number): number {
  return ((row * 7919 + column * 104_729) % 7000) + 2100;
}

const COLUMNS = 6;
const DIFFERING_COLUMN = 3;

/**
 * A note of about `bytes` of UTF-8: a covering sentence in each language, then the same
 * table of figures in each, one row per line; the Chinese version adds 1 to one column of six, so a sixth
 * of the figures are left over on each side (the rest anchor the alignment of the two tables).
 */
export function tablesOfFigures(bytes: number): string {
  const en = ['The Government has received communication AL CHN 9/2025 and wishes to reply as follows.', '', 'Table 1. Cases by province'];
  const zh = ['中国政府收到AL CHN 9/2025号来文，现答复如下。', '', '表1. 各省案件'];
  let size = utf8Bytes([...en, ...zh]);
  for (let row = 1; size < bytes; row++) {
    const figures = Array.from({ length: COLUMNS }, (_, column) => figure(row, column));
    en.push(figures.join(' '));
    zh.push(figures.map((value, column) => (column === DIFFERING_COLUMN ? value + 1 : value)).join(' '));
    size += utf8Bytes([en[en.length - 1], zh[zh.length - 1]]);
  }
  return `${en.join('\n')}\n\n${zh.join('\n')}\n`;
}

const ROWS_PER_SECTION = 24;
const FIRST_YEAR = 2015;
const YEARS = 10;

interface AnnexSection {
  readonly en: string[];
  readonly zh: string[];
}

/** Section `k` of the annex: a numbered title, then one line per place with its figures for one year. */
function annexSection(k: number): AnnexSection {
  const year = FIRST_YEAR + (k % YEARS);
  const en = [`Table ${k + 1}. Cases of telecommunications fraud registered and solved in ${year}, by place`];
  const zh = [`表${k + 1}. ${year}年各地电信诈骗立案和破案数`];
  for (let row = 0; row < ROWS_PER_SECTION; row++) {
    const [placeEn, placeZh] = names.places[(k + row) % names.places.length];
    const registered = figure(k * ROWS_PER_SECTION + row, 0);
    const solved = Math.round((registered * (30 + ((k + row * 7) % 50))) / 100);
    const share = ((solved / registered) * 100).toFixed(1);
    en.push(`${placeEn}: ${registered.toLocaleString('en-US')} cases registered, ${solved.toLocaleString('en-US')} solved (${share}%).`);
    zh.push(`${placeZh}：立案${registered}起，破案${solved}起（${share}%）。`);
  }
  return { en, zh };
}

/**
 * A statistical annex of about `bytes` of UTF-8: an English version, then a Chinese version, each a
 * heading and sections of figures laid out as lines of text, consistent with each other.
 */
export function statisticalAnnex(bytes: number): string {
  const en = ['Annex', '', 'Statistics on telecommunications fraud by place'];
  const zh = ['附件', '', '各地电信诈骗统计'];
  let size = utf8Bytes([...en, ...zh]);
  for (let k = 0; size < bytes; k++) {
    const section = annexSection(k);
    en.push('', ...section.en);
    zh.push('', ...section.zh);
    size += utf8Bytes([...section.en, ...section.zh]) + 2;
  }
  return `${en.join('\n')}\n\n${zh.join('\n')}\n`;
}
