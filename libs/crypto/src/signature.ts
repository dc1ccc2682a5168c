// ECDSA P-256 / SHA-256 signatures in IEEE P1363 form (raw r || s, 64 bytes).
// Two flavours: async WebCrypto functions, and sync KeyObject wrappers for hot paths
// (the hub verifies thousands of envelopes per second).
import {
  KeyObject,
  createPrivateKey,
  createPublicKey,
  sign as nodeSign,
  verify as nodeVerify,
  webcrypto,
  type JsonWebKey,
} from 'node:crypto';
import { CryptoInputError } from './errors.js';
import type { CryptoKey } from './keys.js';
import { assertObject, assertP256CryptoKey, assertString, assertUint8Array } from './validate.js';
import { fingerprintSha256Hex, keyUsageFlags, parseCertificateOrThrow, x509 } from './x509-support.js';

export const SIGNATURE_BYTES = 64;
/** A JWK as typed by either node:crypto or WebCrypto (subtle.exportKey('jwk', ...)). */
export type Jwk = JsonWebKey | webcrypto.JsonWebKey;
const ECDSA_SHA256 = { name: 'ECDSA', hash: 'SHA-256' } as const;
const ECDSA_P256_IMPORT = { name: 'ECDSA', namedCurve: 'P-256' } as const;
/** Fixed encoding: DER signatures are variable-length and malleable; P1363 is neither. */
const P1363 = 'ieee-p1363' as const;
/** Distinct certificates a process is expected to verify against; bounds the memo below. */
const VERIFYING_KEY_CACHE_ENTRIES = 4096;

/** Signs with a WebCrypto ECDSA P-256 private key; returns the 64-byte r || s signature. */
export async function sign(privateKey: CryptoKey, data: Uint8Array): Promise<Uint8Array> {
  assertP256CryptoKey(privateKey, 'privateKey', { type: 'private', algorithm: 'ECDSA' });
  assertUint8Array(data, 'data');
  return new Uint8Array(await webcrypto.subtle.sign(ECDSA_SHA256, privateKey, data));
}

/**
 * Verifies a 64-byte r || s signature. Returns false, never throws, for a signature of
 * the wrong type, length or content: signatures come from the network and a bad one is an
 * expected outcome. A wrong key or non-byte `data` is a programming error and throws.
 */
export async function verify(publicKey: CryptoKey, data: Uint8Array, signature: Uint8Array): Promise<boolean> {
  assertP256CryptoKey(publicKey, 'publicKey', { type: 'public', algorithm: 'ECDSA' });
  assertUint8Array(data, 'data');
  if (!isWellFormedSignature(signature)) return false;
  try {
    return await webcrypto.subtle.verify(ECDSA_SHA256, publicKey, signature, data);
  } catch {
    return false;
  }
}

/** Signatures come off the wire, so a non-byte value is a bad signature, not a bug. */
function isWellFormedSignature(signature: unknown): signature is Uint8Array {
  return signature instanceof Uint8Array && signature.length === SIGNATURE_BYTES;
}

/** Throws unless `key` is a P-256 EC KeyObject of the given type. */
function assertP256KeyObject(key: KeyObject, type: 'private' | 'public', name: string): void {
  if (key.type !== type || key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new CryptoInputError(`${name} must be a P-256 EC ${type} key`);
  }
}

function keyObjectFrom(build: () => KeyObject, name: string): KeyObject {
  try {
    return build();
  } catch (cause) {
    throw new CryptoInputError(`${name} could not be imported`, { cause });
  }
}

/** Synchronous ECDSA P-256 signer over a node:crypto KeyObject. */
export class SigningKey {
  private constructor(private readonly keyObject: KeyObject) {}

  /** From a PKCS#8 "PRIVATE KEY" PEM (as written by saveKeyFile). */
  static fromPkcs8Pem(pem: string): SigningKey {
    assertString(pem, 'pem');
    return SigningKey.fromKeyObject(keyObjectFrom(() => createPrivateKey({ key: pem, format: 'pem' }), 'pem'));
  }

  static fromJwk(jwk: Jwk): SigningKey {
    assertObject(jwk, 'jwk');
    return SigningKey.fromKeyObject(keyObjectFrom(() => createPrivateKey({ key: jwk, format: 'jwk' }), 'jwk'));
  }

  /** Only ECDSA keys are accepted: an ECDH key must never be used to sign. */
  static fromCryptoKey(key: CryptoKey): SigningKey {
    assertP256CryptoKey(key, 'key', { type: 'private', algorithm: 'ECDSA' });
    return SigningKey.fromKeyObject(KeyObject.from(key));
  }

  static fromKeyObject(key: KeyObject): SigningKey {
    if (!(key instanceof KeyObject)) throw new CryptoInputError('key must be a KeyObject');
    assertP256KeyObject(key, 'private', 'key');
    return new SigningKey(key);
  }

