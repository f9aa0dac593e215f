/**
 * The pairing of versions and the one path policy, in process: which file a note's other version is,
 * which names are refused (and where that is said), links that lead out of the folder, and partner
 * files let go when the last note that needs them closes.
 */
import * as assert from 'node:assert/strict';
import { finish } from '../../server/src/core/checks';
import { note, textAt, uri, workspaceOf } from './support';

const ENGLISH = 'On 1 March 2025, China repatriated 210 nationals.';
const CHINESE = '2025年3月1日，中方遣返了210名公民。';

function naming(counterpart: string, text = ENGLISH): string {
  return note('---', `counterpart: ${counterpart}`, '---', text).text;
}

describe('service: pairing of versions', () => {
  it('pairs NAME.en.note with NAME.zh.note read from the workspace, and jumps there', async () => {
    const { service, open } = await workspaceOf({ 'visa.zh.note': CHINESE });
    const { text, cursor } = note(`O|n 1 March 2025, China repatriated 210 nationals.`);
    const english = open('visa.en.note', text);
    const jump = await service.definition(english, cursor);
    assert.ok(jump);
    assert.equal(jump.target.uri, uri('visa.zh.note'));
    assert.equal(textAt(jump.target, jump.selection), CHINESE);
  });

  it('follows counterpart: to a file in a subfolder, and back up with ..', async () => {
    const { service, open } = await workspaceOf({ 'zh/reply.note': CHINESE, 'en/other.zh.note': CHINESE });
    assert.equal((await service.pair(open('en/reply.note', naming('../zh/reply.note')))).kind, 'aligned');
    assert.equal(service.partnerUri(open('en/x.note', naming('./sub/../other.zh.note'))), uri('en/other.zh.note'));
  });

  for (const [declared, reason] of [
    ['/etc/passwd.note', /absolute path/],
    ['file:///etc/x.note', /URI or a drive path/],
    ['C:\\Windows\\x.note', /URI or a drive path/],
    ['//host/share/x.note', /network path/],
    ['\\\\host\\share\\x.note', /network path/],
    ['../../outside.note', /leads out of the workspace folder/],
    ['notes.txt', /not a \.note file/],
    ['x\u202e.note', /control characters/],
  ] as const) {
    it(`refuses counterpart: ${JSON.stringify(declared)} with a finding on that line, reading nothing`, async () => {
      const { service, open } = await workspaceOf({});
      const document = open('sub/note.note', naming(declared));
      const paired = await service.pair(document);
      assert.equal(paired.kind, 'alone');
      const findings = finish(await service.findings(document));
      const refusal = findings.find((f) => f.code === 'counterpart-invalid');
      assert.ok(refusal, JSON.stringify(findings));
      assert.equal(textAt(document, refusal.span), declared);
      assert.match(refusal.message, reason);
    });
  }

  it('a note outside every folder may name only files in its own folder or below', async () => {
    const { service, workspace } = await workspaceOf({});
    workspace.writeFile('file:///elsewhere/a/b.zh.note', CHINESE);
    const loose = workspace.openDocument('file:///elsewhere/a/x.note', naming('b.zh.note'));
    assert.equal((await service.pair(loose)).kind, 'aligned');
    const climbing = workspace.openDocument('file:///elsewhere/a/y.note', naming('../a/b.zh.note'));
    assert.equal((await service.pair(climbing)).kind, 'alone');
  });

  it('does not read a partner whose link leads out of the folder, and says so on the first line', async () => {
    const { service, workspace, open } = await workspaceOf({});
    workspace.writeFile('file:///secret/passwd.zh.note', CHINESE);
    workspace.link(uri('linked.zh.note'), 'file:///secret/passwd.zh.note');
    const document = open('linked.en.note', ENGLISH);
    const paired = await service.pair(document);
    assert.equal(paired.kind, 'alone');
    assert.equal(paired.kind === 'alone' && paired.problem?.span.start, 0);
    assert.match(paired.kind === 'alone' ? paired.problem?.message ?? '' : '', /link that leads out of the workspace folder/);
  });

  it('follows a link that stays inside the folder', async () => {
    const { service, workspace, open } = await workspaceOf({ 'archive/2025.zh.note': CHINESE });
    workspace.link(uri('current.zh.note'), uri('archive/2025.zh.note'));
    assert.equal((await service.pair(open('current.en.note', ENGLISH))).kind, 'aligned');
  });

  it('lets a partner go when the last note that needs it closes, and when a note names another', async () => {
    const files: Record<string, string> = {};
    for (let k = 0; k < 20; k++) files[`n${k}.zh.note`] = CHINESE;
    const { service, open, close } = await workspaceOf(files);
    for (let k = 0; k < 20; k++) {
      await service.pair(open(`n${k}.en.note`, ENGLISH));
      assert.equal(service.heldPartners, 1, `note ${k}: the partners of closed notes are held`);
      close(`n${k}.en.note`);
      assert.equal(service.heldPartners, 0, `note ${k}: its partner is held after it closed`);
    }
    const a = open('a.en.note', naming('n1.zh.note'));
    const b = open('b.en.note', naming('n1.zh.note'));
    await service.pair(a);
    await service.pair(b);
    assert.equal(service.heldPartners, 1, 'a partner two notes share is read once');
    close('a.en.note');
    assert.equal(service.heldPartners, 1, 'still needed by the other note');
    close('b.en.note');
    assert.equal(service.heldPartners, 0);
  });

  it('takes an open partner from the editor rather than from the workspace', async () => {
    const { service, open } = await workspaceOf({ 'visa.zh.note': '2025年3月1日，中方遣返了999名公民。' });
    const chinese = open('visa.zh.note', CHINESE);
    const paired = await service.pair(open('visa.en.note', ENGLISH));
    assert.ok(paired.kind === 'aligned' && paired.aligned.zh === chinese);
    assert.equal(service.heldPartners, 0);
  });
});
