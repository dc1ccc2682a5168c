/**
 * Snapshot codec: the whole ledger state as JSON-safe data, every bigint as a
 * decimal string. Entries are sorted, so two equal ledgers give equal
 * snapshots (JSON.stringify of them can be hashed or compared).
 */
import { LEDGER_CODE_NUMBERS } from './codes.js';
import { LedgerStateError } from './errors.js';
import { feeMinor, holdFor } from './money.js';
import { emptyState, type LeaseRecord, type LedgerState } from './state.js';
import type { Conflict, EventRecord, LeaseScopedEvent, LeaseState, LedgerConfig, Posting, PostingKind, SubTaskOutcome } from './types.js';
import { validateEvent } from './validate.js';

export const SNAPSHOT_VERSION = 1;

export interface LeaseTermsJson {
  readonly leaseId: string;
  readonly lessee: string;
  readonly lessor: string;
  readonly lesseeHub: string;
  readonly lessorHub: string;
  readonly cores: number;
  readonly durationS: number;
  readonly priceMinorPerCoreSecond: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly maxCostMinor: string;
}

export interface LeaseJson {
  readonly terms: LeaseTermsJson;
  readonly bookedEventId: string;
  readonly state: LeaseState;
  readonly lesseeHubFeeBps: number;
  readonly lessorHubFeeBps: number;
  readonly holdMinor: string;
  readonly usedCoreSeconds: string;
  readonly releasedMinor: string;
  readonly subTaskIds: readonly string[];
}

export type ParkedEventJson =
  | { readonly type: 'SubTaskCompleted'; readonly eventId: string; readonly leaseId: string; readonly subTaskId: string; readonly usedCoreSeconds: string; readonly outcome: SubTaskOutcome }
  | { readonly type: 'LeaseEnded'; readonly eventId: string; readonly leaseId: string };

export interface PostingJson {
  readonly seq: number;
  readonly eventId: string;
  readonly kind: PostingKind;
  readonly leaseId?: string;
  readonly entries: readonly { readonly account: string; readonly side: 'debit' | 'credit'; readonly amountMinor: string }[];
}

export interface LedgerSnapshot {
  readonly version: typeof SNAPSHOT_VERSION;
  readonly config: LedgerConfig;
  readonly balances: readonly (readonly [string, string])[];
  readonly events: readonly (readonly [string, EventRecord])[];
  readonly leases: readonly LeaseJson[];
  /** Per lease, in arrival order. */
  readonly parked: readonly (readonly [string, readonly ParkedEventJson[]])[];
  readonly postings: readonly PostingJson[];
  readonly conflicts: readonly Conflict[];
  readonly conflictCount: number;
}

