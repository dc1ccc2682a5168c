/** Event builders shared by the ledger specs. */
import type {
  DepositEvent,
  LeaseBookedEvent,
  LeaseEndedEvent,
  LeaseTermsInput,
  SubTaskCompletedEvent,
  SubTaskOutcome,
} from './types.js';

/** Default lease: 2 cores × 100 s at 10 minor/core-s → max cost 2 000; fees 100 + 50 bps → hold 2 030. */
export const FEES = Object.freeze({ lesseeHubFeeBps: 100, lessorHubFeeBps: 50 });

type TermsOverrides = Partial<Omit<LeaseTermsInput, 'maxCostMinor'>> & { readonly maxCostMinor?: bigint };

export function terms(over: TermsOverrides = {}): LeaseTermsInput {
  const t = {
    leaseId: 'L1',
    lessee: 'alice',
    lessor: 'bob',
    lesseeHub: 'h1',
    lessorHub: 'h2',
    cores: 2,
    durationS: 100,
    priceMinorPerCoreSecond: 10n,
    startMs: 1_000,
    endMs: 101_000,
    ...over,
  };
  return { ...t, maxCostMinor: over.maxCostMinor ?? BigInt(t.cores) * BigInt(t.durationS) * t.priceMinorPerCoreSecond };
}

export function deposit(eventId: string, participantId: string, amountMinor: bigint): DepositEvent {
  return { type: 'Deposit', eventId, participantId, amountMinor };
}

export function booked(eventId: string, t: LeaseTermsInput = terms()): LeaseBookedEvent {
  return { type: 'LeaseBooked', eventId, terms: t };
}

export function sub(eventId: string, subTaskId: string, usedCoreSeconds: bigint, outcome: SubTaskOutcome = 'completed', leaseId = 'L1'): SubTaskCompletedEvent {
  return { type: 'SubTaskCompleted', eventId, leaseId, subTaskId, usedCoreSeconds, outcome };
}

export function ended(eventId: string, leaseId = 'L1'): LeaseEndedEvent {
  return { type: 'LeaseEnded', eventId, leaseId };
}
