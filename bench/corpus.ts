/**
 * Builds the benchmark's corpora from `samples/*.note`, read at bench time: one long bilingual note
 * (the reference note's covering part, then every English paragraph of the bilingual samples, then
 * every Chinese one), as a user who keeps a whole dossier in one file has it. Each copy of a sample
 * gets other names, digits and years, and a body paragraph that would still repeat an earlier one gets
 * a dated revision sentence, so the analysis cannot profit from verbatim repeats.
 *
 * Each paragraph and its translation are varied together (`Variation.applyPair`) so that whatever a
 * check compares stays equal: a consistent sample gives a consistent corpus at any size, and numbers,
 * dates and names still anchor the alignment. `variedSample` and `noteOf` give one varied copy of a
 * sample as a note of its own, for benchmarks over many notes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyse } from '../server/src/core/analyse';
import { partnerFileName, sideOf, type AlignableBlock, type VersionSide } from '../server/src/core/noteAlignment';
import { findDatesWithRanges } from '../server/src/core/checks/dateRanges';
import { hasDigit } from '../server/src/core/checks/excuses';
import { findNumbers } from '../server/src/core/normalise/numbers';
import type { Note } from '../server/src/core/model';
import names from './data/names.json';

type Side = 'en' | 'zh';

export interface Piece {
  readonly text: string;
  readonly kind: 'body' | 'opening' | 'closing' | 'title';
}

/** The aligned material of one bilingual sample (one file, or a `.en.note`/`.zh.note` pair). */
export interface SampleText {
  readonly name: string;
  readonly en: readonly Piece[];
  readonly zh: readonly Piece[];
}

export interface SampleSet {
  /** The longest covering part of a bilingual sample: letterhead, covering note, addressee. */
  readonly front: string;
  readonly samples: readonly SampleText[];
}

export interface Corpus {
  readonly label: string;
  /** The `.note` text. */
  readonly note: string;
  /** The same content for the peer: `#` headings for the language versions and titles, paragraphs as they are. */
  readonly markdown: string;
  readonly bytes: number;
  readonly copies: number;
}

export function readSamples(directory: string): SampleSet {
  const files = readdirSync(directory).filter((file) => file.endsWith('.note')).sort();
  const notes = new Map(files.map((file) => [file, analyse(readFileSync(path.join(directory, file), 'utf8'))]));
  const samples: SampleText[] = [];
  let front = '';
  for (const [file, note] of notes) {
    const partner = partnerFileName(file);
    const partnerNote = partner ? notes.get(partner) : undefined;
    const en = sideOf(note, 'en') ?? (partnerNote && sideOf(partnerNote, 'en'));
    const zh = sideOf(note, 'zh') ?? (partnerNote && sideOf(partnerNote, 'zh'));
    if (!en || !zh || (partner && file.endsWith('.zh.note'))) continue;
    samples.push({ name: file, en: piecesOf(en), zh: piecesOf(zh) });
    const covering = coveringPart(note);
    if (covering.length > front.length) front = covering;
  }
  return { front, samples };
}

function piecesOf(side: VersionSide): Piece[] {
  return side.blocks.map((block) => ({ text: side.text.slice(block.span.start, block.span.end), kind: pieceKind(block) }));
}

function pieceKind(block: AlignableBlock): Piece['kind'] {
  return block.kind === 'paragraph' ? block.role : 'title';
}

/** What precedes the first language version, when the note has a covering part. */
function coveringPart(note: Note): string {
  const first = note.versions[0];
  const blocks = note.blocks.filter((block) => first && block.span.end <= first.span.start);
  return blocks.length > 0 ? note.text.slice(0, blocks[blocks.length - 1].span.end).trim() : '';
}

/** Copy `copy` of a sample: its paragraphs and their translations varied alike. */
export function variedSample(sample: SampleText, copy: number): SampleText {
  const variation = new Variation(copy);
  const en: Piece[] = [];
  const zh: Piece[] = [];
  for (let i = 0; i < Math.max(sample.en.length, sample.zh.length); i++) {
    const varied = variation.applyPair(sample.en[i]?.text ?? '', sample.zh[i]?.text ?? '');
    if (sample.en[i]) en.push({ ...sample.en[i], text: varied.en });
    if (sample.zh[i]) zh.push({ ...sample.zh[i], text: varied.zh });
  }
  return { name: sample.name, en, zh };
}

