import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { DeliveredRecord } from '#libs/bus';
import { pb } from '#libs/contracts';
import { LeaseCode, leaseTerms, signLease, type LeaseInput } from '#libs/lease';
import { JsonLogger, MetricsRegistry } from '#libs/observability';
import { DeadLetterRepository, openServiceDataSource } from '#libs/persistence';
import { buildEnvelope, CaTrust, stampEnvelope, type SenderIdentity } from '#libs/relay';
import { makeTestNetwork, type TestNetwork } from '../../../../libs/relay/src/test-network.js';
import { LEASE_CONTENT_TYPE, LeaseReceiptCode, LeaseStore, MARKET_LEASE_TYPE } from '../market/leases.js';
import { participantMigrations } from '../persistence/migrations.js';
import { ChannelRouter } from '../jobs/relay-channel.js';
import { Inbox } from './inbox.js';
import type { Outbox } from './outbox.js';

const url = (): string => {
  const u = process.env.DATANET_TEST_DATABASE_URL;
  if (!u) throw new Error('integration tier needs DATANET_TEST_DATABASE_URL (jest global setup)');
  return u;
};
const schema = `participant_it_${randomBytes(3).toString('hex')}`;
const silent = new JsonLogger({}, 'error', () => undefined);
const NOW = Date.now();

let net: TestNetwork;
let rogue: TestNetwork;
let ds: DataSource;
let inbox: Inbox;
let leases: LeaseStore;
let deadLetters: DeadLetterRepository;
let offset = 0;

const input = (over: Partial<LeaseInput> = {}): LeaseInput => ({
  lessee: 'a1', lessor: 'b1', lesseeHub: 'hub-a', lessorHub: 'hub-b', buyOrderId: 'buy-1', sellOrderId: 'sell-9', cores: 4, memoryMib: 8192, durationS: 600, priceMinorPerCoreSecond: 3, startMs: NOW, capabilities: ['tee'], securityLevel: 2, fillIndex: 0, ...over,
});

function contract(terms: Uint8Array, signers: string[], by: TestNetwork = net): Uint8Array {
  return pb.LeaseContract.encode({ terms, signatures: signers.map((h) => signLease(terms, by.hubs[h]!)) }).finish();
}

const asHub = (hubId: string): SenderIdentity => {
  const h = net.hubs[hubId]!;
  return { nodeId: h.hubId, hubId: h.hubId, signingKey: h.signingKey, chainDer: [h.certDer] };
};

/** An envelope to a1 as it arrives on a1's inbox: originated by `from` (hub-a by default), stamped by hub-a. */
function delivery(body: Uint8Array, o: { from?: SenderIdentity; contentType?: string; messageId?: string } = {}): DeliveredRecord {
  const built = buildEnvelope(o.from ?? asHub('hub-a'), net.participants.a1!.recipient, { type: MARKET_LEASE_TYPE, sessionId: 'lease', contentType: o.contentType ?? LEASE_CONTENT_TYPE, body, ttlMs: 60_000, messageId: o.messageId }, Date.now());
  const value = stampEnvelope(pb.Envelope.decode(built.bytes), net.hubs['hub-a']!, Date.now());
  return { topic: 'node.a1.inbox', partition: 0, offset: String(offset++), key: 'lease', value, headers: {}, timestampMs: Date.now() };
}

const count = async (sql: string, params: unknown[] = []): Promise<number> => Number((await ds.query<{ n: string }[]>(sql, params))[0]?.n);
const deadLetterCodes = async (): Promise<string[]> => (await deadLetters.list({ limit: 1000 })).map((d) => d.reasonCode);

beforeAll(async () => {
  net = await makeTestNetwork('participant-lease-it', { 'hub-a': ['a1', 'a2'], 'hub-b': ['b1'] });
  rogue = await makeTestNetwork('rogue-it', { 'hub-b': [] });
  ds = await openServiceDataSource({ url: url(), schema, entities: [], migrations: participantMigrations, applicationName: 'participant-int-spec' });
  const trust = new CaTrust(net.caCertPem);
  const metrics = new MetricsRegistry();
  deadLetters = new DeadLetterRepository(ds);
  leases = new LeaseStore(ds, trust, { nodeId: 'a1', hubId: 'hub-a' });
  inbox = new Inbox({
    ds,
    self: { nodeId: 'a1', hubId: 'hub-a', keyAgreementPrivateKey: net.participants.a1!.keyAgreementPrivateKey },
    trust,
    clock: { nowMs: () => Date.now() },
    time: { maxTtlMs: 3_600_000, clockSkewMs: 30_000 },
    outbox: { kick: () => undefined } as unknown as Outbox,
    deadLetters,
    leases,
    channels: new ChannelRouter({ ds, outbox: { kick: () => undefined } as unknown as Outbox, log: silent, limits: { chunkBytes: 64 * 1024, maxMessageBytes: 1024 * 1024, maxChannels: 4, receiveTimeoutMs: 1000 } }),
    log: silent,
    counters: { received: metrics.counter('r', 'r', 'type'), duplicates: metrics.counter('d', 'd', 'none'), rejected: metrics.counter('x', 'x', 'reason') },
  });
});

afterAll(async () => {
  await ds.query(`DROP SCHEMA ${schema} CASCADE`);
  await ds.destroy();
});

