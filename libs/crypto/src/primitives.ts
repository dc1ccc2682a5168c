// Internal wrappers around node:crypto primitives. Kept separate so the known-answer tests
// exercise exactly the code paths e2e.ts uses. Not exported from index.ts.
import { createCipheriv, createDecipheriv, createPublicKey, hkdfSync, type KeyObject } from 'node:crypto';

export const AES_256_KEY_BYTES = 32;
export const GCM_NONCE_BYTES = 12;
export const GCM_TAG_BYTES = 16;
export const P256_UNCOMPRESSED_POINT_BYTES = 65;
const P256_COORDINATE_BYTES = 32;

/**
 * DER prefix of a SubjectPublicKeyInfo for an id-ecPublicKey/prime256v1 key with a 65-byte
 * uncompressed point. Prepending it turns a raw point into SPKI that node:crypto imports.
 */
const P256_SPKI_PREFIX = Uint8Array.from(
  Buffer.from('3059301306072a8648ce3d020106082a8648ce3d030107034200', 'hex'),
);

// Curve parameters from SEC 2 / FIPS 186-4 (P-256: y^2 = x^3 - 3x + b mod p).
const P256_P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const P256_B = 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn;

export function hkdfSha256(ikm: Uint8Array, salt: Uint8Array, info: Uint8Array, lengthBytes: number): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', ikm, salt, info, lengthBytes));
}

/** AES-256-GCM; returns ciphertext || 16-byte tag. */
export function aes256GcmEncrypt(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Uint8Array {
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: GCM_TAG_BYTES });
  cipher.setAAD(aad);
  const body = cipher.update(plaintext);
  const final = cipher.final();
  const tag = cipher.getAuthTag();
  const out = new Uint8Array(body.length + final.length + tag.length);
  out.set(body, 0);
  out.set(final, body.length);
  out.set(tag, body.length + final.length);
  return out;
}

/**
 * AES-256-GCM decryption of ciphertext || tag; null when authentication fails.
 * `authTagLength` is pinned to 16 because Node otherwise accepts truncated tags, which
 * would weaken forgery resistance.
 */
export function aes256GcmDecrypt(
  key: Uint8Array,
  nonce: Uint8Array,
  ciphertextWithTag: Uint8Array,
  aad: Uint8Array,
): Uint8Array | null {
  if (ciphertextWithTag.length < GCM_TAG_BYTES) return null;
  const bodyLength = ciphertextWithTag.length - GCM_TAG_BYTES;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: GCM_TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(ciphertextWithTag.subarray(bodyLength));
    const body = decipher.update(ciphertextWithTag.subarray(0, bodyLength));
    const final = decipher.final();
    return concatBytes(body, final);
  } catch {
    return null;
  }
}

/**
 * Explicit on-curve check for an uncompressed P-256 point. OpenSSL also rejects off-curve
 * points on import, but invalid-curve attacks are severe enough (they leak the static
 * private key) that we do not want to depend on that alone.
 */
export function isOnP256Curve(point: Uint8Array): boolean {
  if (point.length !== P256_UNCOMPRESSED_POINT_BYTES || point[0] !== 0x04) return false;
  const x = bytesToBigInt(point.subarray(1, 1 + P256_COORDINATE_BYTES));
  const y = bytesToBigInt(point.subarray(1 + P256_COORDINATE_BYTES));
  if (x >= P256_P || y >= P256_P) return false;
  const left = (y * y) % P256_P;
  const right = (((x * x) % P256_P) * x - 3n * x + P256_B) % P256_P;
  return left === (right + P256_P) % P256_P;
}

/** Imports a raw uncompressed P-256 point as a public KeyObject; null if it is not a valid point. */
export function p256PointToPublicKey(point: Uint8Array): KeyObject | null {
  if (!isOnP256Curve(point)) return null;
  try {
    return createPublicKey({ key: Buffer.from(concatBytes(P256_SPKI_PREFIX, point)), format: 'der', type: 'spki' });
  } catch {
    return null;
  }
}

/** Exports a P-256 public KeyObject as its 65-byte uncompressed point. */
export function publicKeyToP256Point(key: KeyObject): Uint8Array {
  const spki = key.export({ format: 'der', type: 'spki' });
  return Uint8Array.from(spki.subarray(P256_SPKI_PREFIX.length));
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  let total = 0;
  for (const part of parts) total += part.length;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function bytesToBigInt(bytes: Uint8Array): bigint {
  return BigInt(`0x${Buffer.from(bytes).toString('hex')}`);
}
