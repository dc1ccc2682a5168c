import { KeyObject } from 'node:crypto';
import { verifyChain } from '#libs/crypto';
import type { RecipientKey } from '#libs/relay';

export type Resolution = { ok: true; recipient: RecipientKey; securityLevel: number } | { ok: false; code: 'NODE_UNKNOWN' | 'DIRECTORY_ENTRY_INVALID' | 'HUB_UNREACHABLE'; detail: string };

const TIMEOUT_MS = 5_000;
const CACHE_TTL_MS = 60_000;
const CACHE_MAX_ENTRIES = 10_000;

interface EntryJson {
  nodeId: string;
  hubId: string;
  securityLevel: number;
  keyAgreementCertPem: string;
  hubCertPem: string;
}

/**
 * Resolves a target's key-agreement key through this participant's own hub
 * (the only node it talks to), then checks the certificate chain against the
 * network CA itself: the hub is trusted to route, not to vouch for keys.
 */
export class DirectoryClient {
  private readonly cache = new Map<string, { r: Extract<Resolution, { ok: true }>; atMs: number }>();

  constructor(
    private readonly hubUrl: string,
    private readonly caCertPem: string,
  ) {}

  async resolve(nodeId: string): Promise<Resolution> {
    const hit = this.cache.get(nodeId);
    if (hit && Date.now() - hit.atMs < CACHE_TTL_MS) return hit.r;
    let res: Response;
    try {
      res = await fetch(`${this.hubUrl}/v1/directory/${encodeURIComponent(nodeId)}`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (e) {
      return { ok: false, code: 'HUB_UNREACHABLE', detail: (e as Error).message };
    }
    if (res.status === 404) return { ok: false, code: 'NODE_UNKNOWN', detail: `${nodeId} is not an admitted participant` };
    if (!res.ok) return { ok: false, code: 'HUB_UNREACHABLE', detail: `directory answered ${res.status}` };
    const entry = (await res.json()) as EntryJson;
    const chain = await verifyChain({ leafPem: entry.keyAgreementCertPem, intermediatesPem: [entry.hubCertPem], trustAnchorPem: this.caCertPem, at: new Date(), expectedUsage: 'key-agreement', expectedRole: 'participant' });
    if (!chain.ok) return { ok: false, code: 'DIRECTORY_ENTRY_INVALID', detail: `${chain.code}: ${chain.detail}` };
    if (chain.nodeId !== nodeId || chain.issuerId !== entry.hubId) return { ok: false, code: 'DIRECTORY_ENTRY_INVALID', detail: `certificate is ${chain.nodeId}'s issued by ${chain.issuerId}` };
    const r = { ok: true as const, recipient: { nodeId, hubId: entry.hubId, keyAgreementKey: KeyObject.from(chain.publicKey) }, securityLevel: entry.securityLevel };
    if (this.cache.size >= CACHE_MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value ?? '');
    this.cache.set(nodeId, { r, atMs: Date.now() });
    return r;
  }
}
