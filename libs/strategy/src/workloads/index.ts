import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Absolute path of the compute/plain/v1 enclave workload (libs/compute's evaluatePlain,
 * self-contained; see the file's header for what its measurement covers). Resolves next
 * to this module, in the source tree and in dist/ (tools/copy-generated.mjs copies .mjs).
 */
export const COMPUTE_PLAIN_WORKLOAD_PATH = join(dirname(fileURLToPath(import.meta.url)), 'compute-plain.mjs');
