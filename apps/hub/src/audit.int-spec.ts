import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { MemoryBroker, MemoryBus } from '#libs/bus';
import { exportPublicKeySpki, generateKeyAgreementKeyPair, generateSigningKeyPair, SigningKey } from '#libs/crypto';
import { admissionProofInput, issueEnrollmentToken } from '#libs/identity';
import { OrderBook } from '#libs/market';
import { JsonLogger } from '#libs/observability';
import { openServiceDataSource } from '#libs/persistence';
import { CaTrust } from '#libs/relay';
import { makeTestNetwork, type TestNetwork } from '../../../libs/relay/src/test-network.js';
import { AdmissionService, type AdmissionRequestInput } from './admission/admission.service.js';
import { OperatorController } from './http/hub.controllers.js';
import { LeaseDelivery } from './market/lease-delivery.js';
import { MarketLog } from './market/market-log.js';
import { MarketService, type OrderRequest } from './market/market.service.js';
import { PeerClient } from './market/peer-client.js';
import { HubAuditTrail } from './persistence/audit.js';
import { hubMigrations } from './persistence/migrations.js';
import type { HubRuntime } from './runtime.js';

/**
 * Issue 5 on the hub: admissions (keys issued), orders and leases leave records
 * in the hash-chained audit trail, written in the transactions of the changes;
 * the chain verifies, and a record edited behind the triggers' back is reported
 * at its seq.
 */
const schema = `hub_aud_${randomBytes(3).toString('hex')}`;
const silent = new JsonLogger({}, 'error', () => undefined);
const key = 'ab'.repeat(32);
const now = Date.now();
const clock = { nowMs: () => now };
const HEX32 = /^[0-9a-f]{64}$/;

let ds: DataSource;
let net: TestNetwork;
let audit: HubAuditTrail;
let admission: AdmissionService;
let market: MarketService;
let delivery: LeaseDelivery;

/** As a database superuser bypassing the append-only triggers (session_replication_role = replica), in this test's own transaction. */
const tamper = (sql: string, params: unknown[]): Promise<unknown> =>
  ds.transaction(async (m) => {
    await m.query(`SET LOCAL session_replication_role = replica`);
    return m.query<unknown>(sql, params);
  });

beforeAll(async () => {
  ds = await openServiceDataSource({ url: process.env.DATANET_TEST_DATABASE_URL ?? '', schema, entities: [], migrations: hubMigrations, applicationName: 'hub-audit-int-spec' });
  net = await makeTestNetwork('aud-net', { 'hub-a': ['a1', 'a2'] });
  const hub = net.hubs['hub-a']!;
  audit = new HubAuditTrail(ds);
  admission = new AdmissionService({
    ds,
    hubId: 'hub-a',
    subnet: { id: 'a', hub: { id: 'hub-a', url: 'http://127.0.0.1:1' }, participants: [{ id: 'a1', url: 'http://127.0.0.1:2', securityLevel: 2 }, { id: 'a2', url: 'http://127.0.0.1:3', securityLevel: 2 }] },
    enrollmentKeyHex: key,
    hubCredentials: { certPem: hub.certPem, privateKeyPem: hub.keyPem },
    caCertPem: net.caCertPem,
    busAccess: { grant: async () => undefined, revoke: async () => undefined },
    clock,
    log: silent,
    certValidityDays: 30,
    audit,
  });
  await admission.load();
  delivery = new LeaseDelivery({ ds, bus: new MemoryBus({ broker: new MemoryBroker(), principal: 'hub_a', maxMessageBytes: 1 << 20 }), hub, caCertPem: net.caCertPem, pkiDir: '/nonexistent', participantKexCert: async () => undefined, log: silent, ttlMs: 60_000 });
  market = new MarketService({
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
    snapshotEvery: 1000,
    audit,
    onFatal: (e) => {
      throw e;
    },
  });
  await market.rebuild();
});

afterAll(async () => {
  await delivery.stop();
  await ds.query(`DROP SCHEMA ${schema} CASCADE`);
  await ds.destroy();
});

