/**
 * `diplonote outline FILE… [--json] [--explain]`: the outline as an indented tree with line numbers, or
 * JSON; with `--explain`, each block with the kind it was read as and why (the rule, the language).
 */
import { message } from '../../core/messages';
import type { OutlineItem } from '../../core/outline';
import { explainStructure, formatExplanation, type Explanation } from '../../core/explainStructure';
import type { CommandContext } from '../command';
import { defineCommand } from '../definition';
import type { Style } from '../terminal';
import { jsonText } from '../terminal';

interface JsonItem {
  kind: string;
  name: string;
  detail?: string;
  line: number;
  endLine: number;
  children: JsonItem[];
}

export const outlineCommand = defineCommand({
  name: 'outline',
  operands: 'FILE…',
  minOperands: 1,
  summary: message('cli.outline.summary'),
  options: {
    json: { type: 'boolean', description: message('cli.outline.json') },
    explain: { type: 'boolean', description: message('cli.outline.explain') },
  },
  details: message('cli.outline.details'),
  async run(context, options) {
    if (options.explain) return explain(context, options.json === true);
    const results: Array<{ file: string; outline: JsonItem[] }> = [];
    const status = await context.forEachNote(({ file, document }) => {
      const lineOf = (offset: number) => document.positionAt(offset).line + 1;
      const toJson = (item: OutlineItem): JsonItem => ({
        kind: item.kind, name: item.name, ...(item.detail ? { detail: item.detail } : {}),
        line: lineOf(item.span.start), endLine: lineOf(item.span.end), children: item.children.map(toJson),
      });
      const outline = context.service.outline(document).map(toJson);
      if (options.json) results.push({ file, outline });
      else context.out(formatTree(context.style, file, outline));
    });
    if (options.json) context.out(jsonText(results));
    return status;
  },
});

async function explain(context: CommandContext, json: boolean): Promise<number> {
  const results: Array<{ file: string } & Explanation> = [];
  const status = await context.forEachNote(({ file, document }) => {
    const explanation = explainStructure(document.getText());
    if (json) results.push({ file, ...explanation });
    else context.out(`${[context.style.file(file), ...formatExplanation(explanation).trimEnd().split('\n').map((line) => context.style.text(line))].join('\n')}\n`);
  });
  if (json) context.out(jsonText(results));
  return status;
}

function formatTree(style: Style, file: string, outline: readonly JsonItem[]): string {
  const lines = [style.file(file)];
  const width = String(Math.max(1, ...flatten(outline).map((item) => item.line))).length;
  const visit = (item: JsonItem, depth: number) => {
    const detail = item.detail ? `  (${style.text(item.detail)})` : '';
    lines.push(`${style.dim(String(item.line).padStart(width + 2))}  ${'  '.repeat(depth)}${style.text(item.name)}${detail}`);
    item.children.forEach((child) => visit(child, depth + 1));
  };
  outline.forEach((item) => visit(item, 0));
  return lines.join('\n') + '\n';
}

function flatten(items: readonly JsonItem[]): JsonItem[] {
  return items.flatMap((item) => [item, ...flatten(item.children)]);
}
