/**
 * The optimized book's storage. Orders live in an arena of packed records in
 * two typed arrays (a slot's doubles, then its int32s), not in one object per
 * order: resting orders are long-lived, and hundreds of thousands of small
 * objects would be copied by young-generation GCs and chased through pointers
 * by every scan. A slot holds the order's numbers, its links in its price
 * level's FIFO and in its participant's list (so cancel is O(1)), and, in
 * side arrays, its three strings and its level. Freed slots are reused.
 *
 * A price level is a FIFO of slots with running totals; a ladder is one side
 * of one resource class, its levels sorted so the best is at the end of the
 * array (taking and dropping the best level is O(1)). The expiry heap keeps
 * (expiresAtMs, seq, slot) triples and drops entries of orders that left.
 */
import { MarketStateError } from './errors.js';
import type { Side } from './types.js';

export const NIL = -1;
export const SIDE_BUY = 0;
export const SIDE_SELL = 1;

export function sideName(code: number): Side {
  return code === SIDE_BUY ? 'buy' : 'sell';
}

export class PriceLevel {
  head = NIL;
  tail = NIL;
  /** Slots in the FIFO, including sells whose cores are all reserved (they keep their place). */
  nodeCount = 0;
  /** Slots with available cores (depth's order count). */
  openOrders = 0;
  availableCores = 0;

  constructor(
    public price: number,
    /** sign x price: larger is better for the side (buys: +1, sells: -1). */
    public key: number,
  ) {}
}

function grownF64(a: Float64Array, n: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(n);
  b.set(a);
  return b;
}
function grownI32(a: Int32Array, n: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}

// Record layout. A slot's numbers sit together, 32 bytes of doubles and one
// 64-byte line of int32s, so reading or writing an order touches two cache
// lines instead of one line per field.
const F = 4;
const F_SEQ = 0;
const F_PRICE = 1;
const F_EXPIRES = 2;
const F_PKEY = 3;
const I = 16;
const I_CORES = 0;
const I_AVAILABLE = 1;
const I_RESERVED = 2;
const I_FILLED = 3;
const I_MEMORY = 4;
const I_MEM_PER_CORE = 5;
const I_DURATION = 6;
const I_ID_HASH = 7;
const I_PREV = 8;
const I_NEXT = 9;
const I_PPREV = 10;
const I_PNEXT = 11;
const I_SIDE = 12;
const I_AON = 13;
const I_CLASS = 14;
const I_LIVE = 15;

export class OrderArena {
  capacity: number;
  /** Slots ever handed out (high-water mark); slots below it are live, free, or a command's scratch slot. */
  used = 0;
  private freeSlots: number[] = [];
  private readonly maxSlots: number;
  private f64: Float64Array;
  private i32: Int32Array;
  level: (PriceLevel | null)[] = [];
  orderId: string[] = [];
  clientOrderId: string[] = [];
  participantId: string[] = [];

  constructor(initialCapacity: number, maxSlots: number) {
    this.capacity = initialCapacity;
    this.maxSlots = maxSlots;
    this.f64 = new Float64Array(initialCapacity * F);
    this.i32 = new Int32Array(initialCapacity * I);
  }

