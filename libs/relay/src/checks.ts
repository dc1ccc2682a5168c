import { ReasonCode, type Envelope, type EnvelopeHeader } from '#libs/contracts';
import { hopSigningInput, sameBytes, sha256 } from './envelope-codec.js';
import type { TrustPort, VerifiedIdentity } from './ports.js';

export type Check = { ok: true } | { ok: false; code: ReasonCode; detail: string };
export const pass: Check = { ok: true };

export interface TimePolicy {
  readonly maxTtlMs: number;
  readonly clockSkewMs: number;
}

/** Expiry, issued-in-the-future and over-long lifetimes (which would stretch the replay window). */
export function checkTime(h: EnvelopeHeader, now: number, p: TimePolicy): Check {
  if (h.expiresAtMs <= h.issuedAtMs) return { ok: false, code: ReasonCode.Expired, detail: 'expires before it was issued' };
  if (now > h.expiresAtMs + p.clockSkewMs) return { ok: false, code: ReasonCode.Expired, detail: `expired at ${new Date(h.expiresAtMs).toISOString()}` };
  if (h.issuedAtMs > now + p.clockSkewMs) return { ok: false, code: ReasonCode.NotYetValid, detail: `issued in the future (${new Date(h.issuedAtMs).toISOString()})` };
  if (h.expiresAtMs - h.issuedAtMs > p.maxTtlMs) return { ok: false, code: ReasonCode.TtlTooLong, detail: `lifetime exceeds ${p.maxTtlMs} ms` };
  return pass;
}

/**
 * The certificate is the header's claimed source, and its key signed these exact
 * header bytes. Hubs originate envelopes only towards their own nodes (leases,
 * order updates), which only those nodes accept (`hubOrigin`).
 */
export function checkSenderBinding(identity: VerifiedIdentity, h: EnvelopeHeader, e: Envelope, hubOrigin: 'refuse' | 'accept' = 'refuse'): Check {
  if (identity.nodeId !== h.source) return { ok: false, code: ReasonCode.SourceMismatch, detail: `certificate is ${identity.nodeId}'s, header claims ${h.source}` };
  if (!sameBytes(identity.certSha256, h.senderCertSha256)) return { ok: false, code: ReasonCode.SourceMismatch, detail: 'header names another signing certificate' };
  if (identity.role === 'hub' && hubOrigin === 'refuse') return { ok: false, code: ReasonCode.SourceMismatch, detail: 'hubs relay, they do not originate envelopes here' };
  if (!identity.verify(e.header, e.signature)) return { ok: false, code: ReasonCode.SignatureInvalid, detail: 'header signature does not verify' };
  return pass;
}

/** The payload is the one the sender signed for (hubs check this without being able to read it). */
export function checkPayloadDigest(h: EnvelopeHeader, e: Envelope): Check {
  return sameBytes(sha256(e.payload), h.payloadSha256) ? pass : { ok: false, code: ReasonCode.PayloadTampered, detail: 'payload does not match the signed digest' };
}

/** The last hop stamp is `hubId`'s, made with a CA-issued hub certificate over this header. */
export async function checkLastHop(e: Envelope, hubId: string, trust: TrustPort, now: number): Promise<Check> {
  const hop = e.hops[e.hops.length - 1];
  if (!hop || hop.hubId !== hubId) return { ok: false, code: ReasonCode.HopInvalid, detail: `no stamp from ${hubId}` };
  const hub = await trust.verifyHub(hop.hubCert ?? new Uint8Array(), now);
  if (!hub.ok || hub.identity.nodeId !== hubId) return { ok: false, code: ReasonCode.HopInvalid, detail: `stamp certificate is not ${hubId}'s` };
  if (!hub.identity.verify(hopSigningInput(e.header, hubId, Number(hop.receivedAtMs ?? 0)), hop.signature ?? new Uint8Array())) return { ok: false, code: ReasonCode.HopInvalid, detail: 'stamp signature is invalid' };
  return pass;
}
