import type { CipherText } from 'node-seal/implementation/cipher-text.js';
import type { PlainText } from 'node-seal/implementation/plain-text.js';
import type { PublicKey } from 'node-seal/implementation/public-key.js';
import type { SecretKey } from 'node-seal/implementation/secret-key.js';
import { comprMode, loadBounded, type HeCompression } from './bytes.js';
import type { HeContext } from './context.js';
import { heFail, heOk, HeUsageError, type HeResult } from './result.js';
import { Scope, withScope } from './scope.js';

/** Most ciphertexts one vector may span (256 x 4096 slots = 1 Mi reals at N=8192). */
export const MAX_CIPHERTEXTS_PER_VECTOR = 256;

/**
 * A long vector batched across ciphertexts: element i lives in ciphertext
 * floor(i / slots), slot i % slots. Unused slots of the last ciphertext are 0.
 */
export interface EncryptedVector {
  readonly paramSet: string;
  readonly length: number;
  readonly ciphertexts: readonly CipherText[];
  dispose(): void;
}

export interface SerializedVector {
  readonly paramSet: string;
  readonly length: number;
  readonly ciphertexts: readonly Uint8Array[];
}

export function ciphertextCount(ctx: HeContext, length: number): number {
  return Math.ceil(length / ctx.slots);
}

export function makeEncryptedVector(ctx: HeContext, length: number, ciphertexts: readonly CipherText[]): EncryptedVector {
  let disposed = false;
  return {
    paramSet: ctx.params.name,
    length,
    ciphertexts,
    dispose: () => {
      if (disposed) return;
      disposed = true;
      for (const ct of ciphertexts) ct.delete();
    },
  };
}

function checkValues(ctx: HeContext, values: ArrayLike<number>, integers: boolean): HeResult<void> {
  const maxValues = MAX_CIPHERTEXTS_PER_VECTOR * ctx.slots;
  if (values.length > maxValues) return heFail('HE_TOO_MANY_VALUES', `${values.length} values exceeds limit ${maxValues}`);
  const bound = ctx.params.maxAbsValue;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    const valid = integers ? Number.isInteger(v) : Number.isFinite(v);
    if (!valid || Math.abs(v) > bound) {
      return heFail('HE_VALUE_OUT_OF_RANGE', `value[${i}]=${v} must be ${integers ? 'an integer' : 'finite'} with |v| <= ${bound}`);
    }
  }
  return heOk(undefined);
}

function encryptChunks(
  ctx: HeContext,
  publicKey: PublicKey,
  values: ArrayLike<number>,
  encode: (chunk: number[]) => PlainText | void,
): EncryptedVector {
  const out: CipherText[] = [];
  const scope = new Scope();
  try {
    const encryptor = scope.track(ctx.seal.Encryptor(ctx.context, publicKey));
    const slots = ctx.slots;
    for (let start = 0; start < values.length; start += slots) {
      const chunk = Array.from({ length: Math.min(slots, values.length - start) }, (_, i) => values[start + i] as number);
      const plain = encode(chunk);
      if (!plain) throw new HeUsageError('encoder returned no plaintext');
      scope.track(plain);
      out.push(scope.track(encryptor.encrypt(plain) as CipherText));
    }
    for (const ct of out) scope.release(ct);
    return makeEncryptedVector(ctx, values.length, out);
  } finally {
    scope.dispose();
  }
}

/** CKKS: encrypts reals at the parameter set's scale (approximate, see README for precision). */
export function encryptReal(ctx: HeContext, publicKey: PublicKey, values: ArrayLike<number>): HeResult<EncryptedVector> {
  const checked = checkValues(ctx, values, false);
  if (!checked.ok) return checked;
  const encoder = ctx.ckks;
  return heOk(encryptChunks(ctx, publicKey, values, (chunk) => encoder.encode(Float64Array.from(chunk), ctx.params.scale)));
}

