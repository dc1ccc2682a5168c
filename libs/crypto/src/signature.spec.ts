import { KeyObject, generateKeyPairSync, sign as nodeSign, webcrypto } from 'node:crypto';
import fc from 'fast-check';
import { CryptoInputError } from './errors.js';
import {
  createNetworkCa,
  exportPrivateKeyPem,
  generateKeyAgreementKeyPair,
  generateSigningKeyPair,
  issueHubCertificate,
  issueNodeCertificate,
} from './pki.js';
import { SIGNATURE_BYTES, SigningKey, VerifyingKey, sign, verify } from './signature.js';

const message = new TextEncoder().encode('lease:42:accept');

function flipBit(bytes: Uint8Array, bitIndex: number): Uint8Array {
  const copy = Uint8Array.from(bytes);
  copy[bitIndex >> 3] = (copy[bitIndex >> 3] ?? 0) ^ (1 << (bitIndex & 7));
  return copy;
}

describe('async sign/verify (WebCrypto)', () => {
  let keys: webcrypto.CryptoKeyPair;
  beforeAll(async () => {
    keys = await generateSigningKeyPair();
  });

  it('produces 64-byte P1363 signatures that verify', async () => {
    const signature = await sign(keys.privateKey, message);
    expect(signature).toBeInstanceOf(Uint8Array);
    expect(signature).toHaveLength(SIGNATURE_BYTES);
    await expect(verify(keys.publicKey, message, signature)).resolves.toBe(true);
  });

  it('returns false for tampered data or signature', async () => {
    const signature = await sign(keys.privateKey, message);
    await expect(verify(keys.publicKey, flipBit(message, 3), signature)).resolves.toBe(false);
    await expect(verify(keys.publicKey, message, flipBit(signature, 100))).resolves.toBe(false);
    const other = await generateSigningKeyPair();
    await expect(verify(other.publicKey, message, signature)).resolves.toBe(false);
  });

  it('returns false (never throws) for wrong-length, wrong-type or garbage signatures', async () => {
    const signature = await sign(keys.privateKey, message);
    await expect(verify(keys.publicKey, message, null as unknown as Uint8Array)).resolves.toBe(false);
    await expect(verify(keys.publicKey, message, Array.from(signature) as unknown as Uint8Array)).resolves.toBe(false);
    expect(VerifyingKey.fromCryptoKey(keys.publicKey).verify(message, undefined as unknown as Uint8Array)).toBe(false);
    for (const bad of [new Uint8Array(0), signature.subarray(0, 63), new Uint8Array(65), new Uint8Array(64), new Uint8Array(64).fill(0xff)]) {
      await expect(verify(keys.publicKey, message, bad)).resolves.toBe(false);
    }
    // A DER-encoded signature is not accepted in place of P1363.
    const der = nodeSign('sha256', message, KeyObject.from(keys.privateKey));
    await expect(verify(keys.publicKey, message, new Uint8Array(der))).resolves.toBe(false);
  });

  it('throws CryptoInputError for wrong key kinds and non-byte arguments', async () => {
    const agreement = await generateKeyAgreementKeyPair();
    await expect(sign(agreement.privateKey, message)).rejects.toThrow(CryptoInputError);
    await expect(sign(keys.publicKey, message)).rejects.toThrow(/private/);
    await expect(sign(keys.privateKey, 'text' as unknown as Uint8Array)).rejects.toThrow(/data/);
    await expect(verify(keys.publicKey, 'text' as unknown as Uint8Array, new Uint8Array(64))).rejects.toThrow(/data/);
    await expect(verify(keys.privateKey, message, new Uint8Array(64))).rejects.toThrow(/public/);
  });
});

