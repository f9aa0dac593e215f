/** `diplonote/explainStructure` over stdio: each block of the note with its kind, the rule that decided it and its language. */
import * as assert from 'node:assert/strict';
import { EXPLAIN_STRUCTURE_REQUEST } from '../../server/src/protocol';
import { startServer, type ServerSession } from '../support/serverConnection';

describe('protocol: explain structure', () => {
  let server: ServerSession;
  before(async () => {
    server = await startServer();
  });
  after(async () => server.stop());

  it('says why each block of the reference note was read as it was', async () => {
    const { uri } = await server.openFile('samples/ohchr-reply-al-chn-4-2025.note');
    const answer = await server.connection.sendRequest(EXPLAIN_STRUCTURE_REQUEST, { uri });
    const text = answer?.text ?? '';
    assert.match(text, /^line 14 {2}ownReference {2}«CHN\/HR\/2025\/34»\n {4}why: a reference number on a line of its own\n {4}language: [^\n]*; outside the versions$/m);
    assert.match(text, /closing formula \(avails-itself\)[^\n]*\n {4}why: a closing courtesy formula/);
    assert.match(text, /«The public security organs of China[^\n]*\n {4}why: [^\n]*\n {4}joined: the rest of the paragraph before, after a page break\n/);
    assert.match(text, /«联合国人权理事会特别机制发送的AL CHN 4\/2025号来文收悉[^\n]*\n[^\n]*\n {4}language: Chinese: \d+ Chinese characters, \d+ Latin letters[^\n]*; in the Chinese version/);
  });

  it('refuses a document that is not an open note', async () => {
    await assert.rejects(server.connection.sendRequest(EXPLAIN_STRUCTURE_REQUEST, { uri: 'file:///nowhere/else.note' }));
  });
});
