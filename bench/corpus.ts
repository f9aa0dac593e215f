/**
 * Builds the benchmark's corpora from `samples/*.note`, read at bench time: one long bilingual note
 * (the reference note's covering part, then every English paragraph of the bilingual samples, then
 * every Chinese one), as a user who keeps a whole dossier in one file has it. Each copy of a sample
 * gets other names, digits and years, and a body paragraph that would still repeat an earlier one gets
 * a dated revision sentence, so the analysis cannot profit from verbatim repeats. The same copy is
 * varied the same way in both languages, so numbers, dates and names still anchor the alignment.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyse } from '../server/src/core/analyse';
import { partnerFileName, sideOf, type AlignableBlock, type VersionSide } from '../server/src/core/noteAlignment';
import { findDates } from '../server/src/core/normalise/dates';
import type { Note } from '../server/src/core/model';
import names from './data/names.json';

type Side = 'en' | 'zh';

interface Piece {
  readonly text: string;
  readonly kind: 'body' | 'formula' | 'title';
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
  if (block.kind !== 'paragraph') return 'title';
  return block.role === 'body' ? 'body' : 'formula';
}

/** What precedes the first language version, when the note has a covering part. */
function coveringPart(note: Note): string {
  const first = note.versions[0];
  const blocks = note.blocks.filter((block) => first && block.span.end <= first.span.start);
  return blocks.length > 0 ? note.text.slice(0, blocks[blocks.length - 1].span.end).trim() : '';
}

/** Adds varied copies of the samples, one sample at a time, until the note reaches `targetBytes` of UTF-8. */
export function buildCorpus(label: string, set: SampleSet, targetBytes: number): Corpus {
  const sides: Record<Side, Piece[]> = { en: [], zh: [] };
  const dedupe = new Deduplication();
  let bytes = Buffer.byteLength(set.front, 'utf8');
  let copies = 0;
  while (bytes < targetBytes && set.samples.length > 0) {
    const variation = new Variation(copies);
    for (const sample of set.samples) {
      for (const side of ['en', 'zh'] as const) {
        for (const piece of sample[side]) {
          const text = dedupe.unique(variation.apply(piece.text, side), piece, side);
          sides[side].push({ text, kind: piece.kind });
          bytes += Buffer.byteLength(text, 'utf8') + 2;
        }
      }
      if (bytes >= targetBytes) break;
    }
    copies++;
  }
  const front = new Variation(0).apply(set.front, 'en');
  const note = [front, ...sides.en.map((p) => p.text), ...sides.zh.map((p) => p.text)].join('\n\n') + '\n';
  const markdown = [
    front, '# English version', ...sides.en.map(markdownOf), '# 中文版本', ...sides.zh.map(markdownOf),
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

/** Copy `k`: names rotated by k, digits 1–9 permuted, years shifted; zero and day/month numbers kept. */
class Variation {
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

  apply(text: string, side: Side): string {
    return this.varyDigits(text.replace(NAME_PATTERNS[side], (name) => this.names[side].get(name) ?? name));
  }

  private varyDigits(text: string): string {
    const dates = findDates(text);
    let out = '';
    let last = 0;
    let nextDate = 0;
    for (const run of text.matchAll(/[0-9]+/g)) {
      const start = run.index;
      while (nextDate < dates.length && dates[nextDate].end <= start) nextDate++;
      const inDate = nextDate < dates.length && dates[nextDate].start <= start;
      out += text.slice(last, start) + this.varyNumber(run[0], inDate);
      last = start + run[0].length;
    }
    return out + text.slice(last);
  }

  private varyNumber(digits: string, inDate: boolean): string {
    const value = Number(digits);
    if (digits.length === 4 && value >= FIRST_YEAR && value <= LAST_YEAR) return String(value + this.yearShift);
    if (inDate) return digits;
    let out = '';
    for (const digit of digits) out += this.digits[Number(digit)];
    return out;
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
 * break, which the analysis reads as a block of its own), gets a revision date no other has.
 */
class Deduplication {
  private readonly seen = new Set<string>();
  private revisions = 0;

  unique(text: string, piece: Piece, side: Side): string {
    const repeats = this.seen.has(text) || this.seen.has(lastPart(text));
    const result = repeats && piece.kind === 'body' ? text + revisionSentence(side, this.revisions++) : text;
    this.seen.add(result);
    this.seen.add(lastPart(result));
    return result;
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
