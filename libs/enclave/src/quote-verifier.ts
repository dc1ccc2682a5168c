// Lessee side, claim 3 precondition: a quote is verified BEFORE any key is derived from it.
import { createHash } from 'node:crypto';
import { VerifyingKey, verifyEnclavePlatformChain } from '#libs/crypto';
import { QUOTE_VERSION, TEE_SIMULATED_SOFTWARE, isHex, isId, quoteBody, quoteDigest, DIGEST_BYTES, NONCE_BYTES, POINT_BYTES, MAX_TEE_TYPE_CHARS } from './protocol.mjs';
import { rejection, type Quote, type QuotePolicy, type VerifyQuoteResult } from './port.js';

const SIGNATURE_BYTES = 64;
/** Certificates are a few hundred bytes; cap what we parse from the wire. */
const MAX_CERT_PEM_CHARS = 16 * 1024;
const MAX_CHAIN_CERTS = 4;
const DEFAULT_FUTURE_SKEW_MS = 30_000;
const DEFAULT_CACHE_ENTRIES = 1024;

interface VerifiedPlatform {
  lessorId: string;
  verifyingKey: VerifyingKey;
  notAfterMs: number;
}

/**
 * Memo of verified platform chains. Full chain verification costs ~3 ms (libs/crypto
 * README), and one lessor presents the same platform certificate for every lease, so the
 * verified key is cached until the certificate expires. Bounded; FIFO eviction.
 */
export class PlatformChainCache {
  private readonly entries = new Map<string, VerifiedPlatform>();

  constructor(private readonly maxEntries: number = DEFAULT_CACHE_ENTRIES) {
    if (!Number.isSafeInteger(maxEntries) || maxEntries < 1) throw new RangeError('maxEntries must be a positive integer');
  }

  get(key: string, nowMs: number): VerifiedPlatform | undefined {
    const hit = this.entries.get(key);
    return hit !== undefined && nowMs <= hit.notAfterMs ? hit : undefined;
  }

  set(key: string, value: VerifiedPlatform): void {
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
    this.entries.set(key, value);
  }
}

/**
 * Verifies a `simulated-software` quote against the lessee's policy. Checks run in a fixed
 * order so the code for a given input is stable: shape (QUOTE_MALFORMED), TEE type,
 * platform chain to the CA, platform identity = lessor, signature, measurement allow-list,
 * lease, instruction digest, nonce, freshness.
 */
export async function verifyQuote(quote: Quote, policy: QuotePolicy, cache?: PlatformChainCache): Promise<VerifyQuoteResult> {
  const nowMs = (policy.nowMs ?? Date.now)();
  const malformed = shapeProblem(quote);
  if (malformed !== null) return rejection('QUOTE_MALFORMED', malformed);
  if (!policy.allowedTeeTypes.includes(quote.teeType)) return rejection('TEE_TYPE_NOT_ALLOWED', `TEE type ${quote.teeType} is not allowed by policy`);
  if (quote.teeType !== TEE_SIMULATED_SOFTWARE) return rejection('TEE_TYPE_NOT_ALLOWED', `no verifier for TEE type ${quote.teeType} yet`);
  const platform = await verifiedPlatform(quote, policy.trustAnchorPem, nowMs, cache);
  if (!platform.ok) return rejection('PLATFORM_CERT_INVALID', platform.detail);
  if (platform.value.lessorId !== policy.lessorId) {
    return rejection('PLATFORM_IDENTITY_MISMATCH', `quote signed for lessor ${platform.value.lessorId}, expected ${policy.lessorId}`);
  }
  if (!platform.value.verifyingKey.verify(quoteBody(quote), Buffer.from(quote.signature, 'hex'))) {
    return rejection('QUOTE_SIGNATURE_INVALID', 'quote signature does not verify under the platform key');
  }
  return checkBindings(quote, policy, nowMs);
}

