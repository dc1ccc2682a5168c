/** Ledger configuration: fee rates (required: money must not default silently) and limits. */
import { LedgerStateError } from './errors.js';
import { BPS_ONE, type FeeConfig, type LedgerConfig, type LedgerLimits } from './types.js';

export const DEFAULT_LEDGER_LIMITS: LedgerLimits = Object.freeze({
  maxParkedEvents: 100_000,
  maxParkedPerLease: 1_000,
  maxEvents: 10_000_000,
  maxConflicts: 1_000,
});

/** Keeps counters far inside safe integers and memory sane. */
const LIMIT_CEILING = 100_000_000;

export interface LedgerOptions {
  readonly fees: FeeConfig;
  readonly limits?: Partial<LedgerLimits>;
}

export function resolveConfig(options: LedgerOptions): LedgerConfig {
  const fees = { lesseeHubFeeBps: options.fees.lesseeHubFeeBps, lessorHubFeeBps: options.fees.lessorHubFeeBps };
  for (const [name, bps] of Object.entries(fees)) {
    if (!Number.isSafeInteger(bps) || bps < 0 || bps > BPS_ONE) {
      throw new LedgerStateError(`fee ${name} must be an integer 0..${BPS_ONE} bps, got ${String(bps)}`);
    }
  }
  const limits: LedgerLimits = { ...DEFAULT_LEDGER_LIMITS, ...options.limits };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isSafeInteger(value) || (value as number) < 1 || (value as number) > LIMIT_CEILING) {
      throw new LedgerStateError(`limit ${name} must be an integer 1..${LIMIT_CEILING}, got ${String(value)}`);
    }
  }
  return Object.freeze({ fees: Object.freeze(fees), limits: Object.freeze(limits) });
}