function byKey<T>(a: readonly [string, T], b: readonly [string, T]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

function leaseToJson(l: LeaseRecord): LeaseJson {
  const t = l.terms;
  return {
    terms: { ...t, priceMinorPerCoreSecond: t.priceMinorPerCoreSecond.toString(), maxCostMinor: t.maxCostMinor.toString() },
    bookedEventId: l.bookedEventId,
    state: l.state,
    lesseeHubFeeBps: l.lesseeHubFeeBps,
    lessorHubFeeBps: l.lessorHubFeeBps,
    holdMinor: l.holdMinor.toString(),
    usedCoreSeconds: l.usedCoreSeconds.toString(),
    releasedMinor: l.releasedMinor.toString(),
    subTaskIds: [...l.subTaskIds].sort(),
  };
}

function parkedToJson(e: LeaseScopedEvent): ParkedEventJson {
  return e.type === 'SubTaskCompleted'
    ? { type: e.type, eventId: e.eventId, leaseId: e.leaseId, subTaskId: e.subTaskId, usedCoreSeconds: e.usedCoreSeconds.toString(), outcome: e.outcome }
    : { type: e.type, eventId: e.eventId, leaseId: e.leaseId };
}

function postingToJson(p: Posting): PostingJson {
  const entries = p.entries.map((x) => ({ account: x.account, side: x.side, amountMinor: x.amountMinor.toString() }));
  return p.leaseId === undefined ? { seq: p.seq, eventId: p.eventId, kind: p.kind, entries } : { seq: p.seq, eventId: p.eventId, kind: p.kind, leaseId: p.leaseId, entries };
}

export function toSnapshot(s: LedgerState): LedgerSnapshot {
  return {
    version: SNAPSHOT_VERSION,
    config: { fees: { ...s.config.fees }, limits: { ...s.config.limits } },
    balances: [...s.balances].map(([a, b]) => [a, b.toString()] as const).sort(byKey),
    events: [...s.events].map(([id, r]) => [id, { ...r }] as const).sort(byKey),
    leases: [...s.leases.values()].map(leaseToJson).sort((a, b) => byKey([a.terms.leaseId, 0], [b.terms.leaseId, 0])),
    parked: [...s.parked].map(([id, list]) => [id, list.map(parkedToJson)] as const).sort(byKey),
    postings: s.postings.map(postingToJson),
    conflicts: s.conflicts.map((c) => ({ ...c })),
    conflictCount: s.conflictCount,
  };
}

// --- decoding -------------------------------------------------------------------------------------

function big(value: unknown, what: string): bigint {
  if (typeof value !== 'string' || !/^-?(0|[1-9][0-9]*)$/.test(value)) throw new LedgerStateError(`snapshot: ${what} is not a decimal integer`);
  return BigInt(value);
}

function array<T>(value: unknown, what: string): readonly T[] {
  if (!Array.isArray(value)) throw new LedgerStateError(`snapshot: ${what} is not an array`);
  return value as readonly T[];
}

function eventRecordFrom(r: EventRecord, id: string): EventRecord {
  const okStatus = r.status === 'applied' || r.status === 'parked' || r.status === 'rejected';
  const okCode = r.code === undefined || Object.hasOwn(LEDGER_CODE_NUMBERS, r.code);
  if (typeof r.fingerprint !== 'string' || !okStatus || !okCode) throw new LedgerStateError(`snapshot: bad record for event ${id}`);
  return r.code === undefined ? { fingerprint: r.fingerprint, status: r.status } : { fingerprint: r.fingerprint, status: r.status, code: r.code };
}

function leaseFrom(j: LeaseJson): LeaseRecord {
  const terms = { ...j.terms, priceMinorPerCoreSecond: big(j.terms.priceMinorPerCoreSecond, 'price'), maxCostMinor: big(j.terms.maxCostMinor, 'maxCost') };
  if (validateEvent({ type: 'LeaseBooked', eventId: j.bookedEventId, terms }) !== undefined) throw new LedgerStateError(`snapshot: bad terms for lease ${terms.leaseId}`);
  const used = big(j.usedCoreSeconds, 'usedCoreSeconds');
  const usage = used * terms.priceMinorPerCoreSecond;
  const max = holdFor(terms.maxCostMinor, j.lesseeHubFeeBps, j.lessorHubFeeBps);
  if (j.state !== 'booked' && j.state !== 'ended' && j.state !== 'refused') throw new LedgerStateError(`snapshot: bad state for lease ${terms.leaseId}`);
  return {
    terms,
    bookedEventId: j.bookedEventId,
    state: j.state,
    lesseeHubFeeBps: j.lesseeHubFeeBps,
    lessorHubFeeBps: j.lessorHubFeeBps,
    capCoreSeconds: BigInt(terms.cores) * BigInt(terms.durationS),
    holdMinor: big(j.holdMinor, 'hold'),
    lesseeHubFeeMaxMinor: max.lesseeHubFeeMaxMinor,
    lessorHubFeeMaxMinor: max.lessorHubFeeMaxMinor,
    usedCoreSeconds: used,
    usageMinor: usage,
    lesseeHubFeeMinor: feeMinor(usage, j.lesseeHubFeeBps),
    lessorHubFeeMinor: feeMinor(usage, j.lessorHubFeeBps),
    releasedMinor: big(j.releasedMinor, 'released'),
    subTaskIds: new Set(array<string>(j.subTaskIds, 'subTaskIds')),
  };
}

function parkedFrom(j: ParkedEventJson): LeaseScopedEvent {
  const e: LeaseScopedEvent = j.type === 'SubTaskCompleted' ? { ...j, usedCoreSeconds: big(j.usedCoreSeconds, 'usedCoreSeconds') } : { ...j };
  if (validateEvent(e) !== undefined) throw new LedgerStateError(`snapshot: bad parked event ${String(j.eventId)}`);
  return e;
}

function postingFrom(j: PostingJson): Posting {
  const entries = Object.freeze(
    array<PostingJson['entries'][number]>(j.entries, 'entries').map((x) => Object.freeze({ account: x.account, side: x.side, amountMinor: big(x.amountMinor, 'entry amount') })),
  );
  return Object.freeze(j.leaseId === undefined ? { seq: j.seq, eventId: j.eventId, kind: j.kind, entries } : { seq: j.seq, eventId: j.eventId, kind: j.kind, leaseId: j.leaseId, entries });
}

/** Decodes a snapshot taken with this codec; throws LedgerStateError on anything out of shape. */
export function fromSnapshot(snap: LedgerSnapshot, config: LedgerConfig): LedgerState {
  if (typeof snap !== 'object' || snap === null || snap.version !== SNAPSHOT_VERSION) throw new LedgerStateError('snapshot: unsupported version');
  const s = emptyState(config);
  for (const [a, b] of array<readonly [string, string]>(snap.balances, 'balances')) s.balances.set(a, big(b, `balance of ${a}`));
  for (const [id, r] of array<readonly [string, EventRecord]>(snap.events, 'events')) s.events.set(id, eventRecordFrom(r, id));
  for (const j of array<LeaseJson>(snap.leases, 'leases')) s.leases.set(j.terms.leaseId, leaseFrom(j));
  for (const [id, list] of array<readonly [string, readonly ParkedEventJson[]]>(snap.parked, 'parked')) {
    const events = array<ParkedEventJson>(list, 'parked list').map(parkedFrom);
    s.parked.set(id, events);
    s.parkedCount += events.length;
  }
  for (const j of array<PostingJson>(snap.postings, 'postings')) s.postings.push(postingFrom(j));
  for (const c of array<Conflict>(snap.conflicts, 'conflicts')) s.conflicts.push({ ...c });
  if (!Number.isSafeInteger(snap.conflictCount) || snap.conflictCount < 0) throw new LedgerStateError('snapshot: bad conflictCount');
  s.conflictCount = snap.conflictCount;
  return s;
}
