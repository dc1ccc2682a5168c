/**
 * Strategy "he" (claims 8-9): the lessee HE-encrypts its shard and sends the program,
 * the ciphertexts and its PUBLIC evaluation keys; the lessor evaluates on ciphertexts
 * (libs/compute evaluateHe) and returns ciphertexts; only the lessee can decrypt.
 *
 * Messages (codec.ts):
 *   lessee -> lessor  { type: 'he-subtask', subTaskId, program, material: PublicMaterialBytes, table: SerializedTable }
 *   lessor -> lessee  { type: 'he-result', subTaskId, table: SerializedTable }
 *                   | { type: 'failure', subTaskId, code, detail }
 *
 * What HE does NOT give: integrity. CKKS ciphertexts are malleable, so a lessor can
 * return a well-formed ciphertext of a wrong result and the lessee cannot tell from the
 * ciphertext alone. Corrupted bytes, a wrong shape or another sub-task's answer are
 * rejected; a semantically wrong computation needs redundancy (same sub-task to two
 * lessors) or verifiable computation, which is out of scope here.
 */
import { performance } from 'node:perf_hooks';
import {
  decryptTable,
  encryptTable,
  evaluateHe,
  heFeasibility,
  loadTable,
  serializeTable,
  validateProgram,
  validateRows,
  type EncryptedTable,
  type SerializedTable,
} from '#libs/compute';
import {
  exportPublicMaterial,
  generateKeys,
  HeContext,
  HeEncryptPool,
  loadPublicMaterial,
  type HeKeys,
  type PublicMaterialBytes,
  type SerializedVector,
} from '#libs/he';
import type { ByteChannel } from './channel.js';
import { CodecError, decodeMessage, encodeMessage } from './codec.js';
import { failure, isRecord, outputShape, type StrategyOutcome, type SubTaskSpec } from './types.js';

export interface HeLesseeOptions {
  /** CKKS parameter set; must fit the program's depth (heFeasibility). Default ckks-8192. */
  readonly paramSet?: string;
  readonly receiveTimeoutMs?: number;
  /**
   * Encrypt the shard through libs/he's HeEncryptPool with this many worker threads. Without
   * it the pool (all cores) is used only when a column needs more than one ciphertext
   * (rows > slots); otherwise the shard is encrypted inline on this thread. Same layout and
   * compression either way, so the lessor and the decrypted result cannot tell the difference.
   */
  readonly workers?: number;
}

export interface HeLesseeStats {
  readonly paramSet: string;
  /** Worker threads used to encrypt the shard; 0 = inline on the calling thread. */
  readonly encryptWorkers: number;
  readonly keygenMs: number;
  readonly encryptMs: number;
  readonly roundTripMs: number;
  readonly decryptMs: number;
  readonly bytesSent: number;
  readonly bytesReceived: number;
}

export interface HeRunResult {
  readonly rows: number[][];
  readonly stats: HeLesseeStats;
}

