import { DataSource, type EntityManager } from 'typeorm';
import { canonicalJson, type JsonValue } from './canonical-json.js';
import { AuditInputError, ChainVerifier, DEFAULT_AUDIT_LIMITS, GENESIS, nextRecord, type AuditInput, type AuditLimits, type AuditRecord, type ChainHead, type ChainVerification } from './chain.js';

/**
 * The audit table, created by the owning service's migration (like DEAD_LETTERS_DDL).
 * `details` is the canonical JSON text itself, byte for byte what was hashed (cast
 * to jsonb for queries); jsonb would re-encode it and reject U+0000 escapes.
 *
 * Append-only is enforced twice:
 * 1. privileges (the migration must run auditLogGrantsSql for the service role:
 *    the service may only INSERT and SELECT; UPDATE, DELETE, TRUNCATE revoked);
 * 2. triggers that raise on UPDATE, DELETE and TRUNCATE for every role, the owner
 *    and superusers included, unless triggers are bypassed, which needs superuser
 *    (session_replication_role = replica) or table ownership (ALTER TABLE ...
 *    DISABLE TRIGGER). What survives that is the hash chain: the rewrite is
 *    detectable unless the whole tail is rewritten, hence anchoring (README).
 *
 * UNIQUE (prev_hash) makes a fork impossible even if appends were not serialized.
 *
 * FROZEN: migrations that already ran embed this exact text. Never edit it; a
 * schema change is a new constant and a new migration.
 */
export const AUDIT_DDL = `
CREATE TABLE audit_log (
  seq bigint PRIMARY KEY CHECK (seq > 0),
  at_ms bigint NOT NULL CHECK (at_ms >= 0),
  actor text NOT NULL,
  action text NOT NULL,
  subject_type text NOT NULL,
  subject_id text NOT NULL,
  origin text NOT NULL,
  details text NOT NULL,
  prev_hash bytea NOT NULL UNIQUE CHECK (octet_length(prev_hash) = 32),
  hash bytea NOT NULL UNIQUE CHECK (octet_length(hash) = 32),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_subject ON audit_log (subject_type, subject_id, seq);
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
`;

export const AUDIT_DROP_DDL = `DROP TABLE audit_log; DROP FUNCTION audit_log_refuse_change();`;

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Privileges for the service role that appends (run by the migration, as the table
 * owner, when the service role is not the owner): it can add and read records,
 * never change or remove them. The owner role should not be the one the service
 * logs in with, or it could drop the triggers.
 */
export function auditLogGrantsSql(serviceRole: string): string {
  if (!ROLE_NAME.test(serviceRole)) throw new Error(`invalid role name: ${serviceRole}`);
  return `REVOKE ALL ON audit_log FROM PUBLIC;
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_log FROM ${serviceRole};
GRANT SELECT, INSERT ON audit_log TO ${serviceRole};`;
}

/**
 * Advisory lock namespace for appends ("audi"); the second key is the table's oid,
 * so two services' audit tables in one database never wait on each other.
 */
export const AUDIT_LOCK_CLASS = 0x61756469;
export const AUDIT_VERIFY_BATCH_MAX = 10_000;

interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

interface AuditRow {
  seq: string;
  at_ms: string;
  actor: string;
  action: string;
  subject_type: string;
  subject_id: string;
  origin: string;
  details: string;
  prev_hash: string;
  hash: string;
}

const SELECT_COLUMNS = `seq::text AS seq, at_ms::text AS at_ms, actor, action, subject_type, subject_id, origin, details,
                        encode(prev_hash, 'hex') AS prev_hash, encode(hash, 'hex') AS hash`;

export interface AuditVerifyOptions {
  /** Verify from this seq on, trusting the stored hash of fromSeq - 1 (compare it with a published anchor). Default 1. */
  readonly fromSeq?: bigint;
  /** Records read per query, 1..AUDIT_VERIFY_BATCH_MAX: memory stays bounded whatever the table size. */
  readonly batch: number;
}

/** The audit trail in the service's schema (table from AUDIT_DDL). */
export class PostgresAuditLog {
  constructor(
    private readonly ds: DataSource,
    private readonly limits: AuditLimits = DEFAULT_AUDIT_LIMITS,
  ) {}

  /**
   * Appends in the caller's transaction, so the record commits or rolls back with
   * the change it describes (a DataSource gets a transaction of its own). Appends
   * are serialized by an advisory lock held until that transaction ends: keep the
   * append late in the transaction. Use READ COMMITTED (the default); under
   * REPEATABLE READ a concurrent append makes this fail with a unique violation
   * (retry the transaction), never a fork.
   */
  async append(tx: EntityManager | DataSource, input: AuditInput): Promise<AuditRecord> {
    if (tx instanceof DataSource) return tx.transaction((m) => this.append(m, input));
    if (!tx.queryRunner?.isTransactionActive) throw new Error('audit append needs an EntityManager inside a transaction (the advisory lock is transaction-scoped)');
    // Separate statements on purpose: the head must be read with a snapshot taken
    // after the lock is granted, i.e. after the previous appender committed.
    await tx.query(`SELECT pg_advisory_xact_lock($1, 'audit_log'::regclass::oid::int)`, [AUDIT_LOCK_CLASS]);
    const record = nextRecord(await readHead(tx), input, this.limits);
    await tx.query(
      `INSERT INTO audit_log (seq, at_ms, actor, action, subject_type, subject_id, origin, details, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, decode($9, 'hex'), decode($10, 'hex'))`,
      [record.seq.toString(), record.atMs, record.actor, record.action, record.subjectType, record.subjectId, record.origin, canonicalJson(record.details), record.prevHash, record.hash],
    );
    return record;
  }