  seq(i: number): number { return this.f64[i * F + F_SEQ] as number; }
  setSeq(i: number, v: number): void { this.f64[i * F + F_SEQ] = v; }
  price(i: number): number { return this.f64[i * F + F_PRICE] as number; }
  setPrice(i: number, v: number): void { this.f64[i * F + F_PRICE] = v; }
  expiresAtMs(i: number): number { return this.f64[i * F + F_EXPIRES] as number; }
  setExpiresAtMs(i: number, v: number): void { this.f64[i * F + F_EXPIRES] = v; }
  /** The owner's key in the book's participant table (numbers compare faster than id strings in the scan). */
  participantKey(i: number): number { return this.f64[i * F + F_PKEY] as number; }
  setParticipantKey(i: number, v: number): void { this.f64[i * F + F_PKEY] = v; }
  cores(i: number): number { return this.i32[i * I + I_CORES] as number; }
  setCores(i: number, v: number): void { this.i32[i * I + I_CORES] = v; }
  available(i: number): number { return this.i32[i * I + I_AVAILABLE] as number; }
  /** Raw write; use setAvailable for a slot in a level. */
  putAvailable(i: number, v: number): void { this.i32[i * I + I_AVAILABLE] = v; }
  reserved(i: number): number { return this.i32[i * I + I_RESERVED] as number; }
  setReserved(i: number, v: number): void { this.i32[i * I + I_RESERVED] = v; }
  filled(i: number): number { return this.i32[i * I + I_FILLED] as number; }
  setFilled(i: number, v: number): void { this.i32[i * I + I_FILLED] = v; }
  memoryMiB(i: number): number { return this.i32[i * I + I_MEMORY] as number; }
  setMemoryMiB(i: number, v: number): void { this.i32[i * I + I_MEMORY] = v; }
  /** Buy: ceil(memoryMiB / cores). Sell: floor(memoryMiB / cores). */
  memPerCore(i: number): number { return this.i32[i * I + I_MEM_PER_CORE] as number; }
  setMemPerCore(i: number, v: number): void { this.i32[i * I + I_MEM_PER_CORE] = v; }
  durationS(i: number): number { return this.i32[i * I + I_DURATION] as number; }
  setDurationS(i: number, v: number): void { this.i32[i * I + I_DURATION] = v; }
  /** hashId(orderId), kept for the id index. */
  idHash(i: number): number { return this.i32[i * I + I_ID_HASH] as number; }
  setIdHash(i: number, v: number): void { this.i32[i * I + I_ID_HASH] = v; }
  prev(i: number): number { return this.i32[i * I + I_PREV] as number; }
  setPrev(i: number, v: number): void { this.i32[i * I + I_PREV] = v; }
  next(i: number): number { return this.i32[i * I + I_NEXT] as number; }
  setNext(i: number, v: number): void { this.i32[i * I + I_NEXT] = v; }
  pPrev(i: number): number { return this.i32[i * I + I_PPREV] as number; }
  setPPrev(i: number, v: number): void { this.i32[i * I + I_PPREV] = v; }
  pNext(i: number): number { return this.i32[i * I + I_PNEXT] as number; }
  setPNext(i: number, v: number): void { this.i32[i * I + I_PNEXT] = v; }
  side(i: number): number { return this.i32[i * I + I_SIDE] as number; }
  setSide(i: number, v: number): void { this.i32[i * I + I_SIDE] = v; }
  allOrNone(i: number): number { return this.i32[i * I + I_AON] as number; }
  setAllOrNone(i: number, v: number): void { this.i32[i * I + I_AON] = v; }
  classIdx(i: number): number { return this.i32[i * I + I_CLASS] as number; }
  setClassIdx(i: number, v: number): void { this.i32[i * I + I_CLASS] = v; }
  mask(i: number): number { return Math.floor(this.classIdx(i) / 3); }
  securityLevel(i: number): number { return (this.classIdx(i) % 3) + 1; }
  /** 1 while the order is in the book. */
  live(i: number): number { return this.i32[i * I + I_LIVE] as number; }
  setLive(i: number, v: number): void { this.i32[i * I + I_LIVE] = v; }

  /** A free slot (its fields are the caller's to set). */
  alloc(): number {
    const reused = this.freeSlots.pop();
    if (reused !== undefined) return reused;
    if (this.used === this.capacity) this.grow();
    return this.used++;
  }

  free(i: number): void {
    this.setLive(i, 0);
    this.level[i] = null;
    // Drop the strings so a freed slot does not keep them alive.
    this.orderId[i] = '';
    this.clientOrderId[i] = '';
    this.participantId[i] = '';
    this.freeSlots.push(i);
  }

