import type { HubConfig } from '../config.js';
import type { AdmissionService } from '../admission/admission.service.js';

export interface DirectoryEntryView {
  readonly nodeId: string;
  readonly hubId: string;
  readonly role: 'participant';
  readonly securityLevel: number;
  readonly signingCertPem: string;
  readonly keyAgreementCertPem: string;
  readonly hubCertPem: string;
}

const PEER_TIMEOUT_MS = 3_000;
const CACHE_TTL_MS = 60_000;
const CACHE_MAX_ENTRIES = 10_000;

/**
 * Addressing (patent fig. 1: hubs "aggregate information about their
 * participants and do addressing"): a participant asks only its own hub; the hub
 * answers for its own participants and asks the owning peer hub for others.
 * Callers verify the returned certificates against the network CA themselves, so
 * a lying hub cannot substitute a key without a CA-chained hub certificate.
 */
export class DirectoryService {
  private readonly cache = new Map<string, { entry: DirectoryEntryView; atMs: number }>();

  constructor(
    private readonly config: HubConfig,
    private readonly admission: AdmissionService,
  ) {}

  async lookup(nodeId: string, localOnly: boolean): Promise<DirectoryEntryView | undefined> {
    const local = this.config.subnet.participants.find((p) => p.id === nodeId);
    if (local) {
      const id = await this.admission.identityOf(nodeId);
      return id && { nodeId, hubId: this.config.nodeId, role: 'participant', securityLevel: local.securityLevel, signingCertPem: id.signingCertPem, keyAgreementCertPem: id.keyAgreementCertPem, hubCertPem: id.hubCertPem };
    }
    if (localOnly) return undefined;
    const owner = this.config.topology.subnets.find((s) => s.participants.some((p) => p.id === nodeId));
    if (!owner) return undefined;
    const cached = this.cache.get(nodeId);
    if (cached && Date.now() - cached.atMs < CACHE_TTL_MS) return cached.entry;
    const entry = await this.askPeer(owner.hub.url, nodeId);
    if (entry && entry.hubId === owner.hub.id && entry.nodeId === nodeId) {
      if (this.cache.size >= CACHE_MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value ?? '');
      this.cache.set(nodeId, { entry, atMs: Date.now() });
      return entry;
    }
    return undefined;
  }

  private async askPeer(peerUrl: string, nodeId: string): Promise<DirectoryEntryView | undefined> {
    const res = await fetch(`${peerUrl}/v1/directory/${encodeURIComponent(nodeId)}?local=1`, { signal: AbortSignal.timeout(PEER_TIMEOUT_MS) });
    if (res.status === 404) return undefined;
    if (!res.ok) throw new Error(`peer directory ${peerUrl} answered ${res.status}`);
    return (await res.json()) as DirectoryEntryView;
  }
}
