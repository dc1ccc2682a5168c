/**
 * Limits on everything (TigerBeetle style): every loop in a command is bounded
 * by one of these, so a command never runs away, and hitting one is reported
 * with a stable code instead of hanging.
 */
import { MarketStateError } from './errors.js';

export interface MarketLimits {
  /** Open orders (both sides) in the book; a place beyond it is refused with MARKET_BOOK_FULL. */
  readonly maxRestingOrders: number;
  /** Fills (or reserved lots) one command may produce. */
  readonly maxFillsPerCommand: number;
  /** Resting orders one matching pass may look at (filled or skipped). */
  readonly maxOrdersScannedPerCommand: number;
  /** Distinct prices one matching pass may walk through. */
  readonly maxPriceLevelsScannedPerCommand: number;
  /** Orders one expire() removes, reservations one expireReservations() releases. */
  readonly maxExpiredPerCommand: number;
  /** Outstanding reservations. */
  readonly maxReservations: number;
  readonly maxReservationTtlMs: number;
  /** Resolved reservation ids remembered to tell "already confirmed/released" from "unknown". */
  readonly maxResolvedReservationIds: number;
}

export const DEFAULT_MARKET_LIMITS: MarketLimits = Object.freeze({
  maxRestingOrders: 1_000_000,
  maxFillsPerCommand: 1_000,
  maxOrdersScannedPerCommand: 10_000,
  maxPriceLevelsScannedPerCommand: 1_000,
  maxExpiredPerCommand: 10_000,
  maxReservations: 100_000,
  maxReservationTtlMs: 3_600_000,
  maxResolvedReservationIds: 100_000,
});

/** Upper bound for any configured limit: keeps counters far inside safe integers and memory sane. */
const LIMIT_CEILING = 100_000_000;

export function resolveLimits(overrides: Partial<MarketLimits> = {}): MarketLimits {
  const limits: MarketLimits = { ...DEFAULT_MARKET_LIMITS, ...overrides };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isSafeInteger(value) || (value as number) < 1 || (value as number) > LIMIT_CEILING) {
      throw new MarketStateError(`limit ${name} must be an integer 1..${LIMIT_CEILING}, got ${String(value)}`);
    }
  }
  return Object.freeze(limits);
}
