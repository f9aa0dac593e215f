/** Making and changing annotations, with the id generator and the clock given by the caller. */
import * as assert from 'node:assert/strict';
import { CodePointIndex } from '../../../server/src/core/annotations/codePoints';
import { createAnnotation, createReply, updateAnnotation, withAnnotation, withoutAnnotation } from '../../../server/src/core/annotations/edit';
import { commentsOf, emptyCollection, repliesTo, spanTargetOf, tagsOf } from '../../../server/src/core/annotations/model';
import { CONTEXT_LENGTH, selectorsOf } from '../../../server/src/core/annotations/selectors';

function environment(start = '2025-06-04T09:30:00Z') {
  let ids = 0;
  let time = Date.parse(start);
  return { newId: () => `00000000-0000-4000-8000-00000000000${ids++}`, now: () => new Date((time += 60_000)) };
}

const TEXT = 'The Embassy of 𠀀 New Zealand presents its compliments.\r\nThe Embassy of New Zealand requests a visa.\r\n';
const INDEX = new CodePointIndex(TEXT);
const spanOf = (quote: string, from = 0) => ({ start: TEXT.indexOf(quote, from), end: TEXT.indexOf(quote, from) + quote.length });

describe('making annotations', () => {
  it('makes a W3C annotation with both selectors, its creator and its times from the injected clock', () => {
    const env = environment();
    const annotation = createAnnotation({
      source: 'visa.note', text: TEXT, index: INDEX, span: spanOf('presents its compliments'), motivation: 'commenting',
      comment: 'Standard **opening**.', tags: ['commitment', 'commitment', ' '], creator: 'Li Wen',
    }, env);
    assert.equal(annotation.id, 'urn:uuid:00000000-0000-4000-8000-000000000000');
    assert.equal(annotation.created, '2025-06-04T09:31:00.000Z');
    assert.equal(annotation.modified, annotation.created);
    assert.deepEqual(annotation.creator, { type: 'Person', name: 'Li Wen' });
    assert.equal(annotation.status, 'open');
    assert.deepEqual(commentsOf(annotation), ['Standard **opening**.']);
    assert.deepEqual(tagsOf(annotation), ['commitment']);
    const [quote, position] = spanTargetOf(annotation)!.selector;
    assert.deepEqual(quote, { type: 'TextQuoteSelector', exact: 'presents its compliments', prefix: 'The Embassy of 𠀀 New Zealand ', suffix: '.\r\nThe Embassy of New Zealand re' });
    // 𠀀 is one code point: the position is one less than the UTF-16 offset.
    assert.deepEqual(position, { type: 'TextPositionSelector', start: spanOf('presents').start - 1, end: spanOf('compliments').end - 1 });
  });

  it('lengthens the context until quote and context occur once in the note', () => {
    const common = 'and has the honour to inform the Embassy of New Zealand that the delegation';
    const text = `${'x'.repeat(40)} ${common} ${'y'.repeat(40)}\n${'z'.repeat(40)} ${common} ${'w'.repeat(40)}`;
    const span = { start: text.indexOf('Embassy'), end: text.indexOf('Embassy') + 'Embassy'.length };
    const [quote] = selectorsOf(text, span, new CodePointIndex(text));
    assert.equal(quote.prefix!.length, 2 * CONTEXT_LENGTH);
    assert.ok(quote.prefix!.startsWith('x'));
  });

  it('never cuts a surrogate pair at the edge of the context', () => {
    const text = `${'😀'.repeat(40)}quote${'😀'.repeat(40)}`;
    const [quote] = selectorsOf(text, { start: 80, end: 85 }, new CodePointIndex(text));
    assert.equal(quote.prefix, '😀'.repeat(CONTEXT_LENGTH));
    assert.equal(quote.suffix, '😀'.repeat(CONTEXT_LENGTH));
  });

  it('gives tags and highlights no thread status', () => {
    const annotation = createAnnotation({ source: 'visa.note', text: TEXT, index: INDEX, span: spanOf('visa'), motivation: 'tagging', tags: ['statistic'] }, environment());
    assert.equal(annotation.status, undefined);
    assert.equal(annotation.creator, undefined);
    assert.deepEqual(commentsOf(annotation), []);
  });

  it('makes a reply that targets its parent by id', () => {
    const env = environment();
    const parent = createAnnotation({ source: 'visa.note', text: TEXT, index: INDEX, span: spanOf('visa'), motivation: 'questioning', comment: 'Which visa?' }, env);
    const reply = createReply(parent, 'Official, multiple entry.', 'Anna Berg', env);
    assert.equal(reply.motivation, 'replying');
    assert.deepEqual(reply.target, [{ kind: 'ref', id: parent.id }]);
    assert.equal(repliesTo(reply), parent.id);
  });

  it('changes comment, tags and status, keeps other bodies, and sets modified', () => {
    const env = environment();
    const made = createAnnotation({ source: 'visa.note', text: TEXT, index: INDEX, span: spanOf('visa'), motivation: 'commenting', comment: 'Old', tags: ['question'] }, env);
    const withOther = { ...made, body: [...made.body, { type: 'other' as const, json: { type: 'SpecificResource', source: 'https://example.org/x' } }] };
    const changed = updateAnnotation(withOther, { comment: 'New', tags: ['denial', 'legal-basis'], status: 'resolved' }, env);
    assert.deepEqual(commentsOf(changed), ['New']);
    assert.deepEqual(tagsOf(changed), ['denial', 'legal-basis']);
    assert.equal(changed.status, 'resolved');
    assert.equal(changed.body.filter((b) => b.type === 'other').length, 1);
    assert.ok(changed.modified! > made.modified!);
    assert.equal(changed.created, made.created);
    assert.deepEqual(commentsOf(updateAnnotation(changed, { comment: '' }, env)), []);
    assert.deepEqual(tagsOf(updateAnnotation(changed, { status: 'open' }, env)), ['denial', 'legal-basis']);
  });

  it('adds, replaces and deletes annotations in a collection; a deletion takes the replies with it', () => {
    const env = environment();
    const root = createAnnotation({ source: 'visa.note', text: TEXT, index: INDEX, span: spanOf('visa'), motivation: 'commenting', comment: 'A' }, env);
    const reply = createReply(root, 'B', undefined, env);
    const replyToReply = createReply(reply, 'C', undefined, env);
    const other = createAnnotation({ source: 'visa.note', text: TEXT, index: INDEX, span: spanOf('Embassy'), motivation: 'highlighting' }, env);
    let collection = [root, reply, replyToReply, other].reduce(withAnnotation, emptyCollection());
    assert.equal(collection.items.length, 4);
    collection = withAnnotation(collection, updateAnnotation(other, { tags: ['denial'] }, env));
    assert.deepEqual(collection.items.map((a) => a.id), [root.id, reply.id, replyToReply.id, other.id]);
    assert.deepEqual(tagsOf(collection.items[3]), ['denial']);
    assert.deepEqual(withoutAnnotation(collection, root.id).items.map((a) => a.id), [other.id]);
    assert.deepEqual(withoutAnnotation(collection, reply.id).items.map((a) => a.id), [root.id, other.id]);
  });
});
