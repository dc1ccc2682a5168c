import { LEDGER_CODE_NUMBERS, LedgerCode } from './codes.js';
import { LedgerStateError } from './errors.js';
import { booked, deposit, ended, FEES, sub, terms } from './ledger.fixtures.js';
import { Ledger } from './ledger.js';
import { AMOUNT_MAX_MINOR, type ApplyResult, type FeeConfig, type LedgerEvent, type LedgerLimits } from './types.js';

const A = 'participant:alice:available';
const AE = 'participant:alice:escrow';
const B = 'participant:bob:available';
const H1 = 'hub:h1:fees';
const H2 = 'hub:h2:fees';
const F = 'external:funding';

function outcomeOf(r: ApplyResult): string {
  return r.code === undefined ? r.status : `${r.status}:${r.code}`;
}

function run(events: readonly LedgerEvent[], fees: FeeConfig = FEES, limits: Partial<LedgerLimits> = {}): { ledger: Ledger; outcomes: string[] } {
  const ledger = new Ledger({ fees, limits });
  const outcomes = events.map((e) => {
    const r = ledger.apply(e);
    expect(ledger.checkInvariants()).toEqual([]);
    return outcomeOf(r);
  });
  return { ledger, outcomes };
}

interface Case {
  readonly name: string;
  readonly events: readonly LedgerEvent[];
  readonly outcomes: readonly string[];
  readonly balances: Readonly<Record<string, bigint>>;
}

