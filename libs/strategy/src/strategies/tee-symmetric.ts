/**
 * Strategy "tee-symmetric" (claims 2-3): the lessor runs an enclave whose workload is
 * libs/compute's plaintext evaluator; the lessee verifies the enclave's quote against an
 * allow-list of measurements, negotiates a key for exactly this (lessor, lease), sends
 * the shard AES-256-GCM-encrypted and opens the sealed result. The lessor HOST only
 * forwards opaque messages between the channel and its enclave.
 *
 * Messages (codec.ts), each lessee request answered by one lessor reply:
 *   { type: 'attest', request: AttestRequest }          -> { type: 'attest', reply: AttestResult }
 *   { type: 'negotiate', request: HandshakeRequest }    -> { type: 'negotiate', reply: NegotiateResult }
 *   { type: 'execute', request: SubTask }               -> { type: 'execute', reply: ExecuteResult }
 *   { type: 'execute', request: SubTask, forward: D }   -> { type: 'execute', reply: ExecuteResult without result.publicOutputs,
 *                                                             forwarded: { digests: string[] } }
 *                                                          (or a rejection ExecuteResult unchanged, without `forwarded`)
 *   anything the host cannot serve                      -> { type: 'error', detail: string }
 *
 * Forwarding: `forward` is a directive the HOST reads (e.g. "send the result to participant C").
 * A host with a `forward` hook gives the enclave's public outputs (HE ciphertexts) to the hook
 * instead of the lessee and returns only their digests (`publicOutputDigest`); the lessee opens
 * the result with `openResultDetached`, so those digests are the ones the enclave sealed. A host
 * without a hook, or with nothing to forward, answers `STRATEGY_FORWARD_UNSUPPORTED: ...`; a
 * failing hook answers `<code>: <detail>`.
 */
import {
  beginHandshake,
  freshNonce,
  instructionDigestOf,
  isPublicOutputDigest,
  publicOutputDigest,
  type AttestResult,
  type EnclavePort,
  type EnclaveRejection,
  type EncryptedResult,
  type ExecuteResult,
  type KeyRing,
  type LesseeSession,
  type NegotiateResult,
  type PlatformChainCache,
  type QuotePolicy,
  type SubTask,
  type TeeType,
} from '#libs/enclave';
import { ChannelClosedError, type ByteChannel } from './channel.js';
import { CodecError, decodeMessage, encodeMessage } from './codec.js';
import { failure, isRecord, outputShape, type StrategyFailure, type StrategyOutcome, type SubTaskSpec } from './types.js';

type Op = 'attest' | 'negotiate' | 'execute';

/**
 * Lessor host: hands the enclave's public outputs of a forwarded sub-task to their destination
 * (e.g. as hub envelopes to a third participant). `directive` is the lessee's `forward` field as
 * received: the hook must validate it. Expected failures are values (sent to the lessee as
 * `<code>: <detail>`); a throw ends `serveTeeLessor` like an enclave infrastructure error.
 */
export type TeeForwardHook = (directive: unknown, outputs: Uint8Array[]) => Promise<{ ok: true } | { ok: false; code: string; detail: string }>;

export interface TeeLessorOptions {
  readonly receiveTimeoutMs?: number;
  /** Serves `execute` requests that carry a `forward` directive; without it they are STRATEGY_FORWARD_UNSUPPORTED. */
  readonly forward?: TeeForwardHook;
}

/**
 * Lessor host: forwards requests from the channel to its enclave until the channel
 * closes. It sees quotes, public keys and ciphertexts only. Resolves with the number of
 * requests served.
 */
export async function serveTeeLessor(channel: ByteChannel, enclave: EnclavePort, options: TeeLessorOptions = {}): Promise<number> {
  let served = 0;
  for (;;) {
    let bytes: Uint8Array;
    try {
      bytes = await channel.receive(options.receiveTimeoutMs);
    } catch (error) {
      if (error instanceof ChannelClosedError) return served;
      throw error;
    }
    let message: unknown;
    try {
      message = decodeMessage(bytes);
    } catch (error) {
      if (!(error instanceof CodecError)) throw error;
      channel.send(encodeMessage({ type: 'error', detail: error.message }));
      continue;
    }
    const type = isRecord(message) ? message.type : undefined;
    const request = isRecord(message) ? message.request : undefined;
    if (type === 'execute' && isRecord(message) && message.forward !== undefined) {
      channel.send(encodeMessage(await executeForwarded(enclave, request, message.forward, options.forward)));
      served++;
      continue;
    }
    // Shapes are the enclave's to check (it rejects malformed requests with codes).
    const reply =
      type === 'attest'
        ? await enclave.attest(request as Parameters<EnclavePort['attest']>[0])
        : type === 'negotiate'
          ? await enclave.negotiateKey(request as Parameters<EnclavePort['negotiateKey']>[0])
          : type === 'execute'
            ? await enclave.execute(request as Parameters<EnclavePort['execute']>[0])
            : undefined;
    channel.send(encodeMessage(reply === undefined ? { type: 'error', detail: `unknown request type ${String(type)}` } : { type, reply }));
    served++;
  }
}

