/**
 * Order id -> arena slot, for the optimized book. An open-addressing hash
 * table (linear probing, backward-shift deletion, load <= 1/2) over one
 * Int32Array of (hash, slot + 1) pairs. It replaces a Map<string, number>
 * because with hundreds of thousands of open orders every Map probe chased
 * pointers to other key strings (a cache miss each); here a probe reads one
 * pair and touches a key string only when the 32-bit hashes agree.
 * Keys are the orderId strings kept in the arena (the table stores no strings).
 */
import { MarketStateError } from './errors.js';

/** FNV-1a over UTF-16 code units: fast, and ids are short ASCII. */
export function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < id.length; k++) h = Math.imul(h ^ id.charCodeAt(k), 0x01000193);
  return h | 0;
}

const MIN_CAPACITY = 1024;

export class IdIndex {
  private table: Int32Array;
  private mask: number;
  size = 0;

  constructor(
    /** The key of a slot: the arena's orderId array, read at lookup time (it may be replaced as the arena grows). */
    private readonly keyOf: (slot: number) => string,
    private readonly maxEntries: number,
  ) {
    this.table = new Int32Array(2 * MIN_CAPACITY);
    this.mask = MIN_CAPACITY - 1;
  }

  /** The slot for id, or -1. */
  get(id: string, h = hashId(id)): number {
    const table = this.table;
    const mask = this.mask;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const entry = table[2 * i + 1] as number;
      if (entry === 0) return -1;
      if (table[2 * i] === h && this.keyOf(entry - 1) === id) return entry - 1;
    }
  }

  /** Adds id -> slot; the id must not be present (the book checks with get first). */
  add(id: string, slot: number, h = hashId(id)): void {
    if (this.size >= this.maxEntries) throw new MarketStateError(`id index full (${this.maxEntries})`);
    if (2 * (this.size + 1) > this.mask + 1) this.resize(2 * (this.mask + 1));
    this.place(h, slot + 1);
    this.size++;
  }

  private place(h: number, entry: number): void {
    const table = this.table;
    const mask = this.mask;
    let i = h & mask;
    while (table[2 * i + 1] !== 0) i = (i + 1) & mask;
    table[2 * i] = h;
    table[2 * i + 1] = entry;
  }

  /** Removes id (which must be present at `slot`). */
  delete(id: string, slot: number, h = hashId(id)): void {
    const table = this.table;
    const mask = this.mask;
    let i = h & mask;
    while (table[2 * i + 1] !== slot + 1) {
      if (table[2 * i + 1] === 0) throw new MarketStateError(`id index: ${id} not found`);
      i = (i + 1) & mask;
    }
    // Backward-shift deletion: pull later entries of the probe run into the gap, so no tombstones are needed.
    let gap = i;
    for (let j = (i + 1) & mask; table[2 * j + 1] !== 0; j = (j + 1) & mask) {
      const home = (table[2 * j] as number) & mask;
      // Entry j may move into the gap only if its home is not cyclically in (gap, j].
      const inRange = gap <= j ? home > gap && home <= j : home > gap || home <= j;
      if (inRange) continue;
      table[2 * gap] = table[2 * j] as number;
      table[2 * gap + 1] = table[2 * j + 1] as number;
      gap = j;
    }
    table[2 * gap] = 0;
    table[2 * gap + 1] = 0;
    this.size--;
    if (this.mask + 1 > MIN_CAPACITY && 8 * this.size < this.mask + 1) this.resize((this.mask + 1) / 2);
  }

  clear(): void {
    this.table = new Int32Array(2 * MIN_CAPACITY);
    this.mask = MIN_CAPACITY - 1;
    this.size = 0;
  }

  private resize(capacity: number): void {
    const old = this.table;
    this.table = new Int32Array(2 * capacity);
    this.mask = capacity - 1;
    for (let i = 0; i < old.length; i += 2) if (old[i + 1] !== 0) this.place(old[i] as number, old[i + 1] as number);
  }

  /** Every (slot) in the table, in table order (validation). */
  slots(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.table.length; i += 2) if (this.table[i + 1] !== 0) out.push((this.table[i + 1] as number) - 1);
    return out;
  }
}
