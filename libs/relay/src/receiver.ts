import type { KeyObject } from 'node:crypto';
import { pb, ReasonCode, type EnvelopeHeader } from '#libs/contracts';
import { open } from '#libs/crypto';
import { checkLastHop, checkPayloadDigest, checkSenderBinding, checkTime, type TimePolicy } from './checks.js';
import { decodeEnvelope, payloadAad } from './envelope-codec.js';
import type { Clock, TrustPort, VerifiedIdentity } from './ports.js';

export interface ReceiverSelf {
  readonly nodeId: string;
  readonly hubId: string;
  readonly keyAgreementPrivateKey: KeyObject;
}

export type Received =
  | { ok: true; header: EnvelopeHeader; sender: VerifiedIdentity; contentType: string; body: Uint8Array }
  | { ok: false; code: ReasonCode; detail: string; header?: EnvelopeHeader };

/**
 * The recipient's checks. It does not take its hub's word for anything: it
 * re-verifies the sender's chain and signature, the time window and the payload
 * digest, requires its own hub's stamp as the last hop, and only then opens the
 * payload. Replays are absorbed by message-id deduplication in the inbox.
 */
export async function receiveEnvelope(bytes: Uint8Array, self: ReceiverSelf, trust: TrustPort, clock: Clock, time: TimePolicy): Promise<Received> {
  const decoded = decodeEnvelope(bytes);
  if (!decoded.ok) return decoded;
  const { envelope, header } = decoded;
  const fail = (c: { code: ReasonCode; detail: string }): Received => ({ ok: false, code: c.code, detail: c.detail, header });
  const now = clock.nowMs();
  if (header.target !== self.nodeId) return fail({ code: ReasonCode.RouteNotAllowed, detail: `addressed to ${header.target}` });
  const t = checkTime(header, now, time);
  if (!t.ok) return fail(t);
  // The node's own hub may originate envelopes to it (leases, order updates); it signs with its hub certificate.
  const fromOwnHub = header.source === self.hubId && envelope.senderChain.length === 1;
  const sender = fromOwnHub ? await trust.verifyHub(envelope.senderChain[0] ?? new Uint8Array(), now) : await trust.verifySender(envelope.senderChain, now);
  if (!sender.ok) return fail(fromOwnHub ? { code: ReasonCode.CertChainInvalid, detail: sender.detail } : sender);
  for (const check of [checkSenderBinding(sender.identity, header, envelope, fromOwnHub ? 'accept' : 'refuse'), checkPayloadDigest(header, envelope), await checkLastHop(envelope, self.hubId, trust, now)]) {
    if (!check.ok) return fail(check);
  }
  let sealed;
  try {
    sealed = pb.SealedPayload.decode(envelope.payload);
  } catch {
    return fail({ code: ReasonCode.DecryptFailed, detail: 'payload is not a sealed box' });
  }
  const opened = open({
    recipientPrivateKey: self.keyAgreementPrivateKey,
    senderId: header.source,
    recipientId: self.nodeId,
    sealed: { ephemeralPublicKey: sealed.ephemeralPublicKey, salt: sealed.salt, nonce: sealed.nonce, ciphertext: sealed.ciphertext },
    aad: payloadAad(header),
  });
  if (!opened.ok) return fail({ code: ReasonCode.DecryptFailed, detail: 'payload does not open with this node\'s key' });
  try {
    const payload = pb.Payload.decode(opened.plaintext);
    return { ok: true, header, sender: sender.identity, contentType: payload.contentType, body: payload.body };
  } catch {
    return fail({ code: ReasonCode.DecryptFailed, detail: 'opened payload is not a Payload message' });
  }
}
