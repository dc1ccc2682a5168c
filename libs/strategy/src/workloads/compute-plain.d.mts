// Types for compute-plain.mjs (the enclave workload; plain ESM because the enclave measures its bytes).
export declare const workloadName: 'compute/plain/v1';
export declare function run(program: unknown, input: unknown): number[][];
