/**
 * How references are compared across notes. A special-procedures communication is known by its type,
 * country, serial and year however it is written (`AL CHN 4/2025`, `[AL  CHN 04/2025]`, the long form
 * `UA Housing (2000-9) G/SO 214 (53-24) SYR 3/2014`); any other reference (`CHN/HR/2025/34`,
 * `（２０２６）部领字第２１４号`) by its text with full-width forms folded (NFKC), runs of spaces made one
 * and letters upper-cased, after a leading label (`No.`, `Ref.:`).
 */
import type { CitedCommunication } from '../core/model';
import { findCitedCommunications } from '../core/recognise/citations';

export interface CommunicationParts {
  readonly type: string;
  readonly country: string;
  readonly serial: number;
  readonly year: number;
}

const LABEL = /^(?:no\.|ref(?:erence)?\.?)\s{0,8}:?\s{0,8}/i;
const MAX_REFERENCE_LENGTH = 200;

export function communicationKey(citation: CommunicationParts): string {
  return `${citation.type} ${citation.country} ${citation.serial}/${citation.year}`;
}

/** The communication a whole value is, when it is one and nothing else. */
export function wholeCommunication(value: string): CitedCommunication | undefined {
  const trimmed = value.trim().replace(/^\[(.*)\]$/s, '$1');
  if (trimmed.length > MAX_REFERENCE_LENGTH) return undefined;
  const [found] = findCitedCommunications(trimmed);
  return found && found.span.start === 0 && found.span.end === trimmed.length ? found : undefined;
}

/** The key a reference is compared by; undefined for an empty value. */
export function referenceKey(value: string): string | undefined {
  const communication = wholeCommunication(value);
  if (communication) return communicationKey(communication);
  const folded = value.normalize('NFKC').replace(/\s+/g, ' ').trim().replace(LABEL, '').toUpperCase();
  return folded === '' || folded.length > MAX_REFERENCE_LENGTH ? undefined : folded;
}

/** The parts of a communication key (`AL CHN 4/2025`); undefined for any other key. */
export function communicationParts(key: string): CommunicationParts | undefined {
  const match = /^(J?(?:AL|UA|OL)) ([A-Z]{3}) (\d{1,4})\/(\d{4})$/.exec(key);
  return match ? { type: match[1], country: match[2], serial: Number(match[3]), year: Number(match[4]) } : undefined;
}
