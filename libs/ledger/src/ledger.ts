/**
 * The settlement ledger: a pure, deterministic double-entry ledger that books
 * leases and their results (README has the rules). Every event is applied at
 * most once, keyed by its eventId; every change of a balance is a balanced
 * posting; the sum of all balances is always zero.
 */
import { availableAccount, escrowAccount, FUNDING_ACCOUNT, hubFeesAccount } from './accounts.js';
import { LedgerCode, TRANSIENT_CODES } from './codes.js';
import { resolveConfig, type LedgerOptions } from './config.js';
import { assert, LedgerStateError } from './errors.js';
import { checkState } from './invariants.js';
import { feeMinor, holdFor, minBig } from './money.js';
import { fromSnapshot, toSnapshot, type LedgerSnapshot } from './snapshot.js';
import { chargedMinor, emptyState, escrowRemainingMinor, type LeaseRecord, type LedgerState } from './state.js';
import {
  AMOUNT_MAX_MINOR,
  type ApplyResult,
  type Conflict,
  type DepositEvent,
  type Entry,
  type EventRecord,
  type LeaseBookedEvent,
  type LeaseCost,
  type LeaseEndedEvent,
  type LeaseScopedEvent,
  type LedgerConfig,
  type LedgerEvent,
  type Posting,
  type PostingFilter,
  type PostingKind,
  type ReleasedEvent,
  type SubTaskCompletedEvent,
} from './types.js';
import { fingerprint, validateEvent } from './validate.js';

/** Outcome of one rule, before it is recorded against the event id. */
interface Outcome {
  readonly status: 'applied' | 'parked' | 'rejected';
  readonly code?: LedgerCode;
  readonly postings: readonly Posting[];
  readonly released?: readonly ReleasedEvent[];
}

const NO_POSTINGS: readonly Posting[] = Object.freeze([]);

function outcome(status: Outcome['status'], code?: LedgerCode, postings: readonly Posting[] = NO_POSTINGS): Outcome {
  return code === undefined ? { status, postings } : { status, code, postings };
}

function debit(account: string, amountMinor: bigint): Entry {
  return { account, side: 'debit', amountMinor };
}

function credit(account: string, amountMinor: bigint): Entry {
  return { account, side: 'credit', amountMinor };
}

