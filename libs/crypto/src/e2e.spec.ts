import { createPrivateKey, generateKeyPairSync, webcrypto } from 'node:crypto';
import fc from 'fast-check';
import {
  DEFAULT_MAX_PLAINTEXT_BYTES,
  E2E_EPHEMERAL_PUBLIC_KEY_BYTES,
  E2E_NONCE_BYTES,
  E2E_SALT_BYTES,
  E2E_TAG_BYTES,
  open,
  seal,
  type SealedBox,
} from './e2e.js';
import { CryptoInputError } from './errors.js';
import {
  createNetworkCa,
  exportPrivateKeyPem,
  generateKeyAgreementKeyPair,
  generateSigningKeyPair,
  issueHubCertificate,
  issueNodeCertificate,
  verifyChain,
} from './pki.js';

const NUM_RUNS = 25;
const SENDER = 'acme-1';
const RECIPIENT = 'globex-2';
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const AAD = encode('msg-1|lease.offer|acme-1|globex-2|session-9');

let recipient: webcrypto.CryptoKeyPair;
let stranger: webcrypto.CryptoKeyPair;

beforeAll(async () => {
  recipient = await generateKeyAgreementKeyPair();
  stranger = await generateKeyAgreementKeyPair();
});

function sealFor(plaintext: Uint8Array, aad: Uint8Array = AAD, senderId = SENDER, recipientId = RECIPIENT): SealedBox {
  return seal({ recipientPublicKey: recipient.publicKey, senderId, recipientId, plaintext, aad });
}

function openAs(sealed: SealedBox, aad: Uint8Array = AAD, overrides: Partial<Parameters<typeof open>[0]> = {}): ReturnType<typeof open> {
  return open({ recipientPrivateKey: recipient.privateKey, senderId: SENDER, recipientId: RECIPIENT, sealed, aad, ...overrides });
}

function flipBit(bytes: Uint8Array, bitIndex: number): Uint8Array {
  const copy = Uint8Array.from(bytes);
  const index = (bitIndex >> 3) % copy.length;
  copy[index] = (copy[index] ?? 0) ^ (1 << (bitIndex & 7));
  return copy;
}

const FAILED = { ok: false, code: 'DECRYPT_FAILED' };
const nodeId = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,30}$/);