/** Lessee side: feasibility, keys, encrypt, send, receive, decrypt. The secret key never leaves this function. */
export async function runHeLessee(channel: ByteChannel, subTask: SubTaskSpec, options: HeLesseeOptions = {}): Promise<StrategyOutcome<HeRunResult>> {
  const paramSet = options.paramSet ?? 'ckks-8192';
  const validated = validateProgram(subTask.program);
  if (!validated.ok) return failure(validated.code, validated.detail);
  const feasible = heFeasibility(subTask.program, paramSet, { rowCount: subTask.rows.length });
  if (!feasible.ok) return failure(feasible.code, feasible.detail);
  const created = await HeContext.create(paramSet);
  if (!created.ok) return failure(created.code, created.detail);
  const ctx = created.value;
  let keys: HeKeys | undefined;
  try {
    let t = performance.now();
    const generated = generateKeys(ctx, { galoisSteps: feasible.galoisSteps });
    if (!generated.ok) return failure(generated.code, generated.detail);
    keys = generated.value;
    const keygenMs = performance.now() - t;

    t = performance.now();
    const material: PublicMaterialBytes = exportPublicMaterial(keys);
    const usePool = options.workers !== undefined || subTask.rows.length > ctx.slots;
    let table: SerializedTable;
    let encryptWorkers = 0;
    if (usePool) {
      const pooled = await encryptTablePooled(ctx, material.publicKey, subTask, options.workers);
      if (!pooled.ok) return pooled;
      table = pooled.value.table;
      encryptWorkers = pooled.value.workers;
    } else {
      const encrypted = encryptTable(ctx, keys.publicKey, subTask.rows, subTask.program.inputWidth);
      if (!encrypted.ok) return failure(encrypted.code, encrypted.detail);
      try {
        table = serializeTable(ctx, encrypted.value);
      } finally {
        encrypted.value.dispose();
      }
    }
    const request = encodeMessage({ type: 'he-subtask', subTaskId: subTask.subTaskId, program: subTask.program, material, table });
    const encryptMs = performance.now() - t;

    t = performance.now();
    channel.send(request);
    const replyBytes = await channel.receive(options.receiveTimeoutMs);
    const roundTripMs = performance.now() - t;

    t = performance.now();
    const reply = decodeOrFail(replyBytes);
    if (!reply.ok) return reply;
    const message = reply.value;
    if (message.subTaskId !== subTask.subTaskId) return failure('STRATEGY_SUBTASK_MISMATCH', `answer for ${String(message.subTaskId)}, asked ${subTask.subTaskId}`);
    if (message.type === 'failure') return failure('STRATEGY_PEER_FAILED', `lessor: ${String(message.code)} ${String(message.detail)}`);
    if (message.type !== 'he-result' || !isSerializedTable(message.table)) return failure('STRATEGY_PROTOCOL_ERROR', 'expected an he-result with a table');
    const want = outputShape(subTask.program, subTask.rows.length);
    if (message.table.rowCount !== want.rows || message.table.width !== want.width || message.table.paramSet !== ctx.params.name) {
      return failure('STRATEGY_RESULT_SHAPE_MISMATCH', `result ${message.table.rowCount}x${message.table.width} (${message.table.paramSet}), program yields ${want.rows}x${want.width} (${ctx.params.name})`);
    }
    const loaded = loadTable(ctx, message.table);
    if (!loaded.ok) return failure(loaded.code, loaded.detail);
    let rows: number[][];
    try {
      rows = decryptTable(ctx, keys.secretKey, loaded.value);
    } finally {
      loaded.value.dispose();
    }
    const decryptMs = performance.now() - t;
    return {
      ok: true,
      value: { rows, stats: { paramSet, encryptWorkers, keygenMs, encryptMs, roundTripMs, decryptMs, bytesSent: request.byteLength, bytesReceived: replyBytes.byteLength } },
    };
  } finally {
    keys?.dispose();
    ctx.dispose();
  }
}

/**
 * encryptTable + serializeTable through an HeEncryptPool: the same column-major layout
 * (one vector per column, rows along slots), zstd, the same failure codes
 * (COMPUTE_INVALID_INPUT carrying the libs/he code). All columns are queued at once.
 */
async function encryptTablePooled(
  ctx: HeContext,
  publicKey: Uint8Array,
  subTask: SubTaskSpec,
  workers: number | undefined,
): Promise<StrategyOutcome<{ table: SerializedTable; workers: number }>> {
  const width = subTask.program.inputWidth;
  const rows = validateRows(subTask.rows, width);
  if (!rows.ok) return failure(rows.code, rows.detail);
  const chunks = width * Math.ceil(rows.value.length / ctx.slots);
  const created = await HeEncryptPool.create(ctx, publicKey, { ...(workers === undefined ? {} : { workers }), maxQueuedChunks: Math.max(1, chunks), compression: 'zstd' });
  if (!created.ok) return failure(created.code, created.detail);
  const pool = created.value;
  try {
    const results = await Promise.all(Array.from({ length: width }, (_, c) => pool.encryptReal(rows.value.map((row) => row[c] as number))));
    const columns: SerializedVector[] = [];
    for (const [c, r] of results.entries()) {
      if (!r.ok) return failure('COMPUTE_INVALID_INPUT', `column ${c}: ${r.code} ${r.detail}`);
      columns.push(r.value);
    }
    return { ok: true, value: { table: { paramSet: ctx.params.name, rowCount: rows.value.length, width, columns }, workers: pool.size } };
  } finally {
    await pool.close();
  }
}

