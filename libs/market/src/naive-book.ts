/**
 * The reference book: the rules of README "Matching rules" written as plainly
 * as possible (one array of open orders, full scans, sort on every match), so
 * a reader can check it against the rules line by line. It is the oracle the
 * optimized OrderBook is tested against (same suite, same random command
 * streams, same results and stateHash). Not for production sizes: every
 * command is O(n log n) in the open orders.
 */
import { MarketCode, type MarketStopCode } from './codes.js';
import { assert } from './errors.js';
import { resolveLimits, type MarketLimits } from './limits.js';
import {
  buySpecState,
  initialState,
  makeFill,
  normalizeBuySpec,
  stateFromRecord,
  toOrderRecord,
  toOrderView,
  type BuySpecState,
  type OrderState,
} from './order-state.js';
import { className, parseResourceClass, RESOURCE_CLASSES, type ResourceClass } from './resource-class.js';
import { checkSnapshot, hashSnapshot } from './snapshot.js';
import {
  SNAPSHOT_FORMAT,
  type BookSnapshot,
  type CancelledRemainder,
  type CancelResult,
  type ClassDepth,
  type ConfirmResult,
  type ExpiredOrder,
  type ExpireResult,
  type Fill,
  type MatchingEngine,
  type OrderInput,
  type OrderView,
  type PlaceResult,
  type PriceLevelDepth,
  type Rejected,
  type ReleasedLot,
  type ReleasedReservation,
  type ReleaseResult,
  type ReservationBuySpec,
  type ReservationRecord,
  type ReservedLot,
  type ReserveCommand,
  type ReserveResult,
  type ResolvedReservationState,
} from './types.js';
import { checkOrder, checkReserve, isTimeMs } from './validate.js';

/** Whoever is looking for counterparties: an order, or a reservation's buy spec. */
type Aggressor = Pick<OrderState, 'side' | 'seq' | 'participantId' | 'priceMinorPerCoreSecond' | 'capabilityMask' | 'securityLevel' | 'memoryPerCoreMiB' | 'durationS' | 'allOrNone'>;

interface Planned {
  readonly order: OrderState;
  readonly cores: number;
}

interface Plan {
  readonly steps: Planned[];
  /** Cores of the aggressor still unmatched after the plan. */
  readonly left: number;
  readonly stop: MarketStopCode | null;
}

interface Reservation {
  readonly seq: number;
  readonly reservationId: string;
  readonly buy: ReservationBuySpec;
  readonly spec: BuySpecState;
  readonly createdAtMs: number;
  readonly expiresAtMs: number;
  readonly lots: ReservedLot[];
}

const reject = (code: MarketCode): Rejected => ({ ok: false, code });

export class NaiveOrderBook implements MatchingEngine {
  readonly limits: MarketLimits;
  private orders: OrderState[] = [];
  private reservations: Reservation[] = [];
  private resolved: [string, ResolvedReservationState][] = [];
  private clockMs = 0;
  private nextSeq = 1;

  constructor(limits: Partial<MarketLimits> = {}) {
    this.limits = resolveLimits(limits);
  }

  // --- commands ---------------------------------------------------------------------------------

  place(input: OrderInput, nowMs: number): PlaceResult {
    if (!isTimeMs(nowMs)) return reject(MarketCode.TimeInvalid);
    const t = Math.max(nowMs, this.clockMs);
    const code = checkOrder(input, t);
    if (code !== null) return reject(code);
    if (this.orders.some((o) => o.orderId === input.orderId)) return reject(MarketCode.DuplicateOrderId);
    if (this.orders.length >= this.limits.maxRestingOrders) return reject(MarketCode.BookFull);
    this.clockMs = t;
    const order = initialState(input, this.nextSeq++);
    const plan = this.plan(order, order.cores, t, 0);
    if (order.allOrNone && plan.left > 0) {
      // Not completely fillable now: rest whole, unless a limit cut the search short (it might cross unseen orders).
      if (plan.stop !== null) return { ok: true, orderId: order.orderId, seq: order.seq, fills: [], restingCores: 0, cancelledCores: order.cores, stop: plan.stop };
      this.orders.push(order);
      return { ok: true, orderId: order.orderId, seq: order.seq, fills: [], restingCores: order.cores, cancelledCores: 0, stop: null };
    }
    const fills = this.execute(order, plan.steps, null);
    if (plan.left === 0) return { ok: true, orderId: order.orderId, seq: order.seq, fills, restingCores: 0, cancelledCores: 0, stop: null };
    if (plan.stop !== null) return { ok: true, orderId: order.orderId, seq: order.seq, fills, restingCores: 0, cancelledCores: plan.left, stop: plan.stop };
    this.orders.push(order);
    return { ok: true, orderId: order.orderId, seq: order.seq, fills, restingCores: plan.left, cancelledCores: 0, stop: null };
  }