/** A sample as one bilingual note: the English version, then the Chinese version. */
export function noteOf(sample: SampleText): string {
  return [...sample.en, ...sample.zh].map((piece) => piece.text).join('\n\n') + '\n';
}

/**
 * Adds varied copies of the samples, one sample at a time, until the note reaches `targetBytes` of UTF-8.
 * Each version is one document: a closing formula ends a note, so only the last closing of each
 * version is kept (the first sample's that has one), after every copy.
 */
export function buildCorpus(label: string, set: SampleSet, targetBytes: number): Corpus {
  const sides: Record<Side, Piece[]> = { en: [], zh: [] };
  const closings: Record<Side, Piece | undefined> = { en: undefined, zh: undefined };
  const dedupe = new Deduplication();
  let bytes = Buffer.byteLength(set.front, 'utf8');
  let copies = 0;
  while (bytes < targetBytes && set.samples.length > 0) {
    for (const sample of set.samples) {
      const varied = dedupe.unique(variedSample(sample, copies));
      for (const side of ['en', 'zh'] as const) {
        for (const piece of varied[side]) {
          if (piece.kind === 'closing') closings[side] ??= piece;
          else sides[side].push(piece);
          bytes += Buffer.byteLength(piece.text, 'utf8') + 2;
        }
      }
      if (bytes >= targetBytes) break;
    }
    copies++;
  }
  const version = (side: Side) => [...sides[side], ...(closings[side] ? [closings[side]] : [])];
  const front = new Variation(0).applyPair(set.front, '').en;
  const note = [front, ...version('en').map((p) => p.text), ...version('zh').map((p) => p.text)].join('\n\n') + '\n';
  const markdown = [
    front, '# English version', ...version('en').map(markdownOf), '# 中文版本', ...version('zh').map(markdownOf),
  ].join('\n\n') + '\n';
  return { label, note, markdown, bytes: Buffer.byteLength(note, 'utf8'), copies };
}

function markdownOf(piece: Piece): string {
  return piece.kind === 'title' ? `## ${piece.text.replace(/\s+/g, ' ')}` : piece.text;
}

// ---------------------------------------------------------------------------------------------
// Variation of one copy

const FIRST_YEAR = 1900;
const LAST_YEAR = 2099;

/**
 * Copy `k`: names rotated by k, digits 1–9 permuted, years shifted; zero kept. What the checks compare
 * must change alike in both languages, so some digits are kept: a day in a date (`23 to 29 June` ↔
 * `6月23日至29日`), whose months and days must stay valid, every number whose value either text writes
 * in words or numerals (`eight members` ↔ `一行8人`), which digits alone cannot follow, and the number
 * of a paragraph or point (`1.` ↔ `一、`).
 */
export class Variation {
  private readonly digits: string[];
  private readonly yearShift: number;
  private readonly names: Record<Side, Map<string, string>>;

  constructor(copy: number) {
    const random = seededRandom(copy + 1);
    this.digits = ['0', ...shuffle(['1', '2', '3', '4', '5', '6', '7', '8', '9'], random)];
    this.yearShift = copy === 0 ? 0 : ((copy * 7) % 31) - 15;
    this.names = { en: new Map(), zh: new Map() };
    for (const list of [names.countries, names.places, names.people]) {
      list.forEach(([en, zh], i) => {
        const [toEn, toZh] = list[(i + copy) % list.length];
        this.names.en.set(en, toEn);
        this.names.zh.set(zh, toZh);
      });
    }
  }

  /** A paragraph and its translation, varied alike. */
  applyPair(en: string, zh: string): Record<Side, string> {
    const spelled = new Set([...spelledValues(en, 'en'), ...spelledValues(zh, 'zh')]);
    return { en: this.apply(en, 'en', spelled), zh: this.apply(zh, 'zh', spelled) };
  }

  private apply(text: string, side: Side, spelled: ReadonlySet<number>): string {
    const named = text.replace(NAME_PATTERNS[side], (name) => this.names[side].get(name) ?? name);
    const dates = findDatesWithRanges(named, { start: 0, end: named.length });
    const kept = findNumbers(named, 0, named.length, side).filter((n) => spelled.has(n.value) || (n.max !== undefined && spelled.has(n.max)));
    const inDate = new Covered(dates);
    const inKept = new Covered(kept);
    return named.replace(/[0-9]+/g, (digits, start: number) => {
      if (inKept.covers(start) || isMarker(named, start, digits.length)) return digits;
      const value = Number(digits);
      if (digits.length === 4 && value >= FIRST_YEAR && value <= LAST_YEAR) return String(value + this.yearShift);
      if (inDate.covers(start)) return digits;
      let out = '';
      for (const digit of digits) out += this.digits[Number(digit)];
      return out;
    });
  }
}

