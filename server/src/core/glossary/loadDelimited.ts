/**
 * `*.glossary.csv` and `*.glossary.tsv`: a header row naming the columns, then one entry per row.
 * RFC 4180 quoting ("" inside quotes, quoted fields spanning lines), a UTF-8 BOM and CRLF are accepted;
 * several forms in one cell are separated by `;` or `|`.
 *
 * Quoting is read strictly: a quote inside a quoted field is doubled, or closes the field right before
 * a delimiter or a line break. Anything else (an unterminated quote would swallow the rest of the file)
 * is reported where the quote opened, its row is dropped, and reading starts again on the next line with
 * quoted fields kept within their line, so the file is read at most twice over: linear whatever the quoting.
 * A quoted field that runs on for more than MAX_FIELD_LENGTH characters is taken for a misplaced quote
 * pair (it would swallow the rows between them) and handled the same way.
 */
import { message, type Message } from '../messages';
import { collapseSpaces, completeEntry, languageOfText, missingLanguages, overlongForm, splitForms, type EntryDraft } from './draft';
import { DEFAULT_MAX_BYTES, ProblemList, sizeProblem } from './problems';
import type { GlossaryEntry, LoadResult } from './types';

type Column = 'id' | 'en' | 'zh' | 'category' | 'definition' | 'definition_en' | 'definition_zh' | 'note' | 'note_en' | 'note_zh' | 'source';

/**
 * Header names as terminology tools and spreadsheets write them, compared in lower case. A Map: a
 * header is user text, and a plain object would answer `constructor` or `__proto__` with its prototype.
 */
const COLUMN_NAMES: ReadonlyMap<string, Column> = new Map(Object.entries({
  id: 'id',
  en: 'en', english: 'en', 'en-us': 'en', 'en-gb': 'en', en_us: 'en', en_gb: 'en',
  zh: 'zh', chinese: 'zh', 'zh-cn': 'zh', 'zh-hans': 'zh', 'zh-sg': 'zh', 'zh-tw': 'zh', 'zh-hant': 'zh', 'zh-hk': 'zh', zh_cn: 'zh',
  category: 'category', subject: 'category', domain: 'category',
  definition: 'definition', definition_en: 'definition_en', definition_zh: 'definition_zh',
  note: 'note', note_en: 'note_en', note_zh: 'note_zh',
  source: 'source',
} satisfies Record<string, Column>));

/** The longest quoted field: a definition of several paragraphs fits. */
export const MAX_FIELD_LENGTH = 10_000;

const QUOTE = 0x22;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const BOM = 0xfeff;

interface Cell {
  text: string;
  offset: number;
}

interface Row {
  cells: Cell[];
  offset: number;
}

function isLineBreak(code: number): boolean {
  return code === LINE_FEED || code === CARRIAGE_RETURN;
}

/** Splits the text into rows of cells, a linear state machine over the characters. */
class RowReader {
  private position: number;
  /** Cleared after an unterminated quote: from then on a quoted field ends with its line. */
  private quotesSpanLines = true;

  constructor(
    private readonly text: string,
    private readonly delimiter: number,
    private readonly problems: ProblemList,
  ) {
    this.position = text.charCodeAt(0) === BOM ? 1 : 0;
  }

  readAll(): Row[] {
    const rows: Row[] = [];
    while (this.position < this.text.length) {
      const row = this.readRow();
      if (row && row.cells.some((cell) => cell.text.trim() !== '')) rows.push(row);
    }
    return rows;
  }

  /** One row, or undefined when an unterminated quote made it unreadable. */
  private readRow(): Row | undefined {
    const row: Row = { cells: [], offset: this.position };
    for (;;) {
      const cell = this.readCell();
      if (!cell) return undefined;
      row.cells.push(cell);
      const code = this.text.charCodeAt(this.position);
      if (code === this.delimiter) {
        this.position++;
        continue;
      }
      this.skipLineBreak();
      return row;
    }
  }

  private readCell(): Cell | undefined {
    const offset = this.position;
    if (this.text.charCodeAt(offset) === QUOTE) {
      const quoted = this.readQuoted(offset);
      return quoted === undefined ? undefined : { text: quoted, offset };
    }
    while (this.position < this.text.length) {
      const code = this.text.charCodeAt(this.position);
      if (code === this.delimiter || isLineBreak(code)) break;
      this.position++;
    }
    return { text: this.text.slice(offset, this.position), offset };
  }

