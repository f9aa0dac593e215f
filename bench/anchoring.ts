/**
 * How well annotations are placed again after their note changed (issue 12).
 *
 *   npm run bench:anchoring
 *
 * Every note of `samples/` and `test/corpus/` gets random annotations (a word or two, a phrase, a
 * sentence, a number, picked as a reader selects them), then random edit scripts of five kinds:
 * typing and deletions anywhere in the note, rewording near the annotated spans (inside them and in
 * their context), moving paragraphs, and the file replaced from outside by a version with all of
 * these at once (half the time with its line endings converted). Each script is seeded, so every
 * run makes the same ones.
 *
 * The truth is kept apart from the code under test: each character of the original note carries an
 * identity through the script (typed characters get new ones, a moved paragraph keeps its own), so
 * after the script an annotation's quote *survives* when its characters are all still there, in
 * order and side by side, and *is* where they are. The anchoring code then sees only what a user's
 * sidecar holds (the selectors made when the annotation was created) and the final text:
 *
 * - exact: placed where the surviving quote is; the goal is ≥ 99 % of the surviving quotes;
 * - wrong: placed where none of its original characters are (or anywhere, when all were deleted);
 *   the goal is ≤ 0.1 % of all annotations;
 * - orphaned: not placed (kept and listed; never deleted);
 * - approximate: the quote was edited and the annotation is placed over what is left of it.
 *
 * A second pass follows the editor while the note is open: the spans are moved through each edit
 * (track.ts), and only those an edit removed are placed again by their quote.
 * Results go to `bench/anchoring-results.json`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { anchorSelectors, type Placement } from '../server/src/core/annotations/anchor';
import { CodePointIndex } from '../server/src/core/annotations/codePoints';
import { selectorsOf } from '../server/src/core/annotations/selectors';
import { spansAfterChanges } from '../server/src/core/annotations/track';
import type { TextChange } from '../server/src/core/incremental';
import type { Span } from '../server/src/core/model';
import { isHan } from '../server/src/core/text/script';
import { buildCorpus, readSamples, seededRandom } from './corpus';
import { percentile, round } from './stats';

const ROOT = path.resolve(__dirname, '..');
const SCRIPTS_PER_KIND = 8;
const LARGE_NOTE_ANNOTATIONS = 500;
const LARGE_NOTE_ORPHANS = 50;
const ANNOTATIONS_PER_SCRIPT = 20;
const KINDS = ['typing', 'deletions', 'rewording', 'moving paragraphs', 'replaced from outside'] as const;
type Kind = (typeof KINDS)[number];

type Random = () => number;

// ---------------------------------------------------------------------------------------------
// A text whose characters keep their identity through edits (the ground truth)

class TrackedText {
  /** The identity of each UTF-16 unit: its offset in the original text, or a fresh number when typed. */
  private ids: number[];
  private nextId: number;
  /** The edits as an editor tells them, for the pass that follows them. */
  readonly changes: TextChange[] = [];

  constructor(public text: string) {
    this.ids = Array.from({ length: text.length }, (_, k) => k);
    this.nextId = text.length;
  }

  replace(start: number, end: number, inserted: string): void {
    this.splice(start, end, inserted, Array.from({ length: inserted.length }, () => this.nextId++));
  }

  /** Moves `text[from.start, from.end)` to `to` (an offset of the text before the move); its characters keep their identity. */
  move(from: Span, to: number): void {
    const moved = this.text.slice(from.start, from.end);
    const movedIds = this.ids.slice(from.start, from.end);
    this.splice(from.start, from.end, '', []);
    const at = to > from.start ? to - moved.length : to;
    this.splice(at, at, moved, movedIds);
  }

  private splice(start: number, end: number, inserted: string, insertedIds: number[]): void {
    this.text = this.text.slice(0, start) + inserted + this.text.slice(end);
    this.ids.splice(start, end - start, ...insertedIds);
    this.changes.push({ start, end, text: inserted });
  }

  /** Where each original character is now (-1: deleted). */
  positions(originalLength: number): Int32Array {
    const where = new Int32Array(originalLength).fill(-1);
    this.ids.forEach((id, at) => {
      if (id < originalLength) where[id] = at;
    });
    return where;
  }
}

