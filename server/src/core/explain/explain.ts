/**
 * What a hover says about the things a note cites and numbers, as plain data: a cited
 * communication decoded, the parts of the note's own reference, and a point marker's counterparts.
 */
import countryTable from './countries.json';
import typeTable from './communicationTypes.json';
import { bilingual, message, type Message } from '../messages';
import type { CitedCommunication, CommunicationType, OwnReference, Point } from '../model';

export interface CommunicationExplanation {
  readonly typeName: string;
  readonly typeNameZh: string;
  readonly what: Message;
  /** The country's name in both languages, or its code when it is not in the table. */
  readonly country: Message;
  readonly serial: number;
  readonly year: number;
}

/** A map, not a plain object: a reference's part `constructor` must not find a member of Object's prototype. */
const COUNTRIES: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(countryTable.countries));
/** Keyed by the type the citation pattern read, one of these six. */
const TYPES: Readonly<Record<CommunicationType, { en: string; zh: string; what: string; whatZh: string }>> = typeTable.types;

export function explainCommunication(citation: CitedCommunication): CommunicationExplanation {
  const type = TYPES[citation.type];
  const country = COUNTRIES.get(citation.country);
  return {
    typeName: type.en, typeNameZh: type.zh, what: bilingual(type.what, type.whatZh),
    country: country ? bilingual(`${country[0]} (${country[1]})`, `${country[1]}（${country[0]}）`) : message('hover.country-code', { code: citation.country }),
    serial: citation.serial, year: citation.year,
  };
}

/** The parts of a reference: `CHN/HR/2025/34` → CHN, HR, 2025, 34; `(2008)礼字第102号` → 2008, 礼, 102. */
export function referenceParts(reference: OwnReference): Array<{ part: string; meaning: Message }> {
  const chinese = /^(.*?)[（(〔[]\s?(\d{4})\s?[）)〕\]]\s?(.*?)第?\s?(\d{1,6})\s?号$/.exec(reference.valueText);
  if (chinese) {
    return [
      ...(chinese[1] ? [{ part: chinese[1], meaning: message('reference.part.issuing-body') }] : []),
      { part: chinese[2], meaning: message('reference.part.year') },
      ...(chinese[3] ? [{ part: chinese[3], meaning: message('reference.part.series') }] : []),
      { part: chinese[4], meaning: message('reference.part.serial-chinese') },
    ];
  }
  return reference.valueText.split(/[/.\-]/).filter((part) => part !== '').map((part) => ({ part, meaning: meaningOf(part) }));
}

function meaningOf(part: string): Message {
  if (/^(19|20)\d\d$/.test(part)) return message('reference.part.year');
  if (/^\d+$/.test(part)) return message('reference.part.serial');
  const country = COUNTRIES.get(part);
  if (country) return message('reference.part.country', { country: bilingual(country[0], country[1]) });
  if (part === 'HR') return message('reference.part.subject');
  return message('reference.part.office');
}

const ENGLISH_ORDINALS = ['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth', 'Seventh', 'Eighth', 'Ninth', 'Tenth'];
const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** How the same point is usually marked in the other language, by its ordinal. */
export function counterpartMarkers(point: Point): string[] {
  const n = point.ordinal;
  if (point.isFinal) return point.language === 'zh' ? ['Finally', 'Lastly'] : ['最后'];
  if (point.language === 'zh') {
    return [ENGLISH_ORDINALS[n - 1], n <= 10 ? `${ENGLISH_ORDINALS[n - 1]}ly` : undefined, `(${LETTERS[n - 1] ?? n})`, `${n}.`]
      .filter((m): m is string => m !== undefined && !m.startsWith('undefined'));
  }
  const numeral = CHINESE_NUMERALS[n - 1];
  if (!numeral) return [`（${n}）`, `${n}.`];
  return [`${numeral}是`, `第${numeral}`, `（${numeral}）`, `${numeral}、`, ...(n <= 3 ? [['首先', '其次', '再次'][n - 1]] : [])];
}
