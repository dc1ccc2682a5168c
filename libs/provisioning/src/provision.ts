import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { provisionPostgresBus, type AclRule } from '#libs/bus';
import { allNodes, busSchemaOf, sqlName, type NodeLocation, type SubnetSpec, type Topology } from '#libs/config';
import { topics } from '#libs/contracts';
import { ensureDatabase } from '#libs/persistence';
import { pkiPaths } from '#libs/identity';

export const SERVICE_DATABASE = 'datanet';
export const BUS_DATABASE = 'datanet_bus';

export interface ProvisionOptions {
  readonly topology: Topology;
  /** Superuser URL of the server's maintenance database (`postgres`). */
  readonly adminUrl: string;
  /** Secrets tree from bootstrapPki: <nodeId>/db.password. */
  readonly secretsDir: string;
}

export interface NodeConnection {
  readonly databaseUrl: string;
  readonly busDatabaseUrl: string;
}

/**
 * Data ownership, made physical (docs/architecture.md): every node gets its own
 * login role and its own schema in the service database, owned by that role and
 * unreadable by the others; every subnet gets its own bus schema in the bus
 * database, reachable only through the bus functions and their ACL. Idempotent.
 */
export async function provisionNetwork(o: ProvisionOptions): Promise<Map<string, NodeConnection>> {
  await ensureDatabase(o.adminUrl, SERVICE_DATABASE);
  if (o.topology.bus.adapter === 'postgres') await ensureDatabase(o.adminUrl, BUS_DATABASE);
  const passwords = new Map<string, string>();
  for (const node of allNodes(o.topology)) passwords.set(node.id, (await readFile(pkiPaths(join(o.secretsDir, node.id)).dbPassword, 'utf8')).trim());

  const serviceUrl = withDatabase(o.adminUrl, SERVICE_DATABASE);
  const client = new pg.Client({ connectionString: serviceUrl });
  await client.connect();
  try {
    await client.query(`REVOKE ALL ON DATABASE ${SERVICE_DATABASE} FROM PUBLIC`);
    await client.query(`REVOKE ALL ON SCHEMA public FROM PUBLIC`);
    for (const node of allNodes(o.topology)) await ensureServiceRole(client, sqlName(node.id), passwords.get(node.id) ?? '');
  } finally {
    await client.end();
  }

  if (o.topology.bus.adapter === 'postgres') {
    for (const subnet of o.topology.subnets) {
      await provisionPostgresBus(withDatabase(o.adminUrl, BUS_DATABASE), busSchemaOf(subnet), {
        principals: busPrincipals(o.topology, subnet).map((n) => ({ name: sqlName(n.id), password: passwords.get(n.id) ?? '' })),
        acl: busAcl(o.topology, subnet),
        defaultPartitions: o.topology.bus.partitions,
        maxMessageBytes: o.topology.bus.maxMessageBytes,
      });
    }
  }
  const out = new Map<string, NodeConnection>();
  for (const node of allNodes(o.topology)) {
    const role = sqlName(node.id);
    const pw = passwords.get(node.id) ?? '';
    out.set(node.id, { databaseUrl: withCredentials(withDatabase(o.adminUrl, SERVICE_DATABASE), role, pw), busDatabaseUrl: withCredentials(withDatabase(o.adminUrl, BUS_DATABASE), role, pw) });
  }
  return out;
}

async function ensureServiceRole(client: pg.Client, role: string, password: string): Promise<void> {
  const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  // Identifiers come from validated node ids (lowercase, digits, underscores); the password is a literal.
  const pw = client.escapeLiteral(password);
  await client.query(exists.rowCount ? `ALTER ROLE ${role} LOGIN PASSWORD ${pw} CONNECTION LIMIT 40` : `CREATE ROLE ${role} LOGIN PASSWORD ${pw} CONNECTION LIMIT 40`);
  await client.query(`GRANT CONNECT ON DATABASE ${SERVICE_DATABASE} TO ${role}`);
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${role} AUTHORIZATION ${role}`);
  await client.query(`REVOKE ALL ON SCHEMA ${role} FROM PUBLIC`);
}

/** Who touches subnet `s`'s bus: its hub and participants, peer hubs (to forward), settlement it serves. */
export function busPrincipals(t: Topology, s: SubnetSpec): NodeLocation[] {
  return allNodes(t).filter((n) => n.subnet?.id === s.id || n.role === 'hub' || (n.role === 'settlement' && t.settlement.some((x) => x.id === n.id && x.hubs.includes(s.hub.id))));
}

/**
 * The provisioned ACL of subnet `s`'s bus (docs/bus.md). Participants get nothing
 * here: their hub grants them their inbox and its ingress when it admits them.
 */
export function busAcl(t: Topology, s: SubnetSpec): AclRule[] {
  const hub = sqlName(s.hub.id);
  const rules: AclRule[] = [
    { principal: hub, operation: 'read', topicPattern: topics.hubIngress(s.hub.id) },
    { principal: hub, operation: 'read', topicPattern: topics.hubPeer(s.hub.id) },
    { principal: hub, operation: 'write', topicPattern: topics.allInboxes },
    { principal: hub, operation: 'grant', topicPattern: topics.allInboxes },
    { principal: hub, operation: 'grant', topicPattern: topics.hubIngress(s.hub.id) },
  ];
  for (const peer of t.subnets) if (peer.id !== s.id) rules.push({ principal: sqlName(peer.hub.id), operation: 'write', topicPattern: topics.hubPeer(s.hub.id) });
  for (const x of t.settlement.filter((x) => x.hubs.includes(s.hub.id))) {
    rules.push({ principal: sqlName(x.id), operation: 'read', topicPattern: topics.inbox(x.id) });
    rules.push({ principal: sqlName(x.id), operation: 'write', topicPattern: topics.hubIngress(s.hub.id) });
  }
  return rules;
}

/** Rules a hub grants a participant at admission (and revokes at revocation). */
export function participantBusRules(hubId: string, participantId: string): AclRule[] {
  return [
    { principal: sqlName(participantId), operation: 'read', topicPattern: topics.inbox(participantId) },
    { principal: sqlName(participantId), operation: 'write', topicPattern: topics.hubIngress(hubId) },
  ];
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

function withCredentials(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  return u.toString();
}
