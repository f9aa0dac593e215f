/**
 * Reuse across analyses of successive versions of one document. The per-block work that does not
 * depend on the rest of the note (what a block looks like, where its list markers are) is kept by
 * the block's text, so a keystroke re-does that work for the block it touched only. Entries not used
 * by the latest analysis are dropped, so the memo never holds more than two versions' blocks.
 */
export interface Memo {
  /** The value kept under `key` in the table `kind`, computed by `compute` when absent. */
  get<T>(kind: MemoKind, key: string, compute: () => T): T;
  /** Called after each analysis: what this one did not use is forgotten. */
  endAnalysis(): void;
}

export type MemoKind = 'facts' | 'markers';

/** Two generations per table: the entries used by this analysis and those of the one before. */
class Generations {
  current = new Map<string, unknown>();
  previous = new Map<string, unknown>();
}

export class AnalysisMemo implements Memo {
  private readonly tables = new Map<MemoKind, Generations>();

  get<T>(kind: MemoKind, key: string, compute: () => T): T {
    let table = this.tables.get(kind);
    if (!table) this.tables.set(kind, (table = new Generations()));
    const hit = table.current.get(key) ?? table.previous.get(key);
    const value = hit === undefined ? compute() : (hit as T);
    table.current.set(key, value);
    return value;
  }

  endAnalysis(): void {
    for (const table of this.tables.values()) {
      table.previous = table.current;
      table.current = new Map();
    }
  }
}

/** A memo that keeps nothing, for one-off analyses. */
export const NO_MEMO: Memo = {
  get: (_kind, _key, compute) => compute(),
  endAnalysis: () => undefined,
};
