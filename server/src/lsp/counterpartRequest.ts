/** `diplonote/counterpart` (see protocol.ts): where the counterpart of a position is, as a plain location. */
import type { Location } from 'vscode-languageserver';
import type { TextLocation } from '../service';
import { toLocation } from './positions';

export function counterpartLocation(location: TextLocation | undefined): Location | null {
  return location ? toLocation(location) : null;
}
