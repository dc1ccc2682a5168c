/**
 * The ledger's in-memory state as plain data, so the rules (ledger.ts), the
 * invariant checks (invariants.ts) and the snapshot codec (snapshot.ts) each
 * live in their own file.
 */
import type { Conflict, EventRecord, LeaseScopedEvent, LeaseState, LeaseTermsInput, LedgerConfig, Posting } from './types.js';

export interface LeaseRecord {
  readonly terms: LeaseTermsInput;
  readonly bookedEventId: string;
  state: LeaseState;
  /** Fee rates frozen at booking, so a later configuration cannot change an in-flight lease. */
  readonly lesseeHubFeeBps: number;
  readonly lessorHubFeeBps: number;
  /** cores × durationS: the most core-seconds a sub-task, and all sub-tasks together, can bill. */
  readonly capCoreSeconds: bigint;
  /** 0 for a refused lease. */
  readonly holdMinor: bigint;
  readonly lesseeHubFeeMaxMinor: bigint;
  readonly lessorHubFeeMaxMinor: bigint;
  usedCoreSeconds: bigint;
  usageMinor: bigint;
  lesseeHubFeeMinor: bigint;
  lessorHubFeeMinor: bigint;
  releasedMinor: bigint;
  readonly subTaskIds: Set<string>;
}

export interface LedgerState {
  readonly config: LedgerConfig;
  readonly balances: Map<string, bigint>;
  readonly events: Map<string, EventRecord>;
  readonly leases: Map<string, LeaseRecord>;
  /** Events of leases not booked yet, per lease in arrival order. */
  readonly parked: Map<string, LeaseScopedEvent[]>;
  parkedCount: number;
  readonly postings: Posting[];
  /** The most recent conflicting duplicates (at most limits.maxConflicts). */
  readonly conflicts: Conflict[];
  conflictCount: number;
}

export function emptyState(config: LedgerConfig): LedgerState {
  return {
    config,
    balances: new Map(),
    events: new Map(),
    leases: new Map(),
    parked: new Map(),
    parkedCount: 0,
    postings: [],
    conflicts: [],
    conflictCount: 0,
  };
}

export function chargedMinor(lease: LeaseRecord): bigint {
  return lease.usageMinor + lease.lesseeHubFeeMinor + lease.lessorHubFeeMinor;
}

export function escrowRemainingMinor(lease: LeaseRecord): bigint {
  return lease.holdMinor - chargedMinor(lease) - lease.releasedMinor;
}
