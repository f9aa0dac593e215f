/**
 * First pass over the lines: groups text lines into raw blocks (runs of lines between blank lines),
 * sets aside analyst annotations (`%%`) and PDF artefacts (page numbers, form feeds), and notes
 * which blocks follow a page break.
 */
import type { Annotation, Span } from '../model';
import { isBlank, isPageNumberLine, type Line } from '../text/lines';
import { endsWithTerminalPunctuation, endsWithColon } from '../text/measure';

export interface RawBlock {
  readonly lines: Line[];
  readonly start: number;
  end: number;
  /** A page-number line or form feed stands between this block and the one before. */
  readonly afterPageBreak: boolean;
}

export interface BlockScan {
  readonly blocks: RawBlock[];
  readonly annotations: Annotation[];
  readonly pageArtefacts: Span[];
}

const IGNORE_DIRECTIVE = 'diplonote-ignore';

export function scanBlocks(text: string, lines: readonly Line[], firstLine: number): BlockScan {
  const scan: BlockScan = { blocks: [], annotations: [], pageArtefacts: [] };
  let current: RawBlock | undefined;
  let pageBreak = false;
  for (let n = firstLine; n < lines.length; n++) {
    const line = lines[n];
    if (hasFormFeed(text, line)) pageBreak = true;
    if (isBlank(line)) {
      current = undefined;
    } else if (text.startsWith('%%', line.trimStart)) {
      current = undefined;
      scan.annotations.push(readAnnotation(text, line));
    } else if (isPageNumberLine(text, line)) {
      current = undefined;
      pageBreak = true;
      scan.pageArtefacts.push({ start: line.trimStart, end: line.trimEnd });
    } else if (current && !startsNumberedParagraph(text, line, current)) {
      current.lines.push(line);
      current.end = line.trimEnd;
    } else {
      current = { lines: [line], start: line.trimStart, end: line.trimEnd, afterPageBreak: pageBreak };
      scan.blocks.push(current);
      pageBreak = false;
    }
  }
  return scan;
}

function hasFormFeed(text: string, line: Line): boolean {
  for (let i = line.start; i < line.trimStart; i++) if (text.charCodeAt(i) === 0x0c) return true;
  return false;
}

function readAnnotation(text: string, line: Line): Annotation {
  const body = text.slice(line.trimStart + 2, line.trimEnd).trim();
  const annotation: Annotation = { kind: 'annotation', span: { start: line.trimStart, end: line.trimEnd }, text: body };
  if (!body.startsWith(IGNORE_DIRECTIVE)) return annotation;
  const code = body.slice(IGNORE_DIRECTIVE.length).trim().split(/\s/, 1)[0];
  return code ? { ...annotation, ignoreCode: code } : annotation;
}

// A numbered paragraph (`2. `, `二、`) that starts a line right after a finished sentence starts a new
// paragraph even without a blank line, as in text extracted from PDFs, when the block itself is a
// numbered paragraph of that kind. Inside a paragraph that lists items after a colon, the numbers
// are points of the paragraph, and a line starting with one stays in it.
const NUMBERED_LINE = /^(?:(?<arabic>\d{1,2}[.．](?=\s))|(?<chinese>[一二三四五六七八九十]{1,3}、))/;

function numberingOf(text: string, line: Line): 'arabic' | 'chinese' | undefined {
  const groups = NUMBERED_LINE.exec(text.slice(line.trimStart, line.trimStart + 5))?.groups;
  return groups?.arabic ? 'arabic' : groups?.chinese ? 'chinese' : undefined;
}

function startsNumberedParagraph(text: string, line: Line, current: RawBlock): boolean {
  const numbering = numberingOf(text, line);
  if (!numbering || numberingOf(text, current.lines[0]) !== numbering) return false;
  const previous = current.lines[current.lines.length - 1];
  return endsWithTerminalPunctuation(text, previous.trimStart, previous.trimEnd) && !endsWithColon(text, previous.trimStart, previous.trimEnd);
}
