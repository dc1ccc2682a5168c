import type { ReasonCode } from '#libs/contracts';

/** A verified certificate chain: who the key belongs to and how to check its signatures. */
export interface VerifiedIdentity {
  readonly nodeId: string;
  readonly role: 'hub' | 'participant' | 'settlement';
  /** CN of the issuing certificate: the hub that admitted a participant, or the network CA. */
  readonly issuerId: string;
  readonly certSha256: Uint8Array;
  verify(data: Uint8Array, signature: Uint8Array): boolean;
}

export type ChainCheck = { ok: true; identity: VerifiedIdentity } | { ok: false; code: ReasonCode; detail: string };

/**
 * Trust decisions the relay needs, behind a port so the verification logic stays
 * pure and testable (libs/relay/src/trust.ts implements it over libs/crypto).
 */
export interface TrustPort {
  /** Sender chain [signing cert DER, issuer cert DER?] anchored at the network CA, signing usage. */
  verifySender(chainDer: readonly Uint8Array[], atMs: number): Promise<ChainCheck>;
  /** A hub certificate issued by the network CA. */
  verifyHub(certDer: Uint8Array, atMs: number): Promise<ChainCheck>;
}

/** Seen-nonce window; survives restarts (hub database). */
export interface NonceStore {
  /**
   * Records the nonce with the bus position it arrived at. Returns 'new' the first
   * time, 'redelivery' when the same position brings it again (at-least-once bus),
   * and 'replay' when another position carries an already seen nonce.
   */
  remember(nonce: Uint8Array, messageId: string, position: string, expiresAtMs: number): Promise<'new' | 'redelivery' | 'replay'>;
}

export interface Clock {
  nowMs(): number;
}

export const systemClock: Clock = { nowMs: () => Date.now() };