  /** The last committed record's seq and hash (GENESIS when empty): the value to publish as an anchor. */
  async head(): Promise<ChainHead> {
    return readHead(this.ds);
  }

  /** Records in seq order after `afterSeq`, at most `limit` (1..AUDIT_VERIFY_BATCH_MAX). */
  async list(afterSeq: bigint, limit: number): Promise<AuditRecord[]> {
    assertBatch(limit);
    const rows = await this.ds.query<AuditRow[]>(`SELECT ${SELECT_COLUMNS} FROM audit_log WHERE seq > $1 ORDER BY audit_log.seq LIMIT $2`, [afterSeq.toString(), limit]);
    return rows.map((r) => {
      const decoded = recordOfRow(r);
      if (typeof decoded === 'string') throw new Error(`audit record ${r.seq}: ${decoded}`);
      return decoded;
    });
  }

  /**
   * Recomputes the chain from `fromSeq` in bounded batches (keyset pagination on
   * seq) and reports the first broken link. A deleted row shows as SEQ_GAP at the
   * missing seq; an edited row as HASH_MISMATCH at its seq; an edited row whose
   * hash was recomputed as PREV_HASH_MISMATCH at the next seq.
   */
  async verify(options: AuditVerifyOptions): Promise<ChainVerification> {
    assertBatch(options.batch);
    const fromSeq = options.fromSeq ?? 1n;
    if (fromSeq < 1n) throw new AuditInputError('HEAD_INVALID', `fromSeq ${fromSeq}`);
    const anchor = await this.anchorBefore(fromSeq);
    if (!anchor) return { ok: false, brokenAt: fromSeq - 1n, reason: 'SEQ_GAP', detail: `record ${fromSeq - 1n} (the anchor of fromSeq ${fromSeq}) is missing` };
    const verifier = new ChainVerifier(anchor);
    let after = anchor.seq;
    for (;;) {
      const rows = await this.ds.query<AuditRow[]>(`SELECT ${SELECT_COLUMNS} FROM audit_log WHERE seq > $1 ORDER BY audit_log.seq LIMIT $2`, [after.toString(), options.batch]);
      for (const row of rows) {
        const decoded = recordOfRow(row);
        const intact = typeof decoded === 'string' ? verifier.reject(BigInt(row.seq), decoded) : verifier.push(decoded);
        if (!intact) return verifier.result();
        after = BigInt(row.seq);
      }
      if (rows.length < options.batch) return verifier.result();
    }
  }

  private async anchorBefore(fromSeq: bigint): Promise<ChainHead | null> {
    if (fromSeq === 1n) return GENESIS;
    const rows = await this.ds.query<{ hash: string }[]>(`SELECT encode(hash, 'hex') AS hash FROM audit_log WHERE seq = $1`, [(fromSeq - 1n).toString()]);
    return rows[0] ? { seq: fromSeq - 1n, hash: rows[0].hash } : null;
  }
}

function assertBatch(batch: number): void {
  if (!Number.isSafeInteger(batch) || batch < 1 || batch > AUDIT_VERIFY_BATCH_MAX) throw new Error(`batch must be 1..${AUDIT_VERIFY_BATCH_MAX}, got ${batch}`);
}

// `ORDER BY audit_log.seq`, qualified: a bare `seq` would bind to the `seq::text`
// output column and order "9" after "10", forking the chain at seq 10.
async function readHead(q: Queryable): Promise<ChainHead> {
  const rows = (await q.query(`SELECT seq::text AS seq, encode(hash, 'hex') AS hash FROM audit_log ORDER BY audit_log.seq DESC LIMIT 1`)) as { seq: string; hash: string }[];
  return rows[0] ? { seq: BigInt(rows[0].seq), hash: rows[0].hash } : GENESIS;
}

/** A stored row as a record, or why it cannot be one (details not parsable or not in canonical form). */
function recordOfRow(r: AuditRow): AuditRecord | string {
  let details: JsonValue;
  try {
    details = JSON.parse(r.details) as JsonValue;
    if (canonicalJson(details) !== r.details) return 'details are not in canonical form';
  } catch (e) {
    return `details: ${e instanceof Error ? e.message : String(e)}`;
  }
  return {
    seq: BigInt(r.seq),
    atMs: Number(r.at_ms),
    actor: r.actor,
    action: r.action,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    origin: r.origin,
    details,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}
