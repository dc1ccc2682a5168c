/**
 * The optimized book (patent S202): the same rules as NaiveOrderBook, found
 * faster. Per resource class (12) and side, a Ladder of price levels, each a
 * FIFO of order slots. An incoming buy walks the sell classes it can trade
 * with (mask ⊇ its mask, level >= its level) as one merged stream in
 * price-time order (best price, then lowest seq) with one cursor per class;
 * an incoming sell walks the buy classes the same way. Orders live in an
 * arena of packed typed-array records (price-ladder.ts) found through an
 * open-addressing id index (id-index.ts), so cancel is O(1); expiry uses a
 * lazy min-heap. The matching loop allocates nothing but the fills it returns.
 *
 * Complexity (n open orders, L levels in a ladder, k <= 12 classes walked,
 * m orders scanned): place that rests O(k + log n + log L), plus an O(L)
 * array shift when it opens a new price level; place that matches
 * O(m * k); cancel O(1) (+ O(log L + L) when it empties a level); expire
 * O(e log n) for e expired orders; depth O(levels); snapshot and stateHash
 * O(n log n).
 */
import { MarketCode, type MarketStopCode } from './codes.js';
import { assert } from './errors.js';
import { hashId, IdIndex } from './id-index.js';
import { resolveLimits, type MarketLimits } from './limits.js';
import { buySpecState, normalizeBuySpec, type BuySpecState } from './order-state.js';
import { ExpiryHeap, Ladder, NIL, OrderArena, PriceLevel, SIDE_BUY, SIDE_SELL, sideName } from './price-ladder.js';
import {
  BUY_CLASSES_FOR_SELL,
  CLASS_COUNT,
  capabilitiesOf,
  classIndex,
  className,
  parseResourceClass,
  RESOURCE_CLASSES,
  SELL_CLASSES_FOR_BUY,
  type ResourceClass,
} from './resource-class.js';
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
  type OrderRecord,
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
import { buyMemoryPerCoreMiB, capabilityMask, checkOrder, checkReserve, isTimeMs, sellMemoryPerCoreMiB } from './validate.js';

/** What a scan does with each fillable resting order. */
const enum Mode {
  /** Trade now: fills, resting orders updated. */
  Fill,
  /** All-or-none: only record (slot, cores) in planSlots/planCores. */
  Plan,
  /** Reservation: move cores from available to reserved, record lots. */
  Reserve,
}

interface Reservation {
  readonly seq: number;
  readonly reservationId: string;
  readonly buy: ReservationBuySpec;
  readonly spec: BuySpecState;
  readonly createdAtMs: number;
  readonly expiresAtMs: number;
  readonly lots: readonly ReservedLot[];
}

interface ParticipantOrders {
  readonly participantId: string;
  /** Never reused: a participant whose last order left gets a new key with its next one. */
  readonly key: number;
  head: number;
  tail: number;
  count: number;
}

const NO_FILLS: readonly Fill[] = Object.freeze([]);
const reject = (code: MarketCode): Rejected => ({ ok: false, code });
/** Arena slots start small and double up to the limit. */
const INITIAL_SLOTS = 1024;

export class OrderBook implements MatchingEngine {
  readonly limits: MarketLimits;
  private readonly arena: OrderArena;
  private readonly bids: Ladder[] = Array.from({ length: CLASS_COUNT }, () => new Ladder('buy'));
  private readonly asks: Ladder[] = Array.from({ length: CLASS_COUNT }, () => new Ladder('sell'));
  /** Open orders: id -> slot. */
  private readonly ids: IdIndex;
  private readonly byParticipant = new Map<string, ParticipantOrders>();
  /** Slot -> its owner's entry in byParticipant (saves a map lookup per removal). */
  private owners: (ParticipantOrders | null)[] = [];
  private nextParticipantKey = 0;
  private readonly expiries = new ExpiryHeap();
  /** Outstanding reservations; insertion order is seq order. */
  private readonly reservations = new Map<string, Reservation>();
  /** Resolved reservation ids, oldest first. */
  private readonly resolved = new Map<string, ResolvedReservationState>();
  private clockMs = 0;
  private nextSeq = 1;

  // Scan state, reused across commands so the matching loop does not allocate.
  private readonly curLadder: Ladder[] = [];
  private readonly curSlot = new Int32Array(CLASS_COUNT);
  private readonly curLevelIdx = new Int32Array(CLASS_COUNT);
  private curCount = 0;
  private scanning = false;
  private readonly emptied: { ladder: Ladder; level: PriceLevel }[] = [];
  private readonly planSlots: number[] = [];
  private readonly planCores: number[] = [];
  private scanStop: MarketStopCode | null = null;

  constructor(limits: Partial<MarketLimits> = {}) {
    this.limits = resolveLimits(limits);
    // One slot per open order, plus the incoming order and a reservation's buy spec while they are matched.
    this.arena = new OrderArena(Math.min(INITIAL_SLOTS, this.limits.maxRestingOrders + 2), this.limits.maxRestingOrders + 2);
    this.ids = new IdIndex((slot) => this.arena.orderId[slot] as string, this.limits.maxRestingOrders);
  }

