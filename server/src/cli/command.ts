/** What every CLI command receives: its files, its flags, and where to write. */
import { readNoteFile } from './readInput';

export interface CommandContext {
  readonly files: readonly string[];
  readonly json: boolean;
  readonly options: ReadonlyMap<string, string>;
  out(text: string): void;
  error(text: string): void;
  /** Runs `action` on each readable file; returns 2 when any file was unusable, else 0. */
  forEachFile(action: (file: string, text: string) => void): number;
}

export const EXIT_UNUSABLE_INPUT = 2;

export function createContext(
  files: readonly string[], json: boolean, options: ReadonlyMap<string, string>,
  out: (text: string) => void, error: (text: string) => void,
): CommandContext {
  return {
    files, json, options, out, error,
    forEachFile(action) {
      let status = 0;
      for (const file of files) {
        const input = readNoteFile(file);
        if (input.ok) action(file, input.text);
        else {
          error(`diplonote: ${input.message}`);
          status = EXIT_UNUSABLE_INPUT;
        }
      }
      return status;
    },
  };
}
