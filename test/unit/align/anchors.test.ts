import { strict as assert } from 'node:assert';
import {
  dateAnchors, defaultAnchorWeight, defaultUnmatchedCost, latinRuns, numberAnchors, verbatimAnchors,
} from '../../../server/src/core/align/anchors';

describe('anchors', () => {
  it('turns numbers into keys that agree across the versions', () => {
    const en = 'more than 1,200 suspects, 5,415 cases, four raids, 5 per cent, the second round, one person';
    const zh = '1200余名嫌疑人，5415起案件，4次突击，百分之五，第二轮，一人';
    assert.deepEqual(numberAnchors(en, 0, en.length, 'en'), ['num:1200', 'num:5415', 'few:4', 'pct:5', 'ord:2']);
    assert.deepEqual(numberAnchors(zh, 0, zh.length, 'zh'), ['num:1200', 'num:5415', 'few:4', 'pct:5', 'ord:2']);
  });

  it('gives no key to ranges, which cannot be compared by equality', () => {
    const text = 'tens of thousands of people';
    assert.deepEqual(numberAnchors(text, 0, text.length, 'en'), []);
  });

  it('keys dates by month and day, so that a date without its year matches', () => {
    const en = 'since 20 February 2025 and in March 2024';
    const zh = '自今年2月20日起，2024年3月';
    assert.deepEqual(dateAnchors(en, 0, en.length), ['date:02-20', 'date:2024-03']);
    assert.deepEqual(dateAnchors(zh, 0, zh.length), ['date:02-20', 'date:2024-03']);
  });

  it('finds the Latin runs of Chinese text and the same strings in English', () => {
    assert.deepEqual(latinRuns('关于AL CHN 4/2025号来函及OHCHR的意见。'), ['AL CHN 4/2025', 'OHCHR']);
    const verbatim = verbatimAnchors(
      ['Communication AL CHN 4/2025 from OHCHR.', 'Nothing here.', 'OHCHR and OHCHR again.'],
      ['关于AL CHN 4/2025号来函。', '无。', 'OHCHR。'],
    );
    assert.deepEqual(verbatim.zh, [['ref:AL CHN 4/2025'], [], ['name:OHCHR']]);
    assert.deepEqual(verbatim.en, [['ref:AL CHN 4/2025', 'name:OHCHR'], [], ['name:OHCHR', 'name:OHCHR']]);
  });

  it('matches runs whole words only, and reads many units and runs in linear time', () => {
    assert.deepEqual(verbatimAnchors(['The OHCHRs and UNHCR.'], ['OHCHR与UNHCR。']).en, [['name:UNHCR']]);
    const zh = Array.from({ length: 3000 }, (_, k) => `来函AL CHN ${k}/2025号。`);
    const en = Array.from({ length: 3000 }, (_, k) => `Communication AL CHN ${k}/2025 was received on time.`);
    // Its time is measured by the scaling guard (`npm run bench:scaling`); here, that all 3,000 pair up.
    const verbatim = verbatimAnchors(en, zh);
    assert.deepEqual(verbatim.en[7], ['ref:AL CHN 7/2025']);
    assert.deepEqual(verbatim.en[2999], ['ref:AL CHN 2999/2025']);
    assert.equal(verbatim.zh.filter((anchors) => anchors.length === 1).length, 3000);
  });

  it('weighs exact evidence above glossary terms and charges only exact anchors when unmatched', () => {
    assert.ok(defaultAnchorWeight('ref:AL CHN 4/2025') > defaultAnchorWeight('num:5'));
    assert.ok(defaultAnchorWeight('num:5') > defaultAnchorWeight('term:fraud'));
    assert.equal(defaultAnchorWeight('unknown'), 1);
    assert.ok(defaultUnmatchedCost('num:5') > 0);
    assert.equal(defaultUnmatchedCost('term:fraud'), 0);
  });
});
