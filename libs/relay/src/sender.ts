import { randomBytes } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { pb, SCHEMA_VERSION } from '#libs/contracts';
import { seal, type SigningKey } from '#libs/crypto';
import { encodeEnvelope, payloadAad, sha256 } from './envelope-codec.js';

/** What a node needs to originate envelopes. */
export interface SenderIdentity {
  readonly nodeId: string;
  readonly hubId: string;
  readonly signingKey: SigningKey;
  /** DER: own signing certificate, then the issuing hub's certificate (absent for CA-issued nodes). */
  readonly chainDer: readonly Uint8Array[];
}

/** The recipient as resolved through the directory and verified against the CA. */
export interface RecipientKey {
  readonly nodeId: string;
  readonly hubId: string;
  /** The recipient's ECDH P-256 key-agreement public key. */
  readonly keyAgreementKey: KeyObject;
}

export interface OutgoingMessage {
  readonly type: string;
  readonly sessionId: string;
  readonly contentType: string;
  readonly body: Uint8Array;
  readonly messageId?: string;
  readonly ttlMs: number;
  readonly trace?: { traceparent?: string; tracestate?: string };
  readonly metadata?: Record<string, string>;
}

export interface BuiltEnvelope {
  readonly bytes: Uint8Array;
  readonly messageId: string;
  readonly route: string[];
}

export function newMessageId(): string {
  return randomBytes(16).toString('hex');
}

/**
 * Builds a signed, end-to-end sealed envelope. The payload is sealed for the
 * recipient's key-agreement key (hubs cannot read it) with the message identity
 * as associated data; the header, which carries the payload digest, is signed.
 */
export function buildEnvelope(sender: SenderIdentity, recipient: RecipientKey, msg: OutgoingMessage, nowMs: number): BuiltEnvelope {
  const messageId = msg.messageId ?? newMessageId();
  const route = sender.hubId === recipient.hubId ? [sender.hubId] : [sender.hubId, recipient.hubId];
  const ids = { messageId, type: msg.type, source: sender.nodeId, target: recipient.nodeId, sessionId: msg.sessionId };
  const plaintext = pb.Payload.encode({ contentType: msg.contentType, body: msg.body }).finish();
  const box = seal({ recipientPublicKey: recipient.keyAgreementKey, senderId: sender.nodeId, recipientId: recipient.nodeId, plaintext, aad: payloadAad(ids) });
  const payload = pb.SealedPayload.encode({ ephemeralPublicKey: box.ephemeralPublicKey, salt: box.salt, nonce: box.nonce, ciphertext: box.ciphertext }).finish();
  const leaf = sender.chainDer[0];
  if (!leaf) throw new Error('sender chain is empty');
  const header = pb.EnvelopeHeader.encode({
    schemaVersion: SCHEMA_VERSION,
    ...ids,
    route,
    trace: msg.trace ? { traceparent: msg.trace.traceparent ?? '', tracestate: msg.trace.tracestate ?? '' } : undefined,
    issuedAtMs: nowMs,
    expiresAtMs: nowMs + msg.ttlMs,
    nonce: randomBytes(16),
    payloadSha256: sha256(payload),
    senderCertSha256: sha256(leaf),
    metadata: msg.metadata ?? {},
  }).finish();
  const signature = sender.signingKey.sign(header);
  return { bytes: encodeEnvelope({ header, signature, senderChain: [...sender.chainDer], payload, hops: [] }), messageId, route };
}
