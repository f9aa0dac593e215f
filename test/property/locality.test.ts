/**
 * Reading degrades locally (issue 11, section 2): a block inserted between any two blocks of any
 * corpus note — random text, a header-like line, a wrapped line, a stray number — changes the kind
 * of at most the inserted block and the blocks right before and after it, and moves no paragraph
 * into another language version.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { readBlocks } from '../../server/src/core/analyse';
import type { JoinedBlock } from '../../server/src/core/recognise/join';
import { computeLineStarts, lineOfOffset } from '../../server/src/core/text/lines';

const CORPUS = join(__dirname, '..', 'corpus');
const notes = readdirSync(CORPUS).filter((file) => file.endsWith('.note')).sort();

/** What each line of a note is read as: its block's kind, and for paragraphs their version's language. */
interface LineReading {
  readonly kind: string[];
  readonly version: Array<string | undefined>;
  /** The index of the block holding each line, or -1 for lines outside any block. */
  readonly block: number[];
}

function kindOf(block: JoinedBlock): string {
  return block.cls.kind === 'paragraph' ? `paragraph/${block.cls.role}` : block.cls.kind;
}

function readLines(text: string): LineReading {
  const read = readBlocks(text);
  const lineCount = read.lineStarts.length;
  const reading: LineReading = { kind: new Array(lineCount).fill(''), version: new Array(lineCount).fill(undefined), block: new Array(lineCount).fill(-1) };
  read.blocks.forEach((block, index) => {
    const version = read.layout.versions.find((v) => index >= v.from && index < v.to)?.language;
    for (const line of block.lines) {
      const n = lineOfOffset(read.lineStarts, line.trimStart);
      reading.kind[n] = kindOf(block);
      reading.block[n] = index;
      if (block.cls.kind === 'paragraph') reading.version[n] = version;
    }
  });
  return reading;
}

/** Offsets at which a block may be inserted: the starts of lines that follow a blank line, and the end. */
function gapsOf(text: string): number[] {
  const starts = computeLineStarts(text);
  const gaps: number[] = [];
  for (let n = 1; n < starts.length; n++) {
    const previous = text.slice(starts[n - 1], starts[n]);
    if (previous.trim() === '' && text.slice(starts[n], starts[n + 1] ?? text.length).trim() !== '') gaps.push(starts[n]);
  }
  gaps.push(text.length);
  return gaps;
}

const ENGLISH_WORDS = ['the', 'Government', 'has', 'taken', 'measures', 'on', 'rights', 'of', 'persons', 'concerned', 'Ministry', 'Geneva', 'water', 'by', '2026'];
const CHINESE_PHRASES = ['中国政府', '采取了', '有关措施', '保障', '当事人的', '合法权益', '。', '，', '2026年', '外交部'];

const words = (pool: readonly string[], separator: string) =>
  fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 30 }).map((list) => list.join(separator));

/** The blocks a careless paste, a PDF or a typing slip may leave between two blocks. */
const strayBlock = fc.oneof(
  words(ENGLISH_WORDS, ' ').map((s) => `${s[0].toUpperCase()}${s.slice(1)}.`),
  words(CHINESE_PHRASES, ''),
  fc.constantFrom(
    'Ref.: NRV/GVA/2026/77', 'No. 12/2026', '（2026）外字第9号', 'Geneva, 3 May 2026', '2026年5月3日于日内瓦', 'Excellency,', '阁下：',
    'EMBASSY OF THE REPUBLIC OF NORVANIA', 'H.E. Mr. Arvid Lunde', 'Subject: Visit of the delegation', '事由：代表团访问',
    'NOTE VERBALE', '照会', 'Annex', '附件', 'Background', 'II. Measures taken', '二、采取的措施', '(Unofficial Translation)',
  ),
  words(ENGLISH_WORDS, ' ').map((s) => `${s}\n${s}`),
  fc.constantFrom('3', '- 4 -', '17', '2026', 'Page 2 of 3', '第2页'),
  fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== '' && !s.includes('\n')),
);

describe('reading degrades locally (a block inserted anywhere)', function () {
  this.timeout(120_000);
  for (const file of notes) {
    it(`${file}: changes the kind of the inserted block and its neighbours only, and no paragraph's version`, () => {
      const text = readFileSync(join(CORPUS, file), 'utf8');
      const newline = text.includes('\r\n') ? '\r\n' : '\n';
      const before = readLines(text);
      const gaps = gapsOf(text);
      fc.assert(
        fc.property(fc.constantFrom(...gaps), strayBlock, (gap, stray) => {
          const inserted = `${stray.replace(/\n/g, newline)}${newline}${newline}`;
          const prefix = gap === text.length && !text.endsWith('\n') ? `${newline}${newline}` : '';
          const after = readLines(text.slice(0, gap) + prefix + inserted + text.slice(gap));
          const insertedLines = (prefix + inserted).split(newline).length - 1;
          const firstInserted = lineOfOffset(computeLineStarts(text), Math.min(gap, text.length)) + (gap === text.length ? 1 : 0);
          const newLine = (n: number) => (n < firstInserted ? n : n + insertedLines);
          const insertedBlocks = new Set<number>();
          for (let n = firstInserted; n < firstInserted + insertedLines; n++) if (after.block[n] >= 0) insertedBlocks.add(after.block[n]);
          const exempt = new Set<number>();
          for (const b of insertedBlocks) [b - 1, b, b + 1].forEach((x) => exempt.add(x));
          if (insertedBlocks.size === 0) {
            const previous = [...after.block.slice(0, firstInserted)].reverse().find((b) => b >= 0) ?? -1;
            [previous, previous + 1].forEach((x) => exempt.add(x));
          }
          for (let n = 0; n < before.kind.length; n++) {
            if (before.block[n] < 0) continue;
            const m = newLine(n);
            if (before.version[n] !== undefined && after.kind[m].startsWith('paragraph')) {
              assert.equal(after.version[m], before.version[n], `${file} line ${n + 1}: paragraph moved from the ${before.version[n]} version (inserted ${JSON.stringify(stray)} at line ${firstInserted + 1})`);
            }
            if (exempt.has(after.block[m])) continue;
            assert.equal(after.kind[m], before.kind[n], `${file} line ${n + 1}: ${before.kind[n]} became ${after.kind[m]} (inserted ${JSON.stringify(stray)} at line ${firstInserted + 1})`);
          }
        }),
        { seed: Number(process.env.LOCALITY_SEED ?? 20261202), numRuns: Number(process.env.LOCALITY_RUNS ?? 60) },
      );
    });
  }
});
