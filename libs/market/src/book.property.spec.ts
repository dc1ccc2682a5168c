/**
 * Property tests: random command streams (few participants, few price levels,
 * every command kind) run through the naive reference and the optimized book
 * must give identical results and identical stateHash() after every command;
 * both keep their invariants; fills respect prices, eligibility and
 * self-trade prevention; cores are conserved; and a snapshot restored into a
 * fresh book (either kind) carries on exactly like the original.
 */
import fc from 'fast-check';
import { applyCommand, type MarketCommand, type MarketResult } from './commands.js';
import { HOUR_MS, T0 } from './book.fixtures.js';
import type { MarketLimits } from './limits.js';
import { NaiveOrderBook } from './naive-book.js';
import { OrderBook } from './order-book.js';
import { buyMemoryPerCoreMiB, capabilityMask, sellMemoryPerCoreMiB } from './validate.js';
import type { Capability, Fill, MatchingEngine, OrderInput, ReservationBuySpec, ReservedLot, Side } from './types.js';

const PARTICIPANTS = ['p1', 'p2', 'p3', 'p4'] as const;
const CAPS: readonly (readonly Capability[])[] = [[], ['tee'], ['he'], ['tee', 'he']];

// --- generated steps (state-independent; references are resolved when the stream is built) --------

interface OrderShape {
  readonly side: Side;
  readonly who: number;
  readonly cores: number;
  readonly memPerCore: number;
  readonly memSkew: number;
  readonly durationS: number;
  readonly price: number;
  readonly caps: number;
  readonly level: number;
  readonly ttlMs: number;
  readonly aon: boolean;
  /** Most orders are generic (sells offer the most, buys ask the least) so that many of them can trade. */
  readonly generic: boolean;
}

type Step =
  | { readonly k: 'place'; readonly dt: number; readonly o: OrderShape; readonly reuseId: number | null; readonly broken: boolean }
  | { readonly k: 'cancel'; readonly dt: number; readonly target: number; readonly wrongOwner: boolean }
  | { readonly k: 'expire'; readonly dt: number }
  | { readonly k: 'reserve'; readonly dt: number; readonly id: number; readonly o: OrderShape; readonly maxCores: number; readonly ttlMs: number }
  | { readonly k: 'confirm' | 'release'; readonly dt: number; readonly id: number }
  | { readonly k: 'expireReservations'; readonly dt: number };

const dt = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 15 }) }, { weight: 1, arbitrary: fc.integer({ min: -10, max: -1 }) });

const shape: fc.Arbitrary<OrderShape> = fc.record({
  side: fc.constantFrom<Side>('buy', 'sell'),
  who: fc.integer({ min: 0, max: PARTICIPANTS.length - 1 }),
  cores: fc.integer({ min: 1, max: 6 }),
  memPerCore: fc.constantFrom(512, 1024, 2048),
  memSkew: fc.integer({ min: -1, max: 1 }),
  durationS: fc.constantFrom(60, 3600, 7200),
  price: fc.integer({ min: 95, max: 105 }),
  caps: fc.integer({ min: 0, max: 3 }),
  level: fc.integer({ min: 1, max: 3 }),
  ttlMs: fc.constantFrom(5, 40, 200, HOUR_MS),
  aon: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  generic: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 2, arbitrary: fc.constant(false) }),
});

