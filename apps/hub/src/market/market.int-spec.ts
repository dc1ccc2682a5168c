import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { MemoryBroker, MemoryBus } from '#libs/bus';
import { topics } from '#libs/contracts';
import { OrderBook } from '#libs/market';
import { JsonLogger } from '#libs/observability';
import { openServiceDataSource } from '#libs/persistence';
import { CaTrust } from '#libs/relay';
import { makeTestNetwork, type TestNetwork } from '../../../../libs/relay/src/test-network.js';
import { HubAuditTrail } from '../persistence/audit.js';
import { hubMigrations } from '../persistence/migrations.js';
import { LeaseDelivery } from './lease-delivery.js';
import { MarketLog } from './market-log.js';
import { MarketService, type OrderRequest } from './market.service.js';
import { PeerClient } from './peer-client.js';

const schema = `hub_mkt_${randomBytes(3).toString('hex')}`;
const silent = new JsonLogger({}, 'error', () => undefined);
const open = (): Promise<DataSource> => openServiceDataSource({ url: process.env.DATANET_TEST_DATABASE_URL ?? '', schema, entities: [], migrations: hubMigrations, applicationName: 'market-int-spec' });
let now = Date.now();
const clock = { nowMs: () => now };

let net: TestNetwork;
let broker: MemoryBroker;
const opened: DataSource[] = [];

beforeAll(async () => {
  net = await makeTestNetwork('mkt-net', { 'hub-a': ['a1', 'a2', 'a3'] });
  broker = new MemoryBroker();
});
afterAll(async () => {
  await opened[0]?.query(`DROP SCHEMA ${schema} CASCADE`);
  for (const d of opened) await d.destroy();
});

/** A hub's market over a real database; peers are none (this subnet only), the bus is in memory. */
async function hubMarket(snapshotEvery = 3): Promise<{ market: MarketService; ds: DataSource; delivery: LeaseDelivery }> {
  const ds = await open();
  opened.push(ds);
  const hub = net.hubs['hub-a']!;
  const bus = new MemoryBus({ broker, principal: 'hub_a', maxMessageBytes: 1 << 20 });
  const delivery = new LeaseDelivery({
    ds,
    bus,
    hub,
    caCertPem: net.caCertPem,
    pkiDir: '/nonexistent',
    participantKexCert: async () => undefined,
    log: silent,
    ttlMs: 60_000,
  });
  const market = new MarketService({
    ds,
    hubId: 'hub-a',
    engine: new OrderBook(),
    log: new MarketLog(ds),
    signer: hub,
    peers: new PeerClient({ nodeId: 'hub-a', sign: (d) => hub.signingKey.sign(d) }, () => 'http://127.0.0.1:9'),
    peerIds: [],
    deliveries: delivery,
    settlementIds: [],
    trust: new CaTrust(net.caCertPem),
    clock,
    logger: silent,
    reservationTtlMs: 10_000,
    snapshotEvery,
    audit: new HubAuditTrail(ds),
    onFatal: (e) => {
      throw e;
    },
  });
  await market.rebuild();
  return { market, ds, delivery };
}

const order = (over: Partial<OrderRequest>): OrderRequest => ({ clientOrderId: randomBytes(4).toString('hex'), side: 'sell', cores: 2, memoryMiB: 2048, durationS: 60, priceMinorPerCoreSecond: 5, capabilities: ['tee'], securityLevel: 2, expiresAtMs: now + 3_600_000, ...over });

describe('hub market on PostgreSQL', () => {
  it('rebuilds the same book from snapshot + log after a restart, and keeps matching', async () => {
    const first = await hubMarket();
    for (let i = 0; i < 7; i++) {
      now += 10;
      const r = await first.market.placeOrder(i % 2 ? 'a2' : 'a3', order({ priceMinorPerCoreSecond: 5 + i }));
      expect(r.ok).toBe(true);
    }
    const cancel = first.market.openOrdersOf('a2')[0];
    expect((await first.market.cancelOrder('a2', cancel!.orderId)).ok).toBe(true);
    const hash = first.market.stateHash();
    const snapshots: { n: number }[] = await first.ds.query(`SELECT count(*)::int AS n FROM market_snapshots`);
    expect(snapshots[0]!.n).toBeGreaterThan(0);

    const second = await hubMarket();
    expect(second.market.stateHash()).toBe(hash);
    now += 10;
    const buy = await second.market.placeOrder('a1', order({ side: 'buy', cores: 3, memoryMiB: 3072, priceMinorPerCoreSecond: 6 }));
    // a2's 6 was cancelled before the restart: only a3's 5 is within the limit; the rest rests.
    expect(buy.ok && buy.value.fills.map((f) => `${f.counterparty}:${f.cores}x${f.priceMinorPerCoreSecond}`)).toEqual(['a3:2x5']);
    expect(buy.ok && buy.value.status).toBe('partially-filled');
    expect(buy.ok && buy.value.restingCores).toBe(1);
  });

  it('answers a repeated client order id with the stored answer, and refuses it with other content', async () => {
    const { market } = await hubMarket(1000);
    const o = order({ clientOrderId: 'same-id', priceMinorPerCoreSecond: 99 });
    const a = await market.placeOrder('a2', o);
    const b = await market.placeOrder('a2', o);
    expect(b.ok && b.replayed).toBe(true);
    expect(a.ok && b.ok && b.value.orderId).toBe(a.ok && a.value.orderId);
    const c = await market.placeOrder('a2', { ...o, cores: 3 });
    expect(!c.ok && c.code).toBe('ORDER_DUPLICATE_CLIENT_ID');
  });

  it('writes one lease per fill with the hub\'s signature and queues its deliveries in the same transaction', async () => {
    const { market, ds } = await hubMarket(1000);
    now += 10;
    // Another resource class (he, level 3) than the earlier tests' orders, which stay in the shared book.
    expect((await market.placeOrder('a3', order({ cores: 1, priceMinorPerCoreSecond: 1, capabilities: ['he'], securityLevel: 3 }))).ok).toBe(true);
    const buy = await market.placeOrder('a1', order({ side: 'buy', cores: 1, memoryMiB: 1024, priceMinorPerCoreSecond: 1, capabilities: ['he'], securityLevel: 3 }));
    const leaseId = buy.ok ? buy.value.fills[0]?.leaseId : undefined;
    expect(leaseId).toBeDefined();
    const targets: { target: string }[] = await ds.query(`SELECT target FROM lease_deliveries WHERE lease_id = $1 ORDER BY target`, [leaseId]);
    expect(targets.map((t) => t.target)).toEqual(['a1', 'a3']);
    expect(topics.inbox('a1')).toBe('node.a1.inbox');
  });

  it('refuses an order whose lease cost cannot be an exact integer', async () => {
    const { market } = await hubMarket(1000);
    const r = await market.placeOrder('a1', order({ cores: 4096, durationS: 31_536_000, priceMinorPerCoreSecond: 1_000_000_000_000 }));
    expect(!r.ok && r.code).toBe('ORDER_COST_TOO_LARGE');
  });
});
