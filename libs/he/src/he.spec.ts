import fc from 'fast-check';
import {
  decryptInts,
  decryptReal,
  encryptInts,
  encryptReal,
  exportPublicMaterial,
  exportSecretKey,
  generateKeys,
  HE_PARAM_SETS,
  HeContext,
  HeEncryptPool,
  loadCiphertext,
  loadPublicMaterial,
  loadSecretKey,
  loadVector,
  serializeVector,
  type HeKeys,
  type HeResult,
} from './index.js';

function unwrap<T>(result: HeResult<T>): T {
  if (!result.ok) throw new Error(`${result.code}: ${result.detail}`);
  return result.value;
}

const TOLERANCE = 1e-5;

describe('libs/he', () => {
  let ckks: HeContext;
  let keys: HeKeys;

  beforeAll(async () => {
    ckks = await HeContext.of('ckks-8192');
    keys = unwrap(generateKeys(ckks, { galoisSteps: [1, 2] }));
  });

  afterAll(() => {
    keys.dispose();
    ckks.dispose();
  });

  it('documents parameter sets that SEAL accepts at 128-bit security', async () => {
    for (const params of Object.values(HE_PARAM_SETS)) {
      const bits = params.coeffModulusBits.reduce((a, b) => a + b, 0);
      expect(bits).toBeLessThanOrEqual(params.polyModulusDegree === 8192 ? 218 : 438);
    }
    expect((await HeContext.create('ckks-4096')).ok).toBe(false);
  });

  it('round-trips a long real vector across several ciphertexts', () => {
    const values = Array.from({ length: ckks.slots * 2 + 17 }, (_, i) => Math.sin(i) * 100);
    const vector = unwrap(encryptReal(ckks, keys.publicKey, values));
    try {
      expect(vector.ciphertexts).toHaveLength(3);
      const out = decryptReal(ckks, keys.secretKey, vector);
      expect(out).toHaveLength(values.length);
      out.forEach((v, i) => expect(Math.abs(v - (values[i] ?? 0))).toBeLessThan(TOLERANCE));
    } finally {
      vector.dispose();
    }
  });

  it('rejects non-finite and out-of-range values with typed codes', () => {
    expect(encryptReal(ckks, keys.publicKey, [1, Number.NaN])).toMatchObject({ ok: false, code: 'HE_VALUE_OUT_OF_RANGE' });
    expect(encryptReal(ckks, keys.publicKey, [2 ** 30])).toMatchObject({ ok: false, code: 'HE_VALUE_OUT_OF_RANGE' });
  });

  it('property: serialized vectors round-trip (compressed and not)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1000, max: 1000, noNaN: true }), { minLength: 0, maxLength: 64 }),
        fc.constantFrom('none' as const, 'zstd' as const),
        (values, compression) => {
          const vector = unwrap(encryptReal(ckks, keys.publicKey, values));
          const wire = serializeVector(ckks, vector, compression);
          vector.dispose();
          const loaded = unwrap(loadVector(ckks, wire));
          try {
            const out = decryptReal(ckks, keys.secretKey, loaded);
            out.forEach((v, i) => expect(Math.abs(v - (values[i] ?? 0))).toBeLessThan(TOLERANCE));
          } finally {
            loaded.dispose();
          }
        },
      ),
      { numRuns: 8 },
    );
  });

  it('public material round-trips and the lessor can encrypt with it', () => {
    const wire = exportPublicMaterial(keys);
    expect(wire.galoisSteps).toEqual([1, 2]);
    const material = unwrap(loadPublicMaterial(ckks, wire));
    try {
      expect(material.galoisKeys?.size).toBe(2);
      const vector = unwrap(encryptReal(ckks, material.publicKey, [1.5, -2.5]));
      expect(decryptReal(ckks, keys.secretKey, vector).map((v) => Math.round(v * 10) / 10)).toEqual([1.5, -2.5]);
      vector.dispose();
    } finally {
      material.dispose();
    }
    const sk = unwrap(loadSecretKey(ckks, exportSecretKey(keys)));
    sk.delete();
  });

  it('rejects oversize and malformed loads before touching SEAL', () => {
    const limits = ckks.params.limits;
    const big = new Uint8Array(limits.ciphertextBytesMax + 1);
    expect(loadCiphertext(ckks, big)).toMatchObject({ ok: false, code: 'HE_INPUT_TOO_LARGE' });
    expect(loadCiphertext(ckks, new Uint8Array([1, 2, 3]))).toMatchObject({ ok: false, code: 'HE_INPUT_MALFORMED' });
    expect(loadCiphertext(ckks, 'nope')).toMatchObject({ ok: false, code: 'HE_INPUT_MALFORMED' });
    const wire = exportPublicMaterial(keys);
    expect(loadPublicMaterial(ckks, { ...wire, publicKey: new Uint8Array(limits.publicKeyBytesMax + 1) })).toMatchObject({ ok: false, code: 'HE_INPUT_TOO_LARGE' });
    expect(loadPublicMaterial(ckks, { ...wire, galoisKeys: new Uint8Array(limits.galoisKeysBytesMax + 1) })).toMatchObject({ ok: false, code: 'HE_INPUT_TOO_LARGE' });
    expect(loadPublicMaterial(ckks, { ...wire, paramSet: 'ckks-16384' })).toMatchObject({ ok: false, code: 'HE_PARAM_SET_MISMATCH' });
    expect(loadSecretKey(ckks, new Uint8Array(limits.secretKeyBytesMax + 1))).toMatchObject({ ok: false, code: 'HE_INPUT_TOO_LARGE' });
    expect(loadVector(ckks, { paramSet: 'ckks-8192', length: 5, ciphertexts: [] })).toMatchObject({ ok: false, code: 'HE_INPUT_MALFORMED' });
    expect(loadVector(ckks, { paramSet: 'ckks-8192', length: 1, ciphertexts: [big] })).toMatchObject({ ok: false, code: 'HE_INPUT_TOO_LARGE' });
  });

  it('size limits admit every real object (uncompressed)', () => {
    const wire = exportPublicMaterial(keys, 'none');
    expect(wire.publicKey.byteLength).toBeLessThanOrEqual(ckks.params.limits.publicKeyBytesMax);
    expect(wire.relinKeys.byteLength).toBeLessThanOrEqual(ckks.params.limits.relinKeysBytesMax);
    expect(wire.galoisKeys!.byteLength).toBeLessThanOrEqual((2 / ckks.params.maxGaloisSteps) * ckks.params.limits.galoisKeysBytesMax + 65536);
  });

  it('generates only the requested Galois steps and validates them', () => {
    expect(generateKeys(ckks, { galoisSteps: [0] })).toMatchObject({ ok: false, code: 'HE_VALUE_OUT_OF_RANGE' });
    expect(generateKeys(ckks, { galoisSteps: Array.from({ length: 17 }, (_, i) => i + 1) })).toMatchObject({ ok: false, code: 'HE_TOO_MANY_VALUES' });
  });

  it('BFV round-trips signed integers exactly', async () => {
    const bfv = await HeContext.of('bfv-8192');
    const bfvKeys = unwrap(generateKeys(bfv));
    try {
      const values = Array.from({ length: bfv.slots + 3 }, (_, i) => (i % 2 === 0 ? i : -i));
      const vector = unwrap(encryptInts(bfv, bfvKeys.publicKey, values));
      expect(decryptInts(bfv, bfvKeys.secretKey, vector)).toEqual(values);
      vector.dispose();
      expect(encryptInts(bfv, bfvKeys.publicKey, [1.5])).toMatchObject({ ok: false, code: 'HE_VALUE_OUT_OF_RANGE' });
    } finally {
      bfvKeys.dispose();
      bfv.dispose();
    }
  });

  it('worker pool encrypts chunks in parallel, enforces its queue bound and shuts down', async () => {
    const pk = exportPublicMaterial(keys).publicKey;
    const pool = unwrap(await HeEncryptPool.create(ckks, pk, { workers: 2, maxQueuedChunks: 4 }));
    try {
      const values = Array.from({ length: ckks.slots * 3 + 5 }, (_, i) => (i % 100) / 7);
      const started = Date.now();
      const wire = unwrap(await pool.encryptReal(values));
      const elapsedMs = Date.now() - started;
      expect(wire.ciphertexts).toHaveLength(4);
      expect(await pool.encryptReal(Array.from({ length: ckks.slots * 5 }, () => 1))).toMatchObject({ ok: false, code: 'HE_QUEUE_FULL' });
      const vector = unwrap(loadVector(ckks, wire));
      const out = decryptReal(ckks, keys.secretKey, vector);
      vector.dispose();
      out.forEach((v, i) => expect(Math.abs(v - (values[i] ?? 0))).toBeLessThan(TOLERANCE));
      console.info(`pool: 4 ciphertexts on 2 workers in ${elapsedMs} ms`);
    } finally {
      await pool.close();
    }
    expect(await pool.encryptReal([1])).toMatchObject({ ok: false, code: 'HE_POOL_CLOSED' });
  });
});
