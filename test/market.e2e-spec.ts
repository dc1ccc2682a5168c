import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import { verifyLease } from '#libs/lease';
import { CaTrust } from '#libs/relay';
import { freshTopology, LocalNetwork } from '#libs/testing';
import { listMessages, postJson } from '../tools/network/round-trip.js';
import { eventually, operatorGet, placeOrder } from './support.js';

jest.setTimeout(180_000);

let net: LocalNetwork;
let trust: CaTrust;
const expiresAtMs = (): number => Date.now() + 30 * 60_000;
const base = { memoryMiB: 4096, durationS: 600, capabilities: ['tee'], securityLevel: 2, allOrNone: false };
let n = 0;
const cid = (): string => `e2e-${++n}`;

beforeAll(async () => {
  net = await LocalNetwork.start({ topology: await freshTopology('e2e-market'), env: { DATANET_LOG_LEVEL: 'warn' } });
  trust = new CaTrust(readFileSync(join(net.pkiDir('a1'), 'ca.crt'), 'utf8'));
});
afterAll(async () => net?.stop());

interface FillJson {
  leaseId: string;
  counterparty: string;
  counterpartyHub: string;
  cores: number;
  priceMinorPerCoreSecond: number;
}

/** The verified lease contracts a participant received in its inbox. */
async function leasesAt(nodeId: string): Promise<Map<string, Awaited<ReturnType<typeof verifyLease>>>> {
  const out = new Map<string, Awaited<ReturnType<typeof verifyLease>>>();
  for (const m of await listMessages(net.url(nodeId), 'market.lease')) out.set(m.sessionId, await verifyLease(Buffer.from(m.body, 'base64'), trust, Date.now()));
  return out;
}

