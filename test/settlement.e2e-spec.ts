import { jest } from '@jest/globals';
import { freshTopology, LocalNetwork } from '#libs/testing';
import { eventually, operatorGet, placeOrder } from './support.js';

jest.setTimeout(180_000);

let net: LocalNetwork;
beforeAll(async () => {
  net = await LocalNetwork.start({ topology: await freshTopology('e2e-settlement'), env: { DATANET_LOG_LEVEL: 'warn' } });
});
afterAll(async () => net?.stop());

/** Every order lasts this long: leases end long after the test, and max costs are not multiples of 100 (fees are floored). */
const DURATION_S = 3333;
const FEE_BPS = { lessee: 100n, lessor: 100n };
const base = { durationS: DURATION_S, capabilities: ['tee'], securityLevel: 2, allOrNone: false };
const HUB: Record<string, string> = { a1: 'hub-a', a2: 'hub-a', b1: 'hub-b', b2: 'hub-b' };
const PARTICIPANTS = Object.keys(HUB);
/** seller → buyer: across and within subnets, every participant on both sides. */
const PAIRS: readonly (readonly [string, string])[] = [['b1', 'a1'], ['a2', 'a1'], ['a1', 'b2'], ['b1', 'b2'], ['b2', 'a2'], ['a1', 'a2'], ['a2', 'b1'], ['b2', 'b1']];
const DEPOSIT = 50_000_000n;

let n = 0;
const cid = (): string => `st-${++n}`;
const available = (p: string): string => `participant:${p}:available`;
const escrow = (p: string): string => `participant:${p}:escrow`;

interface FillJson {
  leaseId: string;
  counterparty: string;
  cores: number;
  durationS: number;
  priceMinorPerCoreSecond: number;
}
interface HubLeaseRow {
  lease_id: string;
  lessee: string;
  lessor: string;
  cores: number;
  price: string;
}
interface ExchangeLease {
  leaseId: string;
  lessee: string;
  lessor: string;
  cores: number;
  durationS: number;
  priceMinorPerCoreSecond: number;
  maxCostMinor: number;
  viaHubs: string[];
}
interface StatementEntry {
  event_id: string;
  kind: string;
  lease_id: string | null;
  account: string;
  side: string;
  amount_minor: string;
}

/** Lease ids the order responses reported (a lease per fill), with its lessee. */
const fromResponses = new Map<string, { lessee: string; cores: number; price: number; durationS: number }>();

/** One round: a sell per pair (in parallel), then the matching buys (in parallel). Every fill is a lease the exchange must settle once. */
async function round(r: number): Promise<void> {
  const pairs = PAIRS.map(([seller, buyer], i) => ({ seller, buyer, cores: 1 + ((i + r) % 3), price: 1 + ((i * 3 + r) % 4) }));
  const expiresAtMs = Date.now() + 30 * 60_000;
  const order = (p: string, side: 'buy' | 'sell', cores: number, price: number) =>
    placeOrder(net, p, HUB[p] ?? '', { ...base, clientOrderId: cid(), side, cores, memoryMiB: cores * 1024, priceMinorPerCoreSecond: price, expiresAtMs });
  const collect = (p: string, side: 'buy' | 'sell', res: Awaited<ReturnType<typeof order>>): void => {
    expect(`${side} by ${p}: ${res.status} ${JSON.stringify(res.json.error ?? {})}`).toBe(`${side} by ${p}: 201 {}`);
    for (const f of res.json.fills as FillJson[]) fromResponses.set(f.leaseId, { lessee: side === 'buy' ? p : f.counterparty, cores: f.cores, price: f.priceMinorPerCoreSecond, durationS: f.durationS });
  };
  const sells = await Promise.all(pairs.map((x) => order(x.seller, 'sell', x.cores, x.price)));
  sells.forEach((res, i) => collect(pairs[i]?.seller ?? '', 'sell', res));
  const buys = await Promise.all(pairs.map((x) => order(x.buyer, 'buy', x.cores, x.price)));
  buys.forEach((res, i) => collect(pairs[i]?.buyer ?? '', 'buy', res));
}

async function exchangeLeases(): Promise<ExchangeLease[]> {
  const all: ExchangeLease[] = [];
  let after: string | null = null;
  for (;;) {
    const q: string = after === null ? '?limit=1000' : `?limit=1000&after=${after}`;
    const res = await fetch(`${net.url('exchange')}/v1/leases${q}`);
    if (!res.ok) throw new Error(`exchange leases: ${res.status}`);
    const page = (await res.json()) as { leases: (ExchangeLease & { seq: string })[]; next: string | null };
    all.push(...page.leases);
    if (page.leases.length < 1000) return all;
    after = page.next;
  }
}

