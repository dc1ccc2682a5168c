// Wire formats shared by the lessee (TypeScript, via protocol.d.mts) and the simulated enclave
// worker. Plain ESM on node: built-ins only, because worker threads bypass jest's transform
// and because this file is part of the enclave's MEASURED code bundle: one implementation of
// every byte layout, used on both sides of the handshake, cannot drift.
import { createCipheriv, createDecipheriv, createECDH, createHash, hkdfSync, randomBytes } from 'node:crypto';

export const TEE_SIMULATED_SOFTWARE = 'simulated-software';
export const QUOTE_VERSION = 1;

// Domain-separation labels; every signed, hashed or derived input starts with one.
export const LABEL_QUOTE = 'datanet/enclave/quote/v1';
export const LABEL_MEASUREMENT = 'datanet/enclave/measurement/v1';
export const LABEL_SESSION = 'datanet/enclave/session/v1';
export const LABEL_KEY_ID = 'datanet/enclave/key-id/v1';
export const LABEL_SUBTASK = 'datanet/enclave/subtask/v1';
export const LABEL_RESULT = 'datanet/enclave/result/v1';

/** Order of the measured bundle; names (not paths) are hashed so the install location does not matter. */
export const MEASURED_COMPONENTS = Object.freeze(['entry', 'protocol', 'workload']);
/** Prefix of an extra measured module's hashed name: `module:<name>` (cannot collide with the three above). */
export const EXTRA_MODULE_PREFIX = 'module:';
/** Most extra measured modules one enclave may declare, and most public inputs/outputs per sub-task. */
export const MAX_EXTRA_MODULES = 8;
export const MAX_PUBLIC_PARTS = 1024;

export const NONCE_BYTES = 32;
export const DIGEST_BYTES = 32;
export const POINT_BYTES = 65;
export const GCM_NONCE_BYTES = 12;
export const GCM_TAG_BYTES = 16;
export const AES_KEY_BYTES = 32;
export const KEY_ID_HEX_CHARS = 32;
export const MAX_ID_CHARS = 128;
export const MAX_TEE_TYPE_CHARS = 32;

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const HEX_PATTERN = /^(?:[0-9a-f]{2})*$/;

/** Stable reason codes, range 3100-3199 (see README "Codes"). */
export const EnclaveCode = Object.freeze({
  // quote verification (lessee side), 3100-3119
  QUOTE_MALFORMED: 3100,
  PLATFORM_CERT_INVALID: 3101,
  PLATFORM_IDENTITY_MISMATCH: 3102,
  QUOTE_SIGNATURE_INVALID: 3103,
  TEE_TYPE_NOT_ALLOWED: 3104,
  MEASUREMENT_NOT_ALLOWED: 3105,
  QUOTE_LEASE_MISMATCH: 3106,
  QUOTE_INSTRUCTION_MISMATCH: 3107,
  QUOTE_NONCE_MISMATCH: 3108,
  QUOTE_STALE: 3109,
  // key negotiation, 3120-3139
  HANDSHAKE_MALFORMED: 3120,
  HANDSHAKE_NOT_ATTESTED: 3121,
  HANDSHAKE_WRONG_LESSOR: 3122,
  HANDSHAKE_KEY_MISMATCH: 3123,
  KEY_REUSED_ACROSS_LESSORS: 3124,
  KEY_CONFIRMATION_FAILED: 3125,
  SESSION_ALREADY_ESTABLISHED: 3126,
  SESSION_LIMIT_REACHED: 3127,
  // execution, 3140-3159
  SUBTASK_MALFORMED: 3140,
  SESSION_KEY_UNKNOWN: 3141,
  DECRYPT_FAILED: 3142,
  INSTRUCTION_DIGEST_MISMATCH: 3143,
  PAYLOAD_MALFORMED: 3144,
  WORKLOAD_REJECTED: 3145,
  SUBTASK_TOO_LARGE: 3146,
  RESULT_DECRYPT_FAILED: 3147,
  PUBLIC_INPUT_MISMATCH: 3148,
  RESULT_PUBLIC_OUTPUT_MISMATCH: 3149,
  // infrastructure, 3180-3199 (thrown as EnclaveUnavailableError, not returned)
  ENCLAVE_TIMEOUT: 3180,
  ENCLAVE_CLOSED: 3181,
  ENCLAVE_CRASHED: 3182,
  ENCLAVE_START_FAILED: 3183,
});

