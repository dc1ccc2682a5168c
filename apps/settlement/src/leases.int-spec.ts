import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { DeliveredRecord } from '#libs/bus';
import { pb } from '#libs/contracts';
import { LeaseCode, leaseTerms, signLease, type LeaseInput } from '#libs/lease';
import { JsonLogger, MetricsRegistry } from '#libs/observability';
import { DeadLetterRepository, openServiceDataSource } from '#libs/persistence';
import { buildEnvelope, CaTrust, stampEnvelope } from '#libs/relay';
import { makeTestNetwork, type TestNetwork } from '../../../libs/relay/src/test-network.js';
import { SettlementInbox } from './inbox.js';
import { LEASE_CONTENT_TYPE, LeaseReceiptCode, MARKET_LEASE_TYPE, SettlementLeaseStore } from './leases.js';
import { settlementMigrations } from './migrations.js';

const url = (): string => {
  const u = process.env.DATANET_TEST_DATABASE_URL;
  if (!u) throw new Error('integration tier needs DATANET_TEST_DATABASE_URL (jest global setup)');
  return u;
};
const schema = `settlement_it_${randomBytes(3).toString('hex')}`;
const silent = new JsonLogger({}, 'error', () => undefined);
const NOW = Date.now();
const kex = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });

let net: TestNetwork;
let ds: DataSource;
let inbox: SettlementInbox;
let leases: SettlementLeaseStore;
let deadLetters: DeadLetterRepository;
let metrics: MetricsRegistry;
let offset = 0;

const input = (over: Partial<LeaseInput> = {}): LeaseInput => ({
  lessee: 'a1', lessor: 'b1', lesseeHub: 'hub-a', lessorHub: 'hub-b', buyOrderId: 'buy-1', sellOrderId: 'sell-9', cores: 4, memoryMib: 8192, durationS: 600, priceMinorPerCoreSecond: 3, startMs: NOW, capabilities: ['tee'], securityLevel: 2, fillIndex: 0, ...over,
});
const contract = (terms: Uint8Array, signers: string[]): Uint8Array => pb.LeaseContract.encode({ terms, signatures: signers.map((h) => signLease(terms, net.hubs[h]!)) }).finish();

/** A lease envelope the hub originated to the exchange, as it arrives on that hub's bus. */
function fromHub(hubId: string, body: Uint8Array): DeliveredRecord {
  const h = net.hubs[hubId]!;
  const built = buildEnvelope({ nodeId: hubId, hubId, signingKey: h.signingKey, chainDer: [h.certDer] }, { nodeId: 'exchange', hubId, keyAgreementKey: kex.publicKey }, { type: MARKET_LEASE_TYPE, sessionId: 'lease', contentType: LEASE_CONTENT_TYPE, body, ttlMs: 60_000 }, Date.now());
  const value = stampEnvelope(pb.Envelope.decode(built.bytes), h, Date.now());
  return { topic: 'node.exchange.inbox', partition: 0, offset: String(offset++), key: 'lease', value, headers: {}, timestampMs: Date.now() };
}

const count = async (sql: string): Promise<number> => Number((await ds.query<{ n: string }[]>(sql))[0]?.n);
const codes = async (): Promise<string[]> => (await deadLetters.list({ limit: 1000 })).map((d) => d.reasonCode);

beforeAll(async () => {
  net = await makeTestNetwork('settlement-lease-it', { 'hub-a': [], 'hub-b': [], 'hub-c': [] });
  ds = await openServiceDataSource({ url: url(), schema, entities: [], migrations: settlementMigrations, applicationName: 'settlement-int-spec' });
  const trust = new CaTrust(net.caCertPem);
  metrics = new MetricsRegistry();
  deadLetters = new DeadLetterRepository(ds);
  leases = new SettlementLeaseStore(ds, trust);
  inbox = new SettlementInbox({
    ds,
    nodeId: 'exchange',
    keyAgreementPrivateKey: kex.privateKey,
    trust,
    clock: { nowMs: () => Date.now() },
    time: { maxTtlMs: 3_600_000, clockSkewMs: 30_000 },
    deadLetters,
    leases,
    log: silent,
    counters: { received: metrics.counter('received', 'r', 'hub'), rejected: metrics.counter('rejected', 'x', 'reason'), leases: metrics.counter('leases', 'l', 'outcome') },
  });
});