  // --- commands ---------------------------------------------------------------------------------

  place(input: OrderInput, nowMs: number): PlaceResult {
    if (!isTimeMs(nowMs)) return reject(MarketCode.TimeInvalid);
    const t = nowMs > this.clockMs ? nowMs : this.clockMs;
    const code = checkOrder(input, t);
    if (code !== null) return reject(code);
    const idHash = hashId(input.orderId);
    if (this.ids.get(input.orderId, idHash) >= 0) return reject(MarketCode.DuplicateOrderId);
    if (this.ids.size >= this.limits.maxRestingOrders) return reject(MarketCode.BookFull);
    this.clockMs = t;
    const i = this.newSlot(input, this.nextSeq++, idHash);
    const orderId = input.orderId;
    const seq = this.arena.seq(i);
    const cores = input.cores;
    if (this.openCursors(i) === 0) {
      this.rest(i);
      return { ok: true, orderId, seq, fills: NO_FILLS, restingCores: cores, cancelledCores: 0, stop: null };
    }
    this.arena.setParticipantKey(i, this.participantKeyOf(input.participantId));
    let fills: Fill[];
    let left: number;
    if (this.arena.allOrNone(i) === 1) {
      left = this.scan(i, cores, t, 0, Mode.Plan, NO_FILLS as Fill[], null);
      if (left > 0) {
        // Not completely fillable now: rest whole, unless a limit cut the search short (it might cross unseen orders).
        if (this.scanStop !== null) {
          this.arena.free(i);
          return { ok: true, orderId, seq, fills: NO_FILLS, restingCores: 0, cancelledCores: cores, stop: this.scanStop };
        }
        this.rest(i);
        return { ok: true, orderId, seq, fills: NO_FILLS, restingCores: cores, cancelledCores: 0, stop: null };
      }
      fills = this.executePlan(i);
    } else {
      fills = [];
      left = this.scan(i, cores, t, 0, Mode.Fill, fills, null);
    }
    if (left === 0 || this.scanStop !== null) {
      const stop = left === 0 ? null : this.scanStop;
      this.arena.free(i);
      return { ok: true, orderId, seq, fills, restingCores: 0, cancelledCores: left, stop };
    }
    this.rest(i);
    return { ok: true, orderId, seq, fills, restingCores: left, cancelledCores: 0, stop: null };
  }

  cancel(orderId: string, participantId: string, nowMs: number): CancelResult {
    if (!isTimeMs(nowMs)) return reject(MarketCode.TimeInvalid);
    const i = typeof orderId === 'string' ? this.ids.get(orderId) : NIL;
    if (i === NIL) return reject(MarketCode.OrderUnknown);
    const a = this.arena;
    if (a.participantId[i] !== participantId) return reject(MarketCode.NotOwner);
    if (nowMs > this.clockMs) this.clockMs = nowMs;
    const cancelledCores = a.available(i);
    const reservedCores = a.reserved(i);
    this.remove(i);
    return { ok: true, orderId, cancelledCores, reservedCores };
  }

  expire(nowMs: number): ExpireResult {
    if (!isTimeMs(nowMs)) return reject(MarketCode.TimeInvalid);
    const t = Math.max(nowMs, this.clockMs);
    this.clockMs = t;
    const a = this.arena;
    const heap = this.expiries;
    const expired: ExpiredOrder[] = [];
    let more = false;
    while (heap.size > 0) {
      const i = heap.topSlot();
      if (a.live(i) !== 1 || a.seq(i) !== heap.topSeq()) {
        heap.pop();
        continue;
      }
      if (heap.topExpiresAtMs() > t) break;
      if (expired.length === this.limits.maxExpiredPerCommand) {
        more = true;
        break;
      }
      heap.pop();
      expired.push({ orderId: a.orderId[i] as string, participantId: a.participantId[i] as string, side: sideName(a.side(i)), seq: a.seq(i), expiredCores: a.available(i) });
      this.remove(i);
    }
    return { ok: true, expired, more };
  }

  reserve(command: ReserveCommand): ReserveResult {
    if (typeof command !== 'object' || command === null) return reject(MarketCode.OrderMalformed);
    if (!isTimeMs(command.nowMs)) return reject(MarketCode.TimeInvalid);
    const code = checkReserve(command, this.limits.maxReservationTtlMs);
    if (code !== null) return reject(code);
    const id = command.reservationId;
    if (this.reservations.has(id) || this.resolved.has(id)) return reject(MarketCode.ReservationDuplicate);
    if (this.reservations.size >= this.limits.maxReservations) return reject(MarketCode.ReservationLimit);
    const t = Math.max(command.nowMs, this.clockMs);
    const spec = buySpecState(id, command.buy, this.nextSeq);
    // The spec is matched from a scratch slot, like an incoming buy that never rests.
    const i = this.specSlot(spec);
    const lots: ReservedLot[] = [];
    const left = this.openCursors(i) === 0 ? command.maxCores : this.scan(i, command.maxCores, t, 0, Mode.Reserve, NO_FILLS as Fill[], lots);
    const stop = left > 0 ? this.scanStop : null;
    this.arena.free(i);
    if (lots.length === 0) return reject(MarketCode.ReservationNothingAvailable);
    this.clockMs = t;
    this.nextSeq++;
    const expiresAtMs = t + command.ttlMs;
    this.reservations.set(id, { seq: spec.seq, reservationId: id, buy: normalizeBuySpec(command.buy), spec, createdAtMs: t, expiresAtMs, lots });
    return { ok: true, reservationId: id, seq: spec.seq, expiresAtMs, lots: lots.map((l) => ({ ...l })), reservedCores: command.maxCores - left, stop };
  }