/** BFV: encrypts signed integers exactly (|v| <= 2^18 for bfv-8192). */
export function encryptInts(ctx: HeContext, publicKey: PublicKey, values: ArrayLike<number>): HeResult<EncryptedVector> {
  const checked = checkValues(ctx, values, true);
  if (!checked.ok) return checked;
  const encoder = ctx.batch;
  return heOk(encryptChunks(ctx, publicKey, values, (chunk) => encoder.encode(Int32Array.from(chunk))));
}

function decryptChunks(ctx: HeContext, secretKey: SecretKey, vector: EncryptedVector, decode: (plain: PlainText) => ArrayLike<number>): number[] {
  if (vector.paramSet !== ctx.params.name) throw new HeUsageError(`vector is ${vector.paramSet}, context is ${ctx.params.name}`);
  return withScope((scope) => {
    const decryptor = scope.track(ctx.seal.Decryptor(ctx.context, secretKey));
    const out: number[] = [];
    for (const ct of vector.ciphertexts) {
      const plain = scope.track(decryptor.decrypt(ct) as PlainText);
      const decoded = decode(plain);
      const take = Math.min(ctx.slots, vector.length - out.length);
      for (let i = 0; i < take; i++) out.push(decoded[i] as number);
    }
    return out;
  });
}

export function decryptReal(ctx: HeContext, secretKey: SecretKey, vector: EncryptedVector): number[] {
  const encoder = ctx.ckks;
  return decryptChunks(ctx, secretKey, vector, (plain) => encoder.decode(plain));
}

export function decryptInts(ctx: HeContext, secretKey: SecretKey, vector: EncryptedVector): number[] {
  const encoder = ctx.batch;
  return decryptChunks(ctx, secretKey, vector, (plain) => encoder.decode(plain, true));
}

export function saveCiphertext(ctx: HeContext, ct: CipherText, compression: HeCompression = 'zstd'): Uint8Array {
  return ct.saveArray(comprMode(ctx, compression));
}

export function loadCiphertext(ctx: HeContext, bytes: unknown): HeResult<CipherText> {
  const { seal, context } = ctx;
  return loadBounded('ciphertext', bytes, ctx.params.limits.ciphertextBytesMax, () => seal.CipherText(), (ct, b) => ct.loadArray(context, b));
}

export function serializeVector(ctx: HeContext, vector: EncryptedVector, compression: HeCompression = 'zstd'): SerializedVector {
  return {
    paramSet: vector.paramSet,
    length: vector.length,
    ciphertexts: vector.ciphertexts.map((ct) => saveCiphertext(ctx, ct, compression)),
  };
}

/** Loads an untrusted serialized vector: shape and every ciphertext's size are checked first. */
export function loadVector(ctx: HeContext, input: SerializedVector): HeResult<EncryptedVector> {
  if (input.paramSet !== ctx.params.name) {
    return heFail('HE_PARAM_SET_MISMATCH', `vector is ${input.paramSet}, context is ${ctx.params.name}`);
  }
  const maxLength = MAX_CIPHERTEXTS_PER_VECTOR * ctx.slots;
  if (!Number.isInteger(input.length) || input.length < 0 || input.length > maxLength) {
    return heFail('HE_TOO_MANY_VALUES', `vector length ${input.length} outside [0, ${maxLength}]`);
  }
  if (!Array.isArray(input.ciphertexts) || input.ciphertexts.length !== ciphertextCount(ctx, input.length)) {
    return heFail('HE_INPUT_MALFORMED', `vector of length ${input.length} needs ${ciphertextCount(ctx, input.length)} ciphertexts`);
  }
  const limit = ctx.params.limits.ciphertextBytesMax;
  const oversize = input.ciphertexts.findIndex((b) => !(b instanceof Uint8Array) || b.byteLength > limit);
  if (oversize >= 0) {
    return heFail('HE_INPUT_TOO_LARGE', `ciphertext ${oversize} is not bytes or exceeds limit ${limit}`);
  }
  const loaded: CipherText[] = [];
  for (const bytes of input.ciphertexts) {
    const ct = loadCiphertext(ctx, bytes);
    if (!ct.ok) {
      for (const done of loaded) done.delete();
      return ct;
    }
    loaded.push(ct.value);
  }
  return heOk(makeEncryptedVector(ctx, input.length, loaded));
}
