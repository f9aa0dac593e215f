/**
 * The courtesy formulas of diplomatic correspondence, as data: each with its variants (patterns), the
 * name the outline shows, what it means (for hover) and the formulas that render it in the other
 * language. A new variant is a new pattern here, not code. Every pattern is bounded: no nested or
 * unbounded repetition over overlapping classes, so testing one costs time linear in its input.
 */

export type FormulaRole = 'opening' | 'closing';
export type FormulaPerson = 'first' | 'third';

export interface Formula {
  readonly id: string;
  readonly role: FormulaRole;
  readonly language: 'en' | 'zh';
  readonly person: FormulaPerson;
  /** The variants; the first that matches decides. */
  readonly patterns: readonly RegExp[];
  /** Short name for the outline: `presents its compliments`, `顺致崇高的敬意`. */
  readonly name: string;
  /** What the formula does, in English and in Chinese. */
  readonly meaning: { readonly en: string; readonly zh: string };
  /** The usual rendering in the other language. */
  readonly counterpart: string;
}

const SPACE = '[\\s\\u00a0]{1,3}';
const words = (...parts: string[]): string => parts.join(SPACE);
const HONOUR = words('have', 'the', 'hono(?:u)?r');
const PRONOUN = '(?:its|his|her|their)';
const CONSIDERATION = words('(?:renewed' + SPACE + ')?(?:highest|very' + SPACE + 'high|high|most' + SPACE + 'distinguished)', 'consideration');

export const FORMULAS: readonly Formula[] = [
  {
    id: 'presents-compliments', role: 'opening', language: 'en', person: 'third',
    patterns: [new RegExp(words('presents?', PRONOUN, '(?:compliments|respects)'), 'i')],
    name: 'presents its compliments',
    meaning: {
      en: 'Opening of a note verbale (third person): the sender greets the addressee before the business of the note.',
      zh: '普通照会（第三人称）的开头客套语：发文机关先向受文机关致意，再述正文。',
    },
    counterpart: '…向…致意',
  },
  {
    id: 'honour-to', role: 'opening', language: 'en', person: 'first',
    patterns: [
      new RegExp('^(?:I|We)' + SPACE + HONOUR + SPACE + 'to', 'i'),
      new RegExp('^(?:On|Upon)' + SPACE + '(?:behalf' + SPACE + 'of|the' + SPACE + 'instructions?' + SPACE + 'of|instructions?' + SPACE + 'from)[^.]{0,200}?(?:I|we)' + SPACE + HONOUR, 'i'),
      new RegExp('^(?:With' + SPACE + 'reference' + SPACE + 'to|Further' + SPACE + 'to|Referring' + SPACE + 'to|In' + SPACE + 'reply' + SPACE + 'to)[^.]{0,300}?(?:I|we)' + SPACE + HONOUR, 'i'),
      // `On the occasion of …, I have the honour to`: a clause set before the formula by a comma.
      new RegExp('^[A-Z][^.;:]{0,300}?,' + SPACE + '(?:I|we)' + SPACE + HONOUR, 'i'),
    ],
    name: 'I have the honour to',
    meaning: {
      en: 'Opening of a formal letter (first person): "I have the honour to inform / transmit / refer to …".',
      zh: '正式信函（第一人称）的开头客套语：“我谨通知／转交／提及……”。',
    },
    counterpart: '我谨…',
  },
  {
    id: 'zhi-yi', role: 'opening', language: 'zh', person: 'third',
    patterns: [/向.{1,120}?致意/],
    name: '致意',
    meaning: {
      en: 'Opening of a Chinese note verbale: "… presents its compliments to …" (向…致意), usually followed by 并谨 (and has the honour to).',
      zh: '照会开头的客套语“…向…致意”，其后常接“并谨…”。',
    },
    counterpart: 'presents its compliments',
  },
  {
    id: 'wo-jin', role: 'opening', language: 'zh', person: 'first',
    patterns: [
      /^(?:我|本人)(?:谨|荣幸地|榮幸地|謹)/,
      /^(?:谨|謹)代表.{1,60}?(?:向|通知|转达|轉達|函告)/,
      // `值此…之际，我荣幸地通知…`: a clause set before the formula by a comma.
      /^[^。；：！？]{1,120}?，(?:我|本人)(?:谨|荣幸地|榮幸地|謹)/,
    ],
    name: '我谨',
    meaning: {
      en: 'Opening of a Chinese formal letter (first person): "I have the honour to …" (我谨…).',
      zh: '中文正式信函（第一人称）的开头客套语“我谨……”。',
    },
    counterpart: 'I have the honour to',
  },
  {
    id: 'avails-itself', role: 'closing', language: 'en', person: 'third',
    patterns: [
      new RegExp(words('avails?', '(?:itself|himself|herself|themselves)', 'of', 'this', 'opportunity'), 'i'),
      new RegExp(words('takes', 'this', 'opportunity', 'to', '(?:renew|express|convey|extend|reiterate)'), 'i'),
      new RegExp(words('assurances', 'of', PRONOUN, CONSIDERATION), 'i'),
    ],
    name: 'assurances of highest consideration',
    meaning: {
      en: 'Closing of a note verbale (third person): the sender "avails itself of this opportunity to renew … the assurances of its highest consideration".',
      zh: '普通照会（第三人称）的结尾客套语：“顺致崇高的敬意”。',
    },
    counterpart: '顺致崇高的敬意',
  },
  {
    id: 'accept-assurances', role: 'closing', language: 'en', person: 'first',
    patterns: [
      new RegExp('^(?:Please' + SPACE + ')?accept,?' + SPACE + '(?:[A-Z][a-z.]{0,12},?' + SPACE + '){0,3}(?:the' + SPACE + ')?(?:renewed' + SPACE + ')?assurances', 'i'),
      new RegExp('^I' + SPACE + '(?:avail' + SPACE + 'myself' + SPACE + 'of|take|wish' + SPACE + 'to' + SPACE + 'take)' + SPACE + 'this' + SPACE + 'opportunity' + SPACE + 'to' + SPACE + '(?:renew|express|convey|extend|reiterate)', 'i'),
      new RegExp(words('assurances', 'of', '(?:my|our)', CONSIDERATION), 'i'),
      /^(?:Yours[\s\u00a0]{1,3}(?:sincerely|faithfully|truly)|Sincerely(?:[\s\u00a0]{1,3}yours)?|Respectfully(?:[\s\u00a0]{1,3}yours)?)[,.]?$/i,
    ],
    name: 'assurances of highest consideration',
    meaning: {
      en: 'Closing of a formal letter (first person): "Please accept, Excellency, the assurances of my highest consideration."',
      zh: '正式信函（第一人称）的结尾客套语：“顺致崇高敬意”。',
    },
    counterpart: '顺致崇高敬意',
  },
  {
    id: 'shun-zhi', role: 'closing', language: 'zh', person: 'third',
    patterns: [
      /[顺順]致(?:最)?崇高(?:的)?敬意/,
      /致以(?:最)?崇高(?:的)?敬意/,
      /(?:谨|謹)(?:致|表)(?:最)?崇高(?:的)?敬意/,
      /[顺順][颂頌](?:时|時|勋|勳|商|台)[祺安]/,
      /^此致[\s\u3000]{0,3}敬礼/,
    ],
    name: '顺致崇高的敬意',
    meaning: {
      en: 'Closing of a Chinese note or letter: "(I avail myself of this opportunity to renew) the assurances of (my) highest consideration" (顺致崇高的敬意).',
      zh: '中文照会或信函的结尾客套语“顺致崇高的敬意”（亦作“顺致崇高敬意”“順致崇高的敬意”）。',
    },
    counterpart: 'the assurances of its highest consideration',
  },
];