/** The hubs' own record: every lease either hub signed (a cross-subnet lease is at both). */
async function hubLeases(): Promise<Map<string, HubLeaseRow>> {
  const out = new Map<string, HubLeaseRow>();
  for (const hub of ['hub-a', 'hub-b']) {
    const page = await operatorGet<{ leases: HubLeaseRow[] }>(net, hub, '/v1/operator/market/leases?limit=1000');
    expect(page.leases.length).toBeLessThan(1000);
    for (const l of page.leases) out.set(l.lease_id, l);
  }
  return out;
}

async function deposit(participantId: string, amountMinor: bigint, reference: string): Promise<{ status: number; json: { status?: string; error?: { code: string } } }> {
  const res = await fetch(`${net.url('exchange')}/v1/operator/deposits`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${net.adminToken}` },
    body: JSON.stringify({ participantId, amountMinor: amountMinor.toString(), reference }),
  });
  return { status: res.status, json: (await res.json()) as { status?: string; error?: { code: string } } };
}

const balances = (): Promise<{ balances: Record<string, string>; invariantsBroken: string[] }> => operatorGet(net, 'exchange', '/v1/balances');
const holdOf = (maxCost: bigint): bigint => maxCost + (maxCost * FEE_BPS.lessee) / 10_000n + (maxCost * FEE_BPS.lessor) / 10_000n;

describe('settlement survives kill -9 (real processes)', () => {
  it('kill -9 settlement while a burst of events is in flight, restart: no event lost, none applied twice (balances equal the reference)', async () => {
    // Funds for every lessee; a retried deposit (same reference) is one deposit.
    const deposited = new Map<string, bigint>(PARTICIPANTS.map((p) => [p, 0n]));
    for (const p of PARTICIPANTS) {
      expect((await deposit(p, DEPOSIT, `dep-${p}`)).json.status).toBe('applied');
      deposited.set(p, (deposited.get(p) ?? 0n) + DEPOSIT);
    }
    expect(await deposit('a1', DEPOSIT, 'dep-a1')).toEqual({ status: 200, json: { reference: 'dep-a1', status: 'exists' } });
    // Retries racing each other: exactly one of them applies.
    const racing = await Promise.all([1, 2, 3, 4].map(() => deposit('b2', 1_234n, 'dep-b2-race')));
    expect(racing.map((r) => `${r.status} ${r.json.status}`).sort()).toEqual(['200 applied', '200 exists', '200 exists', '200 exists']);
    deposited.set('b2', (deposited.get('b2') ?? 0n) + 1_234n);
    // Same reference, other amount: a conflict, not a second deposit.
    const other = await deposit('a1', DEPOSIT + 1n, 'dep-a1');
    expect(other.status).toBe(409);
    expect(other.json.error?.code).toBe('LEDGER_EVENT_CONFLICT');

    // Leases flowing while the exchange runs: all of the first round settled.
    await round(0);
    const firstRound = [...fromResponses.keys()];
    await eventually(async () => {
      const ls = await exchangeLeases();
      return firstRound.every((id) => ls.some((l) => l.leaseId === id)) ? true : undefined;
    }, 20_000, 'the first round\'s leases at the exchange');
    const beforeBurst = (await exchangeLeases()).length;

    // A burst, and kill -9 in the middle of it: as soon as the exchange has taken some of the burst's leases,
    // while the rest are in flight (hub outboxes, the exchange's consumers and ledger).
    const burst = Promise.all([round(1), round(2), round(3)]);
    // A deposit sent right at the crash: it may or may not have been recorded; its retry after the restart settles it once.
    const inFlightDeposit = deposit('a2', 777n, 'dep-a2-crash').catch(() => undefined);
    const atKill = await eventually(async () => {
      const count = (await exchangeLeases()).length;
      return count > beforeBurst ? count : undefined;
    }, 20_000, 'the burst reaching the exchange');
    await net.kill('exchange', 'SIGKILL');
    await burst;
    await inFlightDeposit;
    // More leases while the exchange is down: they wait on the hubs' buses.
    await round(4);
    await round(5);
    // Restart while yet more leases are produced.
    await Promise.all([net.startNode('exchange'), round(6)]);
    await round(7);
    const retried = await deposit('a2', 777n, 'dep-a2-crash');
    expect(retried.status).toBe(200);
    expect(['applied', 'exists']).toContain(retried.json.status);
    deposited.set('a2', (deposited.get('a2') ?? 0n) + 777n);
    expect((await deposit('b2', 1_234n, 'dep-b2-race')).json.status).toBe('exists');

    // Every lease the hubs signed reaches the exchange, once.
    const signed = await hubLeases();
    for (const id of fromResponses.keys()) expect(signed.has(id)).toBe(true);
    expect(signed.size).toBeGreaterThanOrEqual(PAIRS.length * 4);
    expect(atKill).toBeLessThan(signed.size);
    const settled = await eventually(async () => {
      const ls = await exchangeLeases();
      return [...signed.keys()].every((id) => ls.some((l) => l.leaseId === id)) ? ls : undefined;
    }, 45_000, `all ${signed.size} leases at the exchange after its restart`);
    // Nothing was produced behind our back (reservation releases, expiries): the hubs' record is stable.
    expect([...(await hubLeases()).keys()].sort()).toEqual([...signed.keys()].sort());
    const ids = settled.map((l) => l.leaseId);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...signed.keys()].sort());

    // The reference, from the hubs' terms and the deposits alone.
    const holds = new Map<string, bigint>(PARTICIPANTS.map((p) => [p, 0n]));
    const leasesOf = new Map<string, Set<string>>(PARTICIPANTS.map((p) => [p, new Set<string>()]));
    for (const [id, l] of signed) {
      const viaResponse = fromResponses.get(id);
      if (viaResponse) expect({ lessee: viaResponse.lessee, cores: viaResponse.cores, price: String(viaResponse.price), durationS: viaResponse.durationS }).toEqual({ lessee: l.lessee, cores: Number(l.cores), price: l.price, durationS: DURATION_S });
      const maxCost = BigInt(l.cores) * BigInt(DURATION_S) * BigInt(l.price);
      holds.set(l.lessee, (holds.get(l.lessee) ?? 0n) + holdOf(maxCost));
      leasesOf.get(l.lessee)?.add(id);
      const atExchange = settled.find((x) => x.leaseId === id);
      expect(atExchange && { lessee: atExchange.lessee, lessor: atExchange.lessor, cores: atExchange.cores, durationS: atExchange.durationS, maxCostMinor: BigInt(atExchange.maxCostMinor) }).toEqual({ lessee: l.lessee, lessor: l.lessor, cores: Number(l.cores), durationS: DURATION_S, maxCostMinor: maxCost });
    }
    const expected: Record<string, string> = {};
    let funding = 0n;
    for (const p of PARTICIPANTS) {
      const d = deposited.get(p) ?? 0n;
      const h = holds.get(p) ?? 0n;
      funding -= d;
      expected[available(p)] = (d - h).toString();
      if (h > 0n) expected[escrow(p)] = h.toString();
    }
    expected['external:funding'] = funding.toString();
    const b = await balances();
    expect(b.invariantsBroken).toEqual([]);
    expect(b.balances).toEqual(expected);

    // The ledger's view of one lease per lessee: the hold of its terms, nothing used or released.
    for (const p of PARTICIPANTS) {
      const id = [...(leasesOf.get(p) ?? [])][0];
      if (!id) continue;
      const l = signed.get(id);
      const maxCost = BigInt(l?.cores ?? 0) * BigInt(DURATION_S) * BigInt(l?.price ?? 0);
      const cost = await operatorGet<Record<string, unknown>>(net, 'exchange', `/v1/leases/${id}/cost`);
      expect(cost).toMatchObject({ leaseId: id, lessee: p, escrowHeldMinor: holdOf(maxCost).toString(), escrowReleasedMinor: '0', usageMinor: '0' });
    }

    // Statements: one escrow_hold posting (two entries: available → escrow) per lease, one deposit entry per reference.
    for (const p of PARTICIPANTS) {
      const st = await operatorGet<{ entries: StatementEntry[] }>(net, 'exchange', `/v1/statements/${p}?format=json`);
      const holdsByLease = new Map<string, StatementEntry[]>();
      for (const e of st.entries.filter((x) => x.kind === 'escrow_hold')) holdsByLease.set(e.lease_id ?? '', [...(holdsByLease.get(e.lease_id ?? '') ?? []), e]);
      expect([...holdsByLease.keys()].sort()).toEqual([...(leasesOf.get(p) ?? [])].sort());
      for (const [id, es] of holdsByLease) {
        expect(es.map((e) => `${e.event_id} ${e.account} ${e.side}`).sort()).toEqual([`lease-booked:${id} ${available(p)} debit`, `lease-booked:${id} ${escrow(p)} credit`].sort());
        expect(es[0]?.amount_minor).toBe(es[1]?.amount_minor);
      }
      const deposits = st.entries.filter((x) => x.kind === 'deposit').map((x) => x.event_id).sort();
      expect(deposits).toEqual([`deposit:dep-${p}`, ...(p === 'a2' ? ['deposit:dep-a2-crash'] : []), ...(p === 'b2' ? ['deposit:dep-b2-race'] : [])].sort());
      const csv = await (await fetch(`${net.url('exchange')}/v1/statements/${p}?format=csv`)).text();
      expect(csv.trimEnd().split('\n')).toHaveLength(st.entries.length + 1);
    }

    // A second restart replays the same log into the same balances.
    await net.kill('exchange', 'SIGKILL');
    await net.startNode('exchange');
    expect(await balances()).toEqual(b);
  });
});