// Default lease: max cost 2 000, hold 2 000 + 20 (h1, 100 bps) + 10 (h2, 50 bps) = 2 030.
const CASES: readonly Case[] = [
  {
    name: 'partial usage: charge 50 core-s, release the rest',
    events: [deposit('d1', 'alice', 5_000n), booked('b1'), sub('s1', 't1', 50n), ended('e1')],
    outcomes: ['applied', 'applied', 'applied', 'applied'],
    // usage 500, fees floor(5) + floor(2.5) = 5 + 2
    balances: { [A]: 4_493n, [AE]: 0n, [B]: 500n, [H1]: 5n, [H2]: 2n, [F]: -5_000n },
  },
  {
    name: 'escrow exhaustion: a hold beyond available funds is refused, and so is everything of that lease',
    events: [deposit('d1', 'alice', 2_029n), booked('b1'), sub('s1', 't1', 50n), ended('e1')],
    outcomes: ['applied', `rejected:${LedgerCode.InsufficientFunds}`, `rejected:${LedgerCode.LeaseRefused}`, `rejected:${LedgerCode.LeaseRefused}`],
    balances: { [A]: 2_029n, [F]: -2_029n },
  },
  {
    name: 'escrow exhaustion: exact funds, full usage consumes the whole escrow',
    events: [deposit('d1', 'alice', 2_030n), booked('b1'), sub('s1', 't1', 200n), ended('e1')],
    outcomes: ['applied', 'applied', 'applied', 'applied'],
    balances: { [A]: 0n, [AE]: 0n, [B]: 2_000n, [H1]: 20n, [H2]: 10n, [F]: -2_030n },
  },
  {
    name: 'usage cap: cumulative usage stops at cores × durationS',
    events: [deposit('d1', 'alice', 3_000n), booked('b1'), sub('s1', 't1', 150n), sub('s2', 't2', 100n), sub('s3', 't3', 10n), ended('e1')],
    outcomes: ['applied', 'applied', 'applied', `applied:${LedgerCode.UsageCapped}`, `applied:${LedgerCode.UsageCapped}`, 'applied'],
    balances: { [A]: 970n, [AE]: 0n, [B]: 2_000n, [H1]: 20n, [H2]: 10n, [F]: -3_000n },
  },
  {
    name: 'usage cap: one sub-task above the cap bills the cap',
    events: [deposit('d1', 'alice', 2_030n), booked('b1'), sub('s1', 't1', 10_000n)],
    outcomes: ['applied', 'applied', `applied:${LedgerCode.UsageCapped}`],
    balances: { [A]: 0n, [AE]: 0n, [B]: 2_000n, [H1]: 20n, [H2]: 10n },
  },
  {
    name: 'failed lessor: no charge, the escrow comes back at LeaseEnded',
    events: [deposit('d1', 'alice', 2_030n), booked('b1'), sub('s1', 't1', 100n, 'failed-lessor'), ended('e1')],
    outcomes: ['applied', 'applied', 'applied', 'applied'],
    balances: { [A]: 2_030n, [AE]: 0n },
  },
  {
    name: 'cancelled by the lessee: metered usage so far is billed',
    events: [deposit('d1', 'alice', 2_030n), booked('b1'), sub('s1', 't1', 30n, 'cancelled-lessee'), ended('e1')],
    outcomes: ['applied', 'applied', 'applied', 'applied'],
    // usage 300, fees 3 + floor(1.5) = 1
    balances: { [A]: 1_726n, [AE]: 0n, [B]: 300n, [H1]: 3n, [H2]: 1n },
  },
  {
    name: 'fee rounding: 1 minor unit of usage pays no fee',
    events: [deposit('d1', 'alice', 1n), booked('b1', terms({ cores: 1, durationS: 1, priceMinorPerCoreSecond: 1n })), sub('s1', 't1', 1n), ended('e1')],
    outcomes: ['applied', 'applied', 'applied', 'applied'],
    balances: { [A]: 0n, [AE]: 0n, [B]: 1n },
  },
  {
    name: 'fee rounding: fees follow cumulative usage (3 × 50 at 100 bps pays floor(1.5) = 1, not 3 × 0)',
    events: [
      deposit('d1', 'alice', 1_000n),
      booked('b1', terms({ cores: 1, durationS: 300, priceMinorPerCoreSecond: 1n })),
      sub('s1', 't1', 50n),
      sub('s2', 't2', 50n),
      sub('s3', 't3', 50n),
      ended('e1'),
    ],
    outcomes: ['applied', 'applied', 'applied', 'applied', 'applied', 'applied'],
    // usage 150; h1 floor(1.5) = 1; h2 floor(0.75) = 0
    balances: { [A]: 849n, [AE]: 0n, [B]: 150n, [H1]: 1n },
  },
  {
    name: 'late events: a sub-task or a second LeaseEnded after LeaseEnded was applied is rejected',
    events: [deposit('d1', 'alice', 2_030n), booked('b1'), ended('e1'), sub('s1', 't1', 10n), ended('e2')],
    outcomes: ['applied', 'applied', 'applied', `rejected:${LedgerCode.LeaseEnded}`, `rejected:${LedgerCode.LeaseEnded}`],
    balances: { [A]: 2_030n, [AE]: 0n },
  },
  {
    name: 'out of order: sub-tasks and LeaseEnded before LeaseBooked are parked, then applied sub-tasks first',
    events: [deposit('d1', 'alice', 2_030n), sub('s2', 't2', 20n), ended('e1'), sub('s1', 't1', 10n), booked('b1'), sub('s3', 't3', 10n)],
    outcomes: ['applied', 'parked', 'parked', 'parked', 'applied', `rejected:${LedgerCode.LeaseEnded}`],
    // usage 300, fees 3 + 1
    balances: { [A]: 1_726n, [AE]: 0n, [B]: 300n, [H1]: 3n, [H2]: 1n },
  },
  {
    name: 'out of order: the deposit arrives after the booking, which is then refused for good',
    events: [booked('b1'), deposit('d1', 'alice', 5_000n), booked('b1'), sub('s1', 't1', 10n)],
    outcomes: [`rejected:${LedgerCode.InsufficientFunds}`, 'applied', `exists:${LedgerCode.InsufficientFunds}`, `rejected:${LedgerCode.LeaseRefused}`],
    balances: { [A]: 5_000n },
  },
  {
    name: 'duplicates: the same event is a no-op, a different one under the same id is reported, not applied',
    events: [deposit('d1', 'alice', 5_000n), deposit('d1', 'alice', 5_000n), deposit('d1', 'alice', 7_000n), booked('b1'), booked('b1'), sub('s1', 't1', 10n), sub('s1', 't1', 11n)],
    outcomes: ['applied', 'exists', `exists_with_different_content:${LedgerCode.EventConflict}`, 'applied', 'exists', 'applied', `exists_with_different_content:${LedgerCode.EventConflict}`],
    balances: { [A]: 2_970n, [AE]: 1_929n, [B]: 100n, [H1]: 1n, [H2]: 0n },
  },
  {
    name: 'duplicates: a second sub-task id or a second booking of the lease under another event id is rejected',
    events: [deposit('d1', 'alice', 5_000n), booked('b1'), booked('b2'), sub('s1', 't1', 10n), sub('s2', 't1', 10n)],
    outcomes: ['applied', 'applied', `rejected:${LedgerCode.LeaseDuplicate}`, 'applied', `rejected:${LedgerCode.SubTaskDuplicate}`],
    balances: { [A]: 2_970n, [AE]: 1_929n, [B]: 100n, [H1]: 1n },
  },
  {
    name: 'one hub on both sides collects both fees',
    events: [deposit('d1', 'alice', 2_030n), booked('b1', terms({ lessorHub: 'h1' })), sub('s1', 't1', 200n)],
    outcomes: ['applied', 'applied', 'applied'],
    balances: { [A]: 0n, [AE]: 0n, [B]: 2_000n, [H1]: 30n },
  },
  {
    name: 'a participant may lease from itself',
    events: [deposit('d1', 'alice', 2_030n), booked('b1', terms({ lessor: 'alice' })), sub('s1', 't1', 100n), ended('e1')],
    outcomes: ['applied', 'applied', 'applied', 'applied'],
    balances: { [A]: 2_030n - 15n, [AE]: 0n, [H1]: 10n, [H2]: 5n },
  },
];

