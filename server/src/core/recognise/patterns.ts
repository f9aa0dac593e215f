/**
 * The set phrases of diplomatic correspondence, as data. Every pattern is bounded (no nested or
 * unbounded repetition over overlapping classes), so testing one costs time linear in its input.
 */

const SPACE = '[\\s\\u00a0]{1,3}';
const words = (...parts: string[]): string => parts.join(SPACE);

export const OPENING_THIRD_PERSON: readonly RegExp[] = [
  new RegExp(words('presents?', '(?:its|his|her|their)', '(?:compliments|respects)'), 'i'),
  /向.{1,120}?致意/,
];

export const OPENING_FIRST_PERSON: readonly RegExp[] = [
  new RegExp('^' + words('(?:I|We)', 'have', 'the', 'hono(?:u)?r', 'to'), 'i'),
  new RegExp('^' + words('On', 'behalf', 'of') + '.{0,200}?' + words('I', 'have', 'the', 'hono(?:u)?r'), 'i'),
  /^(?:我|本人)(?:谨|荣幸地)/,
];

export const CLOSING: readonly RegExp[] = [
  new RegExp(words('avails?', '(?:itself|himself|herself|themselves)', 'of', 'this', 'opportunity'), 'i'),
  new RegExp(words('takes?', 'this', 'opportunity', 'to', 'renew'), 'i'),
  new RegExp(words('assurances', 'of', '(?:its|his|her|my|our|their)', '(?:renewed' + SPACE + ')?(?:highest|very' + SPACE + 'high|high)', 'consideration'), 'i'),
  new RegExp('^(?:Please' + SPACE + ')?accept,?' + SPACE + '(?:Excellency|Sir|Madam)', 'i'),
  /顺致(?:最)?崇高的敬意/,
  /致以(?:最)?崇高的敬意/,
];

export const SALUTATION: readonly RegExp[] = [
  /^(?:Your\s)?(?:Excellency|Excellencies)[,:]?$/i,
  /^(?:Dear\s)?(?:Sir|Madam|Sir\sor\sMadam|Sir\/Madam|Sirs|Mesdames)[,:]$/i,
  /^Dear\s[^,:\n]{1,60}[,:]$/,
  /^(?:尊敬的)?[^，。：\n]{0,30}(?:阁下|先生|女士)[：:，,]$/,
];

export const SIGNATURE = /^[(（]\s?(?:signed|签字|签名|签署|签章)\s?[)）]/i;

export const ANNEX =
  /^(?:annex(?:e|es)?|enclosures?|attachments?|appendix|appendices)(?![A-Za-z])(?:\s(?:no\.\s?)?[IVXLC0-9A-Z]{1,6})?\s?(?:[.:：]|$)|^附件\s?[一二三四五六七八九十0-9]{0,3}\s?(?:[:：]|$)/i;

const MONTHS =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)';

/** A date with its year, as a place-and-date line carries it. */
export const DATED: readonly RegExp[] = [
  new RegExp('(?<![0-9])\\d{1,2}(?:st|nd|rd|th)?' + SPACE + MONTHS + ',?' + SPACE + '\\d{4}(?![0-9])', 'i'),
  new RegExp(MONTHS + SPACE + '\\d{1,2}(?:st|nd|rd|th)?,?' + SPACE + '\\d{4}(?![0-9])', 'i'),
  /\d{4}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日/,
  /[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日/,
  /^\d{4}-\d{2}-\d{2}$/,
];

export const OWN_REFERENCE_LABELLED =
  /^(?:our\sref(?:erence)?\.?|ref(?:erence)?\.?(?:\sno\.?)?|note\s(?:verbale\s)?no\.?|no\.|n°|编号|文号|发文字号)\s?[:：]?\s?(\S.{0,100})$/i;

export const OWN_REFERENCE_BARE = /^[A-Z0-9]{1,12}(?:[/.\-][A-Z0-9]{1,12}){2,8}$/i;

export const OWN_REFERENCE_CHINESE = /^[^\s（(〔[]{0,12}[（(〔[]\s?\d{4}\s?[）)〕\]]\s?[^\s\d]{0,6}?第?\s?\d{1,6}\s?号$/;

/** Lines of a reply's enclosed text that are titles rather than an addressee. */
export const TITLE_START = /^(?:reply|response|replies|comments|observations|information|answers?|additional|follow-up|annex|答复|回复|复函|关于|补充)/i;

export function matchesAny(patterns: readonly RegExp[], text: string): RegExpExecArray | null {
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match) return match;
  }
  return null;
}
