/**
 * The sidecar NAME.note.annotations.json: a W3C AnnotationCollection read with each problem at its
 * line, written with a stable key order; unknown properties survive a round trip; a file with errors
 * is never to be overwritten.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ANNOTATION_CONTEXT, commentsOf, creatorName, repliesTo, tagsOf, type WebAnnotation } from '../../../server/src/core/annotations/model';
import { parseSidecar, serialiseSidecar, sidecarFileName } from '../../../server/src/core/annotations/sidecar';
import { documentedExample } from './helpers';

const FIXTURES = path.resolve(__dirname, '..', '..', 'fixtures', 'annotations');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
const read = (name: string) => parseSidecar(fixture(name), name);
const where = (reading: ReturnType<typeof read>) => reading.problems.map((p) => `${p.line}:${p.character} ${p.severity}`);

describe('annotation sidecar', () => {
  it('is named after the note', () => {
    assert.equal(sidecarFileName('visa-request.en.note'), 'visa-request.en.note.annotations.json');
  });

  it('reads the documented example whole, and writes it back byte for byte', () => {
    const text = documentedExample();
    const { collection, problems, writable } = parseSidecar(text, 'visa-request.en.note.annotations.json');
    assert.deepEqual(problems, []);
    assert.ok(writable);
    assert.equal(collection.context, ANNOTATION_CONTEXT);
    assert.deepEqual(collection.items.map((a) => a.motivation), ['commenting', 'replying', 'questioning', 'tagging']);
    const [comment, reply, question] = collection.items;
    assert.deepEqual(tagsOf(comment), ['commitment', 'legal-basis']);
    assert.match(commentsOf(comment)[0], /\*\*reciprocity\*\*/);
    assert.equal(comment.status, 'resolved');
    assert.equal(creatorName(reply), 'Anna Berg');
    assert.equal(repliesTo(reply), comment.id);
    assert.equal(question.status, 'open');
    assert.equal(serialiseSidecar(collection), text);
  });

  it('keeps unknown properties, unknown selectors and unknown bodies where they were', () => {
    const first = read('handwritten.note.annotations.json');
    assert.ok(first.writable);
    const written = serialiseSidecar(first.collection);
    const json = JSON.parse(written);
    assert.deepEqual(json['x-project'], { code: 'RG-7', phase: 2 });
    assert.equal(json.label, 'Reading group, June');
    assert.equal(json.items[0]['x-reviewed'], true);
    assert.equal(json.items[0].target.selector[0]['x-note'], 'selected by hand');
    assert.equal(json.items[1].creator, 'https://example.org/people/li-wen');
    assert.deepEqual(json.items[1].target.selector[0], { type: 'RangeSelector', startSelector: { type: 'XPathSelector', value: '/p[3]' } });
    assert.deepEqual(json.items[1].body[1], { type: 'SpecificResource', source: 'https://example.org/tags/commitment' });
    // A second round trip changes nothing: the order is stable.
    assert.equal(serialiseSidecar(parseSidecar(written, 'again').collection), written);
  });

  it('writes known keys in a fixed order, two-space indentation and a final line break', () => {
    const written = serialiseSidecar(read('handwritten.note.annotations.json').collection);
    assert.ok(written.endsWith('}\n'));
    assert.ok(written.startsWith('{\n  "@context": "http://www.w3.org/ns/anno.jsonld",\n  "type": "AnnotationCollection",\n  "label"'));
    const item = JSON.parse(written).items[1];
    assert.deepEqual(Object.keys(item), ['id', 'type', 'motivation', 'creator', 'target', 'body']);
    assert.equal(JSON.parse(written).total, 2);
  });

  it('reads a hand-written file with the W3C shorthands, with warnings for what it assumed', () => {
    const reading = read('handwritten.note.annotations.json');
    assert.deepEqual(where(reading), ['21:4 warning']);
    assert.match(reading.problems[0].message, /No "type"; read as "Annotation"/);
    const [question, tag] = reading.collection.items;
    assert.deepEqual(commentsOf(question), ['Which visa category is this?']);
    assert.deepEqual(tagsOf(tag), ['commitment']);
  });

  it('places a syntax error at its line and column and marks the file not writable', () => {
    const reading = read('broken-syntax.note.annotations.json');
    assert.equal(reading.writable, false);
    assert.deepEqual(where(reading)[0], '8:6 error');
    assert.match(reading.problems[0].message, /Invalid JSON: comma expected/);
  });

  it('reports wrong values at their property, leaves those annotations out, and keeps the valid ones', () => {
    const reading = read('bad-types.note.annotations.json');
    assert.equal(reading.writable, false);
    assert.deepEqual(where(reading), ['4:76 error', '7:51 error', '8:48 error', '9:6 error', '10:4 error', '11:48 warning']);
    assert.match(reading.problems[0].message, /"status" must be "open" or "resolved"/);
    assert.match(reading.problems[1].message, /start ≤ end/);
    assert.match(reading.problems[3].message, /Another annotation has the id "urn:uuid:a"/);
    assert.match(reading.problems[5].message, /"musing" is not a motivation/);
    assert.deepEqual(reading.collection.items.map((a: WebAnnotation) => a.id), ['urn:uuid:d']);
  });

  it('warns about a reply to an annotation the file does not hold', () => {
    const text = JSON.stringify({ type: 'AnnotationCollection', '@context': ANNOTATION_CONTEXT, items: [{ id: 'urn:uuid:r', type: 'Annotation', motivation: 'replying', target: 'urn:uuid:gone' }] }, null, 2);
    const reading = parseSidecar(text, 'x');
    assert.ok(reading.writable);
    assert.match(reading.problems[0].message, /answers "urn:uuid:gone", which is not in the file/);
  });

  it('reads a blank file as an empty collection, and a file that is not a collection as an error', () => {
    assert.deepEqual(parseSidecar('', 'x'), { collection: { context: ANNOTATION_CONTEXT, items: [] }, problems: [], writable: true });
    assert.ok(parseSidecar('\uFEFF  \n', 'x').writable);
    const array = parseSidecar('[1, 2]', 'x');
    assert.equal(array.writable, false);
    assert.match(array.problems[0].message, /must hold an AnnotationCollection/);
    const noItems = parseSidecar('{ "type": "AnnotationCollection" }', 'x');
    assert.equal(noItems.writable, false);
    assert.match(noItems.problems.map((p) => p.message).join(), /no "items" array/);
  });

  it('refuses absurd nesting before the parser recurses into it', () => {
    const deep = `{"items": [${'['.repeat(100_000)}`;
    const reading = parseSidecar(deep, 'x');
    assert.equal(reading.writable, false);
    assert.match(reading.problems[0].message, /nest deeper than 64 levels/);
  });

  it('keeps its offsets with a byte-order mark and CRLF line ends', () => {
    const text = `\uFEFF${fixture('broken-syntax.note.annotations.json').replace(/\n/g, '\r\n')}`;
    assert.deepEqual(where(parseSidecar(text, 'x'))[0], '8:6 error');
  });
});