export function isId(value) {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

export function isHex(value, bytes) {
  return typeof value === 'string' && value.length === bytes * 2 && HEX_PATTERN.test(value);
}

export function sha256Hex(bytes) {
  return createHash('sha256').update(bytes).digest('hex');
}

function u16(n) {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
}

function u64(n) {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(n));
  return b;
}

/** u16be length || UTF-8 bytes: unambiguous concatenation of variable-length strings. */
export function lp(text) {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length > 0xffff) throw new RangeError('length-prefixed field too long');
  return Buffer.concat([u16(bytes.length), bytes]);
}

/**
 * Measurement = SHA-256( LABEL_MEASUREMENT || for each component in MEASURED_COMPONENTS
 * order: lp(name) || u64be(byteLength) || bytes
 *   || then for each extra module in DECLARED order: lp("module:" + name) || u64be(byteLength) || bytes ).
 * `components` maps name -> file bytes; `extraModules` is [{ name, bytes }]. With no extra
 * modules the value is the same as before extra modules existed.
 */
export function measurementOf(components, extraModules = []) {
  const hash = createHash('sha256').update(Buffer.from(LABEL_MEASUREMENT, 'utf8'));
  for (const name of MEASURED_COMPONENTS) {
    const bytes = components[name];
    if (!(bytes instanceof Uint8Array)) throw new TypeError(`missing measured component ${name}`);
    hash.update(lp(name)).update(u64(bytes.length)).update(bytes);
  }
  checkExtraModuleNames(extraModules.map((m) => m.name));
  for (const { name, bytes } of extraModules) {
    if (!(bytes instanceof Uint8Array)) throw new TypeError(`missing bytes of extra module ${name}`);
    hash.update(lp(EXTRA_MODULE_PREFIX + name)).update(u64(bytes.length)).update(bytes);
  }
  return hash.digest('hex');
}

/** Extra module names: ids, unique, at most MAX_EXTRA_MODULES. Throws TypeError otherwise. */
export function checkExtraModuleNames(names) {
  if (names.length > MAX_EXTRA_MODULES) throw new TypeError(`at most ${MAX_EXTRA_MODULES} extra modules`);
  const seen = new Set();
  for (const name of names) {
    if (!isId(name) || seen.has(name)) throw new TypeError(`extra module name ${String(name)} is not a unique id`);
    seen.add(name);
  }
}

/** SHA-256 hex of each public part (sub-task public inputs, result public outputs), in order. */
export function publicDigests(parts) {
  return parts.map((part) => sha256Hex(part));
}

/** True when `parts` is an array of at most MAX_PUBLIC_PARTS Uint8Arrays. */
export function isPublicParts(parts) {
  return Array.isArray(parts) && parts.length <= MAX_PUBLIC_PARTS && parts.every((p) => p instanceof Uint8Array);
}

/**
 * The signed part of a quote:
 * LABEL_QUOTE || u8 version || lp(teeType) || measurement(32) || enclavePublicKey(65)
 *   || lp(leaseId) || instructionDigest(32) || nonce(32) || u64be(timestampMs)
 */
export function quoteBody(q) {
  return Buffer.concat([
    Buffer.from(LABEL_QUOTE, 'utf8'),
    Buffer.from([q.version]),
    lp(q.teeType),
    Buffer.from(q.measurement, 'hex'),
    Buffer.from(q.enclavePublicKey, 'hex'),
    lp(q.leaseId),
    Buffer.from(q.instructionDigest, 'hex'),
    Buffer.from(q.nonce, 'hex'),
    u64(q.timestampMs),
  ]);
}

