import { ReasonCode } from '#libs/contracts';
import { derToPem, verifyChain, verifyHubCertificate, VerifyingKey } from '#libs/crypto';
import { sha256 } from './envelope-codec.js';
import type { ChainCheck, TrustPort, VerifiedIdentity } from './ports.js';

interface CacheEntry {
  readonly identity: VerifiedIdentity;
  readonly notAfterMs: number;
}

/**
 * TrustPort over the network CA. Chain verification costs several ECDSA
 * verifications, so verified chains are cached by the digest of their DER bytes
 * until the leaf expires; the cache is bounded (oldest entry evicted first).
 * Failures are not cached: they are cheap to repeat and must not pin a state.
 */
export class CaTrust implements TrustPort {
  private readonly senders = new Map<string, CacheEntry>();
  private readonly hubs = new Map<string, CacheEntry>();

  constructor(
    private readonly caCertPem: string,
    private readonly maxCacheEntries = 10_000,
  ) {}

  async verifySender(chainDer: readonly Uint8Array[], atMs: number): Promise<ChainCheck> {
    const leaf = chainDer[0];
    if (!leaf) return { ok: false, code: ReasonCode.CertChainInvalid, detail: 'empty sender chain' };
    const key = Buffer.from(sha256(Buffer.concat(chainDer.map((c) => Buffer.from(c))))).toString('hex');
    const cached = this.hit(this.senders, key, atMs);
    if (cached) return { ok: true, identity: cached };
    let result;
    try {
      result = await verifyChain({
        leafPem: derToPem(leaf, 'CERTIFICATE'),
        intermediatesPem: chainDer.slice(1).map((c) => derToPem(c, 'CERTIFICATE')),
        trustAnchorPem: this.caCertPem,
        at: new Date(atMs),
        expectedUsage: 'signing',
      });
    } catch (e) {
      return { ok: false, code: ReasonCode.CertChainInvalid, detail: (e as Error).message };
    }
    if (!result.ok) return { ok: false, code: ReasonCode.CertChainInvalid, detail: `${result.code}: ${result.detail}` };
    // Only participants and settlement services originate envelopes (not, e.g., enclave platform keys).
    const role = result.role;
    if (role !== 'participant' && role !== 'settlement') return { ok: false, code: ReasonCode.CertChainInvalid, detail: `a ${String(role)} certificate cannot sign envelopes` };
    const verifier = VerifyingKey.fromCryptoKey(result.publicKey);
    const identity: VerifiedIdentity = {
      nodeId: result.nodeId,
      role,
      issuerId: result.issuerId,
      certSha256: sha256(leaf),
      verify: (data, sig) => verifier.verify(data, sig),
    };
    this.remember(this.senders, key, { identity, notAfterMs: result.notAfter.getTime() });
    return { ok: true, identity };
  }

  async verifyHub(certDer: Uint8Array, atMs: number): Promise<ChainCheck> {
    const key = Buffer.from(sha256(certDer)).toString('hex');
    const cached = this.hit(this.hubs, key, atMs);
    if (cached) return { ok: true, identity: cached };
    let result;
    try {
      result = await verifyHubCertificate({ certPem: derToPem(certDer, 'CERTIFICATE'), trustAnchorPem: this.caCertPem, at: new Date(atMs) });
    } catch (e) {
      return { ok: false, code: ReasonCode.HopInvalid, detail: (e as Error).message };
    }
    if (!result.ok) return { ok: false, code: ReasonCode.HopInvalid, detail: `${result.code}: ${result.detail}` };
    const verifier = VerifyingKey.fromCryptoKey(result.publicKey);
    const identity: VerifiedIdentity = {
      nodeId: result.hubId,
      role: 'hub',
      issuerId: 'ca',
      certSha256: sha256(certDer),
      verify: (data, sig) => verifier.verify(data, sig),
    };
    this.remember(this.hubs, key, { identity, notAfterMs: result.notAfter.getTime() });
    return { ok: true, identity };
  }

  private hit(cache: Map<string, CacheEntry>, key: string, atMs: number): VerifiedIdentity | undefined {
    const e = cache.get(key);
    if (!e) return undefined;
    if (atMs > e.notAfterMs) {
      cache.delete(key);
      return undefined;
    }
    return e.identity;
  }

  private remember(cache: Map<string, CacheEntry>, key: string, entry: CacheEntry): void {
    if (cache.size >= this.maxCacheEntries) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    cache.set(key, entry);
  }
}
