/** `diplonote outline FILE… [--json]`: the outline as an indented tree with line numbers, or JSON. */
import type { OutlineItem } from '../../core/outline';
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
  summary: 'the structure of each note: letterhead, reference, formulas, versions, paragraphs, points',
  options: {
    json: { type: 'boolean', description: 'JSON: per file, the outline items with kind, name, detail, line, endLine, children' },
  },
  async run(context, options) {
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