  /** Live slots (orders in the book), in slot order. */
  liveSlots(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.used; i++) if (this.live(i) === 1) out.push(i);
    return out;
  }

  /** Live slots in seq order. O(n log n): snapshots and validation only. */
  liveSlotsBySeq(): number[] {
    return this.liveSlots().sort((x, y) => this.seq(x) - this.seq(y));
  }

  reset(): void {
    this.used = 0;
    this.freeSlots = [];
    this.i32.fill(0);
    this.level = [];
    this.orderId = [];
    this.clientOrderId = [];
    this.participantId = [];
  }

  private grow(): void {
    if (this.capacity >= this.maxSlots) throw new MarketStateError(`order arena full (${this.maxSlots} slots)`);
    const n = Math.min(this.maxSlots, this.capacity * 2);
    this.f64 = grownF64(this.f64, n * F);
    this.i32 = grownI32(this.i32, n * I);
    this.capacity = n;
  }

  /** Appends slot i at the back of a level's FIFO. */
  append(level: PriceLevel, i: number): void {
    this.level[i] = level;
    this.setPrev(i, level.tail);
    this.setNext(i, NIL);
    if (level.tail === NIL) level.head = i;
    else this.setNext(level.tail, i);
    level.tail = i;
    level.nodeCount++;
    const available = this.available(i);
    level.availableCores += available;
    if (available > 0) level.openOrders++;
  }

  /** Takes slot i out of its level's FIFO. */
  unlink(level: PriceLevel, i: number): void {
    const p = this.prev(i);
    const n = this.next(i);
    if (p === NIL) level.head = n;
    else this.setNext(p, n);
    if (n === NIL) level.tail = p;
    else this.setPrev(n, p);
    this.setPrev(i, NIL);
    this.setNext(i, NIL);
    this.level[i] = null;
    level.nodeCount--;
    const available = this.available(i);
    level.availableCores -= available;
    if (available > 0) level.openOrders--;
  }

  /** Sets slot i's available cores, keeping its level's totals right. */
  setAvailable(i: number, cores: number): void {
    const level = this.level[i];
    const was = this.available(i);
    if (level !== null && level !== undefined) {
      level.availableCores += cores - was;
      if (was === 0 && cores > 0) level.openOrders++;
      else if (was > 0 && cores === 0) level.openOrders--;
    }
    this.putAvailable(i, cores);
  }
}

/** One side of one resource class. */
export class Ladder {
  /** Ascending by key: the best level is last. */
  readonly levels: PriceLevel[] = [];
  readonly byPrice = new Map<number, PriceLevel>();
  /** +1 for bids (higher is better), -1 for asks (lower is better). */
  readonly sign: number;
  private readonly pool: PriceLevel[] = [];

  constructor(readonly side: Side) {
    this.sign = side === 'buy' ? 1 : -1;
  }

  /** The level at `price`, created (in order) when missing. O(log L) search + O(L) shift for a new level. */
  levelFor(price: number): PriceLevel {
    const found = this.byPrice.get(price);
    if (found !== undefined) return found;
    const key = this.sign * price;
    const level = this.pool.pop() ?? new PriceLevel(price, key);
    level.price = price;
    level.key = key;
    const levels = this.levels;
    let lo = 0;
    let hi = levels.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((levels[mid] as PriceLevel).key < key) lo = mid + 1;
      else hi = mid;
    }
    if (lo === levels.length) levels.push(level);
    else levels.splice(lo, 0, level);
    this.byPrice.set(price, level);
    return level;
  }

  /** Drops an empty level. */
  removeLevel(level: PriceLevel): void {
    const levels = this.levels;
    const last = levels.length - 1;
    if (levels[last] === level) levels.pop();
    else {
      let lo = 0;
      let hi = last;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((levels[mid] as PriceLevel).key < level.key) lo = mid + 1;
        else hi = mid;
      }
      if (levels[lo] !== level) throw new MarketStateError(`ladder: level ${level.price} not found`);
      levels.splice(lo, 1);
    }
    this.byPrice.delete(level.price);
    level.head = NIL;
    level.tail = NIL;
    level.nodeCount = 0;
    level.openOrders = 0;
    level.availableCores = 0;
    if (this.pool.length < 1024) this.pool.push(level);
  }

  clear(): void {
    this.levels.length = 0;
    this.byPrice.clear();
  }
}

/**
 * Binary min-heap of (expiresAtMs, seq, slot), ordered by (expiresAtMs, seq).
 * An entry is current only while its slot is live with the same seq: entries
 * of orders that left the book (or whose slot was reused) are dropped lazily.
 */
