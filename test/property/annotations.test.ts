/**
 * Annotations on any text: the sidecar reader never throws and round-trips what it writes (unknown
 * properties included); code points and UTF-16 offsets agree with the string iterator; an annotation
 * whose quote and context survive random edits is placed exactly where they went; placement never
 * throws, stays inside the text and never cuts a surrogate pair; orphans are kept; spans followed
 * through edits keep their text when no edit touches them.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { anchorSelectors } from '../../server/src/core/annotations/anchor';
import { CodePointIndex } from '../../server/src/core/annotations/codePoints';
import type { AnnotationCollection, JsonObject, JsonValue, WebAnnotation } from '../../server/src/core/annotations/model';
import { placeAnnotations } from '../../server/src/core/annotations/place';
import { selectorsOf } from '../../server/src/core/annotations/selectors';
import { parseSidecar, serialiseSidecar } from '../../server/src/core/annotations/sidecar';
import { spanAfterChange } from '../../server/src/core/annotations/track';
import type { TextChange } from '../../server/src/core/incremental';
import type { Span } from '../../server/src/core/model';
import { anyText, noteLikeText } from './arbitraries';

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;
const splitsPair = (text: string, at: number) => at > 0 && isHigh(text.charCodeAt(at - 1)) && isLow(text.charCodeAt(at));

// ---------------------------------------------------------------------------------------------
// Generated sidecars

const name = fc.string({ minLength: 1, maxLength: 12 }).filter((key) => !KNOWN_KEYS.has(key));
const KNOWN_KEYS = new Set(['@context', 'id', 'type', 'label', 'total', 'items', 'motivation', 'created', 'modified', 'creator', 'status',
  'target', 'body', 'source', 'selector', 'exact', 'prefix', 'suffix', 'start', 'end', 'name', 'purpose', 'format', 'language', 'value']);
const jsonValue: fc.Arbitrary<JsonValue> = fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.parse(JSON.stringify(value)) as JsonValue);
const extra = fc.option(fc.dictionary(name, jsonValue, { minKeys: 1, maxKeys: 3 }).map((d) => JSON.parse(JSON.stringify(d)) as JsonObject), { nil: undefined });
const text = fc.string({ unit: 'grapheme', maxLength: 40 });

const annotation: fc.Arbitrary<WebAnnotation> = fc.record({
  id: fc.uuid().map((uuid) => `urn:uuid:${uuid}`),
  motivation: fc.constantFrom('commenting', 'tagging', 'questioning', 'highlighting', 'linking'),
  created: fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }).map((d) => d.toISOString()),
  creator: fc.option(fc.oneof(fc.webUrl(), fc.record({ type: fc.constant('Person'), name: text })), { nil: undefined }),
  status: fc.option(fc.constantFrom('open' as const, 'resolved' as const), { nil: undefined }),
  exact: text.filter((t) => t.length > 0),
  prefix: text,
  start: fc.nat(10_000),
  length: fc.nat(100),
  comment: fc.option(text, { nil: undefined }),
  tags: fc.array(text.filter((t) => t.trim() !== ''), { maxLength: 3 }),
  extra,
}).map((r) => ({
  id: r.id,
  motivation: r.motivation,
  created: r.created,
  modified: r.created,
  ...(r.creator !== undefined ? { creator: r.creator } : {}),
  ...(r.status ? { status: r.status } : {}),
  target: [{
    kind: 'span' as const, source: 'note.note',
    selector: [
      { type: 'TextQuoteSelector' as const, exact: r.exact, prefix: r.prefix, suffix: '' },
      { type: 'TextPositionSelector' as const, start: r.start, end: r.start + r.length },
    ],
  }],
  body: [
    ...(r.comment !== undefined ? [{ type: 'TextualBody' as const, purpose: 'commenting', format: 'text/markdown', value: r.comment }] : []),
    ...r.tags.map((value) => ({ type: 'TextualBody' as const, purpose: 'tagging', value })),
  ],
  ...(r.extra ? { extra: r.extra as JsonObject } : {}),
}));

const collection: fc.Arbitrary<AnnotationCollection> = fc.record({
  items: fc.uniqueArray(annotation, { selector: (a) => a.id, maxLength: 5 }),
  extra,
}).map(({ items, extra: more }) => ({ context: 'http://www.w3.org/ns/anno.jsonld', items, ...(more ? { extra: more as JsonObject } : {}) }));

// ---------------------------------------------------------------------------------------------
// Edits away from a span and its context

const edits = fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat(30), insert: fc.string({ maxLength: 20 }) }), { maxLength: 8 });

/** Applies each edit where it does not touch `keep`, returning the text and where `keep` went. */
function editAround(text: string, keep: Span, script: readonly { at: number; remove: number; insert: string }[]): { text: string; kept: Span } {
  let current = text;
  let kept = keep;
  for (const edit of script) {
    const start = Math.floor(edit.at * current.length);
    const end = Math.min(current.length, start + edit.remove);
    if (end >= kept.start && start <= kept.end) continue;
    if (splitsPair(current, start) || splitsPair(current, end)) continue;
    current = current.slice(0, start) + edit.insert + current.slice(end);
    if (end < kept.start) {
      const delta = edit.insert.length - (end - start);
      kept = { start: kept.start + delta, end: kept.end + delta };
    }
  }
  return { text: current, kept };
}

