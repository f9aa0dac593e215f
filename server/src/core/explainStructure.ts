/**
 * Why a note was read as it was: each block with the kind it was given, the rule that decided it and
 * the language it was found to be in (from its own script), then the language versions. What
 * `diplonote outline --explain` prints and *Diplonote: Explain Structure* shows.
 */
import { readBlocks } from './analyse';
import type { Language } from './model';
import { RULES } from './recognise/rules';
import { lineOfOffset } from './text/lines';
import { countScripts } from './text/script';
import { preview } from './outline';
import type { JoinedBlock } from './recognise/join';

export interface ExplainedBlock {
  /** 1-based lines. */
  readonly firstLine: number;
  readonly lastLine: number;
  readonly kind: string;
  readonly rule: string;
  readonly language: Language;
  readonly languageEvidence: string;
  readonly excerpt: string;
  /** For parts joined to the block before: why. */
  readonly joined: readonly string[];
  /** The language version the block belongs to, or none (outside the versions). */
  readonly version?: Language;
}

export interface Explanation {
  readonly blocks: readonly ExplainedBlock[];
  readonly frontMatterLines?: readonly [number, number];
}

export function explainStructure(text: string): Explanation {
  const read = readBlocks(text);
  const versionOf = (index: number) => read.layout.versions.find((v) => index >= v.from && index < v.to)?.language;
  const line = (offset: number) => lineOfOffset(read.lineStarts, offset) + 1;
  const blocks = read.blocks.map((block, index): ExplainedBlock => ({
    firstLine: line(block.start),
    lastLine: line(block.end),
    kind: kindName(block),
    rule: RULES[block.rule],
    language: block.language,
    languageEvidence: languageEvidence(text, block),
    excerpt: preview(text, { start: block.start, end: block.end }, 60),
    joined: block.joins.map((rule) => RULES[rule]),
    ...(versionOf(index) ? { version: versionOf(index) } : {}),
  }));
  const front = read.front.frontMatter;
  return { blocks, ...(front ? { frontMatterLines: [line(front.span.start), line(front.span.end)] as const } : {}) };
}

function kindName(block: JoinedBlock): string {
  const cls = block.cls;
  if (cls.kind === 'paragraph') return cls.role === 'body' ? 'paragraph' : `${cls.role} formula${cls.formula ? ` (${cls.formula})` : ''}`;
  if (cls.kind === 'heading') return `heading (${cls.family} ${cls.ordinal})`;
  return cls.kind;
}

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', zh: 'Chinese', other: 'no language' };

function languageEvidence(text: string, block: JoinedBlock): string {
  const counts = countScripts(text, block.start, Math.min(block.end, block.start + 256));
  return `${LANGUAGE_NAMES[block.language]}: ${counts.han} Chinese characters, ${counts.latin} Latin letters in its first 256 characters`;
}

/** The explanation as text, one block per paragraph of output. */
export function formatExplanation(explanation: Explanation): string {
  const out: string[] = [];
  if (explanation.frontMatterLines) out.push(`lines ${explanation.frontMatterLines[0]}–${explanation.frontMatterLines[1]}  front matter`);
  for (const block of explanation.blocks) {
    const lines = block.firstLine === block.lastLine ? `line ${block.firstLine}` : `lines ${block.firstLine}–${block.lastLine}`;
    const version = block.version ? `in the ${LANGUAGE_NAMES[block.version]} version` : 'outside the versions';
    out.push([
      `${lines}  ${block.kind}  «${block.excerpt}»`,
      `    why: ${block.rule}`,
      ...block.joined.map((why) => `    joined: ${why}`),
      `    language: ${block.languageEvidence}; ${version}`,
    ].join('\n'));
  }
  return out.join('\n') + '\n';
}
