/**
 * Money arithmetic (README, "Fees and rounding"). All amounts are bigint minor
 * units; a fee is floor(cost × bps / 10 000) of the lease's cumulative usage
 * cost, so the total fee of a lease does not depend on how its usage was split
 * into sub-tasks, and the fractional remainder stays with the lessee.
 */
import { assert } from './errors.js';
import { AMOUNT_MAX_MINOR, BPS_ONE } from './types.js';

export function feeMinor(costMinor: bigint, bps: number): bigint {
  assert(costMinor >= 0n, 'fee of a negative cost');
  assert(Number.isSafeInteger(bps) && bps >= 0 && bps <= BPS_ONE, `fee bps out of range: ${bps}`);
  // Non-negative operands: bigint division truncates, which is floor.
  return (costMinor * BigInt(bps)) / BigInt(BPS_ONE);
}

export interface Hold {
  readonly lesseeHubFeeMaxMinor: bigint;
  readonly lessorHubFeeMaxMinor: bigint;
  readonly holdMinor: bigint;
}

/** The escrow a lease needs: its maximum cost plus both hubs' fees on that maximum. */
export function holdFor(maxCostMinor: bigint, lesseeHubFeeBps: number, lessorHubFeeBps: number): Hold {
  const lesseeHubFeeMaxMinor = feeMinor(maxCostMinor, lesseeHubFeeBps);
  const lessorHubFeeMaxMinor = feeMinor(maxCostMinor, lessorHubFeeBps);
  return { lesseeHubFeeMaxMinor, lessorHubFeeMaxMinor, holdMinor: maxCostMinor + lesseeHubFeeMaxMinor + lessorHubFeeMaxMinor };
}

export function fitsAmount(value: bigint): boolean {
  return value >= 0n && value <= AMOUNT_MAX_MINOR;
}

export function minBig(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}
