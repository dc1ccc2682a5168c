/**
 * Property tests: random event streams (few participants and hubs, every event
 * kind, shuffled, with exact replays and conflicting duplicates) give the
 * same final balances as the plain reference (reference.fixtures.ts); every
 * posting balances and every invariant holds after every event; the ledger
 * is deterministic; and a ledger restored from a snapshot taken mid-stream
 * ends exactly like the original.
 */
import fc from 'fast-check';
import { Ledger } from './ledger.js';
import { referenceBalances } from './reference.fixtures.js';
import type { FeeConfig, LedgerEvent, LeaseTermsInput, SubTaskOutcome } from './types.js';

const PEOPLE = ['p0', 'p1', 'p2'] as const;
const HUBS = ['h0', 'h1'] as const;
const OUTCOMES: readonly SubTaskOutcome[] = ['completed', 'completed', 'failed-lessor', 'cancelled-lessee'];

const leaseArb = (k: number): fc.Arbitrary<LeaseTermsInput> =>
  fc
    .record({
      lessee: fc.constantFrom(...PEOPLE),
      lessor: fc.constantFrom(...PEOPLE),
      lesseeHub: fc.constantFrom(...HUBS),
      lessorHub: fc.constantFrom(...HUBS),
      cores: fc.integer({ min: 1, max: 3 }),
      durationS: fc.integer({ min: 1, max: 20 }),
      price: fc.bigInt({ min: 0n, max: 7n }),
    })
    .map((r) => ({
      leaseId: `L${k}`,
      lessee: r.lessee,
      lessor: r.lessor,
      lesseeHub: r.lesseeHub,
      lessorHub: r.lessorHub,
      cores: r.cores,
      durationS: r.durationS,
      priceMinorPerCoreSecond: r.price,
      startMs: 0,
      endMs: r.durationS * 1000,
      maxCostMinor: BigInt(r.cores) * BigInt(r.durationS) * r.price,
    }));

interface Scenario {
  readonly fees: FeeConfig;
  readonly events: readonly LedgerEvent[];
}

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    fees: fc.record({ lesseeHubFeeBps: fc.integer({ min: 0, max: 10_000 }), lessorHubFeeBps: fc.integer({ min: 0, max: 3_000 }) }),
    leases: fc.tuple(leaseArb(0), leaseArb(1), leaseArb(2), leaseArb(3)),
    deposits: fc.array(fc.record({ who: fc.constantFrom(...PEOPLE), amount: fc.bigInt({ min: 1n, max: 400n }) }), { maxLength: 8 }),
    subs: fc.array(
      fc.record({ lease: fc.integer({ min: 0, max: 4 }), task: fc.integer({ min: 0, max: 6 }), used: fc.bigInt({ min: 0n, max: 70n }), outcome: fc.constantFrom(...OUTCOMES) }),
      { maxLength: 20 },
    ),
    bookTwice: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    ends: fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 6 }),
    keys: fc.array(fc.integer(), { minLength: 80, maxLength: 80 }),
    dups: fc.array(fc.record({ at: fc.nat(), pos: fc.nat(), mutate: fc.boolean() }), { maxLength: 10 }),
  })
  .map((g) => {
    const base: LedgerEvent[] = [];
    g.deposits.forEach((d, k) => base.push({ type: 'Deposit', eventId: `d${k}`, participantId: d.who, amountMinor: d.amount }));
    g.leases.forEach((t, k) => {
      base.push({ type: 'LeaseBooked', eventId: `b${k}`, terms: t });
      if (g.bookTwice[k] === true) base.push({ type: 'LeaseBooked', eventId: `b${k}x`, terms: t });
    });
    // Lease L4 is never booked: its events stay parked.
    g.subs.forEach((s, k) => base.push({ type: 'SubTaskCompleted', eventId: `s${k}`, leaseId: `L${s.lease}`, subTaskId: `t${s.task}`, usedCoreSeconds: s.used, outcome: s.outcome }));
    g.ends.forEach((l, k) => base.push({ type: 'LeaseEnded', eventId: `e${k}`, leaseId: `L${l}` }));
    // Shuffle by random keys (stable for equal keys).
    const shuffled = base.map((e, k) => [g.keys[k % g.keys.length] ?? 0, k, e] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map((x) => x[2]);
    for (const d of g.dups) {
      const src = shuffled[d.at % shuffled.length];
      if (src === undefined) break;
      shuffled.splice(d.pos % (shuffled.length + 1), 0, d.mutate ? mutate(src) : src);
    }
    return { fees: g.fees, events: shuffled };
  });

/** The same event id with different content. */
function mutate(e: LedgerEvent): LedgerEvent {
  switch (e.type) {
    case 'Deposit':
      return { ...e, amountMinor: e.amountMinor + 1n };
    case 'LeaseBooked':
      return { ...e, terms: { ...e.terms, startMs: e.terms.startMs + 1 } };
    case 'SubTaskCompleted':
      return { ...e, usedCoreSeconds: e.usedCoreSeconds + 1n };
    case 'LeaseEnded':
      return { ...e, leaseId: e.leaseId === 'L0' ? 'L1' : 'L0' };
  }
}

function nonZero(m: ReadonlyMap<string, bigint> | Readonly<Record<string, bigint>>): Record<string, string> {
  const entries: [string, bigint][] = m instanceof Map ? [...(m as ReadonlyMap<string, bigint>)] : Object.entries(m as Readonly<Record<string, bigint>>);
  const out: Record<string, string> = {};
  for (const [a, b] of entries.sort((x, y) => (x[0] < y[0] ? -1 : 1))) if (b !== 0n) out[a] = b.toString();
  return out;
}

function runAll(s: Scenario, check: boolean): Ledger {
  const ledger = new Ledger({ fees: s.fees });
  for (const e of s.events) {
    const r = ledger.apply(e);
    for (const p of r.postings) {
      const sum = p.entries.reduce((a, x) => a + (x.side === 'credit' ? x.amountMinor : -x.amountMinor), 0n);
      if (sum !== 0n) throw new Error(`posting ${p.seq} unbalanced`);
    }
    if (check) expect(ledger.checkInvariants()).toEqual([]);
  }
  return ledger;
}

describe('Ledger properties', () => {
  it('matches the reference computation on shuffled streams with duplicates, keeping every invariant', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const ledger = runAll(s, true);
        expect(nonZero(ledger.balances())).toEqual(nonZero(referenceBalances(s.events, s.fees)));
        const sum = Object.values(ledger.balances()).reduce((a, b) => a + b, 0n);
        expect(sum).toBe(0n);
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic, and a snapshot restored mid-stream carries on exactly like the original', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), (s, cutSeed) => {
        const whole = runAll(s, false);
        expect(JSON.stringify(runAll(s, false).snapshot())).toBe(JSON.stringify(whole.snapshot()));
        const cut = cutSeed % (s.events.length + 1);
        const first = runAll({ fees: s.fees, events: s.events.slice(0, cut) }, false);
        const resumed = Ledger.restore(JSON.parse(JSON.stringify(first.snapshot())) as ReturnType<Ledger['snapshot']>);
        for (const e of s.events.slice(cut)) resumed.apply(e);
        expect(JSON.stringify(resumed.snapshot())).toBe(JSON.stringify(whole.snapshot()));
      }),
      { numRuns: 150 },
    );
  });
});