describe('Ledger rules (table)', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { ledger, outcomes } = run(c.events);
    expect(outcomes).toEqual(c.outcomes);
    for (const [account, amount] of Object.entries(c.balances)) expect([account, ledger.balance(account)]).toEqual([account, amount]);
    const sum = Object.values(ledger.balances()).reduce((a, b) => a + b, 0n);
    expect(sum).toBe(0n);
  });
});

describe('validation (rejected, not recorded)', () => {
  const bad: readonly [string, unknown, LedgerCode][] = [
    ['unknown type', { type: 'Withdraw', eventId: 'x1' }, LedgerCode.EventMalformed],
    ['not an object', 42, LedgerCode.EventMalformed],
    ['bad event id', deposit(' x', 'alice', 1n), LedgerCode.IdInvalid],
    ['bad participant', deposit('x1', '', 1n), LedgerCode.IdInvalid],
    ['zero deposit', deposit('x1', 'alice', 0n), LedgerCode.AmountInvalid],
    ['negative deposit', deposit('x1', 'alice', -1n), LedgerCode.AmountInvalid],
    ['number amount', { ...deposit('x1', 'alice', 1n), amountMinor: 1 }, LedgerCode.AmountInvalid],
    ['deposit above int64', deposit('x1', 'alice', AMOUNT_MAX_MINOR + 1n), LedgerCode.AmountInvalid],
    ['max cost not cores × duration × price', booked('x1', terms({ maxCostMinor: 1_999n })), LedgerCode.TermsInvalid],
    ['zero cores', booked('x1', terms({ cores: 0 })), LedgerCode.TermsInvalid],
    ['end before start', booked('x1', terms({ endMs: 999 })), LedgerCode.TermsInvalid],
    ['negative usage', sub('x1', 't1', -1n), LedgerCode.AmountInvalid],
    ['unknown outcome', { ...sub('x1', 't1', 1n), outcome: 'lost' }, LedgerCode.EventMalformed],
    ['max cost above int64', booked('x1', terms({ cores: 2, durationS: 1, priceMinorPerCoreSecond: AMOUNT_MAX_MINOR })), LedgerCode.AmountOverflow],
  ];
  it.each(bad)('%s', (_name, event, code) => {
    const ledger = new Ledger({ fees: FEES });
    expect(ledger.apply(event as LedgerEvent)).toEqual({ status: 'rejected', code, postings: [] });
    expect(ledger.eventRecord('x1')).toBeUndefined();
    expect(ledger.apply(deposit('x1', 'alice', 1n)).status).toBe('applied');
  });
});

