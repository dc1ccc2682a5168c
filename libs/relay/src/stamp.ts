import { pb, type Envelope } from '#libs/contracts';
import type { SigningKey } from '#libs/crypto';
import { encodeEnvelope, hopSigningInput } from './envelope-codec.js';
import type { NonceStore } from './ports.js';

/** A relaying hub's identity: its id, signing key and CA-issued certificate. */
export interface HubStamper {
  readonly hubId: string;
  readonly signingKey: SigningKey;
  readonly certDer: Uint8Array;
}

/** Appends the hub's signed stamp, so the next hop knows who relayed the envelope. */
export function stampEnvelope(envelope: Envelope, hub: HubStamper, nowMs: number): Uint8Array {
  const hop = pb.HopStamp.create({ hubId: hub.hubId, receivedAtMs: nowMs, signature: hub.signingKey.sign(hopSigningInput(envelope.header, hub.hubId, nowMs)), hubCert: hub.certDer });
  return encodeEnvelope({ header: envelope.header, signature: envelope.signature, senderChain: envelope.senderChain, payload: envelope.payload, hops: [...envelope.hops, hop] });
}

/** In-process seen-nonce window, for unit tests and tools (hubs use their database). */
export class MemoryNonceStore implements NonceStore {
  private readonly seen = new Map<string, string>();
  async remember(nonce: Uint8Array, _messageId: string, position: string): Promise<'new' | 'redelivery' | 'replay'> {
    const key = Buffer.from(nonce).toString('hex');
    const first = this.seen.get(key);
    if (first === undefined) {
      this.seen.set(key, position);
      return 'new';
    }
    return first === position ? 'redelivery' : 'replay';
  }
}
