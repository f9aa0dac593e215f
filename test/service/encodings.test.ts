/** Files from disk in other encodings: a partner note and a glossary in GB18030 or UTF-16 are read, and said to be. */
import * as assert from 'node:assert/strict';
import { encodeGb18030, encodeUtf16 } from '../support/encodings';
import { uri, workspaceOf } from './support';

describe('service: encodings of files read from the workspace', () => {
  it('pairs a note with its GB18030 partner and reports the encoding', async () => {
    const setup = await workspaceOf({ 'visa.zh.note': encodeGb18030('2025年3月1日，中方遣返了120名公民。') });
    const english = setup.open('visa.en.note', 'On 1 March 2025, China repatriated 210 nationals.');
    const paired = await setup.service.pair(english);
    assert.ok(paired.kind === 'aligned');
    assert.equal(paired.aligned.zh.getText(), '2025年3月1日，中方遣返了120名公民。');
    assert.deepEqual(setup.decoded, [[uri('visa.zh.note'), 'gb18030']]);
  });

  it('loads a UTF-16 glossary and a GB18030 CSV glossary', async () => {
    const setup = await workspaceOf({
      'a.glossary.json': encodeUtf16('{ "entries": [ { "en": "scam compound", "zh": "诈骗园区" } ] }', 'le'),
      'b.glossary.csv': encodeGb18030('en,zh\nreturnee,回国人员\n'),
    });
    assert.deepEqual([...setup.service.fileProblems().values()].flat(), []);
    assert.deepEqual(setup.decoded.sort(), [[uri('a.glossary.json'), 'utf-16le'], [uri('b.glossary.csv'), 'gb18030']]);
    const document = setup.open('n.note', '向回国人员提供帮助。');
    assert.match((await setup.service.hover(document, 2))?.markdown ?? '', /returnee/);
  });
});
