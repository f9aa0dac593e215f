/**
 * A workspace of many notes for `npm run bench:workspace`, made from the notes of `test/corpus/` and
 * `samples/` (read at bench time), each also written as Markdown for the peer.
 *
 * Every note is a varied copy of one of them (bench/corpus.ts `Variation`: names rotated, digits
 * permuted, years shifted), and its references are rewritten so that the notes form threads. Thread
 * `t` has a communication (a copy of a note whose own reference is a communication, `UA KST 3/2026`,
 * given the thread's own `JAL BRA 12/2027`), a reply citing it (a copy of a reply, its citations
 * rewritten), a follow-up whose `in-reply-to:` names the reply, and an unrelated note. The copies of
 * one thread share their variation, so their dates and years agree; each note gets an own reference no
 * other has (the template's, varied, with its serial replaced). The two files of a `NAME.en.note` /
 * `NAME.zh.note` template stay a pair.
 *
 * Markdown: the same text, with the own reference and each title or subject made a `#` heading and each
 * numbered heading a `##` one, so that the peer's workspace symbols have what Ctrl+T lists for a note.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyse } from '../server/src/core/analyse';
import { partnerFileName } from '../server/src/core/noteAlignment';
import type { Note } from '../server/src/core/model';
import { communicationKey, wholeCommunication } from '../server/src/service/references';
import { Variation } from './corpus';
import countries from '../server/src/core/explain/countries.json';

/** Private-use characters around a slot: no variation touches them, and no note has them. */
const OPEN = '\uE000';
const CLOSE = '\uE001';
const OWN_SLOT = `${OPEN}O${CLOSE}`;
const REPLY_TO_SLOT = `${OPEN}R${CLOSE}`;
/** The slot of the `k`-th distinct communication a template cites: A, B, C, … */
const citationSlot = (k: number) => `${OPEN}${String.fromCharCode(65 + k)}${CLOSE}`;
const SLOT = new RegExp(`${OPEN}([A-Z])${CLOSE}`, 'g');
/**
 * Where a Markdown heading starts: marked at the end of the line before (a mark at the start of a line
 * would change how the variation reads a paragraph number there), or at the very start of the text.
 */
const HEADING_MARKS: Readonly<Record<string, string>> = { h: '# ', i: '## ' };
const HEADING_MARK = new RegExp(`${OPEN}([hi])${CLOSE}(\\r?\\n)?`, 'g');

interface TemplateFile {
  /** The file name, without its `.en.note` / `.zh.note` / `.note` ending. */
  readonly stem: string;
  /** `.en.note`, `.zh.note` or `.note`. */
  readonly ending: string;
  /** The text with its slots and heading marks, written plainly. */
  readonly plain: string;
  /** The same with an `in-reply-to:` slot in its front matter. */
  readonly replying: string;
}

interface Template {
  readonly files: readonly TemplateFile[];
  /** The template's own reference as written, when it is not a communication. */
  readonly ownReference?: string;
  /** Its own reference is a communication: it is the communication of a thread. */
  readonly isCommunication: boolean;
  /** The types of the distinct communications it cites, in slot order. */
  readonly citedTypes: readonly string[];
  readonly hasReplyTo: boolean;
}

export interface GeneratedNote {
  readonly file: string;
  readonly markdownFile: string;
  readonly role: Role;
  readonly thread: number;
  /** Its own reference as written, when it has one. */
  readonly ownReference?: string;
  /** The communications it cites, as written (slot order). */
  readonly cites: readonly string[];
}

export interface GeneratedWorkspace {
  readonly root: string;
  readonly markdownRoot: string;
  readonly notes: readonly GeneratedNote[];
  readonly bytes: number;
  readonly templates: number;
}

type Role = 'communication' | 'reply' | 'follow-up' | 'other';
const ROLES: readonly Role[] = ['communication', 'reply', 'follow-up', 'other'];
const NOTES_PER_FOLDER = 200;
const COUNTRY_CODES = Object.keys(countries.countries);

/** Reads the templates: every `.note` of these folders, a `NAME.en.note` / `NAME.zh.note` pair as one. */
export function readTemplates(folders: readonly string[]): Template[] {
  const templates: Template[] = [];
  for (const folder of folders) {
    const files = readdirSync(folder).filter((file) => file.endsWith('.note')).sort();
    const taken = new Set<string>();
    for (const file of files) {
      if (taken.has(file)) continue;
      const partner = partnerFileName(file);
      const group = partner && files.includes(partner) ? [file, partner] : [file];
      group.forEach((name) => taken.add(name));
      templates.push(templateOf(group.map((name) => ({ name, text: readFileSync(path.join(folder, name), 'utf8') }))));
    }
  }
  return templates;
}