  cancel(orderId: string, participantId: string, nowMs: number): CancelResult {
    if (!isTimeMs(nowMs)) return reject(MarketCode.TimeInvalid);
    const order = this.orders.find((o) => o.orderId === orderId);
    if (order === undefined) return reject(MarketCode.OrderUnknown);
    if (order.participantId !== participantId) return reject(MarketCode.NotOwner);
    this.clockMs = Math.max(nowMs, this.clockMs);
    this.remove(order);
    return { ok: true, orderId, cancelledCores: order.availableCores, reservedCores: order.reservedCores };
  }

  expire(nowMs: number): ExpireResult {
    if (!isTimeMs(nowMs)) return reject(MarketCode.TimeInvalid);
    const t = Math.max(nowMs, this.clockMs);
    this.clockMs = t;
    const due = this.orders.filter((o) => o.expiresAtMs <= t).sort((a, b) => a.expiresAtMs - b.expiresAtMs || a.seq - b.seq);
    const taken = due.slice(0, this.limits.maxExpiredPerCommand);
    const expired: ExpiredOrder[] = taken.map((o) => ({ orderId: o.orderId, participantId: o.participantId, side: o.side, seq: o.seq, expiredCores: o.availableCores }));
    for (const o of taken) this.remove(o);
    return { ok: true, expired, more: due.length > taken.length };
  }

  reserve(command: ReserveCommand): ReserveResult {
    if (typeof command !== 'object' || command === null) return reject(MarketCode.OrderMalformed);
    if (!isTimeMs(command.nowMs)) return reject(MarketCode.TimeInvalid);
    const code = checkReserve(command, this.limits.maxReservationTtlMs);
    if (code !== null) return reject(code);
    const id = command.reservationId;
    if (this.reservations.some((r) => r.reservationId === id) || this.resolved.some(([x]) => x === id)) return reject(MarketCode.ReservationDuplicate);
    if (this.reservations.length >= this.limits.maxReservations) return reject(MarketCode.ReservationLimit);
    const t = Math.max(command.nowMs, this.clockMs);
    const spec = buySpecState(id, command.buy, this.nextSeq);
    const plan = this.plan(spec, command.maxCores, t, 0);
    if (plan.steps.length === 0) return reject(MarketCode.ReservationNothingAvailable);
    this.clockMs = t;
    this.nextSeq++;
    const lots: ReservedLot[] = plan.steps.map(({ order, cores }) => {
      order.availableCores -= cores;
      order.reservedCores += cores;
      return {
        sellOrderId: order.orderId,
        sellSeq: order.seq,
        participantId: order.participantId,
        sellResourceClass: className(order.classIndex),
        cores,
        memoryMiB: cores * spec.memoryPerCoreMiB,
        durationS: spec.durationS,
        priceMinorPerCoreSecond: order.priceMinorPerCoreSecond,
      };
    });
    const expiresAtMs = t + command.ttlMs;
    this.reservations.push({ seq: spec.seq, reservationId: id, buy: normalizeBuySpec(command.buy), spec, createdAtMs: t, expiresAtMs, lots });
    return { ok: true, reservationId: id, seq: spec.seq, expiresAtMs, lots: lots.map((l) => ({ ...l })), reservedCores: command.maxCores - plan.left, stop: plan.left > 0 ? plan.stop : null };
  }

