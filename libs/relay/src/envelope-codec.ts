import { createHash } from 'node:crypto';
import { pb, SCHEMA_VERSION, ReasonCode, type Envelope, type EnvelopeHeader } from '#libs/contracts';

export type Decoded = { ok: true; envelope: Envelope; header: EnvelopeHeader } | { ok: false; code: ReasonCode; detail: string };

const MESSAGE_ID = /^[0-9a-f]{32}$/;
const NODE = /^[a-z][a-z0-9-]{0,40}$/;
const NONCE_BYTES = 16;
const MAX_CHAIN = 3;
const MAX_HOPS = 8;
const MAX_TYPE_CHARS = 64;
const MAX_SESSION_CHARS = 128;
const MAX_METADATA_ENTRIES = 32;

export function sha256(data: Uint8Array): Uint8Array {
  return createHash('sha256').update(data).digest();
}

/**
 * Parses and shape-checks an envelope: everything that can be checked without
 * keys or state. Bounded: chain length, hop count, string lengths, metadata size.
 */
export function decodeEnvelope(bytes: Uint8Array): Decoded {
  let envelope: Envelope;
  let header: EnvelopeHeader;
  try {
    envelope = pb.Envelope.decode(bytes);
    header = pb.EnvelopeHeader.decode(envelope.header);
  } catch (e) {
    return { ok: false, code: ReasonCode.MalformedEnvelope, detail: `not a protobuf envelope: ${(e as Error).message}` };
  }
  if (header.schemaVersion !== SCHEMA_VERSION) return { ok: false, code: ReasonCode.UnsupportedVersion, detail: `schema version ${header.schemaVersion}, this node speaks ${SCHEMA_VERSION}` };
  const problem = shapeProblem(envelope, header);
  return problem ? { ok: false, code: ReasonCode.MalformedEnvelope, detail: problem } : { ok: true, envelope, header };
}

function shapeProblem(e: Envelope, h: EnvelopeHeader): string | undefined {
  if (!MESSAGE_ID.test(h.messageId)) return 'message id must be 32 lowercase hex chars';
  if (!NODE.test(h.source) || !NODE.test(h.target)) return 'source and target must be node ids';
  if (!h.type || h.type.length > MAX_TYPE_CHARS) return 'type missing or too long';
  if (!h.sessionId || h.sessionId.length > MAX_SESSION_CHARS) return 'session id missing or too long';
  if (h.route.length < 1 || h.route.length > 2 || !h.route.every((r) => NODE.test(r))) return 'route must name one or two hubs';
  if (h.nonce.length !== NONCE_BYTES) return `nonce must be ${NONCE_BYTES} bytes`;
  if (h.payloadSha256.length !== 32 || h.senderCertSha256.length !== 32) return 'digests must be 32 bytes';
  if (Object.keys(h.metadata).length > MAX_METADATA_ENTRIES) return 'too many metadata entries';
  if (e.signature.length !== 64) return 'signature must be 64 bytes (P-256, IEEE P1363)';
  if (e.senderChain.length < 1 || e.senderChain.length > MAX_CHAIN) return `sender chain must hold 1-${MAX_CHAIN} certificates`;
  if (e.hops.length > MAX_HOPS) return 'too many hop stamps';
  if (!Number.isSafeInteger(h.issuedAtMs) || !Number.isSafeInteger(h.expiresAtMs)) return 'timestamps must be integers';
  return undefined;
}

export function encodeEnvelope(e: Parameters<typeof pb.Envelope.encode>[0]): Uint8Array {
  return pb.Envelope.encode(e).finish();
}

/** What a hub signs when it stamps a hop: SHA-256(header) || hub id || received-at. */
export function hopSigningInput(headerBytes: Uint8Array, hubId: string, receivedAtMs: number): Uint8Array {
  const hubBytes = Buffer.from(hubId, 'utf8');
  const at = Buffer.alloc(8);
  at.writeBigInt64BE(BigInt(receivedAtMs));
  return Buffer.concat([Buffer.from('datanet/hop/v1'), sha256(headerBytes), Buffer.from([hubBytes.length]), hubBytes, at]);
}

/**
 * Associated data for the end-to-end box: binds the ciphertext to this message's
 * identity so a payload cannot be moved into another envelope.
 */
export function payloadAad(h: Pick<EnvelopeHeader, 'messageId' | 'type' | 'source' | 'target' | 'sessionId'>): Uint8Array {
  return Buffer.from(JSON.stringify(['datanet/e2e-aad/v1', h.messageId, h.type, h.source, h.target, h.sessionId]), 'utf8');
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(b.buffer, b.byteOffset, b.byteLength)) === 0;
}
