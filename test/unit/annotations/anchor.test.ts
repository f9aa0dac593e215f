/**
 * Placing annotations again after their note changed: by position, by quote and context, at the
 * place they were (edited there, or deleted: orphaned), never on a copy of the quote elsewhere.
 */
import * as assert from 'node:assert/strict';
import { anchorSelectors, type Placement } from '../../../server/src/core/annotations/anchor';
import { CodePointIndex } from '../../../server/src/core/annotations/codePoints';
import { quoteSelectorOf, spanTargetOf, type TextPositionSelector, type TextQuoteSelector } from '../../../server/src/core/annotations/model';
import { placeAnnotations } from '../../../server/src/core/annotations/place';
import { selectorsOf } from '../../../server/src/core/annotations/selectors';
import { parseSidecar } from '../../../server/src/core/annotations/sidecar';
import { documentedExample, readSample } from './helpers';

const NOTE = readSample('visa-request.en.note');

function selectorsFor(text: string, quote: string, occurrence = 0): [TextQuoteSelector, TextPositionSelector] {
  let start = text.indexOf(quote);
  for (let k = 0; k < occurrence; k++) start = text.indexOf(quote, start + 1);
  assert.ok(start >= 0, `"${quote}" is in the text`);
  return selectorsOf(text, { start, end: start + quote.length }, new CodePointIndex(text));
}

function place(text: string, [quote, position]: readonly [TextQuoteSelector?, TextPositionSelector?]): Placement {
  return anchorSelectors(text, new CodePointIndex(text), quote, position);
}

function placedText(text: string, placement: Placement): string | undefined {
  return placement.status === 'anchored' ? text.slice(placement.span.start, placement.span.end) : undefined;
}

