/**
 * The Correspondence view: threads of notes, from a communication to the replies that cite it or
 * answer it (`in-reply-to:`), and on to the follow-ups that cite or answer those replies; grouped by the
 * country code and year of the thread's first communication.
 *
 * A thread starts at a reference no note of the workspace carries (an incoming communication, say
 * `AL CHN 4/2025`), or at a note that answers nothing in the workspace. A note that answers two
 * references shows in both threads. Notes that neither mention nor are mentioned form no thread.
 */
import type { LineRange } from '../noteSummary';
import { communicationParts } from '../references';
import { fileName } from '../uris';
import type { IndexedNote, WorkspaceIndex } from '../workspaceIndex';

export interface ThreadNode {
  /** The reference (a note's own, or the communication not in the workspace); the file name when it has none. */
  readonly label: string;
  /** Absent for a communication that no note of the workspace carries. */
  readonly note?: { readonly uri: string; readonly range: LineRange; readonly title?: string; readonly date?: string };
  readonly children: readonly ThreadNode[];
}

export interface ThreadYear {
  /** Undefined when the thread's first communication gives no year. */
  readonly year?: number;
  readonly threads: readonly ThreadNode[];
}

export interface ThreadCountry {
  /** ISO 3166 alpha-3 code of a special-procedures communication; undefined for other threads. */
  readonly country?: string;
  readonly years: readonly ThreadYear[];
}

/** A reply chain deeper than this is cut (no real correspondence comes near it). */
const MAX_DEPTH = 32;
/**
 * A note answering several notes shows under each, so a tangled workspace could make the tree grow
 * much faster than the notes; past this many nodes, replies are left out.
 */
const MAX_NODES = 100_000;

type Root = { readonly kind: 'reference'; readonly key: string; readonly text: string } | { readonly kind: 'note'; readonly note: IndexedNote };

export function correspondence(index: WorkspaceIndex): ThreadCountry[] {
  const builder = new ThreadBuilder(index);
  const byCountry = new Map<string | undefined, Map<number | undefined, ThreadNode[]>>();
  for (const root of builder.roots()) {
    const { country, year } = groupOf(root);
    let years = byCountry.get(country);
    if (!years) byCountry.set(country, (years = new Map()));
    let threads = years.get(year);
    if (!threads) years.set(year, (threads = []));
    threads.push(builder.tree(root));
  }
  return [...byCountry].sort(([a], [b]) => compareMissingLast(a, b)).map(([country, years]) => ({
    ...(country === undefined ? {} : { country }),
    years: [...years].sort(([a], [b]) => (a === undefined ? 1 : b === undefined ? -1 : b - a)).map(([year, threads]) => ({
      ...(year === undefined ? {} : { year }),
      threads: threads.sort((x, y) => x.label.localeCompare(y.label, 'en', { numeric: true })),
    })),
  }));
}

function compareMissingLast(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? -1 : 1;
}

function groupOf(root: Root): { country?: string; year?: number } {
  const key = root.kind === 'reference' ? root.key : root.note.ownReference?.key;
  const parts = key === undefined ? undefined : communicationParts(key);
  if (parts) return { country: parts.country, year: parts.year };
  return root.kind === 'note' && root.note.year !== undefined ? { year: root.note.year } : {};
}

class ThreadBuilder {
  /** Notes placed in a tree so far: `roots` reads it after the trees of the earlier roots were made. */
  private readonly shown = new Set<string>();
  private nodes = 0;

  constructor(private readonly index: WorkspaceIndex) {}

  /**
   * The notes that answer a reference: those mentioning it, but not the note carrying it; the two
   * files of a note in two languages show once (the first by URI).
   */
  private repliesTo(key: string, carrier?: string): IndexedNote[] {
    const replies = this.index.mentioning(key).filter((note) => note.uri !== carrier);
    const shown = new Set(replies.map((note) => note.uri));
    return replies.filter((note) => !(note.partner !== undefined && note.partner < note.uri && shown.has(note.partner)));
  }

  private answersSomething(note: IndexedNote): boolean {
    return note.mentions.some((mention) => mention.key !== note.ownReference?.key && this.index.carrying(mention.key).some((c) => c.uri !== note.uri));
  }

  /** References no note carries, then notes answering nothing in the workspace but answered, then what a cycle left out. */
  *roots(): Generator<Root> {
    const external = new Map<string, string>();
    const linked: IndexedNote[] = [];
    for (const note of this.index.all()) {
      const answered = note.ownReference !== undefined && this.repliesTo(note.ownReference.key, note.uri).length > 0;
      if (note.mentions.length > 0 || answered) linked.push(note);
      for (const mention of note.mentions) {
        if (!external.has(mention.key) && this.index.carrying(mention.key).length === 0) external.set(mention.key, mention.text);
      }
    }
    for (const [key, text] of external) yield { kind: 'reference', key, text: communicationParts(key) ? key : text };
    for (const note of linked) if (!this.shown.has(note.uri) && !this.answersSomething(note)) yield { kind: 'note', note };
    for (const note of linked) if (!this.shown.has(note.uri)) yield { kind: 'note', note };
  }

  tree(root: Root): ThreadNode {
    if (root.kind === 'reference') {
      return { label: root.text, children: this.repliesTo(root.key).map((note) => this.noteNode(note, new Set(), 1)) };
    }
    return this.noteNode(root.note, new Set(), 0);
  }

  private noteNode(note: IndexedNote, path: Set<string>, depth: number): ThreadNode {
    this.shown.add(note.uri);
    // Its other language file stands for the same note (see repliesTo).
    if (note.partner !== undefined) this.shown.add(note.partner);
    this.nodes++;
    const own = note.ownReference;
    const label = own?.text ?? fileName(note.uri);
    const range = own?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const data = { uri: note.uri, range, ...(note.title ? { title: note.title } : {}), ...(note.date ? { date: note.date } : {}) };
    const inPath = new Set(path).add(note.uri);
    const replies = own && depth < MAX_DEPTH && this.nodes < MAX_NODES ? this.repliesTo(own.key, note.uri).filter((reply) => !inPath.has(reply.uri)) : [];
    return { label, note: data, children: replies.map((reply) => this.noteNode(reply, inPath, depth + 1)) };
  }
}
