/**
 * `diplonote concordance TERM PATH… [--json]`: every occurrence of a term in the notes and translation
 * memories (`.tmx`) under the paths, as keyword-in-context lines, each with the aligned rendering in the
 * other language; traditional and simplified characters, case and full-width forms are folded together.
 */
import { message } from '../../core/messages';
import { concordanceTerm } from '../../service/arguments';
import type { Concordance, ConcordanceLine } from '../../service/features/concordance';
import { defineCommand, EXIT_OK, EXIT_UNUSABLE_INPUT } from '../definition';
import { jsonText, type Style } from '../terminal';

export const concordanceCommand = defineCommand({
  name: 'concordance',
  operands: 'TERM PATH…',
  minOperands: 2,
  words: 1,
  summary: message('cli.concordance.summary'),
  details: message('cli.concordance.details'),
  options: {
    json: { type: 'boolean', description: message('cli.concordance.json') },
  },
  async run(context, options, [word]) {
    const term = concordanceTerm(word);
    if (!term.ok) {
      context.error(`diplonote concordance: ${context.say(term.said)}`);
      return EXIT_UNUSABLE_INPUT;
    }
    const concordance = await context.service.concordance(term.value, context.inputs.map((input) => input.uri));
    for (const { uri, message } of concordance.unread) context.error(`diplonote: ${context.display(uri)}: ${message}`);
    if (options.json) context.out(jsonText(shownFiles(context.display, concordance)));
    else context.out(formatConcordance(context.style, context.display, concordance));
    if (concordance.truncated) context.error(`diplonote concordance: ${context.say(message('cli.concordance.truncated'))}`);
    return concordance.lines.length > 0 ? EXIT_OK : 1;
  },
});

function shownFiles(display: (uri: string) => string, concordance: Concordance): Concordance {
  return {
    ...concordance,
    lines: concordance.lines.map((line) => ({
      ...line, uri: display(line.uri),
      ...(line.rendering ? { rendering: { ...line.rendering, ...(line.rendering.uri ? { uri: display(line.rendering.uri) } : {}) } } : {}),
    })),
    unread: concordance.unread.map((file) => ({ ...file, uri: display(file.uri) })),
  };
}

/** The width the left context is padded to, so that the keywords line up. */
const LEFT_WIDTH = 40;

function formatConcordance(style: Style, display: (uri: string) => string, { lines }: Concordance): string {
  const out: string[] = [];
  let file: string | undefined;
  for (const line of lines) {
    if (line.uri !== file) {
      file = line.uri;
      out.push(style.file(display(line.uri)));
    }
    out.push(formatLine(style, line));
  }
  return out.length > 0 ? out.join('\n') + '\n' : '';
}

function formatLine(style: Style, line: ConcordanceLine): string {
  const where = style.dim(`${String(line.range.start.line + 1).padStart(5)} ${line.language.padEnd(5)}`);
  const left = [...line.left];
  const shownLeft = left.length > LEFT_WIDTH ? left.slice(-LEFT_WIDTH).join('') : line.left.padStart(LEFT_WIDTH);
  const rendering = line.rendering ? `\n${' '.repeat(12)}${style.dim('→')} ${style.text(line.rendering.text)}` : '';
  return `${where} ${style.text(shownLeft)} [${style.text(line.keyword)}] ${style.text(line.right)}${rendering}`;
}