type Truth =
  | { readonly kind: 'survives'; readonly span: Span }
  | { readonly kind: 'edited'; readonly span: Span }
  | { readonly kind: 'deleted' };

/** Where the quote of `original` is after the script, by the identity of its characters. */
function truthOf(original: Span, where: Int32Array): Truth {
  const kept: number[] = [];
  for (let id = original.start; id < original.end; id++) if (where[id] >= 0) kept.push(where[id]);
  if (kept.length === 0) return { kind: 'deleted' };
  const length = original.end - original.start;
  const intact = kept.length === length && kept.every((at, k) => at === kept[0] + k);
  if (intact) return { kind: 'survives', span: { start: kept[0], end: kept[0] + length } };
  return { kind: 'edited', span: { start: Math.min(...kept), end: Math.max(...kept) + 1 } };
}

type Outcome = 'exact' | 'inexact' | 'approximate' | 'wrong' | 'orphaned';

function judge(truth: Truth, placement: Placement | Span | undefined): Outcome {
  const span = placement === undefined ? undefined : 'status' in placement ? (placement.status === 'anchored' ? placement.span : undefined) : placement;
  if (!span) return 'orphaned';
  if (truth.kind === 'deleted') return 'wrong';
  const overlaps = span.start < truth.span.end && truth.span.start < span.end;
  if (truth.kind === 'edited') return overlaps ? 'approximate' : 'wrong';
  if (span.start === truth.span.start && span.end === truth.span.end) return 'exact';
  return overlaps ? 'inexact' : 'wrong';
}

// ---------------------------------------------------------------------------------------------
// What a reader selects

const isSpace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x3000 || code === 0xa0;
const isDigit = (code: number) => code >= 0x30 && code <= 0x39;
const TRAILING_PUNCTUATION = new Set([...',.;:!?)"\'，。；：！？）、”']);

function pickSpan(text: string, random: Random): Span | undefined {
  const choice = random();
  if (choice < 0.1) return pickNumber(text, random);
  let start = Math.floor(random() * text.length);
  while (start < text.length && isSpace(text.charCodeAt(start))) start++;
  if (start >= text.length) return undefined;
  if (isHan(text.charCodeAt(start))) {
    const length = choice < 0.5 ? 2 + Math.floor(random() * 4) : choice < 0.8 ? 6 + Math.floor(random() * 15) : 60;
    return hanRun(text, start, length);
  }
  while (start > 0 && !isSpace(text.charCodeAt(start - 1))) start--;
  const words = choice < 0.5 ? 1 + Math.floor(random() * 2) : choice < 0.8 ? 3 + Math.floor(random() * 6) : 40;
  return wordRun(text, start, words);
}

/** Up to `length` characters, stopping at a line break or after a full stop: a phrase or a sentence. */
function hanRun(text: string, start: number, length: number): Span | undefined {
  let end = start;
  while (end < text.length && end - start < length && text[end] !== '\n' && text[end] !== '\r') {
    end++;
    if (text[end - 1] === '。') break;
  }
  return trimmed(text, start, end);
}

/** Up to `words` words, stopping at a line break or after a full stop. */
function wordRun(text: string, start: number, words: number): Span | undefined {
  let end = start;
  for (let n = 0; n < words && end < text.length; n++) {
    while (end < text.length && isSpace(text.charCodeAt(end)) && text[end] !== '\n') end++;
    while (end < text.length && !isSpace(text.charCodeAt(end))) end++;
    if (text[end] === '\n' || text[end] === '\r' || text[end - 1] === '.') break;
  }
  while (end > start + 1 && TRAILING_PUNCTUATION.has(text[end - 1])) end--;
  return trimmed(text, start, end);
}

function pickNumber(text: string, random: Random): Span | undefined {
  const from = Math.floor(random() * text.length);
  let start = from;
  while (start < text.length && !isDigit(text.charCodeAt(start))) start++;
  if (start >= text.length) return undefined;
  while (start > 0 && isDigit(text.charCodeAt(start - 1))) start--;
  let end = start;
  while (end < text.length && isDigit(text.charCodeAt(end))) end++;
  return { start, end };
}

