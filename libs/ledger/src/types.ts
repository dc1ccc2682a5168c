import type { LedgerCode } from './codes.js';

/** Largest amount or balance in minor units: int64, so any balance fits a SQL BIGINT or a proto int64. */
export const AMOUNT_MAX_MINOR = (1n << 63n) - 1n;
/** Basis points in one whole. */
export const BPS_ONE = 10_000;

/**
 * The terms of a lease as the ledger needs them (proto LeaseTerms, money as
 * bigint). The caller has verified the contract's hub signatures
 * (libs/lease verifyLease) before it books the lease.
 */
export interface LeaseTermsInput {
  readonly leaseId: string;
  readonly lessee: string;
  readonly lessor: string;
  readonly lesseeHub: string;
  readonly lessorHub: string;
  readonly cores: number;
  readonly durationS: number;
  readonly priceMinorPerCoreSecond: bigint;
  readonly startMs: number;
  readonly endMs: number;
  /** Must equal cores × durationS × priceMinorPerCoreSecond (proto: "the most the lease can cost"). */
  readonly maxCostMinor: bigint;
}

export interface DepositEvent {
  readonly type: 'Deposit';
  readonly eventId: string;
  readonly participantId: string;
  readonly amountMinor: bigint;
}

export interface LeaseBookedEvent {
  readonly type: 'LeaseBooked';
  readonly eventId: string;
  readonly terms: LeaseTermsInput;
}

export type SubTaskOutcome = 'completed' | 'failed-lessor' | 'cancelled-lessee';

export interface SubTaskCompletedEvent {
  readonly type: 'SubTaskCompleted';
  readonly eventId: string;
  readonly leaseId: string;
  readonly subTaskId: string;
  readonly usedCoreSeconds: bigint;
  readonly outcome: SubTaskOutcome;
}

export interface LeaseEndedEvent {
  readonly type: 'LeaseEnded';
  readonly eventId: string;
  readonly leaseId: string;
}

export type LedgerEvent = DepositEvent | LeaseBookedEvent | SubTaskCompletedEvent | LeaseEndedEvent;
export type LeaseScopedEvent = SubTaskCompletedEvent | LeaseEndedEvent;

/** Balance = credits − debits. Participant and hub accounts are credit-normal; external:funding goes negative. */
export interface Entry {
  readonly account: string;
  readonly side: 'debit' | 'credit';
  readonly amountMinor: bigint;
}

export type PostingKind = 'deposit' | 'escrow_hold' | 'usage' | 'escrow_release';

/** One balanced set of entries (sum of debits = sum of credits), made by exactly one event. */
export interface Posting {
  /** 1, 2, 3, … in the order the ledger made them. */
  readonly seq: number;
  readonly eventId: string;
  readonly kind: PostingKind;
  readonly leaseId?: string;
  readonly entries: readonly Entry[];
}

export interface PostingFilter {
  readonly account?: string;
  readonly leaseId?: string;
  readonly eventId?: string;
  readonly kind?: PostingKind;
}

export type ApplyStatus = 'applied' | 'parked' | 'exists' | 'exists_with_different_content' | 'rejected';

/** What became of an event that was parked and was settled by this apply (its lease got booked or refused). */
export interface ReleasedEvent {
  readonly eventId: string;
  readonly status: 'applied' | 'rejected';
  readonly code?: LedgerCode;
}

export interface ApplyResult {
  readonly status: ApplyStatus;
  /** Set when rejected; on `exists`, the code of the original outcome; on `applied`, a notice (LEDGER_USAGE_CAPPED). */
  readonly code?: LedgerCode;
  /** Postings this call made, including those of parked events it released. */
  readonly postings: readonly Posting[];
  /** Parked events of the lease this LeaseBooked settled, in the order they were applied. */
  readonly released?: readonly ReleasedEvent[];
}

/** The recorded outcome of an event id. */
export interface EventRecord {
  readonly fingerprint: string;
  readonly status: 'applied' | 'parked' | 'rejected';
  readonly code?: LedgerCode;
}

export interface FeeConfig {
  /** Fee of the lessee's hub, in basis points of the usage cost, paid by the lessee. */
  readonly lesseeHubFeeBps: number;
  /** Fee of the lessor's hub, in basis points of the usage cost, paid by the lessee. */
  readonly lessorHubFeeBps: number;
}

export interface LedgerLimits {
  /** Parked events over all leases; one more is rejected with LEDGER_PARK_FULL. */
  readonly maxParkedEvents: number;
  /** Parked events of one lease. */
  readonly maxParkedPerLease: number;
  /** Recorded event ids; one more is rejected with LEDGER_EVENT_LIMIT. */
  readonly maxEvents: number;
  /** Conflicting duplicates remembered (the oldest are dropped; conflictCount keeps counting). */
  readonly maxConflicts: number;
}

export interface LedgerConfig {
  readonly fees: FeeConfig;
  readonly limits: LedgerLimits;
}

export interface Conflict {
  readonly eventId: string;
  readonly storedFingerprint: string;
  readonly receivedFingerprint: string;
}

export type LeaseState = 'booked' | 'ended' | 'refused';

export interface LeaseCost {
  readonly leaseId: string;
  readonly state: LeaseState;
  readonly lessee: string;
  readonly lessor: string;
  readonly capCoreSeconds: bigint;
  readonly usedCoreSeconds: bigint;
  readonly usageMinor: bigint;
  readonly lesseeHubFee: { readonly hubId: string; readonly bps: number; readonly amountMinor: bigint; readonly maxMinor: bigint };
  readonly lessorHubFee: { readonly hubId: string; readonly bps: number; readonly amountMinor: bigint; readonly maxMinor: bigint };
  readonly totalChargedMinor: bigint;
  readonly escrowHeldMinor: bigint;
  readonly escrowReleasedMinor: bigint;
  /** Still in escrow for this lease: held − charged − released. */
  readonly escrowRemainingMinor: bigint;
  readonly subTasks: number;
}
