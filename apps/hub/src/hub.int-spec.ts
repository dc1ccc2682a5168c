import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { exportPublicKeySpki, generateKeyAgreementKeyPair, generateSigningKeyPair, SigningKey, type CryptoKeyPair } from '#libs/crypto';
import { admissionProofInput, issueEnrollmentToken } from '#libs/identity';
import { JsonLogger } from '#libs/observability';
import { DeadLetterRepository, openServiceDataSource } from '#libs/persistence';
import { makeTestNetwork } from '../../../libs/relay/src/test-network.js';
import { AdmissionService, type AdmissionRequestInput } from './admission/admission.service.js';
import { HubAuditTrail } from './persistence/audit.js';
import { hubMigrations } from './persistence/migrations.js';
import { PostgresNonceStore } from './persistence/nonce.repository.js';

const url = (): string => {
  const u = process.env.DATANET_TEST_DATABASE_URL;
  if (!u) throw new Error('integration tier needs DATANET_TEST_DATABASE_URL (jest global setup)');
  return u;
};
const schema = `hub_it_${randomBytes(3).toString('hex')}`;
const open = (): Promise<DataSource> => openServiceDataSource({ url: url(), schema, entities: [], migrations: hubMigrations, applicationName: 'hub-int-spec' });
const silent = new JsonLogger({}, 'error', () => undefined);

describe('hub persistence on the embedded PostgreSQL', () => {
  let ds: DataSource;
  beforeAll(async () => {
    ds = await open();
  });
  afterAll(async () => {
    await ds.query(`DROP SCHEMA ${schema} CASCADE`);
    await ds.destroy();
  });

  it('keeps the seen-nonce window across a hub restart: redelivery passes, replay does not', async () => {
    const nonce = randomBytes(16);
    const expires = Date.now() + 60_000;
    expect(await new PostgresNonceStore(ds, 30_000).remember(nonce, 'm1', 'in/0/1', expires)).toBe('new');
    const restarted = await open();
    try {
      const store = new PostgresNonceStore(restarted, 30_000);
      expect(await store.remember(nonce, 'm1', 'in/0/1', expires)).toBe('redelivery');
      expect(await store.remember(nonce, 'm1', 'in/3/9', expires)).toBe('replay');
    } finally {
      await restarted.destroy();
    }
  });

  it('decides one winner when the same nonce races in from two positions', async () => {
    const nonce = randomBytes(16);
    const store = new PostgresNonceStore(ds, 0);
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => store.remember(nonce, 'm2', `in/${i}/1`, Date.now() + 60_000)));
    expect(results.filter((r) => r === 'new')).toHaveLength(1);
    expect(results.filter((r) => r === 'replay')).toHaveLength(7);
  });

  it('prunes nonces once their envelopes can no longer pass the expiry check', async () => {
    const store = new PostgresNonceStore(ds, 0);
    await store.remember(randomBytes(16), 'old', 'in/0/2', Date.now() - 1_000);
    expect(await store.prune(Date.now())).toBeGreaterThanOrEqual(1);
  });

  it('records a dead letter once per bus position', async () => {
    const repo = new DeadLetterRepository(ds);
    const d = { reasonCode: 'ENVELOPE_EXPIRED', detail: 'x', topic: 'hub.h.ingress', partition: 0, offset: '42', raw: randomBytes(100_000) };
    expect(await repo.record(d)).toBe(true);
    expect(await repo.record(d)).toBe(false);
    const rows = await repo.list({ reasonCode: 'ENVELOPE_EXPIRED', limit: 10 });
    expect(rows).toHaveLength(1);
    const raw: { n: number }[] = await ds.query(`SELECT length(raw) AS n FROM dead_letters WHERE "offset" = '42'`);
    expect(raw[0]?.n).toBe(64 * 1024);
  });
});

describe('admission', () => {
  let ds: DataSource;
  let service: AdmissionService;
  const granted: string[] = [];
  const key = 'ef'.repeat(32);
  const now = Date.now();

  beforeAll(async () => {
    ds = await open();
    const net = await makeTestNetwork('it-net', { 'hub-a': [] });
    const hub = net.hubs['hub-a']!;
    service = new AdmissionService({
      ds,
      hubId: 'hub-a',
      subnet: { id: 'a', hub: { id: 'hub-a', url: 'http://127.0.0.1:1' }, participants: [{ id: 'a1', url: 'http://127.0.0.1:2', securityLevel: 2 }, { id: 'a2', url: 'http://127.0.0.1:3', securityLevel: 1 }] },
      enrollmentKeyHex: key,
      hubCredentials: { certPem: hub.certPem, privateKeyPem: hub.keyPem },
      caCertPem: net.caCertPem,
      busAccess: { grant: async (id) => void granted.push(`+${id}`), revoke: async (id) => void granted.push(`-${id}`) },
      clock: { nowMs: () => now },
      log: silent,
      certValidityDays: 30,
      audit: new HubAuditTrail(ds),
    });
    await service.load();
  });
  afterAll(async () => ds.destroy());

  async function request(participantId: string, token: string, keys?: { s: CryptoKeyPair; k: CryptoKeyPair }): Promise<AdmissionRequestInput> {
    const s = keys?.s ?? (await generateSigningKeyPair());
    const k = keys?.k ?? (await generateKeyAgreementKeyPair());
    const sp = await exportPublicKeySpki(s.publicKey);
    const kp = await exportPublicKeySpki(k.publicKey);
    return { participantId, enrollmentToken: token, signingPublicKey: sp, keyAgreementPublicKey: kp, requestedAtMs: now, proof: SigningKey.fromCryptoKey(s.privateKey).sign(admissionProofInput(participantId, sp, kp, now)) };
  }

  it('admits with a valid token and proof, grants bus access, and is idempotent for the same keys', async () => {
    const token = issueEnrollmentToken(key, 'a1', now + 60_000);
    const keys = { s: await generateSigningKeyPair(), k: await generateKeyAgreementKeyPair() };
    const first = await service.admit(await request('a1', token, keys));
    expect(first.ok).toBe(true);
    expect(granted).toContain('+a1');
    expect(service.isActive('a1')).toBe(true);
    const again = await service.admit(await request('a1', token, keys));
    expect(again.ok && again.reissued).toBe(true);
    expect(again.ok && first.ok && again.identity.signingCertPem.trim()).toBe(first.ok && first.identity.signingCertPem.trim());
  });

  it('refuses a used token with other keys, a foreign participant, a bad proof', async () => {
    const token = issueEnrollmentToken(key, 'a1', now + 60_000);
    const reuse = await service.admit(await request('a1', token));
    expect(!reuse.ok && reuse.code).toBe('TOKEN_ALREADY_USED');
    const foreign = await service.admit(await request('b7', issueEnrollmentToken(key, 'b7', now + 60_000)));
    expect(!foreign.ok && foreign.code).toBe('NOT_IN_SUBNET');
    const r = await request('a2', issueEnrollmentToken(key, 'a2', now + 60_000));
    const forged = await service.admit({ ...r, proof: new Uint8Array(64) });
    expect(!forged.ok && forged.code).toBe('PROOF_INVALID');
  });

  it('revokes: the participant is no longer active and loses bus access', async () => {
    expect(await service.revoke('a1')).toBe(true);
    expect(service.isActive('a1')).toBe(false);
    expect(granted).toContain('-a1');
    expect(await service.identityOf('a1')).toBeUndefined();
  });
});