function trimmed(text: string, start: number, end: number): Span | undefined {
  let s = start;
  let e = end;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  return e > s ? { start: s, end: e } : undefined;
}

// ---------------------------------------------------------------------------------------------
// Edit scripts

interface ScriptContext {
  readonly doc: TrackedText;
  readonly random: Random;
  /** Words of the note, for typing and rewording as a writer of the note would. */
  readonly vocabulary: readonly string[];
  /** The annotated spans in the original text, to edit near them. */
  readonly annotated: readonly Span[];
  readonly where: () => Int32Array;
}

function words(text: string): string[] {
  const found = new Set<string>();
  for (const token of text.split(/\s+/)) {
    if (token.length === 0 || token.length > 24) continue;
    if (isHan(token.charCodeAt(0))) {
      for (let k = 0; k + 2 <= token.length; k += 2) found.add(token.slice(k, k + 2));
    } else found.add(token);
  }
  return [...found].sort();
}

const pick = <T>(items: readonly T[], random: Random): T => items[Math.floor(random() * items.length)];

function anywhere(context: ScriptContext): number {
  return Math.floor(context.random() * (context.doc.text.length + 1));
}

/** A place near an annotated span (inside it, or in its context), or now and then anywhere. */
function nearSpan(context: ScriptContext, spread: number): number {
  const { doc, random, annotated } = context;
  if (random() < 0.2 || annotated.length === 0) return anywhere(context);
  const span = pick(annotated, random);
  const where = context.where();
  const anchor = where[Math.min(span.end - 1, where.length - 1)];
  const around = anchor >= 0 ? anchor : Math.floor(random() * doc.text.length);
  const at = around + Math.round((random() * 2 - 1) * spread);
  return Math.max(0, Math.min(doc.text.length, at));
}

function typeSomething(context: ScriptContext): void {
  const { doc, random, vocabulary } = context;
  const at = anywhere(context);
  const han = at > 0 && isHan(doc.text.charCodeAt(at - 1));
  doc.replace(at, at, han ? pick(vocabulary.filter((w) => isHan(w.charCodeAt(0))), random) ?? '的' : `${pick(vocabulary, random)} `);
}

function deleteSomething(context: ScriptContext): void {
  const { doc, random } = context;
  const at = anywhere(context);
  const roll = random();
  const length = roll < 0.6 ? 1 + Math.floor(random() * 10) : roll < 0.9 ? 10 + Math.floor(random() * 30) : 40 + Math.floor(random() * 160);
  doc.replace(at, Math.min(doc.text.length, at + length), '');
}

/** Replaces the word at a place near an annotated span (inside it, or in its context) by another word of the note. */
function reword(context: ScriptContext): void {
  const { doc, random, vocabulary } = context;
  const at = Math.min(nearSpan(context, 64), doc.text.length - 1);
  if (at < 0) return;
  if (isHan(doc.text.charCodeAt(at))) {
    const replacement = pick(vocabulary.filter((w) => isHan(w.charCodeAt(0))), random) ?? '的';
    doc.replace(at, Math.min(doc.text.length, at + 1 + Math.floor(random() * 3)), replacement);
    return;
  }
  let start = at;
  while (start > 0 && !isSpace(doc.text.charCodeAt(start - 1))) start--;
  let end = at;
  while (end < doc.text.length && !isSpace(doc.text.charCodeAt(end))) end++;
  doc.replace(start, end, pick(vocabulary, random));
}

/** Paragraphs: runs of text between blank lines (each with the blank lines after it). */
function paragraphs(text: string): Span[] {
  const found: Span[] = [];
  let start = 0;
  for (let at = text.indexOf('\n', 0); at >= 0; at = text.indexOf('\n', at + 1)) {
    let next = at + 1;
    if (text[next] === '\r') next++;
    if (text[next] !== '\n') continue;
    while (text[next] === '\n' || text[next] === '\r') next++;
    if (next > start) found.push({ start, end: next });
    start = next;
    at = next - 1;
  }
  if (start < text.length) found.push({ start, end: text.length });
  return found;
}

