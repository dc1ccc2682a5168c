import sealFactoryModule from 'node-seal/throws_wasm_node_umd.js';
import type { SEALLibrary } from 'node-seal/implementation/seal.js';

export type { SEALLibrary } from 'node-seal/implementation/seal.js';

/**
 * The "throws" build is used on purpose: it raises on transparent ciphertexts
 * (e.g. `x - x`, multiply by an all-zero plaintext), which would otherwise be
 * sent to the lessee in the clear. node-seal ships UMD with an ESM-style
 * `export default` declaration, so the runtime shape depends on the loader
 * (Node ESM gives the function, ts-jest may give `{ default }`).
 */
type SealFactory = () => Promise<SEALLibrary>;

function resolveFactory(mod: unknown): SealFactory {
  if (typeof mod === 'function') return mod as SealFactory;
  const inner = (mod as { default?: unknown } | null)?.default;
  if (typeof inner === 'function') return inner as SealFactory;
  throw new Error('node-seal: unexpected module shape');
}

let sealPromise: Promise<SEALLibrary> | undefined;

/** Initialises the SEAL WASM module once per process (or worker thread). */
export function loadSeal(): Promise<SEALLibrary> {
  sealPromise ??= resolveFactory(sealFactoryModule)();
  return sealPromise;
}
