/**
 * Text generators for the property tests: raw UTF-16 of every kind, and text assembled from the
 * pieces a note is made of, so that the recognisers are driven into their less common branches.
 */
import fc from 'fast-check';

/** Characters that change how lines, blocks and offsets are read. */
const AWKWARD = ['\n', '\r\n', '\r', '\f', '\uFEFF', '\u2028', '\t', '\u3000', '\u00A0', '\u200B', '%%', '---', '\uD83D\uDE00', '\uD840\uDC00'];

/** Any UTF-16 unit (lone surrogates included), any code point (astral included), or an awkward character. */
const unit = fc.oneof(
  fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
  fc.integer({ min: 0x10000, max: 0x10ffff }).map((code) => String.fromCodePoint(code)),
  fc.constantFrom(...AWKWARD),
);

export const anyText = fc.array(unit, { maxLength: 200, size: 'medium' }).map((units) => units.join(''));

const FRAGMENTS = [
  // formulas
  'The Permanent Mission of the Republic of Nowhere presents its compliments to the Office of the High Commissioner and has the honour to',
  'I have the honour to refer to your letter of 3 March 2025.',
  'avails itself of this opportunity to renew the assurances of its highest consideration.',
  'Please accept, Excellency, the assurances of my highest consideration.',
  '中华人民共和国常驻代表团向人权高专办致意，并谨通知如下：', '顺致崇高的敬意。',
  // references and citations
  'AL CHN 4/2025', 'JAL CHN 7/2025', 'Ref.: CHN/HR/2025/34', 'No. 45/2025', '(2025)领字第45号', '编号：CHN/HR/2025/61',
  // point and paragraph markers
  'First, ', 'Secondly, ', 'Finally, ', '一是', '二是', '(a) ', '(ii) ', '（一）', '（二）', '1. ', '2、', '一、', '①', '首先，', '最后，',
  // page artefacts
  '- 2 -', 'Page 3 of 4', '第2页', '3', '\f',
  // sentences
  'The Government of China has received the communication.', 'China deals with the persons involved in accordance with the law.',
  '中国政府已收到来文。', '电信诈骗、网络赌博等跨境犯罪严重危害广大民众生命财产安全。',
  // blocks
  'Annex', 'Geneva, 5 September 2025', '2025年9月5日于日内瓦', 'Excellency,', '(Signed)', '%% an annotation', '%% diplonote-ignore number-mismatch',
  '---\nreference: CHN/GVA/2025/88\nlanguage: en\n---', 'Tel: +41 22 879 56 78', '𠀀𠀁𠀂', '😀',
];

const SEPARATORS = ['', ' ', '\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\n\n\n', '\n\f\n', ':\n'];

/** Text made of note fragments joined by line breaks of every kind. */
export const noteLikeText = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: 'binary', maxLength: 6 })), fc.constantFrom(...SEPARATORS)), { maxLength: 60, size: 'medium' })
  .map((pieces) => pieces.map(([fragment, separator]) => fragment + separator).join(''));