function templateOf(files: readonly { name: string; text: string }[]): Template {
  const notes = files.map((file) => analyse(file.text));
  const own = notes.map((note) => note.ownReference?.valueText).find((text) => text !== undefined);
  const isCommunication = own !== undefined && wholeCommunication(own) !== undefined;
  const cited: string[] = [];
  const citedTypes: string[] = [];
  for (const note of notes) {
    for (const citation of citationsOutsideOwn(note)) {
      const key = communicationKey(citation);
      if (cited.includes(key)) continue;
      cited.push(key);
      citedTypes.push(citation.type);
    }
  }
  return {
    files: files.map((file, k) => slottedFile(file.name, file.text, notes[k], cited)),
    ...(own !== undefined && !isCommunication ? { ownReference: own } : {}),
    isCommunication,
    citedTypes,
    hasReplyTo: notes.some((note) => replyToEntry(note) !== undefined),
  };
}

function citationsOutsideOwn(note: Note) {
  const own = note.ownReference?.value;
  return note.citations.filter((citation) => !own || citation.span.end <= own.start || own.end <= citation.span.start);
}

function replyToEntry(note: Note) {
  return note.frontMatter?.entries.find((entry) => entry.key === 'in-reply-to');
}

interface Edit {
  readonly at: number;
  readonly end: number;
  readonly text: string;
}

function slottedFile(name: string, text: string, note: Note, cited: readonly string[]): TemplateFile {
  const ending = /\.(en|zh)\.note$/.exec(name)?.[0] ?? '.note';
  const slots = slotEdits(note, cited);
  const headings = headingEdits(note);
  const replying = replyToSlotEdits(note);
  return {
    stem: name.slice(0, -ending.length),
    ending,
    plain: applyEdits(text, [...slots, ...headings]),
    replying: applyEdits(text, [...slots, ...headings, ...replying]),
  };
}

/** The own reference, each citation and an `in-reply-to:` value made slots. */
function slotEdits(note: Note, cited: readonly string[]): Edit[] {
  const edits: Edit[] = [];
  const own = note.ownReference;
  if (own) edits.push({ at: own.value.start, end: own.value.end, text: OWN_SLOT });
  for (const citation of citationsOutsideOwn(note)) {
    edits.push({ at: citation.span.start, end: citation.span.end, text: citationSlot(cited.indexOf(communicationKey(citation))) });
  }
  const replyTo = replyToEntry(note);
  if (replyTo) edits.push({ at: replyTo.valueSpan.start, end: replyTo.valueSpan.end, text: REPLY_TO_SLOT });
  return edits;
}

/** Where a note that has no `in-reply-to:` gets one: in its front matter, or in a front matter of its own. */
function replyToSlotEdits(note: Note): Edit[] {
  if (replyToEntry(note)) return [];
  const frontMatter = note.frontMatter;
  if (!frontMatter) return [{ at: 0, end: 0, text: `---\nin-reply-to: ${REPLY_TO_SLOT}\n---\n` }];
  const afterFence = note.text.indexOf('\n', frontMatter.span.start) + 1;
  return [{ at: afterFence, end: afterFence, text: `in-reply-to: ${REPLY_TO_SLOT}\n` }];
}

/** Markdown headings where the note's outline has its reference, titles, subjects and numbered headings. */
function headingEdits(note: Note): Edit[] {
  const edits: Edit[] = [];
  const mark = (at: number, kind: 'h' | 'i') => {
    const lineBreak = note.text.lastIndexOf('\n', at - 1);
    if (at === 0) edits.push({ at: 0, end: 0, text: `${OPEN}${kind}${CLOSE}` });
    else if (note.text.slice(lineBreak + 1, at).trim() === '') {
      const end = note.text[lineBreak - 1] === '\r' ? lineBreak - 1 : lineBreak;
      edits.push({ at: end, end, text: `${OPEN}${kind}${CLOSE}` });
    }
  };
  if (note.ownReference && !note.ownReference.fromFrontMatter) mark(note.ownReference.span.start, 'h');
  for (const block of [...note.blocks, ...note.versions.flatMap((version) => version.blocks)]) {
    if (block.kind === 'title' || block.kind === 'subject') mark(block.span.start, 'h');
    if (block.kind === 'heading') mark(block.span.start, 'i');
  }
  return edits;
}

function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.at - b.at || a.end - b.end);
  let out = '';
  let from = 0;
  for (const edit of sorted) {
    if (edit.at < from) continue;
    out += text.slice(from, edit.at) + edit.text;
    from = edit.end;
  }
  return out + text.slice(from);
}

/** Round-robin over the templates fit for a role. */
class Pool {
  private next = 0;

  constructor(private readonly templates: readonly Template[]) {
    if (templates.length === 0) throw new Error('bench:workspace: no template for a role');
  }

  take(): Template {
    return this.templates[this.next++ % this.templates.length];
  }
}

interface Thread {
  readonly index: number;
  readonly variation: Variation;
  readonly communication: string;
  /** The reply's template: the communication is of the type it cites. */
  readonly replyTemplate: Template;
  /** The reply's own reference, when its template has one. */
  replyReference?: string;
}