  confirm(reservationId: string, nowMs: number): ConfirmResult {
    if (!isTimeMs(nowMs)) return reject(MarketCode.TimeInvalid);
    const t = Math.max(nowMs, this.clockMs);
    const r = this.reservations.get(reservationId);
    if (r === undefined) return reject(this.resolvedCode(reservationId));
    if (r.expiresAtMs <= t) return reject(MarketCode.ReservationExpired);
    this.clockMs = t;
    const a = this.arena;
    const fills: Fill[] = [];
    for (const lot of r.lots) {
      const sell = this.lotSlot(lot);
      if (sell !== NIL) {
        a.setReserved(sell, a.reserved(sell) - lot.cores);
        a.setFilled(sell, a.filled(sell) + lot.cores);
        if (a.available(sell) === 0 && a.reserved(sell) === 0) this.remove(sell);
      }
      const spec = r.spec;
      fills.push({
        fillSeq: this.nextSeq++,
        buyOrderId: reservationId,
        sellOrderId: lot.sellOrderId,
        buyParticipantId: spec.participantId,
        sellParticipantId: lot.participantId,
        buyResourceClass: className(spec.classIndex),
        sellResourceClass: lot.sellResourceClass,
        aggressor: 'buy',
        reservationId,
        cores: lot.cores,
        memoryMiB: lot.cores * spec.memoryPerCoreMiB,
        durationS: spec.durationS,
        priceMinorPerCoreSecond: lot.priceMinorPerCoreSecond,
      });
    }
    this.resolve(r, 'confirmed');
    return { ok: true, reservationId, fills };
  }

