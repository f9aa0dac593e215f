/** `diplonote/correspondence` (see protocol.ts): the service's threads are already in the protocol's shape. */
import type { CorrespondenceAnswer } from '../protocol';
import type { IndexState, ThreadCountry } from '../service';

export function correspondenceAnswer(countries: readonly ThreadCountry[], state: IndexState): CorrespondenceAnswer {
  return { indexing: state === 'building' || state === 'not-started', countries };
}
