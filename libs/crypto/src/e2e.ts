// End-to-end sealing of envelope payloads for one recipient, so relaying hubs cannot read them.
//
// Construction (ECIES-style, version "datanet/e2e/v1"):
//   e, E      = fresh ephemeral ECDH P-256 key pair per message
//   Z         = ECDH(e, R)            R = recipient's static key-agreement public key
//   salt      = 32 random bytes, carried in the sealed box
//   info      = "datanet/e2e/v1" || u16be(len S) || S || u16be(len T) || T
//               S = sender id, T = recipient id (ASCII, see validate.ts)
//   K         = HKDF-SHA-256(IKM = Z, salt, info, 32 bytes)
//   nonce     = 12 random bytes
//   C || tag  = AES-256-GCM(K, nonce, plaintext, AAD = caller-supplied bytes)
//   sealed    = { ephemeralPublicKey: E (65-byte uncompressed point), salt, nonce, ciphertext: C || tag }
//
// Design notes:
// - Salt lives in the box rather than being derived from the message id so this layer does
//   not depend on envelope id formats or their entropy; it costs 32 bytes per message.
//   (With a fresh ephemeral key per message the salt is defence in depth, not load-bearing.)
// - The ids are length-prefixed in `info`, not just concatenated, so ("ab","c") and
//   ("a","bc") derive different keys.
// - A fresh key per message means the random nonce can never repeat under one key.
// - The caller's AAD must bind the envelope header (message id, type, source, target,
//   session id); any mismatch makes GCM authentication fail.
// - open() reports every failure as the single code DECRYPT_FAILED, so callers (and
//   anyone observing them) learn nothing about which check failed.
// - This box authenticates nothing about the sender: anyone can seal to a public key.
//   Sender authenticity comes from the envelope signature, which must cover the sealed box.
import { KeyObject, diffieHellman, generateKeyPairSync, randomBytes } from 'node:crypto';
import { CryptoInputError, type DecryptionCode } from './errors.js';
import type { CryptoKey } from './keys.js';
import {
  AES_256_KEY_BYTES,
  GCM_NONCE_BYTES,
  GCM_TAG_BYTES,
  P256_UNCOMPRESSED_POINT_BYTES,
  aes256GcmDecrypt,
  aes256GcmEncrypt,
  concatBytes,
  hkdfSha256,
  p256PointToPublicKey,
  publicKeyToP256Point,
} from './primitives.js';
import {
  assertIntegerInRange,
  assertNodeId,
  assertObject,
  assertP256CryptoKey,
  assertString,
  assertUint8Array,
  isNodeCryptoKey,
  isValidNodeId,
} from './validate.js';

export const E2E_INFO_LABEL = 'datanet/e2e/v1';
export const E2E_SALT_BYTES = 32;
export const E2E_NONCE_BYTES = GCM_NONCE_BYTES;
export const E2E_TAG_BYTES = GCM_TAG_BYTES;
export const E2E_EPHEMERAL_PUBLIC_KEY_BYTES = P256_UNCOMPRESSED_POINT_BYTES;
export const DEFAULT_MAX_PLAINTEXT_BYTES = 8 * 1024 * 1024;
/** Upper bound for the maxPlaintextBytes parameter itself (1 GiB). */
const MAX_PLAINTEXT_BYTES_LIMIT = 1024 * 1024 * 1024;

/** A recipient key: WebCrypto ECDH P-256 key, or a node:crypto EC P-256 KeyObject. */
export type E2eKey = CryptoKey | KeyObject;

export interface SealedBox {
  /** 65-byte uncompressed P-256 point (0x04 || X || Y). */
  ephemeralPublicKey: Uint8Array;
  salt: Uint8Array;
  nonce: Uint8Array;
  /** AES-256-GCM ciphertext followed by the 16-byte tag. */
  ciphertext: Uint8Array;
}

export interface SealParams {
  recipientPublicKey: E2eKey;
  senderId: string;
  recipientId: string;
  plaintext: Uint8Array;
  aad: Uint8Array;
  maxPlaintextBytes?: number;
}

export interface OpenParams {
  recipientPrivateKey: E2eKey;
  senderId: string;
  recipientId: string;
  sealed: SealedBox;
  aad: Uint8Array;
  maxPlaintextBytes?: number;
}

export type OpenResult = { ok: true; plaintext: Uint8Array } | { ok: false; code: DecryptionCode };

/** Encrypts `plaintext` so only the holder of the recipient's key-agreement private key can read it. */
export function seal(params: SealParams): SealedBox {
  assertObject(params, 'params');
  const recipientKey = toP256KeyObject(params.recipientPublicKey, 'recipientPublicKey', 'public');
  const info = e2eKdfInfo(params.senderId, params.recipientId);
  assertUint8Array(params.plaintext, 'plaintext');
  assertUint8Array(params.aad, 'aad');
  const maxPlaintextBytes = resolveMaxPlaintextBytes(params.maxPlaintextBytes);
  if (params.plaintext.length > maxPlaintextBytes) {
    throw new CryptoInputError(`plaintext is ${params.plaintext.length} bytes, above maxPlaintextBytes ${maxPlaintextBytes}`);
  }
  const ephemeral = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const salt = Uint8Array.from(randomBytes(E2E_SALT_BYTES));
  const nonce = Uint8Array.from(randomBytes(E2E_NONCE_BYTES));
  const key = deriveKey(ephemeral.privateKey, recipientKey, salt, info);
  const ciphertext = aes256GcmEncrypt(key, nonce, params.plaintext, params.aad);
  key.fill(0);
  return { ephemeralPublicKey: publicKeyToP256Point(ephemeral.publicKey), salt, nonce, ciphertext };
}