/** The lessor's answer to `{ type: 'execute', request, forward }`: outputs to the hook, digests to the lessee. */
async function executeForwarded(enclave: EnclavePort, request: unknown, directive: unknown, hook: TeeForwardHook | undefined): Promise<Record<string, unknown>> {
  if (!hook) return { type: 'error', detail: 'STRATEGY_FORWARD_UNSUPPORTED: this lessor does not forward results' };
  const reply = await enclave.execute(request as Parameters<EnclavePort['execute']>[0]);
  if (!reply.ok) return { type: 'execute', reply };
  const { publicOutputs: outputs, ...result } = reply.result;
  if (outputs === undefined) return { type: 'error', detail: 'STRATEGY_FORWARD_UNSUPPORTED: nothing to forward' };
  const sent = await hook(directive, outputs);
  if (!sent.ok) return { type: 'error', detail: `${sent.code}: ${sent.detail}` };
  return { type: 'execute', reply: { ...reply, result }, forwarded: { digests: outputs.map(publicOutputDigest) } };
}

/** Sends one request, returns the decoded answer (any shape). */
async function roundTrip(channel: ByteChannel, message: Record<string, unknown>, timeoutMs: number | undefined): Promise<StrategyOutcome<unknown>> {
  channel.send(encodeMessage(message));
  try {
    return { ok: true, value: decodeMessage(await channel.receive(timeoutMs)) };
  } catch (error) {
    if (error instanceof CodecError) return failure('STRATEGY_PROTOCOL_ERROR', error.message);
    throw error;
  }
}

async function call(channel: ByteChannel, type: Op, request: unknown, timeoutMs: number | undefined): Promise<StrategyOutcome<unknown>> {
  const answered = await roundTrip(channel, { type, request }, timeoutMs);
  if (!answered.ok) return answered;
  const message = answered.value;
  if (!isRecord(message) || message.type !== type || !isRecord(message.reply)) return failure('STRATEGY_PROTOCOL_ERROR', `expected a ${type} reply`);
  return { ok: true, value: message.reply };
}

function fromRejection(r: EnclaveRejection): StrategyFailure {
  return failure(r.codeName, `${r.code}: ${r.detail}`);
}

export interface TeeLesseeOptions {
  readonly leaseId: string;
  /** The lessor this channel is supposed to reach: its platform certificate CN must match. */
  readonly lessorId: string;
  readonly lesseeId: string;
  readonly trustAnchorPem: string;
  /** Published measurements of enclave bundles this lessee accepts. */
  readonly allowedMeasurements: readonly string[];
  /** Must list 'simulated-software' explicitly to accept the simulation. */
  readonly allowedTeeTypes: readonly TeeType[];
  readonly keyRing: KeyRing;
  readonly chainCache?: PlatformChainCache;
  /** Default 60 s. */
  readonly maxQuoteAgeMs?: number;
  readonly receiveTimeoutMs?: number;
}

/** The exact instruction text attested and sent: the program's canonical JSON. */
export function instructionsOf(subTask: Pick<SubTaskSpec, 'program'>): string {
  return JSON.stringify(subTask.program);
}

/**
 * Claim 3 over the channel: attest with a fresh nonce, verify the quote (nothing is
 * derived before it passes), negotiate, confirm, register the key in the KeyRing.
 */
export async function teeHandshake(channel: ByteChannel, instructions: string, o: TeeLesseeOptions): Promise<StrategyOutcome<LesseeSession>> {
  const nonce = freshNonce();
  const policy: QuotePolicy = {
    trustAnchorPem: o.trustAnchorPem,
    allowedTeeTypes: o.allowedTeeTypes,
    allowedMeasurements: o.allowedMeasurements,
    lessorId: o.lessorId,
    leaseId: o.leaseId,
    instructionDigest: instructionDigestOf(instructions),
    nonce,
    maxAgeMs: o.maxQuoteAgeMs ?? 60_000,
  };
  const attested = await call(channel, 'attest', { nonce, leaseId: o.leaseId, instructionDigest: policy.instructionDigest }, o.receiveTimeoutMs);
  if (!attested.ok) return attested;
  const attestReply = attested.value as AttestResult;
  if (!attestReply.ok) return fromRejection(attestReply);
  const begun = await beginHandshake({ quote: attestReply.quote, policy, lesseeId: o.lesseeId, chainCache: o.chainCache });
  if (!begun.ok) return fromRejection(begun);
  const negotiated = await call(channel, 'negotiate', begun.pending.request, o.receiveTimeoutMs);
  if (!negotiated.ok) return negotiated;
  const completed = begun.pending.complete(negotiated.value as NegotiateResult, o.keyRing);
  if (!completed.ok) return fromRejection(completed);
  return { ok: true, value: completed.session };
}

/** Sends one sub-task under an established session and opens the sealed result. */
export async function teeExecute(channel: ByteChannel, session: LesseeSession, subTask: SubTaskSpec, receiveTimeoutMs?: number): Promise<StrategyOutcome<unknown>> {
  const sealed = session.encryptSubTask(subTask.subTaskId, { instructions: instructionsOf(subTask), input: { rows: subTask.rows } });
  const opened = await teeExecuteSealed(channel, session, sealed, receiveTimeoutMs);
  return opened.ok ? { ok: true, value: opened.value.value } : opened;
}

