/** The tag taxonomy: the default set for reading replies, and a workspace's own from a file or the setting. */
import * as assert from 'node:assert/strict';
import { DEFAULT_TAGS, parseTagFile, tagsFromSetting } from '../../../server/src/core/annotations/tags';

const names = (tags: readonly { name: string }[]) => tags.map((t) => t.name);
const where = (problems: readonly { line: number; character: number; severity: string }[]) => problems.map((p) => `${p.line}:${p.character} ${p.severity}`);

describe('tag taxonomy', () => {
  it('has the default set for reading replies, each with both labels, a colour and a description', () => {
    assert.deepEqual(names(DEFAULT_TAGS), [
      'allegation-addressed', 'denial', 'legal-basis', 'factual-claim', 'statistic', 'commitment', 'non-responsive', 'question', 'translation-query',
    ]);
    for (const tag of DEFAULT_TAGS) {
      assert.ok(tag.label.en && tag.label.zh && tag.description?.en && tag.description.zh, tag.name);
      assert.match(tag.colour ?? '', /^#[0-9a-f]{6}$/);
    }
  });

  it('adds a file\'s tags to the default ones, a tag with a default name replacing it', () => {
    const { tags, problems } = parseTagFile(`{
  // our project's codes
  "tags": [
    { "name": "denial", "label": { "en": "Flat denial", "zh": "断然否认" }, "colour": "#b00020" },
    { "name": "remedy", "label": "Remedy offered", "description": { "en": "A remedy is offered." } },
  ],
}`, '.diplonote/tags.json');
    assert.deepEqual(problems, []);
    assert.equal(tags.length, DEFAULT_TAGS.length + 1);
    assert.deepEqual(tags.find((t) => t.name === 'denial')?.label, { en: 'Flat denial', zh: '断然否认' });
    assert.deepEqual(tags[tags.length - 1], { name: 'remedy', label: { en: 'Remedy offered', zh: 'Remedy offered' }, description: { en: 'A remedy is offered.', zh: 'A remedy is offered.' } });
  });

  it('uses only the file\'s tags when it leaves the defaults out', () => {
    const { tags } = parseTagFile('{ "includeDefaults": false, "tags": [ { "name": "a", "colour": "#abc" } ] }', 'tags.json');
    assert.deepEqual(tags, [{ name: 'a', label: { en: 'a', zh: 'a' }, colour: '#abc' }]);
  });

  it('reports each problem at its line and keeps the valid tags', () => {
    const { tags, problems } = parseTagFile(`{
  "tags": [
    { "name": "", "colour": "#fff" },
    { "name": "x", "colour": "red" },
    { "name": "y", "colour": "#123456", "shape": "round" },
    { "name": "y", "colour": "#654321" },
    "z"
  ],
  "version": 2
}`, 'tags.json');
    assert.deepEqual(where(problems), ['8:2 warning', '2:6 error', '3:19 error', '4:40 warning', '5:6 error', '6:4 error']);
    assert.match(problems[0].message, /Unknown property "version"/);
    assert.match(problems[2].message, /"colour" must be a colour/);
    assert.match(problems[4].message, /The tag "y" is defined twice/);
    assert.deepEqual(names(tags).slice(DEFAULT_TAGS.length), ['y']);
  });

  it('reports broken JSON at its place and still reads the tags it can', () => {
    const { tags, problems } = parseTagFile('{ "tags": [ { "name": "a" ', 'tags.json');
    assert.deepEqual(names(tags), [...names(DEFAULT_TAGS), 'a']);
    assert.equal(problems[0].severity, 'error');
    assert.match(problems.map((p) => p.message).join(), /Invalid JSON/);
  });

  it('reads the setting\'s value, naming the setting and the path in its problems', () => {
    assert.deepEqual(names(tagsFromSetting(undefined).tags), names(DEFAULT_TAGS));
    const { tags, problems } = tagsFromSetting([{ name: 'remedy', colour: '#2e7d32' }, { name: 'bad', colour: 12 }]);
    assert.deepEqual(names(tags).slice(DEFAULT_TAGS.length), ['remedy']);
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /^diplonote\.annotations\.tags\[1\]\.colour: "colour" must be a colour/);
    assert.match(tagsFromSetting('nonsense').problems[0].message, /A tag taxonomy is/);
  });
});
