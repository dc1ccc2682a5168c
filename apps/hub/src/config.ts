import { z } from 'zod';
import { env, loadEnv, loadNodeConfig, type NodeConfig, type SubnetSpec } from '#libs/config';

const hubEnvSchema = z.object({
  /** Bearer token for operator endpoints; when unset they are open (embedded trials only). */
  DATANET_ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Postgres adapter: URL (as this hub's principal) of the database holding peer subnets' buses; default DATANET_BUS_DATABASE_URL. */
  DATANET_PEER_BUS_DATABASE_URL: env.postgresUrl().optional(),
  DATANET_CERT_VALIDITY_DAYS: env.positiveInt(3650).default(90),
});

export interface HubConfig extends NodeConfig {
  readonly subnet: SubnetSpec;
  readonly adminToken?: string;
  readonly peerBusDatabaseUrl?: string;
  readonly certValidityDays: number;
  readonly peers: readonly { readonly hubId: string; readonly subnetId: string; readonly url: string }[];
}

export function loadHubConfig(source: NodeJS.ProcessEnv): HubConfig {
  const base = loadNodeConfig('hub', source, 'hub');
  const e = loadEnv(hubEnvSchema, source, 'hub');
  const subnet = base.node.subnet;
  if (!subnet) throw new Error('hub without subnet');
  return {
    ...base,
    subnet,
    adminToken: e.DATANET_ADMIN_TOKEN,
    peerBusDatabaseUrl: e.DATANET_PEER_BUS_DATABASE_URL ?? base.bus.postgresUrl,
    certValidityDays: e.DATANET_CERT_VALIDITY_DAYS,
    peers: base.topology.subnets.filter((s) => s.id !== subnet.id).map((s) => ({ hubId: s.hub.id, subnetId: s.id, url: s.hub.url })),
  };
}