function moveParagraph(context: ScriptContext): void {
  const { doc, random } = context;
  const all = paragraphs(doc.text);
  if (all.length < 3) return;
  const moved = pick(all.slice(0, -1), random);
  const before = pick(all.filter((p) => p !== moved), random);
  doc.move(moved, before.start);
}

function convertLineEndings(context: ScriptContext): void {
  const { doc } = context;
  const toCrlf = !doc.text.includes('\r\n');
  for (let at = doc.text.length - 1; at >= 0; at--) {
    if (toCrlf && doc.text[at] === '\n') doc.replace(at, at, '\r');
    else if (!toCrlf && doc.text[at] === '\r' && doc.text[at + 1] === '\n') doc.replace(at, at + 1, '');
  }
}

const SCRIPTS: Record<Kind, (context: ScriptContext) => void> = {
  typing: (context) => repeat(12, () => typeSomething(context)),
  deletions: (context) => repeat(6, () => deleteSomething(context)),
  rewording: (context) => repeat(10, () => reword(context)),
  'moving paragraphs': (context) => repeat(2, () => moveParagraph(context)),
  'replaced from outside': (context) => {
    repeat(3, () => typeSomething(context));
    repeat(2, () => deleteSomething(context));
    repeat(3, () => reword(context));
    moveParagraph(context);
    if (context.random() < 0.5) convertLineEndings(context);
  },
};

function repeat(times: number, action: () => void): void {
  for (let n = 0; n < times; n++) action();
}

// ---------------------------------------------------------------------------------------------
// The run

type Counts = Record<Outcome | 'survived' | 'edited' | 'deleted' | 'annotations', number>;

const zero = (): Counts => ({ annotations: 0, survived: 0, edited: 0, deleted: 0, exact: 0, inexact: 0, approximate: 0, wrong: 0, orphaned: 0 });

interface Tally {
  readonly reopened: Counts;
  readonly whileOpen: Counts;
  readonly times: number[];
}

function count(counts: Counts, truth: Truth, outcome: Outcome): void {
  counts.annotations++;
  if (truth.kind === 'survives') counts.survived++;
  else if (truth.kind === 'edited') counts.edited++;
  else counts.deleted++;
  counts[outcome]++;
}

function noteFiles(): string[] {
  const list = (dir: string) => readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith('.note')).sort().map((f) => path.join(dir, f));
  return [...list('samples'), ...list(path.join('test', 'corpus'))];
}

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function runScript(file: string, text: string, kind: Kind, run: number, tally: Record<Kind, Tally>, failures: string[]): void {
  const random = seededRandom(hash(`${file}|${kind}|${run}`));
  const index = new CodePointIndex(text);
  const spans: Span[] = [];
  for (let tries = 0; spans.length < ANNOTATIONS_PER_SCRIPT && tries < ANNOTATIONS_PER_SCRIPT * 10; tries++) {
    const span = pickSpan(text, random);
    if (span) spans.push(span);
  }
  const selectors = spans.map((span) => selectorsOf(text, span, index));
  const doc = new TrackedText(text);
  let cached: { length: number; where: Int32Array } | undefined;
  const where = () => {
    if (cached?.length !== doc.changes.length) cached = { length: doc.changes.length, where: doc.positions(text.length) };
    return cached.where;
  };
  SCRIPTS[kind]({ doc, random, vocabulary: words(text), annotated: spans, where });
  const truths = spans.map((span) => truthOf(span, doc.positions(text.length)));

  const started = performance.now();
  const finalIndex = new CodePointIndex(doc.text);
  const placements = selectors.map(([quote, position]) => anchorSelectors(doc.text, finalIndex, quote, position));
  tally[kind].times.push(performance.now() - started);

  const tracked = spansAfterChanges(spans, doc.changes);
  placements.forEach((placement, k) => {
    const outcome = judge(truths[k], placement);
    count(tally[kind].reopened, truths[k], outcome);
    if (outcome === 'wrong' || (outcome !== 'exact' && truths[k].kind === 'survives')) failures.push(describeFailure(file, kind, run, text, doc.text, spans[k], truths[k], placement, outcome));
    const live = tracked[k] ?? (placement.status === 'anchored' ? placement.span : undefined);
    count(tally[kind].whileOpen, truths[k], judge(truths[k], live));
  });
}