  release(reservationId: string, nowMs: number): ReleaseResult {
    if (!isTimeMs(nowMs)) return reject(MarketCode.TimeInvalid);
    const t = Math.max(nowMs, this.clockMs);
    const r = this.reservations.get(reservationId);
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
    const due: Reservation[] = [];
    for (const r of this.reservations.values()) if (r.expiresAtMs <= t) due.push(r);
    due.sort((x, y) => x.expiresAtMs - y.expiresAtMs || x.seq - y.seq);
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

  // --- slots --------------------------------------------------------------------------------------

  /** A slot holding a validated incoming order (not yet in the book). */
  private newSlot(o: OrderInput, seq: number, idHash: number): number {
    const a = this.arena;
    const i = a.alloc();
    a.setIdHash(i, idHash);
    a.setParticipantKey(i, -1);
    const mask = capabilityMask(o.capabilities);
    const buying = o.side === 'buy';
    a.setSeq(i, seq);
    a.orderId[i] = o.orderId;
    a.clientOrderId[i] = o.clientOrderId;
    a.participantId[i] = o.participantId;
    a.setSide(i, buying ? SIDE_BUY : SIDE_SELL);
    a.setCores(i, o.cores);
    a.putAvailable(i, o.cores);
    a.setReserved(i, 0);
    a.setFilled(i, 0);
    a.setMemoryMiB(i, o.memoryMiB);
    a.setMemPerCore(i, buying ? buyMemoryPerCoreMiB(o.memoryMiB, o.cores) : sellMemoryPerCoreMiB(o.memoryMiB, o.cores));
    a.setDurationS(i, o.durationS);
    a.setPrice(i, o.priceMinorPerCoreSecond);
    a.setClassIdx(i, classIndex(mask, o.securityLevel));
    a.setExpiresAtMs(i, o.expiresAtMs);
    a.setAllOrNone(i, o.allOrNone === true ? 1 : 0);
    a.setLive(i, 0);
    a.level[i] = null;
    a.setPrev(i, NIL);
    a.setNext(i, NIL);
    return i;
  }

  /** A scratch slot for a reservation's buy spec (freed after its scan). */
  private specSlot(spec: BuySpecState): number {
    const a = this.arena;
    const i = a.alloc();
    a.setSeq(i, spec.seq);
    a.orderId[i] = spec.orderId;
    a.participantId[i] = spec.participantId;
    a.setSide(i, SIDE_BUY);
    a.putAvailable(i, 0);
    a.setMemPerCore(i, spec.memoryPerCoreMiB);
    a.setDurationS(i, spec.durationS);
    a.setPrice(i, spec.priceMinorPerCoreSecond);
    a.setClassIdx(i, spec.classIndex);
    a.setParticipantKey(i, this.participantKeyOf(spec.participantId));
    a.setAllOrNone(i, 0);
    a.setLive(i, 0);
    a.level[i] = null;
    return i;
  }

  // --- matching ---------------------------------------------------------------------------------

  /**
   * Opens one cursor per counter-side class the aggressor (slot g) can trade
   * with whose best level is priced to trade. Returns how many opened.
   */
  private openCursors(g: number): number {
    const a = this.arena;
    const buying = a.side(g) === SIDE_BUY;
    const classes = (buying ? SELL_CLASSES_FOR_BUY : BUY_CLASSES_FOR_SELL)[a.classIdx(g)] as readonly number[];
    const ladders = buying ? this.asks : this.bids;
    const price = a.price(g);
    let count = 0;
    this.scanStop = null;
    for (let k = 0; k < classes.length; k++) {
      const ladder = ladders[classes[k] as number] as Ladder;
      const top = ladder.levels.length - 1;
      if (top < 0) continue;
      const level = ladder.levels[top] as PriceLevel;
      if (ladder.sign * level.price < ladder.sign * price) continue;
      this.curLadder[count] = ladder;
      this.curLevelIdx[count] = top;
      this.curSlot[count] = level.head;
      count++;
    }
    this.curCount = count;
    return count;
  }

  /** Moves cursor c to the next slot in price-time order within its class, or closes it (NIL). */
  private advance(c: number, aggressorPrice: number): void {
    let s = this.arena.next(this.curSlot[c] as number);
    if (s === NIL) {
      const ladder = this.curLadder[c] as Ladder;
      let idx = this.curLevelIdx[c] as number;
      while (s === NIL) {
        idx--;
        if (idx < 0) break;
        const level = ladder.levels[idx] as PriceLevel;
        if (ladder.sign * level.price < ladder.sign * aggressorPrice) break;
        s = level.head;
      }
      this.curLevelIdx[c] = idx;
    }
    this.curSlot[c] = s;
  }

  /** The cursor whose slot comes first: best price for the scanned side, then lowest seq; -1 when all are done. */
  private bestCursor(): number {
    const a = this.arena;
    let best = -1;
    let bestKey = 0;
    let bestSeq = 0;
    for (let c = 0; c < this.curCount; c++) {
      const s = this.curSlot[c] as number;
      if (s === NIL) continue;
      const key = (this.curLadder[c] as Ladder).sign * a.price(s);
      const seq = a.seq(s);
      if (best < 0 || key > bestKey || (key === bestKey && seq < bestSeq)) {
        best = c;
        bestKey = key;
        bestSeq = seq;
      }
    }
    return best;
  }

  /** May aggressor g, with `left` cores to go, take cores from resting slot o now? (class and price are given by the cursor) */
  private fillable(g: number, o: number, left: number, t: number): boolean {
    const a = this.arena;
    const available = a.available(o);
    if (available === 0 || a.expiresAtMs(o) <= t || a.participantKey(o) === a.participantKey(g)) return false;
    if (a.side(g) === SIDE_BUY) return a.memPerCore(o) >= a.memPerCore(g) && a.durationS(o) >= a.durationS(g);
    if (a.memPerCore(g) < a.memPerCore(o) || a.durationS(g) < a.durationS(o)) return false;
    // A resting all-or-none buy trades only with a sell that fills it completely by itself.
    return !(a.allOrNone(o) === 1 && left < available);
  }

  /**
   * Walks the open cursors in price-time order until aggressor g has `cores`
   * matched, the candidates run out or a limit stops it (scanStop). Returns
   * the cores still unmatched. Limits are counted exactly as the naive book
   * counts them (README "Limits").
   */
  private scan(g: number, cores: number, t: number, fillsSoFar: number, mode: Mode, fills: Fill[], lots: ReservedLot[] | null): number {
    const a = this.arena;
    const maxScanned = this.limits.maxOrdersScannedPerCommand;
    const maxLevels = this.limits.maxPriceLevelsScannedPerCommand;
    const maxFills = this.limits.maxFillsPerCommand;
    const aggressorPrice = a.price(g);
    let left = cores;
    let scanned = 0;
    let levels = 0;
    let lastPrice = -1;
    let produced = 0;
    this.scanStop = null;
    this.scanning = true;
    this.planSlots.length = 0;
    this.planCores.length = 0;
    while (left > 0) {
      const c = this.bestCursor();
      if (c < 0) break;
      const o = this.curSlot[c] as number;
      if (scanned === maxScanned) {
        this.scanStop = MarketCode.ScanLimit;
        break;
      }
      const price = a.price(o);
      if (price !== lastPrice) {
        if (levels === maxLevels) {
          this.scanStop = MarketCode.ScanLimit;
          break;
        }
        levels++;
        lastPrice = price;
      }
      scanned++;
      this.advance(c, aggressorPrice);
      if (!this.fillable(g, o, left, t)) continue;
      if (fillsSoFar + produced === maxFills) {
        this.scanStop = MarketCode.FillLimit;
        break;
      }
      const available = a.available(o);
      const take = left < available ? left : available;
      left -= take;
      produced++;
      switch (mode) {
        case Mode.Fill:
          fills.push(this.trade(g, o, take));
          break;
        case Mode.Plan:
          this.planSlots.push(o);
          this.planCores.push(take);
          break;
        case Mode.Reserve:
          a.setAvailable(o, available - take);
          a.setReserved(o, a.reserved(o) + take);
          lots?.push({
            sellOrderId: a.orderId[o] as string,
            sellSeq: a.seq(o),
            participantId: a.participantId[o] as string,
            sellResourceClass: className(a.classIdx(o)),
            cores: take,
            memoryMiB: take * a.memPerCore(g),
            durationS: a.durationS(g),
            priceMinorPerCoreSecond: price,
          });
          break;
      }
    }
    this.scanning = false;
    if (this.emptied.length > 0) {
      for (const { ladder, level } of this.emptied) if (level.nodeCount === 0 && ladder.byPrice.get(level.price) === level) ladder.removeLevel(level);
      this.emptied.length = 0;
    }
    return left;
  }

  /** One fill between aggressor g and resting o, at the older order's price; a resting order with nothing left leaves the book. */
  private trade(g: number, o: number, cores: number): Fill {
    const a = this.arena;
    a.setAvailable(o, a.available(o) - cores);
    a.setFilled(o, a.filled(o) + cores);
    a.setAvailable(g, a.available(g) - cores);
    a.setFilled(g, a.filled(g) + cores);
    const price = a.seq(o) < a.seq(g) ? a.price(o) : a.price(g);
    const buying = a.side(g) === SIDE_BUY;
    const b = buying ? g : o;
    const s = buying ? o : g;
    const fill: Fill = {
      fillSeq: this.nextSeq++,
      buyOrderId: a.orderId[b] as string,
      sellOrderId: a.orderId[s] as string,
      buyParticipantId: a.participantId[b] as string,
      sellParticipantId: a.participantId[s] as string,
      buyResourceClass: className(a.classIdx(b)),
      sellResourceClass: className(a.classIdx(s)),
      aggressor: buying ? 'buy' : 'sell',
      reservationId: null,
      cores,
      memoryMiB: cores * a.memPerCore(b),
      durationS: a.durationS(b),
      priceMinorPerCoreSecond: price,
    };
    if (a.available(o) === 0 && a.reserved(o) === 0) this.remove(o);
    return fill;
  }

  /** Carries out an all-or-none plan found by scan(Mode.Plan). */
  private executePlan(g: number): Fill[] {
    const fills: Fill[] = [];
    for (let k = 0; k < this.planSlots.length; k++) fills.push(this.trade(g, this.planSlots[k] as number, this.planCores[k] as number));
    this.planSlots.length = 0;
    this.planCores.length = 0;
    return fills;
  }

  /**
   * Gives a reservation's cores back to their sell orders. The cores never
   * left the slot, which kept its place in its level, so the original time
   * priority is kept. Each restored sell then trades with buys that arrived
   * while its cores were held, so the book is never left crossed.
   */
  private releaseOne(r: Reservation, state: ResolvedReservationState, t: number, fills: Fill[], cancelled: CancelledRemainder[]): ReleasedReservation {
    const a = this.arena;
    const lots: ReleasedLot[] = [];
    const restored: number[] = [];
    for (const lot of r.lots) {
      const sell = this.lotSlot(lot);
      if (sell !== NIL) {
        a.setReserved(sell, a.reserved(sell) - lot.cores);
        a.setAvailable(sell, a.available(sell) + lot.cores);
        restored.push(sell);
      }
      lots.push({ sellOrderId: lot.sellOrderId, cores: lot.cores, restored: sell !== NIL });
    }
    this.resolve(r, state);
    for (const sell of restored) this.rematch(sell, t, fills, cancelled);
    return { reservationId: r.reservationId, lots };
  }

  private rematch(sell: number, t: number, fills: Fill[], cancelled: CancelledRemainder[]): void {
    const a = this.arena;
    if (a.live(sell) !== 1 || a.available(sell) === 0 || a.expiresAtMs(sell) <= t) return;
    const available = a.available(sell);
    const left = this.openCursors(sell) === 0 ? available : this.scan(sell, available, t, fills.length, Mode.Fill, fills, null);
    if (left > 0 && this.scanStop !== null) {
      // The rest of this sell might still cross a buy the scan did not reach: cancel the order (as its owner's
      // cancel would: cores held by other reservations stay with them) rather than leave a crossed book.
      cancelled.push({ orderId: a.orderId[sell] as string, cancelledCores: a.available(sell), code: this.scanStop });
      this.remove(sell);
    } else if (a.available(sell) === 0 && a.reserved(sell) === 0) this.remove(sell);
  }

  /** The slot of the open sell order a reservation lot was taken from, or NIL when that order is gone. */
  private lotSlot(lot: ReservedLot): number {
    const i = this.ids.get(lot.sellOrderId);
    return i !== NIL && this.arena.seq(i) === lot.sellSeq ? i : NIL;
  }

  /** The participant's key while it has open orders; -1 (matches no order) otherwise. */
  private participantKeyOf(participantId: string): number {
    return this.byParticipant.get(participantId)?.key ?? -1;
  }

  private resolve(r: Reservation, state: ResolvedReservationState): void {
    this.reservations.delete(r.reservationId);
    this.resolved.set(r.reservationId, state);
    if (this.resolved.size > this.limits.maxResolvedReservationIds) {
      const oldest = this.resolved.keys().next();
      if (oldest.done !== true) this.resolved.delete(oldest.value);
    }
  }

  private resolvedCode(reservationId: string): MarketCode {
    const state = this.resolved.get(reservationId);
    if (state === undefined) return MarketCode.ReservationUnknown;
    switch (state) {
      case 'confirmed':
        return MarketCode.ReservationAlreadyConfirmed;
      case 'released':
        return MarketCode.ReservationAlreadyReleased;
      case 'expired':
        return MarketCode.ReservationExpired;
    }
  }

  // --- book structure ---------------------------------------------------------------------------

  private ladderOf(i: number): Ladder {
    const a = this.arena;
    return (a.side(i) === SIDE_BUY ? this.bids : this.asks)[a.classIdx(i)] as Ladder;
  }

  /** Puts slot i at the back of its price level (new arrival, or restore in seq order). */
  private rest(i: number, pushExpiry = true): void {
    const a = this.arena;
    a.append(this.ladderOf(i).levelFor(a.price(i)), i);
    const pid = a.participantId[i] as string;
    let p = this.byParticipant.get(pid);
    if (p === undefined) {
      p = { participantId: pid, key: this.nextParticipantKey++, head: NIL, tail: NIL, count: 0 };
      this.byParticipant.set(pid, p);
    }
    this.owners[i] = p;
    a.setParticipantKey(i, p.key);
    a.setPPrev(i, p.tail);
    a.setPNext(i, NIL);
    if (p.tail === NIL) p.head = i;
    else a.setPNext(p.tail, i);
    p.tail = i;
    p.count++;
    this.ids.add(a.orderId[i] as string, i, a.idHash(i));
    a.setLive(i, 1);
    if (pushExpiry) {
      this.expiries.push(a.expiresAtMs(i), a.seq(i), i);
      // Entries of orders that left are dropped lazily; rebuild when they dominate (amortized O(1)).
      if (this.expiries.size > 2 * this.ids.size + 1024) this.expiries.retain((slot, seq) => a.live(slot) === 1 && a.seq(slot) === seq);
    }
  }

  private rebuildExpiries(): void {
    const a = this.arena;
    this.expiries.rebuild(a.liveSlots().map((i) => [a.expiresAtMs(i), a.seq(i), i] as const));
  }

  /** Takes slot i out of the book (filled, cancelled or expired) and frees it. */
  private remove(i: number): void {
    const a = this.arena;
    const level = a.level[i];
    if (level !== null && level !== undefined) {
      a.unlink(level, i);
      if (level.nodeCount === 0) {
        const ladder = this.ladderOf(i);
        // A scan holds indexes into the ladder's level array: drop emptied levels only after it.
        if (this.scanning) this.emptied.push({ ladder, level });
        else ladder.removeLevel(level);
      }
    }
    const p = this.owners[i];
    if (p !== null && p !== undefined) {
      const prev = a.pPrev(i);
      const next = a.pNext(i);
      if (prev === NIL) p.head = next;
      else a.setPNext(prev, next);
      if (next === NIL) p.tail = prev;
      else a.setPPrev(next, prev);
      p.count--;
      if (p.count === 0) this.byParticipant.delete(p.participantId);
      this.owners[i] = null;
    }
    this.ids.delete(a.orderId[i] as string, i, a.idHash(i));
    a.free(i);
  }

  // --- queries ----------------------------------------------------------------------------------

  private record(i: number): OrderRecord {
    const a = this.arena;
    return {
      seq: a.seq(i),
      orderId: a.orderId[i] as string,
      clientOrderId: a.clientOrderId[i] as string,
      participantId: a.participantId[i] as string,
      side: sideName(a.side(i)),
      cores: a.cores(i),
      availableCores: a.available(i),
      reservedCores: a.reserved(i),
      filledCores: a.filled(i),
      memoryMiB: a.memoryMiB(i),
      durationS: a.durationS(i),
      priceMinorPerCoreSecond: a.price(i),
      capabilities: capabilitiesOf(a.mask(i)),
      securityLevel: a.securityLevel(i),
      expiresAtMs: a.expiresAtMs(i),
      allOrNone: a.allOrNone(i) === 1,
    };
  }

  private view(i: number): OrderView {
    return { ...this.record(i), resourceClass: className(this.arena.classIdx(i)) };
  }

  depth(resourceClass?: ResourceClass): ClassDepth[] {
    if (resourceClass !== undefined && parseResourceClass(resourceClass) < 0) throw new RangeError(`unknown resource class ${String(resourceClass)}`);
    const wanted = resourceClass === undefined ? RESOURCE_CLASSES : [resourceClass];
    const out: ClassDepth[] = [];
    const ladderDepth = (ladder: Ladder): PriceLevelDepth[] => {
      const levels: PriceLevelDepth[] = [];
      for (let k = ladder.levels.length - 1; k >= 0; k--) {
        const l = ladder.levels[k] as PriceLevel;
        if (l.openOrders > 0) levels.push({ priceMinorPerCoreSecond: l.price, cores: l.availableCores, orders: l.openOrders });
      }
      return levels;
    };
    for (const name of wanted) {
      const idx = parseResourceClass(name);
      const bids = ladderDepth(this.bids[idx] as Ladder);
      const asks = ladderDepth(this.asks[idx] as Ladder);
      if (resourceClass !== undefined || bids.length > 0 || asks.length > 0) out.push({ resourceClass: name, bids, asks });
    }
    return out;
  }

  order(orderId: string): OrderView | undefined {
    const i = typeof orderId === 'string' ? this.ids.get(orderId) : NIL;
    return i === NIL ? undefined : this.view(i);
  }

  openOrdersOf(participantId: string): OrderView[] {
    const out: OrderView[] = [];
    for (let i = this.byParticipant.get(participantId)?.head ?? NIL; i !== NIL; i = this.arena.pNext(i)) out.push(this.view(i));
    return out;
  }

  reservation(reservationId: string): ReservationRecord | undefined {
    const r = this.reservations.get(reservationId);
    return r === undefined ? undefined : OrderBook.reservationRecord(r);
  }

  openOrderCount(): number {
    return this.ids.size;
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
      orders: this.arena.liveSlotsBySeq().map((i) => this.record(i)),
      reservations: Array.from(this.reservations.values(), (r) => OrderBook.reservationRecord(r)),
      resolvedReservations: Array.from(this.resolved, ([id, state]) => [id, state] as const),
    };
  }