describe('participant inbox: market.lease', () => {
  it('stores a lease signed by both hubs once, as the lessee, and lists it', async () => {
    const bytes = contract(leaseTerms(input()), ['hub-a', 'hub-b']);
    const record = delivery(bytes);
    await inbox.handle(record);
    const leaseId = pb.LeaseTerms.decode(leaseTerms(input())).leaseId;
    const listed = await leases.list(undefined, 10);
    expect(listed).toEqual([expect.objectContaining({ leaseId, role: 'lessee', lessee: 'a1', lessor: 'b1', cores: 4, memoryMiB: 8192, priceMinorPerCoreSecond: 3, maxCostMinor: 4 * 600 * 3, signedBy: ['hub-a', 'hub-b'] })]);
    const one = await leases.get(leaseId);
    expect(Buffer.from(one?.contract ?? '', 'base64').equals(Buffer.from(bytes))).toBe(true);
    // The lease message is also in the inbox, exactly once, decoded.
    const messages = await inbox.list(undefined, 10, MARKET_LEASE_TYPE);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.decoded).toMatchObject({ leaseId, lessee: 'a1' });

    // The bus redelivers the same record; the hub delivers the same contract again in a new message.
    await inbox.handle(record);
    await inbox.handle(delivery(bytes));
    expect(await count(`SELECT count(*) AS n FROM leases`)).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM inbox_messages WHERE type = $1`, [MARKET_LEASE_TYPE])).toBe(2);
    expect(await deadLetterCodes()).toEqual([]);
  });

  it('stores a lease where this participant is the lessor', async () => {
    const terms = leaseTerms(input({ lessee: 'b1', lesseeHub: 'hub-b', lessor: 'a1', lessorHub: 'hub-a', buyOrderId: 'buy-2' }));
    await inbox.handle(delivery(contract(terms, ['hub-b', 'hub-a'])));
    expect(await leases.list(undefined, 10, 'lessor')).toEqual([expect.objectContaining({ role: 'lessor', lessee: 'b1', lessor: 'a1' })]);
  });

  it('stores a lease delivered twice at once only once', async () => {
    const bytes = contract(leaseTerms(input({ buyOrderId: 'buy-race' })), ['hub-a', 'hub-b']);
    await Promise.all([inbox.handle(delivery(bytes)), inbox.handle(delivery(bytes))]);
    expect(await count(`SELECT count(*) AS n FROM leases WHERE buy_order_id = 'buy-race'`)).toBe(1);
  });

  it('dead-letters a lease id already stored with other terms (LEASE_CONFLICT), and keeps the first', async () => {
    const other = contract(leaseTerms(input({ priceMinorPerCoreSecond: 2 })), ['hub-a', 'hub-b']);
    const record = delivery(other);
    await inbox.handle(record);
    await inbox.handle(record);
    expect(await deadLetterCodes()).toEqual([LeaseReceiptCode.Conflict]);
    const header = pb.EnvelopeHeader.decode(pb.Envelope.decode(record.value).header);
    expect(await count(`SELECT count(*) AS n FROM inbox_messages WHERE message_id = $1`, [header.messageId])).toBe(0);
    expect((await leases.list(undefined, 10)).find((l) => l.buyOrderId === 'buy-1')?.priceMinorPerCoreSecond).toBe(3);
  });

  it.each([
    ['a missing lessor hub signature', () => contract(leaseTerms(input({ buyOrderId: 'b-m' })), ['hub-a']), LeaseCode.SignatureMissing],
    [
      'terms altered after signing',
      () => {
        const signed = pb.LeaseContract.decode(contract(leaseTerms(input({ buyOrderId: 'b-t' })), ['hub-a', 'hub-b']));
        const t = pb.LeaseTerms.decode(signed.terms);
        t.cores = 8;
        t.maxCostMinor = 8 * 600 * 3;
        return pb.LeaseContract.encode({ terms: pb.LeaseTerms.encode(t).finish(), signatures: signed.signatures }).finish();
      },
      LeaseCode.SignatureInvalid,
    ],
    [
      'a signature by another network\'s hub',
      () => {
        const terms = leaseTerms(input({ buyOrderId: 'b-r' }));
        return pb.LeaseContract.encode({ terms, signatures: [signLease(terms, net.hubs['hub-a']!), signLease(terms, rogue.hubs['hub-b']!)] }).finish();
      },
      LeaseCode.SignerNotAHub,
    ],
    ['garbage', () => new Uint8Array([1, 2, 3]), LeaseCode.Malformed],
    ['a lease between two others', () => contract(leaseTerms(input({ lessee: 'a2', buyOrderId: 'b-o' })), ['hub-a', 'hub-b']), LeaseReceiptCode.NotAParty],
    ['a lease naming this participant at another hub', () => contract(leaseTerms(input({ lesseeHub: 'hub-b', buyOrderId: 'b-h' })), ['hub-b']), LeaseReceiptCode.NotAParty],
  ])('rejects %s into dead letters with its code', async (_name, make, code) => {
    const leasesBefore = await count(`SELECT count(*) AS n FROM leases`);
    const before = (await deadLetterCodes()).length;
    await inbox.handle(delivery(make()));
    expect((await deadLetterCodes()).slice(before)).toEqual([code]);
    expect(await count(`SELECT count(*) AS n FROM leases`)).toBe(leasesBefore);
  });

  it('rejects a lease a participant sent instead of the hub (LEASE_SOURCE_INVALID), and a wrong content type', async () => {
    const bytes = contract(leaseTerms(input({ buyOrderId: 'b-p' })), ['hub-a', 'hub-b']);
    const before = (await deadLetterCodes()).length;
    await inbox.handle(delivery(bytes, { from: net.participants.a2!.sender }));
    await inbox.handle(delivery(bytes, { contentType: 'application/octet-stream' }));
    expect((await deadLetterCodes()).slice(before)).toEqual([LeaseReceiptCode.SourceInvalid, LeaseCode.Malformed]);
    expect(await count(`SELECT count(*) AS n FROM leases WHERE buy_order_id = 'b-p'`)).toBe(0);
  });
});