const BY_ID: ReadonlyMap<string, Formula> = new Map(FORMULAS.map((formula) => [formula.id, formula]));

export function formulaById(id: string): Formula | undefined {
  return BY_ID.get(id);
}

/** Only the start of a paragraph is searched for an opening formula. */
export const OPENING_SEARCH_LENGTH = 400;
/** A closing formula paragraph longer than this carries body text too and stays a body paragraph. */
export const MAX_CLOSING_LENGTH = 700;

/**
 * Where the words of a paragraph's formula stand (`presents its compliments`, `顺致崇高的敬意`), for hover:
 * the first match of its variants in the part of the paragraph where it was found.
 */
export function formulaPhrase(text: string, paragraph: { span: { start: number; end: number } }, id: string): { start: number; end: number } | undefined {
  const formula = formulaById(id);
  if (!formula) return undefined;
  const reach = formula.role === 'opening' ? OPENING_SEARCH_LENGTH : MAX_CLOSING_LENGTH;
  const from = paragraph.span.start;
  const searched = text.slice(from, Math.min(paragraph.span.end, from + reach));
  for (const pattern of formula.patterns) {
    const match = pattern.exec(searched);
    if (match) return { start: from + match.index, end: from + match.index + match[0].length };
  }
  return undefined;
}

/**
 * Per role, one pattern that matches where any variant of the role's formulas does: most blocks hold
 * no formula, and one search costs them less than a search per variant. Case is ignored for every
 * variant (the Chinese ones have no letters to fold).
 */
const ANY_VARIANT_OF: Readonly<Record<FormulaRole, RegExp>> = {
  opening: anyVariantOf('opening'),
  closing: anyVariantOf('closing'),
};

function anyVariantOf(role: FormulaRole): RegExp {
  const sources = FORMULAS.filter((formula) => formula.role === role).flatMap((formula) => formula.patterns.map((pattern) => `(?:${pattern.source})`));
  return new RegExp(sources.join('|'), 'i');
}

/** The formula of one role found in `text` (the head of a block for openings), if any. */
export function findFormula(text: string, role: FormulaRole): Formula | undefined {
  if (!ANY_VARIANT_OF[role].test(text)) return undefined;
  return FORMULAS.find((formula) => formula.role === role && formula.patterns.some((pattern) => pattern.test(text)));
}
