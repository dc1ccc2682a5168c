// Lessee side of claim 3 (lessee = client, lessor's enclave = server): verify the quote,
// then ECDH + HKDF to a key for exactly this (lessor, lease), then encrypt sub-tasks.
import { randomBytes } from 'node:crypto';
import {
  DIGEST_BYTES,
  MAX_PUBLIC_PARTS,
  NONCE_BYTES,
  deriveSessionKey,
  gcmOpen,
  gcmSeal,
  generateEphemeral,
  isHex,
  isId,
  isPublicParts,
  publicDigests,
  resultAad,
  sha256Hex,
  sharedSecret,
  subTaskAad,
} from './protocol.mjs';
import { KeyRing } from './key-ring.js';
import {
  rejection,
  type EnclavePort,
  type EnclaveRejection,
  type EncryptedResult,
  type HandshakeRequest,
  type NegotiateResult,
  type Quote,
  type QuotePolicy,
  type SubTask,
  type SubTaskPayload,
} from './port.js';
import { verifyQuote, type PlatformChainCache } from './quote-verifier.js';

/** SHA-256 (hex) of the UTF-8 instruction text: what AttestRequest and SubTask carry. */
export function instructionDigestOf(instructions: string): string {
  return sha256Hex(Buffer.from(instructions, 'utf8'));
}

/** 32 fresh random bytes (hex) for an AttestRequest. */
export function freshNonce(): string {
  return randomBytes(NONCE_BYTES).toString('hex');
}

/**
 * Digest of one public output (e.g. one HE ciphertext of a result) in exactly the format the
 * enclave seals as `publicOutputDigests[i]`: SHA-256, lowercase hex.
 */
export function publicOutputDigest(bytes: Uint8Array): string {
  return publicDigests([bytes])[0]!;
}

/** True for a string in `publicOutputDigest`'s format (64 lowercase hex characters). */
export function isPublicOutputDigest(value: unknown): value is string {
  return isHex(value, DIGEST_BYTES);
}

/** An established per-(lessor, lease) AES-256-GCM key. The key never leaves this object. */
export class LesseeSession {
  readonly #key: Buffer;

  constructor(
    readonly leaseId: string,
    readonly lessorId: string,
    readonly keyId: string,
    readonly instructionDigest: string,
    key: Buffer,
  ) {
    this.#key = key;
  }

  /**
   * Encrypts one sub-task. `instructions` must be the text whose digest was attested.
   * `publicInputs` travel in the clear next to the ciphertext; their SHA-256 digests go
   * inside it (`publicInputDigests`), which binds them to this session and sub-task.
   */
  encryptSubTask(subTaskId: string, payload: SubTaskPayload, publicInputs?: readonly Uint8Array[]): SubTask {
    if (!isId(subTaskId)) throw new RangeError('subTaskId is not a valid id');
    if (instructionDigestOf(payload.instructions) !== this.instructionDigest) {
      throw new RangeError('payload.instructions do not match the instruction digest this session attested');
    }
    if (publicInputs !== undefined && !isPublicParts(publicInputs)) throw new RangeError('publicInputs must be an array of byte arrays');
    const body: SubTaskPayload = publicInputs === undefined ? payload : { ...payload, publicInputDigests: publicDigests(publicInputs) };
    const sealed = gcmSeal(this.#key, Buffer.from(JSON.stringify(body), 'utf8'), subTaskAad(this.leaseId, subTaskId));
    const subTask: SubTask = { leaseId: this.leaseId, subTaskId, keyId: this.keyId, instructionDigest: this.instructionDigest, ...sealed };
    return publicInputs === undefined ? subTask : { ...subTask, publicInputs: [...publicInputs] };
  }

  /**
   * Decrypts a result; a tampered, misbound or foreign result is RESULT_DECRYPT_FAILED. A
   * result with public outputs also has each output checked against the sealed digests
   * (RESULT_PUBLIC_OUTPUT_MISMATCH) and yields them as `publicOutputs`.
   */
  openResult(result: EncryptedResult): { ok: true; value: unknown; publicOutputs?: Uint8Array[] } | EnclaveRejection {
    const foreign = this.#foreign(result);
    if (foreign) return foreign;
    const outputs = result.publicOutputs;
    if (outputs !== undefined && !isPublicParts(outputs)) return rejection('RESULT_PUBLIC_OUTPUT_MISMATCH', 'publicOutputs is not an array of byte arrays');
    const opened = this.#decrypt(result, outputs !== undefined);
    if (!opened.ok || outputs === undefined) return opened;
    const checked = checkSealedDigests(opened.value, publicDigests(outputs));
    return checked.ok ? { ...checked, publicOutputs: outputs } : checked;
  }

  /**
   * Opens a result whose public outputs went ELSEWHERE (e.g. the lessor host forwarded them to a
   * third party): `result` must not carry `publicOutputs`; it is authenticated as a result that
   * had them (same AAD), and the digests the enclave sealed must equal `outputDigests` exactly
   * (order and count), else RESULT_PUBLIC_OUTPUT_MISMATCH. So digests the host merely claims are
   * confirmed as the enclave's, and whoever receives the outputs can check each one with
   * `publicOutputDigest`. Same session / lease / keyId checks as `openResult`.
   */
  openResultDetached(result: EncryptedResult, outputDigests: readonly string[]): { ok: true; value: unknown } | EnclaveRejection {
    const foreign = this.#foreign(result);
    if (foreign) return foreign;
    if (result.publicOutputs !== undefined) return rejection('RESULT_PUBLIC_OUTPUT_MISMATCH', 'a detached result must not carry publicOutputs');
    const digests: unknown = outputDigests;
    if (!Array.isArray(digests) || digests.length > MAX_PUBLIC_PARTS || !digests.every(isPublicOutputDigest)) {
      return rejection('RESULT_PUBLIC_OUTPUT_MISMATCH', `outputDigests must be at most ${MAX_PUBLIC_PARTS} SHA-256 hex digests`);
    }
    const opened = this.#decrypt(result, true);
    return opened.ok ? checkSealedDigests(opened.value, digests) : opened;
  }

  #foreign(result: EncryptedResult): EnclaveRejection | undefined {
    if (result.leaseId !== this.leaseId || result.keyId !== this.keyId || !isId(result.subTaskId)) {
      return rejection('RESULT_DECRYPT_FAILED', 'result is not for this session');
    }
    return undefined;
  }