  confirm(reservationId: string, nowMs: number): ConfirmResult {
    if (!isTimeMs(nowMs)) return reject(MarketCode.TimeInvalid);
    const t = Math.max(nowMs, this.clockMs);
    const r = this.reservations.find((x) => x.reservationId === reservationId);
    if (r === undefined) return reject(this.resolvedCode(reservationId));
    if (r.expiresAtMs <= t) return reject(MarketCode.ReservationExpired);
    this.clockMs = t;
    const fills: Fill[] = [];
    for (const lot of r.lots) {
      const sell = this.orders.find((o) => o.seq === lot.sellSeq);
      if (sell !== undefined) {
        sell.reservedCores -= lot.cores;
        sell.filledCores += lot.cores;
        if (sell.availableCores + sell.reservedCores === 0) this.remove(sell);
      }
      const sellParty = { orderId: lot.sellOrderId, participantId: lot.participantId, classIndex: parseResourceClass(lot.sellResourceClass) };
      fills.push(makeFill(this.nextSeq++, r.spec, sellParty, lot.cores, lot.priceMinorPerCoreSecond, 'buy', r.reservationId));
    }
    this.resolve(r, 'confirmed');
    return { ok: true, reservationId, fills };
  }

  release(reservationId: string, nowMs: number): ReleaseResult {
    if (!isTimeMs(nowMs)) return reject(MarketCode.TimeInvalid);
    const t = Math.max(nowMs, this.clockMs);
    const r = this.reservations.find((x) => x.reservationId === reservationId);
    if (r === undefined) return reject(this.resolvedCode(reservationId));
    this.clockMs = t;
    const fills: Fill[] = [];
    const cancelled: CancelledRemainder[] = [];
    const released = this.releaseOne(r, 'released', t, fills, cancelled);
    return { ok: true, released: [released], fills, cancelled, more: false };
  }

  expireReservations(nowMs: number): ReleaseResult {
    if (!isTimeMs(nowMs)) return reject(MarketCode.TimeInvalid);
    const t = Math.max(nowMs, this.clockMs);
    this.clockMs = t;
    const due = this.reservations.filter((r) => r.expiresAtMs <= t).sort((a, b) => a.expiresAtMs - b.expiresAtMs || a.seq - b.seq);
    const fills: Fill[] = [];
    const cancelled: CancelledRemainder[] = [];
    const released: ReleasedReservation[] = [];
    let more = false;
    for (const r of due) {
      if (released.length === this.limits.maxExpiredPerCommand || fills.length >= this.limits.maxFillsPerCommand) {
        more = true;
        break;
      }
      released.push(this.releaseOne(r, 'expired', t, fills, cancelled));
    }
    return { ok: true, released, fills, cancelled, more };
  }

  // --- matching ---------------------------------------------------------------------------------

  /** Can `buy` trade with `sell` apart from price and priority? (README "Matching rules") */
  private static compatible(buy: Aggressor, sell: Aggressor): boolean {
    return (
      (sell.capabilityMask & buy.capabilityMask) === buy.capabilityMask &&
      sell.securityLevel >= buy.securityLevel &&
      sell.memoryPerCoreMiB >= buy.memoryPerCoreMiB &&
      sell.durationS >= buy.durationS
    );
  }

  /**
   * The resting counter-orders the aggressor's scan walks through, in
   * price-time priority: every open order of the other side in a class the
   * aggressor can trade with (capabilities and level) and priced to trade.
   * The other conditions are checked order by order while scanning, and the
   * orders failing them still count against the scan limits.
   */
  private candidates(a: Aggressor): OrderState[] {
    const buying = a.side === 'buy';
    const classOk = (o: OrderState): boolean =>
      buying
        ? (o.capabilityMask & a.capabilityMask) === a.capabilityMask && o.securityLevel >= a.securityLevel
        : (a.capabilityMask & o.capabilityMask) === o.capabilityMask && a.securityLevel >= o.securityLevel;
    const priced = (o: OrderState): boolean => (buying ? o.priceMinorPerCoreSecond <= a.priceMinorPerCoreSecond : o.priceMinorPerCoreSecond >= a.priceMinorPerCoreSecond);
    return this.orders
      .filter((o) => o.side !== a.side && classOk(o) && priced(o))
      .sort((x, y) => (buying ? x.priceMinorPerCoreSecond - y.priceMinorPerCoreSecond : y.priceMinorPerCoreSecond - x.priceMinorPerCoreSecond) || x.seq - y.seq);
  }

