// Wire-format properties of protocol.mjs (shared by the lessee and the enclave worker).
import fc from 'fast-check';
import { deriveSessionKey, gcmOpen, gcmSeal, generateEphemeral, lp, measurementOf, resultAad, sharedSecret, subTaskAad } from './protocol.mjs';

const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');

describe('protocol', () => {
  it('measurement covers every byte of every component, in a fixed order', () => {
    const base = { entry: bytes('entry'), protocol: bytes('protocol'), workload: bytes('workload') };
    const m = measurementOf(base);
    expect(m).toMatch(/^[0-9a-f]{64}$/);
    expect(measurementOf({ ...base, workload: bytes('workload ') })).not.toBe(m);
    expect(measurementOf({ ...base, entry: base.protocol, protocol: base.entry })).not.toBe(m);
    // Length framing: moving a byte across a component boundary changes the digest.
    expect(measurementOf({ entry: bytes('entryp'), protocol: bytes('rotocol'), workload: base.workload })).not.toBe(m);
  });

  it('length-prefixes strings so concatenations are unambiguous', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), fc.string(), (a, b, c, d) => {
        const same = Buffer.concat([lp(a), lp(b)]).equals(Buffer.concat([lp(c), lp(d)]));
        return same === (a === c && b === d);
      }),
    );
  });

  it('derives the same key on both sides, and a different key per lessor and per lease', () => {
    const lessee = generateEphemeral();
    const enclave = generateEphemeral();
    const t = { leaseId: 'lease-1', lessorId: 'lessor-a', lesseeId: 'lessee-1', lesseePublicKey: lessee.publicKey, enclavePublicKey: enclave.publicKey, nonce: '11'.repeat(32) };
    const a = deriveSessionKey(sharedSecret(lessee.ecdh, enclave.publicKey)!, t);
    const b = deriveSessionKey(sharedSecret(enclave.ecdh, lessee.publicKey)!, t);
    expect(a.keyId).toBe(b.keyId);
    expect(a.key.equals(b.key)).toBe(true);
    const secret = sharedSecret(lessee.ecdh, enclave.publicKey)!;
    expect(deriveSessionKey(secret, { ...t, lessorId: 'lessor-b' }).keyId).not.toBe(a.keyId);
    expect(deriveSessionKey(secret, { ...t, leaseId: 'lease-2' }).keyId).not.toBe(a.keyId);
  });

  it('rejects invalid peer points', () => {
    const me = generateEphemeral();
    expect(sharedSecret(me.ecdh, '04' + '00'.repeat(64))).toBeNull();
    expect(sharedSecret(me.ecdh, 'zz')).toBeNull();
  });

  it('AES-GCM round-trips and binds the AAD (sub-task vs result, lease, sub-task id)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 256 }), (plain) => {
        const key = Buffer.alloc(32, 7);
        const sealed = gcmSeal(key, plain, subTaskAad('lease-1', 'st-1'));
        return (
          gcmOpen(key, sealed.nonce, sealed.ciphertext, subTaskAad('lease-1', 'st-1'))?.equals(Buffer.from(plain)) === true &&
          gcmOpen(key, sealed.nonce, sealed.ciphertext, resultAad('lease-1', 'st-1')) === null &&
          gcmOpen(key, sealed.nonce, sealed.ciphertext, subTaskAad('lease-1', 'st-2')) === null &&
          gcmOpen(Buffer.alloc(32, 8), sealed.nonce, sealed.ciphertext, subTaskAad('lease-1', 'st-1')) === null
        );
      }),
      { numRuns: 50 },
    );
  });
});
