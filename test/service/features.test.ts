/**
 * The features as plain data, in process and written as documents: a note in lines, `|` at the cursor,
 * the answer compared as a reader sees it (the text a span covers, the Markdown a hover shows).
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { finish } from '../../server/src/core/checks';
import { REPO_ROOT } from '../support/serverConnection';
import { note, textAt, workspaceOf } from './support';

const BILINGUAL = note(
  'The Government of China has received communication AL CHN 9/2025 and provides the following reply.',
  '',
  'Since 20 February 2025, the Chinese |authorities have organized the return of 30,000 Chinese nationals.',
  '',
  '中国政府收到AL CHN 9/2025号来文，现答复如下。',
  '',
  '今年2月20日以来，中国有关部门组织3万名中国公民回国。',
);

describe('service: features as plain data', () => {
  it('definition: from an English sentence to the Chinese one, in the same file', async () => {
    const { service, open } = await workspaceOf({});
    const document = open('reply.note', BILINGUAL.text);
    const jump = await service.definition(document, BILINGUAL.cursor);
    assert.ok(jump);
    assert.equal(textAt(document, jump.origin), 'Since 20 February 2025, the Chinese authorities have organized the return of 30,000 Chinese nationals.');
    assert.equal(textAt(jump.target, jump.selection), '今年2月20日以来，中国有关部门组织3万名中国公民回国。');
  });

  it('highlights and lenses: the unit and its counterpart; a lens above each paired paragraph', async () => {
    const { service, open } = await workspaceOf({});
    const document = open('reply.note', BILINGUAL.text);
    const highlights = await service.highlights(document, BILINGUAL.cursor) ?? [];
    assert.deepEqual(highlights.map((h) => [h.role, textAt(document, h.span).slice(0, 12)]), [['source', 'Since 20 Feb'], ['counterpart', '今年2月20日以来，中国']]);
    const lenses = await service.codeLenses(document);
    assert.deepEqual(lenses.map((l) => [document.positionAt(l.offset).line, l.title]), [[0, '↔ 中文 ¶1'], [4, '↔ English ¶1'], [2, '↔ 中文 ¶2'], [6, '↔ English ¶2']]);
  });

  it('hover: a cited communication decoded, a glossary term explained, nothing on a plain word', async () => {
    const { service, open } = await workspaceOf({});
    const document = open('reply.note', BILINGUAL.text);
    const citation = await service.hover(document, BILINGUAL.text.indexOf('CHN 9/2025'));
    assert.match(citation?.markdown ?? '', /^\*\*AL CHN 9\/2025\*\* — allegation letter/);
    const term = await service.hover(document, BILINGUAL.cursor);
    assert.ok(term);
    assert.ok(term.markdown.startsWith('**the chinese side** ↔ **中方**'), term.markdown);
    assert.equal(textAt(document, term.span), 'the Chinese authorities');
    assert.equal(await service.hover(document, BILINGUAL.text.indexOf('organized') + 2), undefined);
  });

  it('hover: what a user glossary says is shown as text, never as markup', async () => {
    const glossary = { entries: [{ en: 'scam compound', zh: '诈骗园区', definition: '![x](https://tracker.example/p.png) <img src=x> [run](command:x) https://t.example' }] };
    const { service, open } = await workspaceOf({ 'team.glossary.json': JSON.stringify(glossary) });
    const { text, cursor } = note('Held in a scam |compound.');
    const markdown = (await service.hover(open('a.note', text), cursor))?.markdown ?? '';
    assert.ok(markdown.includes('\\!\\[x\\](https\\://tracker.example/p.png) \\<img src=x\\> \\[run\\](command:x) https\\://t.example'), markdown);
  });

  it('folds and smart select: from the outline', async () => {
    const { service, open } = await workspaceOf({});
    const text = readFileSync(path.join(REPO_ROOT, 'samples', 'ohchr-reply-al-chn-4-2025.note'), 'utf8');
    const document = open('seed.note', text);
    const folds = service.folds(document);
    assert.equal(folds[0].kind, 'header', 'the letterhead folds as a header');
    const [chain] = service.selectionChains(document, [text.indexOf('Second, by')]);
    assert.deepEqual(chain.map((span) => textAt(document, span).slice(0, 14)), [text.slice(0, 14), 'Receipt is her', 'To ensure, as ', 'Second, by mea']);
  });

  it('completion: formulas and terms in the language being written', async () => {
    const { service, open } = await workspaceOf({});
    const document = open('a.note', '中国政府');
    const items = await service.completions(document, 4);
    assert.ok(items.some((i) => i.kind === 'formula' && i.label.startsWith('向…致意')));
    assert.ok(items.every((i) => i.kind !== 'formula' || !i.label.includes('presents')));
  });

  it('code actions: the closing formula answering the opening, inserted after the last paragraph of its language', async () => {
    const { service, open } = await workspaceOf({});
    const { text } = note(
      'The Permanent Mission of China presents its compliments to the Office of the High Commissioner and has the honour to transmit the reply.',
      '',
      'The reply is enclosed.',
    );
    const document = open('a.note', text);
    const closing = finish(await service.findings(document)).find((f) => f.code === 'closing-missing');
    assert.ok(closing);
    const actions = await service.codeActions(document, { selection: closing.span, findings: [closing] });
    assert.deepEqual(actions.map((a) => a.title), ['Insert the closing formula', 'Ignore closing-missing on this paragraph (%% diplonote-ignore)']);
    assert.deepEqual(actions[0].edits, [{
      span: { start: text.length, end: text.length },
      newText: '\n\nThe Permanent Mission of China avails itself of this opportunity to renew to the Office of the High Commissioner the assurances of its highest consideration.',
    }]);
  });

  it('findings: problems of the front matter, at their line (the analysis found them; they were never shown)', async () => {
    const { service, open } = await workspaceOf({});
    const { text } = note('---', 'reference: CHN/HR/2025/1', 'colour: blue', 'title', '---', 'The reply is enclosed.');
    const document = open('a.note', text);
    const problems = finish(await service.findings(document)).filter((f) => f.code === 'front-matter');
    const lines = problems.map((f) => document.positionAt(f.span.start).line);
    assert.deepEqual([...new Set(lines)], [2, 3], problems.map((f) => f.message).join('\n'));
    assert.ok(problems.every((f) => f.severity === 'warning'));
  });

  it('export: the aligned sentence pairs as TMX', async () => {
    const { service, open } = await workspaceOf({});
    const tmx = await service.exportPairs(open('reply.note', BILINGUAL.text), 'tmx');
    assert.match(tmx ?? '', /<tuv xml:lang="zh"><seg>今年2月20日以来，中国有关部门组织3万名中国公民回国。<\/seg><\/tuv>/);
    assert.equal(await service.exportPairs(open('alone.note', 'Only English here.'), 'tmx'), undefined);
  });
});