async function admissionRequest(participantId: string, token: string): Promise<AdmissionRequestInput> {
  const s = await generateSigningKeyPair();
  const k = await generateKeyAgreementKeyPair();
  const sp = await exportPublicKeySpki(s.publicKey);
  const kp = await exportPublicKeySpki(k.publicKey);
  return { participantId, enrollmentToken: token, signingPublicKey: sp, keyAgreementPublicKey: kp, requestedAtMs: now, proof: SigningKey.fromCryptoKey(s.privateKey).sign(admissionProofInput(participantId, sp, kp, now)) };
}

const order = (over: Partial<OrderRequest>): OrderRequest => ({ clientOrderId: randomBytes(4).toString('hex'), side: 'sell', cores: 2, memoryMiB: 2048, durationS: 60, priceMinorPerCoreSecond: 5, capabilities: ['tee'], securityLevel: 2, expiresAtMs: now + 3_600_000, ...over });

describe('hub audit trail', () => {
  let sellOrderId: string;
  let buyOrderId: string;
  let restingOrderId: string;
  let leaseId: string;

  it('records admissions (keys issued, re-issued, revoked), orders and leases in order, and the chain verifies', async () => {
    const req = await admissionRequest('a1', issueEnrollmentToken(key, 'a1', now + 60_000));
    expect((await admission.admit(req)).ok).toBe(true);
    const again = await admission.admit(req);
    expect(again.ok && again.reissued).toBe(true);
    // A refused admission changes nothing and records nothing.
    expect((await admission.admit(await admissionRequest('a2', 'not-a-token'))).ok).toBe(false);

    const sell = await market.placeOrder('a2', order({ cores: 2 }));
    sellOrderId = sell.ok ? sell.value.orderId : '';
    const buy = await market.placeOrder('a1', order({ side: 'buy', cores: 2, memoryMiB: 2048 }));
    buyOrderId = buy.ok ? buy.value.orderId : '';
    leaseId = buy.ok ? (buy.value.fills[0]?.leaseId ?? '') : '';
    expect(leaseId).not.toBe('');
    const resting = await market.placeOrder('a2', order({ priceMinorPerCoreSecond: 50 }));
    restingOrderId = resting.ok ? resting.value.orderId : '';
    // The idempotent replay of an order is no change: no record.
    expect((await market.placeOrder('a2', order({ clientOrderId: 'x', priceMinorPerCoreSecond: 51 }))).ok).toBe(true);
    const replay = await market.placeOrder('a2', order({ clientOrderId: 'x', priceMinorPerCoreSecond: 51 }));
    expect(replay.ok && replay.replayed).toBe(true);
    expect((await market.cancelOrder('a2', restingOrderId)).ok).toBe(true);
    expect(await admission.revoke('a1')).toBe(true);

    const records = await audit.list(0n, 100);
    expect(records.map((r) => [r.seq, r.action, r.subjectType, r.subjectId, r.actor, r.origin])).toEqual([
      [1n, 'create', 'key', 'a1', 'a1', 'http:admission'],
      [2n, 'reissue', 'key', 'a1', 'a1', 'http:admission'],
      [3n, 'create', 'order', sellOrderId, 'a2', 'http:participant'],
      [4n, 'create', 'order', buyOrderId, 'a1', 'http:participant'],
      [5n, 'create', 'lease', leaseId, 'a1', 'http:participant'],
      [6n, 'create', 'order', restingOrderId, 'a2', 'http:participant'],
      [7n, 'create', 'order', expect.any(String), 'a2', 'http:participant'],
      [8n, 'delete', 'order', restingOrderId, 'a2', 'http:participant'],
      [9n, 'delete', 'key', 'a1', 'operator', 'http:operator'],
    ]);
    expect(records.every((r) => r.atMs === now)).toBe(true);
    const admitted = records[0]!.details as Record<string, unknown>;
    expect(admitted).toMatchObject({ event: 'admitted', participantId: 'a1', issuerHubId: 'hub-a', previousStatus: null });
    expect([admitted.signingCertSha256, admitted.keyAgreementCertSha256, admitted.signingSpkiSha256]).toEqual([expect.stringMatching(HEX32), expect.stringMatching(HEX32), expect.stringMatching(HEX32)] as unknown[]);
    expect(records[1]!.details).toMatchObject({ signingCertSha256: (records[0]!.details as { signingCertSha256: string }).signingCertSha256 });
    expect(records[4]!.details).toEqual({ event: 'signed', leaseId, lessee: 'a1', lessor: 'a2', lesseeHub: 'hub-a', lessorHub: 'hub-a', buyOrderId, sellOrderId, cores: 2, durationS: 60, priceMinorPerCoreSecond: 5 });
    expect(records[3]!.details).toMatchObject({ event: 'placed', side: 'buy', filledCores: 2, restingCores: 0 });
    expect(records[7]!.details).toMatchObject({ event: 'cancelled', cancelledCores: 2 });
    // Fingerprints and ids only: no certificate, key or payload in the trail.
    expect(JSON.stringify(records.map((r) => r.details))).not.toMatch(/BEGIN|PRIVATE|enrollmentToken"/);

    const v = await audit.verify();
    expect(v).toEqual({ ok: true, count: 9, headSeq: 9n, headHash: records[8]!.hash });
    expect(await audit.log.head()).toEqual({ seq: 9n, hash: records[8]!.hash });
  });

  it('the operator endpoints answer the verification and the records as JSON', async () => {
    const ctl = new OperatorController({ audit } as unknown as HubRuntime);
    const head = (await audit.log.head()).hash;
    expect(await ctl.auditVerify({})).toEqual({ ok: true, count: 9, headSeq: '9', headHash: head });
    const page = (await ctl.audit({ after: '3', limit: 2 })) as { records: { seq: string; subjectType: string }[]; next: string };
    expect(page.records.map((r) => [r.seq, r.subjectType])).toEqual([
      ['4', 'order'],
      ['5', 'lease'],
    ]);
    expect(page.next).toBe('5');
  });

  it('refuses an UPDATE of a record; one made behind the triggers\' back is reported at its seq', async () => {
    await expect(ds.query(`UPDATE audit_log SET actor = 'mallory' WHERE seq = 5`)).rejects.toThrow(/append-only/);
    await expect(ds.query(`DELETE FROM audit_log WHERE seq = 5`)).rejects.toThrow(/append-only/);

    // The lease record (seq 5): its price is lowered in place.
    await tamper(`UPDATE audit_log SET details = replace(details, '"priceMinorPerCoreSecond":5', '"priceMinorPerCoreSecond":1') WHERE seq = $1`, ['5']);
    await expect(audit.verify()).resolves.toMatchObject({ ok: false, brokenAt: 5n, reason: 'HASH_MISMATCH' });
    const ctl = new OperatorController({ audit } as unknown as HubRuntime);
    expect(await ctl.auditVerify({})).toMatchObject({ ok: false, brokenAt: '5', reason: 'HASH_MISMATCH' });

    // A later change is still chained after the tampered record; the break stays reported where it is.
    expect((await market.placeOrder('a2', order({ priceMinorPerCoreSecond: 60 }))).ok).toBe(true);
    await expect(audit.verify()).resolves.toMatchObject({ ok: false, brokenAt: 5n, reason: 'HASH_MISMATCH' });

    // A deleted record: SEQ_GAP at that seq (the earlier break restored first).
    await tamper(`UPDATE audit_log SET details = replace(details, '"priceMinorPerCoreSecond":1', '"priceMinorPerCoreSecond":5') WHERE seq = $1`, ['5']);
    await expect(audit.verify()).resolves.toMatchObject({ ok: true, count: 10 });
    await tamper(`DELETE FROM audit_log WHERE seq = $1`, ['7']);
    await expect(audit.verify()).resolves.toMatchObject({ ok: false, brokenAt: 7n, reason: 'SEQ_GAP' });
  });
});