/** A generic sell offers everything; a generic buy asks for the least. */
function effective(o: OrderShape, side: Side): OrderShape {
  if (!o.generic) return o;
  return side === 'sell' ? { ...o, caps: 3, level: 3, memPerCore: 2048, memSkew: 0, durationS: 7200 } : { ...o, caps: 0, level: 1, memPerCore: 512, durationS: 60 };
}

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 12, arbitrary: fc.record({ k: fc.constant('place' as const), dt, o: shape, reuseId: fc.oneof({ weight: 12, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.nat() }), broken: fc.constant(false) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('place' as const), dt, o: shape, reuseId: fc.constant(null), broken: fc.constant(true) }) },
  { weight: 4, arbitrary: fc.record({ k: fc.constant('cancel' as const), dt, target: fc.nat(), wrongOwner: fc.oneof({ weight: 6, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('expire' as const), dt }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('reserve' as const), dt, id: fc.integer({ min: 0, max: 5 }), o: shape, maxCores: fc.integer({ min: 1, max: 6 }), ttlMs: fc.constantFrom(10, 60, 300) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constantFrom('confirm' as const, 'release' as const), dt, id: fc.integer({ min: 0, max: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('expireReservations' as const), dt }) },
);

const limitsArb: fc.Arbitrary<Partial<MarketLimits>> = fc.constantFrom<Partial<MarketLimits>>(
  {},
  { maxRestingOrders: 25, maxFillsPerCommand: 3, maxOrdersScannedPerCommand: 6, maxPriceLevelsScannedPerCommand: 3, maxExpiredPerCommand: 2, maxReservations: 3, maxResolvedReservationIds: 3 },
  { maxFillsPerCommand: 2, maxOrdersScannedPerCommand: 4 },
);

function memoryOf(o: OrderShape): number {
  return Math.max(1, o.cores * o.memPerCore + o.memSkew);
}

/** Turns generated steps into concrete commands; ids are unique unless a step deliberately reuses one. */
function buildStream(steps: readonly Step[]): MarketCommand[] {
  const placed: { orderId: string; participantId: string }[] = [];
  const commands: MarketCommand[] = [];
  let now = T0;
  for (const s of steps) {
    now = Math.max(T0, now + s.dt);
    switch (s.k) {
      case 'place': {
        const o = effective(s.o, s.o.side);
        const reused = s.reuseId !== null && placed.length > 0 ? placed[s.reuseId % placed.length] : undefined;
        const orderId = reused?.orderId ?? `o${placed.length}`;
        const participantId = PARTICIPANTS[o.who] ?? 'p1';
        const order: OrderInput = {
          orderId,
          clientOrderId: `c${commands.length}`,
          participantId,
          side: o.side,
          cores: s.broken ? 0 : o.cores,
          memoryMiB: memoryOf(o),
          durationS: o.durationS,
          priceMinorPerCoreSecond: o.price,
          capabilities: CAPS[o.caps] ?? [],
          securityLevel: o.level,
          expiresAtMs: now + o.ttlMs,
          allOrNone: o.side === 'buy' && o.aon,
        };
        if (reused === undefined) placed.push({ orderId, participantId });
        commands.push({ kind: 'place', order, nowMs: now });
        break;
      }
      case 'cancel': {
        const target = placed.length > 0 ? placed[s.target % placed.length] : undefined;
        const owner = target?.participantId ?? 'p1';
        commands.push({ kind: 'cancel', orderId: target?.orderId ?? 'none', participantId: s.wrongOwner ? (owner === 'p1' ? 'p2' : 'p1') : owner, nowMs: now });
        break;
      }
      case 'reserve': {
        const o = effective(s.o, 'buy');
        const buy: ReservationBuySpec = {
          // Mostly remote lessees; sometimes a local participant, so self-trade prevention is exercised here too.
          participantId: o.who === 0 ? 'p1' : `remote${o.who}`,
          cores: o.cores,
          memoryMiB: memoryOf(o),
          durationS: o.durationS,
          priceMinorPerCoreSecond: o.price,
          capabilities: CAPS[o.caps] ?? [],
          securityLevel: o.level,
        };
        commands.push({ kind: 'reserve', reserve: { reservationId: `r${s.id}`, buy, maxCores: Math.min(s.maxCores, o.cores), nowMs: now, ttlMs: s.ttlMs } });
        break;
      }
      case 'confirm':
      case 'release':
        commands.push({ kind: s.k, reservationId: `r${s.id}`, nowMs: now });
        break;
      case 'expire':
      case 'expireReservations':
        commands.push({ kind: s.k, nowMs: now });
        break;
    }
  }
  return commands;
}

// --- the observer: checks each result against the rules and keeps the core accounting ------------

interface Placed {
  readonly side: Side;
  readonly participantId: string;
  readonly price: number;
  readonly mask: number;
  readonly level: number;
  readonly memPerCore: number;
  readonly durationS: number;
}

class Ledger {
  readonly placed = { buy: 0, sell: 0 };
  readonly filled = { buy: 0, sell: 0 };
  readonly cancelled = { buy: 0, sell: 0 };
  readonly expired = { buy: 0, sell: 0 };
  dropped = 0;
  outstanding = 0;
  private readonly orders = new Map<string, Placed>();
  private readonly lots = new Map<string, { spec: ReservationBuySpec; lots: readonly ReservedLot[] }>();

  observe(cmd: MarketCommand, r: MarketResult): void {
    if (!r.ok) return;
    switch (cmd.kind) {
      case 'place': {
        if (!('seq' in r) || !('restingCores' in r)) throw new Error('place result shape');
        const o = cmd.order;
        this.orders.set(o.orderId, {
          side: o.side,
          participantId: o.participantId,
          price: o.priceMinorPerCoreSecond,
          mask: capabilityMask(o.capabilities),
          level: o.securityLevel,
          memPerCore: o.side === 'buy' ? buyMemoryPerCoreMiB(o.memoryMiB, o.cores) : sellMemoryPerCoreMiB(o.memoryMiB, o.cores),
          durationS: o.durationS,
        });
        this.placed[o.side] += o.cores;
        this.cancelled[o.side] += r.cancelledCores;
        expect(r.fills.reduce((n, f) => n + f.cores, 0) + r.restingCores + r.cancelledCores).toBe(o.cores);
        for (const f of r.fills) this.fill(f);
        break;
      }
      case 'cancel':
        if ('cancelledCores' in r) this.cancelled[this.side(cmd.orderId)] += r.cancelledCores;
        break;
      case 'expire':
        if ('expired' in r) for (const e of r.expired) this.expired[e.side] += e.expiredCores;
        break;
      case 'reserve': {
        if (!('lots' in r) || !('reservedCores' in r)) throw new Error('reserve result shape');
        const spec = cmd.reserve.buy;
        expect(r.reservedCores).toBe(r.lots.reduce((n, l) => n + l.cores, 0));
        expect(r.reservedCores).toBeLessThanOrEqual(cmd.reserve.maxCores);
        for (const l of r.lots) {
          const s = this.orders.get(l.sellOrderId);
          expect(s?.side).toBe('sell');
          if (s === undefined) continue;
          expect(l.priceMinorPerCoreSecond).toBe(s.price);
          expect(l.priceMinorPerCoreSecond).toBeLessThanOrEqual(spec.priceMinorPerCoreSecond);
          expect(l.participantId).not.toBe(spec.participantId);
          this.eligible(spec.priceMinorPerCoreSecond, capabilityMask(spec.capabilities), spec.securityLevel, buyMemoryPerCoreMiB(spec.memoryMiB, spec.cores), spec.durationS, s);
        }
        this.outstanding += r.reservedCores;
        this.lots.set(cmd.reserve.reservationId, { spec, lots: r.lots });
        break;
      }
      case 'confirm': {
        if (!('fills' in r) || 'released' in r) throw new Error('confirm result shape');
        const held = this.lots.get(cmd.reservationId);
        expect(r.fills.map((f) => [f.sellOrderId, f.sellParticipantId, f.cores, f.priceMinorPerCoreSecond, f.memoryMiB, f.durationS])).toEqual(
          held?.lots.map((l) => [l.sellOrderId, l.participantId, l.cores, l.priceMinorPerCoreSecond, l.memoryMiB, l.durationS]),
        );
        for (const f of r.fills) {
          expect(f).toMatchObject({ reservationId: cmd.reservationId, buyOrderId: cmd.reservationId, buyParticipantId: held?.spec.participantId });
          this.filled.sell += f.cores;
          this.outstanding -= f.cores;
        }
        break;
      }
      case 'release':
      case 'expireReservations': {
        if (!('released' in r)) throw new Error('release result shape');
        for (const rel of r.released) {
          for (const lot of rel.lots) {
            this.outstanding -= lot.cores;
            if (!lot.restored) this.dropped += lot.cores;
          }
        }
        for (const c of r.cancelled) this.cancelled.sell += c.cancelledCores;
        for (const f of r.fills) this.fill(f);
        break;
      }
    }
  }

  private side(orderId: string): Side {
    const o = this.orders.get(orderId);
    if (o === undefined) throw new Error(`unknown order ${orderId}`);
    return o.side;
  }

  private eligible(buyLimit: number, buyMask: number, buyLevel: number, buyMemPerCore: number, buyDurationS: number, s: Placed): void {
    expect(s.mask & buyMask).toBe(buyMask);
    expect(s.level).toBeGreaterThanOrEqual(buyLevel);
    expect(s.memPerCore).toBeGreaterThanOrEqual(buyMemPerCore);
    expect(s.durationS).toBeGreaterThanOrEqual(buyDurationS);
    expect(buyLimit).toBeGreaterThanOrEqual(s.price);
  }

  /** A fill between two orders: prices, eligibility, no self-trade, buyer's memory and duration. */
  private fill(f: Fill): void {
    const b = this.orders.get(f.buyOrderId);
    const s = this.orders.get(f.sellOrderId);
    if (b === undefined || s === undefined) throw new Error(`fill between unknown orders ${f.buyOrderId} ${f.sellOrderId}`);
    expect([b.side, s.side]).toEqual(['buy', 'sell']);
    expect(f.buyParticipantId).not.toBe(f.sellParticipantId);
    expect(f.priceMinorPerCoreSecond).toBeLessThanOrEqual(b.price);
    expect(f.priceMinorPerCoreSecond).toBeGreaterThanOrEqual(s.price);
    expect([s.price, b.price]).toContain(f.priceMinorPerCoreSecond);
    this.eligible(b.price, b.mask, b.level, b.memPerCore, b.durationS, s);
    expect(f.memoryMiB).toBe(f.cores * b.memPerCore);
    expect(f.durationS).toBe(b.durationS);
    this.filled.buy += f.cores;
    this.filled.sell += f.cores;
  }

  /** placed = resting + filled + cancelled + expired (+ reserved + dropped for sells). */
  checkConservation(engine: MatchingEngine): void {
    const snap = engine.snapshot();
    const available = { buy: 0, sell: 0 };
    for (const o of snap.orders) available[o.side] += o.availableCores;
    const held = snap.reservations.reduce((n, r) => n + r.lots.reduce((m, l) => m + l.cores, 0), 0);
    expect(held).toBe(this.outstanding);
    expect(this.placed.buy).toBe(available.buy + this.filled.buy + this.cancelled.buy + this.expired.buy);
    expect(this.placed.sell).toBe(available.sell + this.filled.sell + this.cancelled.sell + this.expired.sell + this.dropped + this.outstanding);
  }
}

/** Runs commands on several books at once: identical results, identical hashes, invariants after every command. */
function runAll(engines: readonly MatchingEngine[], commands: readonly MarketCommand[], ledger: Ledger | null): void {
  for (const cmd of commands) {
    const results = engines.map((e) => applyCommand(e, cmd));
    for (const r of results.slice(1)) expect(r).toEqual(results[0]);
    const hashes = engines.map((e) => e.stateHash());
    for (const h of hashes.slice(1)) expect(h).toBe(hashes[0]);
    for (const e of engines) e.validateInternalState();
    if (ledger !== null && results[0] !== undefined) {
      ledger.observe(cmd, results[0]);
      ledger.checkConservation(engines[0] as MatchingEngine);
    }
  }
}

describe('naive and optimized books agree on random command streams', () => {
  it('same results and stateHash after every command; invariants, prices, self-trade and conservation hold', () => {
    fc.assert(
      fc.property(limitsArb, fc.array(step, { minLength: 1, maxLength: 120, size: 'max' }), (limits, steps) => {
        const commands = buildStream(steps);
        runAll([new NaiveOrderBook(limits), new OrderBook(limits)], commands, new Ledger());
      }),
      { numRuns: 150 },
    );
  });

  it('a snapshot restored into a fresh book of either kind carries on exactly like the original', () => {
    fc.assert(
      fc.property(limitsArb, fc.array(step, { minLength: 2, maxLength: 100, size: 'max' }), fc.nat(), (limits, steps, cut) => {
        const commands = buildStream(steps);
        const split = cut % commands.length;
        const naive = new NaiveOrderBook(limits);
        const optimized = new OrderBook(limits);
        runAll([naive, optimized], commands.slice(0, split), null);
        const snap = JSON.parse(JSON.stringify(optimized.snapshot())) as ReturnType<MatchingEngine['snapshot']>;
        const restoredNaive = new NaiveOrderBook(limits);
        const restoredOptimized = new OrderBook(limits);
        restoredNaive.restore(snap);
        restoredOptimized.restore(snap);
        expect(restoredNaive.stateHash()).toBe(optimized.stateHash());
        expect(restoredOptimized.stateHash()).toBe(optimized.stateHash());
        runAll([naive, optimized, restoredNaive, restoredOptimized], commands.slice(split), null);
      }),
      { numRuns: 80 },
    );
  });
});