/** Writes `count` notes (and as many Markdown files) under `root` and `markdownRoot`. */
export function generateWorkspace(templates: readonly Template[], count: number, root: string, markdownRoot: string): GeneratedWorkspace {
  const pools: Record<Role, Pool> = {
    communication: new Pool(templates.filter((t) => t.isCommunication)),
    reply: new Pool(templates.filter((t) => !t.isCommunication && t.citedTypes.length > 0)),
    'follow-up': new Pool(templates.filter((t) => !t.isCommunication && t.citedTypes.length === 0 && t.ownReference !== undefined)),
    other: new Pool(templates.filter((t) => !t.isCommunication && t.citedTypes.length === 0)),
  };
  const serials = new Map<string, number>();
  const threads: Thread[] = [];
  const notes: GeneratedNote[] = [];
  let bytes = 0;
  for (let unit = 0; notes.length < count; unit++) {
    const role = ROLES[unit % ROLES.length];
    if (role === 'communication') threads.push(newThread(threads.length, pools.reply.take(), serials));
    const thread = threads[threads.length - 1];
    const template = role === 'reply' ? thread.replyTemplate : pools[role].take();
    const fill = slotValues(role, template, thread, threads, unit);
    if (role === 'reply' && fill.own !== undefined) thread.replyReference = fill.own;
    const folder = `batch-${String(Math.floor(notes.length / NOTES_PER_FOLDER)).padStart(3, '0')}`;
    mkdirSync(path.join(root, folder), { recursive: true });
    mkdirSync(path.join(markdownRoot, folder), { recursive: true });
    for (const file of template.files) {
      if (notes.length >= count) break;
      const name = `${String(unit).padStart(5, '0')}-${file.stem}`;
      const form = role === 'follow-up' ? 'replying' : 'plain';
      const varied = filled(file[form], thread.variation, fill);
      const text = varied.replace(HEADING_MARK, '$2');
      const markdown = varied.replace(HEADING_MARK, (_, kind: string, lineBreak = '') => `${lineBreak}${HEADING_MARKS[kind]}`);
      const notePath = path.join(root, folder, `${name}${file.ending}`);
      const markdownPath = path.join(markdownRoot, folder, `${name}${file.ending.replace(/note$/, 'md')}`);
      writeFileSync(notePath, text);
      writeFileSync(markdownPath, markdown);
      bytes += Buffer.byteLength(text, 'utf8');
      notes.push({
        file: notePath, markdownFile: markdownPath, role, thread: thread.index, cites: fill.citations,
        ...(fill.own === undefined ? {} : { ownReference: fill.own }),
      });
    }
  }
  return { root, markdownRoot, notes, bytes, templates: templates.length };
}

/** Thread `index`: its variation, and its communication, of the type its reply cites. */
function newThread(index: number, replyTemplate: Template, serials: Map<string, number>): Thread {
  const variation = new Variation(index);
  const type = replyTemplate.citedTypes[0];
  // Years vary like the notes' own: 2026 shifted by the thread's variation.
  const year = variation.applyPair('2026', '').en;
  const country = COUNTRY_CODES[index % COUNTRY_CODES.length];
  const series = `${type} ${country} ${year}`;
  const serial = (serials.get(series) ?? 0) + 1;
  serials.set(series, serial);
  return { index, variation, replyTemplate, communication: `${type} ${country} ${serial}/${year}` };
}

interface SlotValues {
  readonly own?: string;
  /** Slot A, B, …: the thread's communication, then those of the threads before. */
  readonly citations: readonly string[];
  readonly replyTo: string;
}

function slotValues(role: Role, template: Template, thread: Thread, threads: readonly Thread[], unit: number): SlotValues {
  const citations = template.citedTypes.map((_, k) => threads[Math.max(0, thread.index - k)].communication);
  const own = role === 'communication' ? thread.communication : template.ownReference && uniqueReference(template.ownReference, thread.variation, unit);
  // A follow-up answers the thread's reply (or its communication when the reply carries no reference);
  // a template that replies to something already answers the communication of the thread before.
  const replyTo = role === 'follow-up'
    ? thread.replyReference ?? thread.communication
    : threads[Math.max(0, thread.index - 1)].communication;
  return { ...(own === undefined ? {} : { own }), citations, replyTo };
}

/**
 * The template's reference varied like its note, with its serial (the first run of digits that is not a
 * year) made the unit's number, so that no two notes carry the same.
 */
function uniqueReference(reference: string, variation: Variation, unit: number): string {
  const varied = variation.applyPair(reference, '').en;
  const runs = [...varied.matchAll(/[0-9０-９]+/g)];
  const serial = runs.find((run) => !/^(?:19|20|１９|２０)[0-9０-９]{2}$/.test(run[0])) ?? runs[runs.length - 1];
  if (!serial || serial.index === undefined) return `${varied}-${unit}`;
  const fullWidth = /[０-９]/.test(serial[0]);
  const number = fullWidth ? [...String(unit)].map((d) => String.fromCharCode(0xff10 + Number(d))).join('') : String(unit);
  return varied.slice(0, serial.index) + number + varied.slice(serial.index + serial[0].length);
}

function filled(text: string, variation: Variation, values: SlotValues): string {
  return variation.applyPair(text, '').en.replace(SLOT, (_, slot: string) => {
    if (slot === 'O') return values.own ?? '';
    if (slot === 'R') return values.replyTo;
    return values.citations[slot.charCodeAt(0) - 65] ?? '';
  });
}