describe('sync SigningKey / VerifyingKey (KeyObject fast path)', () => {
  let keys: webcrypto.CryptoKeyPair;
  let privatePem: string;
  let certPem: string;
  let agreementCertPem: string;

  beforeAll(async () => {
    keys = await generateSigningKeyPair();
    privatePem = await exportPrivateKeyPem(keys.privateKey);
    const ca = await createNetworkCa({ networkName: 'sig-test', validityDays: 2 });
    const hubKeys = await generateSigningKeyPair();
    const hub = await issueHubCertificate({ ca, hubId: 'hub-s', publicKey: hubKeys.publicKey, validityDays: 1 });
    const issuer = { certPem: hub.certPem, privateKeyPem: await exportPrivateKeyPem(hubKeys.privateKey) };
    const base = { issuer, nodeId: 'p-s', role: 'participant' as const, validityDays: 1 };
    certPem = (await issueNodeCertificate({ ...base, usage: 'signing', publicKey: keys.publicKey })).certPem;
    const agreement = await generateKeyAgreementKeyPair();
    agreementCertPem = (await issueNodeCertificate({ ...base, usage: 'key-agreement', publicKey: agreement.publicKey })).certPem;
  });

  it('interoperates with the async API in both directions', async () => {
    const signer = SigningKey.fromPkcs8Pem(privatePem);
    const syncSignature = signer.sign(message);
    expect(syncSignature).toHaveLength(SIGNATURE_BYTES);
    await expect(verify(keys.publicKey, message, syncSignature)).resolves.toBe(true);
    const verifier = VerifyingKey.fromCertificatePem(certPem);
    expect(verifier.verify(message, await sign(keys.privateKey, message))).toBe(true);
    expect(verifier.verify(message, syncSignature)).toBe(true);
  });

  it('returns false for tampered data, tampered or malformed signatures', () => {
    const signer = SigningKey.fromCryptoKey(keys.privateKey);
    const verifier = signer.verifyingKey();
    const signature = signer.sign(message);
    expect(verifier.verify(flipBit(message, 0), signature)).toBe(false);
    expect(verifier.verify(message, flipBit(signature, 511))).toBe(false);
    expect(verifier.verify(message, signature.subarray(1))).toBe(false);
    expect(verifier.verify(message, new Uint8Array(64))).toBe(false);
  });

  it('rejects any single-bit flip of a signature (property)', () => {
    const signer = SigningKey.fromCryptoKey(keys.privateKey);
    const verifier = VerifyingKey.fromCryptoKey(keys.publicKey);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 256 }), fc.nat({ max: SIGNATURE_BYTES * 8 - 1 }), (data, bit) => {
        const signature = signer.sign(data);
        return verifier.verify(data, signature) && !verifier.verify(data, flipBit(signature, bit));
      }),
      { numRuns: 25 },
    );
  });

  it('memoises verifying keys per certificate and exposes the fingerprint', () => {
    const first = VerifyingKey.fromCertificatePem(certPem);
    expect(VerifyingKey.fromCertificatePem(certPem)).toBe(first);
    expect(first.fingerprintSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('supports JWK and SPKI construction', async () => {
    const jwkPrivate = await webcrypto.subtle.exportKey('jwk', keys.privateKey);
    const jwkPublic = await webcrypto.subtle.exportKey('jwk', keys.publicKey);
    const signature = SigningKey.fromJwk(jwkPrivate).sign(message);
    expect(VerifyingKey.fromJwk(jwkPublic).verify(message, signature)).toBe(true);
    const spkiPem = KeyObject.from(keys.publicKey).export({ format: 'pem', type: 'spki' }).toString();
    const verifier = VerifyingKey.fromSpkiPem(spkiPem);
    expect(verifier.verify(message, signature)).toBe(true);
    await expect(verify(await verifier.toCryptoKey(), message, signature)).resolves.toBe(true);
  });

  it('refuses key-agreement certificates, other curves and key kinds', async () => {
    expect(() => VerifyingKey.fromCertificatePem(agreementCertPem)).toThrow(/not a signing certificate/);
    const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' });
    expect(() => SigningKey.fromKeyObject(p384.privateKey)).toThrow(/P-256/);
    expect(() => VerifyingKey.fromKeyObject(p384.publicKey)).toThrow(/P-256/);
    const agreement = await generateKeyAgreementKeyPair();
    expect(() => SigningKey.fromCryptoKey(agreement.privateKey)).toThrow(/ECDSA/);
    expect(() => SigningKey.fromPkcs8Pem('garbage')).toThrow(CryptoInputError);
    expect(() => VerifyingKey.fromCertificatePem('garbage')).toThrow(CryptoInputError);
    expect(() => SigningKey.fromCryptoKey(keys.privateKey).sign('x' as unknown as Uint8Array)).toThrow(/data/);
  });
});
