// Types for protocol.mjs (plain ESM so the enclave worker can run it untransformed).
import type { ECDH } from 'node:crypto';

export declare const TEE_SIMULATED_SOFTWARE: 'simulated-software';
export declare const QUOTE_VERSION: 1;
export declare const LABEL_QUOTE: string;
export declare const LABEL_MEASUREMENT: string;
export declare const LABEL_SESSION: string;
export declare const LABEL_KEY_ID: string;
export declare const LABEL_SUBTASK: string;
export declare const LABEL_RESULT: string;
export declare const MEASURED_COMPONENTS: readonly ['entry', 'protocol', 'workload'];
export declare const EXTRA_MODULE_PREFIX: 'module:';
export declare const MAX_EXTRA_MODULES: 8;
export declare const MAX_PUBLIC_PARTS: 1024;
export declare const NONCE_BYTES: 32;
export declare const DIGEST_BYTES: 32;
export declare const POINT_BYTES: 65;
export declare const GCM_NONCE_BYTES: 12;
export declare const GCM_TAG_BYTES: 16;
export declare const AES_KEY_BYTES: 32;
export declare const KEY_ID_HEX_CHARS: 32;
export declare const MAX_ID_CHARS: 128;
export declare const MAX_TEE_TYPE_CHARS: 32;

export declare const EnclaveCode: {
  readonly QUOTE_MALFORMED: 3100;
  readonly PLATFORM_CERT_INVALID: 3101;
  readonly PLATFORM_IDENTITY_MISMATCH: 3102;
  readonly QUOTE_SIGNATURE_INVALID: 3103;
  readonly TEE_TYPE_NOT_ALLOWED: 3104;
  readonly MEASUREMENT_NOT_ALLOWED: 3105;
  readonly QUOTE_LEASE_MISMATCH: 3106;
  readonly QUOTE_INSTRUCTION_MISMATCH: 3107;
  readonly QUOTE_NONCE_MISMATCH: 3108;
  readonly QUOTE_STALE: 3109;
  readonly HANDSHAKE_MALFORMED: 3120;
  readonly HANDSHAKE_NOT_ATTESTED: 3121;
  readonly HANDSHAKE_WRONG_LESSOR: 3122;
  readonly HANDSHAKE_KEY_MISMATCH: 3123;
  readonly KEY_REUSED_ACROSS_LESSORS: 3124;
  readonly KEY_CONFIRMATION_FAILED: 3125;
  readonly SESSION_ALREADY_ESTABLISHED: 3126;
  readonly SESSION_LIMIT_REACHED: 3127;
  readonly SUBTASK_MALFORMED: 3140;
  readonly SESSION_KEY_UNKNOWN: 3141;
  readonly DECRYPT_FAILED: 3142;
  readonly INSTRUCTION_DIGEST_MISMATCH: 3143;
  readonly PAYLOAD_MALFORMED: 3144;
  readonly WORKLOAD_REJECTED: 3145;
  readonly SUBTASK_TOO_LARGE: 3146;
  readonly RESULT_DECRYPT_FAILED: 3147;
  readonly PUBLIC_INPUT_MISMATCH: 3148;
  readonly RESULT_PUBLIC_OUTPUT_MISMATCH: 3149;
  readonly ENCLAVE_TIMEOUT: 3180;
  readonly ENCLAVE_CLOSED: 3181;
  readonly ENCLAVE_CRASHED: 3182;
  readonly ENCLAVE_START_FAILED: 3183;
};

export interface QuoteFields {
  version: number;
  teeType: string;
  measurement: string;
  enclavePublicKey: string;
  leaseId: string;
  instructionDigest: string;
  nonce: string;
  timestampMs: number;
}

export interface SessionTranscript {
  leaseId: string;
  lessorId: string;
  lesseeId: string;
  lesseePublicKey: string;
  enclavePublicKey: string;
  nonce: string;
}

export declare function isId(value: unknown): value is string;
export declare function isHex(value: unknown, bytes: number): value is string;
export declare function sha256Hex(bytes: Uint8Array | string): string;
export declare function lp(text: string): Buffer;
export declare function measurementOf(
  components: Record<'entry' | 'protocol' | 'workload', Uint8Array>,
  extraModules?: readonly { readonly name: string; readonly bytes: Uint8Array }[],
): string;
export declare function checkExtraModuleNames(names: readonly unknown[]): void;
export declare function publicDigests(parts: readonly Uint8Array[]): string[];
export declare function isPublicParts(parts: unknown): parts is Uint8Array[];
export declare function quoteBody(q: QuoteFields): Buffer;
export declare function quoteDigest(q: QuoteFields & { signature: string }): string;
export declare function generateEphemeral(): { ecdh: ECDH; publicKey: string };
export declare function sharedSecret(ecdh: ECDH, peerPublicKeyHex: string): Buffer | null;
export declare function deriveSessionKey(secret: Uint8Array, transcript: SessionTranscript): { key: Buffer; keyId: string };
export declare function subTaskAad(leaseId: string, subTaskId: string): Buffer;
export declare function resultAad(leaseId: string, subTaskId: string, withPublicOutputs?: boolean): Buffer;
export declare function gcmSeal(key: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): { nonce: string; ciphertext: string };
export declare function gcmOpen(key: Uint8Array, nonceHex: string, ciphertextB64: string, aad: Uint8Array): Buffer | null;