  restore(snapshot: BookSnapshot): void {
    checkSnapshot(snapshot, this.limits);
    for (const l of this.bids) l.clear();
    for (const l of this.asks) l.clear();
    this.ids.clear();
    this.byParticipant.clear();
    this.owners = [];
    this.reservations.clear();
    this.resolved.clear();
    this.arena.reset();
    this.clockMs = snapshot.clockMs;
    this.nextSeq = snapshot.nextSeq;
    // Orders come in seq order, so appending each to its level rebuilds every FIFO in time priority.
    for (const r of snapshot.orders) {
      const i = this.newSlot(r, r.seq, hashId(r.orderId));
      const a = this.arena;
      a.putAvailable(i, r.availableCores);
      a.setReserved(i, r.reservedCores);
      a.setFilled(i, r.filledCores);
      this.rest(i, false);
    }
    this.rebuildExpiries();
    for (const r of snapshot.reservations) {
      this.reservations.set(r.reservationId, {
        seq: r.seq,
        reservationId: r.reservationId,
        buy: normalizeBuySpec(r.buy),
        spec: buySpecState(r.reservationId, r.buy, r.seq),
        createdAtMs: r.createdAtMs,
        expiresAtMs: r.expiresAtMs,
        lots: r.lots.map((l) => ({ ...l })),
      });
    }
    for (const [id, state] of snapshot.resolvedReservations) this.resolved.set(id, state);
    this.validateInternalState();
  }