/**
 * Decrypts a sealed box. A malformed key, non-string id, non-byte AAD or bad limit throws
 * (programming errors); anything that may come off the wire — the box's shape, lengths,
 * an invalid or off-curve ephemeral point, ids that are not valid node ids — as well as a
 * wrong key, wrong ids, tampered bytes or AAD yields `{ ok: false, code: 'DECRYPT_FAILED' }`.
 */
export function open(params: OpenParams): OpenResult {
  assertObject(params, 'params');
  const recipientKey = toP256KeyObject(params.recipientPrivateKey, 'recipientPrivateKey', 'private');
  assertString(params.senderId, 'senderId');
  assertString(params.recipientId, 'recipientId');
  assertUint8Array(params.aad, 'aad');
  // Ids often come from the received envelope header; one seal() would have refused
  // cannot have been used to seal, so it is a failed decryption rather than a bug.
  if (!isValidNodeId(params.senderId) || !isValidNodeId(params.recipientId)) return decryptFailed();
  const info = e2eKdfInfo(params.senderId, params.recipientId);
  const maxPlaintextBytes = resolveMaxPlaintextBytes(params.maxPlaintextBytes);
  const sealed = params.sealed as unknown;
  if (!isSealedBoxShape(sealed) || !hasValidLengths(sealed, maxPlaintextBytes)) return decryptFailed();
  // Rejects malformed and off-curve points before any scalar multiplication (invalid-curve attacks).
  const ephemeralKey = p256PointToPublicKey(sealed.ephemeralPublicKey);
  if (ephemeralKey === null) return decryptFailed();
  let key: Uint8Array;
  try {
    key = deriveKey(recipientKey, ephemeralKey, sealed.salt, info);
  } catch {
    return decryptFailed();
  }
  const plaintext = aes256GcmDecrypt(key, sealed.nonce, sealed.ciphertext, params.aad);
  key.fill(0);
  return plaintext === null ? decryptFailed() : { ok: true, plaintext };
}

function decryptFailed(): OpenResult {
  return { ok: false, code: 'DECRYPT_FAILED' };
}

function deriveKey(privateKey: KeyObject, publicKey: KeyObject, salt: Uint8Array, info: Uint8Array): Uint8Array {
  const shared = diffieHellman({ privateKey, publicKey });
  try {
    return hkdfSha256(shared, salt, info, AES_256_KEY_BYTES);
  } finally {
    shared.fill(0);
  }
}

/** "datanet/e2e/v1" || u16be(len sender) || sender || u16be(len recipient) || recipient. */
export function e2eKdfInfo(senderId: string, recipientId: string): Uint8Array {
  assertNodeId(senderId, 'senderId');
  assertNodeId(recipientId, 'recipientId');
  return concatBytes(Buffer.from(E2E_INFO_LABEL, 'ascii'), lengthPrefixed(senderId), lengthPrefixed(recipientId));
}

function lengthPrefixed(value: string): Uint8Array {
  const bytes = Buffer.from(value, 'utf8');
  const prefix = Buffer.alloc(2);
  prefix.writeUInt16BE(bytes.length);
  return concatBytes(prefix, bytes);
}

function hasValidLengths(sealed: SealedBox, maxPlaintextBytes: number): boolean {
  return (
    sealed.ephemeralPublicKey.length === E2E_EPHEMERAL_PUBLIC_KEY_BYTES &&
    sealed.salt.length === E2E_SALT_BYTES &&
    sealed.nonce.length === E2E_NONCE_BYTES &&
    sealed.ciphertext.length >= E2E_TAG_BYTES &&
    sealed.ciphertext.length <= maxPlaintextBytes + E2E_TAG_BYTES
  );
}

/**
 * The box arrives off the wire (e.g. a protobuf decode that may leave a field missing),
 * so a malformed shape is an expected failure, not a programming error: no throw.
 */
function isSealedBoxShape(value: unknown): value is SealedBox {
  if (typeof value !== 'object' || value === null) return false;
  const box = value as Partial<Record<keyof SealedBox, unknown>>;
  return (
    box.ephemeralPublicKey instanceof Uint8Array &&
    box.salt instanceof Uint8Array &&
    box.nonce instanceof Uint8Array &&
    box.ciphertext instanceof Uint8Array
  );
}

function resolveMaxPlaintextBytes(value: unknown): number {
  if (value === undefined) return DEFAULT_MAX_PLAINTEXT_BYTES;
  assertIntegerInRange(value, 'maxPlaintextBytes', 0, MAX_PLAINTEXT_BYTES_LIMIT);
  return value;
}

/**
 * WebCrypto keys must be ECDH keys (key separation from signing keys); KeyObjects carry
 * no algorithm label, so only their curve and type can be checked.
 */
function toP256KeyObject(value: unknown, name: string, type: 'public' | 'private'): KeyObject {
  if (isNodeCryptoKey(value)) {
    assertP256CryptoKey(value, name, { type, algorithm: 'ECDH' });
    return KeyObject.from(value);
  }
  if (value instanceof KeyObject) {
    if (value.type !== type || value.asymmetricKeyType !== 'ec' || value.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
      throw new CryptoInputError(`${name} must be a P-256 EC ${type} key`);
    }
    return value;
  }
  throw new CryptoInputError(`${name} must be an ECDH P-256 CryptoKey or an EC P-256 KeyObject`);
}