/** Digits that number a paragraph or point (`1.`, `(2)` at a line start): the other version may count in words (`一、`). */
function isMarker(text: string, start: number, length: number): boolean {
  const lineStart = (at: number) => at === 0 || text[at - 1] === '\n';
  return (lineStart(start) || (lineStart(start - 1) && '(（'.includes(text[start - 1]))) && '.)、．）'.includes(text[start + length] ?? '-');
}

/** The values a text writes without digits (`eight`, `八`, `two thousand`): a translation may give them in figures. */
function spelledValues(text: string, side: Side): number[] {
  return findNumbers(text, 0, text.length, side)
    .filter((n) => !hasDigit(text.slice(n.start, n.end)))
    .flatMap((n) => (n.max === undefined ? [n.value] : [n.value, n.max]));
}

/** Whether offsets fall inside spans sorted by start, asked in increasing order. */
class Covered {
  private next = 0;

  constructor(private readonly spans: readonly { start: number; end: number }[]) {}

  covers(offset: number): boolean {
    while (this.next < this.spans.length && this.spans[this.next].end <= offset) this.next++;
    return this.next < this.spans.length && this.spans[this.next].start <= offset;
  }
}

function namePattern(side: Side): RegExp {
  const forms = [names.countries, names.places, names.people].flat().map((pair) => pair[side === 'en' ? 0 : 1]);
  const alternatives = forms.sort((a, b) => b.length - a.length).join('|');
  return side === 'en' ? new RegExp(`\\b(?:${alternatives})\\b`, 'g') : new RegExp(alternatives, 'g');
}

const NAME_PATTERNS: Record<Side, RegExp> = { en: namePattern('en'), zh: namePattern('zh') };

/**
 * A body paragraph that repeats an earlier one, whole or in its last part (the part after a page
 * break, which the analysis reads as a block of its own), gets a revision date no other has, and so
 * does its translation: the same date in both languages.
 */
class Deduplication {
  private readonly seen = new Set<string>();
  private revisions = 0;

  unique(sample: SampleText): SampleText {
    const count = Math.max(sample.en.length, sample.zh.length);
    const en = [...sample.en];
    const zh = [...sample.zh];
    for (let i = 0; i < count; i++) {
      const repeats = [en[i], zh[i]].some((piece) => piece?.kind === 'body' && (this.seen.has(piece.text) || this.seen.has(lastPart(piece.text))));
      const serial = repeats ? this.revisions++ : -1;
      if (en[i]) en[i] = this.revised(en[i], 'en', serial);
      if (zh[i]) zh[i] = this.revised(zh[i], 'zh', serial);
    }
    return { name: sample.name, en, zh };
  }

  /** The piece with revision `serial` added (none when negative, or when not a body paragraph), remembered. */
  private revised(piece: Piece, side: Side, serial: number): Piece {
    const text = serial >= 0 && piece.kind === 'body' ? piece.text + revisionSentence(side, serial) : piece.text;
    this.seen.add(text);
    this.seen.add(lastPart(text));
    return { ...piece, text };
  }
}

function lastPart(text: string): string {
  const breaks = [...text.matchAll(/\n[ \t\f]*\r?\n/g)];
  const last = breaks[breaks.length - 1];
  return last ? text.slice(last.index + last[0].length) : text;
}

const DAY_MS = 86_400_000;
const REVISION_EPOCH = Date.UTC(2030, 0, 1);

function revisionSentence(side: Side, serial: number): string {
  const date = new Date(REVISION_EPOCH + serial * DAY_MS);
  const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  if (side === 'zh') return `本段最后修订于${year}年${month}月${day}日。`;
  const monthName = date.toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
  return ` This paragraph was last revised on ${day} ${monthName} ${year}.`;
}

// ---------------------------------------------------------------------------------------------
// Seeded randomness (the corpora and the probed positions are the same on every run)

/** mulberry32: a small, fast, well-mixed 32-bit generator; returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