function checkBindings(quote: Quote, policy: QuotePolicy, nowMs: number): VerifyQuoteResult {
  if (!policy.allowedMeasurements.includes(quote.measurement)) {
    return rejection('MEASUREMENT_NOT_ALLOWED', `measurement ${quote.measurement} is not in the allow-list`);
  }
  if (quote.leaseId !== policy.leaseId) return rejection('QUOTE_LEASE_MISMATCH', `quote is bound to lease ${quote.leaseId}, expected ${policy.leaseId}`);
  if (quote.instructionDigest !== policy.instructionDigest) {
    return rejection('QUOTE_INSTRUCTION_MISMATCH', 'quote is bound to other instructions');
  }
  if (quote.nonce !== policy.nonce) return rejection('QUOTE_NONCE_MISMATCH', 'quote does not carry the nonce of this challenge');
  const ageMs = nowMs - quote.timestampMs;
  if (ageMs > policy.maxAgeMs || -ageMs > (policy.maxFutureSkewMs ?? DEFAULT_FUTURE_SKEW_MS)) {
    return rejection('QUOTE_STALE', `quote timestamp is ${ageMs} ms old (window ${policy.maxAgeMs} ms)`);
  }
  return { ok: true, enclaveKey: quote.enclavePublicKey, lessorId: policy.lessorId, measurement: quote.measurement, quoteDigest: quoteDigest(quote) };
}

/** Quotes arrive from the network: any shape problem is a typed rejection, never a throw. */
function shapeProblem(q: Quote): string | null {
  const v = q as unknown as Record<string, unknown>;
  if (typeof q !== 'object' || q === null) return 'quote must be an object';
  if (v.version !== QUOTE_VERSION) return `unsupported quote version ${String(v.version)}`;
  if (typeof v.teeType !== 'string' || v.teeType.length > MAX_TEE_TYPE_CHARS) return 'teeType must be a short string';
  if (!isHex(v.measurement, DIGEST_BYTES)) return 'measurement must be 32 bytes hex';
  if (!isHex(v.enclavePublicKey, POINT_BYTES) || !v.enclavePublicKey.startsWith('04')) return 'enclavePublicKey must be an uncompressed P-256 point';
  if (!isId(v.leaseId)) return 'leaseId is not a valid id';
  if (!isHex(v.instructionDigest, DIGEST_BYTES)) return 'instructionDigest must be 32 bytes hex';
  if (!isHex(v.nonce, NONCE_BYTES)) return 'nonce must be 32 bytes hex';
  if (typeof v.timestampMs !== 'number' || !Number.isSafeInteger(v.timestampMs) || v.timestampMs < 0) return 'timestampMs must be a non-negative integer';
  if (!isHex(v.signature, SIGNATURE_BYTES)) return 'signature must be 64 bytes hex';
  if (typeof v.platformCertPem !== 'string' || v.platformCertPem.length > MAX_CERT_PEM_CHARS) return 'platformCertPem must be a PEM string';
  const chain = v.platformChainPem;
  if (!Array.isArray(chain) || chain.length > MAX_CHAIN_CERTS || !chain.every((c) => typeof c === 'string' && c.length <= MAX_CERT_PEM_CHARS)) {
    return `platformChainPem must be at most ${MAX_CHAIN_CERTS} PEM strings`;
  }
  return null;
}

type PlatformCheck = { ok: true; value: VerifiedPlatform } | { ok: false; detail: string };

async function verifiedPlatform(quote: Quote, trustAnchorPem: string, nowMs: number, cache: PlatformChainCache | undefined): Promise<PlatformCheck> {
  const key = createHash('sha256').update([trustAnchorPem, quote.platformCertPem, ...quote.platformChainPem].join('\0')).digest('hex');
  const cached = cache?.get(key, nowMs);
  if (cached !== undefined) return { ok: true, value: cached };
  const chain = await verifyEnclavePlatformChain({
    leafPem: quote.platformCertPem,
    intermediatesPem: quote.platformChainPem,
    trustAnchorPem,
    at: new Date(nowMs),
  });
  if (!chain.ok) return { ok: false, detail: `${chain.code}: ${chain.detail}` };
  const value = { lessorId: chain.nodeId, verifyingKey: VerifyingKey.fromCryptoKey(chain.publicKey), notAfterMs: chain.notAfter.getTime() };
  cache?.set(key, value);
  return { ok: true, value };
}
