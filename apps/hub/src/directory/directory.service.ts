import type { HubConfig } from '../config.js';
import type { AdmissionService } from '../admission/admission.service.js';
import { SettlementCertificates } from './settlement-certificates.js';

/** A participant: its certificates were issued by its hub (hubCertPem, the chain's intermediate). */
export interface ParticipantEntryView {
  readonly nodeId: string;
  readonly hubId: string;
  readonly role: 'participant';
  readonly securityLevel: number;
  readonly signingCertPem: string;
  readonly keyAgreementCertPem: string;
  readonly hubCertPem: string;
}

/**
 * A settlement service this hub serves (delivers to): hubId is this hub (the
 * route ends here); its key-agreement certificate is issued by the network CA
 * directly, so there is no hub certificate in its chain.
 */
export interface SettlementEntryView {
  readonly nodeId: string;
  readonly hubId: string;
  readonly role: 'settlement';
  readonly keyAgreementCertPem: string;
}

export type DirectoryEntryView = ParticipantEntryView | SettlementEntryView;

const PEER_TIMEOUT_MS = 3_000;
const CACHE_TTL_MS = 60_000;
const CACHE_MAX_ENTRIES = 10_000;

/**
 * Addressing (patent fig. 1: hubs "aggregate information about their
 * participants and do addressing"): a participant asks only its own hub; the hub
 * answers for its own participants and the settlement services it serves, and
 * asks the owning peer hub for other participants. Callers verify the returned
 * certificates against the network CA themselves, so a lying hub cannot
 * substitute a key without a CA-chained certificate of the right role.
 */
export class DirectoryService {
  private readonly cache = new Map<string, { entry: ParticipantEntryView; atMs: number }>();

  constructor(
    private readonly config: HubConfig,
    private readonly admission: Pick<AdmissionService, 'identityOf'>,
    private readonly settlement = new SettlementCertificates({ hubId: config.nodeId, topology: config.topology, pkiDir: config.pkiDir }),
  ) {}

  async lookup(nodeId: string, localOnly: boolean): Promise<DirectoryEntryView | undefined> {
    const local = this.config.subnet.participants.find((p) => p.id === nodeId);
    if (local) {
      const id = await this.admission.identityOf(nodeId);
      return id && { nodeId, hubId: this.config.nodeId, role: 'participant', securityLevel: local.securityLevel, signingCertPem: id.signingCertPem, keyAgreementCertPem: id.keyAgreementCertPem, hubCertPem: id.hubCertPem };
    }
    // A settlement service is reached through a hub that serves it; this hub answers only for those it serves.
    const settlement = await this.settlement.certificateOf(nodeId);
    if (settlement) return { nodeId, hubId: this.config.nodeId, role: 'settlement', keyAgreementCertPem: settlement.keyAgreementCertPem };
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

  private async askPeer(peerUrl: string, nodeId: string): Promise<ParticipantEntryView | undefined> {
    const res = await fetch(`${peerUrl}/v1/directory/${encodeURIComponent(nodeId)}?local=1`, { signal: AbortSignal.timeout(PEER_TIMEOUT_MS) });
    if (res.status === 404) return undefined;
    if (!res.ok) throw new Error(`peer directory ${peerUrl} answered ${res.status}`);
    const entry = (await res.json()) as DirectoryEntryView;
    return entry.role === 'participant' ? entry : undefined;
  }
}
