/**
 * The outline of a note: a tree of named items that both the editor (document symbols, folding,
 * smart select) and the CLI show. Names are what a reader scans: `Reference CHN/HR/2025/34`,
 * `Opening — presents its compliments`, `¶4 The public security organs of China…`, `Second`, `二是`.
 */
import { moveSpan, type LocalEdit } from './incremental';
import type { Block, CitedCommunication, Heading, Language, LanguageVersion, Note, Paragraph, Point, Span } from './model';
import { formulaById } from './recognise/formulas';
import { isHan } from './text/script';
import { countBelow } from './text/spans';

export type OutlineKind =
  | 'frontMatter' | 'letterhead' | 'ownReference' | 'translationMarker' | 'title' | 'subject' | 'salutation'
  | 'opening' | 'closing' | 'placeDate' | 'signature' | 'addressee' | 'annex' | 'heading' | 'version'
  | 'paragraph' | 'point' | 'annotation';

export interface OutlineItem {
  readonly kind: OutlineKind;
  readonly name: string;
  readonly detail: string;
  readonly span: Span;
  /** The part to reveal and highlight: a marker, a reference value, or the first line. */
  readonly selection: Span;
  readonly children: readonly OutlineItem[];
}

const PREVIEW_WIDTH = 48;

export function outlineOf(note: Note): OutlineItem[] {
  const items: OutlineItem[] = [];
  if (note.frontMatter) {
    const entries = note.frontMatter.entries.map((e) => `${e.key}: ${e.value}`).join(', ');
    items.push(leaf('frontMatter', 'Front matter', entries, note.frontMatter.span));
  }
  const versionsByStart = note.versions.map((version) => ({ version, item: versionItem(note, version) }));
  let nextVersion = 0;
  const topLevel: Array<OutlineItem | Block> = [];
  for (const block of note.blocks) {
    while (nextVersion < versionsByStart.length && versionsByStart[nextVersion].version.span.start < block.span.start) {
      topLevel.push(versionsByStart[nextVersion++].item);
    }
    topLevel.push(block);
  }
  while (nextVersion < versionsByStart.length) topLevel.push(versionsByStart[nextVersion++].item);
  return [...items, ...nestUnderAnnexes(itemsOf(note, topLevel))];
}

/**
 * The items of a run of blocks (and of items already made, the versions), with the body paragraphs
 * after a heading nested under it, and lower headings under higher ones.
 */
function itemsOf(note: Note, blocks: ReadonlyArray<Block | OutlineItem>): OutlineItem[] {
  const result: OutlineItem[] = [];
  const open: Array<{ level: number; item: OutlineItem; children: OutlineItem[] }> = [];
  const close = (level: number) => {
    while (open.length > 0 && open[open.length - 1].level >= level) {
      const { item, children } = open.pop() as { item: OutlineItem; children: OutlineItem[] };
      const end = Math.max(item.span.end, ...children.map((child) => child.span.end));
      const closed = { ...item, span: { start: item.span.start, end }, children };
      (open.length > 0 ? open[open.length - 1].children : result).push(closed);
    }
  };
  for (const entry of blocks) {
    if (!('kind' in entry && isBlock(entry))) {
      close(0);
      result.push(entry);
    } else if (entry.kind === 'heading') {
      close(entry.level);
      open.push({ level: entry.level, item: headingItem(note.text, entry), children: [] });
    } else if (entry.kind === 'paragraph' && entry.role === 'body' && open.length > 0) {
      open[open.length - 1].children.push(paragraphItem(note, entry));
    } else {
      close(0);
      result.push(blockItem(note, entry));
    }
  }
  close(0);
  return result;
}

function isBlock(entry: Block | OutlineItem): entry is Block {
  return !('children' in entry && 'selection' in entry);
}

function headingItem(text: string, heading: Heading): OutlineItem {
  return { ...leaf('heading', preview(text, heading.span), '', heading.span), selection: firstLine(text, heading.span) };
}

/**
 * The outline of a note made by a local edit (see incremental.ts) from the outline before it: the
 * edited paragraph's item is made again, the items around it are stretched, those after it moved.
 */
export function repairOutline(items: readonly OutlineItem[], note: Note, edit: LocalEdit): OutlineItem[] {
  return items.map((item) => repairItem(item, note, edit));
}

const PARAGRAPH_KINDS: ReadonlySet<OutlineKind> = new Set(['paragraph', 'opening', 'closing']);