  /**
   * The content of the quoted field opening at `open`, or undefined (and a problem) when the quoting is
   * broken: the field never closes, a lone quote inside it is followed by more text, or it runs on too long.
   */
  private readQuoted(open: number): string | undefined {
    let value = '';
    let segment = open + 1;
    const limit = Math.min(this.text.length, segment + MAX_FIELD_LENGTH);
    let i = segment;
    for (; i < limit; i++) {
      const code = this.text.charCodeAt(i);
      if (code === QUOTE) {
        value += this.text.slice(segment, i);
        const after = this.text.charCodeAt(i + 1);
        if (after !== QUOTE) {
          if (i + 1 < this.text.length && after !== this.delimiter && !isLineBreak(after)) break;
          this.position = i + 1;
          return value;
        }
        value += '"';
        i++; // the second quote of the pair
        segment = i + 1;
      } else if (!this.quotesSpanLines && isLineBreak(code)) break;
    }
    const runaway = i >= limit && limit < this.text.length;
    this.skipBrokenRow(open, runaway ? message('glossary.csv.runaway-quote', { limit: MAX_FIELD_LENGTH }) : message('glossary.csv.broken-quote'));
    return undefined;
  }

  /** Reports the quote at `open` and goes on at the next line, from now on with quoted fields kept within their line. */
  private skipBrokenRow(open: number, said: Message): void {
    this.problems.atOffset(open, said);
    this.quotesSpanLines = false;
    this.position = open;
    while (this.position < this.text.length && !isLineBreak(this.text.charCodeAt(this.position))) this.position++;
    this.skipLineBreak();
  }

  private skipLineBreak(): void {
    if (this.text.charCodeAt(this.position) === CARRIAGE_RETURN) this.position++;
    if (this.text.charCodeAt(this.position) === LINE_FEED) this.position++;
  }
}

function headerColumns(header: Row, problems: ProblemList): (Column | undefined)[] {
  return header.cells.map((cell) => {
    const name = collapseSpaces(cell.text).toLowerCase();
    const column = COLUMN_NAMES.get(name);
    if (!column && name) problems.atOffset(cell.offset, message('glossary.csv.unknown-column', { name: cell.text.trim() }), 'warning');
    return column;
  });
}

/** The entry a row describes, or undefined (and a problem) when a cell lists a form too long to be a term. */
function draftFromRow(row: Row, columns: readonly (Column | undefined)[], problems: ProblemList): EntryDraft | undefined {
  const draft: EntryDraft = { en: [], zh: [] };
  for (const [index, cell] of row.cells.entries()) {
    const column = columns[index];
    const value = collapseSpaces(undefused(cell.text));
    if (!column || !value) continue;
    if (column === 'en' || column === 'zh') {
      const forms = splitForms(value);
      const overlong = overlongForm(forms, column);
      if (overlong) {
        problems.atOffset(cell.offset, message('glossary.csv.overlong', { problem: overlong }));
        return undefined;
      }
      draft[column].push(...forms);
    } else if (column === 'id' || column === 'category' || column === 'source') draft[column] = value;
    else {
      const [field, language] = column.split('_') as ['definition' | 'note', 'en' | 'zh' | undefined];
      draft[field] = { ...draft[field], [language ?? languageOfText(value)]: value };
    }
  }
  return draft;
}

/**
 * A cell as written before a spreadsheet export guarded it against formula injection (OWASP): the
 * quote put before a leading `=`, `+`, `-` or `@` (Diplonote's own CSV export does so) is taken off.
 */
function undefused(text: string): string {
  return /^'[=+\-@]/.test(text) ? text.slice(1) : text;
}

function parseDelimited(text: string, file: string, delimiter: number, maxBytes: number): LoadResult {
  const tooBig = sizeProblem(text, file, maxBytes);
  if (tooBig) return { entries: [], problems: [tooBig] };
  const problems = new ProblemList(text, file);
  const [header, ...rows] = new RowReader(text, delimiter, problems).readAll();
  const entries: GlossaryEntry[] = [];
  if (!header) {
    problems.atOffset(0, message('glossary.csv.empty'));
    return { entries, problems: problems.problems };
  }
  const columns = headerColumns(header, problems);
  if (!columns.includes('en') || !columns.includes('zh')) {
    problems.atOffset(header.offset, message('glossary.csv.header'));
    return { entries, problems: problems.problems };
  }
  for (const row of rows) {
    const draft = draftFromRow(row, columns, problems);
    if (!draft) continue;
    const missing = missingLanguages(draft);
    if (missing) problems.atOffset(row.offset, message('glossary.csv.row-missing', { missing }));
    else entries.push(completeEntry(draft, file));
  }
  return { entries, problems: problems.problems };
}

export function parseCsvGlossary(text: string, file: string, maxBytes = DEFAULT_MAX_BYTES): LoadResult {
  return parseDelimited(text, file, 0x2c, maxBytes);
}

export function parseTsvGlossary(text: string, file: string, maxBytes = DEFAULT_MAX_BYTES): LoadResult {
  return parseDelimited(text, file, 0x09, maxBytes);
}
