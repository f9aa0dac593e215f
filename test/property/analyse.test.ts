/**
 * `analyse` and `outlineOf` on any string: no exception, every span inside the document and in order,
 * children inside their parents, no boundary between the two halves of a surrogate pair, and outline
 * names and details that are well-formed UTF-16 whenever the text is.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyse } from '../../server/src/core/analyse';
import type { Note, Point, Span } from '../../server/src/core/model';
import { outlineOf, type OutlineItem } from '../../server/src/core/outline';
import { anyText, noteLikeText } from './arbitraries';

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

function isSpan(value: unknown): value is Span {
  return typeof value === 'object' && value !== null && typeof (value as Span).start === 'number' && typeof (value as Span).end === 'number';
}

/** Every span anywhere in the model, with the path that leads to it (for the failure message). */
function allSpans(value: unknown, path = 'note', found: Array<{ path: string; span: Span }> = []): Array<{ path: string; span: Span }> {
  if (Array.isArray(value)) value.forEach((item, k) => allSpans(item, `${path}[${k}]`, found));
  else if (typeof value === 'object' && value !== null) {
    if (isSpan(value)) found.push({ path, span: value });
    for (const [key, child] of Object.entries(value)) if (key !== 'text') allSpans(child, `${path}.${key}`, found);
  }
  return found;
}

/** A boundary at `offset` cuts a pair when a high surrogate precedes it and a low one follows. */
function splitsPair(text: string, offset: number): boolean {
  return offset > 0 && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

function isWellFormed(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isHigh(code) && isLow(text.charCodeAt(i + 1))) i++;
    else if (isHigh(code) || isLow(code)) return false;
  }
  return true;
}

function assertInside(inner: Span, outer: Span, what: string): void {
  assert.ok(inner.start >= outer.start && inner.end <= outer.end, `${what} ${JSON.stringify(inner)} outside ${JSON.stringify(outer)}`);
}

function checkSpans(note: Note): void {
  const { text } = note;
  for (const { path, span } of allSpans(note)) {
    assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${path}: ${JSON.stringify(span)}`);
    assert.ok(span.start >= 0 && span.start <= span.end && span.end <= text.length, `${path}: ${JSON.stringify(span)} in ${text.length}`);
    assert.ok(!splitsPair(text, span.start) && !splitsPair(text, span.end), `${path} splits a surrogate pair: ${JSON.stringify(span)}`);
  }
  note.lineStarts.forEach((start, k) => {
    assert.ok(start >= 0 && start <= text.length && (k === 0 ? start === 0 : start > note.lineStarts[k - 1]), `line start ${k}`);
  });
}

function checkPoint(point: Point, parent: Span): void {
  assertInside(point.span, parent, 'point');
  assertInside(point.marker, point.span, 'marker');
  for (const child of point.children) checkPoint(child, point.span);
}

function checkNesting(note: Note): void {
  for (const version of note.versions) {
    for (const block of version.blocks) assertInside(block.span, version.span, `${block.kind} in version`);
  }
  for (const paragraph of note.paragraphs) {
    for (const part of paragraph.parts) assertInside(part, paragraph.span, 'part');
    if (paragraph.number) assertInside(paragraph.number.span, paragraph.span, 'paragraph number');
    for (const point of paragraph.points) checkPoint(point, paragraph.span);
  }
}

/** Outline items lie inside their parent (a block's item reaches down to the `%%` annotations under it). */
function checkOutline(items: readonly OutlineItem[], parent: Span, wellFormed: boolean): void {
  for (const item of items) {
    assertInside(item.span, parent, `outline ${item.kind}`);
    assertInside(item.selection, item.span, `selection of ${item.kind}`);
    if (wellFormed) assert.ok(isWellFormed(item.name) && isWellFormed(item.detail), `lone surrogate in ${JSON.stringify(item.name)}`);
    checkOutline(item.children, item.span, wellFormed);
  }
}

function checkText(text: string): void {
  const note = analyse(text);
  assert.equal(note.text, text);
  checkSpans(note);
  checkNesting(note);
  const whole = { start: 0, end: text.length };
  checkOutline(outlineOf(note), whole, isWellFormed(text));
}

describe('analyse on any string (fast-check)', () => {
  it('holds for raw UTF-16: lone surrogates, astral characters, CR/LF/CRLF, form feeds, BOM', () => {
    fc.assert(fc.property(anyText, checkText), { numRuns: 3000, seed: 7001 });
  });

  it('holds for text built from note fragments: formulas, references, markers, page numbers, blank lines', () => {
    fc.assert(fc.property(noteLikeText, checkText), { numRuns: 3000, seed: 7002 });
  });

  it('holds for note fragments with an astral character or a lone surrogate inserted anywhere', () => {
    const insertion = fc.tuple(noteLikeText, fc.nat(), fc.constantFrom('😀', '𠀀', '\uD83D', '\uDE00', '\uFEFF', '\r', '\f'));
    fc.assert(fc.property(insertion, ([text, at, inserted]) => {
      const offset = at % (text.length + 1);
      checkText(text.slice(0, offset) + inserted + text.slice(offset));
    }), { numRuns: 1500, seed: 7003 });
  });

  it('holds for the edge cases themselves', () => {
    for (const text of ['', '\uFEFF', '\r', '\n', '\r\n', '\f', '\uD83D', '\uDE00', '😀', '\uFEFF---\n', '(', '（', 'First, ', '1.', '%%']) checkText(text);
  });
});