describe('market across subnets (real processes)', () => {
  it('fills a buy in subnet a with two sells in subnet b and one in a, best prices first, with leases signed by the right hubs and received by every party', async () => {
    expect((await placeOrder(net, 'b1', 'hub-b', { ...base, clientOrderId: cid(), side: 'sell', cores: 2, priceMinorPerCoreSecond: 3, expiresAtMs: expiresAtMs() })).status).toBe(201);
    expect((await placeOrder(net, 'b2', 'hub-b', { ...base, clientOrderId: cid(), side: 'sell', cores: 2, priceMinorPerCoreSecond: 4, securityLevel: 3, expiresAtMs: expiresAtMs() })).status).toBe(201);
    expect((await placeOrder(net, 'a2', 'hub-a', { ...base, clientOrderId: cid(), side: 'sell', cores: 2, priceMinorPerCoreSecond: 5, expiresAtMs: expiresAtMs() })).status).toBe(201);
    // A pricier sell that must not be used: the buy needs 6 cores and cheaper ones exist.
    expect((await placeOrder(net, 'b2', 'hub-b', { ...base, clientOrderId: cid(), side: 'sell', cores: 2, priceMinorPerCoreSecond: 6, expiresAtMs: expiresAtMs() })).status).toBe(201);

    // The lessee goes through its own participant API, which signs and forwards the order to its hub.
    const buy = await postJson<Record<string, unknown>>(`${net.url('a1')}/v1/orders`, { ...base, clientOrderId: cid(), side: 'buy', cores: 6, memoryMiB: 6 * 1024, priceMinorPerCoreSecond: 6, expiresInS: 1800 });
    expect(buy.status).toBe(201);
    expect(buy.json.status).toBe('filled');
    const fills = buy.json.fills as FillJson[];
    expect(fills.map((f) => `${f.counterparty}@${f.counterpartyHub}:${f.cores}x${f.priceMinorPerCoreSecond}`).sort()).toEqual(['a2@hub-a:2x5', 'b1@hub-b:2x3', 'b2@hub-b:2x4']);

    const atLessee = await eventually(async () => {
      const m = await leasesAt('a1');
      return fills.every((f) => m.has(f.leaseId)) ? m : undefined;
    }, 20_000, 'three leases at the lessee');
    for (const f of fills) {
      const v = atLessee.get(f.leaseId);
      expect(v?.ok).toBe(true);
      if (!v?.ok) continue;
      expect(v.terms.lessee).toBe('a1');
      expect(v.terms.lessor).toBe(f.counterparty);
      expect(v.terms.lesseeHub).toBe('hub-a');
      expect(v.terms.lessorHub).toBe(f.counterpartyHub);
    }
    // Each lessor holds its verified lease, as the participant API shows it.
    for (const f of fills) {
      const atLessor = await eventually(async () => {
        const res = await fetch(`${net.url(f.counterparty)}/v1/leases/${f.leaseId}`);
        return res.ok ? ((await res.json()) as { lessee: string; lessor: string }) : undefined;
      }, 20_000, `lease at lessor ${f.counterparty}`);
      expect(atLessor).toMatchObject({ lessee: 'a1', lessor: f.counterparty });
    }
    // The data exchange settles both hubs: every lease once, the cross-subnet ones delivered by both hubs.
    const atExchange = await eventually(async () => {
      const page = (await (await fetch(`${net.url('exchange')}/v1/leases?participant=a1`)).json()) as { leases: { leaseId: string; viaHubs: string[] }[] };
      const mine = page.leases.filter((l) => fills.some((f) => f.leaseId === l.leaseId));
      return mine.length === 3 && mine.filter((l) => l.viaHubs.length === 2).length === 2 ? mine : undefined;
    }, 20_000, 'three leases at settlement, two via both hubs');
    expect(atExchange).toHaveLength(3);
  });

  it('answers a repeated clientOrderId idempotently and refuses the same id with other content', async () => {
    const id = cid();
    const body = { ...base, clientOrderId: id, side: 'sell', cores: 1, priceMinorPerCoreSecond: 50, expiresAtMs: expiresAtMs() };
    const first = await placeOrder(net, 'a2', 'hub-a', body);
    expect(first.status).toBe(201);
    const again = await placeOrder(net, 'a2', 'hub-a', body);
    expect(again.status).toBe(200);
    expect(again.json.orderId).toBe(first.json.orderId);
    const other = await placeOrder(net, 'a2', 'hub-a', { ...body, cores: 2 });
    expect(other.status).toBe(409);
    expect(other.json.error?.code).toBe('ORDER_DUPLICATE_CLIENT_ID');
  });

  it('refuses bad orders with the field\'s code, and unsigned or forged requests', async () => {
    const bad = await placeOrder(net, 'a1', 'hub-a', { ...base, clientOrderId: cid(), side: 'buy', cores: -1, priceMinorPerCoreSecond: 2, expiresAtMs: expiresAtMs() });
    expect(bad.status).toBe(400);
    expect(bad.json.error?.code).toBe('MARKET_CORES_INVALID');
    const unknownCap = await placeOrder(net, 'a1', 'hub-a', { ...base, capabilities: ['gpu'], clientOrderId: cid(), side: 'buy', cores: 1, priceMinorPerCoreSecond: 2, expiresAtMs: expiresAtMs() });
    expect(unknownCap.json.error?.code).toBe('MARKET_CAPABILITIES_INVALID');
    const unsigned = await fetch(`${net.url('hub-a')}/v1/market/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...base, clientOrderId: cid(), side: 'buy', cores: 1, priceMinorPerCoreSecond: 2, expiresAtMs: expiresAtMs() }) });
    expect(unsigned.status).toBe(401);
    // b1 is not admitted at hub-a: its signature means nothing there.
    const foreign = await placeOrder(net, 'b1', 'hub-a', { ...base, clientOrderId: cid(), side: 'buy', cores: 1, priceMinorPerCoreSecond: 2, expiresAtMs: expiresAtMs() });
    expect(foreign.status).toBe(401);
  });

  it('never fills one sell twice when buys from both hubs race for it', async () => {
    for (let i = 0; i < 4; i++) expect((await placeOrder(net, 'b1', 'hub-b', { ...base, clientOrderId: cid(), side: 'sell', cores: 3, priceMinorPerCoreSecond: 7, expiresAtMs: expiresAtMs() })).status).toBe(201);
    const supply = 12;
    const buys = await Promise.all([
      placeOrder(net, 'a1', 'hub-a', { ...base, clientOrderId: cid(), side: 'buy', cores: 10, memoryMiB: 10 * 1024, priceMinorPerCoreSecond: 7, expiresAtMs: Date.now() + 5_000 }),
      placeOrder(net, 'a2', 'hub-a', { ...base, clientOrderId: cid(), side: 'buy', cores: 10, memoryMiB: 10 * 1024, priceMinorPerCoreSecond: 7, expiresAtMs: Date.now() + 5_000 }),
      placeOrder(net, 'b2', 'hub-b', { ...base, clientOrderId: cid(), side: 'buy', cores: 10, memoryMiB: 10 * 1024, priceMinorPerCoreSecond: 7, expiresAtMs: Date.now() + 5_000 }),
    ]);
    for (const b of buys) expect(`${b.status} ${JSON.stringify(b.json.error ?? {})}`).toBe("201 {}");
    const fromB1 = buys.flatMap((b) => (b.json.fills as FillJson[]).filter((f) => f.counterparty === 'b1' && f.priceMinorPerCoreSecond === 7));
    const filled = fromB1.reduce((s, f) => s + f.cores, 0);
    expect(filled).toBeGreaterThan(0);
    expect(filled).toBeLessThanOrEqual(supply);
    expect(new Set(fromB1.map((f) => f.leaseId)).size).toBe(fromB1.length);
  });

  it('rebuilds a hub\'s book after kill -9 with the same state hash, and matches as before', async () => {
    for (const [p, price] of [['b1', 20], ['b2', 21], ['b1', 22]] as const)
      expect((await placeOrder(net, p, 'hub-b', { ...base, clientOrderId: cid(), side: 'sell', cores: 2, priceMinorPerCoreSecond: price, expiresAtMs: expiresAtMs() })).status).toBe(201);
    const before = await operatorGet<{ stateHash: string; depth: unknown[] }>(net, 'hub-b', '/v1/operator/market/book');
    expect(before.depth.length).toBeGreaterThan(0);
    await net.kill('hub-b', 'SIGKILL');
    await net.startNode('hub-b');
    const after = await operatorGet<{ stateHash: string; depth: unknown[] }>(net, 'hub-b', '/v1/operator/market/book');
    expect(after.stateHash).toBe(before.stateHash);
    expect(after.depth).toEqual(before.depth);
    const buy = await placeOrder(net, 'b2', 'hub-b', { ...base, clientOrderId: cid(), side: 'buy', cores: 2, memoryMiB: 2048, priceMinorPerCoreSecond: 22, expiresAtMs: expiresAtMs() });
    expect(buy.status).toBe(201);
    const fills = buy.json.fills as FillJson[];
    // Self-trade prevention skips b2's own 21; price-time priority picks b1's 20.
    expect(fills.map((f) => `${f.counterparty}:${f.priceMinorPerCoreSecond}`)).toEqual(['b1:20']);
  });
});