function describeFailure(file: string, kind: Kind, run: number, before: string, after: string, span: Span, truth: Truth, placement: Placement, outcome: Outcome): string {
  const quote = JSON.stringify(before.slice(span.start, span.end).slice(0, 60));
  const placed = placement.status === 'anchored' ? `${placement.method} ${placement.score.toFixed(3)} → ${JSON.stringify(after.slice(placement.span.start, placement.span.end).slice(0, 60))}` : placement.reason;
  const around = (at: Span) => JSON.stringify(`${after.slice(Math.max(0, at.start - 40), at.start)}[${after.slice(at.start, at.end)}]${after.slice(at.end, at.end + 40)}`);
  const context = JSON.stringify(`${before.slice(Math.max(0, span.start - 40), span.start)}[…]${before.slice(span.end, span.end + 40)}`);
  const detail = process.argv.includes('--explain')
    ? `\n    was at ${span.start}: ${context}\n    truth: ${truth.kind === 'deleted' ? '-' : `${truth.span.start} ${around(truth.span)}`}\n    placed: ${placement.status === 'anchored' ? `${placement.span.start} ${around(placement.span)}` : '-'}`
    : '';
  return `${outcome} ${truth.kind} [${file} ${kind} #${run}] ${quote}: ${placed}${detail}`;
}

function rates(counts: Counts): Record<string, number> {
  const share = (part: number, whole: number) => (whole === 0 ? 0 : round((100 * part) / whole, 2));
  return {
    exactOfSurviving: share(counts.exact, counts.survived),
    wrongOfAll: share(counts.wrong, counts.annotations),
    orphanedOfAll: share(counts.orphaned, counts.annotations),
  };
}

/** `--only=NAME:KIND:RUN` (each part optional) runs the scripts that match, to look into one. */
function selected(file: string, kind: Kind, run: number): boolean {
  const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
  if (!only) return true;
  const [name, onlyKind, onlyRun] = only.split(':');
  return file.includes(name) && (!onlyKind || kind === onlyKind) && (!onlyRun || String(run) === onlyRun);
}

/** Every script on every note; the counts by kind and in all. */
export function measure(): { files: string[]; tally: Record<Kind, Tally>; reopened: Counts; whileOpen: Counts; failures: string[] } {
  const files = noteFiles();
  const tally = Object.fromEntries(KINDS.map((kind): [Kind, Tally] => [kind, { reopened: zero(), whileOpen: zero(), times: [] }])) as Record<Kind, Tally>;
  const failures: string[] = [];
  for (const file of files) {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    for (const kind of KINDS) {
      for (let run = 0; run < SCRIPTS_PER_KIND; run++) if (selected(file, kind, run)) runScript(file, text, kind, run, tally, failures);
    }
  }
  const total = (pick: (t: Tally) => Counts) => KINDS.reduce((sum, kind) => {
    const counts = pick(tally[kind]);
    for (const key of Object.keys(sum) as (keyof Counts)[]) sum[key] += counts[key];
    return sum;
  }, zero());
  return { files, tally, reopened: total((t) => t.reopened), whileOpen: total((t) => t.whileOpen), failures };
}

/**
 * The cost in a long note: the samples grown to 1 MB (bench/corpus.ts), a number of annotations, a
 * paragraph inserted at the top (every position moves past the near window: each annotation is found
 * by its quote and context anywhere), and the text replaced by an unrelated one (each is orphaned
 * after every search has run).
 */
