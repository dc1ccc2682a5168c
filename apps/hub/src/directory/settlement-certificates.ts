import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Topology } from '#libs/config';
import { verifyChain } from '#libs/crypto';
import { pkiPaths } from '#libs/identity';

/** The settlement services (data exchanges) a hub serves: topology `settlement[].hubs` names the hub. */
export function servedSettlementIds(topology: Pick<Topology, 'settlement'>, hubId: string): ReadonlySet<string> {
  return new Set(topology.settlement.filter((s) => s.hubs.includes(hubId)).map((s) => s.id));
}

export interface SettlementCertificate {
  readonly nodeId: string;
  readonly keyAgreementCertPem: string;
  readonly keyAgreementKey: KeyObject;
  readonly notAfter: Date;
}

/** A verified certificate is re-read this often (a rotated one is picked up without a restart). */
const REFRESH_MS = 10 * 60_000;

/**
 * Key-agreement certificates of the settlement services this hub serves, from
 * the hub's PKI dir (`peers/<id>.kex.crt`, placed by PKI bootstrap). Each is
 * checked against the network CA as a settlement certificate of that node,
 * issued by the CA itself (no hub intermediate: hubs do not admit exchanges).
 * Shared by whatever needs them: the directory answers with them, and the
 * lease delivery can seal leases with them.
 */
export class SettlementCertificates {
  private readonly served: ReadonlySet<string>;
  private readonly cache = new Map<string, { cert: SettlementCertificate; atMs: number }>();
  private caCertPem: string | undefined;

  constructor(private readonly o: { readonly hubId: string; readonly topology: Pick<Topology, 'settlement'>; readonly pkiDir: string; readonly caCertPem?: string }) {
    this.served = servedSettlementIds(o.topology, o.hubId);
    this.caCertPem = o.caCertPem;
  }

  serves(nodeId: string): boolean {
    return this.served.has(nodeId);
  }

  /**
   * The verified certificate of a served settlement service; undefined when this
   * hub does not serve it. Throws when it is served but its certificate is
   * missing or does not verify (a broken PKI dir is the hub's fault, not "unknown").
   */
  async certificateOf(nodeId: string, now = new Date()): Promise<SettlementCertificate | undefined> {
    if (!this.served.has(nodeId)) return undefined;
    const hit = this.cache.get(nodeId);
    if (hit && now.getTime() - hit.atMs < REFRESH_MS && now < hit.cert.notAfter) return hit.cert;
    const pem = await readFile(join(this.o.pkiDir, 'peers', `${nodeId}.kex.crt`), 'utf8');
    this.caCertPem ??= await readFile(pkiPaths(this.o.pkiDir).caCert, 'utf8');
    const r = await verifyChain({ leafPem: pem, intermediatesPem: [], trustAnchorPem: this.caCertPem, at: now, expectedUsage: 'key-agreement', expectedRole: 'settlement' });
    if (!r.ok) throw new Error(`settlement certificate of ${nodeId} does not verify: ${r.code} ${r.detail}`);
    if (r.nodeId !== nodeId) throw new Error(`settlement certificate in ${nodeId}.kex.crt is ${r.nodeId}'s`);
    const cert: SettlementCertificate = { nodeId, keyAgreementCertPem: pem, keyAgreementKey: createPublicKey(pem), notAfter: r.notAfter };
    this.cache.set(nodeId, { cert, atMs: now.getTime() });
    return cert;
  }
}
