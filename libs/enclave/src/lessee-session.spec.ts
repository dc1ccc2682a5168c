// LesseeSession.openResultDetached: a result whose public outputs went to someone else (the
// lessor forwarded them) is opened against digests the host only CLAIMS; the enclave's sealed
// digests decide. Results are sealed here as the enclave worker seals them (protocol.mjs).
import { randomBytes } from 'node:crypto';
import { isPublicOutputDigest, LesseeSession, publicOutputDigest } from './lessee-session.js';
import type { EncryptedResult } from './port.js';
import { gcmSeal, publicDigests, resultAad } from './protocol.mjs';

const LEASE = 'lease-d1';
const KEY_ID = 'ab'.repeat(16);
const key = randomBytes(32);
const session = new LesseeSession(LEASE, 'lessor-1', KEY_ID, 'cd'.repeat(32), key);
const outputs = [Uint8Array.of(1, 2, 3), Uint8Array.of(4, 5), new Uint8Array(1000).fill(7)];
const digests = outputs.map(publicOutputDigest);

/** What the enclave worker returns for a workload with public outputs, before the host strips them. */
function sealWithOutputs(value: unknown, parts: readonly Uint8Array[], subTaskId = 'st-1'): EncryptedResult {
  const plain = Buffer.from(JSON.stringify({ value, publicOutputDigests: publicDigests(parts) }), 'utf8');
  return { leaseId: LEASE, subTaskId, keyId: KEY_ID, ...gcmSeal(key, plain, resultAad(LEASE, subTaskId, true)), publicOutputs: [...parts] };
}

function detach(result: EncryptedResult): EncryptedResult {
  const { publicOutputs: _omitted, ...rest } = result;
  return rest;
}

describe('LesseeSession.openResultDetached', () => {
  const full = sealWithOutputs({ rows: 3 }, outputs);
  const detached = detach(full);

  it('opens a result without its outputs when the claimed digests are the sealed ones', () => {
    expect(session.openResultDetached(detached, digests)).toEqual({ ok: true, value: { rows: 3 } });
    // The same result with its outputs still opens the ordinary way.
    expect(session.openResult(full)).toMatchObject({ ok: true, value: { rows: 3 }, publicOutputs: outputs });
  });

  it('publicOutputDigest is the format the enclave seals', () => {
    expect(digests).toEqual(publicDigests(outputs));
    expect(digests.every(isPublicOutputDigest)).toBe(true);
    expect(digests[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(isPublicOutputDigest(digests[0]!.toUpperCase())).toBe(false);
    expect(isPublicOutputDigest(digests[0]!.slice(2))).toBe(false);
    expect(isPublicOutputDigest(42)).toBe(false);
  });

  it('a host lying about one digest: RESULT_PUBLIC_OUTPUT_MISMATCH', () => {
    const lying = [...digests];
    lying[1] = publicOutputDigest(Uint8Array.of(4, 6));
    expect(session.openResultDetached(detached, lying)).toMatchObject({ ok: false, codeName: 'RESULT_PUBLIC_OUTPUT_MISMATCH' });
    expect(session.openResultDetached(detached, [digests[1]!, digests[0]!, digests[2]!])).toMatchObject({ ok: false, codeName: 'RESULT_PUBLIC_OUTPUT_MISMATCH' });
  });

  it('a wrong count of digests: RESULT_PUBLIC_OUTPUT_MISMATCH', () => {
    expect(session.openResultDetached(detached, digests.slice(0, 2))).toMatchObject({ ok: false, codeName: 'RESULT_PUBLIC_OUTPUT_MISMATCH' });
    expect(session.openResultDetached(detached, [...digests, digests[0]!])).toMatchObject({ ok: false, codeName: 'RESULT_PUBLIC_OUTPUT_MISMATCH' });
    expect(session.openResultDetached(detached, [])).toMatchObject({ ok: false, codeName: 'RESULT_PUBLIC_OUTPUT_MISMATCH' });
  });

  it('digests that are not SHA-256 hex are refused before decrypting', () => {
    for (const bad of [[...digests.slice(0, 2), 'zz'], [digests[0]!.toUpperCase(), ...digests.slice(1)], 'nope', [1, 2, 3]]) {
      expect(session.openResultDetached(detached, bad as unknown as string[])).toMatchObject({ ok: false, codeName: 'RESULT_PUBLIC_OUTPUT_MISMATCH' });
    }
  });

  it('a result that still carries its outputs is refused (they were meant to go elsewhere)', () => {
    expect(session.openResultDetached(full, digests)).toMatchObject({ ok: false, codeName: 'RESULT_PUBLIC_OUTPUT_MISMATCH' });
    expect(session.openResultDetached({ ...detached, publicOutputs: [] }, digests)).toMatchObject({ ok: false, codeName: 'RESULT_PUBLIC_OUTPUT_MISMATCH' });
  });

  it('a tampered ciphertext, another sub-task id or a result sealed without outputs: RESULT_DECRYPT_FAILED', () => {
    const body = Buffer.from(detached.ciphertext, 'base64');
    body[3] = body[3]! ^ 0x01;
    expect(session.openResultDetached({ ...detached, ciphertext: body.toString('base64') }, digests)).toMatchObject({ ok: false, codeName: 'RESULT_DECRYPT_FAILED' });
    expect(session.openResultDetached({ ...detached, subTaskId: 'st-2' }, digests)).toMatchObject({ ok: false, codeName: 'RESULT_DECRYPT_FAILED' });
    // An ordinary result (AAD 'result') cannot be passed off as one whose outputs were forwarded, even with digests inside.
    const plain = Buffer.from(JSON.stringify({ value: { rows: 3 }, publicOutputDigests: digests }), 'utf8');
    const ordinary: EncryptedResult = { leaseId: LEASE, subTaskId: 'st-1', keyId: KEY_ID, ...gcmSeal(key, plain, resultAad(LEASE, 'st-1', false)) };
    expect(session.openResultDetached(ordinary, digests)).toMatchObject({ ok: false, codeName: 'RESULT_DECRYPT_FAILED' });
  });

  it('a result for another lease or key: RESULT_DECRYPT_FAILED', () => {
    expect(session.openResultDetached({ ...detached, leaseId: 'lease-other' }, digests)).toMatchObject({ ok: false, codeName: 'RESULT_DECRYPT_FAILED' });
    expect(session.openResultDetached({ ...detached, keyId: 'ef'.repeat(16) }, digests)).toMatchObject({ ok: false, codeName: 'RESULT_DECRYPT_FAILED' });
    const other = new LesseeSession(LEASE, 'lessor-1', KEY_ID, 'cd'.repeat(32), randomBytes(32));
    expect(other.openResultDetached(detached, digests)).toMatchObject({ ok: false, codeName: 'RESULT_DECRYPT_FAILED' });
  });
});