function largeNote(annotations: number, orphans: number): { bytes: number; shiftedMsPerAnnotation: number; placed: number; orphanedMsPerAnnotation: number } {
  const note = buildCorpus('1 MB', readSamples(path.join(ROOT, 'samples')), 1024 * 1024).note;
  const random = seededRandom(1212);
  const index = new CodePointIndex(note);
  const selectors = Array.from({ length: annotations }, () => pickSpan(note, random))
    .filter((span): span is Span => span !== undefined)
    .map((span) => selectorsOf(note, span, index));
  const placeAll = (text: string, some: typeof selectors) => {
    const started = performance.now();
    const textIndex = new CodePointIndex(text);
    const placed = some.filter(([quote, position]) => anchorSelectors(text, textIndex, quote, position).status === 'anchored').length;
    return { placed, msPerAnnotation: round((performance.now() - started) / some.length) };
  };
  const shifted = placeAll(`${'A paragraph inserted above all the annotations. '.repeat(120)}\n\n${note}`, selectors);
  const unrelated = placeAll([...note].reverse().join(''), selectors.slice(0, orphans));
  return { bytes: Buffer.byteLength(note, 'utf8'), shiftedMsPerAnnotation: shifted.msPerAnnotation, placed: shifted.placed, orphanedMsPerAnnotation: unrelated.msPerAnnotation };
}

function main(): void {
  const { files, tally, reopened, whileOpen, failures } = measure();
  const large = largeNote(LARGE_NOTE_ANNOTATIONS, LARGE_NOTE_ORPHANS);
  const times = KINDS.flatMap((kind) => tally[kind].times).sort((a, b) => a - b);
  const timing = { medianMs: round(percentile(times, 0.5)), p99Ms: round(percentile(times, 0.99)), maxMs: round(times[times.length - 1]) };
  const goals = {
    exactOfSurviving: { goal: '≥ 99 %', measured: rates(reopened).exactOfSurviving, met: rates(reopened).exactOfSurviving >= 99 },
    wrongOfAll: { goal: '≤ 0.1 %', measured: rates(reopened).wrongOfAll, met: rates(reopened).wrongOfAll <= 0.1 },
  };

  console.log(`${files.length} notes, ${SCRIPTS_PER_KIND} scripts of each kind, ${ANNOTATIONS_PER_SCRIPT} annotations a script\n`);
  console.log('Placed again from the sidecar (the note changed while closed):');
  console.table(Object.fromEntries([...KINDS.map((kind) => [kind, { ...tally[kind].reopened, ...rates(tally[kind].reopened) }]), ['all', { ...reopened, ...rates(reopened) }]]));
  console.log('Followed while open (spans moved with each edit; removed ones placed again by their quote):');
  console.table({ all: { ...whileOpen, ...rates(whileOpen) } });
  console.log(`Time to place a note's ${ANNOTATIONS_PER_SCRIPT} annotations: median ${timing.medianMs} ms, p99 ${timing.p99Ms} ms, max ${timing.maxMs} ms`);
  console.log(`A ${(large.bytes / 1048576).toFixed(1)} MB note, ${LARGE_NOTE_ANNOTATIONS} annotations, a paragraph inserted above them: ${large.placed} placed, ` +
    `${large.shiftedMsPerAnnotation} ms each; the text replaced by an unrelated one: ${large.orphanedMsPerAnnotation} ms each to orphan`);
  for (const [name, goal] of Object.entries(goals)) console.log(`${goal.met ? 'met    ' : 'NOT MET'} ${name} ${goal.goal}: ${goal.measured} %`);
  if (process.argv.includes('--failures')) for (const line of failures) console.log(line);

  const results = {
    date: new Date().toISOString(),
    notes: files.length,
    scriptsPerKind: SCRIPTS_PER_KIND,
    annotationsPerScript: ANNOTATIONS_PER_SCRIPT,
    goals,
    reopened: { all: { ...reopened, ...rates(reopened) }, ...Object.fromEntries(KINDS.map((kind) => [kind, { ...tally[kind].reopened, ...rates(tally[kind].reopened) }])) },
    whileOpen: { ...whileOpen, ...rates(whileOpen) },
    timePerNote: timing,
    largeNote: large,
  };
  writeFileSync(path.join(ROOT, 'bench', 'anchoring-results.json'), `${JSON.stringify(results, null, 2)}\n`);
}

if (require.main === module) main();