describe('anchoring annotations', () => {
  it('places the documented example by position on the unchanged note', () => {
    const { collection } = parseSidecar(documentedExample(), 'visa-request.en.note.annotations.json');
    const placed = placeAnnotations(NOTE, collection.items, 'samples/visa-request.en.note');
    assert.equal(placed.length, 3, 'the reply has no span of its own');
    for (const { annotation, placement } of placed) {
      assert.equal(placement.status === 'anchored' && placement.method, 'position');
      assert.equal(placedText(NOTE, placement), quoteSelectorOf(spanTargetOf(annotation)!)!.exact);
    }
  });

  it('follows the quote when text was added above it', () => {
    const selectors = selectorsFor(NOTE, 'courtesy facilitation');
    const edited = `A new first paragraph, added later.\n\n${NOTE}`;
    const placement = place(edited, selectors);
    assert.equal(placement.status === 'anchored' && placement.span.start, NOTE.indexOf('courtesy facilitation') + 37);
    assert.equal(placedText(edited, placement), 'courtesy facilitation');
  });

  it('follows a paragraph moved elsewhere, even with the quote at its first words', () => {
    const paragraph = '1. The visa application forms';
    const selectors = selectorsFor(NOTE, paragraph);
    const start = NOTE.indexOf(paragraph);
    const end = NOTE.indexOf('2. The delegation');
    const moved = NOTE.slice(0, start) + NOTE.slice(end) + NOTE.slice(start, end);
    const placement = place(moved, selectors);
    assert.equal(placement.status === 'anchored' && placement.span.start, moved.indexOf(paragraph));
  });

  it('places an annotation over its quote edited where it was', () => {
    const selectors = selectorsFor(NOTE, 'multiple-entry official visas valid for 30 days');
    const edited = NOTE.replace('official visas valid for 30 days', 'official visa valid for 30 days');
    const placement = place(edited, selectors);
    assert.equal(placement.status === 'anchored' && placement.method, 'fuzzy');
    assert.equal(placedText(edited, placement), 'multiple-entry official visa valid for 30 days');
  });

  it('orphans an annotation whose quote was deleted, rather than taking the same words elsewhere', () => {
    // "the Embassy" occurs a dozen times in the note; the annotated one goes with its sentence.
    const sentence = 'The Department wishes to thank the Embassy in advance for its cooperation.';
    const selectors = selectorsFor(NOTE, 'the Embassy', NOTE.slice(0, NOTE.indexOf(sentence)).split('the Embassy').length - 1);
    assert.ok(NOTE.startsWith('the Embassy in advance', selectors[1].start));
    const edited = NOTE.replace(`${sentence}\n\n`, '');
    assert.deepEqual(place(edited, selectors), { status: 'orphaned', reason: 'not-found' });
  });

  it('orphans a number whose date was rewritten, rather than taking it inside another number', () => {
    const text = 'The delegation will arrive on 20 June.\n\nIt will leave on 29 June 2026.\n';
    const selectors = selectorsFor(text, '20');
    const edited = text.replace('arrive on 20 June', 'arrive later');
    assert.deepEqual(place(edited, selectors), { status: 'orphaned', reason: 'not-found' });
  });

  it('does not take a reference with other digits for the annotated one', () => {
    const text = 'Reply to communication AL CHN 7/2025 of 3 March.\n\nSee also communication AL CHN 5/2025 of 9 May.\n';
    const selectors = selectorsFor(text, 'communication AL CHN 7/2025');
    const edited = text.replace('Reply to communication AL CHN 7/2025 of 3 March.', 'Reply to the letter of 3 March.');
    const placement = place(edited, selectors);
    assert.notEqual(placedText(edited, placement), 'communication AL CHN 5/2025');
  });

  it('is not put off by line endings converted to CRLF, within a line or across one', () => {
    const withinLine = selectorsFor(NOTE, 'Auckland International Airport');
    const acrossLines = selectorsFor(NOTE, 'Beijing, 3 June 2025\n\nEnclosure');
    const converted = NOTE.replace(/\n/g, '\r\n');
    assert.equal(placedText(converted, place(converted, withinLine)), 'Auckland International Airport');
    assert.equal(placedText(converted, place(converted, acrossLines)), 'Beijing, 3 June 2025\r\n\r\nEnclosure');
  });

  it('counts positions in code points, so astral characters before the quote do not shift it', () => {
    const text = '𠀀𠀁𠀂 😀 第一段。\n\n代表团一行8人，均持公务护照。\n';
    const selectors = selectorsFor(text, '均持公务护照');
    assert.equal(selectors[1].start, [...text.slice(0, text.indexOf('均持'))].length);
    const placement = place(text, selectors);
    assert.equal(placement.status === 'anchored' && placement.method, 'position');
    assert.equal(placedText(text, placement), '均持公务护照');
  });

  it('takes a position alone as it is while it lies in the text, and orphans a target with no selector', () => {
    const position: TextPositionSelector = { type: 'TextPositionSelector', start: 4, end: 9 };
    assert.equal(placedText('abc 𠀀bcde', place('abc 𠀀bcde', [undefined, position])), '𠀀bcde');
    assert.deepEqual(place('abc', [undefined, position]), { status: 'orphaned', reason: 'out-of-range' });
    assert.deepEqual(place('abc', [undefined, undefined]), { status: 'orphaned', reason: 'no-selector' });
  });

  it('places a hand-written quote selector with no position and no context', () => {
    const quote: TextQuoteSelector = { type: 'TextQuoteSelector', exact: 'service passports' };
    const edited = NOTE.replace('eight members', 'nine members');
    assert.equal(placedText(edited, place(edited, [quote, undefined])), 'service passports');
  });

  it('places a long quote found once near its place although the words on both sides of it were reworded', () => {
    const quote = 'multiple-entry official visas';
    const selectors = selectorsFor(NOTE, quote);
    const edited = NOTE.replace(
      'would be grateful if the Embassy could issue multiple-entry official visas valid for 30 days to the members',
      'would be grateful if they might give multiple-entry official visas, each good for a month, to every member',
    );
    const placement = place(edited, selectors);
    assert.equal(placement.status === 'anchored' && placement.span.start, edited.indexOf(quote));
  });

  it('orphans a long quote deleted where its context still stands, rather than taking its one copy nearby', () => {
    const selectors = selectorsFor(NOTE, 'multiple-entry official visas');
    const edited = NOTE
      .replace('could issue multiple-entry official visas valid for 30 days to the members of the delegation', 'could issue the necessary documents to all of them')
      .replace('Second, on the basis', 'Second, if it could also give multiple-entry official visas valid for a month to the drivers, on the basis');
    assert.deepEqual(place(edited, selectors), { status: 'orphaned', reason: 'not-found' });
  });

  it('follows a paragraph moved far away, although a copy of its first words with other words around them stands near its place', () => {
    const quote = 'The Department has the honour';
    const selectors = selectorsFor(NOTE, quote);
    const start = NOTE.indexOf(quote);
    const end = NOTE.indexOf('1. The visa application');
    const rest = NOTE.slice(0, start) + NOTE.slice(end);
    assert.ok(rest.includes('on 5 June 2025.'));
    const moved = `${rest.replace('on 5 June 2025.', 'on 5 June 2025. As before, The Department has the honour of sending them.')}\n${NOTE.slice(start, end)}`;
    const placement = place(moved, selectors);
    assert.equal(placement.status === 'anchored' && placement.span.start, moved.lastIndexOf(quote));
  });
});
