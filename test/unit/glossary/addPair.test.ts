/** Adding a term pair to a JSON glossary: new file, new entry, new variant, nothing to do, a broken file. */
import { format } from '../../../server/src/core/messages';
import * as assert from 'node:assert/strict';
import { addPairToGlossary, type GlossaryChange, type TermPair } from '../../../server/src/core/glossary/addPair';
import { parseJsonGlossary } from '../../../server/src/core/glossary/loadJson';
import type { GlossaryEntry } from '../../../server/src/core/glossary/types';

const SMUGGLING: TermPair = { language: 'en', term: 'human trafficking', rendering: '人口走私' };

/** The text after the change; fails when the change is not an edit. */
function edited(change: GlossaryChange): string {
  assert.equal(change.kind, 'edit', JSON.stringify(change));
  return change.kind === 'edit' ? change.text : '';
}

const TEAM_INLINE = [
  '{',
  '  // Terms agreed with the Geneva team, March 2025.',
  '  "name": "team",',
  '  "entries": [',
  '    { "en": "scam compound", "zh": ["诈骗园区", "电诈园区"], "category": "subject" },',
  '    { "zh": "人口贩运",   "en": "Human Trafficking" } // spacing kept as written',
  '  ]',
  '}',
  '',
].join('\n');

const TEAM_SPREAD = [
  '{',
  '\t"entries": [',
  '\t\t{',
  '\t\t\t"en": "scam compound",',
  '\t\t\t"zh": "诈骗园区"',
  '\t\t}',
  '\t]',
  '}',
].join('\r\n');