export class ExpiryHeap {
  size = 0;
  private exp = new Float64Array(1024);
  private seq = new Float64Array(1024);
  private slot = new Int32Array(1024);

  topExpiresAtMs(): number {
    return this.exp[0] as number;
  }
  topSeq(): number {
    return this.seq[0] as number;
  }
  topSlot(): number {
    return this.slot[0] as number;
  }

  private less(i: number, e: number, s: number): boolean {
    const ei = this.exp[i] as number;
    return ei < e || (ei === e && (this.seq[i] as number) < s);
  }

  push(expiresAtMs: number, seq: number, slot: number): void {
    if (this.size === this.exp.length) {
      const n = this.size * 2;
      this.exp = grownF64(this.exp, n);
      this.seq = grownF64(this.seq, n);
      this.slot = grownI32(this.slot, n);
    }
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >>> 1;
      const pe = this.exp[parent] as number;
      if (!(expiresAtMs < pe || (expiresAtMs === pe && seq < (this.seq[parent] as number)))) break;
      this.move(parent, i);
      i = parent;
    }
    this.exp[i] = expiresAtMs;
    this.seq[i] = seq;
    this.slot[i] = slot;
  }

  pop(): void {
    if (this.size === 0) return;
    const last = --this.size;
    if (last === 0) return;
    this.siftDown(0, this.exp[last] as number, this.seq[last] as number, this.slot[last] as number);
  }

  private move(from: number, to: number): void {
    this.exp[to] = this.exp[from] as number;
    this.seq[to] = this.seq[from] as number;
    this.slot[to] = this.slot[from] as number;
  }

  private siftDown(start: number, e: number, s: number, slot: number): void {
    const size = this.size;
    let i = start;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      const right = child + 1;
      if (right < size && this.less(right, this.exp[child] as number, this.seq[child] as number)) child = right;
      if (!this.less(child, e, s)) break;
      this.move(child, i);
      i = child;
    }
    this.exp[i] = e;
    this.seq[i] = s;
    this.slot[i] = slot;
  }

  /** Rebuilds from the given entries only (O(n)): called when stale entries outnumber current ones. */
  rebuild(entries: readonly (readonly [number, number, number])[]): void {
    const n = Math.max(1024, entries.length);
    this.exp = new Float64Array(n);
    this.seq = new Float64Array(n);
    this.slot = new Int32Array(n);
    this.size = entries.length;
    entries.forEach(([e, s, slot], i) => {
      this.exp[i] = e;
      this.seq[i] = s;
      this.slot[i] = slot;
    });
    for (let i = (this.size >>> 1) - 1; i >= 0; i--) this.siftDown(i, this.exp[i] as number, this.seq[i] as number, this.slot[i] as number);
  }

  /**
   * Drops, in place, every entry for which isCurrent(slot, seq) is false, then
   * restores the heap property (O(n), no allocation): the amortized cleanup of
   * stale entries on the hot path.
   */
  retain(isCurrent: (slot: number, seq: number) => boolean): void {
    let n = 0;
    for (let i = 0; i < this.size; i++) {
      const slot = this.slot[i] as number;
      const s = this.seq[i] as number;
      if (!isCurrent(slot, s)) continue;
      this.exp[n] = this.exp[i] as number;
      this.seq[n] = s;
      this.slot[n] = slot;
      n++;
    }
    this.size = n;
    for (let i = (n >>> 1) - 1; i >= 0; i--) this.siftDown(i, this.exp[i] as number, this.seq[i] as number, this.slot[i] as number);
  }

  /** Every entry as [expiresAtMs, seq, slot] (validation). */
  entries(): [number, number, number][] {
    const out: [number, number, number][] = [];
    for (let i = 0; i < this.size; i++) out.push([this.exp[i] as number, this.seq[i] as number, this.slot[i] as number]);
    return out;
  }

  isHeap(): boolean {
    for (let i = 1; i < this.size; i++) if (this.less(i, this.exp[(i - 1) >>> 1] as number, this.seq[(i - 1) >>> 1] as number)) return false;
    return true;
  }
}
