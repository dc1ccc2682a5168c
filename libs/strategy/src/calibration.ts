/**
 * Start-up micro-benchmark (S206 input): how long does HE encryption take on THIS
 * machine? Measures, on real node-seal through libs/he, for one parameter set:
 * encode+encrypt of one full ciphertext, decrypt+decode of one ciphertext, and the
 * serialized (zstd, i.e. wire) size of one fresh ciphertext. One core (the calling
 * thread); `estimateHe` scales by cores itself. Cached per process and parameter set.
 */
import { performance } from 'node:perf_hooks';
import { decryptReal, encryptReal, generateKeys, HeContext, saveCiphertext, type HeResult } from '#libs/he';
import type { HeCalibration } from './selector.js';

export interface CalibrationOptions {
  /** Timed ciphertexts (after `warmup` untimed ones). Default 6. */
  readonly samples?: number;
  /** Untimed ciphertexts first: JIT, WASM tier-up, allocator growth. Default 2. */
  readonly warmup?: number;
}

const DEFAULT_SAMPLES = 6;
const DEFAULT_WARMUP = 2;

function unwrap<T>(result: HeResult<T>): T {
  if (!result.ok) throw new Error(`calibration: ${result.code} ${result.detail}`);
  return result.value;
}

/** Median: robust against one sample hit by GC or a scheduler hiccup. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new RangeError('median of nothing');
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Values a calibration sample encrypts: a full ciphertext of data-like reals in [-10, 10]. */
export function sampleValues(count: number, seed = 1): Float64Array {
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = 10 * Math.sin(i * 0.7 + seed);
  return out;
}

/** Runs the micro-benchmark (uncached). Every SEAL object it creates is deleted. */
export async function measureHeCalibration(paramSet: string = 'ckks-8192', options: CalibrationOptions = {}): Promise<HeCalibration> {
  const samples = options.samples ?? DEFAULT_SAMPLES;
  const warmup = options.warmup ?? DEFAULT_WARMUP;
  if (!Number.isSafeInteger(samples) || samples < 1 || !Number.isSafeInteger(warmup) || warmup < 0) throw new RangeError('samples >= 1 and warmup >= 0 must be integers');
  const ctx = unwrap(await HeContext.create(paramSet));
  try {
    if (ctx.params.scheme !== 'ckks') throw new RangeError(`calibration covers CKKS parameter sets; ${paramSet} is ${ctx.params.scheme}`);
    const keys = unwrap(generateKeys(ctx));
    try {
      const encryptMs: number[] = [];
      const decryptMs: number[] = [];
      let bytesPerCiphertext = 0;
      for (let i = 0; i < warmup + samples; i++) {
        const values = sampleValues(ctx.slots, i);
        const t0 = performance.now();
        const vector = unwrap(encryptReal(ctx, keys.publicKey, values));
        const t1 = performance.now();
        try {
          decryptReal(ctx, keys.secretKey, vector);
          const t2 = performance.now();
          if (i >= warmup) {
            encryptMs.push(t1 - t0);
            decryptMs.push(t2 - t1);
          }
          const ct = vector.ciphertexts[0];
          if (ct && i === 0) bytesPerCiphertext = saveCiphertext(ctx, ct, 'zstd').byteLength;
        } finally {
          vector.dispose();
        }
      }
      return {
        paramSet: ctx.params.name,
        slotsPerCiphertext: ctx.slots,
        encryptMsPerCiphertext: median(encryptMs),
        bytesPerCiphertext,
        decryptMsPerCiphertext: median(decryptMs),
      };
    } finally {
      keys.dispose();
    }
  } finally {
    ctx.dispose();
  }
}

const cache = new Map<string, Promise<HeCalibration>>();

/**
 * The calibration for `paramSet`, measured once per process (the first caller's
 * options win). A failed measurement is not cached, so a later call retries.
 */
export function heCalibration(paramSet: string = 'ckks-8192', options: CalibrationOptions = {}): Promise<HeCalibration> {
  let pending = cache.get(paramSet);
  if (!pending) {
    pending = measureHeCalibration(paramSet, options);
    cache.set(paramSet, pending);
    pending.catch(() => cache.delete(paramSet)).catch(() => undefined);
  }
  return pending;
}

/** Forgets cached calibrations (tests; or after the machine's load profile changed). */
export function clearHeCalibrationCache(): void {
  cache.clear();
}
