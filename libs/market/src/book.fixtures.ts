/**
 * Test fixtures shared by the market specs (not exported from the package):
 * both implementations under one name, and terse order builders.
 */
import type { MarketLimits } from './limits.js';
import { NaiveOrderBook } from './naive-book.js';
import { OrderBook } from './order-book.js';
import type { MatchingEngine, OrderInput, ReservationBuySpec, ReserveCommand } from './types.js';

export type EngineFactory = (limits?: Partial<MarketLimits>) => MatchingEngine;

/** The reference and the optimized book: every spec runs against both (describe.each). */
export const ENGINES: readonly (readonly [string, EngineFactory])[] = [
  ['naive', (limits) => new NaiveOrderBook(limits)],
  ['optimized', (limits) => new OrderBook(limits)],
];

export const T0 = 1_700_000_000_000;
export const HOUR_MS = 3_600_000;

let counter = 0;

/** A plain 1-GiB-per-core, one-hour order, no capabilities, level 1, expiring in an hour. */
export function order(over: Partial<OrderInput> & Pick<OrderInput, 'side'>): OrderInput {
  counter++;
  const orderId = over.orderId ?? `o-${counter}`;
  return {
    orderId,
    clientOrderId: `c-${orderId}`,
    participantId: over.side === 'buy' ? 'buyer-1' : 'seller-1',
    cores: 4,
    memoryMiB: 4 * 1024,
    durationS: 3600,
    priceMinorPerCoreSecond: 100,
    capabilities: [],
    securityLevel: 1,
    expiresAtMs: T0 + HOUR_MS,
    ...over,
  };
}

export const buy = (over: Partial<OrderInput> = {}): OrderInput => order({ side: 'buy', ...over });
export const sell = (over: Partial<OrderInput> = {}): OrderInput => order({ side: 'sell', ...over });

export function buySpec(over: Partial<ReservationBuySpec> = {}): ReservationBuySpec {
  return { participantId: 'remote-1', cores: 4, memoryMiB: 4 * 1024, durationS: 3600, priceMinorPerCoreSecond: 100, capabilities: [], securityLevel: 1, ...over };
}

export function reserveCmd(over: Partial<ReserveCommand> = {}): ReserveCommand {
  return { reservationId: 'r-1', buy: buySpec(), maxCores: 4, nowMs: T0, ttlMs: 60_000, ...over };
}
