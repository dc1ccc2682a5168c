/**
 * Thrown when a caller passes something malformed (wrong type, length, curve, range).
 *
 * Why a dedicated class: programming and configuration mistakes must fail loudly and be
 * easy to tell apart from *expected* verification failures (bad signature, expired
 * certificate, undecryptable box), which every function here returns as a typed result
 * with a stable reason code instead of throwing.
 */
export class CryptoInputError extends Error {
  override readonly name = 'CryptoInputError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Stable reason codes returned by {@link verifyChain}. */
export type CertVerificationCode = 'CERT_CHAIN_INVALID' | 'CERT_EXPIRED' | 'CERT_USAGE_INVALID' | 'CERT_ROLE_INVALID';

/** Stable reason code returned by {@link open}; deliberately a single code (see e2e.ts). */
export type DecryptionCode = 'DECRYPT_FAILED';
