import { randomBytes } from 'node:crypto';
import type { DataSource, EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import { openServiceDataSource } from '#libs/persistence';
import { GENESIS, recordHash, verifyChain, type AuditInput, type AuditRecord } from './chain.js';
import { AUDIT_DDL, AUDIT_DROP_DDL, auditLogGrantsSql, PostgresAuditLog } from './postgres-audit-log.js';

const url = (): string => {
  const u = process.env.DATANET_TEST_DATABASE_URL;
  if (!u) throw new Error('integration tier needs DATANET_TEST_DATABASE_URL (jest global setup)');
  return u;
};
const suffix = randomBytes(3).toString('hex');
const schema = `audit_it_${suffix}`;
/** Non-superuser roles (cluster-wide, hence unique names): the service, and one granted UPDATE/DELETE so only the trigger stands in its way. */
const serviceRole = `audit_svc_${suffix}`;
const sloppyRole = `audit_sloppy_${suffix}`;
const CONCURRENT = 200;

class AuditTestMigration1763900000000 implements MigrationInterface {
  name = 'AuditTestMigration1763900000000';
  async up(q: QueryRunner): Promise<void> {
    await q.query(AUDIT_DDL);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query(AUDIT_DROP_DDL);
  }
}

let ds: DataSource;
let log: PostgresAuditLog;

const input = (i: number, over: Partial<AuditInput> = {}): AuditInput => ({
  atMs: 1_763_700_000_000 + i,
  actor: `node-${i % 7}`,
  action: (['create', 'modify', 'delete'] as const)[i % 3]!,
  subjectType: (['order', 'lease', 'key', 'settlement'] as const)[i % 4]!,
  subjectId: `subject-${i}`,
  origin: `10.0.0.${i % 250}`,
  details: { i, amountMinor: i * 1000, note: 'concurrent append é\u0000', nested: { z: [i], a: null } },
  ...over,
});

/** Runs `sql` as a superuser with triggers bypassed (session_replication_role = replica), as an attacker with superuser rights could. */
const asSuperuserBypassingTriggers = (sql: string, params: unknown[] = []): Promise<unknown> =>
  ds.transaction(async (m) => {
    await m.query(`SET LOCAL session_replication_role = replica`);
    return m.query<unknown>(sql, params);
  });

const asRole = <T>(role: string, work: (m: EntityManager) => Promise<T>): Promise<T> =>
  ds.transaction(async (m) => {
    await m.query(`SET LOCAL ROLE ${role}`);
    return work(m);
  });

beforeAll(async () => {
  ds = await openServiceDataSource({ url: url(), schema, entities: [], migrations: [AuditTestMigration1763900000000], poolMax: 20, applicationName: 'audit-int-spec' });
  log = new PostgresAuditLog(ds);
  await ds.query(`CREATE ROLE ${serviceRole} NOLOGIN; CREATE ROLE ${sloppyRole} NOLOGIN;
                  GRANT USAGE ON SCHEMA ${schema} TO ${serviceRole}, ${sloppyRole};
                  GRANT SELECT, UPDATE, DELETE ON audit_log TO ${sloppyRole};`);
  await ds.query(auditLogGrantsSql(serviceRole));
});

afterAll(async () => {
  await ds.query(`DROP SCHEMA ${schema} CASCADE`);
  for (const role of [serviceRole, sloppyRole]) await ds.query(`DROP OWNED BY ${role}; DROP ROLE ${role}`);
  await ds.destroy();
});

describe('PostgresAuditLog', () => {
  it('starts empty at the genesis head', async () => {
    await expect(log.head()).resolves.toEqual(GENESIS);
    await expect(log.verify({ batch: 10 })).resolves.toEqual({ ok: true, count: 0, headSeq: 0n, headHash: GENESIS.hash });
  });

  it(`serializes ${CONCURRENT} concurrent appends into one unbroken, gap-free chain`, async () => {
    const appended = await Promise.all(Array.from({ length: CONCURRENT }, (_, i) => log.append(ds, input(i))));
    expect(new Set(appended.map((r) => r.seq)).size).toBe(CONCURRENT);
    const head = await log.head();
    expect(head.seq).toBe(BigInt(CONCURRENT));
    for (const batch of [7, CONCURRENT, 10_000]) {
      await expect(log.verify({ batch })).resolves.toEqual({ ok: true, count: CONCURRENT, headSeq: head.seq, headHash: head.hash });
    }
    // What was stored reads back as exactly what append returned (details incl. U+0000 round-trip).
    const stored = await log.list(0n, CONCURRENT);
    expect(stored).toEqual([...appended].sort((a, b) => Number(a.seq - b.seq)));
    expect(verifyChain(stored)).toMatchObject({ ok: true, count: CONCURRENT });
  });

  it('commits the record with the caller\'s transaction: a rolled-back append leaves no gap', async () => {
    const before = await log.head();
    await expect(
      ds.transaction(async (m) => {
        await log.append(m, input(1000));
        throw new Error('audited change failed');
      }),
    ).rejects.toThrow('audited change failed');
    await expect(log.head()).resolves.toEqual(before);
    const r = await ds.transaction((m) => log.append(m, input(1001)));
    expect(r.seq).toBe(before.seq + 1n);
    expect(r.prevHash).toBe(before.hash);
  });

  it('refuses an EntityManager outside a transaction (the lock would not hold)', async () => {
    await expect(log.append(ds.manager, input(0))).rejects.toThrow(/inside a transaction/);
  });

  it('verifies a tail from fromSeq, anchored on the stored hash before it', async () => {
    const head = await log.head();
    await expect(log.verify({ fromSeq: 150n, batch: 16 })).resolves.toEqual({ ok: true, count: Number(head.seq - 149n), headSeq: head.seq, headHash: head.hash });
    await expect(log.verify({ fromSeq: head.seq + 1n, batch: 16 })).resolves.toMatchObject({ ok: true, count: 0, headHash: head.hash });
  });

  describe('the append-only trigger', () => {
    it('refuses UPDATE, DELETE and TRUNCATE even for a superuser that does not bypass triggers', async () => {
      await expect(ds.query(`UPDATE audit_log SET actor = 'mallory' WHERE seq = 1`)).rejects.toThrow(/append-only: UPDATE refused/);
      await expect(ds.query(`DELETE FROM audit_log WHERE seq = 1`)).rejects.toThrow(/append-only: DELETE refused/);
      await expect(ds.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only: TRUNCATE refused/);
    });

    it('refuses UPDATE and DELETE for a non-superuser role that was (wrongly) granted them', async () => {
      await expect(asRole(sloppyRole, (m) => m.query(`UPDATE audit_log SET actor = 'mallory' WHERE seq = 1`))).rejects.toThrow(/append-only: UPDATE refused/);
      await expect(asRole(sloppyRole, (m) => m.query(`DELETE FROM audit_log WHERE seq = 1`))).rejects.toThrow(/append-only: DELETE refused/);
      // Bypassing triggers is a superuser setting.
      await expect(asRole(sloppyRole, (m) => m.query(`SET LOCAL session_replication_role = replica`))).rejects.toThrow(/permission denied/);
      await expect(asRole(sloppyRole, (m) => m.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete`))).rejects.toThrow(/must be owner/);
    });

    it('lets the service role (auditLogGrantsSql) append and read, and nothing else', async () => {
      const before = await log.head();
      const r = await asRole(serviceRole, (m) => log.append(m, input(2000)));
      expect(r.seq).toBe(before.seq + 1n);
      await expect(asRole(serviceRole, (m) => m.query(`UPDATE audit_log SET actor = 'mallory' WHERE seq = 1`))).rejects.toThrow(/permission denied/);
      await expect(asRole(serviceRole, (m) => m.query(`DELETE FROM audit_log WHERE seq = 1`))).rejects.toThrow(/permission denied/);
      await expect(asRole(serviceRole, (m) => m.query(`TRUNCATE audit_log`))).rejects.toThrow(/permission denied/);
      await expect(log.verify({ batch: 64 })).resolves.toMatchObject({ ok: true, headSeq: r.seq });
    });
  });

  describe('tampering by a superuser that bypasses the trigger', () => {
    const SEQ = 137n;
    let original: AuditRecord;
    let originalDetails: string;

    beforeAll(async () => {
      original = (await log.list(SEQ - 1n, 1))[0]!;
      originalDetails = (await ds.query<{ details: string }[]>(`SELECT details FROM audit_log WHERE seq = $1`, [SEQ.toString()]))[0]!.details;
    });

    afterEach(async () => {
      // Put the original row back, so each case starts from an intact chain.
      await asSuperuserBypassingTriggers(`DELETE FROM audit_log WHERE seq = $1`, [SEQ.toString()]);
      await asSuperuserBypassingTriggers(
        `INSERT INTO audit_log (seq, at_ms, actor, action, subject_type, subject_id, origin, details, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, decode($9, 'hex'), decode($10, 'hex'))`,
        [SEQ.toString(), original.atMs, original.actor, original.action, original.subjectType, original.subjectId, original.origin, originalDetails, original.prevHash, original.hash],
      );
      await expect(log.verify({ batch: 50 })).resolves.toMatchObject({ ok: true });
    });

    it('an UPDATE of one record\'s details: HASH_MISMATCH at exactly that seq', async () => {
      await asSuperuserBypassingTriggers(`UPDATE audit_log SET details = '{"amountMinor":1}' WHERE seq = $1`, [SEQ.toString()]);
      await expect(log.verify({ batch: 50 })).resolves.toMatchObject({ ok: false, brokenAt: SEQ, reason: 'HASH_MISMATCH' });
      // Verifying only the tail from after the edit misses it: anchor the head hash (README).
      await expect(log.verify({ fromSeq: SEQ + 1n, batch: 50 })).resolves.toMatchObject({ ok: true });
    });

    it('an UPDATE that also recomputes the hash: PREV_HASH_MISMATCH at the next seq', async () => {
      const forged = { ...original, details: { forged: true } };
      await asSuperuserBypassingTriggers(`UPDATE audit_log SET details = '{"forged":true}', hash = decode($2, 'hex') WHERE seq = $1`, [SEQ.toString(), recordHash(forged)]);
      await expect(log.verify({ batch: 50 })).resolves.toMatchObject({ ok: false, brokenAt: SEQ + 1n, reason: 'PREV_HASH_MISMATCH' });
    });

    it('a DELETE: SEQ_GAP at the deleted seq', async () => {
      await asSuperuserBypassingTriggers(`DELETE FROM audit_log WHERE seq = $1`, [SEQ.toString()]);
      await expect(log.verify({ batch: 50 })).resolves.toMatchObject({ ok: false, brokenAt: SEQ, reason: 'SEQ_GAP' });
      await expect(log.verify({ fromSeq: SEQ + 1n, batch: 50 })).resolves.toMatchObject({ ok: false, brokenAt: SEQ, reason: 'SEQ_GAP' });
    });

    it('details that are not canonical JSON: MALFORMED at that seq', async () => {
      await asSuperuserBypassingTriggers(`UPDATE audit_log SET details = $2 WHERE seq = $1`, [SEQ.toString(), originalDetails.replace(/^\{/, '{ ')]);
      await expect(log.verify({ batch: 50 })).resolves.toMatchObject({ ok: false, brokenAt: SEQ, reason: 'MALFORMED' });
    });
  });
});