  /** AES-GCM authentication under `resultAad(leaseId, subTaskId, withPublicOutputs)`, then JSON. */
  #decrypt(result: EncryptedResult, withPublicOutputs: boolean): { ok: true; value: unknown } | EnclaveRejection {
    const plain = gcmOpen(this.#key, result.nonce, result.ciphertext, resultAad(this.leaseId, result.subTaskId, withPublicOutputs));
    if (plain === null) return rejection('RESULT_DECRYPT_FAILED', 'result failed authentication');
    try {
      return { ok: true, value: JSON.parse(plain.toString('utf8')) as unknown };
    } catch {
      return rejection('RESULT_DECRYPT_FAILED', 'result plaintext is not JSON');
    }
  }
}

/** The sealed `{ value, publicOutputDigests }` of a result with public outputs, its digests equal to `got`. */
function checkSealedDigests(plain: unknown, got: readonly string[]): { ok: true; value: unknown } | EnclaveRejection {
  const sealed = plain as { value?: unknown; publicOutputDigests?: unknown } | null;
  const want = sealed?.publicOutputDigests;
  if (!Array.isArray(want) || want.length !== got.length || want.some((d, i) => d !== got[i])) {
    return rejection('RESULT_PUBLIC_OUTPUT_MISMATCH', 'public outputs differ from the digests the enclave sealed');
  }
  return { ok: true, value: sealed?.value };
}

/** A verified quote plus the derived (not yet confirmed) key, waiting for the enclave's answer. */
export class PendingHandshake {
  readonly #key: Buffer;

  constructor(
    readonly request: HandshakeRequest,
    private readonly instructionDigest: string,
    private readonly keyId: string,
    key: Buffer,
  ) {
    this.#key = key;
  }

  /** Key confirmation (same keyId on both sides), then registration in the lessee's KeyRing. */
  complete(response: NegotiateResult, keyRing: KeyRing): { ok: true; session: LesseeSession } | EnclaveRejection {
    if (!response.ok) return response;
    if (response.keyId !== this.keyId) return rejection('KEY_CONFIRMATION_FAILED', 'the enclave derived a different key');
    const { leaseId, lessorId, enclavePublicKey } = this.request;
    const registered = keyRing.register({ keyId: this.keyId, lessorId, leaseId, enclavePublicKey });
    if (!registered.ok) return registered;
    return { ok: true, session: new LesseeSession(leaseId, lessorId, this.keyId, this.instructionDigest, this.#key) };
  }
}

export interface BeginHandshakeParams {
  quote: Quote;
  policy: QuotePolicy;
  lesseeId: string;
  chainCache?: PlatformChainCache;
}

/** Verifies the quote FIRST; only an accepted quote yields a key derivation and a HandshakeRequest. */
export async function beginHandshake(params: BeginHandshakeParams): Promise<{ ok: true; pending: PendingHandshake } | EnclaveRejection> {
  if (!isId(params.lesseeId)) throw new RangeError('lesseeId is not a valid id');
  const verified = await verifyQuote(params.quote, params.policy, params.chainCache);
  if (!verified.ok) return verified;
  const ephemeral = generateEphemeral();
  const secret = sharedSecret(ephemeral.ecdh, verified.enclaveKey);
  if (secret === null) return rejection('QUOTE_MALFORMED', 'enclave public key is not a valid P-256 point');
  const request: HandshakeRequest = {
    leaseId: params.policy.leaseId,
    lessorId: verified.lessorId,
    lesseeId: params.lesseeId,
    lesseePublicKey: ephemeral.publicKey,
    enclavePublicKey: verified.enclaveKey,
    quoteDigest: verified.quoteDigest,
  };
  const { key, keyId } = deriveSessionKey(secret, { ...request, nonce: params.policy.nonce });
  return { ok: true, pending: new PendingHandshake(request, params.policy.instructionDigest, keyId, key) };
}

export interface EstablishSessionParams {
  enclave: EnclavePort;
  /** Policy without the per-challenge nonce, which is generated here. */
  policy: Omit<QuotePolicy, 'nonce'>;
  lesseeId: string;
  keyRing: KeyRing;
  chainCache?: PlatformChainCache;
}

/** Whole handshake against a directly reachable enclave (local share, tests): attest, verify, negotiate, confirm. */
export async function establishSession(params: EstablishSessionParams): Promise<{ ok: true; session: LesseeSession } | EnclaveRejection> {
  const nonce = freshNonce();
  const policy: QuotePolicy = { ...params.policy, nonce };
  const attested = await params.enclave.attest({ nonce, leaseId: policy.leaseId, instructionDigest: policy.instructionDigest });
  if (!attested.ok) return attested;
  const begun = await beginHandshake({ quote: attested.quote, policy, lesseeId: params.lesseeId, chainCache: params.chainCache });
  if (!begun.ok) return begun;
  return begun.pending.complete(await params.enclave.negotiateKey(begun.pending.request), params.keyRing);
}
