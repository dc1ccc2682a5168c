import { z } from 'zod';
import { ConfigError, env, loadEnv } from './env.js';
import { findNode, loadTopology, sqlName, type NodeLocation, type NodeRole, type Topology } from './topology.js';

/** Variables every service reads (docs/configuration.md lists them). */
export const baseEnvSchema = z.object({
  DATANET_NODE_ID: env.nodeId(),
  DATANET_TOPOLOGY_FILE: z.string().min(1, 'must be the path of the topology file'),
  DATANET_DATABASE_URL: env.postgresUrl(),
  DATANET_DB_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/).optional(),
  DATANET_BUS_ADAPTER: z.enum(['postgres', 'kafka', 'memory']).optional(),
  DATANET_BUS_DATABASE_URL: env.postgresUrl().optional(),
  DATANET_KAFKA_BROKERS: env.csv().optional(),
  DATANET_PKI_DIR: z.string().min(1, 'must be the directory holding ca.crt and this node\'s keys'),
  DATANET_HTTP_HOST: z.string().min(1).default('127.0.0.1'),
  DATANET_HTTP_PORT: env.port().optional(),
  DATANET_LOG_LEVEL: env.logLevel(),
  DATANET_MAX_MESSAGE_BYTES: env.positiveInt(16 * 1024 * 1024).optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
});
export type BaseEnv = z.infer<typeof baseEnvSchema>;

export interface BusSettings {
  readonly adapter: 'postgres' | 'kafka' | 'memory';
  readonly principal: string;
  readonly maxMessageBytes: number;
  readonly partitions: number;
  readonly postgresUrl?: string;
  readonly kafkaBrokers?: readonly string[];
}

export interface NodeConfig {
  readonly nodeId: string;
  readonly role: NodeRole;
  readonly node: NodeLocation;
  readonly topology: Topology;
  readonly databaseUrl: string;
  readonly dbSchema: string;
  readonly bus: BusSettings;
  readonly pkiDir: string;
  readonly http: { readonly host: string; readonly port: number };
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error';
  readonly otlpEndpoint?: string;
}

/**
 * Loads what every service needs and checks it against the topology: the node
 * must exist there with the expected role, and the bus variables must match the
 * adapter. Throws ConfigError naming the bad variable.
 */
export function loadNodeConfig(role: NodeRole, source: NodeJS.ProcessEnv, service: string): NodeConfig {
  const e = loadEnv(baseEnvSchema, source, service);
  const topology = loadTopology(e.DATANET_TOPOLOGY_FILE);
  const node = findNode(topology, e.DATANET_NODE_ID);
  if (!node) throw new ConfigError(`${service}: invalid configuration:\n  DATANET_NODE_ID: ${e.DATANET_NODE_ID} is not in ${e.DATANET_TOPOLOGY_FILE}`);
  if (node.role !== role)
    throw new ConfigError(`${service}: invalid configuration:\n  DATANET_NODE_ID: ${e.DATANET_NODE_ID} is a ${node.role} in the topology, not a ${role}`);
  const adapter = e.DATANET_BUS_ADAPTER ?? topology.bus.adapter;
  if (adapter === 'postgres' && !e.DATANET_BUS_DATABASE_URL)
    throw new ConfigError(`${service}: invalid configuration:\n  DATANET_BUS_DATABASE_URL: required with the postgres bus adapter (not set)`);
  const kafkaBrokers = e.DATANET_KAFKA_BROKERS ?? node.subnet?.kafkaBrokers ?? topology.bus.kafkaBrokers;
  if (adapter === 'kafka' && !kafkaBrokers)
    throw new ConfigError(`${service}: invalid configuration:\n  DATANET_KAFKA_BROKERS: required with the kafka bus adapter (not set, and the topology names none)`);
  return {
    nodeId: node.id,
    role,
    node,
    topology,
    databaseUrl: e.DATANET_DATABASE_URL,
    dbSchema: e.DATANET_DB_SCHEMA ?? sqlName(node.id),
    bus: {
      adapter,
      principal: sqlName(node.id),
      maxMessageBytes: e.DATANET_MAX_MESSAGE_BYTES ?? topology.bus.maxMessageBytes,
      partitions: topology.bus.partitions,
      postgresUrl: e.DATANET_BUS_DATABASE_URL,
      kafkaBrokers,
    },
    pkiDir: e.DATANET_PKI_DIR,
    http: { host: e.DATANET_HTTP_HOST, port: e.DATANET_HTTP_PORT ?? portOf(node.url) },
    logLevel: e.DATANET_LOG_LEVEL,
    otlpEndpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT,
  };
}

function portOf(url: string): number {
  const u = new URL(url);
  if (u.port) return Number(u.port);
  return u.protocol === 'https:' ? 443 : 80;
}
