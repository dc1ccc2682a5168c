import { MarketCode, MARKET_CODE_NUMBERS } from './codes.js';
import { buy, buySpec, ENGINES, HOUR_MS, reserveCmd, sell, T0, type EngineFactory } from './book.fixtures.js';
import { MarketStateError } from './errors.js';
import { isId } from './validate.js';
import type { MarketLimits } from './limits.js';
import type { Fill, MatchingEngine, OrderInput, Rejected, ReserveCommand } from './types.js';

function ok<R extends { ok: boolean }>(r: R): Exclude<R, Rejected> {
  if (!r.ok) throw new Error(`expected ok, got ${(r as unknown as Rejected).code}`);
  return r as Exclude<R, Rejected>;
}

function code(r: { ok: boolean }): string | undefined {
  return r.ok ? undefined : (r as Rejected).code;
}

const brief = (f: Fill): [string, string, number, number] => [f.buyOrderId, f.sellOrderId, f.cores, f.priceMinorPerCoreSecond];

describe.each(ENGINES)('%s order book', (_name, make: EngineFactory) => {
  let book: MatchingEngine;
  const fresh = (limits?: Partial<MarketLimits>): MatchingEngine => (book = make(limits));

  beforeEach(() => fresh());
  afterEach(() => book.validateInternalState());

  describe('order validation: every field has its own stable code', () => {
    const cases: [string, Partial<OrderInput> | null, MarketCode][] = [
      ['empty order id', { orderId: '' }, MarketCode.OrderIdInvalid],
      ['order id with a space', { orderId: 'a b' }, MarketCode.OrderIdInvalid],
      ['order id of 129 chars', { orderId: 'x'.repeat(129) }, MarketCode.OrderIdInvalid],
      ['numeric order id', { orderId: 7 as unknown as string }, MarketCode.OrderIdInvalid],
      ['client order id with a space', { clientOrderId: 'a b' }, MarketCode.ClientOrderIdInvalid],
      ['client order id of 129 chars', { clientOrderId: 'x'.repeat(129) }, MarketCode.ClientOrderIdInvalid],
      ['client order id not a string', { clientOrderId: null as unknown as string }, MarketCode.ClientOrderIdInvalid],
      ['empty participant', { participantId: '' }, MarketCode.ParticipantIdInvalid],
      ['side hold', { side: 'hold' as 'buy' }, MarketCode.SideInvalid],
      ['0 cores', { cores: 0 }, MarketCode.CoresInvalid],
      ['4097 cores', { cores: 4097 }, MarketCode.CoresInvalid],
      ['fractional cores', { cores: 1.5 }, MarketCode.CoresInvalid],
      ['cores as a string', { cores: '4' as unknown as number }, MarketCode.CoresInvalid],
      ['0 MiB', { memoryMiB: 0 }, MarketCode.MemoryInvalid],
      ['too much memory', { memoryMiB: 16_777_217 }, MarketCode.MemoryInvalid],
      ['0 s', { durationS: 0 }, MarketCode.DurationInvalid],
      ['over a year', { durationS: 31_536_001 }, MarketCode.DurationInvalid],
      ['price 0', { priceMinorPerCoreSecond: 0 }, MarketCode.PriceInvalid],
      ['price above 1e12', { priceMinorPerCoreSecond: 1e12 + 1 }, MarketCode.PriceInvalid],
      ['fractional price', { priceMinorPerCoreSecond: 99.5 }, MarketCode.PriceInvalid],
      ['NaN price', { priceMinorPerCoreSecond: Number.NaN }, MarketCode.PriceInvalid],
      ['unknown capability', { capabilities: ['sgx' as 'tee'] }, MarketCode.CapabilitiesInvalid],
      ['repeated capability', { capabilities: ['tee', 'tee'] }, MarketCode.CapabilitiesInvalid],
      ['capabilities not a list', { capabilities: 'tee' as unknown as [] }, MarketCode.CapabilitiesInvalid],
      ['level 0', { securityLevel: 0 }, MarketCode.SecurityLevelInvalid],
      ['level 4', { securityLevel: 4 }, MarketCode.SecurityLevelInvalid],
      ['expiry now', { expiresAtMs: T0 }, MarketCode.ExpiryInvalid],
      ['expiry in the past', { expiresAtMs: T0 - 1 }, MarketCode.ExpiryInvalid],
      ['fractional expiry', { expiresAtMs: T0 + 0.5 }, MarketCode.ExpiryInvalid],
      ['all-or-none not a boolean', { allOrNone: 'yes' as unknown as boolean }, MarketCode.AllOrNoneInvalid],
      ['all-or-none sell', { side: 'sell', allOrNone: true }, MarketCode.AllOrNoneInvalid],
      ['not an object', null, MarketCode.OrderMalformed],
    ];
    it.each(cases)('%s', (_title, over, expected) => {
      const before = book.stateHash();
      const input = over === null ? (null as unknown as OrderInput) : buy(over);
      expect(book.place(input, T0)).toEqual({ ok: false, code: expected });
      expect(book.stateHash()).toBe(before);
    });

    it.each([[-1], [1.5], [Number.NaN], ['1' as unknown as number]])('command time %p is refused', (nowMs) => {
      expect(code(book.place(buy(), nowMs))).toBe(MarketCode.TimeInvalid);
      expect(code(book.cancel('x', 'y', nowMs))).toBe(MarketCode.TimeInvalid);
      expect(code(book.expire(nowMs))).toBe(MarketCode.TimeInvalid);
      expect(code(book.confirm('r', nowMs))).toBe(MarketCode.TimeInvalid);
      expect(code(book.release('r', nowMs))).toBe(MarketCode.TimeInvalid);
      expect(code(book.expireReservations(nowMs))).toBe(MarketCode.TimeInvalid);
      expect(code(book.reserve(reserveCmd({ nowMs })))).toBe(MarketCode.TimeInvalid);
    });

    it('accepts the extremes', () => {
      const big = { cores: 4096, memoryMiB: 16_777_216, durationS: 31_536_000, priceMinorPerCoreSecond: 1e12, securityLevel: 3, capabilities: ['he', 'tee'] as const };
      expect(ok(book.place(sell({ ...big }), T0)).restingCores).toBe(4096);
      expect(ok(book.place(buy({ ...big, cores: 1, memoryMiB: 1, durationS: 1, priceMinorPerCoreSecond: 1, securityLevel: 1, capabilities: [], clientOrderId: '' }), T0)).restingCores).toBe(1);
    });

    it('refuses a duplicate open order id, accepts it again once the order is gone', () => {
      ok(book.place(sell({ orderId: 'dup' }), T0));
      expect(code(book.place(buy({ orderId: 'dup', priceMinorPerCoreSecond: 1 }), T0))).toBe(MarketCode.DuplicateOrderId);
      ok(book.cancel('dup', 'seller-1', T0));
      ok(book.place(buy({ orderId: 'dup', priceMinorPerCoreSecond: 1 }), T0));
    });

    it('refuses new orders when the book is full', () => {
      fresh({ maxRestingOrders: 2 });
      ok(book.place(sell(), T0));
      ok(book.place(sell(), T0));
      expect(code(book.place(buy({ priceMinorPerCoreSecond: 1 }), T0))).toBe(MarketCode.BookFull);
      expect(book.openOrderCount()).toBe(2);
    });
  });

  describe('matching', () => {
    it('an incoming buy trades at the resting ask; an incoming sell at the resting bid', () => {
      ok(book.place(sell({ orderId: 's1', priceMinorPerCoreSecond: 90 }), T0));
      const r = ok(book.place(buy({ orderId: 'b1', priceMinorPerCoreSecond: 120 }), T0));
      expect(r.fills.map(brief)).toEqual([['b1', 's1', 4, 90]]);
      expect(r.fills[0]).toMatchObject({ aggressor: 'buy', buyParticipantId: 'buyer-1', sellParticipantId: 'seller-1', reservationId: null, memoryMiB: 4096, durationS: 3600 });
      ok(book.place(buy({ orderId: 'b2', priceMinorPerCoreSecond: 120 }), T0));
      const s = ok(book.place(sell({ orderId: 's2', priceMinorPerCoreSecond: 90 }), T0));
      expect(s.fills.map(brief)).toEqual([['b2', 's2', 4, 120]]);
      expect(s.fills[0]?.aggressor).toBe('sell');
      expect(book.openOrderCount()).toBe(0);
    });

    it('does not trade when the bid is below the ask: both rest', () => {
      ok(book.place(sell({ priceMinorPerCoreSecond: 101 }), T0));
      const r = ok(book.place(buy({ priceMinorPerCoreSecond: 100 }), T0));
      expect(r.fills).toEqual([]);
      expect(r.restingCores).toBe(4);
      expect(book.openOrderCount()).toBe(2);
    });

    const compat: [string, Partial<OrderInput>, Partial<OrderInput>, boolean][] = [
      ['sell tee lacks he', { capabilities: ['tee'] }, { capabilities: ['tee', 'he'] }, false],
      ['sell tee+he covers tee', { capabilities: ['tee', 'he'] }, { capabilities: ['tee'] }, true],
      ['sell he covers nothing required', { capabilities: ['he'] }, { capabilities: [] }, true],
      ['sell none lacks he', { capabilities: [] }, { capabilities: ['he'] }, false],
      ['sell L2 below required L3', { securityLevel: 2 }, { securityLevel: 3 }, false],
      ['sell L3 above required L2', { securityLevel: 3 }, { securityLevel: 2 }, true],
      ['sell 2 MiB/core (5/2 floored) below buy 3 MiB/core (10/4 ceiled)', { cores: 2, memoryMiB: 5 }, { cores: 4, memoryMiB: 10 }, false],
      ['sell 3 MiB/core equals buy 3 MiB/core (10/4 ceiled)', { cores: 2, memoryMiB: 6 }, { cores: 4, memoryMiB: 10 }, true],
      ['sell shorter than the buy', { durationS: 3599 }, { durationS: 3600 }, false],
      ['sell longer than the buy', { durationS: 7200 }, { durationS: 3600 }, true],
      ['same participant (self-trade)', { participantId: 'same' }, { participantId: 'same' }, false],
    ];
    it.each(compat)('%s', (_title, s, b, trades) => {
      ok(book.place(sell({ orderId: 's', ...s }), T0));
      const r = ok(book.place(buy({ orderId: 'b', ...b }), T0));
      expect(r.fills.length).toBe(trades ? 1 : 0);
      // Mirror: the sell arriving second.
      fresh();
      ok(book.place(buy({ orderId: 'b', ...b }), T0));
      expect(ok(book.place(sell({ orderId: 's', ...s }), T0)).fills.length).toBe(trades ? 1 : 0);
    });

    it('skips (does not cancel) a resting order of the same participant and trades with the next', () => {
      ok(book.place(sell({ orderId: 'own', participantId: 'p', priceMinorPerCoreSecond: 90 }), T0));
      ok(book.place(sell({ orderId: 'other', participantId: 'q', priceMinorPerCoreSecond: 95 }), T0));
      const r = ok(book.place(buy({ orderId: 'b', participantId: 'p', cores: 8 }), T0));
      expect(r.fills.map(brief)).toEqual([['b', 'other', 4, 95]]);
      expect(r.restingCores).toBe(4);
      expect(book.order('own')?.availableCores).toBe(4);
    });

    it('never fills an expired resting order, even before expire() removed it', () => {
      ok(book.place(sell({ orderId: 'old', expiresAtMs: T0 + 10 }), T0));
      const r = ok(book.place(buy({ orderId: 'b' }), T0 + 10));
      expect(r.fills).toEqual([]);
      expect(r.restingCores).toBe(4);
      expect(book.order('old')).toBeDefined();
    });

    it('price first, then time, across resource classes', () => {
      ok(book.place(sell({ orderId: 'tee-100', capabilities: ['tee'], priceMinorPerCoreSecond: 100, cores: 1, memoryMiB: 1024 }), T0));
      ok(book.place(sell({ orderId: 'none-99', priceMinorPerCoreSecond: 99, cores: 1, memoryMiB: 1024 }), T0));
      ok(book.place(sell({ orderId: 'l3-100', securityLevel: 3, priceMinorPerCoreSecond: 100, cores: 1, memoryMiB: 1024 }), T0));
      ok(book.place(sell({ orderId: 'none-100', priceMinorPerCoreSecond: 100, cores: 1, memoryMiB: 1024 }), T0));
      ok(book.place(sell({ orderId: 'he-98', capabilities: ['he'], securityLevel: 2, priceMinorPerCoreSecond: 98, cores: 1, memoryMiB: 1024 }), T0));
      const r = ok(book.place(buy({ orderId: 'b', cores: 5, memoryMiB: 5 * 1024, priceMinorPerCoreSecond: 100 }), T0));
      expect(r.fills.map((f) => f.sellOrderId)).toEqual(['he-98', 'none-99', 'tee-100', 'l3-100', 'none-100']);
      expect(r.fills.map((f) => f.sellResourceClass)).toEqual(['he/L2', 'none/L1', 'tee/L1', 'none/L3', 'none/L1']);
    });

    it('an incoming sell takes the highest bid first, then the earliest', () => {
      ok(book.place(buy({ orderId: 'b-100a', cores: 1, memoryMiB: 1024, priceMinorPerCoreSecond: 100 }), T0));
      ok(book.place(buy({ orderId: 'b-110', cores: 1, memoryMiB: 1024, priceMinorPerCoreSecond: 110, securityLevel: 2 }), T0));
      ok(book.place(buy({ orderId: 'b-100b', cores: 1, memoryMiB: 1024, priceMinorPerCoreSecond: 100, capabilities: ['tee'] }), T0));
      ok(book.place(buy({ orderId: 'b-90', cores: 1, memoryMiB: 1024, priceMinorPerCoreSecond: 90 }), T0));
      const r = ok(book.place(sell({ orderId: 's', cores: 8, memoryMiB: 8 * 1024, capabilities: ['tee'], securityLevel: 2, priceMinorPerCoreSecond: 95 }), T0));
      expect(r.fills.map((f) => [f.buyOrderId, f.priceMinorPerCoreSecond])).toEqual([['b-110', 110], ['b-100a', 100], ['b-100b', 100]]);
      expect(r.restingCores).toBe(5);
    });

    it('splits cores over several sells; each fill carries the buyer memory per core and duration', () => {
      ok(book.place(sell({ orderId: 's1', cores: 4, memoryMiB: 8 * 1024, durationS: 7200 }), T0));
      ok(book.place(sell({ orderId: 's2', cores: 3, memoryMiB: 6 * 1024, durationS: 7200 }), T0));
      ok(book.place(sell({ orderId: 's3', cores: 5, memoryMiB: 10 * 1024, durationS: 7200 }), T0));
      const r = ok(book.place(buy({ orderId: 'b', cores: 10, memoryMiB: 10 * 1500, durationS: 3600 }), T0));
      expect(r.fills.map((f) => [f.sellOrderId, f.cores, f.memoryMiB, f.durationS])).toEqual([
        ['s1', 4, 6000, 3600],
        ['s2', 3, 4500, 3600],
        ['s3', 3, 4500, 3600],
      ]);
      expect(r.fills.map((f) => f.fillSeq)).toEqual([r.seq + 1, r.seq + 2, r.seq + 3]);
      expect(book.order('s3')).toMatchObject({ cores: 5, availableCores: 2, filledCores: 3 });
    });

    it('rests the remainder of a partly filled order', () => {
      ok(book.place(sell({ orderId: 's', cores: 4 }), T0));
      const r = ok(book.place(buy({ orderId: 'b', cores: 10, memoryMiB: 10 * 1024 }), T0));
      expect(r).toMatchObject({ restingCores: 6, cancelledCores: 0, stop: null });
      expect(book.order('b')).toMatchObject({ cores: 10, availableCores: 6, filledCores: 4, resourceClass: 'none/L1' });
    });
  });

  describe('all-or-none buys', () => {
    it('execute when several sells together fill them now', () => {
      ok(book.place(sell({ orderId: 's1', cores: 3, memoryMiB: 3072 }), T0));
      ok(book.place(sell({ orderId: 's2', cores: 3, memoryMiB: 3072 }), T0));
      const r = ok(book.place(buy({ orderId: 'b', cores: 5, memoryMiB: 5120, allOrNone: true }), T0));
      expect(r.fills.map(brief)).toEqual([['b', 's1', 3, 100], ['b', 's2', 2, 100]]);
      expect(r.restingCores).toBe(0);
    });

    it('rest whole, without touching the book, when not completely fillable', () => {
      ok(book.place(sell({ orderId: 's1', cores: 3, memoryMiB: 3072 }), T0));
      const before = book.order('s1');
      const r = ok(book.place(buy({ orderId: 'b', cores: 5, memoryMiB: 5120, allOrNone: true }), T0));
      expect(r).toMatchObject({ fills: [], restingCores: 5 });
      expect(book.order('s1')).toEqual(before);
    });

    it('a resting one trades only with an incoming sell that fills it alone', () => {
      ok(book.place(buy({ orderId: 'aon', cores: 5, memoryMiB: 5120, allOrNone: true, priceMinorPerCoreSecond: 110 }), T0));
      ok(book.place(buy({ orderId: 'plain', cores: 2, memoryMiB: 2048, priceMinorPerCoreSecond: 100 }), T0));
      const small = ok(book.place(sell({ orderId: 's-small', cores: 4, memoryMiB: 4096 }), T0));
      expect(small.fills.map(brief)).toEqual([['plain', 's-small', 2, 100]]);
      expect(small.restingCores).toBe(2);
      const big = ok(book.place(sell({ orderId: 's-big', cores: 6, memoryMiB: 6144 }), T0));
      expect(big.fills.map(brief)).toEqual([['aon', 's-big', 5, 110]]);
      expect(big.restingCores).toBe(1);
    });
  });

  describe('cancel and expiry', () => {
    it('cancel by the owner returns the open cores; others are refused; twice is unknown', () => {
      ok(book.place(sell({ orderId: 's', participantId: 'p' }), T0));
      expect(code(book.cancel('s', 'q', T0))).toBe(MarketCode.NotOwner);
      expect(book.cancel('s', 'p', T0)).toEqual({ ok: true, orderId: 's', cancelledCores: 4, reservedCores: 0 });
      expect(code(book.cancel('s', 'p', T0))).toBe(MarketCode.OrderUnknown);
      expect(code(book.cancel('never', 'p', T0))).toBe(MarketCode.OrderUnknown);
    });

    it('expire removes orders at or past their expiry, in (expiresAtMs, seq) order, bounded per command', () => {
      fresh({ maxExpiredPerCommand: 2 });
      ok(book.place(sell({ orderId: 'late', expiresAtMs: T0 + 30 }), T0));
      ok(book.place(sell({ orderId: 'a', expiresAtMs: T0 + 20 }), T0));
      ok(book.place(buy({ orderId: 'b', expiresAtMs: T0 + 20, priceMinorPerCoreSecond: 1 }), T0));
      ok(book.place(sell({ orderId: 'keep', expiresAtMs: T0 + 31 }), T0));
      expect(ok(book.expire(T0 + 19)).expired).toEqual([]);
      const first = ok(book.expire(T0 + 30));
      expect(first.expired.map((e) => [e.orderId, e.side, e.expiredCores])).toEqual([['a', 'sell', 4], ['b', 'buy', 4]]);
      expect(first.more).toBe(true);
      const second = ok(book.expire(T0 + 30));
      expect(second.expired.map((e) => e.orderId)).toEqual(['late']);
      expect(second.more).toBe(false);
      expect(book.openOrderCount()).toBe(1);
    });

    it('time never goes back inside the book', () => {
      ok(book.place(sell({ orderId: 's', expiresAtMs: T0 + 100 }), T0 + 50));
      // An order expiring before the book's clock is refused even if the command says an earlier time.
      expect(code(book.place(buy({ expiresAtMs: T0 + 40 }), T0))).toBe(MarketCode.ExpiryInvalid);
      ok(book.expire(T0 + 100));
      expect(book.openOrderCount()).toBe(0);
    });
  });

  describe('limits stop matching with a code and cancel the remainder', () => {
    const threeSells = (): void => {
      for (const id of ['s1', 's2', 's3']) ok(book.place(sell({ orderId: id, cores: 1, memoryMiB: 1024, priceMinorPerCoreSecond: id === 's3' ? 102 : 100 + Number(id[1]) - 1 }), T0));
    };

    it('fill limit', () => {
      fresh({ maxFillsPerCommand: 2 });
      threeSells();
      const r = ok(book.place(buy({ orderId: 'b', cores: 4, memoryMiB: 4096, priceMinorPerCoreSecond: 200 }), T0));
      expect(r).toMatchObject({ restingCores: 0, cancelledCores: 2, stop: MarketCode.FillLimit });
      expect(r.fills.map((f) => f.sellOrderId)).toEqual(['s1', 's2']);
      expect(book.order('b')).toBeUndefined();
    });

    it('an order filled exactly at the fill limit is not flagged', () => {
      fresh({ maxFillsPerCommand: 2 });
      threeSells();
      expect(ok(book.place(buy({ cores: 2, memoryMiB: 2048, priceMinorPerCoreSecond: 200 }), T0)).stop).toBeNull();
    });

    it('scan limit on orders looked at (skipped ones count)', () => {
      fresh({ maxOrdersScannedPerCommand: 2 });
      ok(book.place(sell({ orderId: 'own1', participantId: 'p', cores: 1, memoryMiB: 1024 }), T0));
      ok(book.place(sell({ orderId: 'own2', participantId: 'p', cores: 1, memoryMiB: 1024 }), T0));
      ok(book.place(sell({ orderId: 'other', participantId: 'q', cores: 1, memoryMiB: 1024 }), T0));
      const r = ok(book.place(buy({ participantId: 'p', cores: 1, memoryMiB: 1024 }), T0));
      expect(r).toMatchObject({ fills: [], restingCores: 0, cancelledCores: 1, stop: MarketCode.ScanLimit });
    });

    it('scan limit on price levels', () => {
      fresh({ maxPriceLevelsScannedPerCommand: 2 });
      threeSells();
      const r = ok(book.place(buy({ cores: 3, memoryMiB: 3072, priceMinorPerCoreSecond: 200 }), T0));
      expect(r).toMatchObject({ cancelledCores: 1, stop: MarketCode.ScanLimit });
      expect(r.fills.map((f) => f.sellOrderId)).toEqual(['s1', 's2']);
    });

    it('an all-or-none buy cut short by a limit is cancelled, not rested', () => {
      fresh({ maxFillsPerCommand: 2 });
      threeSells();
      const r = ok(book.place(buy({ cores: 3, memoryMiB: 3072, priceMinorPerCoreSecond: 200, allOrNone: true }), T0));
      expect(r).toMatchObject({ fills: [], restingCores: 0, cancelledCores: 3, stop: MarketCode.FillLimit });
      expect(book.openOrderCount()).toBe(3);
    });
  });

  describe('reservations (cross-subnet matching)', () => {
    beforeEach(() => {
      ok(book.place(sell({ orderId: 's1', participantId: 'p1', cores: 4, priceMinorPerCoreSecond: 90 }), T0));
      ok(book.place(sell({ orderId: 's2', participantId: 'p2', cores: 4, priceMinorPerCoreSecond: 95 }), T0));
    });

    it('reserve takes cores by price-time priority and holds them out of the book', () => {
      const r = ok(book.reserve(reserveCmd({ maxCores: 6, buy: buySpec({ cores: 6, memoryMiB: 6 * 1024 }) })));
      expect(r.lots.map((l) => [l.sellOrderId, l.participantId, l.cores, l.memoryMiB, l.priceMinorPerCoreSecond])).toEqual([
        ['s1', 'p1', 4, 4096, 90],
        ['s2', 'p2', 2, 2048, 95],
      ]);
      expect(r).toMatchObject({ reservedCores: 6, expiresAtMs: T0 + 60_000, stop: null });
      expect(book.order('s1')).toMatchObject({ availableCores: 0, reservedCores: 4 });
      expect(book.depth('none/L1')).toEqual([{ resourceClass: 'none/L1', bids: [], asks: [{ priceMinorPerCoreSecond: 95, cores: 2, orders: 1 }] }]);
      // Reserved cores are never available to anyone else.
      const b = ok(book.place(buy({ orderId: 'b', cores: 8, memoryMiB: 8192, priceMinorPerCoreSecond: 200 }), T0));
      expect(b.fills.map(brief)).toEqual([['b', 's2', 2, 95]]);
      expect(book.reservation('r-1')?.lots.length).toBe(2);
    });

    it('confirm turns the lots into fills, once', () => {
      ok(book.reserve(reserveCmd({ maxCores: 6, buy: buySpec({ cores: 6, memoryMiB: 6 * 1024 }) })));
      const c = ok(book.confirm('r-1', T0 + 1));
      expect(c.fills.map((f) => [f.buyOrderId, f.sellOrderId, f.cores, f.priceMinorPerCoreSecond, f.reservationId, f.buyParticipantId])).toEqual([
        ['r-1', 's1', 4, 90, 'r-1', 'remote-1'],
        ['r-1', 's2', 2, 95, 'r-1', 'remote-1'],
      ]);
      expect(book.order('s1')).toBeUndefined();
      expect(book.order('s2')).toMatchObject({ availableCores: 2, reservedCores: 0, filledCores: 2 });
      expect(code(book.confirm('r-1', T0 + 2))).toBe(MarketCode.ReservationAlreadyConfirmed);
      expect(code(book.release('r-1', T0 + 2))).toBe(MarketCode.ReservationAlreadyConfirmed);
      expect(book.reservation('r-1')).toBeUndefined();
    });

    it('release gives the cores back with their original time priority, once', () => {
      ok(book.place(sell({ orderId: 's1b', participantId: 'p3', cores: 4, priceMinorPerCoreSecond: 90 }), T0));
      ok(book.reserve(reserveCmd({ maxCores: 4 })));
      const rel = ok(book.release('r-1', T0 + 1));
      expect(rel.released).toEqual([{ reservationId: 'r-1', lots: [{ sellOrderId: 's1', cores: 4, restored: true }] }]);
      expect(code(book.release('r-1', T0 + 2))).toBe(MarketCode.ReservationAlreadyReleased);
      expect(code(book.confirm('r-1', T0 + 2))).toBe(MarketCode.ReservationAlreadyReleased);
      const b = ok(book.place(buy({ orderId: 'b', cores: 4, priceMinorPerCoreSecond: 90 }), T0 + 3));
      expect(b.fills.map((f) => f.sellOrderId)).toEqual(['s1']);
    });

    it('a released sell trades with a buy that arrived while its cores were held, at its own (older) price', () => {
      ok(book.reserve(reserveCmd({ maxCores: 8, buy: buySpec({ cores: 8, memoryMiB: 8192 }) })));
      ok(book.place(buy({ orderId: 'b', participantId: 'buyer', cores: 3, memoryMiB: 3072, priceMinorPerCoreSecond: 120 }), T0));
      const rel = ok(book.release('r-1', T0 + 1));
      expect(rel.fills.map((f) => [f.buyOrderId, f.sellOrderId, f.cores, f.priceMinorPerCoreSecond, f.aggressor])).toEqual([['b', 's1', 3, 90, 'sell']]);
      expect(book.order('s1')).toMatchObject({ availableCores: 1, filledCores: 3 });
    });

    it('two reservations competing for the same sells never hold more than offered', () => {
      const a = ok(book.reserve(reserveCmd({ reservationId: 'ra', maxCores: 6, buy: buySpec({ cores: 6, memoryMiB: 6144 }) })));
      const b = ok(book.reserve(reserveCmd({ reservationId: 'rb', maxCores: 6, buy: buySpec({ participantId: 'remote-2', cores: 6, memoryMiB: 6144 }) })));
      expect(a.reservedCores + b.reservedCores).toBe(8);
      expect(b.lots.map((l) => [l.sellOrderId, l.cores])).toEqual([['s2', 2]]);
      expect(code(book.reserve(reserveCmd({ reservationId: 'rc' })))).toBe(MarketCode.ReservationNothingAvailable);
      ok(book.release('ra', T0 + 1));
      const c = ok(book.reserve(reserveCmd({ reservationId: 'rc', nowMs: T0 + 1, maxCores: 4 })));
      expect(c.lots.map((l) => [l.sellOrderId, l.cores])).toEqual([['s1', 4]]);
      ok(book.confirm('rb', T0 + 2));
      ok(book.confirm('rc', T0 + 2));
      expect(book.order('s1')).toBeUndefined();
      expect(book.order('s2')).toMatchObject({ availableCores: 2, filledCores: 2 });
    });

    it('reports a limit that stopped the reservation early', () => {
      fresh({ maxFillsPerCommand: 1 });
      ok(book.place(sell({ orderId: 's1', participantId: 'p1', cores: 4 }), T0));
      ok(book.place(sell({ orderId: 's2', participantId: 'p2', cores: 4 }), T0));
      const r = ok(book.reserve(reserveCmd({ maxCores: 6, buy: buySpec({ cores: 6, memoryMiB: 6144 }) })));
      expect(r).toMatchObject({ reservedCores: 4, stop: MarketCode.FillLimit });
    });

    it('expires: confirm after the TTL is refused, expireReservations releases, then the id reads expired', () => {
      ok(book.reserve(reserveCmd({ ttlMs: 100 })));
      expect(code(book.confirm('r-1', T0 + 100))).toBe(MarketCode.ReservationExpired);
      expect(ok(book.expireReservations(T0 + 99)).released).toEqual([]);
      const e = ok(book.expireReservations(T0 + 100));
      expect(e.released.map((r) => r.reservationId)).toEqual(['r-1']);
      expect(book.order('s1')).toMatchObject({ availableCores: 4, reservedCores: 0 });
      expect(code(book.confirm('r-1', T0 + 101))).toBe(MarketCode.ReservationExpired);
      expect(code(book.release('r-1', T0 + 101))).toBe(MarketCode.ReservationExpired);
      expect(code(book.confirm('r-nope', T0 + 101))).toBe(MarketCode.ReservationUnknown);
    });

    it('cores of a sell cancelled while reserved stay with the reservation: confirm fills them, release drops them', () => {
      ok(book.reserve(reserveCmd({ reservationId: 'ra', maxCores: 2, buy: buySpec({ cores: 2, memoryMiB: 2048 }) })));
      ok(book.reserve(reserveCmd({ reservationId: 'rb', maxCores: 1, buy: buySpec({ cores: 1, memoryMiB: 1024 }) })));
      expect(book.cancel('s1', 'p1', T0)).toEqual({ ok: true, orderId: 's1', cancelledCores: 1, reservedCores: 3 });
      expect(ok(book.confirm('ra', T0)).fills.map(brief)).toEqual([['ra', 's1', 2, 90]]);
      expect(ok(book.release('rb', T0)).released[0]?.lots).toEqual([{ sellOrderId: 's1', cores: 1, restored: false }]);
    });

    it('a release never restores cores to a new order that reuses the id', () => {
      ok(book.reserve(reserveCmd({ maxCores: 4 })));
      ok(book.cancel('s1', 'p1', T0));
      ok(book.place(sell({ orderId: 's1', participantId: 'p1', cores: 1, memoryMiB: 1024, priceMinorPerCoreSecond: 90 }), T0));
      expect(ok(book.release('r-1', T0)).released[0]?.lots[0]?.restored).toBe(false);
      expect(book.order('s1')).toMatchObject({ cores: 1, availableCores: 1 });
    });

    const bad: [string, Partial<ReserveCommand>, MarketCode][] = [
      ['bad reservation id', { reservationId: 'a b' }, MarketCode.ReservationIdInvalid],
      ['maxCores 0', { maxCores: 0 }, MarketCode.ReservationMaxCoresInvalid],
      ['maxCores above the spec cores', { maxCores: 5 }, MarketCode.ReservationMaxCoresInvalid],
      ['ttl 0', { ttlMs: 0 }, MarketCode.ReservationTtlInvalid],
      ['ttl above the limit', { ttlMs: 3_600_001 }, MarketCode.ReservationTtlInvalid],
      ['bad spec participant', { buy: buySpec({ participantId: '' }) }, MarketCode.ParticipantIdInvalid],
      ['bad spec price', { buy: buySpec({ priceMinorPerCoreSecond: -1 }) }, MarketCode.PriceInvalid],
      ['bad spec capabilities', { buy: buySpec({ capabilities: ['x' as 'he'] }) }, MarketCode.CapabilitiesInvalid],
      ['missing spec', { buy: null as unknown as ReturnType<typeof buySpec> }, MarketCode.OrderMalformed],
    ];
    it.each(bad)('refuses %s', (_title, over, expected) => {
      expect(book.reserve(reserveCmd(over))).toEqual({ ok: false, code: expected });
    });

    it('refuses a reservation id in use or recently resolved, and more reservations than the limit', () => {
      ok(book.reserve(reserveCmd({ reservationId: 'x', maxCores: 1, buy: buySpec({ cores: 1, memoryMiB: 1024 }) })));
      expect(code(book.reserve(reserveCmd({ reservationId: 'x' })))).toBe(MarketCode.ReservationDuplicate);
      ok(book.release('x', T0));
      expect(code(book.reserve(reserveCmd({ reservationId: 'x' })))).toBe(MarketCode.ReservationDuplicate);
      fresh({ maxReservations: 1 });
      ok(book.place(sell({ cores: 4 }), T0));
      ok(book.reserve(reserveCmd({ reservationId: 'y', maxCores: 1, buy: buySpec({ cores: 1, memoryMiB: 1024 }) })));
      expect(code(book.reserve(reserveCmd({ reservationId: 'z', maxCores: 1, buy: buySpec({ cores: 1, memoryMiB: 1024 }) })))).toBe(MarketCode.ReservationLimit);
    });

    it('forgets the oldest resolved ids beyond the limit', () => {
      fresh({ maxResolvedReservationIds: 1 });
      ok(book.place(sell({ cores: 4 }), T0));
      ok(book.reserve(reserveCmd({ reservationId: 'first', maxCores: 1, buy: buySpec({ cores: 1, memoryMiB: 1024 }) })));
      ok(book.release('first', T0));
      ok(book.reserve(reserveCmd({ reservationId: 'second', maxCores: 1, buy: buySpec({ cores: 1, memoryMiB: 1024 }) })));
      ok(book.release('second', T0));
      expect(code(book.confirm('first', T0))).toBe(MarketCode.ReservationUnknown);
      expect(code(book.confirm('second', T0))).toBe(MarketCode.ReservationAlreadyReleased);
    });
  });

  describe('queries', () => {
    it('depth aggregates per class and price level; bids best first, asks best first', () => {
      ok(book.place(sell({ priceMinorPerCoreSecond: 105, cores: 2, memoryMiB: 2048 }), T0));
      ok(book.place(sell({ priceMinorPerCoreSecond: 105, cores: 3, memoryMiB: 3072 }), T0));
      ok(book.place(sell({ priceMinorPerCoreSecond: 104, cores: 1, memoryMiB: 1024 }), T0));
      ok(book.place(buy({ priceMinorPerCoreSecond: 90 }), T0));
      ok(book.place(buy({ priceMinorPerCoreSecond: 95 }), T0));
      ok(book.place(sell({ capabilities: ['tee', 'he'], securityLevel: 3, priceMinorPerCoreSecond: 200 }), T0));
      expect(book.depth()).toEqual([
        {
          resourceClass: 'none/L1',
          bids: [
            { priceMinorPerCoreSecond: 95, cores: 4, orders: 1 },
            { priceMinorPerCoreSecond: 90, cores: 4, orders: 1 },
          ],
          asks: [
            { priceMinorPerCoreSecond: 104, cores: 1, orders: 1 },
            { priceMinorPerCoreSecond: 105, cores: 5, orders: 2 },
          ],
        },
        { resourceClass: 'tee+he/L3', bids: [], asks: [{ priceMinorPerCoreSecond: 200, cores: 4, orders: 1 }] },
      ]);
      expect(book.depth('tee/L2')).toEqual([{ resourceClass: 'tee/L2', bids: [], asks: [] }]);
      expect(() => book.depth('gpu/L1' as 'tee/L1')).toThrow(RangeError);
    });

    it('order and openOrdersOf show open orders in seq order', () => {
      ok(book.place(sell({ orderId: 'a', participantId: 'p', capabilities: ['he', 'tee'] }), T0));
      ok(book.place(buy({ orderId: 'b', participantId: 'p', priceMinorPerCoreSecond: 1, allOrNone: true }), T0));
      ok(book.place(sell({ orderId: 'c', participantId: 'q' }), T0));
      expect(book.openOrdersOf('p').map((o) => o.orderId)).toEqual(['a', 'b']);
      expect(book.order('a')).toEqual({
        seq: 1, orderId: 'a', clientOrderId: expect.any(String) as string, participantId: 'p', side: 'sell', cores: 4, availableCores: 4, reservedCores: 0, filledCores: 0,
        memoryMiB: 4096, durationS: 3600, priceMinorPerCoreSecond: 100, capabilities: ['tee', 'he'], securityLevel: 1, expiresAtMs: T0 + HOUR_MS, allOrNone: false, resourceClass: 'tee+he/L1',
      });
      expect(book.order('b')?.allOrNone).toBe(true);
      expect(book.openOrdersOf('nobody')).toEqual([]);
      expect(book.order('nope')).toBeUndefined();
    });
  });

  describe('state: determinism, snapshot, restore', () => {
    const script = (b: MatchingEngine): unknown[] => [
      b.place(sell({ orderId: 's1', participantId: 'p1', cores: 8, memoryMiB: 8192 }), T0),
      b.place(sell({ orderId: 's2', participantId: 'p2', priceMinorPerCoreSecond: 99, expiresAtMs: T0 + 50 }), T0 + 1),
      b.place(buy({ orderId: 'b1', participantId: 'p3', cores: 6, memoryMiB: 6144 }), T0 + 2),
      b.reserve(reserveCmd({ reservationId: 'r1', nowMs: T0 + 3, maxCores: 3, buy: buySpec({ cores: 3, memoryMiB: 3072 }) })),
      b.place(buy({ orderId: 'b2', participantId: 'p3', cores: 2, memoryMiB: 2048, allOrNone: true, priceMinorPerCoreSecond: 98 }), T0 + 4),
      b.reserve(reserveCmd({ reservationId: 'r2', nowMs: T0 + 4, maxCores: 2, buy: buySpec({ cores: 2, memoryMiB: 2048 }) })),
      b.release('r2', T0 + 5),
    ];

    it('the same commands give the same results and the same stateHash', () => {
      const other = make();
      expect(script(book)).toEqual(script(other));
      expect(book.stateHash()).toBe(other.stateHash());
      expect(book.stateHash()).toMatch(/^[0-9a-f]{64}$/);
    });

    it('restore reproduces the state (and hash) in either implementation, and it behaves the same afterwards', () => {
      script(book);
      const snap = JSON.parse(JSON.stringify(book.snapshot())) as ReturnType<MatchingEngine['snapshot']>;
      for (const [, factory] of ENGINES) {
        const copy = factory();
        copy.restore(snap);
        expect(copy.stateHash()).toBe(book.stateHash());
        expect(copy.snapshot()).toEqual(book.snapshot());
        const next = (b: MatchingEngine): unknown[] => [b.place(buy({ orderId: 'b9', participantId: 'p9', cores: 16, memoryMiB: 16384, priceMinorPerCoreSecond: 150 }), T0 + 10), b.confirm('r1', T0 + 11), b.expire(T0 + 100)];
        const probe = make();
        probe.restore(snap);
        expect(next(copy)).toEqual(next(probe));
        expect(copy.stateHash()).toBe(probe.stateHash());
      }
    });

    it('restore refuses inconsistent snapshots', () => {
      script(book);
      const snap = book.snapshot();
      const first = snap.orders[0];
      if (first === undefined) throw new Error('no orders');
      const broken = [
        { ...snap, format: 'other' },
        { ...snap, orders: [{ ...first, availableCores: first.availableCores + 1 }, ...snap.orders.slice(1)] },
        { ...snap, orders: [...snap.orders, first] },
        { ...snap, reservations: [] },
        { ...snap, nextSeq: 1 },
      ];
      for (const s of broken) expect(() => make().restore(s as typeof snap)).toThrow(MarketStateError);
    });

    it('validateInternalState finds a crossed book (restored from a forged snapshot)', () => {
      ok(book.place(sell({ orderId: 's', participantId: 'p1' }), T0));
      ok(book.place(buy({ orderId: 'b', participantId: 'p2', priceMinorPerCoreSecond: 50 }), T0));
      const snap = book.snapshot();
      const forged = { ...snap, orders: snap.orders.map((o) => (o.orderId === 'b' ? { ...o, priceMinorPerCoreSecond: 100 } : o)) };
      expect(() => make().restore(forged)).toThrow(/crossed book/);
    });
  });
});

describe('market codes', () => {
  it('are unique strings with unique numbers in 2000-2099', () => {
    const values = Object.values(MarketCode);
    expect(new Set(values).size).toBe(values.length);
    const numbers = values.map((c) => MARKET_CODE_NUMBERS[c]);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const n of numbers) expect(n >= 2000 && n <= 2099).toBe(true);
    expect(Object.keys(MARKET_CODE_NUMBERS).sort()).toEqual([...values].sort());
  });
});

describe('id syntax', () => {
  it('isId is exactly /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/', () => {
    const pattern = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
    const samples = ['a', 'A9', '9', 'a.b_c:d-e', '-a', '.a', 'a b', 'a/b', 'é', '', 'x'.repeat(128), 'x'.repeat(129), 'ok\n', 'a\u0000'];
    for (let c = 0; c < 256; c++) samples.push(`a${String.fromCharCode(c)}`, String.fromCharCode(c));
    for (const s of samples) expect([s, isId(s)]).toEqual([s, pattern.test(s)]);
    expect(isId(5)).toBe(false);
  });
});
