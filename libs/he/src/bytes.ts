import type { ComprModeType } from 'node-seal/implementation/compr-mode-type.js';
import type { HeContext } from './context.js';
import { heFail, heOk, type HeResult } from './result.js';

export type HeCompression = 'none' | 'zstd';

export function comprMode(ctx: HeContext, compression: HeCompression): ComprModeType {
  const modes = ctx.seal.ComprModeType;
  return (compression === 'zstd' ? modes.zstd : modes.none) as ComprModeType;
}

/**
 * Checks type and size of untrusted bytes *before* SEAL parses them (SEAL trusts
 * its header's size field and would allocate whatever it claims), then runs
 * `load`, turning SEAL exceptions into a typed `HE_INPUT_MALFORMED`.
 */
export function loadBounded<T extends { delete(): void }>(
  what: string,
  bytes: unknown,
  maxBytes: number,
  create: () => T,
  load: (target: T, bytes: Uint8Array) => void,
): HeResult<T> {
  if (!(bytes instanceof Uint8Array)) return heFail('HE_INPUT_MALFORMED', `${what}: expected Uint8Array`);
  if (bytes.byteLength > maxBytes) {
    return heFail('HE_INPUT_TOO_LARGE', `${what}: ${bytes.byteLength} bytes exceeds limit ${maxBytes}`);
  }
  if (bytes.byteLength === 0) return heFail('HE_INPUT_MALFORMED', `${what}: empty`);
  const target = create();
  try {
    load(target, bytes);
    return heOk(target);
  } catch (error) {
    target.delete();
    return heFail('HE_INPUT_MALFORMED', `${what}: ${describe(error)}`);
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'number') return `SEAL exception ${error}`;
  return String(error);
}
