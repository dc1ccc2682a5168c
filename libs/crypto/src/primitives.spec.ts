import { generateKeyPairSync } from 'node:crypto';
import {
  aes256GcmDecrypt,
  aes256GcmEncrypt,
  hkdfSha256,
  isOnP256Curve,
  p256PointToPublicKey,
  publicKeyToP256Point,
} from './primitives.js';

const hex = (value: string): Uint8Array => Uint8Array.from(Buffer.from(value, 'hex'));
const toHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

describe('HKDF-SHA-256 known answer (RFC 5869, test case 1)', () => {
  it('derives the published OKM', () => {
    const ikm = hex('0b'.repeat(22));
    const salt = hex('000102030405060708090a0b0c');
    const info = hex('f0f1f2f3f4f5f6f7f8f9');
    expect(toHex(hkdfSha256(ikm, salt, info, 42))).toBe(
      '3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865',
    );
  });
});

describe('AES-256-GCM known answer (McGrew-Viega GCM spec, test case 16)', () => {
  const key = hex('feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308');
  const nonce = hex('cafebabefacedbaddecaf888');
  const plaintext = hex(
    'd9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39',
  );
  const aad = hex('feedfacedeadbeeffeedfacedeadbeefabaddad2');
  const expected =
    '522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662' +
    '76fc6ece0f4e1768cddf8853bb2d551b';

  it('encrypts to the published ciphertext || tag', () => {
    expect(toHex(aes256GcmEncrypt(key, nonce, plaintext, aad))).toBe(expected);
  });

  it('decrypts the published ciphertext and rejects a truncated tag', () => {
    expect(toHex(aes256GcmDecrypt(key, nonce, hex(expected), aad)!)).toBe(toHex(plaintext));
    expect(aes256GcmDecrypt(key, nonce, hex(expected.slice(0, -8)), aad)).toBeNull();
    expect(aes256GcmDecrypt(key, nonce, hex('00'.repeat(15)), aad)).toBeNull();
  });
});

describe('P-256 point handling', () => {
  it('round-trips a generated public key through its uncompressed point', () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const point = publicKeyToP256Point(publicKey);
    expect(point).toHaveLength(65);
    expect(point[0]).toBe(4);
    expect(isOnP256Curve(point)).toBe(true);
    expect(p256PointToPublicKey(point)?.equals(publicKey)).toBe(true);
  });

  it('rejects off-curve, compressed-prefix and out-of-range points', () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const point = publicKeyToP256Point(publicKey);
    const offCurve = Uint8Array.from(point);
    offCurve[64] = (offCurve[64] ?? 0) ^ 1;
    const wrongPrefix = Uint8Array.from(point);
    wrongPrefix[0] = 2;
    const tooLarge = Uint8Array.from([4, ...new Array<number>(64).fill(0xff)]);
    for (const bad of [offCurve, wrongPrefix, tooLarge, point.subarray(0, 64), new Uint8Array(65)]) {
      expect(isOnP256Curve(bad)).toBe(false);
      expect(p256PointToPublicKey(bad)).toBeNull();
    }
  });
});
