/**
 * The set phrases and line shapes of diplomatic correspondence that are not courtesy formulas (those
 * are in formulas.ts), as data. Every pattern is bounded (no nested or unbounded repetition over
 * overlapping classes) and applied to one short line, so testing one costs time linear in its input.
 */
import { isHan } from '../text/script';

/** Salutations: each ends with a colon or a comma, as a Chinese letter's address line does (see BARE_SALUTATION). */
export const SALUTATION: readonly RegExp[] = [
  /^(?:Your\s)?(?:Excellency|Excellencies)[,:，]$/i,
  /^(?:Dear\s)?(?:Mr\.?|Madam|Madame|Mister|Ms\.?)\s(?:President|Vice-President|Chair(?:person|man|woman)?|Co-Chairs?|Special\sRapporteur|Rapporteur|High\sCommissioner|Deputy\sHigh\sCommissioner|Secretary-General|Under-Secretary-General|Minister|Ambassador|Director(?:-General)?|Chief|Coordinator)[,:]$/i,
  /^(?:Dear\s)?(?:Sir|Madam|Sir\sor\sMadam|Sir\/Madam|Sirs|Mesdames|Colleagues?)[,:，]$/i,
  /^(?:Dear|My\sdear)\s[^,:\n]{1,60}[,:]$/,
  /^(?:尊敬的)?[^，。：\n]{0,30}(?:阁下|閣下|先生|女士|同事们)[：:，,]$/,
  // `尊敬的…参赞：`: whatever the title, a line that honours its addressee and ends with a colon.
  /^尊敬的[^，。；：:\n]{1,30}[：:]$/,
];

/** `Excellency` alone: the one salutation without a colon or a comma after it. */
export const BARE_SALUTATION = /^(?:Your\s)?(?:Excellency|Excellencies)$/i;

/** Whether a line ends as every salutation but a bare one (SALUTATION, CHINESE_ADDRESS_LINE) ends. */
export function endsLikeSalutation(line: string): boolean {
  const last = line.charCodeAt(line.length - 1);
  return last === 0x3a || last === 0x2c || last === 0xff1a || last === 0xff0c; // : , ： ，
}

/**
 * The line a party signs under in a joint text: `For the Government of …`, `中华人民共和国政府代表`.
 * Each starts a signature block of its own, with the signatory's name and office under it.
 */
