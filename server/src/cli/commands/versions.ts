/** What the commands that need both versions say of a note that has only one. */
import { message } from '../../core/messages';
import type { PairingResult } from '../../service/pairing';
import type { CommandContext } from '../command';

export function alonePairing(paired: Extract<PairingResult, { kind: 'alone' }>, say: CommandContext['say']): string {
  return say(paired.problem?.said ?? message('cli.no-other-version'));
}