describe('adding a term pair to a JSON glossary', () => {
  it('writes a complete, loadable glossary when there is no file yet', () => {
    const change = addPairToGlossary(undefined, { language: 'zh', term: '妙瓦底', rendering: 'Myawaddy' });
    assert.deepEqual(change, {
      kind: 'create',
      text: '{\n  "entries": [\n    {\n      "en": "Myawaddy",\n      "zh": "妙瓦底"\n    }\n  ]\n}\n',
    });
    const loaded = parseJsonGlossary(change.kind === 'create' ? change.text : '', 'diplonote.glossary.json');
    assert.deepEqual(loaded.problems, []);
    assert.deepEqual(loaded.entries.map((e) => [e.en, e.zh]), [[['Myawaddy'], ['妙瓦底']]]);
  });

  it('appends a new entry on one line after one-line entries, leaving comments and spacing as they were', () => {
    const text = edited(addPairToGlossary(TEAM_INLINE, { language: 'en', term: 'online gambling', rendering: '网络赌博' }));
    assert.equal(text, TEAM_INLINE.replace(
      '"Human Trafficking" } // spacing kept as written',
      '"Human Trafficking" },\n    { "en": "online gambling", "zh": "网络赌博" } // spacing kept as written',
    ));
  });

  it('lays a new entry out on several lines, with tabs and CRLF, after entries written that way', () => {
    const text = edited(addPairToGlossary(TEAM_SPREAD, { language: 'zh', term: '网赌', rendering: 'online gambling' }));
    assert.equal(text, TEAM_SPREAD.replace(
      '\t\t}\r\n\t]',
      '\t\t},\r\n\t\t{\r\n\t\t\t"en": "online gambling",\r\n\t\t\t"zh": "网赌"\r\n\t\t}\r\n\t]',
    ));
  });

  it('adds the rendering to the variants of the entry that lists the term (case folded), not a second entry', () => {
    const change = addPairToGlossary(TEAM_INLINE, SMUGGLING);
    assert.equal(change.kind === 'edit' && change.into, 'existing entry');
    assert.equal(edited(change), TEAM_INLINE.replace('"人口贩运",   "en"', '["人口贩运", "人口走私"],   "en"'));
    const appended = edited(addPairToGlossary(TEAM_INLINE, { language: 'zh', term: '電詐園區', rendering: 'fraud compound' }));
    assert.equal(appended, TEAM_INLINE.replace('"en": "scam compound"', '"en": ["scam compound", "fraud compound"]'));
    const intoArray = edited(addPairToGlossary(TEAM_INLINE, { language: 'en', term: 'Scam  Compound', rendering: '园区' }));
    assert.equal(intoArray, TEAM_INLINE.replace('["诈骗园区", "电诈园区"]', '["诈骗园区", "电诈园区", "园区"]'));
  });

  it('appends to a forms list written on several lines on a line of its own', () => {
    const before = '{\n  "entries": [\n    {\n      "en": "scam compound",\n      "zh": [\n        "诈骗园区"\n      ]\n    }\n  ]\n}\n';
    const after = edited(addPairToGlossary(before, { language: 'en', term: 'scam compound', rendering: '园区' }));
    assert.equal(after, before.replace('"诈骗园区"\n', '"诈骗园区",\n        "园区"\n'));
  });

  it('changes nothing when the pair is there already, whatever the case, width or script variant', () => {
    assert.deepEqual(addPairToGlossary(TEAM_INLINE, { language: 'en', term: 'SCAM COMPOUND', rendering: '電詐園區' }), { kind: 'present' });
    assert.deepEqual(addPairToGlossary(TEAM_INLINE, { language: 'zh', term: '人口贩运', rendering: 'human  trafficking' }), { kind: 'present' });
  });

  it('refuses a file that does not parse and says on which line', () => {
    const broken = '{\n  "entries": [\n    { "en": "a", "zh": "b" }\n    { "en": "c", "zh": "d" }\n  ]\n}\n';
    const refusal = (text: string) => {
      const change = addPairToGlossary(text, SMUGGLING);
      return change.kind === 'malformed' ? { line: change.line, message: format('en', change.said) } : change;
    };
    assert.deepEqual(refusal(broken), { line: 4, message: 'Invalid JSON (CommaExpected).' });
    assert.deepEqual(refusal('[]'), { line: 1, message: 'The glossary must be an object: { "entries": [ … ] }.' });
    assert.deepEqual(refusal('{\n"entries": {}\n}'), { line: 2, message: '"entries" must be an array.' });
  });

  it('adds an "entries" list to a glossary that has none, and fills a blank file', () => {
    assert.equal(edited(addPairToGlossary('{ "name": "team" }', SMUGGLING)),
      '{\n  "name": "team",\n  "entries": [\n    {\n      "en": "human trafficking",\n      "zh": "人口走私"\n    }\n  ]\n}');
    assert.equal(edited(addPairToGlossary('\r\n', SMUGGLING)),
      '{\r\n  "entries": [\r\n    {\r\n      "en": "human trafficking",\r\n      "zh": "人口走私"\r\n    }\r\n  ]\r\n}\r\n');
    assert.equal(edited(addPairToGlossary('{"entries": []}', SMUGGLING)), '{"entries": [{ "en": "human trafficking", "zh": "人口走私" }]}');
  });

  it('keeps a byte-order mark and copies a built-in entry whole, so that the user entry replacing it loses nothing', () => {
    const builtIn: GlossaryEntry = {
      id: 'human-trafficking', category: 'subject', en: ['human trafficking'], zh: ['人口贩运', '人员贩运'],
      definition: { en: 'Recruiting persons by force for exploitation.' }, source: 'Palermo Protocol', origin: 'built-in',
    };
    const text = edited(addPairToGlossary('\ufeff{ "entries": [] }', SMUGGLING, builtIn));
    assert.equal(text, '\ufeff{ "entries": [{ "id": "human-trafficking", "category": "subject", "en": "human trafficking", '
      + '"zh": ["人口贩运", "人员贩运", "人口走私"], "definition": { "en": "Recruiting persons by force for exploitation." }, "source": "Palermo Protocol" }] }');
    assert.deepEqual(parseJsonGlossary(text, 'g.glossary.json').entries[0].zh, ['人口贩运', '人员贩运', '人口走私']);
  });

  it('never throws on hostile text', () => {
    for (const text of ['[', '{'.repeat(200000), '\ud800', '{"entries": [1, "x", null, {"en": 5}]}', '\u0000\u0001', '{"entries": [', '//']) {
      assert.ok(['edit', 'malformed', 'present'].includes(addPairToGlossary(text, SMUGGLING).kind), text.slice(0, 20));
    }
  });
});
