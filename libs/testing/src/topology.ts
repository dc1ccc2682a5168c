import type { Topology } from '#libs/config';
import { freePort } from '#libs/persistence';

/**
 * A topology like the embedded one, on free ports, for tests and benchmarks that
 * must not collide with a network already running on this machine.
 */
export async function freshTopology(network: string, layout: Record<string, string[]> = { a: ['a1', 'a2'], b: ['b1', 'b2'] }, settlement = true): Promise<Topology> {
  const url = async (): Promise<string> => `http://127.0.0.1:${await freePort()}`;
  const subnets: Topology['subnets'] = [];
  for (const [id, participants] of Object.entries(layout)) {
    const ps: Topology['subnets'][number]['participants'] = [];
    for (const pid of participants) ps.push({ id: pid, url: await url(), securityLevel: 1 });
    subnets.push({ id, hub: { id: `hub-${id}`, url: await url() }, participants: ps });
  }
  return {
    version: 1,
    network,
    bus: { adapter: 'postgres', partitions: 4, maxMessageBytes: 1024 * 1024 },
    envelope: { maxTtlSeconds: 300, clockSkewSeconds: 30 },
    subnets,
    settlement: settlement ? [{ id: 'exchange', url: await url(), hubs: subnets.map((s) => s.hub.id) }] : [],
  };
}
