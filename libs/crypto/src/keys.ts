// Key generation, PEM/SPKI import-export and key-file I/O. Re-exported by pki.ts.
import { randomBytes, webcrypto } from 'node:crypto';
import { chmod, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { CryptoInputError } from './errors.js';
import { derToPem, pemToDer } from './pem.js';
import { assertNonEmptyString, assertOneOf, assertP256CryptoKey, assertString, assertUint8Array } from './validate.js';

export type CryptoKey = webcrypto.CryptoKey;
export type CryptoKeyPair = webcrypto.CryptoKeyPair;

/**
 * What a key is for. Every participant has one key of each kind; a key is never used for
 * both, because mixing ECDSA and ECDH on one key voids the security proofs of both.
 */
export type KeyUsageKind = 'signing' | 'key-agreement';
export const KEY_USAGE_KINDS: readonly KeyUsageKind[] = ['signing', 'key-agreement'];

const PRIVATE_KEY_LABEL = 'PRIVATE KEY';
const PUBLIC_KEY_LABEL = 'PUBLIC KEY';
/** PEM files we read are keys or short certificate chains; anything bigger is a mistake. */
const MAX_PEM_FILE_BYTES = 1024 * 1024;

const subtle = webcrypto.subtle;

function algorithmFor(usage: KeyUsageKind): webcrypto.EcKeyImportParams {
  return { name: usage === 'signing' ? 'ECDSA' : 'ECDH', namedCurve: 'P-256' };
}

function privateUsagesFor(usage: KeyUsageKind): webcrypto.KeyUsage[] {
  return usage === 'signing' ? ['sign'] : ['deriveBits'];
}

/** WebCrypto requires ECDH public keys to carry no usages; ECDSA public keys verify. */
function publicUsagesFor(usage: KeyUsageKind): webcrypto.KeyUsage[] {
  return usage === 'signing' ? ['verify'] : [];
}

/**
 * ECDSA P-256 key pair. The private key is extractable so it can be written to disk once
 * (see {@link exportPrivateKeyPem}); re-imported keys default to non-extractable.
 */
export async function generateSigningKeyPair(): Promise<CryptoKeyPair> {
  return subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
}

/** ECDH P-256 key pair for end-to-end sealing; separate from the signing key by design. */
export async function generateKeyAgreementKeyPair(): Promise<CryptoKeyPair> {
  return subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
}

/** PKCS#8 PEM ("BEGIN PRIVATE KEY") of an extractable P-256 private key. */
export async function exportPrivateKeyPem(privateKey: CryptoKey): Promise<string> {
  assertP256PrivateKeyOfEitherKind(privateKey, 'privateKey');
  if (!privateKey.extractable) {
    throw new CryptoInputError('privateKey is not extractable');
  }
  return derToPem(new Uint8Array(await subtle.exportKey('pkcs8', privateKey)), PRIVATE_KEY_LABEL);
}

/**
 * Imports a PKCS#8 PEM P-256 private key as ECDSA (`signing`) or ECDH (`key-agreement`).
 * Non-extractable unless asked: a loaded key should not be exportable by accident.
 */
export async function importPrivateKeyPem(
  pem: string,
  usage: KeyUsageKind,
  options: { extractable?: boolean } = {},
): Promise<CryptoKey> {
  assertString(pem, 'pem');
  assertOneOf(usage, KEY_USAGE_KINDS, 'usage');
  const der = pemToDer(pem, PRIVATE_KEY_LABEL);
  if (der === null) {
    throw new CryptoInputError('pem must contain a PKCS#8 "PRIVATE KEY" block (SEC1 "EC PRIVATE KEY" is not accepted)');
  }
  try {
    return await subtle.importKey('pkcs8', der, algorithmFor(usage), options.extractable === true, privateUsagesFor(usage));
  } catch (cause) {
    throw new CryptoInputError('pem is not a PKCS#8 P-256 EC private key', { cause });
  }
}

/** SubjectPublicKeyInfo DER of a P-256 public key. */
export async function exportPublicKeySpki(publicKey: CryptoKey): Promise<Uint8Array> {
  assertP256PublicKeyOfEitherKind(publicKey, 'publicKey');
  return new Uint8Array(await subtle.exportKey('spki', publicKey));
}

/** SPKI PEM ("BEGIN PUBLIC KEY") of a P-256 public key. */
export async function exportPublicKeyPem(publicKey: CryptoKey): Promise<string> {
  return derToPem(await exportPublicKeySpki(publicKey), PUBLIC_KEY_LABEL);
}

export async function importPublicKeySpki(spkiDer: Uint8Array, usage: KeyUsageKind): Promise<CryptoKey> {
  assertUint8Array(spkiDer, 'spkiDer');
  assertOneOf(usage, KEY_USAGE_KINDS, 'usage');
  try {
    return await subtle.importKey('spki', spkiDer, algorithmFor(usage), true, publicUsagesFor(usage));
  } catch (cause) {
    throw new CryptoInputError('spkiDer is not a P-256 EC SubjectPublicKeyInfo', { cause });
  }
}

export async function importPublicKeyPem(pem: string, usage: KeyUsageKind): Promise<CryptoKey> {
  assertString(pem, 'pem');
  const der = pemToDer(pem, PUBLIC_KEY_LABEL);
  if (der === null) {
    throw new CryptoInputError('pem must contain a "PUBLIC KEY" (SPKI) block');
  }
  return importPublicKeySpki(der, usage);
}

/**
 * Writes a PEM (typically a private key) so that it is never readable by others, not even
 * briefly: the parent directory is created 0700, the content goes to a fresh temp file
 * opened 0600 with O_EXCL, is fsynced, then atomically renamed over `path`. An existing
 * directory's mode is left alone (it may be shared, e.g. a mounted secrets volume).
 */
export async function saveKeyFile(path: string, pem: string): Promise<void> {
  assertNonEmptyString(path, 'path');
  assertPemText(pem, 'pem');
  const target = resolve(path);
  const dir = dirname(target);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const temp = join(dir, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(pem, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    // umask can only remove bits, but set the mode explicitly so the result is predictable.
    await chmod(temp, 0o600);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Reads a PEM file (key, certificate or chain); throws CryptoInputError if it holds no PEM block. */
export async function loadPem(path: string): Promise<string> {
  assertNonEmptyString(path, 'path');
  const info = await stat(path);
  if (!info.isFile() || info.size > MAX_PEM_FILE_BYTES) {
    throw new CryptoInputError(`${path} is not a regular file of at most ${MAX_PEM_FILE_BYTES} bytes`);
  }
  const text = await readFile(path, 'utf8');
  assertPemText(text, path);
  return text;
}

function assertPemText(value: unknown, name: string): asserts value is string {
  assertString(value, name);
  if (!/-----BEGIN [A-Z0-9 ]+-----[\s\S]+-----END [A-Z0-9 ]+-----/.test(value)) {
    throw new CryptoInputError(`${name} does not contain a PEM block`);
  }
}

function assertP256PrivateKeyOfEitherKind(key: unknown, name: string): asserts key is CryptoKey {
  assertP256KeyOfEitherKind(key, name, 'private');
}

function assertP256PublicKeyOfEitherKind(key: unknown, name: string): asserts key is CryptoKey {
  assertP256KeyOfEitherKind(key, name, 'public');
}

function assertP256KeyOfEitherKind(key: unknown, name: string, type: 'public' | 'private'): asserts key is CryptoKey {
  const algorithm = (key as { algorithm?: { name?: unknown } } | null)?.algorithm?.name;
  assertP256CryptoKey(key, name, { type, algorithm: algorithm === 'ECDH' ? 'ECDH' : 'ECDSA' });
}