  stateHash(): string {
    return hashSnapshot(this.snapshot());
  }

  validateInternalState(): void {
    assert(!this.scanning && this.emptied.length === 0, 'validate: called during a scan');
    const a = this.arena;
    let slots = 0;
    for (const [sideCode, ladders] of [[SIDE_BUY, this.bids] as const, [SIDE_SELL, this.asks] as const]) {
      ladders.forEach((ladder, classIdx) => {
        const where = `${sideName(sideCode)} ${className(classIdx)}`;
        assert(ladder.levels.length === ladder.byPrice.size, `${where}: level index size`);
        let lastKey = -Infinity;
        for (const level of ladder.levels) {
          assert(level.key > lastKey && level.key === ladder.sign * level.price, `${where}: levels out of order`);
          lastKey = level.key;
          assert(ladder.byPrice.get(level.price) === level, `${where}: level ${level.price} not indexed`);
          slots += this.validateLevel(sideCode, classIdx, level);
        }
      });
    }
    const open = a.liveSlotsBySeq();
    assert(slots === open.length && open.length === this.ids.size, `validate: ${slots} orders in ladders, ${open.length} live slots, ${this.ids.size} in the id index`);
    assert(open.length <= this.limits.maxRestingOrders, 'more orders than maxRestingOrders');
    const indexed = this.ids.slots().sort((x, y) => x - y);
    assert(indexed.join() === [...open].sort((x, y) => x - y).join(), 'validate: id index does not hold exactly the live slots');
    let lastSeq = 0;
    for (const i of open) {
      const id = a.orderId[i] as string;
      const seq = a.seq(i);
      const cores = a.cores(i);
      const available = a.available(i);
      const reserved = a.reserved(i);
      const filled = a.filled(i);
      assert(this.ids.get(id) === i && a.idHash(i) === hashId(id) && a.level[i] !== null, `order ${id}: id index entry or level`);
      assert(seq > lastSeq && seq < this.nextSeq, `order ${id}: seq out of order`);
      lastSeq = seq;
      assert(available >= 0 && reserved >= 0 && filled >= 0, `order ${id}: negative quantity`);
      assert(available + reserved + filled === cores, `order ${id}: cores not conserved`);
      assert(available + reserved > 0, `order ${id}: nothing open but still in the book`);
      assert(a.side(i) === SIDE_SELL || reserved === 0, `order ${id}: a buy with reserved cores`);
      assert(a.allOrNone(i) === 0 || filled === 0, `order ${id}: all-or-none partially filled`);
      assert(a.classIdx(i) === classIndex(a.mask(i), a.securityLevel(i)), `order ${id}: class`);
      const owner = this.byParticipant.get(a.participantId[i] as string);
      assert(owner !== undefined && owner === this.owners[i] && owner.key === a.participantKey(i), `order ${id}: participant entry or key`);
    }
    this.validateParticipants();
    this.validateReservations();
    assert(this.expiries.isHeap(), 'expiry heap property broken');
    const inHeap = new Set(this.expiries.entries().map(([, seq, i]) => `${i}:${seq}`));
    for (const i of open) assert(inHeap.has(`${i}:${a.seq(i)}`), `order ${a.orderId[i] as string}: missing from the expiry heap`);
    this.assertNotCrossed();
  }