function repairItem(item: OutlineItem, note: Note, edit: LocalEdit): OutlineItem {
  if (item.span.end < edit.lineStart) return item;
  // Items after the edited line move in place: the outline before the edit is given up (see incremental.ts).
  if (item.span.start >= edit.nextLineStart) return moveItem(item, edit.delta);
  if (PARAGRAPH_KINDS.has(item.kind) && item.span.start === edit.before.span.start) return paragraphItem(note, edit.after);
  // A version or an annex holding the edited paragraph: it reaches as far as its last item, and its
  // selection, when on the edited line, is read again.
  const children = item.children.map((child) => repairItem(child, note, edit));
  if (children.length === 0) return item;
  const end = Math.max(...children.map((child) => child.span.end));
  const selection = item.selection.end >= edit.lineStart ? firstLine(note.text, { start: item.selection.start, end }) : item.selection;
  return { ...item, span: { start: item.span.start, end }, selection, children };
}

function moveItem(item: OutlineItem, delta: number): OutlineItem {
  moveSpan(item.span, delta);
  moveSpan(item.selection, delta);
  for (const child of item.children) moveItem(child, delta);
  return item;
}

const ANNEX_CONTENT: ReadonlySet<OutlineKind> = new Set(['title', 'paragraph', 'annotation']);

/** The title and paragraphs after an `Annex` heading belong to the annex. */
function nestUnderAnnexes(items: readonly OutlineItem[]): OutlineItem[] {
  const result: OutlineItem[] = [];
  let annex: { item: OutlineItem; children: OutlineItem[] } | undefined;
  const close = () => {
    if (!annex) return;
    const last = annex.children[annex.children.length - 1];
    const end = last ? Math.max(annex.item.span.end, last.span.end) : annex.item.span.end;
    result.push({ ...annex.item, span: { start: annex.item.span.start, end }, children: annex.children });
    annex = undefined;
  };
  for (const item of items) {
    if (item.kind === 'annex') {
      close();
      annex = { item, children: [] };
    } else if (annex && ANNEX_CONTENT.has(item.kind)) annex.children.push(item);
    else {
      close();
      result.push(item);
    }
  }
  close();
  return result;
}

const VERSION_NAMES: Record<Language, string> = {
  en: 'English version',
  zh: '中文 Chinese version',
  other: 'Other language version',
};

function versionItem(note: Note, version: LanguageVersion): OutlineItem {
  const paragraphs = version.blocks.filter((b): b is Paragraph => b.kind === 'paragraph' && b.role === 'body').length;
  const children = nestUnderAnnexes(itemsOf(note, version.blocks));
  const end = Math.max(version.span.end, ...children.map((child) => child.span.end));
  return {
    kind: 'version',
    name: VERSION_NAMES[version.language],
    detail: `${paragraphs} paragraph${paragraphs === 1 ? '' : 's'}`,
    span: { start: version.span.start, end },
    selection: firstLine(note.text, version.span),
    children,
  };
}

function blockItem(note: Note, block: Block): OutlineItem {
  const { text } = note;
  switch (block.kind) {
    case 'paragraph':
      return paragraphItem(note, block);
    case 'letterhead':
      return leaf('letterhead', 'Letterhead', preview(text, block.lines[0] ?? block.span), block.span);
    case 'ownReference':
      return { ...leaf('ownReference', `Reference ${block.valueText}`, '', block.span), selection: copy(block.value) };
    case 'salutation':
      return leaf('salutation', `Salutation — ${preview(text, block.span)}`, '', block.span);
    case 'placeDate':
      return leaf('placeDate', `Place and date — ${preview(text, block.span)}`, '', block.span);
    case 'signature':
      return leaf('signature', 'Signature', preview(text, block.span), block.span);
    case 'addressee':
      return leaf('addressee', 'Addressee', preview(text, block.lines[0] ?? block.span), block.span);
    case 'annex':
      return leaf('annex', preview(text, block.lines[0] ?? block.span), '', block.span);
    case 'title':
      return leaf('title', `Title — ${preview(text, block.span)}`, '', block.span);
    case 'subject':
      return leaf('subject', `Subject — ${preview(text, block.span)}`, '', block.span);
    case 'translationMarker':
      return leaf('translationMarker', `Translation — ${preview(text, block.span)}`, '', block.span);
    case 'heading':
      return headingItem(text, block);
  }
}

