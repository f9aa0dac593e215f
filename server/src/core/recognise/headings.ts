/**
 * Section headings standing on their own line: `I. Background` ↔ `一、背景`, `A. Legal framework` ↔
 * `（一）法律框架`, `2. Measures taken` ↔ `二、采取的措施`, `Part II` ↔ `第二部分`. A heading is short and has no
 * final punctuation; which family is the top level is decided per version by the order they appear.
 */
import { chineseNumeralValue, romanValue } from './markers';

export type HeadingFamily = 'roman' | 'letter' | 'arabic' | 'zh-dun' | 'zh-paren' | 'zh-part' | 'en-part';

export interface HeadingMarker {
  readonly family: HeadingFamily;
  readonly ordinal: number;
  /** Length of the marker and the space after it. */
  readonly length: number;
}

// Anchored and bounded: each alternative reads at most a dozen characters.
const HEADING = new RegExp(
  [
    '^(?<roman>[IVXL]{1,6})[.．]\\s+(?=[A-Z])',
    '^(?<letter>[A-H])[.．]\\s+(?=[A-Z])',
    '^(?<arabic>[0-9０-９]{1,2})[.．]\\s+(?=[A-Z])',
    '^(?<dun>[一二三四五六七八九十]{1,3})[、.．]\\s*(?=\\S)',
    '^[（(](?<paren>[一二三四五六七八九十]{1,3})[）)]\\s*(?=\\S)',
    '^第(?<part>[一二三四五六七八九十]{1,3})(?:部分|章|节|節)\\s*',
    '^(?:Part|Section|Chapter)\\s(?<enPart>[IVXL]{1,6}|[0-9]{1,2})(?:[.:．：]|\\s[-–—])?\\s*',
  ].join('|'),
);

export function headingMarker(line: string): HeadingMarker | undefined {
  const match = HEADING.exec(line);
  const groups = match?.groups;
  if (!match || !groups) return undefined;
  const length = match[0].length;
  const found = (family: HeadingFamily, ordinal: number): HeadingMarker | undefined =>
    ordinal > 0 ? { family, ordinal, length } : undefined;
  if (groups.roman) return found('roman', romanValue(groups.roman.toLowerCase()));
  if (groups.letter) return found('letter', groups.letter.charCodeAt(0) - 0x40);
  if (groups.arabic) return found('arabic', Number(toHalfWidth(groups.arabic)));
  if (groups.dun) return found('zh-dun', chineseNumeralValue(groups.dun));
  if (groups.paren) return found('zh-paren', chineseNumeralValue(groups.paren));
  if (groups.part) return found('zh-part', chineseNumeralValue(groups.part));
  if (groups.enPart) {
    const value = /^[0-9]/.test(groups.enPart) ? Number(groups.enPart) : romanValue(groups.enPart.toLowerCase());
    return found('en-part', value);
  }
  return undefined;
}

function toHalfWidth(digits: string): string {
  return digits.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/**
 * The level of each heading of one version, from the order its families first appear: the first
 * family met is level 1, the next a level below it, and so on (`I.` then `A.`; `一、` then `（一）`).
 */
export class HeadingLevels {
  private readonly order: HeadingFamily[] = [];

  levelOf(family: HeadingFamily): number {
    const at = this.order.indexOf(family);
    if (at >= 0) return at + 1;
    this.order.push(family);
    return this.order.length;
  }
}
