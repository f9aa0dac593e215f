/** `diplonote outline FILE… [--json]`: the outline as an indented tree with line numbers, or JSON. */
import type { OutlineItem } from '../../core/outline';
import type { CommandContext } from '../command';

interface JsonItem {
  kind: string;
  name: string;
  detail?: string;
  line: number;
  endLine: number;
  children: JsonItem[];
}

export async function outlineCommand(context: CommandContext): Promise<number> {
  const results: Array<{ file: string; outline: JsonItem[] }> = [];
  const status = await context.forEachNote(({ file, document }) => {
    const lineOf = (offset: number) => document.positionAt(offset).line + 1;
    const toJson = (item: OutlineItem): JsonItem => ({
      kind: item.kind, name: item.name, ...(item.detail ? { detail: item.detail } : {}),
      line: lineOf(item.span.start), endLine: lineOf(item.span.end), children: item.children.map(toJson),
    });
    const outline = context.service.outline(document).map(toJson);
    if (context.json) results.push({ file, outline });
    else context.out(formatTree(file, outline));
  });
  if (context.json) context.out(JSON.stringify(results, null, 2));
  return status;
}

function formatTree(file: string, outline: readonly JsonItem[]): string {
  const lines = [file];
  const width = String(Math.max(1, ...flatten(outline).map((item) => item.line))).length;
  const visit = (item: JsonItem, depth: number) => {
    const detail = item.detail ? `  (${item.detail})` : '';
    lines.push(`${String(item.line).padStart(width + 2)}  ${'  '.repeat(depth)}${item.name}${detail}`);
    item.children.forEach((child) => visit(child, depth + 1));
  };
  outline.forEach((item) => visit(item, 0));
  return lines.join('\n') + '\n';
}

function flatten(items: readonly JsonItem[]): JsonItem[] {
  return items.flatMap((item) => [item, ...flatten(item.children)]);
}
