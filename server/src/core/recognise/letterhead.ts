/** Contact fields in letterhead lines: address, Tel, Fax, Email, Website (and their Chinese labels). */
import type { LetterheadField, Span } from '../model';

const FIELD_LABEL =
  /(?<tel>\b(?:tel|telephone|phone)\b\.?|电话)|(?<fax>\bfax\b\.?|传真)|(?<email>\be-?mail\b|电子邮件|邮箱)|(?<website>\b(?:website|web|url)\b|网址|网站)|(?<address>\baddress\b|地址)/giu;

/** A street address: a number next to a street word, or a postcode line. */
const ADDRESS_LINE =
  /\b\d{1,5},?\s(?:[A-Za-zÀ-ÿ'-]{1,20}\s){0,2}(?:chemin|rue|route|avenue|ave\.?|street|st\.|road|rd\.|boulevard|blvd\.?|place|strasse|straße|lane|way)\b|\b(?:chemin|rue|route|avenue|boulevard)\s|\b\d{4,5}\s[A-Z][a-zà-ÿ]{2,20}|路\d{1,5}号|街\d{1,5}号/i;

/**
 * A word every label contains, for a cheap look before FIELD_LABEL. No `s` or `k`: under the `iu`
 * flags of FIELD_LABEL they also match `ſ` and the Kelvin sign, which this pattern (without `u`) does not.
 */
const LABEL_CLUE = /tel|phone|fax|mail|web|url|addre|电话|传真|电子邮件|邮箱|网址|网站|地址/i;

export function findLetterheadFields(text: string, line: Span): LetterheadField[] {
  const content = text.slice(line.start, line.end);
  const labels = labelsIn(content);
  if (labels.length === 0) {
    return ADDRESS_LINE.test(content) ? [{ label: 'address', span: line }] : [];
  }
  return labels.map(({ label, at }, index) => {
    const end = index + 1 < labels.length ? labels[index + 1].at : content.length;
    return { label, span: { start: line.start + at, end: line.start + trimmedLength(content, end) } };
  });
}

function labelsIn(content: string): Array<{ label: LetterheadField['label']; at: number }> {
  const labels: Array<{ label: LetterheadField['label']; at: number }> = [];
  if (!LABEL_CLUE.test(content)) return labels;
  FIELD_LABEL.lastIndex = 0;
  for (let match = FIELD_LABEL.exec(content); match; match = FIELD_LABEL.exec(content)) {
    const label = (Object.keys(match.groups ?? {}) as Array<LetterheadField['label']>).find((name) => match?.groups?.[name]);
    if (label) labels.push({ label, at: match.index });
  }
  return labels;
}

function trimmedLength(content: string, end: number): number {
  let at = end;
  while (at > 0 && content.charCodeAt(at - 1) <= 0x20) at--;
  return at;
}