const SIGNING_FOR =
  /^(?:For|On\sbehalf\sof)\sthe\s(?:Government|State|Republic|Kingdom|People's|Ministry|Federal|United|Grand|Principality|Sultanate|Democratic|Socialist|Islamic|Federation)|^[^，。；：\s]{2,30}(?:政府|國|国)(?:全权)?代表$|^代表[^，。；：\s]{2,30}(?:政府|國|国)$/;

/**
 * A line a party signs under (SIGNING_FOR). Each starts with `For`, `On` or `代`, or ends with `代表`:
 * other lines are spared the pattern.
 */
export function isSigningFor(line: string): boolean {
  const first = line.charAt(0);
  return (first === 'F' || first === 'O' || first === '代' || line.endsWith('表')) && SIGNING_FOR.test(line);
}

export const SIGNATURE = /[(（]\s?(?:signed|sgd\.?|签字|签名|签署|签章|簽字|簽名|簽署)\s?[)）]/i;

/** Whether a text has the bracket every SIGNATURE opens with: most paragraphs have none. */
export function mayHoldSignature(text: string): boolean {
  return text.includes('(') || text.includes('（');
}

/** The addressee of a Chinese letter, then a colon: `瓦尔莫拉王国外交部：`, `尊敬的…外长阁下：`. */
export const CHINESE_ADDRESS_LINE = /^[^，。；：:,.;!?！？、]{2,36}(?:部|局|厅|廳|处|處|署|馆|館|团|團|会|會|院|司|办公室|辦公室|政府|阁下|閣下|先生|女士|同志|主席|部长|部長|大使|总统|總統|总理|總理|专员|專員|报告员|報告員|秘书长|秘書長)[：:]$/;

/** A line naming a signatory's office: `Special Rapporteur on …`, `Ambassador`, `特命全权大使`. */
export const OFFICE_TITLE =
  /^(?:Special\sRapporteur|Independent\sExpert|Chair(?:person)?(?:-Rapporteur)?|Vice-Chair|Member|Ambassador|Permanent\sRepresentative|Deputy\sPermanent\sRepresentative|(?:Deputy\s|Vice\s)?Minister|Secretary|Under-Secretary|Director(?:-General)?|Consul(?:-General)?|Charg[ée]\sd'affaires|High\sCommissioner|Head\sof)(?![A-Za-z])|(?:大使|代表|部长|部長|司长|司長|总领事|總領事|参赞|參贊|秘书|秘書|主任|主席|报告员|報告員|专员|專員)$/;

/** The start of an institution's name, as a letterhead's first line gives it. */
export const INSTITUTION_START =
  /^(?:Mandates?\sof\sthe|Office\sof\sthe|Permanent\sMission|Mission\spermanente|Embassy\sof|Ministry\sof|Consulate(?:-General|\sGeneral)?\sof|Department\sof|Delegation\sof|United\sNations|Palais\sdes\sNations|Government\sof)/i;

export const ANNEX =
  /^(?:annex(?:e|es)?|enclosures?|attachments?|appendix|appendices)(?![A-Za-z])(?:\s(?:no\.\s?)?[IVXLC0-9A-Z]{1,6})?\s?(?:[.:：]|$)|^附\s?件\s?[一二三四五六七八九十0-9０-９]{0,3}\s?(?:[:：]|$)/i;

/** A line saying that the text below is a translation. */
export const TRANSLATION_MARKER: readonly RegExp[] = [
  /^[(（[【]?\s?(?:(?:unofficial|courtesy|informal|provisional|non-official)\s)?(?:(?:english|chinese)\s)?translation(?:\s(?:from|of|into)\s(?:the\s)?(?:chinese|english)(?:\s(?:original|text))?)?\s?[)）\]】]?$/i,
  /^[(（[【]?\s?translated\s(?:from|into)\s(?:the\s)?(?:chinese|english)(?:\s(?:original|text))?\s?[)）\]】]?$/i,
  /^[(（[【]?\s?(?:译自|譯自|翻译自|翻譯自)(?:英文|中文)(?:原文)?\s?[)）\]】]?$/,
  /^[(（[【]?\s?(?:非官方|非正式|参考|參考)?(?:中文|英文)?(?:译文|译本|翻译|譯文|譯本|翻譯)(?:[，,]\s?仅供参考)?\s?[)）\]】]?$/,
];

/** `cc: …`, `抄送：…`: the further addressees a copy goes to (the line may wrap). */
export const COPY_TO = /^(?:cc|c\.c\.|copy\sto|copies\sto)\s?[:：]|^(?:抄送|抄報|抄报)\s?[:：]/i;

/**
 * `Your ref.: …`, `贵方编号：…`: the addressee's reference, which the note answers. It stands under the
 * note's own reference and is never one itself.
 */
export const CITED_REFERENCE_LABEL =
  /^(?:your\s(?:ref(?:erence)?|note|letter)\.?(?:\sno\.?)?|(?:贵方|貴方|来文|來文)(?:编号|編號|文号|文號))\s?[:：]/i;

/** `Subject: …`, `Re: …`, `事由：…`: a subject line (which may wrap). */
export const SUBJECT = /^(?:subject|re|concerning|object|topic)\s?[:：]|^(?:事由|主题|主題|事項|事项|标题)\s?[:：]/i;

/** The name of a document type standing alone as its title. */
export const DOCUMENT_TITLE =
  /^(?:(?:diplomatic\s|circular\s)?note(?:\sverbale)?|aide[-\s]m[ée]moire|memorandum(?:\sof\sunderstanding)?|non[-\s]paper|joint\s(?:statement|communiqu[ée]|press\s(?:statement|release)|declaration)|press\s(?:release|statement)|statement|communiqu[ée]|declaration|照会|普通照会|外交照会|照會|备忘录|備忘錄|节略|節略|非文件|说帖|說帖|联合声明|聯合聲明|联合公报|聯合公報|通函|声明|聲明|新闻稿|新聞稿)$/i;

/** Between the two languages of a title on one line: `照会 / NOTE VERBALE`. */
export const TITLE_SEPARATOR = /\s?[/／|｜]\s?/;

/**
 * The characters DOCUMENT_TITLE's alternatives start and end with (case aside). Keep them in step
 * with DOCUMENT_TITLE: a line that starts or ends with any other character is no title.
 */
const DOCUMENT_TITLE_START = /^[dcnamjps照普外备備节節非说說联聯通声聲新]/i;
const DOCUMENT_TITLE_LAST = /^[emgrtné会會录錄略件帖明报報函稿]$/i;

/** `照会 / NOTE VERBALE`: a document title given in both languages on one line. */
export function isDocumentTitle(line: string): boolean {
  // Most lines are no title, and their first or last character says so without normalising and splitting them.
  if (!DOCUMENT_TITLE_START.test(line) || !DOCUMENT_TITLE_LAST.test(line.slice(-1))) return false;
  const normalised = line.replace(/\s+/g, ' ');
  return normalised.split(TITLE_SEPARATOR).every((part) => DOCUMENT_TITLE.test(part));
}

/** The first words of a title line: `Reply of the Government of …`, `关于…的答复`. */
export const TITLE_START =
  /^(?:reply|response|replies|comments|observations|information|answers?|additional|follow-up|joint\s|statement|communiqu|aide|memorandum|non-paper|report|summary|concept\snote|programme|agenda|list\sof|答复|回复|复函|關於|关于|补充|補充)/i;

/** The last words of a Chinese title line: `中国政府对…的答复`, `…情况说明`. */
const TITLE_END = /(?:答复|答覆|回复|回覆|复函|說明|说明|情况|情況|声明|聲明|公报|公報|备忘录|備忘錄|照会|照會|意见|意見|评论|評論|资料|資料|报告|報告|议程|議程|清单|清單|名单|名單|通报|通報)$/;

/** Whether a title ends with TITLE_END, white space left out (a title may wrap, even inside a word). */
export function hasTitleEnd(content: string): boolean {
  // TITLE_END is Chinese only: a text without a Chinese character is spared the copy without its white space.
  return hasHan(content) && TITLE_END.test(content.replace(/\s+/g, ''));
}

function hasHan(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isHan(text.charCodeAt(i))) return true;
  return false;
}

/** Openings of an addressee block: a person's style, a title, `To:`. */
export const ADDRESSEE_START =
  /^(?:H\.\s?E\.?\s|His\sExcellency|Her\sExcellency|Their\sExcellencies|Mr\.?\s|Ms\.?\s|Mrs\.?\s|Dr\.?\s|Prof\.?\s|The\sHono(?:u)?rable|Special\sRapporteur|Independent\sExpert|Working\sGroup|Chair(?:person)?\sof|President\sof|To\s?[:：]|Attn\.?|Attention[:：]|致\s?[:：]|尊敬的)/;

/** Lines of a letterhead: contact details, or the name of a State body in capitals. */
export const LETTERHEAD_FIELD = /^(?:tel(?:ephone)?\.?|phone|fax|facsimile|e-?mail|website|web|internet|address|电话|電話|传真|傳真|电子邮件|電子郵件|邮箱|郵箱|网址|網址|地址|邮编|郵編)\s?[:：.]/i;

/** A month and a year alone, as non-papers and memoranda are dated: `March 2026`, `2026年3月`. */
export const MONTH_AND_YEAR = new RegExp(`^(?:[A-Z][a-z]{1,20},?\\s)?${'(?:January|February|March|April|May|June|July|August|September|October|November|December)'}\\s[0-9]{4}$|^[0-9０-９]{4}\\s?年\\s?[0-9０-９]{1,2}\\s?月$`);

const MONTHS =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)';
const DIGIT = '[0-9０-９]';
const SPACE = '[\\s\\u00a0]{1,3}';

