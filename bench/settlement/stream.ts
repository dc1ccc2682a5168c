/**
 * A deterministic settlement event stream for bench:settlement: deposits for
 * every participant, then leases interleaved as they would be on an exchange
 * (LeaseBooked, a few SubTaskCompleted, LeaseEnded each, up to WINDOW leases
 * open at once), a top-up deposit now and then; then a share of the events
 * delivered a second time, a little later in the stream (at-least-once bus
 * delivery, a hub delivering a lease after the other hub did).
 *
 * Events use the settlement service's own ids and sources: `deposit:<reference>`
 * from the operator API, `lease-booked:<leaseId>` / `lease-ended:<leaseId>`
 * (apps/settlement/src/ledger/lease-booking.ts) from the hubs' lease contracts
 * and the lease clock.
 */
import { pb, type LeaseTerms } from '#libs/contracts';
import type { LedgerEvent, SubTaskOutcome } from '#libs/ledger';
import { leaseBookedEventId, leaseEndedEventId, ledgerTerms } from '../../apps/settlement/src/ledger/lease-booking.js';
import type { EventSource } from '../../apps/settlement/src/ledger/ledger.service.js';

export const HUBS = ['hub-a', 'hub-b', 'hub-c'] as const;
/** Leases open at once. */
const WINDOW = 16;
/** Share of the steps that tops up a participant's deposit. */
const TOP_UP_SHARE = 0.02;
/** A redelivery comes 1..MAX_REDELIVERY_DELAY deliveries after the first one. */
const MAX_REDELIVERY_DELAY = 256;
const EPOCH_MS = 1_767_225_600_000; // 2026-01-01T00:00:00Z

/** One delivery to the ledger, as the settlement service would make it. */
export interface Delivery {
  /** Index of the event in the stream without duplicates (0..events-1). */
  readonly index: number;
  readonly event: LedgerEvent;
  readonly source: EventSource;
  /** For LeaseBooked: the lease contract's terms as the inbox hands them to LeaseBooking.book. */
  readonly contract?: LeaseTerms;
  readonly redelivery: boolean;
}

export interface Stream {
  /** Every event once, in the order first delivered. */
  readonly events: readonly Delivery[];
  /** The stream as delivered: every event, plus the redeliveries. */
  readonly deliveries: readonly Delivery[];
  readonly participants: number;
  readonly leases: number;
  readonly byType: Readonly<Record<LedgerEvent['type'], number>>;
}

