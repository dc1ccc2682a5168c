import { KeyObject } from 'node:crypto';
import { verifyChain, type VerifyChainResult } from '#libs/crypto';
import type { RecipientKey } from '#libs/relay';

export type Resolution =
  | { ok: true; recipient: RecipientKey; role: 'participant' | 'settlement'; securityLevel: number }
  | { ok: false; code: 'NODE_UNKNOWN' | 'DIRECTORY_ENTRY_INVALID' | 'HUB_UNREACHABLE'; detail: string };

const TIMEOUT_MS = 5_000;
const CACHE_TTL_MS = 60_000;
const CACHE_MAX_ENTRIES = 10_000;

interface EntryJson {
  nodeId?: unknown;
  hubId?: unknown;
  /** Absent in entries of hubs that predate settlement entries: a participant. */
  role?: unknown;
  securityLevel?: unknown;
  keyAgreementCertPem?: unknown;
  hubCertPem?: unknown;
}

export interface DirectoryClientOptions {
  /**
   * Settlement services of the network (topology `settlement[].id`): an entry for
   * one of these must be a settlement certificate, so a hub cannot answer with a
   * participant certificate it issued under that name.
   */
  readonly settlementIds?: Iterable<string>;
}

/**
 * Resolves a target's key-agreement key through this participant's own hub
 * (the only node it talks to), then checks the certificate chain against the
 * network CA itself: the hub is trusted to route, not to vouch for keys.
 * Participants' certificates chain through the hub that admitted them
 * (role participant, issued by the entry's hub); a settlement service's is
 * issued by the CA itself (role settlement, no intermediate), and the entry's
 * hub is the one that delivers to it.
 */
export class DirectoryClient {
  private readonly cache = new Map<string, { r: Extract<Resolution, { ok: true }>; atMs: number }>();
  private readonly settlementIds: ReadonlySet<string>;

  constructor(
    private readonly hubUrl: string,
    private readonly caCertPem: string,
    options: DirectoryClientOptions = {},
  ) {
    this.settlementIds = new Set(options.settlementIds ?? []);
  }

  async resolve(nodeId: string): Promise<Resolution> {
    const hit = this.cache.get(nodeId);
    if (hit && Date.now() - hit.atMs < CACHE_TTL_MS) return hit.r;
    let res: Response;
    let entry: EntryJson;
    try {
      res = await fetch(`${this.hubUrl}/v1/directory/${encodeURIComponent(nodeId)}`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
      if (res.status === 404) return { ok: false, code: 'NODE_UNKNOWN', detail: `${nodeId} is not an admitted participant or a settlement service reachable through this hub` };
      if (!res.ok) return { ok: false, code: 'HUB_UNREACHABLE', detail: `directory answered ${res.status}` };
      entry = (await res.json()) as EntryJson;
    } catch (e) {
      return { ok: false, code: 'HUB_UNREACHABLE', detail: (e as Error).message };
    }
    const r = await this.verify(nodeId, entry);
    if (!r.ok) return r;
    if (this.cache.size >= CACHE_MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value ?? '');
    this.cache.set(nodeId, { r, atMs: Date.now() });
    return r;
  }

  private async verify(nodeId: string, entry: EntryJson): Promise<Resolution> {
    const invalid = (detail: string): Resolution => ({ ok: false, code: 'DIRECTORY_ENTRY_INVALID', detail });
    if (typeof entry !== 'object' || entry === null) return invalid('not a directory entry');
    const role = entry.role ?? 'participant';
    if (role !== 'participant' && role !== 'settlement') return invalid(`unknown role ${JSON.stringify(role)?.slice(0, 40) ?? 'undefined'}`);
    if (this.settlementIds.has(nodeId) && role !== 'settlement') return invalid(`${nodeId} is a settlement service, the hub answered with a ${role}`);
    if (typeof entry.hubId !== 'string' || typeof entry.keyAgreementCertPem !== 'string') return invalid('hubId or keyAgreementCertPem missing');
    if (role === 'participant' && typeof entry.hubCertPem !== 'string') return invalid('hubCertPem missing');
    const common = { leafPem: entry.keyAgreementCertPem, trustAnchorPem: this.caCertPem, at: new Date(), expectedUsage: 'key-agreement' as const };
    let chain: VerifyChainResult;
    try {
      chain =
        role === 'participant'
          ? await verifyChain({ ...common, intermediatesPem: [entry.hubCertPem as string], expectedRole: 'participant' })
          : await verifyChain({ ...common, intermediatesPem: [], expectedRole: 'settlement' });
    } catch (e) {
      return invalid(`certificate does not parse: ${(e as Error).message}`);
    }
    if (!chain.ok) return invalid(`${chain.code}: ${chain.detail}`);
    if (chain.nodeId !== nodeId) return invalid(`certificate is ${chain.nodeId}'s`);
    // A participant's certificate is issued by its hub; a settlement's by the CA (no intermediate was offered, so the anchor issued it).
    if (role === 'participant' && chain.issuerId !== entry.hubId) return invalid(`certificate is ${chain.nodeId}'s issued by ${chain.issuerId}`);
    const securityLevel = role === 'participant' && typeof entry.securityLevel === 'number' ? entry.securityLevel : 0;
    return { ok: true, recipient: { nodeId, hubId: entry.hubId, keyAgreementKey: KeyObject.from(chain.publicKey) }, role, securityLevel };
  }
}