/**
 * Sends an already sealed sub-task (possibly with public inputs) and opens the answer:
 * the sealed value, plus the public outputs checked against their sealed digests.
 */
export async function teeExecuteSealed(
  channel: ByteChannel,
  session: LesseeSession,
  sealed: SubTask,
  receiveTimeoutMs?: number,
): Promise<StrategyOutcome<{ value: unknown; publicOutputs: Uint8Array[] | undefined }>> {
  const executed = await call(channel, 'execute', sealed, receiveTimeoutMs);
  if (!executed.ok) return executed;
  const result = executeResultFor(executed.value, sealed);
  if (!result.ok) return result;
  const opened = session.openResult(result.value);
  if (!opened.ok) return fromRejection(opened);
  return { ok: true, value: { value: opened.value, publicOutputs: opened.publicOutputs } };
}

/** The encrypted result of an execute reply for `sealed` (rejections mapped to their code names). */
function executeResultFor(reply: unknown, sealed: SubTask): StrategyOutcome<EncryptedResult> {
  const executed = reply as ExecuteResult;
  if (!executed.ok) return fromRejection(executed);
  if (!isRecord(executed.result)) return failure('STRATEGY_PROTOCOL_ERROR', 'execute reply without a result');
  if (executed.result.subTaskId !== sealed.subTaskId) return failure('STRATEGY_SUBTASK_MISMATCH', `answer for ${executed.result.subTaskId}, asked ${sealed.subTaskId}`);
  return { ok: true, value: executed.result };
}

/**
 * Sends an already sealed sub-task with a `forward` directive for the lessor host: the enclave's
 * public outputs go wherever the host forwards them, this side gets only their digests, opened
 * with `openResultDetached` (so they are the digests the enclave sealed). A host `error` answer
 * is STRATEGY_PEER_FAILED with its detail (e.g. `STRATEGY_FORWARD_UNSUPPORTED: ...`); a
 * malformed `forwarded` field is STRATEGY_PROTOCOL_ERROR.
 */
export async function teeExecuteForwarded(
  channel: ByteChannel,
  session: LesseeSession,
  sealed: SubTask,
  directive: unknown,
  receiveTimeoutMs?: number,
): Promise<StrategyOutcome<{ value: unknown; digests: string[] }>> {
  const answered = await roundTrip(channel, { type: 'execute', request: sealed, forward: directive }, receiveTimeoutMs);
  if (!answered.ok) return answered;
  const message = answered.value;
  if (isRecord(message) && message.type === 'error' && typeof message.detail === 'string') return failure('STRATEGY_PEER_FAILED', `lessor: ${message.detail}`);
  if (!isRecord(message) || message.type !== 'execute' || !isRecord(message.reply)) return failure('STRATEGY_PROTOCOL_ERROR', 'expected an execute reply');
  const result = executeResultFor(message.reply, sealed);
  if (!result.ok) return result;
  const forwarded = message.forwarded;
  const digests = isRecord(forwarded) && Object.keys(forwarded).length === 1 ? forwarded.digests : undefined;
  if (!Array.isArray(digests) || !digests.every(isPublicOutputDigest) || Object.keys(message).length !== 3) {
    return failure('STRATEGY_PROTOCOL_ERROR', 'a forwarded execute reply is { type, reply, forwarded: { digests: SHA-256 hex[] } }');
  }
  const opened = session.openResultDetached(result.value, digests);
  if (!opened.ok) return fromRejection(opened);
  return { ok: true, value: { value: opened.value, digests } };
}

/** Checks a decrypted result is a table of finite numbers with the program's output shape. */
export function checkResultRows(value: unknown, subTask: SubTaskSpec): StrategyOutcome<number[][]> {
  const want = outputShape(subTask.program, subTask.rows.length);
  const fits =
    Array.isArray(value) &&
    value.length === want.rows &&
    value.every((row) => Array.isArray(row) && row.length === want.width && row.every((v) => typeof v === 'number' && Number.isFinite(v)));
  return fits ? { ok: true, value: value as number[][] } : failure('STRATEGY_RESULT_SHAPE_MISMATCH', `result is not a ${want.rows}x${want.width} table of finite numbers`);
}

export interface TeeRunResult {
  readonly rows: number[][];
  readonly keyId: string;
}

/** Lessee side, whole strategy for one sub-task on one lessor. */
export async function runTeeSymmetricLessee(channel: ByteChannel, subTask: SubTaskSpec, options: TeeLesseeOptions): Promise<StrategyOutcome<TeeRunResult>> {
  const session = await teeHandshake(channel, instructionsOf(subTask), options);
  if (!session.ok) return session;
  const result = await teeExecute(channel, session.value, subTask, options.receiveTimeoutMs);
  if (!result.ok) return result;
  const rows = checkResultRows(result.value, subTask);
  if (!rows.ok) return rows;
  return { ok: true, value: { rows: rows.value, keyId: session.value.keyId } };
}