/** A date with its year, as a place-and-date line carries it (half- or full-width digits). */
const DAY_MONTH_YEAR = new RegExp(`(?<![0-9０-９])${DIGIT}{1,2}(?:st|nd|rd|th)?${SPACE}${MONTHS},?${SPACE}${DIGIT}{4}(?![0-9０-９])`, 'i');
const MONTH_DAY_YEAR = new RegExp(`${MONTHS}${SPACE}${DIGIT}{1,2}(?:st|nd|rd|th)?,?${SPACE}${DIGIT}{4}(?![0-9０-９])`, 'i');
const ISO_DATE = /^\d{4}[-./]\d{1,2}[-./]\d{1,2}$/;

export const DATED: readonly RegExp[] = [
  DAY_MONTH_YEAR,
  MONTH_DAY_YEAR,
  new RegExp(`${DIGIT}{4}\\s?年\\s?${DIGIT}{1,2}\\s?月\\s?${DIGIT}{1,2}\\s?日`),
  /[〇零○一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日/,
  ISO_DATE,
];

/** DATED without its Chinese dates, in the same order: for a line without 年, which they all need. */
const DATED_WITHOUT_YEAR_MARK: readonly RegExp[] = [DAY_MONTH_YEAR, MONTH_DAY_YEAR, ISO_DATE];

/** The first date of DATED in a line. */
export function findDate(line: string): RegExpExecArray | null {
  return matchesAny(line.includes('年') ? DATED : DATED_WITHOUT_YEAR_MARK, line);
}

/**
 * Whether a line has what every date above (and MONTH_AND_YEAR) needs: a figure, half- or
 * full-width, or the 年 of a date in Chinese numerals. One pass, to spare most lines the patterns.
 */
export function mayHoldDate(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if ((code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19) || code === 0x5e74) return true;
  }
  return false;
}