describe('large values near 2^63', () => {
  it('books and settles a lease whose maximum is exactly int64 max when fees are zero', () => {
    const t = terms({ cores: 1, durationS: 1, priceMinorPerCoreSecond: AMOUNT_MAX_MINOR });
    const { ledger, outcomes } = run([deposit('d1', 'alice', AMOUNT_MAX_MINOR), booked('b1', t), sub('s1', 't1', 1n)], { lesseeHubFeeBps: 0, lessorHubFeeBps: 0 });
    expect(outcomes).toEqual(['applied', 'applied', 'applied']);
    expect(ledger.balance(B)).toBe(AMOUNT_MAX_MINOR);
    expect(ledger.balance(F)).toBe(-AMOUNT_MAX_MINOR);
  });

  it('refuses a hold whose fees push it past int64 (transient: not recorded)', () => {
    const t = terms({ cores: 1, durationS: 1, priceMinorPerCoreSecond: AMOUNT_MAX_MINOR });
    const { ledger, outcomes } = run([deposit('d1', 'alice', AMOUNT_MAX_MINOR), booked('b1', t)]);
    expect(outcomes).toEqual(['applied', `rejected:${LedgerCode.AmountOverflow}`]);
    expect(ledger.eventRecord('b1')).toBeUndefined();
  });

  it('refuses deposits that would take the money in the exchange past int64', () => {
    const { outcomes } = run([deposit('d1', 'alice', AMOUNT_MAX_MINOR), deposit('d2', 'bob', 1n)]);
    expect(outcomes).toEqual(['applied', `rejected:${LedgerCode.AmountOverflow}`]);
  });

  it('computes fees on 2^62 exactly (a float would round 46116860184273879.04 up to …880)', () => {
    const t = terms({ cores: 1, durationS: 1, priceMinorPerCoreSecond: 1n << 62n });
    const { ledger } = run([deposit('d1', 'alice', AMOUNT_MAX_MINOR), booked('b1', t), sub('s1', 't1', 1n)]);
    expect(ledger.balance(H1)).toBe(46_116_860_184_273_879n);
    expect(ledger.balance(H2)).toBe(23_058_430_092_136_939n);
    expect(ledger.leaseCost('L1')?.escrowRemainingMinor).toBe(0n);
  });
});

