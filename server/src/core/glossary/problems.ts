/** Problems found while loading a glossary file, placed at 0-based lines and UTF-16 columns. */
import { message, saying, type Message } from '../messages';
import { computeLineStarts, lineOfOffset } from '../text/lines';
import type { GlossaryProblem } from './types';

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
/** Past this many, a file is broken throughout and more diagnostics would only flood the editor. */
export const MAX_PROBLEMS = 100;

export class ProblemList {
  readonly problems: GlossaryProblem[] = [];
  private lineStarts: number[] | undefined;

  constructor(
    private readonly text: string,
    private readonly file: string,
  ) {}

  atOffset(offset: number, said: Message, severity: GlossaryProblem['severity'] = 'error'): void {
    this.lineStarts ??= computeLineStarts(this.text);
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = lineOfOffset(this.lineStarts, clamped);
    this.atLine(line, clamped - this.lineStarts[line], said, severity);
  }

  atLine(line: number, character: number, said: Message, severity: GlossaryProblem['severity'] = 'error'): void {
    if (this.problems.length > MAX_PROBLEMS) return;
    if (this.problems.length === MAX_PROBLEMS) {
      this.problems.push({ file: this.file, line, character, ...saying(message('glossary.too-many-problems', { count: MAX_PROBLEMS })), severity: 'warning' });
      return;
    }
    this.problems.push({ file: this.file, line, character, ...saying(said), severity });
  }
}

/** The size of `text` once encoded as UTF-8, without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4; // a surrogate pair is one astral character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** One problem at line 0 when the file is over the limit: such a file is not read at all. */
export function sizeProblem(text: string, file: string, maxBytes: number): GlossaryProblem | undefined {
  const bytes = utf8Length(text);
  if (bytes <= maxBytes) return undefined;
  return {
    file,
    line: 0,
    character: 0,
    ...saying(message('glossary.too-large', { bytes, limit: maxBytes })),
    severity: 'error',
  };
}