function paragraphItem(note: Note, paragraph: Paragraph): OutlineItem {
  const { text } = note;
  const citations = citationsWithin(note.citations, paragraph.span).map((c) => c.text);
  const cited = [...new Set(citations)].join(', ');
  const annotations = paragraph.annotations.map((a) => leaf('annotation', `%% ${a.text}`, '', a.span));
  const split = paragraph.parts.length > 1 ? 'rejoined across a page break' : '';
  const detail = [cited, split].filter((part) => part !== '').join(' · ');
  // The annotations written under a paragraph are listed under it, so its item reaches down to them.
  const last = paragraph.annotations[paragraph.annotations.length - 1];
  const span = last ? { start: paragraph.span.start, end: Math.max(paragraph.span.end, last.span.end) } : copy(paragraph.span);
  const children = [...paragraph.points.map((point) => pointItem(text, point)), ...annotations].sort((a, b) => a.span.start - b.span.start);
  if (paragraph.role !== 'body') {
    const name = `${paragraph.role === 'opening' ? 'Opening' : 'Closing'} — ${formulaName(paragraph)}`;
    return { ...leaf(paragraph.role, name, detail, span), selection: firstLine(text, paragraph.span), children };
  }
  return {
    kind: 'paragraph',
    name: `¶${paragraph.index} ${preview(text, paragraph.span)}`,
    detail,
    span,
    selection: firstLine(text, paragraph.span),
    children,
  };
}

/** The citations inside a span, found by binary search: `citations` are in document order. */
function citationsWithin(citations: readonly CitedCommunication[], span: Span): CitedCommunication[] {
  const found: CitedCommunication[] = [];
  for (let i = countBelow(citations, span.start, (c) => c.span.start); i < citations.length && citations[i].span.end <= span.end; i++) found.push(citations[i]);
  return found;
}

function formulaName(paragraph: Paragraph): string {
  return (paragraph.formula && formulaById(paragraph.formula)?.name) ?? (paragraph.role === 'opening' ? 'opening formula' : 'closing formula');
}

function pointItem(text: string, point: Point): OutlineItem {
  return {
    kind: 'point',
    name: point.markerText,
    detail: preview(text, { start: point.marker.end, end: point.span.end }, 32),
    span: copy(point.span),
    selection: copy(point.marker),
    children: point.children.map((child) => pointItem(text, child)),
  };
}

function leaf(kind: OutlineKind, name: string, detail: string, span: Span): OutlineItem {
  return { kind, name, detail, span: copy(span), selection: copy(span), children: [] };
}

/** Items own their spans, shared with nothing, so that a local edit can move them in place. */
function copy(span: Span): Span {
  return { start: span.start, end: span.end };
}

function firstLine(text: string, span: Span): Span {
  let end = span.start;
  while (end < span.end && text.charCodeAt(end) !== 0x0a && text.charCodeAt(end) !== 0x0d) end++;
  return { start: span.start, end };
}

/**
 * The start of a text on one line, cut at a word boundary (a Chinese character counts double) and
 * never inside a surrogate pair.
 */
export function preview(text: string, span: Span, width = PREVIEW_WIDTH): string {
  let used = 0;
  let out = '';
  let lastSpace = -1;
  let i = span.start;
  for (; i < span.end && used < width; i++) {
    const code = text.charCodeAt(i);
    const isSpace = code <= 0x20 || code === 0xa0 || code === 0x3000;
    if (isSpace) {
      if (out.length > 0 && !out.endsWith(' ') && !joinsChineseLines(text, i, span.end, out)) {
        lastSpace = out.length;
        out += ' ';
        used++;
      }
      continue;
    }
    out += text[i];
    used += isHan(code) ? 2 : 1;
  }
  if (i >= span.end) return out.trimEnd();
  if (isHighSurrogate(out.charCodeAt(out.length - 1))) out = out.slice(0, -1);
  const cut = lastSpace > width / 2 ? out.slice(0, lastSpace) : out;
  return cut.trimEnd() + '…';
}

/** A line break between two Chinese characters is a PDF wrap, not a space. */
function joinsChineseLines(text: string, at: number, end: number, out: string): boolean {
  let next = at;
  while (next < end && text.charCodeAt(next) <= 0x20) next++;
  return isHan(out.charCodeAt(out.length - 1)) && next < end && isHan(text.charCodeAt(next));
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
