/**
 * Invariant checks over the whole state (exchange-core's validateInternalState):
 * run after every event in tests and after every restore. O(postings).
 */
import { accountKind, escrowAccount, FUNDING_ACCOUNT } from './accounts.js';
import { feeMinor } from './money.js';
import { chargedMinor, escrowRemainingMinor, type LeaseRecord, type LedgerState } from './state.js';
import { AMOUNT_MAX_MINOR } from './types.js';

function checkPostings(s: LedgerState, out: string[]): void {
  const folded = new Map<string, bigint>();
  s.postings.forEach((p, k) => {
    if (p.seq !== k + 1) out.push(`posting ${k} has seq ${p.seq}`);
    let sum = 0n;
    for (const x of p.entries) {
      if (x.amountMinor <= 0n) out.push(`posting ${p.seq} has a non-positive entry`);
      const delta = x.side === 'credit' ? x.amountMinor : -x.amountMinor;
      sum += delta;
      folded.set(x.account, (folded.get(x.account) ?? 0n) + delta);
    }
    if (sum !== 0n) out.push(`posting ${p.seq} is unbalanced by ${sum}`);
  });
  const accounts = new Set([...folded.keys(), ...s.balances.keys()]);
  for (const a of accounts) {
    if ((folded.get(a) ?? 0n) !== (s.balances.get(a) ?? 0n)) out.push(`balance of ${a} differs from its postings`);
  }
}

function checkBalances(s: LedgerState, out: string[]): void {
  let total = 0n;
  for (const [account, b] of s.balances) {
    total += b;
    const kind = accountKind(account);
    if (kind === undefined) out.push(`unknown account ${account}`);
    else if (kind === 'funding' ? b > 0n || b < -AMOUNT_MAX_MINOR : b < 0n || b > AMOUNT_MAX_MINOR) {
      out.push(`${account} out of range: ${b}`);
    }
  }
  if (total !== 0n) out.push(`balances sum to ${total}, not 0`);
  if ((s.balances.get(FUNDING_ACCOUNT) ?? 0n) > 0n) out.push('funding account is positive');
}

function checkLease(id: string, l: LeaseRecord, out: string[]): void {
  const t = l.terms;
  if (l.usedCoreSeconds < 0n || l.usedCoreSeconds > l.capCoreSeconds) out.push(`lease ${id} used ${l.usedCoreSeconds} of cap ${l.capCoreSeconds}`);
  if (l.usageMinor !== l.usedCoreSeconds * t.priceMinorPerCoreSecond) out.push(`lease ${id} usage is not used × price`);
  if (l.usageMinor > t.maxCostMinor) out.push(`lease ${id} usage exceeds its maximum cost`);
  if (l.lesseeHubFeeMinor !== feeMinor(l.usageMinor, l.lesseeHubFeeBps)) out.push(`lease ${id} lessee hub fee is not floor(usage × bps)`);
  if (l.lessorHubFeeMinor !== feeMinor(l.usageMinor, l.lessorHubFeeBps)) out.push(`lease ${id} lessor hub fee is not floor(usage × bps)`);
  if (l.lesseeHubFeeMinor > l.lesseeHubFeeMaxMinor || l.lessorHubFeeMinor > l.lessorHubFeeMaxMinor) out.push(`lease ${id} fee above its maximum`);
  if (escrowRemainingMinor(l) < 0n) out.push(`lease ${id} escrow is negative`);
  if (l.state === 'ended' && escrowRemainingMinor(l) !== 0n) out.push(`ended lease ${id} still holds escrow`);
  if (l.state === 'refused' && (l.holdMinor !== 0n || chargedMinor(l) !== 0n || l.releasedMinor !== 0n || l.subTaskIds.size !== 0)) {
    out.push(`refused lease ${id} has money or sub-tasks`);
  }
}

function checkLeases(s: LedgerState, out: string[]): void {
  const escrowByAccount = new Map<string, bigint>();
  for (const [id, l] of s.leases) {
    if (id !== l.terms.leaseId) out.push(`lease ${id} is stored under another id`);
    checkLease(id, l, out);
    const account = escrowAccount(l.terms.lessee);
    escrowByAccount.set(account, (escrowByAccount.get(account) ?? 0n) + escrowRemainingMinor(l));
  }
  for (const [account, b] of s.balances) {
    if (accountKind(account) === 'escrow' && b !== (escrowByAccount.get(account) ?? 0n)) out.push(`${account} is not the sum of its leases' escrow`);
  }
  for (const [account, sum] of escrowByAccount) {
    if ((s.balances.get(account) ?? 0n) !== sum) out.push(`${account} is not the sum of its leases' escrow`);
  }
}

function checkParked(s: LedgerState, out: string[]): void {
  let count = 0;
  for (const [leaseId, list] of s.parked) {
    count += list.length;
    if (list.length === 0) out.push(`empty parked list for ${leaseId}`);
    if (list.length > s.config.limits.maxParkedPerLease) out.push(`too many parked events for ${leaseId}`);
    if (s.leases.has(leaseId)) out.push(`events parked for lease ${leaseId}, which is known`);
    for (const e of list) {
      if (e.leaseId !== leaseId) out.push(`event ${e.eventId} parked under lease ${leaseId}`);
      if (s.events.get(e.eventId)?.status !== 'parked') out.push(`parked event ${e.eventId} is not recorded as parked`);
    }
  }
  if (count !== s.parkedCount) out.push(`parked count ${s.parkedCount}, actual ${count}`);
  if (count > s.config.limits.maxParkedEvents) out.push('too many parked events');
  let recorded = 0;
  for (const r of s.events.values()) if (r.status === 'parked') recorded += 1;
  if (recorded !== count) out.push(`${recorded} events recorded as parked, ${count} parked`);
}

export function checkState(s: LedgerState): string[] {
  const out: string[] = [];
  checkPostings(s, out);
  checkBalances(s, out);
  checkLeases(s, out);
  checkParked(s, out);
  if (s.conflicts.length > s.config.limits.maxConflicts || s.conflicts.length > s.conflictCount) out.push('conflict log out of bounds');
  return out;
}
