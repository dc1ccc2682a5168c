import { loadNodeConfig, type NodeConfig, type SettlementSpec } from '#libs/config';

export interface SettlementConfig extends NodeConfig {
  readonly spec: SettlementSpec;
  /** Subnets whose buses this data exchange reads (one per hub it settles). */
  readonly served: readonly { readonly hubId: string; readonly subnetId: string }[];
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
  return { ...base, spec, served };
}
