/**
 * A list that grows until it is closed, read from the front while it grows: the notes of an index
 * build, read as soon as the listing of the folders finds them.
 */
export class GrowingList<T> {
  private readonly items: T[] = [];
  private closed = false;
  /** Resolves, and is replaced, whenever the list grows or is closed. */
  private grown: Promise<void>;
  private resolveGrown!: () => void;

  constructor() {
    this.grown = this.nextGrowth();
  }

  get length(): number {
    return this.items.length;
  }

  at(index: number): T {
    return this.items[index];
  }

  push(items: readonly T[]): void {
    if (this.closed || items.length === 0) return;
    for (const item of items) this.items.push(item);
    this.wake();
  }

  /** No item comes after this. */
  close(): void {
    this.closed = true;
    this.wake();
  }

  /** Whether the list has an item at `index`: at once when it has, else once it has or is closed without. */
  async has(index: number): Promise<boolean> {
    while (index >= this.items.length && !this.closed) await this.grown;
    return index < this.items.length;
  }

  private wake(): void {
    this.resolveGrown();
    this.grown = this.nextGrowth();
  }

  private nextGrowth(): Promise<void> {
    return new Promise<void>((resolve) => (this.resolveGrown = resolve));
  }
}