/** A span of `text` on whole characters, from two fractions. */
function spanIn(text: string, a: number, b: number): Span | undefined {
  let start = Math.floor(Math.min(a, b) * text.length);
  let end = Math.floor(Math.max(a, b) * text.length);
  if (splitsPair(text, start)) start--;
  if (splitsPair(text, end)) end++;
  return end > start ? { start, end } : undefined;
}

describe('annotations, any input', () => {
  it('reads any text as a sidecar without throwing, each problem on a line of the file', () => {
    fc.assert(fc.property(fc.oneof(anyText, jsonValue.map((v) => JSON.stringify(v))), (input) => {
      const reading = parseSidecar(input, 'x');
      const lines = input.split(/\r\n|\r|\n/).length;
      for (const problem of reading.problems) assert.ok(problem.line >= 0 && problem.line < lines);
      assert.equal(typeof reading.writable, 'boolean');
    }), { numRuns: 2000, seed: 1201 });
  });

  it('writes what it reads back the same, unknown properties included, and a second time byte for byte', () => {
    fc.assert(fc.property(collection, (made) => {
      const written = serialiseSidecar(made);
      const reading = parseSidecar(written, 'x');
      assert.deepEqual(reading.problems.filter((p) => p.severity === 'error'), []);
      assert.ok(reading.writable);
      assert.deepEqual(reading.collection, JSON.parse(JSON.stringify(made)), 'plain objects: fast-check makes them without prototype');
      assert.equal(serialiseSidecar(reading.collection), written);
    }), { numRuns: 500, seed: 1202 });
  });

  it('converts between code points and UTF-16 as the string iterator counts them', () => {
    fc.assert(fc.property(anyText, (input) => {
      const index = new CodePointIndex(input);
      assert.equal(index.length, [...input].length);
      for (let offset = 0; offset <= input.length; offset++) {
        if (splitsPair(input, offset)) continue;
        const codePoint = index.toCodePoint(offset);
        assert.equal(codePoint, [...input.slice(0, offset)].length);
        assert.equal(index.toUtf16(codePoint), offset);
      }
    }), { numRuns: 1000, seed: 1203 });
  });

  it('places an annotation exactly where its quote went when random edits left it and its context alone', () => {
    fc.assert(fc.property(noteLikeText, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), edits, (note, a, b, script) => {
      const span = spanIn(note, a, b);
      fc.pre(span !== undefined);
      const [quote, position] = selectorsOf(note, span, new CodePointIndex(note));
      const whole = (quote.prefix ?? '') + quote.exact + (quote.suffix ?? '');
      fc.pre(whole.length >= 16 && note.indexOf(whole) === note.lastIndexOf(whole));
      const context = { start: span.start - (quote.prefix ?? '').length, end: span.end + (quote.suffix ?? '').length };
      const { text: edited, kept } = editAround(note, context, script);
      fc.pre(edited.indexOf(whole) === edited.lastIndexOf(whole));
      const placement = anchorSelectors(edited, new CodePointIndex(edited), quote, position);
      const expected = { start: kept.start + (quote.prefix ?? '').length, end: kept.end - (quote.suffix ?? '').length };
      assert.deepEqual(placement.status === 'anchored' && placement.span, expected);
    }), { numRuns: 1500, seed: 1204 });
  });

  it('never throws on any text and selectors, places only inside the text and never between the halves of a pair', () => {
    fc.assert(fc.property(anyText, anyText, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (before, after, a, b) => {
      const span = spanIn(before, a, b);
      fc.pre(span !== undefined);
      const [quote, position] = selectorsOf(before, span, new CodePointIndex(before));
      for (const text of [after, before + after, after + before]) {
        const placement = anchorSelectors(text, new CodePointIndex(text), quote, position);
        if (placement.status !== 'anchored') continue;
        const { start, end } = placement.span;
        assert.ok(start >= 0 && start <= end && end <= text.length);
        assert.ok(!splitsPair(text, start) && !splitsPair(text, end));
      }
    }), { numRuns: 1500, seed: 1205 });
  });

  it('keeps every annotation of the note in the placements, placed or orphaned', () => {
    fc.assert(fc.property(collection, anyText, (made, text) => {
      const placed = placeAnnotations(text, made.items, 'note.note');
      assert.equal(placed.length, made.items.length);
      assert.deepEqual(placed.map((p) => p.annotation), made.items);
    }), { numRuns: 300, seed: 1206 });
  });

  it('keeps a followed span on its text when no edit touches its inside', () => {
    const change = fc.record({ a: fc.double({ min: 0, max: 1, noNaN: true }), b: fc.double({ min: 0, max: 1, noNaN: true }), insert: fc.string({ maxLength: 10 }) });
    fc.assert(fc.property(noteLikeText, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.array(change, { maxLength: 10 }), (note, a, b, script) => {
      const span = spanIn(note, a, b);
      fc.pre(span !== undefined);
      const quote = note.slice(span.start, span.end);
      let text = note;
      let followed: Span | undefined = span;
      let touched = false;
      for (const { a: x, b: y, insert } of script) {
        const edit: TextChange = { start: Math.floor(Math.min(x, y) * text.length), end: Math.floor(Math.max(x, y) * text.length), text: insert };
        if (followed && edit.start < followed.end && edit.end > followed.start) touched = true;
        if (followed && edit.start > followed.start && edit.start < followed.end) touched = true;
        text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
        followed = followed && spanAfterChange(followed, edit);
        if (followed) assert.ok(followed.start >= 0 && followed.start < followed.end && followed.end <= text.length);
      }
      if (!touched && followed) assert.equal(text.slice(followed.start, followed.end), quote);
    }), { numRuns: 1500, seed: 1207 });
  });
});