export const OWN_REFERENCE_LABELLED =
  /^(?:our\sref(?:erence)?\.?|ref(?:erence)?\.?(?:\sno\.?)?|(?:circular\s)?note\s(?:verbale\s)?no\.?|file\sno\.?|no\.|n°|(?:本[处處]|我[方馆館部处處])?(?:编号|編號|文号|文號|档号|檔號|发文字号|發文字號|照会号|照會號|参考编号|參考編號))\s?[:：]?\s?(\S.{0,100})$/i;

export const OWN_REFERENCE_BARE = /^[A-Z0-9]{1,12}(?:[/.\-][A-Z0-9]{1,12}){2,8}$/i;

/** A Chinese reference in its romanised translation: `(2026) Wei Shi Zi No. 17`. */
export const OWN_REFERENCE_ROMANISED = /^[(（]\s?[0-9]{4}\s?[)）]\s?(?:[A-Z][a-z]{0,10}\s){0,5}No\.?\s?[0-9]{1,6}$/;

const OWN_REFERENCE_CHINESE = [
  /^[^\s（(〔[]{0,12}[（(〔[]\s?[0-9０-９]{4}\s?[）)〕\]]\s?[^\s\d]{0,8}?第?\s?[0-9０-９]{1,6}\s?[号號]$/,
  /^第\s?[A-Za-z0-9０-９][A-Za-z0-9０-９/／\-–.]{0,30}\s?[号號]$/,
];

/** `外领函〔2025〕第17号`, `第 AL-4/2025 号`: a Chinese reference; each ends with 号 (號), so other lines are spared the patterns. */
export function isChineseReference(line: string): boolean {
  const last = line.charCodeAt(line.length - 1);
  return (last === 0x53f7 || last === 0x865f) && matchesAny(OWN_REFERENCE_CHINESE, line) !== null; // 号 號
}

export function matchesAny(patterns: readonly RegExp[], text: string): RegExpExecArray | null {
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match) return match;
  }
  return null;
}
