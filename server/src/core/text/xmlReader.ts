/**
 * What the XML readers (TBX glossaries, TMX memories) share: a saxes parser whose events go to the
 * reader, a DOCTYPE with an internal subset or ENTITY declarations refused (then nothing of the file
 * may be used), syntax errors reported at their place up to a limit, and the line and column of the
 * tag being opened, for the problems and places a reader records.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { ProblemList } from '../glossary/problems';
import type { Message } from '../messages';
import { countLineBreaks, localName, unsafeDoctypeAt } from './xml';

const MAX_SYNTAX_PROBLEMS = 20;

/** Thrown from inside a parser callback to stop reading the file. */
class StopReading extends Error {}

/** What a reader says of a file it refused, and of invalid XML (in the user's language, for glossaries). */
export interface XmlMessages {
  refused(): Message;
  invalid(detail: string): Message;
}

export abstract class XmlReader {
  /** Set when the DOCTYPE was refused: then nothing of the file may be used. */
  refused = false;
  /** 0-based line and column of the start tag being opened. */
  protected tagLine = 0;
  protected tagColumn = 0;
  private syntaxProblems = 0;
  protected readonly parser = new SaxesParser<{}>({ position: true });

  constructor(protected readonly problems: ProblemList, private readonly messages: XmlMessages) {
    const parser = this.parser;
    parser.on('doctype', (doctype) => this.checkDoctype(doctype));
    parser.on('opentagstart', () => {
      this.tagLine = parser.line - 1;
      this.tagColumn = Math.max(0, parser.column - 1);
    });
    parser.on('opentag', (tag) => this.open(tag));
    parser.on('text', (text) => this.addText(text));
    parser.on('cdata', (text) => this.addText(text));
    parser.on('closetag', (tag) => this.close(localName(tag.name)));
    parser.on('error', (error) => this.syntaxError(error.message));
  }

  protected abstract open(tag: SaxesTagPlain): void;
  protected abstract addText(text: string): void;
  protected abstract close(localName: string): void;

  /** Reads the whole text; what it found is in the reader, what was wrong in the problem list. */
  read(text: string): void {
    try {
      this.parser.write(text).close();
    } catch (error) {
      if (!(error instanceof StopReading)) this.problems.atLine(this.parser.line - 1, 0, this.messages.invalid(String(error)));
    }
  }

  private checkDoctype(doctype: string): void {
    const unsafe = unsafeDoctypeAt(doctype);
    if (unsafe === undefined) return;
    const doctypeLine = this.parser.line - 1 - countLineBreaks(doctype);
    const line = doctype.startsWith('<!ENTITY', unsafe) ? doctypeLine + countLineBreaks(doctype.slice(0, unsafe)) : doctypeLine;
    this.problems.atLine(line, 0, this.messages.refused());
    this.refused = true;
    throw new StopReading();
  }

  private syntaxError(message: string): void {
    const prefix = `${this.parser.line}:${this.parser.column}: `;
    const text = message.startsWith(prefix) ? message.slice(prefix.length) : message;
    this.problems.atLine(this.parser.line - 1, this.parser.columnIndex, this.messages.invalid(text));
    if (++this.syntaxProblems >= MAX_SYNTAX_PROBLEMS) throw new StopReading();
  }
}
