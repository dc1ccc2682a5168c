import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

/**
 * Absolute path of the compute/plain/v1 enclave workload (libs/compute's evaluatePlain,
 * self-contained; see the file's header for what its measurement covers). Resolves next
 * to this module, in the source tree and in dist/ (tools/copy-generated.mjs copies .mjs).
 */
export const COMPUTE_PLAIN_WORKLOAD_PATH = join(HERE, 'compute-plain.mjs');

/** Absolute path of the compute/plain-he-result/v1 workload (claims 4-5); needs COMPUTE_PLAIN_HE_EXTRA_MODULES. */
export const COMPUTE_PLAIN_HE_WORKLOAD_PATH = join(HERE, 'compute-plain-he.mjs');

/**
 * node-seal's self-contained node ESM build (SEAL WASM embedded; imports only `fs` and
 * `crypto`), the "throws" variant libs/he uses, resolved from node_modules. Its bytes are
 * part of the measurement of every enclave that declares it.
 */
export const NODE_SEAL_ES_MODULE_PATH = createRequire(import.meta.url).resolve('node-seal/throws_wasm_node_es.js');

/** Extra measured modules of the compute/plain-he-result/v1 enclave, in measurement order. */
export const COMPUTE_PLAIN_HE_EXTRA_MODULES: readonly { readonly name: string; readonly path: string }[] = Object.freeze([
  Object.freeze({ name: 'compute-plain', path: COMPUTE_PLAIN_WORKLOAD_PATH }),
  Object.freeze({ name: 'node-seal', path: NODE_SEAL_ES_MODULE_PATH }),
]);