/** mulberry32: small, fast, good enough for test data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface OpenLease {
  readonly terms: LeaseTerms;
  readonly subTasks: number;
  done: number;
}

export function generateStream(opts: { events: number; participants: number; redeliverPct: number; seed: number }): Stream {
  const rnd = prng(opts.seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;

  const people = Array.from({ length: opts.participants }, (_, i) => `p${String(i + 1).padStart(3, '0')}`);
  const hubOf = (p: string): string => HUBS[Number(p.slice(1)) % HUBS.length] ?? 'hub-a';
  const events: Delivery[] = [];
  const push = (event: LedgerEvent, source: EventSource, contract?: LeaseTerms): void => {
    events.push(contract ? { index: events.length, event, source, contract, redelivery: false } : { index: events.length, event, source, redelivery: false });
  };
  let deposits = 0;
  const deposit = (participantId: string, amount: number): void =>
    push({ type: 'Deposit', eventId: `deposit:bench-${++deposits}`, participantId, amountMinor: BigInt(amount) }, { actor: 'operator', origin: 'http:operator' });

  const open: OpenLease[] = [];
  /** Events the open leases still have to send (sub-tasks + LeaseEnded). */
  let pending = 0;
  let leases = 0;
  let clockMs = EPOCH_MS;

  const openLease = (maxSubTasks: number): void => {
    const lessee = pick(people);
    let lessor = pick(people);
    while (lessor === lessee) lessor = pick(people);
    const cores = int(1, 8);
    const durationS = 60 * int(1, 60);
    const price = int(1, 20);
    const bytes = Array.from({ length: 16 }, () => int(0, 255));
    const leaseId = Buffer.from(bytes).toString('hex');
    const terms = pb.LeaseTerms.create({
      leaseId,
      lessee,
      lessor,
      lesseeHub: hubOf(lessee),
      lessorHub: hubOf(lessor),
      buyOrderId: `buy-${leases}`,
      sellOrderId: `sell-${leases}`,
      cores,
      memoryMib: cores * 2048,
      durationS,
      priceMinorPerCoreSecond: price,
      startMs: clockMs,
      endMs: clockMs + durationS * 1000,
      capabilities: ['tee'],
      securityLevel: 2,
      maxCostMinor: cores * durationS * price,
    });
    const viaHub = rnd() < 0.5 ? terms.lesseeHub : terms.lessorHub;
    push({ type: 'LeaseBooked', eventId: leaseBookedEventId(leaseId), terms: ledgerTerms(terms) }, { actor: viaHub, origin: `bus:${viaHub}` }, terms);
    const subTasks = Math.min(maxSubTasks, int(1, 8));
    open.push({ terms, subTasks, done: 0 });
    pending += subTasks + 1;
    leases++;
  };

  const progressLease = (): void => {
    const k = Math.floor(rnd() * open.length);
    const l = open[k] as OpenLease;
    const t = l.terms;
    if (l.done < l.subTasks) {
      const j = ++l.done;
      const cap = t.cores * t.durationS;
      // Mostly within the lease's share per sub-task; now and then more (capped by the ledger).
      const used = int(0, Math.ceil((cap / l.subTasks) * 1.2));
      const r = rnd();
      const outcome: SubTaskOutcome = r < 0.92 ? 'completed' : r < 0.97 ? 'failed-lessor' : 'cancelled-lessee';
      push(
        { type: 'SubTaskCompleted', eventId: `subtask:${t.leaseId}:${j}`, leaseId: t.leaseId, subTaskId: `st-${j}`, usedCoreSeconds: BigInt(used), outcome },
        { actor: t.lessorHub, origin: `bus:${t.lessorHub}` },
      );
    } else {
      push({ type: 'LeaseEnded', eventId: leaseEndedEventId(t.leaseId), leaseId: t.leaseId }, { actor: 'exchange', origin: 'lease-clock' });
      open.splice(k, 1);
    }
    pending--;
  };

  // Everyone funds an account first (enough for every lease they may take).
  for (const p of people) if (events.length < opts.events) deposit(p, int(50_000_000, 100_000_000));
  while (events.length < opts.events) {
    clockMs += int(1, 2_000);
    const budget = opts.events - events.length;
    const room = budget - pending;
    const r = rnd();
    if (room === 0) progressLease();
    else if (room < 3 && open.length === 0) deposit(pick(people), int(1_000_000, 10_000_000));
    else if (r < TOP_UP_SHARE) deposit(pick(people), int(1_000_000, 10_000_000));
    else if (room >= 3 && open.length < WINDOW && (open.length === 0 || r < 0.3)) openLease(room - 2);
    else if (open.length > 0) progressLease();
    else deposit(pick(people), int(1_000_000, 10_000_000));
  }
  if (open.length > 0 || pending !== 0) throw new Error(`stream generator left ${open.length} lease(s) open`);

  // Redeliveries: a sample of the events, each again 1..MAX_REDELIVERY_DELAY deliveries later.
  const redeliver = Math.round((events.length * opts.redeliverPct) / 100);
  const order = events.map((_, i) => i);
  for (let i = 0; i < redeliver; i++) {
    const j = i + Math.floor(rnd() * (order.length - i));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const keyed: { key: number; d: Delivery }[] = events.map((d, i) => ({ key: i, d }));
  for (const i of order.slice(0, redeliver)) {
    const first = events[i] as Delivery;
    // A lease contract comes again from the other hub; anything else from where it came first.
    const t = first.contract;
    const hub = t ? (first.source.actor === t.lesseeHub ? t.lessorHub : t.lesseeHub) : undefined;
    const again: Delivery = { ...first, source: hub ? { actor: hub, origin: `bus:${hub}` } : first.source, redelivery: true };
    keyed.push({ key: Math.min(i + int(1, MAX_REDELIVERY_DELAY), events.length) + 0.5, d: again });
  }
  keyed.sort((a, b) => a.key - b.key);

  const byType = { Deposit: 0, LeaseBooked: 0, SubTaskCompleted: 0, LeaseEnded: 0 };
  for (const d of events) byType[d.event.type]++;
  return { events, deliveries: keyed.map((k) => k.d), participants: people.length, leases, byType };
}

/** The event as the service stores it in ledger_events.body (bigint as decimal strings). */
export function eventJson(event: LedgerEvent): string {
  return JSON.stringify(event, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}
