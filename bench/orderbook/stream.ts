/**
 * A deterministic, realistic order stream for the order book benchmark: a
 * seeded PRNG decides everything, and a shadow OrderBook run while generating
 * tells the generator which orders are still open, so every cancel names a
 * live order (as a real participant's would). Mix by default: ~60 % new limit
 * orders that rest (bids below the mid, asks above it, a few resource classes,
 * prices concentrated near the spread), ~30 % cancels, ~10 % crossing orders
 * that fill against the best levels.
 */
import { OrderBook, type Capability, type OrderInput } from '#libs/market';

export const T0_MS = 1_700_000_000_000;
const DAY_MS = 86_400_000;
const MID_PRICE = 1_000;
/** Resting orders sit 1..HALF_SPREAD_LEVELS ticks away from the mid. */
const HALF_SPREAD_LEVELS = 50;
/** Crossing orders reach this far past the mid: through every resting level. */
const CROSS_TICKS = 60;

export interface PlaceOp {
  readonly kind: 0;
  readonly order: OrderInput;
  readonly nowMs: number;
}
export interface CancelOp {
  readonly kind: 1;
  readonly orderId: string;
  readonly participantId: string;
  readonly nowMs: number;
}
export type Op = PlaceOp | CancelOp;

export interface StreamShape {
  readonly ops: number;
  readonly seed: number;
  readonly participants: number;
  /** Fractions of the stream; the rest are resting limit orders. */
  readonly cancelShare: number;
  readonly crossShare: number;
}

export interface Stream {
  readonly ops: Op[];
  readonly resting: number;
  readonly crossing: number;
  readonly cancels: number;
  readonly fills: number;
  readonly openAtEnd: number;
}

/** mulberry32: small, fast, and good enough to shuffle a benchmark. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface ClassChoice {
  readonly capabilities: readonly Capability[];
  readonly securityLevel: number;
  readonly weight: number;
}

/** What providers offer and what lessees require: a handful of resource classes. */
const SELL_CLASSES: readonly ClassChoice[] = [
  { capabilities: [], securityLevel: 1, weight: 4 },
  { capabilities: ['tee'], securityLevel: 2, weight: 3 },
  { capabilities: ['tee', 'he'], securityLevel: 3, weight: 2 },
  { capabilities: ['he'], securityLevel: 1, weight: 1 },
];
const BUY_CLASSES: readonly ClassChoice[] = [
  { capabilities: [], securityLevel: 1, weight: 5 },
  { capabilities: ['tee'], securityLevel: 1, weight: 2 },
  { capabilities: ['tee'], securityLevel: 2, weight: 2 },
  { capabilities: ['he'], securityLevel: 1, weight: 1 },
];

function pick(classes: readonly ClassChoice[], r: number): ClassChoice {
  const total = classes.reduce((n, c) => n + c.weight, 0);
  let x = r * total;
  for (const c of classes) {
    x -= c.weight;
    if (x < 0) return c;
  }
  return classes[classes.length - 1] as ClassChoice;
}

/** Live order ids with O(1) random pick and removal (swap with the last). */
class LiveSet {
  private readonly ids: string[] = [];
  private readonly owners: string[] = [];
  private readonly index = new Map<string, number>();

  get size(): number {
    return this.ids.length;
  }

  add(id: string, owner: string): void {
    this.index.set(id, this.ids.length);
    this.ids.push(id);
    this.owners.push(owner);
  }

  remove(id: string): void {
    const i = this.index.get(id);
    if (i === undefined) return;
    const last = this.ids.length - 1;
    const lastId = this.ids[last] as string;
    this.ids[i] = lastId;
    this.owners[i] = this.owners[last] as string;
    this.index.set(lastId, i);
    this.ids.pop();
    this.owners.pop();
    this.index.delete(id);
  }

  at(i: number): [string, string] {
    return [this.ids[i] as string, this.owners[i] as string];
  }
}

export function generateStream(shape: StreamShape): Stream {
  const rand = prng(shape.seed);
  const int = (n: number): number => Math.floor(rand() * n);
  const shadow = new OrderBook();
  const live = new LiveSet();
  const ops: Op[] = new Array<Op>(shape.ops);
  let resting = 0;
  let crossing = 0;
  let cancels = 0;
  let fills = 0;
  for (let i = 0; i < shape.ops; i++) {
    const nowMs = T0_MS + i;
    const r = rand();
    if (r < shape.cancelShare && live.size > 0) {
      const [orderId, participantId] = live.at(int(live.size));
      ops[i] = { kind: 1, orderId, participantId, nowMs };
      shadow.cancel(orderId, participantId, nowMs);
      live.remove(orderId);
      cancels++;
      continue;
    }
    const participantId = `p${int(shape.participants)}`;
    const orderId = `o${i}`;
    const side = rand() < 0.5 ? 'buy' : 'sell';
    let order: OrderInput;
    if (r < shape.cancelShare + shape.crossShare) {
      // A marketable order with modest needs: it can take from every class it reaches.
      const cores = 1 + int(8);
      order =
        side === 'buy'
          ? { orderId, clientOrderId: `c${i}`, participantId, side, cores, memoryMiB: cores * 512, durationS: 600, priceMinorPerCoreSecond: MID_PRICE + CROSS_TICKS, capabilities: [], securityLevel: 1, expiresAtMs: T0_MS + DAY_MS }
          : { orderId, clientOrderId: `c${i}`, participantId, side, cores, memoryMiB: cores * 8192, durationS: 2 * DAY_MS / 1000, priceMinorPerCoreSecond: MID_PRICE - CROSS_TICKS, capabilities: ['tee', 'he'], securityLevel: 3, expiresAtMs: T0_MS + DAY_MS };
      crossing++;
    } else {
      const cores = 1 + int(16);
      // Squared uniform: most orders near the spread, a thinning tail behind it.
      const ticks = 1 + Math.floor(rand() * rand() * HALF_SPREAD_LEVELS);
      const c = pick(side === 'buy' ? BUY_CLASSES : SELL_CLASSES, rand());
      order = {
        orderId,
        clientOrderId: `c${i}`,
        participantId,
        side,
        cores,
        memoryMiB: cores * (side === 'buy' ? 1024 : 2048) * (1 + int(2)),
        durationS: side === 'buy' ? 3600 : 86_400,
        priceMinorPerCoreSecond: side === 'buy' ? MID_PRICE - ticks : MID_PRICE + ticks,
        capabilities: c.capabilities,
        securityLevel: c.securityLevel,
        expiresAtMs: T0_MS + DAY_MS,
        allOrNone: side === 'buy' && rand() < 0.02,
      };
      resting++;
    }
    ops[i] = { kind: 0, order, nowMs };
    const res = shadow.place(order, nowMs);
    if (!res.ok) throw new Error(`generator: order ${orderId} refused: ${res.code}`);
    for (const f of res.fills) {
      const other = side === 'buy' ? f.sellOrderId : f.buyOrderId;
      if (shadow.order(other) === undefined) live.remove(other);
      fills++;
    }
    if (res.restingCores > 0) live.add(orderId, participantId);
  }
  return { ops, resting, crossing, cancels, fills, openAtEnd: shadow.openOrderCount() };
}