/** Digest of the whole quote (body and signature), named in the handshake transcript. */
export function quoteDigest(q) {
  return sha256Hex(Buffer.concat([quoteBody(q), Buffer.from(q.signature, 'hex')]));
}

/** Fresh ephemeral ECDH P-256 pair; `publicKey` is the 65-byte uncompressed point as hex. */
export function generateEphemeral() {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return { ecdh, publicKey: ecdh.getPublicKey('hex', 'uncompressed') };
}

/** ECDH shared secret; null when the peer point is not a valid P-256 point. */
export function sharedSecret(ecdh, peerPublicKeyHex) {
  if (!isHex(peerPublicKeyHex, POINT_BYTES) || !peerPublicKeyHex.startsWith('04')) return null;
  try {
    return ecdh.computeSecret(Buffer.from(peerPublicKeyHex, 'hex'));
  } catch {
    return null;
  }
}

/**
 * Claim 3 session key: K = HKDF-SHA-256(ikm = ECDH secret, salt = lessee nonce,
 *   info = LABEL_SESSION || lp(leaseId) || lp(lessorId) || lp(lesseeId) || lesseePub(65) || enclavePub(65)).
 * Naming the lessor and lease in `info` makes the key distinct per lessor and per lease even
 * if a party reused an ECDH key. keyId = first 16 bytes of SHA-256(LABEL_KEY_ID || K), hex:
 * a public handle for the key that both sides compute (it doubles as key confirmation).
 */
export function deriveSessionKey(secret, t) {
  const info = Buffer.concat([
    Buffer.from(LABEL_SESSION, 'utf8'),
    lp(t.leaseId),
    lp(t.lessorId),
    lp(t.lesseeId),
    Buffer.from(t.lesseePublicKey, 'hex'),
    Buffer.from(t.enclavePublicKey, 'hex'),
  ]);
  const key = Buffer.from(hkdfSync('sha256', secret, Buffer.from(t.nonce, 'hex'), info, AES_KEY_BYTES));
  const keyId = createHash('sha256').update(LABEL_KEY_ID).update(key).digest('hex').slice(0, KEY_ID_HEX_CHARS);
  return { key, keyId };
}

/** AAD of a sub-task: LABEL_SUBTASK || lp(leaseId) || lp(subTaskId). */
export function subTaskAad(leaseId, subTaskId) {
  return Buffer.concat([Buffer.from(LABEL_SUBTASK, 'utf8'), lp(leaseId), lp(subTaskId)]);
}

/**
 * AAD of a result: LABEL_RESULT || lp(leaseId) || lp(subTaskId) || lp('result'), or
 * lp('result+public') for a result that carries public outputs (its sealed plaintext is then
 * `{ value, publicOutputDigests }`), so one kind can never be opened as the other.
 */
export function resultAad(leaseId, subTaskId, withPublicOutputs = false) {
  return Buffer.concat([Buffer.from(LABEL_RESULT, 'utf8'), lp(leaseId), lp(subTaskId), lp(withPublicOutputs ? 'result+public' : 'result')]);
}

/** AES-256-GCM with a fresh random 96-bit nonce; ciphertext is body || 16-byte tag, base64. */
export function gcmSeal(key, plaintext, aad) {
  const nonce = randomBytes(GCM_NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: GCM_TAG_BYTES });
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return { nonce: nonce.toString('hex'), ciphertext: body.toString('base64') };
}

/** Inverse of gcmSeal; null on any failure (bad nonce, short input, failed tag). */
export function gcmOpen(key, nonceHex, ciphertextB64, aad) {
  if (!isHex(nonceHex, GCM_NONCE_BYTES) || typeof ciphertextB64 !== 'string') return null;
  const data = Buffer.from(ciphertextB64, 'base64');
  if (data.length < GCM_TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonceHex, 'hex'), { authTagLength: GCM_TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(data.subarray(data.length - GCM_TAG_BYTES));
    return Buffer.concat([decipher.update(data.subarray(0, data.length - GCM_TAG_BYTES)), decipher.final()]);
  } catch {
    return null;
  }
}