  sign(data: Uint8Array): Uint8Array {
    assertUint8Array(data, 'data');
    const signature = nodeSign('sha256', data, { key: this.keyObject, dsaEncoding: P1363 });
    return new Uint8Array(signature.buffer, signature.byteOffset, signature.length);
  }

  verifyingKey(): VerifyingKey {
    return VerifyingKey.fromKeyObject(createPublicKey(this.keyObject));
  }
}

/** Synchronous ECDSA P-256 verifier over a node:crypto KeyObject. */
export class VerifyingKey {
  private static readonly byCertificatePem = new Map<string, VerifyingKey>();

  private constructor(
    private readonly keyObject: KeyObject,
    /** SHA-256 of the certificate DER when built from a certificate; a natural cache key. */
    readonly fingerprintSha256: string | null,
  ) {}

  /**
   * From a signing certificate. Memoised per PEM text (bounded), so calling it for every
   * envelope costs a map lookup after the first time.
   *
   * This does NOT validate the certificate chain or validity period: run verifyChain once
   * (e.g. at admission or when the certificate is first seen) before trusting the key.
   * It does refuse certificates whose key usage is not digitalSignature, so a
   * key-agreement certificate can never be turned into a verifier.
   */
  static fromCertificatePem(certPem: string): VerifyingKey {
    assertString(certPem, 'certPem');
    const cached = VerifyingKey.byCertificatePem.get(certPem);
    if (cached !== undefined) return cached;
    const key = VerifyingKey.parseCertificate(certPem);
    VerifyingKey.remember(certPem, key);
    return key;
  }

  /** From an SPKI "PUBLIC KEY" PEM. */
  static fromSpkiPem(pem: string): VerifyingKey {
    assertString(pem, 'pem');
    return VerifyingKey.fromKeyObject(keyObjectFrom(() => createPublicKey({ key: pem, format: 'pem' }), 'pem'));
  }

  static fromJwk(jwk: Jwk): VerifyingKey {
    assertObject(jwk, 'jwk');
    return VerifyingKey.fromKeyObject(keyObjectFrom(() => createPublicKey({ key: jwk, format: 'jwk' }), 'jwk'));
  }

  static fromCryptoKey(key: CryptoKey): VerifyingKey {
    assertP256CryptoKey(key, 'key', { type: 'public', algorithm: 'ECDSA' });
    return VerifyingKey.fromKeyObject(KeyObject.from(key));
  }

  static fromKeyObject(key: KeyObject): VerifyingKey {
    if (!(key instanceof KeyObject)) throw new CryptoInputError('key must be a KeyObject');
    assertP256KeyObject(key, 'public', 'key');
    return new VerifyingKey(key, null);
  }

  /** Same contract as {@link verify}: false for any bad signature, never throws for it. */
  verify(data: Uint8Array, signature: Uint8Array): boolean {
    assertUint8Array(data, 'data');
    if (!isWellFormedSignature(signature)) return false;
    try {
      return nodeVerify('sha256', data, { key: this.keyObject, dsaEncoding: P1363 }, signature);
    } catch {
      return false;
    }
  }

  /** WebCrypto view of the same key, for code that uses the async API. */
  async toCryptoKey(): Promise<CryptoKey> {
    const spki = this.keyObject.export({ format: 'der', type: 'spki' });
    return webcrypto.subtle.importKey('spki', spki, ECDSA_P256_IMPORT, true, ['verify']);
  }

  private static parseCertificate(certPem: string): VerifyingKey {
    const cert = parseCertificateOrThrow(certPem, 'certPem');
    if (keyUsageFlags(cert) !== x509.KeyUsageFlags.digitalSignature) {
      throw new CryptoInputError('certPem is not a signing certificate (keyUsage must be digitalSignature only)');
    }
    const keyObject = keyObjectFrom(
      () => createPublicKey({ key: Buffer.from(cert.publicKey.rawData), format: 'der', type: 'spki' }),
      'certPem public key',
    );
    assertP256KeyObject(keyObject, 'public', 'certPem public key');
    return new VerifyingKey(keyObject, fingerprintSha256Hex(cert));
  }

  /** FIFO eviction via the Map's insertion order; certificates change rarely, so this suffices. */
  private static remember(certPem: string, key: VerifyingKey): void {
    if (VerifyingKey.byCertificatePem.size >= VERIFYING_KEY_CACHE_ENTRIES) {
      const oldest = VerifyingKey.byCertificatePem.keys().next();
      if (oldest.done !== true) VerifyingKey.byCertificatePem.delete(oldest.value);
    }
    VerifyingKey.byCertificatePem.set(certPem, key);
  }
}