describe('seal/open', () => {
  it('produces a box with the documented field sizes', () => {
    const plaintext = encode('hello hub, you cannot read this');
    const sealed = sealFor(plaintext);
    expect(sealed.ephemeralPublicKey).toHaveLength(E2E_EPHEMERAL_PUBLIC_KEY_BYTES);
    expect(sealed.ephemeralPublicKey[0]).toBe(0x04);
    expect(sealed.salt).toHaveLength(E2E_SALT_BYTES);
    expect(sealed.nonce).toHaveLength(E2E_NONCE_BYTES);
    expect(sealed.ciphertext).toHaveLength(plaintext.length + E2E_TAG_BYTES);
    expect(openAs(sealed)).toEqual({ ok: true, plaintext });
  });

  it('uses a fresh ephemeral key, salt and nonce per message', () => {
    const a = sealFor(encode('same'));
    const b = sealFor(encode('same'));
    expect(a.ephemeralPublicKey).not.toEqual(b.ephemeralPublicKey);
    expect(a.salt).not.toEqual(b.salt);
    expect(a.nonce).not.toEqual(b.nonce);
    expect(a.ciphertext).not.toEqual(b.ciphertext);
  });

  it('round-trips arbitrary plaintext, aad and ids (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), fc.uint8Array({ maxLength: 256 }), nodeId, nodeId, (plaintext, aad, from, to) => {
        const sealed = sealFor(plaintext, aad, from, to);
        const opened = openAs(sealed, aad, { senderId: from, recipientId: to });
        return opened.ok && Buffer.from(opened.plaintext).equals(Buffer.from(plaintext));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('fails on any single-bit flip of ciphertext, nonce, salt, ephemeral key or aad (property)', () => {
    const fields = ['ciphertext', 'nonce', 'salt', 'ephemeralPublicKey', 'aad'] as const;
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 512 }),
        fc.uint8Array({ minLength: 1, maxLength: 64 }),
        fc.constantFrom(...fields),
        fc.nat(),
        (plaintext, aad, field, bit) => {
          const sealed = sealFor(plaintext, aad);
          if (field === 'aad') return openAs(sealed, flipBit(aad, bit)).ok === false;
          const tampered = { ...sealed, [field]: flipBit(sealed[field], bit) };
          const opened = openAs(tampered, aad);
          return !opened.ok && opened.code === 'DECRYPT_FAILED';
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('fails for the wrong recipient key', () => {
    expect(openAs(sealFor(encode('secret')), AAD, { recipientPrivateKey: stranger.privateKey })).toEqual(FAILED);
  });

  it('fails when sender or recipient ids differ from those used to seal', () => {
    const sealed = sealFor(encode('secret'));
    expect(openAs(sealed, AAD, { senderId: 'acme-2' })).toEqual(FAILED);
    expect(openAs(sealed, AAD, { senderId: RECIPIENT, recipientId: SENDER })).toEqual(FAILED);
    expect(openAs(sealed, AAD, { senderId: 'not a node id' })).toEqual(FAILED);
    expect(() => openAs(sealed, AAD, { senderId: 42 as unknown as string })).toThrow(/senderId/);
    // Length prefixes keep ("ab","c") and ("a","bc") apart.
    const split = sealFor(encode('x'), AAD, 'ab', 'c');
    expect(openAs(split, AAD, { senderId: 'a', recipientId: 'bc' })).toEqual(FAILED);
  });

  it('fails (does not throw) on wrong lengths and invalid ephemeral points', () => {
    const sealed = sealFor(encode('secret'));
    const offCurve = Uint8Array.from(sealed.ephemeralPublicKey);
    offCurve[64] = (offCurve[64] ?? 0) ^ 0x01;
    const compressedPrefix = Uint8Array.from(sealed.ephemeralPublicKey);
    compressedPrefix[0] = 0x02;
    const cases: SealedBox[] = [
      { ...sealed, ephemeralPublicKey: sealed.ephemeralPublicKey.subarray(0, 64) },
      { ...sealed, ephemeralPublicKey: sealed.ephemeralPublicKey.subarray(0, 33) },
      { ...sealed, ephemeralPublicKey: offCurve },
      { ...sealed, ephemeralPublicKey: compressedPrefix },
      { ...sealed, ephemeralPublicKey: new Uint8Array(65) },
      { ...sealed, salt: sealed.salt.subarray(1) },
      { ...sealed, nonce: new Uint8Array(16) },
      { ...sealed, ciphertext: sealed.ciphertext.subarray(0, E2E_TAG_BYTES - 1) },
      { ...sealed, ciphertext: sealed.ciphertext.subarray(0, sealed.ciphertext.length - 1) },
    ];
    for (const bad of cases) expect(openAs(bad)).toEqual(FAILED);
  });

  it('fails (does not throw) on a malformed box shape, e.g. a field missing after decoding', () => {
    const sealed = sealFor(encode('secret'));
    const shapes = [
      null,
      'box',
      { ...sealed, nonce: undefined },
      { ...sealed, salt: Array.from(sealed.salt) },
    ] as unknown as SealedBox[];
    for (const bad of shapes) expect(openAs(bad)).toEqual(FAILED);
  });

  it('bounds plaintext size by maxPlaintextBytes (default 8 MiB)', () => {
    const sealed = sealFor(new Uint8Array(100));
    expect(openAs(sealed, AAD, { maxPlaintextBytes: 99 })).toEqual(FAILED);
    expect(openAs(sealed, AAD, { maxPlaintextBytes: 100 }).ok).toBe(true);
    const args = { recipientPublicKey: recipient.publicKey, senderId: SENDER, recipientId: RECIPIENT, aad: AAD };
    expect(() => seal({ ...args, plaintext: new Uint8Array(11), maxPlaintextBytes: 10 })).toThrow(/maxPlaintextBytes/);
    expect(() => seal({ ...args, plaintext: new Uint8Array(DEFAULT_MAX_PLAINTEXT_BYTES + 1) })).toThrow(CryptoInputError);
    expect(() => seal({ ...args, plaintext: new Uint8Array(1), maxPlaintextBytes: -1 })).toThrow(/maxPlaintextBytes/);
  });

  it('accepts node:crypto KeyObjects and an empty plaintext', async () => {
    const privateKey = createPrivateKey({ key: await exportPrivateKeyPem(recipient.privateKey), format: 'pem' });
    const sealed = seal({ recipientPublicKey: recipient.publicKey, senderId: SENDER, recipientId: RECIPIENT, plaintext: new Uint8Array(0), aad: AAD });
    expect(openAs(sealed, AAD, { recipientPrivateKey: privateKey })).toEqual({ ok: true, plaintext: new Uint8Array(0) });
  });

  it('throws CryptoInputError on wrong key kinds, curves, ids and argument types', async () => {
    const signing = await generateSigningKeyPair();
    const args = { recipientPublicKey: recipient.publicKey, senderId: SENDER, recipientId: RECIPIENT, plaintext: encode('x'), aad: AAD };
    expect(() => seal({ ...args, recipientPublicKey: signing.publicKey })).toThrow(/ECDH/);
    expect(() => seal({ ...args, recipientPublicKey: recipient.privateKey })).toThrow(/public/);
    expect(() => seal({ ...args, recipientPublicKey: generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).publicKey })).toThrow(/P-256/);
    expect(() => seal({ ...args, senderId: '' })).toThrow(/senderId/);
    expect(() => seal({ ...args, recipientId: 'a|b' })).toThrow(/recipientId/);
    expect(() => seal({ ...args, aad: 'aad' as unknown as Uint8Array })).toThrow(/aad/);
    const sealed = seal(args);
    expect(() => openAs(sealed, AAD, { recipientPrivateKey: recipient.publicKey })).toThrow(/private/);
    expect(() => openAs(sealed, 'aad' as unknown as Uint8Array)).toThrow(/aad/);
  });
});

describe('seal/open with keys from the PKI', () => {
  it('seals to the key-agreement key returned by verifyChain', async () => {
    const ca = await createNetworkCa({ networkName: 'e2e-net', validityDays: 2 });
    const hubKeys = await generateSigningKeyPair();
    const hub = await issueHubCertificate({ ca, hubId: 'hub-e', publicKey: hubKeys.publicKey, validityDays: 1 });
    const issuer = { certPem: hub.certPem, privateKeyPem: await exportPrivateKeyPem(hubKeys.privateKey) };
    const cert = await issueNodeCertificate({
      issuer,
      nodeId: RECIPIENT,
      role: 'participant',
      usage: 'key-agreement',
      publicKey: recipient.publicKey,
      validityDays: 1,
    });
    const verified = await verifyChain({
      leafPem: cert.certPem,
      intermediatesPem: [hub.certPem],
      trustAnchorPem: ca.certPem,
      at: new Date(),
      expectedUsage: 'key-agreement',
      expectedRole: 'participant',
    });
    if (!verified.ok) throw new Error(verified.detail);
    const plaintext = encode('offer: 8 vCPU for 2h');
    const sealed = seal({ recipientPublicKey: verified.publicKey, senderId: SENDER, recipientId: verified.nodeId, plaintext, aad: AAD });
    expect(openAs(sealed)).toEqual({ ok: true, plaintext });
  });
});