describe('ordering and parking', () => {
  it('releases parked events in a deterministic order: sub-tasks by subTaskId, then LeaseEnded', () => {
    const ledger = new Ledger({ fees: FEES });
    ledger.apply(deposit('d1', 'alice', 5_000n));
    for (const e of [ended('e9'), sub('s3', 't3', 1n), sub('s1', 't2', 1n), sub('s2', 't1', 1n, 'failed-lessor')]) expect(ledger.apply(e).status).toBe('parked');
    expect(ledger.parkedCount).toBe(4);
    const r = ledger.apply(booked('b1'));
    expect(r.status).toBe('applied');
    expect(r.released).toEqual([
      { eventId: 's2', status: 'applied' },
      { eventId: 's1', status: 'applied' },
      { eventId: 's3', status: 'applied' },
      { eventId: 'e9', status: 'applied' },
    ]);
    expect(r.postings.map((p) => [p.kind, p.eventId])).toEqual([
      ['escrow_hold', 'b1'],
      ['usage', 's1'],
      ['usage', 's3'],
      ['escrow_release', 'e9'],
    ]);
    expect(ledger.parkedCount).toBe(0);
    expect(ledger.eventRecord('s1')?.status).toBe('applied');
    expect(ledger.apply(sub('s1', 't2', 1n))).toEqual({ status: 'exists', postings: [] });
  });

  it('rejects the parked events of a refused lease', () => {
    const ledger = new Ledger({ fees: FEES });
    ledger.apply(sub('s1', 't1', 1n));
    const r = ledger.apply(booked('b1'));
    expect(r).toMatchObject({ status: 'rejected', code: LedgerCode.InsufficientFunds, released: [{ eventId: 's1', status: 'rejected', code: LedgerCode.LeaseRefused }] });
    expect(ledger.apply(sub('s1', 't1', 1n))).toEqual({ status: 'exists', code: LedgerCode.LeaseRefused, postings: [] });
  });

  it('bounds parking per lease and in total; PARK_FULL is not recorded, so the event can be sent again', () => {
    const ledger = new Ledger({ fees: FEES, limits: { maxParkedPerLease: 2, maxParkedEvents: 3 } });
    expect(ledger.apply(sub('s1', 't1', 1n)).status).toBe('parked');
    expect(ledger.apply(sub('s2', 't2', 1n)).status).toBe('parked');
    expect(ledger.apply(sub('s3', 't3', 1n)).code).toBe(LedgerCode.ParkFull);
    expect(ledger.apply(sub('x1', 't1', 1n, 'completed', 'L2')).status).toBe('parked');
    expect(ledger.apply(sub('x2', 't2', 1n, 'completed', 'L3')).code).toBe(LedgerCode.ParkFull);
    ledger.apply(deposit('d1', 'alice', 5_000n));
    ledger.apply(booked('b1'));
    expect(ledger.apply(sub('s3', 't3', 1n)).status).toBe('applied');
    expect(ledger.checkInvariants()).toEqual([]);
  });

  it('bounds recorded events (LEDGER_EVENT_LIMIT)', () => {
    const ledger = new Ledger({ fees: FEES, limits: { maxEvents: 2 } });
    ledger.apply(deposit('d1', 'alice', 1n));
    ledger.apply(deposit('d2', 'alice', 1n));
    expect(ledger.apply(deposit('d3', 'alice', 1n)).code).toBe(LedgerCode.EventLimit);
    expect(ledger.apply(deposit('d2', 'alice', 1n)).status).toBe('exists');
  });
});

describe('queries', () => {
  it('leaseCost breaks a lease down; postings filter by account, lease, event and kind', () => {
    const { ledger } = run([deposit('d1', 'alice', 5_000n), booked('b1'), sub('s1', 't1', 50n), sub('s2', 't2', 25n, 'cancelled-lessee')]);
    expect(ledger.leaseCost('L1')).toEqual({
      leaseId: 'L1',
      state: 'booked',
      lessee: 'alice',
      lessor: 'bob',
      capCoreSeconds: 200n,
      usedCoreSeconds: 75n,
      usageMinor: 750n,
      lesseeHubFee: { hubId: 'h1', bps: 100, amountMinor: 7n, maxMinor: 20n },
      lessorHubFee: { hubId: 'h2', bps: 50, amountMinor: 3n, maxMinor: 10n },
      totalChargedMinor: 760n,
      escrowHeldMinor: 2_030n,
      escrowReleasedMinor: 0n,
      escrowRemainingMinor: 1_270n,
      subTasks: 2,
    });
    expect(ledger.leaseCost('nope')).toBeUndefined();
    expect(ledger.postings({ leaseId: 'L1' }).map((p) => p.kind)).toEqual(['escrow_hold', 'usage', 'usage']);
    expect(ledger.postings({ account: B }).map((p) => p.eventId)).toEqual(['s1', 's2']);
    expect(ledger.postings({ kind: 'deposit' })).toHaveLength(1);
    expect(ledger.postings({ eventId: 's2' })[0]?.entries).toEqual([
      // cumulative fees: h1 floor(7.5) − floor(5) = 2, h2 floor(3.75) − floor(2.5) = 1
      { account: AE, side: 'debit', amountMinor: 253n },
      { account: B, side: 'credit', amountMinor: 250n },
      { account: H1, side: 'credit', amountMinor: 2n },
      { account: H2, side: 'credit', amountMinor: 1n },
    ]);
    for (const p of ledger.postings()) {
      const debits = p.entries.filter((x) => x.side === 'debit').reduce((a, x) => a + x.amountMinor, 0n);
      const credits = p.entries.filter((x) => x.side === 'credit').reduce((a, x) => a + x.amountMinor, 0n);
      expect(debits).toBe(credits);
    }
    expect(Object.keys(ledger.balances())).toEqual([F, H1, H2, A, AE, B]);
  });

  it('keeps a bounded log of conflicting duplicates', () => {
    const ledger = new Ledger({ fees: FEES, limits: { maxConflicts: 2 } });
    ledger.apply(deposit('d1', 'alice', 1n));
    for (const n of [2n, 3n, 4n]) ledger.apply(deposit('d1', 'alice', n));
    expect(ledger.conflictCount).toBe(3);
    expect(ledger.conflicts().map((c) => c.receivedFingerprint)).toEqual([expect.stringContaining('"3"'), expect.stringContaining('"4"')]);
  });
});