afterAll(async () => {
  await ds.query(`DROP SCHEMA ${schema} CASCADE`);
  await ds.destroy();
});

describe('settlement inbox: market.lease', () => {
  it('stores a lease the lessee\'s and the lessor\'s hub both deliver once', async () => {
    const bytes = contract(leaseTerms(input()), ['hub-a', 'hub-b']);
    const viaA = fromHub('hub-a', bytes);
    await inbox.handle('hub-a', viaA);
    await inbox.handle('hub-b', fromHub('hub-b', bytes));
    await inbox.handle('hub-a', viaA); // bus redelivery
    expect(await leases.list(undefined, 10)).toEqual([expect.objectContaining({ lessee: 'a1', lessor: 'b1', maxCostMinor: 7200, viaHubs: ['hub-a', 'hub-b'], signedBy: ['hub-a', 'hub-b'] })]);
    expect(await count(`SELECT count(*) AS n FROM received_events WHERE type = '${MARKET_LEASE_TYPE}'`)).toBe(2);
    expect(metrics.render()).toContain('leases{outcome="stored"} 1');
    expect(metrics.render()).toContain('leases{outcome="duplicate"} 1');
    expect(await codes()).toEqual([]);
  });

  it('dead-letters the same lease id with other terms (LEASE_CONFLICT)', async () => {
    await inbox.handle('hub-b', fromHub('hub-b', contract(leaseTerms(input({ cores: 2 })), ['hub-a', 'hub-b'])));
    expect(await codes()).toEqual([LeaseReceiptCode.Conflict]);
    expect(await count(`SELECT count(*) AS n FROM leases`)).toBe(1);
  });

  it('rejects a lease with a missing or bad signature into dead letters with its code, and counts it', async () => {
    const terms = leaseTerms(input({ buyOrderId: 'buy-bad' }));
    const forged = pb.LeaseContract.decode(contract(terms, ['hub-a', 'hub-b']));
    forged.signatures[1]!.signature = new Uint8Array(64);
    await inbox.handle('hub-a', fromHub('hub-a', contract(terms, ['hub-a'])));
    await inbox.handle('hub-b', fromHub('hub-b', pb.LeaseContract.encode(forged).finish()));
    expect((await codes()).slice(1)).toEqual([LeaseCode.SignatureMissing, LeaseCode.SignatureInvalid]);
    expect(metrics.render()).toContain(`rejected{reason="${LeaseCode.SignatureMissing}"} 1`);
    expect(metrics.render()).toContain(`rejected{reason="${LeaseCode.SignatureInvalid}"} 1`);
    expect(await count(`SELECT count(*) AS n FROM leases`)).toBe(1);
  });

  it('rejects a lease delivered by a hub that is not one of its two hubs (LEASE_SOURCE_INVALID)', async () => {
    await inbox.handle('hub-c', fromHub('hub-c', contract(leaseTerms(input({ buyOrderId: 'buy-c' })), ['hub-a', 'hub-b'])));
    expect((await codes()).at(-1)).toBe(LeaseReceiptCode.SourceInvalid);
  });

  it('pages leases with after/limit and filters by participant', async () => {
    for (const [i, lessee] of ['a2', 'a3', 'a2'].entries()) {
      await inbox.handle('hub-a', fromHub('hub-a', contract(leaseTerms(input({ lessee, buyOrderId: `buy-p${i}` })), ['hub-a', 'hub-b'])));
    }
    const first = await leases.list(undefined, 2);
    const second = await leases.list(first.at(-1)?.seq, 2);
    expect([...first, ...second].map((l) => l.lessee)).toEqual(['a1', 'a2', 'a3', 'a2']);
    expect((await leases.list(undefined, 10, 'a2')).map((l) => l.buyOrderId)).toEqual(['buy-p0', 'buy-p2']);
    expect(await leases.list(second.at(-1)?.seq, 10)).toEqual([]);
  });
});
