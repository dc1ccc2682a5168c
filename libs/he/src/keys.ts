import type { GaloisKeys } from 'node-seal/implementation/galois-keys.js';
import type { PublicKey } from 'node-seal/implementation/public-key.js';
import type { RelinKeys } from 'node-seal/implementation/relin-keys.js';
import type { SecretKey } from 'node-seal/implementation/secret-key.js';
import { comprMode, loadBounded, type HeCompression } from './bytes.js';
import type { HeContext } from './context.js';
import { heFail, heOk, type HeResult } from './result.js';
import { Scope } from './scope.js';

/**
 * The key owner's (lessee's) full key set. The secret key never leaves this
 * object except through `exportSecretKey`, which exists only for the owner's
 * own storage; `PublicMaterial` is what a lessor receives (claim 6).
 */
export interface HeKeys {
  readonly context: HeContext;
  readonly secretKey: SecretKey;
  readonly publicKey: PublicKey;
  readonly relinKeys: RelinKeys;
  /** Only the requested rotation steps; undefined when no steps were requested. */
  readonly galoisKeys: GaloisKeys | undefined;
  readonly galoisSteps: readonly number[];
  dispose(): void;
}

/** What an evaluator (lessor) holds: enough to compute, never to decrypt. */
export interface PublicMaterial {
  readonly context: HeContext;
  readonly publicKey: PublicKey;
  readonly relinKeys: RelinKeys;
  readonly galoisKeys: GaloisKeys | undefined;
  readonly galoisSteps: readonly number[];
  dispose(): void;
}

export interface PublicMaterialBytes {
  readonly paramSet: string;
  readonly publicKey: Uint8Array;
  readonly relinKeys: Uint8Array;
  readonly galoisKeys: Uint8Array | undefined;
  readonly galoisSteps: readonly number[];
}

export interface KeyGenOptions {
  /** Rotation steps the program needs (from `heFeasibility`); nothing else is generated. */
  readonly galoisSteps?: readonly number[];
}

export function validateGaloisSteps(ctx: HeContext, steps: readonly unknown[]): HeResult<number[]> {
  const { slots, maxGaloisSteps } = ctx.params;
  if (steps.length > maxGaloisSteps) {
    return heFail('HE_TOO_MANY_VALUES', `${steps.length} Galois steps exceeds limit ${maxGaloisSteps}`);
  }
  const seen = new Set<number>();
  for (const step of steps) {
    if (typeof step !== 'number' || !Number.isInteger(step) || step === 0 || Math.abs(step) >= slots) {
      return heFail('HE_VALUE_OUT_OF_RANGE', `Galois step ${String(step)} must be a non-zero integer with |step| < ${slots}`);
    }
    seen.add(step);
  }
  return heOk([...seen].sort((a, b) => a - b));
}

function disposeAll(items: readonly ({ delete(): void } | undefined)[]): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    for (const item of items) item?.delete();
  };
}

export function generateKeys(ctx: HeContext, options: KeyGenOptions = {}): HeResult<HeKeys> {
  const steps = validateGaloisSteps(ctx, options.galoisSteps ?? []);
  if (!steps.ok) return steps;
  const scope = new Scope();
  try {
    const keygen = scope.track(ctx.seal.KeyGenerator(ctx.context));
    const secretKey = keygen.secretKey();
    const publicKey = keygen.createPublicKey();
    const relinKeys = keygen.createRelinKeys();
    const galoisKeys = steps.value.length > 0 ? keygen.createGaloisKeys(Int32Array.from(steps.value)) : undefined;
    const dispose = disposeAll([secretKey, publicKey, relinKeys, galoisKeys]);
    return heOk({ context: ctx, secretKey, publicKey, relinKeys, galoisKeys, galoisSteps: steps.value, dispose });
  } finally {
    scope.dispose();
  }
}

export function exportPublicMaterial(keys: HeKeys | PublicMaterial, compression: HeCompression = 'zstd'): PublicMaterialBytes {
  const mode = comprMode(keys.context, compression);
  return {
    paramSet: keys.context.params.name,
    publicKey: keys.publicKey.saveArray(mode),
    relinKeys: keys.relinKeys.saveArray(mode),
    galoisKeys: keys.galoisKeys?.saveArray(mode),
    galoisSteps: [...keys.galoisSteps],
  };
}

/** Loads a lessee's public material with a byte limit on every part. */
export function loadPublicMaterial(ctx: HeContext, bytes: PublicMaterialBytes): HeResult<PublicMaterial> {
  if (bytes.paramSet !== ctx.params.name) {
    return heFail('HE_PARAM_SET_MISMATCH', `material is for ${bytes.paramSet}, context is ${ctx.params.name}`);
  }
  const steps = validateGaloisSteps(ctx, bytes.galoisSteps);
  if (!steps.ok) return steps;
  const { limits } = ctx.params;
  const { seal, context } = ctx;
  const publicKey = loadBounded('public key', bytes.publicKey, limits.publicKeyBytesMax, () => seal.PublicKey(), (k, b) => k.loadArray(context, b));
  if (!publicKey.ok) return publicKey;
  const relinKeys = loadBounded('relin keys', bytes.relinKeys, limits.relinKeysBytesMax, () => seal.RelinKeys(), (k, b) => k.loadArray(context, b));
  if (!relinKeys.ok) {
    publicKey.value.delete();
    return relinKeys;
  }
  let galoisKeys: GaloisKeys | undefined;
  if (bytes.galoisKeys !== undefined) {
    const loaded = loadBounded('Galois keys', bytes.galoisKeys, limits.galoisKeysBytesMax, () => seal.GaloisKeys(), (k, b) => k.loadArray(context, b));
    if (!loaded.ok) {
      publicKey.value.delete();
      relinKeys.value.delete();
      return loaded;
    }
    galoisKeys = loaded.value;
  }
  const dispose = disposeAll([publicKey.value, relinKeys.value, galoisKeys]);
  return heOk({ context: ctx, publicKey: publicKey.value, relinKeys: relinKeys.value, galoisKeys, galoisSteps: steps.value, dispose });
}

/** Owner-only: persist the secret key (store it encrypted at rest; never send it). */
export function exportSecretKey(keys: HeKeys): Uint8Array {
  return keys.secretKey.saveArray(comprMode(keys.context, 'none'));
}

export function loadSecretKey(ctx: HeContext, bytes: unknown): HeResult<SecretKey> {
  const { seal, context } = ctx;
  return loadBounded('secret key', bytes, ctx.params.limits.secretKeyBytesMax, () => seal.SecretKey(), (k, b) => k.loadArray(context, b));
}