  private validateLevel(sideCode: number, classIdx: number, level: PriceLevel): number {
    const a = this.arena;
    let count = 0;
    let open = 0;
    let cores = 0;
    let lastSeq = 0;
    let prev = NIL;
    for (let i = level.head; i !== NIL; i = a.next(i)) {
      const id = a.orderId[i] as string;
      assert(a.prev(i) === prev && a.level[i] === level, `level ${level.price}: broken links at ${id}`);
      assert(a.side(i) === sideCode && a.classIdx(i) === classIdx && a.price(i) === level.price, `level ${level.price}: ${id} misplaced`);
      assert(a.seq(i) > lastSeq, `level ${level.price}: FIFO out of time order at ${id}`);
      assert(this.ids.get(id) === i && a.live(i) === 1, `level ${level.price}: ${id} not in the id index`);
      lastSeq = a.seq(i);
      prev = i;
      count++;
      cores += a.available(i);
      if (a.available(i) > 0) open++;
    }
    assert(level.tail === prev && count > 0, `level ${level.price}: tail or empty level`);
    assert(count === level.nodeCount && open === level.openOrders && cores === level.availableCores, `level ${level.price}: totals`);
    return count;
  }

  private validateParticipants(): void {
    const a = this.arena;
    let total = 0;
    for (const [pid, p] of this.byParticipant) {
      let count = 0;
      let lastSeq = 0;
      let prev = NIL;
      for (let i = p.head; i !== NIL; i = a.pNext(i)) {
        assert(a.participantId[i] === pid && a.pPrev(i) === prev && a.live(i) === 1 && a.seq(i) > lastSeq, `participant ${pid}: broken list`);
        lastSeq = a.seq(i);
        prev = i;
        count++;
      }
      assert(p.tail === prev && count === p.count && count > 0, `participant ${pid}: count or tail`);
      total += count;
    }
    assert(total === this.ids.size, 'participant lists do not cover the book');
  }