  /** May the aggressor, with `left` cores to go, take cores from resting order `o` now? */
  private static fillable(a: Aggressor, o: OrderState, left: number, t: number): boolean {
    if (o.availableCores === 0 || o.participantId === a.participantId || o.expiresAtMs <= t) return false;
    const ok = a.side === 'buy' ? NaiveOrderBook.compatible(a, o) : NaiveOrderBook.compatible(o, a);
    // A resting all-or-none buy trades only with a sell that fills it completely by itself.
    return ok && !(o.side === 'buy' && o.allOrNone && left < o.availableCores);
  }

  /** Plans (without changing anything) which resting orders the aggressor takes how many cores from. */
  private plan(a: Aggressor, cores: number, t: number, fillsSoFar: number): Plan {
    const steps: Planned[] = [];
    let left = cores;
    let scanned = 0;
    let levels = 0;
    let lastPrice = -1;
    let stop: MarketStopCode | null = null;
    for (const o of this.candidates(a)) {
      if (left === 0) break;
      if (scanned === this.limits.maxOrdersScannedPerCommand) {
        stop = MarketCode.ScanLimit;
        break;
      }
      if (o.priceMinorPerCoreSecond !== lastPrice) {
        if (levels === this.limits.maxPriceLevelsScannedPerCommand) {
          stop = MarketCode.ScanLimit;
          break;
        }
        levels++;
        lastPrice = o.priceMinorPerCoreSecond;
      }
      scanned++;
      if (!NaiveOrderBook.fillable(a, o, left, t)) continue;
      if (fillsSoFar + steps.length === this.limits.maxFillsPerCommand) {
        stop = MarketCode.FillLimit;
        break;
      }
      const take = Math.min(left, o.availableCores);
      steps.push({ order: o, cores: take });
      left -= take;
    }
    return { steps, left, stop };
  }

  /** Carries out a plan for an aggressor order: fills at the older order's price, filled resting orders leave the book. */
  private execute(a: OrderState, steps: readonly Planned[], reservationId: string | null): Fill[] {
    const fills: Fill[] = [];
    for (const { order: o, cores } of steps) {
      o.availableCores -= cores;
      o.filledCores += cores;
      a.availableCores -= cores;
      a.filledCores += cores;
      const price = o.seq < a.seq ? o.priceMinorPerCoreSecond : a.priceMinorPerCoreSecond;
      const [buy, sell] = a.side === 'buy' ? [a, o] : [o, a];
      fills.push(makeFill(this.nextSeq++, buy, sell, cores, price, a.side, reservationId));
      if (o.availableCores + o.reservedCores === 0) this.remove(o);
    }
    return fills;
  }

  /**
   * Gives a reservation's cores back to their sell orders (at their original
   * priority, since they never left their place), then lets each restored
   * sell trade with buys that arrived while its cores were held, so the book
   * is never left crossed.
   */
  private releaseOne(r: Reservation, state: ResolvedReservationState, t: number, fills: Fill[], cancelled: CancelledRemainder[]): ReleasedReservation {
    const lots: ReleasedLot[] = [];
    const restored: OrderState[] = [];
    for (const lot of r.lots) {
      const sell = this.orders.find((o) => o.seq === lot.sellSeq);
      if (sell !== undefined) {
        sell.reservedCores -= lot.cores;
        sell.availableCores += lot.cores;
        restored.push(sell);
      }
      lots.push({ sellOrderId: lot.sellOrderId, cores: lot.cores, restored: sell !== undefined });
    }
    this.resolve(r, state);
    for (const sell of restored) this.rematch(sell, t, fills, cancelled);
    return { reservationId: r.reservationId, lots };
  }

