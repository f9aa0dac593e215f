/** Cited special-procedures communications: `AL CHN 4/2025`, `JUA USA 12/2024`, wherever they occur. */
import type { CitedCommunication, CommunicationType } from '../model';

// Type, then optionally up to six mandate file codes of the older long form
// (`UA Housing (2000-9) G/SO 214 (53-24) SYR 3/2014`), then ISO 3166 alpha-3, serial and year.
// Every repetition is bounded and the pieces are separated by literal spaces, so matching is linear.
const COMMUNICATION =
  /(?<![A-Za-z0-9])(J?(?:AL|UA|OL))[ \u00a0]{1,3}(?:[A-Za-z0-9][A-Za-z0-9/]{0,11}[ \u00a0]{1,3}(?:\(\d{1,4}-\d{1,4}\)[ \u00a0]{1,3})?){0,6}?([A-Z]{3})[ \u00a0]{1,3}(\d{1,4})\/(\d{4})(?![0-9])/g;

/** The citations in `text`; `offset` is added to their spans (for a piece cut out of a longer text). */
export function findCitedCommunications(text: string, offset = 0): CitedCommunication[] {
  const found: CitedCommunication[] = [];
  COMMUNICATION.lastIndex = 0;
  for (let match = COMMUNICATION.exec(text); match; match = COMMUNICATION.exec(text)) {
    found.push({
      kind: 'citedCommunication',
      span: { start: offset + match.index, end: offset + match.index + match[0].length },
      text: match[0],
      type: match[1] as CommunicationType,
      country: match[2],
      serial: Number(match[3]),
      year: Number(match[4]),
    });
  }
  return found;
}