  private validateReservations(): void {
    assert(this.reservations.size <= this.limits.maxReservations, 'more reservations than maxReservations');
    assert(this.resolved.size <= this.limits.maxResolvedReservationIds, 'too many resolved reservation ids');
    const held = new Map<number, number>();
    let lastSeq = 0;
    for (const r of this.reservations.values()) {
      assert(r.lots.length > 0 && r.seq > lastSeq && r.seq < this.nextSeq, `reservation ${r.reservationId}: empty or out of order`);
      lastSeq = r.seq;
      assert(!this.resolved.has(r.reservationId), `reservation ${r.reservationId}: both outstanding and resolved`);
      for (const lot of r.lots) {
        const i = this.lotSlot(lot);
        if (i !== NIL) held.set(i, (held.get(i) ?? 0) + lot.cores);
      }
    }
    for (const i of this.arena.liveSlotsBySeq()) assert((held.get(i) ?? 0) === this.arena.reserved(i), `order ${this.arena.orderId[i] as string}: reserved cores do not match the reservations`);
  }

  /** No resting buy and resting sell that could trade now (definition in README and NaiveOrderBook). */
  private assertNotCrossed(): void {
    const a = this.arena;
    const t = this.clockMs;
    for (const ladder of this.bids) {
      for (const level of ladder.levels) {
        for (let b = level.head; b !== NIL; b = a.next(b)) {
          if (a.expiresAtMs(b) <= t) continue;
          for (const sc of SELL_CLASSES_FOR_BUY[a.classIdx(b)] ?? []) {
            const asks = this.asks[sc] as Ladder;
            for (let k = asks.levels.length - 1; k >= 0; k--) {
              const al = asks.levels[k] as PriceLevel;
              if (al.price > a.price(b)) break;
              for (let s = al.head; s !== NIL; s = a.next(s)) {
                const available = a.available(s);
                if (available === 0 || a.expiresAtMs(s) <= t || a.participantId[s] === a.participantId[b]) continue;
                if (a.memPerCore(s) < a.memPerCore(b) || a.durationS(s) < a.durationS(b)) continue;
                if (a.allOrNone(b) === 1 && available < a.available(b)) continue;
                assert(false, `crossed book: buy ${a.orderId[b] as string} @${a.price(b)} and sell ${a.orderId[s] as string} @${a.price(s)}`);
              }
            }
          }
        }
      }
    }
  }
}