export interface HeLessorOptions {
  readonly receiveTimeoutMs?: number;
}

/**
 * Lessor side, one sub-task: load the lessee's public material and ciphertexts (size
 * limits before SEAL parses anything), evaluate, answer. Holds no secret key and never
 * sees plaintext. Returns what it answered (code or 'ok') for the lessor's own logs.
 */
export async function serveHeLessor(channel: ByteChannel, options: HeLessorOptions = {}): Promise<{ ok: true } | { ok: false; code: string }> {
  const decoded = decodeOrFail(await channel.receive(options.receiveTimeoutMs));
  const answerFailure = (subTaskId: unknown, code: string, detail: string): { ok: false; code: string } => {
    channel.send(encodeMessage({ type: 'failure', subTaskId: typeof subTaskId === 'string' ? subTaskId : '', code, detail }));
    return { ok: false, code };
  };
  if (!decoded.ok) return answerFailure('', decoded.code, decoded.detail);
  const m = decoded.value;
  if (m.type !== 'he-subtask' || typeof m.subTaskId !== 'string' || !isMaterial(m.material) || !isSerializedTable(m.table)) {
    return answerFailure(m.subTaskId, 'STRATEGY_PROTOCOL_ERROR', 'expected he-subtask { subTaskId, program, material, table }');
  }
  const validated = validateProgram(m.program);
  if (!validated.ok) return answerFailure(m.subTaskId, validated.code, validated.detail);
  const created = await HeContext.create(m.material.paramSet);
  if (!created.ok) return answerFailure(m.subTaskId, created.code, created.detail);
  const ctx = created.value;
  try {
    const material = loadPublicMaterial(ctx, m.material);
    if (!material.ok) return answerFailure(m.subTaskId, material.code, material.detail);
    try {
      const input = loadTable(ctx, m.table);
      if (!input.ok) return answerFailure(m.subTaskId, input.code, input.detail);
      let output: EncryptedTable | undefined;
      try {
        const evaluated = evaluateHe(validated.value.program, input.value, material.value);
        if (!evaluated.ok) return answerFailure(m.subTaskId, evaluated.code, evaluated.detail);
        output = evaluated.value;
        channel.send(encodeMessage({ type: 'he-result', subTaskId: m.subTaskId, table: serializeTable(ctx, output) }));
        return { ok: true };
      } finally {
        output?.dispose();
        input.value.dispose();
      }
    } finally {
      material.value.dispose();
    }
  } finally {
    ctx.dispose();
  }
}

function decodeOrFail(bytes: Uint8Array): StrategyOutcome<Record<string, unknown>> {
  try {
    const value = decodeMessage(bytes);
    if (!isRecord(value)) return failure('STRATEGY_PROTOCOL_ERROR', 'message is not an object');
    return { ok: true, value };
  } catch (error) {
    if (error instanceof CodecError) return failure('STRATEGY_PROTOCOL_ERROR', error.message);
    throw error;
  }
}

function isBytesArray(value: unknown): value is Uint8Array[] {
  return Array.isArray(value) && value.every((b) => b instanceof Uint8Array);
}

/** Shape only; sizes and contents are checked by loadTable/loadVector before SEAL parses. */
function isSerializedTable(value: unknown): value is SerializedTable {
  return (
    isRecord(value) &&
    typeof value.paramSet === 'string' &&
    typeof value.rowCount === 'number' &&
    typeof value.width === 'number' &&
    Array.isArray(value.columns) &&
    value.columns.every((c) => isRecord(c) && typeof c.paramSet === 'string' && typeof c.length === 'number' && isBytesArray(c.ciphertexts))
  );
}

function isMaterial(value: unknown): value is PublicMaterialBytes {
  return (
    isRecord(value) &&
    typeof value.paramSet === 'string' &&
    value.publicKey instanceof Uint8Array &&
    value.relinKeys instanceof Uint8Array &&
    (value.galoisKeys === undefined || value.galoisKeys instanceof Uint8Array) &&
    Array.isArray(value.galoisSteps)
  );
}