/** Parked events are released sub-tasks first (by subTaskId, then eventId), LeaseEnded last (by eventId). */
function releaseOrder(a: LeaseScopedEvent, b: LeaseScopedEvent): number {
  const ka = a.type === 'SubTaskCompleted' ? `0\u0000${a.subTaskId}\u0000${a.eventId}` : `1\u0000${a.eventId}`;
  const kb = b.type === 'SubTaskCompleted' ? `0\u0000${b.subTaskId}\u0000${b.eventId}` : `1\u0000${b.eventId}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

export class Ledger {
  private s: LedgerState;

  constructor(options: LedgerOptions) {
    this.s = emptyState(resolveConfig(options));
  }

  /** A ledger carrying on exactly where the snapshot's ledger stopped. Throws LedgerStateError on a corrupt snapshot. */
  static restore(snapshot: LedgerSnapshot): Ledger {
    const ledger = new Ledger({ fees: snapshot.config.fees, limits: snapshot.config.limits });
    ledger.s = fromSnapshot(snapshot, ledger.s.config);
    const violations = ledger.checkInvariants();
    if (violations.length > 0) throw new LedgerStateError(`snapshot breaks invariants: ${violations.join('; ')}`);
    return ledger;
  }

  get config(): LedgerConfig {
    return this.s.config;
  }

  apply(event: LedgerEvent): ApplyResult {
    const invalid = validateEvent(event);
    if (invalid !== undefined) return { status: 'rejected', code: invalid, postings: NO_POSTINGS };
    const fp = fingerprint(event);
    const seen = this.s.events.get(event.eventId);
    if (seen !== undefined) return this.duplicate(event.eventId, seen, fp);
    if (this.s.events.size >= this.s.config.limits.maxEvents) {
      return { status: 'rejected', code: LedgerCode.EventLimit, postings: NO_POSTINGS };
    }
    const result = this.dispatch(event);
    if (result.status !== 'rejected' || result.code === undefined || !TRANSIENT_CODES.has(result.code)) {
      this.record(event.eventId, fp, result);
    }
    return result;
  }

  balance(account: string): bigint {
    return this.s.balances.get(account) ?? 0n;
  }

  /** Every account ever touched, sorted by name (zero balances included). */
  balances(): Readonly<Record<string, bigint>> {
    const out: Record<string, bigint> = {};
    for (const account of [...this.s.balances.keys()].sort()) out[account] = this.s.balances.get(account) ?? 0n;
    return out;
  }

  postings(filter: PostingFilter = {}): readonly Posting[] {
    return this.s.postings.filter(
      (p) =>
        (filter.eventId === undefined || p.eventId === filter.eventId) &&
        (filter.leaseId === undefined || p.leaseId === filter.leaseId) &&
        (filter.kind === undefined || p.kind === filter.kind) &&
        (filter.account === undefined || p.entries.some((e) => e.account === filter.account)),
    );
  }

  eventRecord(eventId: string): EventRecord | undefined {
    return this.s.events.get(eventId);
  }

  conflicts(): readonly Conflict[] {
    return [...this.s.conflicts];
  }

  get conflictCount(): number {
    return this.s.conflictCount;
  }

  get parkedCount(): number {
    return this.s.parkedCount;
  }

  leaseCost(leaseId: string): LeaseCost | undefined {
    const l = this.s.leases.get(leaseId);
    if (l === undefined) return undefined;
    return {
      leaseId,
      state: l.state,
      lessee: l.terms.lessee,
      lessor: l.terms.lessor,
      capCoreSeconds: l.capCoreSeconds,
      usedCoreSeconds: l.usedCoreSeconds,
      usageMinor: l.usageMinor,
      lesseeHubFee: { hubId: l.terms.lesseeHub, bps: l.lesseeHubFeeBps, amountMinor: l.lesseeHubFeeMinor, maxMinor: l.lesseeHubFeeMaxMinor },
      lessorHubFee: { hubId: l.terms.lessorHub, bps: l.lessorHubFeeBps, amountMinor: l.lessorHubFeeMinor, maxMinor: l.lessorHubFeeMaxMinor },
      totalChargedMinor: chargedMinor(l),
      escrowHeldMinor: l.holdMinor,
      escrowReleasedMinor: l.releasedMinor,
      escrowRemainingMinor: escrowRemainingMinor(l),
      subTasks: l.subTaskIds.size,
    };
  }

  snapshot(): LedgerSnapshot {
    return toSnapshot(this.s);
  }

  /** Broken invariants, empty when all hold (README, "Invariants"). */
  checkInvariants(): readonly string[] {
    return checkState(this.s);
  }

  // --- idempotency ---------------------------------------------------------------------------

  private duplicate(eventId: string, seen: EventRecord, fp: string): ApplyResult {
    if (seen.fingerprint === fp) {
      return seen.code === undefined || seen.status === 'applied'
        ? { status: 'exists', postings: NO_POSTINGS }
        : { status: 'exists', code: seen.code, postings: NO_POSTINGS };
    }
    this.s.conflictCount += 1;
    this.s.conflicts.push({ eventId, storedFingerprint: seen.fingerprint, receivedFingerprint: fp });
    if (this.s.conflicts.length > this.s.config.limits.maxConflicts) this.s.conflicts.shift();
    return { status: 'exists_with_different_content', code: LedgerCode.EventConflict, postings: NO_POSTINGS };
  }

  private record(eventId: string, fp: string, o: Outcome): void {
    const rec: EventRecord =
      o.code === undefined || o.status === 'applied' ? { fingerprint: fp, status: o.status } : { fingerprint: fp, status: o.status, code: o.code };
    this.s.events.set(eventId, rec);
  }

  // --- rules -----------------------------------------------------------------------------------

  private dispatch(e: LedgerEvent): Outcome {
    switch (e.type) {
      case 'Deposit':
        return this.deposit(e);
      case 'LeaseBooked':
        return this.book(e);
      case 'SubTaskCompleted':
      case 'LeaseEnded':
        return this.leaseScoped(e);
    }
  }

  private deposit(e: DepositEvent): Outcome {
    // Sum of all positive balances = −funding, so bounding funding bounds every balance by int64.
    if (this.balance(FUNDING_ACCOUNT) - e.amountMinor < -AMOUNT_MAX_MINOR) return outcome('rejected', LedgerCode.AmountOverflow);
    const p = this.post(e.eventId, 'deposit', undefined, [debit(FUNDING_ACCOUNT, e.amountMinor), credit(availableAccount(e.participantId), e.amountMinor)]);
    return outcome('applied', undefined, p);
  }

  private book(e: LeaseBookedEvent): Outcome {
    const t = e.terms;
    if (this.s.leases.has(t.leaseId)) return outcome('rejected', LedgerCode.LeaseDuplicate);
    const { lesseeHubFeeBps, lessorHubFeeBps } = this.s.config.fees;
    const hold = holdFor(t.maxCostMinor, lesseeHubFeeBps, lessorHubFeeBps);
    if (hold.holdMinor > AMOUNT_MAX_MINOR) return outcome('rejected', LedgerCode.AmountOverflow);
    const funded = this.balance(availableAccount(t.lessee)) >= hold.holdMinor;
    const lease: LeaseRecord = {
      terms: { ...t },
      bookedEventId: e.eventId,
      state: funded ? 'booked' : 'refused',
      lesseeHubFeeBps,
      lessorHubFeeBps,
      capCoreSeconds: BigInt(t.cores) * BigInt(t.durationS),
      holdMinor: funded ? hold.holdMinor : 0n,
      lesseeHubFeeMaxMinor: hold.lesseeHubFeeMaxMinor,
      lessorHubFeeMaxMinor: hold.lessorHubFeeMaxMinor,
      usedCoreSeconds: 0n,
      usageMinor: 0n,
      lesseeHubFeeMinor: 0n,
      lessorHubFeeMinor: 0n,
      releasedMinor: 0n,
      subTaskIds: new Set(),
    };
    this.s.leases.set(t.leaseId, lease);
    const postings: Posting[] = [];
    if (funded && hold.holdMinor > 0n) {
      postings.push(
        ...this.post(e.eventId, 'escrow_hold', t.leaseId, [debit(availableAccount(t.lessee), hold.holdMinor), credit(escrowAccount(t.lessee), hold.holdMinor)]),
      );
    }
    const released = this.releaseParked(t.leaseId, postings);
    const head = funded ? outcome('applied') : outcome('rejected', LedgerCode.InsufficientFunds);
    return { ...head, postings, released };
  }

  /** Settles the parked events of a lease that was just booked or refused, in release order. */
  private releaseParked(leaseId: string, postings: Posting[]): readonly ReleasedEvent[] {
    const parked = this.s.parked.get(leaseId);
    if (parked === undefined) return [];
    this.s.parked.delete(leaseId);
    this.s.parkedCount -= parked.length;
    assert(this.s.parkedCount >= 0, 'parked count went negative');
    const released: ReleasedEvent[] = [];
    for (const e of [...parked].sort(releaseOrder)) {
      const o = this.leaseScoped(e);
      assert(o.status !== 'parked', 'a released event parked again');
      postings.push(...o.postings);
      const rec = this.s.events.get(e.eventId);
      assert(rec !== undefined && rec.status === 'parked', `released event ${e.eventId} was not recorded as parked`);
      this.record(e.eventId, rec.fingerprint, o);
      released.push(o.code === undefined ? { eventId: e.eventId, status: o.status } : { eventId: e.eventId, status: o.status, code: o.code });
    }
    return released;
  }

  private leaseScoped(e: LeaseScopedEvent): Outcome {
    const lease = this.s.leases.get(e.leaseId);
    if (lease === undefined) return this.park(e);
    switch (lease.state) {
      case 'refused':
        return outcome('rejected', LedgerCode.LeaseRefused);
      case 'ended':
        return outcome('rejected', LedgerCode.LeaseEnded);
      case 'booked':
        return e.type === 'SubTaskCompleted' ? this.subTask(lease, e) : this.end(lease, e);
    }
  }

  private park(e: LeaseScopedEvent): Outcome {
    const list = this.s.parked.get(e.leaseId) ?? [];
    const { maxParkedEvents, maxParkedPerLease } = this.s.config.limits;
    if (this.s.parkedCount >= maxParkedEvents || list.length >= maxParkedPerLease) return outcome('rejected', LedgerCode.ParkFull);
    list.push(e);
    this.s.parked.set(e.leaseId, list);
    this.s.parkedCount += 1;
    return outcome('parked');
  }

  private subTask(lease: LeaseRecord, e: SubTaskCompletedEvent): Outcome {
    if (lease.subTaskIds.has(e.subTaskId)) return outcome('rejected', LedgerCode.SubTaskDuplicate);
    lease.subTaskIds.add(e.subTaskId);
    // A lessor's failure costs the lessee nothing; completion and lessee cancellation bill metered usage.
    const remaining = lease.capCoreSeconds - lease.usedCoreSeconds;
    const billable = e.outcome === 'failed-lessor' ? 0n : minBig(e.usedCoreSeconds, remaining);
    const capped = e.outcome !== 'failed-lessor' && billable < e.usedCoreSeconds;
    const t = lease.terms;
    // Fees follow the cumulative usage cost, so their total is independent of how usage was split.
    const used = lease.usedCoreSeconds + billable;
    const usage = used * t.priceMinorPerCoreSecond;
    const lesseeFee = feeMinor(usage, lease.lesseeHubFeeBps);
    const lessorFee = feeMinor(usage, lease.lessorHubFeeBps);
    const dUsage = usage - lease.usageMinor;
    const dLesseeFee = lesseeFee - lease.lesseeHubFeeMinor;
    const dLessorFee = lessorFee - lease.lessorHubFeeMinor;
    assert(dUsage >= 0n && dLesseeFee >= 0n && dLessorFee >= 0n, 'a sub-task lowered a lease total');
    lease.usedCoreSeconds = used;
    lease.usageMinor = usage;
    lease.lesseeHubFeeMinor = lesseeFee;
    lease.lessorHubFeeMinor = lessorFee;
    assert(escrowRemainingMinor(lease) >= 0n, `lease ${t.leaseId} charged beyond its escrow`);
    const total = dUsage + dLesseeFee + dLessorFee;
    const entries = [
      debit(escrowAccount(t.lessee), total),
      credit(availableAccount(t.lessor), dUsage),
      credit(hubFeesAccount(t.lesseeHub), dLesseeFee),
      credit(hubFeesAccount(t.lessorHub), dLessorFee),
    ].filter((x) => x.amountMinor > 0n);
    const postings = total > 0n ? this.post(e.eventId, 'usage', t.leaseId, entries) : NO_POSTINGS;
    return outcome('applied', capped ? LedgerCode.UsageCapped : undefined, postings);
  }

  private end(lease: LeaseRecord, e: LeaseEndedEvent): Outcome {
    const rest = escrowRemainingMinor(lease);
    lease.state = 'ended';
    lease.releasedMinor += rest;
    const t = lease.terms;
    const postings =
      rest > 0n ? this.post(e.eventId, 'escrow_release', t.leaseId, [debit(escrowAccount(t.lessee), rest), credit(availableAccount(t.lessee), rest)]) : NO_POSTINGS;
    return outcome('applied', undefined, postings);
  }

  // --- postings --------------------------------------------------------------------------------

  private post(eventId: string, kind: PostingKind, leaseId: string | undefined, entries: readonly Entry[]): readonly Posting[] {
    let debits = 0n;
    let credits = 0n;
    for (const x of entries) {
      assert(x.amountMinor > 0n, `posting entry of ${x.amountMinor} on ${x.account}`);
      if (x.side === 'debit') debits += x.amountMinor;
      else credits += x.amountMinor;
    }
    assert(debits === credits, `unbalanced posting for ${eventId}: debits ${debits}, credits ${credits}`);
    // Compute every new balance before writing any, so a failed assertion leaves the balances untouched.
    const next = new Map<string, bigint>();
    for (const x of entries) {
      const delta = x.side === 'credit' ? x.amountMinor : -x.amountMinor;
      next.set(x.account, (next.get(x.account) ?? this.balance(x.account)) + delta);
    }
    for (const [account, value] of next) assert(account === FUNDING_ACCOUNT || value >= 0n, `${account} would go negative (${value})`);
    for (const [account, value] of next) this.s.balances.set(account, value);
    const frozen = Object.freeze(entries.map((x) => Object.freeze({ ...x })));
    const posting: Posting = Object.freeze(
      leaseId === undefined
        ? { seq: this.s.postings.length + 1, eventId, kind, entries: frozen }
        : { seq: this.s.postings.length + 1, eventId, kind, leaseId, entries: frozen },
    );
    this.s.postings.push(posting);
    return [posting];
  }
}
