// libs/enclave: the enclave port, quote verification, the lessee handshake, and the
// SIMULATED software enclave adapter (claims 2-5). See README.md.
export * from './port.js';
export { verifyQuote, PlatformChainCache } from './quote-verifier.js';
export { KeyRing, type KeyRingEntry } from './key-ring.js';
export {
  LesseeSession,
  PendingHandshake,
  beginHandshake,
  establishSession,
  freshNonce,
  instructionDigestOf,
  isPublicOutputDigest,
  publicOutputDigest,
  type BeginHandshakeParams,
  type EstablishSessionParams,
} from './lessee-session.js';
export {
  SimulatedSoftwareEnclave,
  measureSimulatedEnclaveBundle,
  ENCLAVE_ENTRY_PATH,
  ENCLAVE_PROTOCOL_PATH,
  NUMERIC_ROWS_WORKLOAD_PATH,
  type ExtraModule,
  type PlatformCredentials,
  type SimulatedEnclaveOptions,
} from './simulated/simulated-software-enclave.js';
export { TEE_SIMULATED_SOFTWARE, quoteBody, quoteDigest, MEASURED_COMPONENTS, EXTRA_MODULE_PREFIX, MAX_EXTRA_MODULES, MAX_PUBLIC_PARTS } from './protocol.mjs';
