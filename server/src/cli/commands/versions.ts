/** What the commands that need both versions say of a note that has only one. */
import type { PairingResult } from '../../service/pairing';

export function alonePairing(paired: Extract<PairingResult, { kind: 'alone' }>): string {
  return paired.problem?.message ?? 'no other language version (neither inside the note nor a NAME.en.note / NAME.zh.note partner)';
}
