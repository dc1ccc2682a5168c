/**
 * Provisioning of a postgres bus, run as a superuser (or the schema owner with
 * CREATEROLE): schema, tables, functions, principals' login roles, grants and the
 * ACL. Idempotent and serialized by an advisory lock, so every service may run it
 * on start.
 */
import pg from 'pg';
import { assertPartitionCount } from '../internal/validate.js';
import { BusErrorCode, type AclRule, type DenialRecord } from '../port.js';
import { assertIdentifier, BUS_API_FUNCTIONS, busSchemaStatements } from './sql.js';

export interface BusPrincipal {
  readonly name: string;
  readonly password: string;
}

export interface ProvisionPostgresBusOptions {
  readonly principals: readonly BusPrincipal[];
  /** Replaces the provisioned ACL rows (rows added at run time by bus_grant or grantBusAccess stay). */
  readonly acl: readonly AclRule[];
  readonly defaultPartitions: number;
  readonly maxMessageBytes: number;
}

/** Serializes concurrent provisioning runs (roles are cluster-wide, so one key for all schemas). */
const PROVISION_LOCK_KEY = 0x6275735f70726f76n; // "bus_prov"

export async function provisionPostgresBus(adminUrl: string, schema: string, options: ProvisionPostgresBusOptions): Promise<void> {
  assertIdentifier('schema', schema);
  for (const p of options.principals) assertIdentifier('principal', p.name);
  assertPartitionCount(options.defaultPartitions);
  if (!Number.isInteger(options.maxMessageBytes) || options.maxMessageBytes < 1) throw new RangeError('maxMessageBytes must be a positive integer');
  const s = `"${schema}"`;
  await withAdminTransaction(adminUrl, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [PROVISION_LOCK_KEY.toString()]);
    for (const statement of busSchemaStatements(schema)) await client.query(statement);
    await client.query(
      `INSERT INTO ${s}.config (id, max_message_bytes, default_partitions) VALUES (true, $1, $2)
       ON CONFLICT (id) DO UPDATE SET max_message_bytes = EXCLUDED.max_message_bytes, default_partitions = EXCLUDED.default_partitions`,
      [options.maxMessageBytes, options.defaultPartitions],
    );
    for (const principal of options.principals) await ensureLoginRole(client, principal);
    for (const principal of options.principals) await grantApi(client, schema, principal.name);
    await client.query(`DELETE FROM ${s}.acl WHERE source = 'provisioned'`);
    await insertAcl(client, schema, options.acl, 'provisioned');
  });
}

/** Adds ACL rows at run time (as an administrator). */
export async function grantBusAccess(adminUrl: string, schema: string, entries: readonly AclRule[]): Promise<void> {
  assertIdentifier('schema', schema);
  await withAdminTransaction(adminUrl, (client) => insertAcl(client, schema, entries, 'admin'));
}

/** Removes ACL rows at run time, whoever added them. */
export async function revokeBusAccess(adminUrl: string, schema: string, entries: readonly AclRule[]): Promise<void> {
  assertIdentifier('schema', schema);
  await withAdminTransaction(adminUrl, async (client) => {
    for (const e of entries) {
      await client.query(`DELETE FROM "${schema}".acl WHERE principal = $1 AND operation = $2 AND topic_pattern = $3`, [e.principal, e.operation, e.topicPattern]);
    }
  });
}

export const DENIALS_DEFAULT_LIMIT = 1_000;

/** The bus' denial records (dead letters), newest first. */
export async function listBusDenials(adminUrl: string, schema: string, limit = DENIALS_DEFAULT_LIMIT): Promise<DenialRecord[]> {
  assertIdentifier('schema', schema);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ principal: string; operation: DenialRecord['operation']; topic: string; reason_code: string; detail: string; at_ms: string }>(
      `SELECT principal, operation, topic, reason_code, detail, (extract(epoch FROM at) * 1000)::bigint AS at_ms
       FROM "${schema}".denials ORDER BY id DESC LIMIT $1`,
      [limit],
    );
    return rows.map((r) => ({
      principal: r.principal,
      operation: r.operation,
      topic: r.topic,
      reasonCode: r.reason_code === BusErrorCode.MessageTooLarge ? BusErrorCode.MessageTooLarge : BusErrorCode.AccessDenied,
      detail: r.detail,
      atMs: Number(r.at_ms),
    }));
  } finally {
    await client.end();
  }
}

/** Drops the bus schema and, optionally, login roles (tests; decommissioning). */
export async function dropPostgresBus(adminUrl: string, schema: string, options: { readonly dropRoles?: readonly string[] } = {}): Promise<void> {
  assertIdentifier('schema', schema);
  for (const role of options.dropRoles ?? []) assertIdentifier('principal', role);
  await withAdminTransaction(adminUrl, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [PROVISION_LOCK_KEY.toString()]);
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    for (const role of options.dropRoles ?? []) {
      // A role other databases or schemas still use cannot be dropped; that is fine.
      await client.query('SAVEPOINT drop_role');
      try {
        await client.query(`DROP ROLE IF EXISTS "${role}"`);
        await client.query('RELEASE SAVEPOINT drop_role');
      } catch {
        await client.query('ROLLBACK TO SAVEPOINT drop_role');
      }
    }
  });
}

async function ensureLoginRole(client: pg.Client, principal: BusPrincipal): Promise<void> {
  const found = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [principal.name]);
  const password = client.escapeLiteral(principal.password);
  // Utility statements take no bind parameters: the name is validated, the password escaped.
  if (found.rowCount === 0) await client.query(`CREATE ROLE "${principal.name}" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${password}`);
  else await client.query(`ALTER ROLE "${principal.name}" WITH LOGIN PASSWORD ${password}`);
}

async function grantApi(client: pg.Client, schema: string, role: string): Promise<void> {
  await client.query(`GRANT USAGE ON SCHEMA "${schema}" TO "${role}"`);
  for (const fn of BUS_API_FUNCTIONS) await client.query(`GRANT EXECUTE ON FUNCTION "${schema}".${fn} TO "${role}"`);
}

async function insertAcl(client: pg.Client, schema: string, entries: readonly AclRule[], source: 'provisioned' | 'admin'): Promise<void> {
  for (const e of entries) {
    await client.query(
      `INSERT INTO "${schema}".acl (principal, operation, topic_pattern, source) VALUES ($1, $2, $3, $4)
       ON CONFLICT (principal, operation, topic_pattern) DO UPDATE SET source = EXCLUDED.source`,
      [e.principal, e.operation, e.topicPattern, source],
    );
  }
}

async function withAdminTransaction<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl, application_name: 'datanet-bus-provision' });
  await client.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
