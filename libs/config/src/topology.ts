import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

/**
 * The network topology file (docs/topology.md documents it). One file describes
 * the subnets, their hubs and participants, and the settlement services; the
 * launcher and every service read the same file, so they cannot disagree.
 *
 * Node ids become PostgreSQL role names, bus topic segments and certificate CNs,
 * hence the strict alphabet.
 */
export const NODE_ID = /^[a-z][a-z0-9-]{0,40}$/;

const nodeId = z.string().regex(NODE_ID, 'node ids are lowercase letters, digits and dashes, starting with a letter, at most 41 chars');
const url = z.url({ protocol: /^https?$/ });

const participantSchema = z.strictObject({
  id: nodeId,
  url,
  /** Security level the operator vouches for (1-3); used by security-aware scheduling. */
  securityLevel: z.number().int().min(1).max(3).default(1),
});

const hubSchema = z.strictObject({ id: nodeId, url });

const subnetSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9]{0,15}$/, 'subnet ids are lowercase letters and digits, at most 16 chars'),
  hub: hubSchema,
  participants: z.array(participantSchema).max(10_000),
  /** Kafka brokers of this subnet's bus when the adapter is kafka; default: bus.kafkaBrokers. */
  kafkaBrokers: z.array(z.string().min(1)).optional(),
});

const settlementSchema = z.strictObject({
  id: nodeId,
  url,
  /** Hubs whose buses this data exchange settles. */
  hubs: z.array(nodeId).min(1),
});

export const topologySchema = z
  .strictObject({
    version: z.literal(1),
    network: z.string().min(1).max(64),
    bus: z.strictObject({
      adapter: z.enum(['postgres', 'kafka', 'memory']).default('postgres'),
      partitions: z.number().int().min(1).max(256).default(4),
      maxMessageBytes: z.number().int().min(1024).max(16 * 1024 * 1024).default(1024 * 1024),
      kafkaBrokers: z.array(z.string().min(1)).optional(),
    }),
    envelope: z
      .strictObject({
        /** Longest lifetime a sender may give an envelope; also the hub's replay-window length. */
        maxTtlSeconds: z.number().int().min(1).max(3600).default(300),
        /** Tolerated clock skew between nodes. */
        clockSkewSeconds: z.number().int().min(0).max(300).default(30),
      })
      .default({ maxTtlSeconds: 300, clockSkewSeconds: 30 }),
    subnets: z.array(subnetSchema).min(1).max(1000),
    settlement: z.array(settlementSchema).max(100).default([]),
  })
  .superRefine((t, ctx) => {
    const seen = new Set<string>();
    const ids = [
      ...t.subnets.flatMap((s) => [s.hub.id, ...s.participants.map((p) => p.id)]),
      ...t.settlement.map((s) => s.id),
    ];
    for (const id of ids) {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', message: `node id ${id} is used twice` });
      seen.add(id);
    }
    const subnetIds = new Set<string>();
    for (const s of t.subnets) {
      if (subnetIds.has(s.id)) ctx.addIssue({ code: 'custom', message: `subnet id ${s.id} is used twice` });
      subnetIds.add(s.id);
    }
    const hubs = new Set(t.subnets.map((s) => s.hub.id));
    for (const s of t.settlement)
      for (const h of s.hubs) if (!hubs.has(h)) ctx.addIssue({ code: 'custom', message: `settlement ${s.id} names unknown hub ${h}` });
    if (t.bus.adapter === 'kafka' && !t.bus.kafkaBrokers && t.subnets.some((s) => !s.kafkaBrokers))
      ctx.addIssue({ code: 'custom', message: 'bus.adapter kafka needs bus.kafkaBrokers or kafkaBrokers on every subnet' });
  });

export type Topology = z.infer<typeof topologySchema>;
export type SubnetSpec = Topology['subnets'][number];
export type ParticipantSpec = SubnetSpec['participants'][number];
export type HubSpec = SubnetSpec['hub'];
export type SettlementSpec = Topology['settlement'][number];

export type NodeRole = 'hub' | 'participant' | 'settlement';
export interface NodeLocation {
  readonly id: string;
  readonly role: NodeRole;
  readonly url: string;
  /** Subnet of a hub or participant; undefined for settlement. */
  readonly subnet?: SubnetSpec;
}

export class TopologyError extends Error {
  override name = 'TopologyError';
}

export function parseTopology(text: string, source = 'topology'): Topology {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (e) {
    throw new TopologyError(`${source}: not valid YAML/JSON: ${(e as Error).message}`);
  }
  const result = topologySchema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new TopologyError(`${source} is invalid:\n${lines.join('\n')}`);
  }
  return result.data;
}

export function loadTopology(path: string): Topology {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new TopologyError(`cannot read topology file ${path}: ${(e as Error).message}`);
  }
  return parseTopology(text, path);
}

export function findNode(t: Topology, id: string): NodeLocation | undefined {
  for (const subnet of t.subnets) {
    if (subnet.hub.id === id) return { id, role: 'hub', url: subnet.hub.url, subnet };
    const p = subnet.participants.find((x) => x.id === id);
    if (p) return { id, role: 'participant', url: p.url, subnet };
  }
  const s = t.settlement.find((x) => x.id === id);
  return s ? { id, role: 'settlement', url: s.url } : undefined;
}

export function subnetOfHub(t: Topology, hubId: string): SubnetSpec | undefined {
  return t.subnets.find((s) => s.hub.id === hubId);
}

/** Every node id, in a stable order (hubs, their participants, then settlement). */
export function allNodes(t: Topology): NodeLocation[] {
  const out: NodeLocation[] = [];
  for (const subnet of t.subnets) {
    out.push({ id: subnet.hub.id, role: 'hub', url: subnet.hub.url, subnet });
    for (const p of subnet.participants) out.push({ id: p.id, role: 'participant', url: p.url, subnet });
  }
  for (const s of t.settlement) out.push({ id: s.id, role: 'settlement', url: s.url });
  return out;
}

/** PostgreSQL identifiers cannot hold dashes: node `hub-a` is role/schema `hub_a`. */
export function sqlName(id: string): string {
  return id.replace(/-/g, '_');
}

/** The bus of a subnet lives in schema `bus_<subnet>` (postgres adapter). */
export function busSchemaOf(subnet: SubnetSpec): string {
  return `bus_${subnet.id}`;
}