  private rematch(sell: OrderState, t: number, fills: Fill[], cancelled: CancelledRemainder[]): void {
    if (!this.orders.includes(sell) || sell.availableCores === 0 || sell.expiresAtMs <= t) return;
    const plan = this.plan(sell, sell.availableCores, t, fills.length);
    fills.push(...this.execute(sell, plan.steps, null));
    if (plan.left > 0 && plan.stop !== null) {
      // The rest of this sell might still cross a buy the scan did not reach: cancel the order (as its owner's
      // cancel would: cores held by other reservations stay with them) rather than leave a crossed book.
      cancelled.push({ orderId: sell.orderId, cancelledCores: sell.availableCores, code: plan.stop });
      this.remove(sell);
    } else if (sell.availableCores + sell.reservedCores === 0) this.remove(sell);
  }

  private resolve(r: Reservation, state: ResolvedReservationState): void {
    this.reservations = this.reservations.filter((x) => x !== r);
    this.resolved.push([r.reservationId, state]);
    if (this.resolved.length > this.limits.maxResolvedReservationIds) this.resolved.shift();
  }

  private resolvedCode(reservationId: string): MarketCode {
    const entry = this.resolved.find(([id]) => id === reservationId);
    if (entry === undefined) return MarketCode.ReservationUnknown;
    switch (entry[1]) {
      case 'confirmed':
        return MarketCode.ReservationAlreadyConfirmed;
      case 'released':
        return MarketCode.ReservationAlreadyReleased;
      case 'expired':
        return MarketCode.ReservationExpired;
    }
  }

  private remove(order: OrderState): void {
    this.orders = this.orders.filter((o) => o !== order);
  }

  // --- queries ----------------------------------------------------------------------------------

  depth(resourceClass?: ResourceClass): ClassDepth[] {
    const wanted = resourceClass === undefined ? RESOURCE_CLASSES : [resourceClass];
    if (resourceClass !== undefined && parseResourceClass(resourceClass) < 0) throw new RangeError(`unknown resource class ${String(resourceClass)}`);
    const out: ClassDepth[] = [];
    for (const name of wanted) {
      const idx = parseResourceClass(name);
      const ladder = (side: 'buy' | 'sell'): PriceLevelDepth[] => {
        const byPrice = new Map<number, { cores: number; orders: number }>();
        for (const o of this.orders) {
          if (o.side !== side || o.classIndex !== idx || o.availableCores === 0) continue;
          const level = byPrice.get(o.priceMinorPerCoreSecond) ?? { cores: 0, orders: 0 };
          level.cores += o.availableCores;
          level.orders += 1;
          byPrice.set(o.priceMinorPerCoreSecond, level);
        }
        const prices = [...byPrice.keys()].sort((a, b) => (side === 'buy' ? b - a : a - b));
        return prices.map((p) => ({ priceMinorPerCoreSecond: p, cores: byPrice.get(p)?.cores ?? 0, orders: byPrice.get(p)?.orders ?? 0 }));
      };
      const bids = ladder('buy');
      const asks = ladder('sell');
      if (resourceClass !== undefined || bids.length > 0 || asks.length > 0) out.push({ resourceClass: name, bids, asks });
    }
    return out;
  }

  order(orderId: string): OrderView | undefined {
    const o = this.orders.find((x) => x.orderId === orderId);
    return o === undefined ? undefined : toOrderView(o);
  }

  openOrdersOf(participantId: string): OrderView[] {
    return this.orders.filter((o) => o.participantId === participantId).map(toOrderView);
  }

  reservation(reservationId: string): ReservationRecord | undefined {
    const r = this.reservations.find((x) => x.reservationId === reservationId);
    return r === undefined ? undefined : NaiveOrderBook.reservationRecord(r);
  }

  openOrderCount(): number {
    return this.orders.length;
  }

  // --- state --------------------------------------------------------------------------------------

  private static reservationRecord(r: Reservation): ReservationRecord {
    return { seq: r.seq, reservationId: r.reservationId, buy: normalizeBuySpec(r.buy), createdAtMs: r.createdAtMs, expiresAtMs: r.expiresAtMs, lots: r.lots.map((l) => ({ ...l })) };
  }

  snapshot(): BookSnapshot {
    return {
      format: SNAPSHOT_FORMAT,
      clockMs: this.clockMs,
      nextSeq: this.nextSeq,
      orders: this.orders.map(toOrderRecord),
      reservations: this.reservations.map((r) => NaiveOrderBook.reservationRecord(r)),
      resolvedReservations: this.resolved.map(([id, state]) => [id, state] as const),
    };
  }

