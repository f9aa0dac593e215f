/** textDocument/codeLens: `↔ 中文 ¶4` above each paragraph that has a counterpart; clicking jumps there. */
import type { CodeLens } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AlignedDocuments } from '../counterparts';
import type { AlignableBlock, ParagraphPair } from '../core/noteAlignment';
import { cover } from './definition';
import { toRange } from './positions';

/** The client command that reveals a range in a document (registered by the extension). */
export const GO_TO_COUNTERPART_COMMAND = 'diplonote.goToCounterpart';

export function codeLenses(document: TextDocument, aligned: AlignedDocuments): CodeLens[] {
  const lenses: CodeLens[] = [];
  for (const pair of aligned.alignment.paragraphs) {
    if (pair.en.length === 0 || pair.zh.length === 0) continue;
    if (aligned.en.uri === document.uri) lenses.push(lensFor(document, pair, 'en', aligned.zh));
    if (aligned.zh.uri === document.uri) lenses.push(lensFor(document, pair, 'zh', aligned.en));
  }
  return lenses;
}

function lensFor(document: TextDocument, pair: ParagraphPair, side: 'en' | 'zh', target: TextDocument): CodeLens {
  const otherBlocks = side === 'en' ? pair.zhBlocks : pair.enBlocks;
  const targetSpan = cover(side === 'en' ? pair.zh : pair.en);
  const prefix = side === 'en' ? '↔ 中文' : '↔ English';
  const position = document.positionAt(pair[side][0].start);
  return {
    range: { start: position, end: position },
    command: {
      title: `${prefix} ${otherBlocks.map(blockLabel).join(' + ')}`,
      command: GO_TO_COUNTERPART_COMMAND,
      arguments: [target.uri, toRange(target, targetSpan)],
    },
  };
}

function blockLabel(block: AlignableBlock): string {
  if (block.kind === 'title') return block.language === 'zh' ? '标题' : 'title';
  if (block.role === 'opening') return block.language === 'zh' ? '致意' : 'opening';
  if (block.role === 'closing') return block.language === 'zh' ? '结束语' : 'closing';
  return `¶${block.index}`;
}
