// The enclave port (claims 2-5): what a lessor's enclave offers and what the lessee checks.
// Adapters: SimulatedSoftwareEnclave (here); SGX via Gramine, SEV-SNP and TrustZone later.
import { EnclaveCode } from './protocol.mjs';

export { EnclaveCode };
export type EnclaveCodeName = keyof typeof EnclaveCode;
export type EnclaveCodeValue = (typeof EnclaveCode)[EnclaveCodeName];

/**
 * TEE kinds. Only `simulated-software` has an adapter; a lessee policy must list it
 * explicitly to accept it, so production policies can refuse simulated enclaves.
 */
export type TeeType = 'simulated-software' | 'sgx-gramine' | 'sev-snp' | 'trustzone';

/** Expected rejection: a value with a stable numeric code (STYLE habit 4). */
export interface EnclaveRejection {
  ok: false;
  code: EnclaveCodeValue;
  /** Symbolic name of `code`, for logs. */
  codeName: EnclaveCodeName;
  detail: string;
}

export function rejection(codeName: EnclaveCodeName, detail: string): EnclaveRejection {
  return { ok: false, code: EnclaveCode[codeName], codeName, detail };
}

/** The lessee's challenge. `nonce` is 32 fresh random bytes (hex) chosen by the lessee. */
export interface AttestRequest {
  nonce: string;
  leaseId: string;
  /** SHA-256 (hex) of the UTF-8 instruction text the lessee will send (see SubTaskPayload). */
  instructionDigest: string;
}

/** Attestation quote; every byte-valued field is lower-case hex. See README "Quote format". */
export interface Quote {
  version: 1;
  teeType: TeeType;
  measurement: string;
  /** The enclave's ephemeral ECDH P-256 public key for this lease, 65-byte uncompressed point. */
  enclavePublicKey: string;
  leaseId: string;
  instructionDigest: string;
  nonce: string;
  timestampMs: number;
  /** ECDSA P-256/SHA-256, IEEE P1363 (r || s, 64 bytes), by the platform key over quoteBody(). */
  signature: string;
  /** `enclave-platform` certificate of the signing key (CN = lessor id) and its intermediates. */
  platformCertPem: string;
  platformChainPem: string[];
}

export type AttestResult = { ok: true; quote: Quote } | EnclaveRejection;

/** Claim 3 handshake, client (lessee) -> server (lessor's enclave). */
export interface HandshakeRequest {
  leaseId: string;
  /** The lessor the lessee believes it is talking to; the enclave refuses any other. */
  lessorId: string;
  lesseeId: string;
  /** Fresh lessee ephemeral ECDH P-256 point (hex). */
  lesseePublicKey: string;
  /** The enclave key from the verified quote (hex); must match the enclave's session key. */
  enclavePublicKey: string;
  /** quoteDigest() of the quote the lessee verified. */
  quoteDigest: string;
}

/** `keyId` is derived from the session key on both sides; equality confirms the key. */
export type NegotiateResult = { ok: true; keyId: string } | EnclaveRejection;

/** A sub-task as sent to the lessor: AES-256-GCM under the session key. */
export interface SubTask {
  leaseId: string;
  subTaskId: string;
  /** Session key handle; the enclave refuses keys it does not hold (SESSION_KEY_UNKNOWN). */
  keyId: string;
  instructionDigest: string;
  /** 12-byte GCM nonce (hex). */
  nonce: string;
  /** base64 of ciphertext || tag; AAD = subTaskAad(leaseId, subTaskId). */
  ciphertext: string;
  /**
   * Public side inputs sent outside the ciphertext (e.g. the lessee's HE public key). The
   * sealed payload lists their SHA-256 (`publicInputDigests`); the enclave refuses any
   * difference with PUBLIC_INPUT_MISMATCH.
   */
  publicInputs?: Uint8Array[];
}

/** Plaintext inside a SubTask (UTF-8 JSON). `instructions` is the exact text whose SHA-256 is the digest. */
export interface SubTaskPayload {
  instructions: string;
  input: unknown;
  /** SHA-256 hex of each SubTask.publicInputs entry, in order (set by encryptSubTask). */
  publicInputDigests?: string[];
}

export interface EncryptedResult {
  leaseId: string;
  subTaskId: string;
  keyId: string;
  nonce: string;
  /**
   * base64; AAD = resultAad(leaseId, subTaskId, publicOutputs !== undefined); plaintext is UTF-8
   * JSON of the workload output, or `{ value, publicOutputDigests }` when publicOutputs is set.
   */
  ciphertext: string;
  /** Outputs that leave the enclave in the clear (e.g. HE ciphertexts), bound by digest in the sealed part. */
  publicOutputs?: Uint8Array[];
}

export type ExecuteResult = { ok: true; result: EncryptedResult } | EnclaveRejection;

/** Lessor side: an enclave instance. Expected rejections are values; broken infrastructure throws EnclaveUnavailableError. */
export interface EnclavePort {
  readonly teeType: TeeType;
  attest(request: AttestRequest): Promise<AttestResult>;
  negotiateKey(request: HandshakeRequest): Promise<NegotiateResult>;
  execute(subTask: SubTask): Promise<ExecuteResult>;
  close(): Promise<void>;
}

/** Lessee-side acceptance policy for quotes. */
export interface QuotePolicy {
  /** Network CA certificate; the platform certificate must chain to it. */
  trustAnchorPem: string;
  allowedTeeTypes: readonly TeeType[];
  /** Allowed measurements (hex SHA-256), e.g. published digests of released enclave bundles. */
  allowedMeasurements: readonly string[];
  /** The lessor of this lease: the platform certificate's CN must equal it. */
  lessorId: string;
  leaseId: string;
  instructionDigest: string;
  /** The nonce this lessee sent in its AttestRequest (hex). */
  nonce: string;
  /** Quotes older than this are stale. */
  maxAgeMs: number;
  /** Tolerated clock skew for quotes from the future; default 30 s. */
  maxFutureSkewMs?: number;
  /** Clock, for tests; default Date.now. */
  nowMs?: () => number;
}

export type VerifyQuoteResult =
  | { ok: true; enclaveKey: string; lessorId: string; measurement: string; quoteDigest: string }
  | EnclaveRejection;

/**
 * Claims 4-5: HE-encrypting a result under the lessee's HE public key inside the enclave.
 * Wired generically rather than through this interface: an enclave declares node-seal as an
 * extra measured module, its workload receives it as `env.modules`, takes the HE public key
 * from `env.publicInputs` and returns the HE ciphertexts as public outputs (see README and
 * libs/strategy's `tee-symmetric-he-result`). Kept as the shape a hardware adapter's
 * in-enclave encryptor would have.
 */
export interface HeResultEncryptor {
  readonly scheme: 'ckks' | 'bfv' | 'bgv';
  encryptResult(result: unknown, lesseeHePublicKey: Uint8Array): Promise<Uint8Array>;
}

/** Thrown (not returned) when the enclave itself is unusable: timeout, crash, closed, start failure. */
export class EnclaveUnavailableError extends Error {
  override readonly name = 'EnclaveUnavailableError';
  readonly code: EnclaveCodeValue;

  constructor(
    readonly codeName: 'ENCLAVE_TIMEOUT' | 'ENCLAVE_CLOSED' | 'ENCLAVE_CRASHED' | 'ENCLAVE_START_FAILED',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.code = EnclaveCode[codeName];
  }
}