describe('snapshot / restore', () => {
  const stream: LedgerEvent[] = [deposit('d1', 'alice', 5_000n), sub('s0', 't0', 5n, 'completed', 'L2'), booked('b1'), sub('s1', 't1', 50n), deposit('d1', 'alice', 9n)];

  it('round-trips through JSON (bigint as strings) and carries on identically', () => {
    const { ledger } = run(stream);
    const json = JSON.stringify(ledger.snapshot());
    expect(json).not.toContain('"n"');
    const copy = Ledger.restore(JSON.parse(json) as ReturnType<Ledger['snapshot']>);
    expect(JSON.stringify(copy.snapshot())).toBe(json);
    for (const l of [ledger, copy]) {
      expect(l.apply(booked('b2', terms({ leaseId: 'L2' }))).released).toEqual([{ eventId: 's0', status: 'applied' }]);
      expect(l.apply(sub('s1', 't1', 50n)).status).toBe('exists');
    }
    expect(JSON.stringify(copy.snapshot())).toBe(JSON.stringify(ledger.snapshot()));
  });

  it('refuses a corrupt snapshot', () => {
    const { ledger } = run(stream);
    const snap = ledger.snapshot();
    const tampered = { ...snap, balances: snap.balances.map(([a, b]) => (a === B ? ([a, (BigInt(b) + 1n).toString()] as const) : ([a, b] as const))) };
    expect(() => Ledger.restore(tampered)).toThrow(LedgerStateError);
    expect(() => Ledger.restore({ ...snap, version: 2 as 1 })).toThrow(LedgerStateError);
    expect(() => Ledger.restore({ ...snap, balances: [[A, '1.5']] })).toThrow(LedgerStateError);
  });
});

describe('codes and configuration', () => {
  it('numbers codes uniquely inside 4000-4099', () => {
    const numbers = Object.values(LedgerCode).map((c) => LEDGER_CODE_NUMBERS[c]);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const n of numbers) expect(n >= 4000 && n <= 4099).toBe(true);
  });

  it('refuses bad fee rates and limits', () => {
    expect(() => new Ledger({ fees: { lesseeHubFeeBps: 10_001, lessorHubFeeBps: 0 } })).toThrow(LedgerStateError);
    expect(() => new Ledger({ fees: { lesseeHubFeeBps: 1.5, lessorHubFeeBps: 0 } })).toThrow(LedgerStateError);
    expect(() => new Ledger({ fees: FEES, limits: { maxEvents: 0 } })).toThrow(LedgerStateError);
  });
});
