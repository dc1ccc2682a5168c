import { z } from 'zod';
import { loadEnv, loadNodeConfig, type NodeConfig, type SettlementSpec } from '#libs/config';

const settlementEnvSchema = z.object({
  /** Bearer token for operator endpoints (deposits); when unset they are open (embedded trials only). */
  DATANET_ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Hub fees in basis points of metered usage, paid by the lessee, to the lessee's and the lessor's hub. */
  DATANET_LESSEE_HUB_FEE_BPS: z.coerce.number().int().min(0).max(10_000).default(100),
  DATANET_LESSOR_HUB_FEE_BPS: z.coerce.number().int().min(0).max(10_000).default(100),
});


export interface SettlementConfig extends NodeConfig {
  readonly spec: SettlementSpec;
  /** Subnets whose buses this data exchange reads (one per hub it settles). */
  readonly served: readonly { readonly hubId: string; readonly subnetId: string }[];
  readonly adminToken?: string;
  readonly fees: { readonly lesseeHubFeeBps: number; readonly lessorHubFeeBps: number };
}

export function loadSettlementConfig(source: NodeJS.ProcessEnv): SettlementConfig {
  const base = loadNodeConfig('settlement', source, 'settlement');
  const spec = base.topology.settlement.find((s) => s.id === base.nodeId);
  if (!spec) throw new Error('settlement missing from topology');
  const served = spec.hubs.map((hubId) => {
    const subnet = base.topology.subnets.find((s) => s.hub.id === hubId);
    if (!subnet) throw new Error(`unknown hub ${hubId}`);
    return { hubId, subnetId: subnet.id };
  });
  const e = loadEnv(settlementEnvSchema, source, 'settlement');
  return { ...base, spec, served, adminToken: e.DATANET_ADMIN_TOKEN, fees: { lesseeHubFeeBps: e.DATANET_LESSEE_HUB_FEE_BPS, lessorHubFeeBps: e.DATANET_LESSOR_HUB_FEE_BPS } };
}