  restore(snapshot: BookSnapshot): void {
    checkSnapshot(snapshot, this.limits);
    this.clockMs = snapshot.clockMs;
    this.nextSeq = snapshot.nextSeq;
    this.orders = snapshot.orders.map(stateFromRecord);
    this.reservations = snapshot.reservations.map((r) => ({
      seq: r.seq,
      reservationId: r.reservationId,
      buy: normalizeBuySpec(r.buy),
      spec: buySpecState(r.reservationId, r.buy, r.seq),
      createdAtMs: r.createdAtMs,
      expiresAtMs: r.expiresAtMs,
      lots: r.lots.map((l) => ({ ...l })),
    }));
    this.resolved = snapshot.resolvedReservations.map(([id, state]) => [id, state]);
    this.validateInternalState();
  }

  stateHash(): string {
    return hashSnapshot(this.snapshot());
  }

  validateInternalState(): void {
    const ids = new Set<string>();
    let lastSeq = 0;
    for (const o of this.orders) {
      assert(o.seq > lastSeq && o.seq < this.nextSeq, `order ${o.orderId}: seq out of order`);
      lastSeq = o.seq;
      assert(!ids.has(o.orderId), `order ${o.orderId}: duplicate id`);
      ids.add(o.orderId);
      assert(o.availableCores >= 0 && o.reservedCores >= 0 && o.filledCores >= 0, `order ${o.orderId}: negative quantity`);
      assert(o.availableCores + o.reservedCores + o.filledCores === o.cores, `order ${o.orderId}: cores not conserved`);
      assert(o.availableCores + o.reservedCores > 0, `order ${o.orderId}: nothing open but still in the book`);
      assert(o.side === 'sell' || o.reservedCores === 0, `order ${o.orderId}: a buy with reserved cores`);
      assert(!o.allOrNone || o.filledCores === 0, `order ${o.orderId}: all-or-none partially filled`);
    }
    assert(this.orders.length <= this.limits.maxRestingOrders, 'more orders than maxRestingOrders');
    assert(this.reservations.length <= this.limits.maxReservations, 'more reservations than maxReservations');
    assert(this.resolved.length <= this.limits.maxResolvedReservationIds, 'too many resolved reservation ids');
    for (const o of this.orders) {
      const held = this.reservations.reduce((n, r) => n + r.lots.filter((l) => l.sellSeq === o.seq).reduce((m, l) => m + l.cores, 0), 0);
      assert(held === o.reservedCores, `order ${o.orderId}: reserved ${o.reservedCores} but reservations hold ${held}`);
    }
    for (const r of this.reservations) {
      assert(r.lots.length > 0 && r.seq < this.nextSeq, `reservation ${r.reservationId}: empty or from the future`);
      assert(!this.resolved.some(([id]) => id === r.reservationId), `reservation ${r.reservationId}: both outstanding and resolved`);
    }
    this.assertNotCrossed();
  }

  /**
   * "Crossed" (README): a resting buy and a resting sell with available cores
   * that could trade right now: compatible, of different participants, both
   * unexpired at the book's clock, bid >= ask, and, for an all-or-none buy, a
   * sell big enough to fill it alone. The book never rests such a pair.
   */
  private assertNotCrossed(): void {
    const t = this.clockMs;
    for (const b of this.orders) {
      if (b.side !== 'buy' || b.expiresAtMs <= t) continue;
      for (const s of this.orders) {
        if (s.side !== 'sell' || s.availableCores === 0 || s.expiresAtMs <= t || s.participantId === b.participantId) continue;
        if (!NaiveOrderBook.compatible(b, s) || b.priceMinorPerCoreSecond < s.priceMinorPerCoreSecond) continue;
        if (b.allOrNone && s.availableCores < b.availableCores) continue;
        assert(false, `crossed book: buy ${b.orderId} @${b.priceMinorPerCoreSecond} and sell ${s.orderId} @${s.priceMinorPerCoreSecond}`);
      }
    }
  }
}
