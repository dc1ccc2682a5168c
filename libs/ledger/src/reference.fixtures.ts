/**
 * The test oracle: the README's rules written as plainly as possible — no
 * postings, no parking queue, no per-sub-task deltas. Balances are moved by
 * recomputing each lease's totals from its cumulative usage. Written apart
 * from ledger.ts on purpose; the property spec checks they agree.
 */
import type { FeeConfig, LedgerEvent, LeaseTermsInput, SubTaskCompletedEvent } from './types.js';

interface RefLease {
  readonly t: LeaseTermsInput;
  readonly hold: bigint;
  status: 'booked' | 'ended' | 'refused';
  used: bigint;
  readonly subIds: Set<string>;
}

const fee = (cost: bigint, bps: number): bigint => (cost * BigInt(bps)) / 10_000n;

export function referenceBalances(events: readonly LedgerEvent[], fees: FeeConfig): Map<string, bigint> {
  const bal = new Map<string, bigint>();
  const add = (a: string, v: bigint): void => void bal.set(a, (bal.get(a) ?? 0n) + v);
  const seen = new Set<string>();
  const leases = new Map<string, RefLease>();
  const waitingSubs = new Map<string, SubTaskCompletedEvent[]>();
  const waitingEnd = new Set<string>();

  const charge = (l: RefLease): bigint[] => {
    const usage = l.used * l.t.priceMinorPerCoreSecond;
    return [usage, fee(usage, fees.lesseeHubFeeBps), fee(usage, fees.lessorHubFeeBps)];
  };
  const useSub = (l: RefLease, e: SubTaskCompletedEvent): void => {
    if (l.subIds.has(e.subTaskId)) return;
    l.subIds.add(e.subTaskId);
    if (e.outcome === 'failed-lessor') return;
    const [u0 = 0n, a0 = 0n, b0 = 0n] = charge(l);
    const cap = BigInt(l.t.cores) * BigInt(l.t.durationS);
    l.used = l.used + e.usedCoreSeconds > cap ? cap : l.used + e.usedCoreSeconds;
    const [u1 = 0n, a1 = 0n, b1 = 0n] = charge(l);
    add(`participant:${l.t.lessee}:escrow`, -(u1 - u0 + a1 - a0 + b1 - b0));
    add(`participant:${l.t.lessor}:available`, u1 - u0);
    add(`hub:${l.t.lesseeHub}:fees`, a1 - a0);
    add(`hub:${l.t.lessorHub}:fees`, b1 - b0);
  };
  const end = (l: RefLease): void => {
    const [u = 0n, a = 0n, b = 0n] = charge(l);
    const rest = l.hold - u - a - b;
    add(`participant:${l.t.lessee}:escrow`, -rest);
    add(`participant:${l.t.lessee}:available`, rest);
    l.status = 'ended';
  };

  for (const e of events) {
    if (seen.has(e.eventId)) continue; // replays and conflicting duplicates change nothing
    seen.add(e.eventId);
    if (e.type === 'Deposit') {
      add('external:funding', -e.amountMinor);
      add(`participant:${e.participantId}:available`, e.amountMinor);
    } else if (e.type === 'LeaseBooked') {
      const t = e.terms;
      if (leases.has(t.leaseId)) continue;
      const hold = t.maxCostMinor + fee(t.maxCostMinor, fees.lesseeHubFeeBps) + fee(t.maxCostMinor, fees.lessorHubFeeBps);
      const funded = (bal.get(`participant:${t.lessee}:available`) ?? 0n) >= hold;
      const l: RefLease = { t, hold: funded ? hold : 0n, status: funded ? 'booked' : 'refused', used: 0n, subIds: new Set() };
      leases.set(t.leaseId, l);
      if (!funded) continue;
      add(`participant:${t.lessee}:available`, -hold);
      add(`participant:${t.lessee}:escrow`, hold);
      // Parked sub-tasks: by subTaskId then eventId (only matters for duplicate sub-task ids), then the end.
      const subs = [...(waitingSubs.get(t.leaseId) ?? [])].sort((x, y) => (x.subTaskId + '\u0000' + x.eventId < y.subTaskId + '\u0000' + y.eventId ? -1 : 1));
      for (const s of subs) useSub(l, s);
      if (waitingEnd.has(t.leaseId)) end(l);
    } else {
      const l = leases.get(e.leaseId);
      if (l === undefined) {
        if (e.type === 'LeaseEnded') waitingEnd.add(e.leaseId);
        else waitingSubs.set(e.leaseId, [...(waitingSubs.get(e.leaseId) ?? []), e]);
      } else if (l.status === 'booked') {
        if (e.type === 'LeaseEnded') end(l);
        else useSub(l, e);
      }
    }
  }
  return bal;
}
