/**
 * A note's annotations placed on its text as it is now and written back with current selectors:
 * the documented sidecar against the sample note edited afterwards; orphans kept as they were.
 */
import * as assert from 'node:assert/strict';
import { CodePointIndex } from '../../../server/src/core/annotations/codePoints';
import { createAnnotation } from '../../../server/src/core/annotations/edit';
import { positionSelectorOf, quoteSelectorOf, spanTargetOf, type WebAnnotation } from '../../../server/src/core/annotations/model';
import { placeAnnotations, placedSpans, sameSource, withCurrentSelectors } from '../../../server/src/core/annotations/place';
import { parseSidecar, serialiseSidecar } from '../../../server/src/core/annotations/sidecar';
import { documentedExample, readSample } from './helpers';

const NOTE = readSample('visa-request.en.note');
const EDITED = `Note: the delegation list was updated.\n\n${NOTE}`
  .replace('hold service passports', 'hold diplomatic or service passports')
  .replace('courtesy facilitation', 'courteous facilitation');
const quoteOf = (annotation: WebAnnotation) => quoteSelectorOf(spanTargetOf(annotation)!)!;

describe('placing a note\'s annotations', () => {
  const { collection } = parseSidecar(documentedExample(), 'visa-request.en.note.annotations.json');

  it('names the note by its file name, wherever the sidecar was read from', () => {
    assert.ok(sameSource('visa-request.en.note', '/home/li/notes/visa-request.en.note'));
    assert.ok(sameSource('sub\\visa-request.en.note', 'visa-request.en.note'));
    assert.ok(!sameSource('visa-request.zh.note', 'visa-request.en.note'));
  });

  it('places the documented sidecar right against the note edited afterwards', () => {
    const placed = placeAnnotations(EDITED, collection.items, 'visa-request.en.note');
    assert.deepEqual(placed.map(({ placement }) => placement.status === 'anchored' && EDITED.slice(placement.span.start, placement.span.end)), [
      'the Department requests that the visa fees be waived',
      'courteous facilitation',
      'The delegation is composed of eight members',
    ]);
    assert.deepEqual(placed.map(({ placement }) => placement.status === 'anchored' && placement.method), ['exact', 'fuzzy', 'exact']);
  });

  it('writes both selectors anew for where they are now, and the next reading places them by position', () => {
    const placed = placeAnnotations(EDITED, collection.items, 'visa-request.en.note');
    const items = withCurrentSelectors(EDITED, collection.items, placedSpans(placed));
    assert.equal(items[1], collection.items[1], 'the reply is the same object');
    const index = new CodePointIndex(EDITED);
    const moved = items[0];
    assert.equal(positionSelectorOf(spanTargetOf(moved)!)!.start, index.toCodePoint(EDITED.indexOf('the Department requests')));
    assert.equal(quoteOf(items[2]).exact, 'courteous facilitation');
    const again = parseSidecar(serialiseSidecar({ ...collection, items }), 'x').collection.items;
    const replaced = placeAnnotations(EDITED, again, 'visa-request.en.note');
    assert.deepEqual(replaced.map(({ placement }) => placement.status === 'anchored' && placement.method), ['position', 'position', 'position']);
  });

  it('leaves unchanged what is already described as it is', () => {
    const placed = placeAnnotations(NOTE, collection.items, 'visa-request.en.note');
    const items = withCurrentSelectors(NOTE, collection.items, placedSpans(placed));
    items.forEach((item, k) => assert.equal(item, collection.items[k]));
  });

  it('keeps an orphan, listed and with its selectors as they were', () => {
    const index = new CodePointIndex(NOTE);
    const quote = 'no later than 16 June 2025';
    const start = NOTE.indexOf(quote);
    const orphan = createAnnotation({ source: 'visa-request.en.note', text: NOTE, index, span: { start, end: start + quote.length }, motivation: 'commenting', comment: 'Deadline' }, {
      newId: () => 'aaaaaaaa-0000-4000-8000-000000000000', now: () => new Date(0),
    });
    const rewritten = NOTE.replace(quote, 'as soon as possible');
    const placed = placeAnnotations(rewritten, [orphan], 'visa-request.en.note');
    assert.deepEqual(placed.map((p) => p.placement), [{ status: 'orphaned', reason: 'not-found' }]);
    assert.deepEqual(withCurrentSelectors(rewritten, [orphan], placedSpans(placed)), [orphan]);
  });

  it('places only the annotations of the note asked for', () => {
    const other = { ...collection.items[0], id: 'urn:uuid:other', target: [{ ...spanTargetOf(collection.items[0])!, source: 'visa-request.zh.note' }] };
    assert.equal(placeAnnotations(NOTE, [...collection.items, other], 'visa-request.en.note').length, 3);
  });
});
