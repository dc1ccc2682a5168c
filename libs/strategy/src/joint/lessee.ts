/**
 * Lessee (A) side of the joint computation (claims 6-7): one CKKS key pair for the
 * whole job, the public part shaped for the third participant's program, lessor
 * sub-tasks run through tee-symmetric-he-result with THAT key (results stay encrypted
 * and become shards for the third participant, either relayed by the lessee or forwarded
 * by the lessor straight to the third participant), and the final opening.
 */
import { decryptTable, heFeasibility, loadTable, validateProgram, type Program, type SerializedTable } from '#libs/compute';
import type { LesseeSession, SubTask } from '#libs/enclave';
import { generateKeys, HE_PARAM_SET_NAMES, HE_PARAM_SETS, isHeParamSetName, type HeKeys, type HeParamSetName } from '#libs/he';
import type { ComprModeType } from 'node-seal/implementation/compr-mode-type.js';
import type { ByteChannel } from '../strategies/channel.js';
import { encodeMessage } from '../strategies/codec.js';
import { instructionsOf, teeExecuteForwarded, teeExecuteSealed, teeHandshake, type TeeLesseeOptions } from '../strategies/tee-symmetric.js';
import { failure, isRecord, outputShape, type StrategyOutcome, type SubTaskSpec } from '../strategies/types.js';
import { jointFail } from './codes.js';
import { jointContext } from './context.js';
import { decodeJointResult, JOINT_WIRE_VERSION, type JointPublicMaterialMessage, type JointShardRef, type TeeHeResultShape } from './wire.js';

// Moved to wire.ts (the third participant packs forwarded results with it too); still exported here.
export { jointShardFromTeeResult, type TeeHeResultShape } from './wire.js';

/** CKKS parameter sets in the order `createJointKeys` tries them when none is named. */
export const JOINT_PARAM_SETS: readonly HeParamSetName[] = HE_PARAM_SET_NAMES.filter((name) => HE_PARAM_SETS[name].scheme === 'ckks');

/**
 * Kept by the lessee. `he.secretKey` never leaves; `publicMaterial` is what the third participant
 * gets. `he.context` is the process-wide shared context (`jointContext`): `dispose()` frees the keys only.
 */
export interface JointKeys {
  readonly paramSet: HeParamSetName;
  readonly he: HeKeys;
  /** `encodeMessage(JointPublicMaterialMessage)`: public key, plus relin / Galois keys only if the program needs them. */
  readonly publicMaterial: Uint8Array;
  readonly galoisSteps: readonly number[];
  /** Whether relinearization keys were included in `publicMaterial`. */
  readonly relinKeys: boolean;
  /** Largest multiplicative depth among the programs the keys were made for. */
  readonly depth: number;
  dispose(): void;
}

export interface JointKeyOptions {
  /** CKKS parameter set. Default: the smallest one (ckks-8192, then ckks-16384) on which every program is feasible. */
  readonly paramSet?: string;
  /** Most rows a shard will have; only matters for programs that sum over rows (fewer rotation keys). Default: one full ciphertext. */
  readonly maxShardRows?: number;
}

/** True when the program multiplies two ciphertexts (a poly of degree >= 2), i.e. needs relinearization keys. */
export function needsRelinKeys(program: Program): boolean {
  return program.ops.some((op) => op.op === 'poly' && op.coefficients.length - 1 >= 2);
}

interface Plan {
  readonly paramSet: HeParamSetName;
  readonly galoisSteps: number[];
  readonly relin: boolean;
  readonly depth: number;
}

function planFor(programs: readonly Program[], paramSet: HeParamSetName, rowCount: number | undefined): StrategyOutcome<Plan> {
  const steps = new Set<number>();
  let depth = 0;
  for (const program of programs) {
    const feasible = heFeasibility(program, paramSet, rowCount === undefined ? {} : { rowCount });
    if (!feasible.ok) return failure(feasible.code, feasible.detail);
    feasible.galoisSteps.forEach((s) => steps.add(s));
    depth = Math.max(depth, feasible.depth);
  }
  const galoisSteps = [...steps].sort((a, b) => a - b);
  return { ok: true, value: { paramSet, galoisSteps, relin: programs.some(needsRelinKeys), depth } };
}

/**
 * Lessee: refuses an infeasible third-participant program before any key exists, then
 * generates one CKKS key pair with exactly the rotation steps (and relinearization keys
 * only if) the program needs. `cPrograms` is one program or an array of programs (e.g.
 * one per round, so all rounds can use the same key pair).
 */
export async function createJointKeys(cPrograms: unknown, options: JointKeyOptions = {}): Promise<StrategyOutcome<JointKeys>> {
  const inputs: readonly unknown[] = Array.isArray(cPrograms) ? cPrograms : [cPrograms];
  if (inputs.length === 0) return jointFail('JOINT_INVALID_OPTIONS', 'at least one program is required');
  const programs: Program[] = [];
  for (const input of inputs) {
    const validated = validateProgram(input);
    if (!validated.ok) return failure(validated.code, validated.detail);
    programs.push(validated.value.program);
  }
  const rows = options.maxShardRows;
  if (rows !== undefined && (!Number.isSafeInteger(rows) || rows < 1)) return jointFail('JOINT_INVALID_OPTIONS', 'maxShardRows must be a positive integer');
  let plan: StrategyOutcome<Plan> | undefined;
  if (options.paramSet !== undefined) {
    if (!isHeParamSetName(options.paramSet)) return failure('HE_UNKNOWN_PARAM_SET', `unknown parameter set "${options.paramSet}"`);
    plan = planFor(programs, options.paramSet, rows);
  } else {
    for (const name of JOINT_PARAM_SETS) {
      plan = planFor(programs, name, rows);
      if (plan.ok) break;
    }
  }
  if (!plan?.ok) return plan ?? jointFail('JOINT_INVALID_OPTIONS', 'no CKKS parameter set');
  const { paramSet, galoisSteps, relin, depth } = plan.value;

  const ctx = await jointContext(paramSet);
  const generated = generateKeys(ctx, { galoisSteps });
  if (!generated.ok) return failure(generated.code, generated.detail);
  const he = generated.value;
  const zstd = ctx.seal.ComprModeType.zstd as ComprModeType;
  const message: JointPublicMaterialMessage = {
    type: 'joint-public-material',
    version: JOINT_WIRE_VERSION,
    paramSet,
    publicKey: he.publicKey.saveArray(zstd),
    ...(relin ? { relinKeys: he.relinKeys.saveArray(zstd) } : {}),
    ...(he.galoisKeys ? { galoisKeys: he.galoisKeys.saveArray(zstd) } : {}),
    galoisSteps: [...he.galoisSteps],
  };
  let disposed = false;
  return {
    ok: true,
    value: {
      paramSet,
      he,
      publicMaterial: encodeMessage(message),
      galoisSteps: he.galoisSteps,
      relinKeys: relin,
      depth,
      dispose: () => {
        if (disposed) return;
        disposed = true;
        he.dispose();
      },
    },
  };
}

export interface TeeHeRawResult {
  readonly keyId: string;
  readonly shape: TeeHeResultShape;
  /** The enclave's public outputs, checked against its sealed digests; column-major, chunk order. Not decrypted. */
  readonly ciphertexts: readonly Uint8Array[];
}

/** A lessor result forwarded by the lessor host to the third participant: the lessee holds only the sealed digests. */
export interface TeeHeForwardedResult {
  readonly keyId: string;
  readonly shape: TeeHeResultShape;
  /** SHA-256 hex (`publicOutputDigest`) of each result ciphertext, as the enclave sealed them; column-major, chunk order. */
  readonly ciphertextDigests: string[];
}

/**
 * Lessee side of tee-symmetric-he-result for one sub-task on one lessor, with the
 * lessee's EXISTING joint key pair (the enclave encrypts the result under `keys`' public
 * key), returning the result ciphertexts as bytes without decrypting them. Same messages,
 * binding and checks as `runTeeHeResultLessee` (attested handshake first; HE public key
 * as the sub-task's single public input; public outputs checked against sealed digests;
 * shape checked against `outputShape`).
 */
export async function runTeeHeResultForJoint(
  channel: ByteChannel,
  subTask: SubTaskSpec,
  keys: JointKeys,
  options: TeeLesseeOptions,
): Promise<StrategyOutcome<TeeHeRawResult>> {
  const run = await runTeeHeSubTask(channel, subTask, keys, options, async (session, sealed) => {
    const executed = await teeExecuteSealed(channel, session, sealed, options.receiveTimeoutMs);
    return executed.ok ? { ok: true, value: { manifest: executed.value.value, outputs: executed.value.publicOutputs } } : executed;
  });
  if (!run.ok) return run;
  return { ok: true, value: { keyId: run.value.keyId, shape: run.value.shape, ciphertexts: run.value.outputs } };
}

/**
 * As `runTeeHeResultForJoint`, but the execute request carries `forward` (a directive for the
 * lessor HOST, e.g. "send to participant C as shard X"): the host hands the result ciphertexts
 * to the third participant itself and answers with their digests only, which are opened with
 * `openResultDetached` (they must be the digests the enclave sealed). The digest count must be
 * the result shape's ciphertext count. Pass the outcome to `jointForwardedRef` for the third
 * participant. `forward` must be encodable (JSON + bytes) and not `undefined`.
 */
export async function runTeeHeResultForwarded(
  channel: ByteChannel,
  subTask: SubTaskSpec,
  keys: JointKeys,
  options: TeeLesseeOptions,
  forward: unknown,
): Promise<StrategyOutcome<TeeHeForwardedResult>> {
  if (forward === undefined) return jointFail('JOINT_INVALID_OPTIONS', 'a forward directive is required');
  const run = await runTeeHeSubTask(channel, subTask, keys, options, async (session, sealed) => {
    const executed = await teeExecuteForwarded(channel, session, sealed, forward, options.receiveTimeoutMs);
    return executed.ok ? { ok: true, value: { manifest: executed.value.value, outputs: executed.value.digests } } : executed;
  });
  if (!run.ok) return run;
  return { ok: true, value: { keyId: run.value.keyId, shape: run.value.shape, ciphertextDigests: [...run.value.outputs] } };
}

/**
 * The common part of the two: validated program, attested handshake, sub-task sealed with the
 * joint HE public key as its single public input, `execute` (plain or forwarded), then the sealed
 * manifest and the output count checked against `outputShape`.
 */
async function runTeeHeSubTask<T>(
  channel: ByteChannel,
  subTask: SubTaskSpec,
  keys: JointKeys,
  options: TeeLesseeOptions,
  execute: (session: LesseeSession, sealed: SubTask) => Promise<StrategyOutcome<{ manifest: unknown; outputs: T[] | undefined }>>,
): Promise<StrategyOutcome<{ keyId: string; shape: TeeHeResultShape; outputs: T[] }>> {
  const validated = validateProgram(subTask.program);
  if (!validated.ok) return failure(validated.code, validated.detail);
  const instructions = instructionsOf(subTask);
  const session = await teeHandshake(channel, instructions, options);
  if (!session.ok) return session;
  const ctx = keys.he.context;
  const hePublicKey = keys.he.publicKey.saveArray(ctx.seal.ComprModeType.zstd as ComprModeType);
  const { name, polyModulusDegree, coeffModulusBits, scale, maxAbsValue, limits } = ctx.params;
  const he = { paramSet: name, polyModulusDegree, coeffModulusBits: [...coeffModulusBits], scale, maxAbsValue, publicKeyBytesMax: limits.publicKeyBytesMax };
  const sealed = session.value.encryptSubTask(subTask.subTaskId, { instructions, input: { rows: subTask.rows, he } }, [hePublicKey]);
  const executed = await execute(session.value, sealed);
  if (!executed.ok) return executed;
  const { manifest, outputs } = executed.value;
  const want = outputShape(subTask.program, subTask.rows.length);
  const perColumn = Math.ceil(want.rows / ctx.slots);
  const fits =
    outputs !== undefined &&
    isRecord(manifest) &&
    manifest.paramSet === name &&
    manifest.rowCount === want.rows &&
    manifest.width === want.width &&
    manifest.ciphertextsPerColumn === perColumn &&
    outputs.length === want.width * perColumn;
  if (!fits) return failure('STRATEGY_RESULT_SHAPE_MISMATCH', `HE result does not describe a ${want.rows}x${want.width} ${name} table`);
  return { ok: true, value: { keyId: session.value.keyId, shape: { paramSet: name, rowCount: want.rows, width: want.width, ciphertextsPerColumn: perColumn }, outputs } };
}

export interface JointResultExpectation {
  /** The third participant's program (as sent to it). */
  readonly program: unknown;
  /** The shards sent to the third participant (the manifest; digests are not needed here). */
  readonly shards: readonly Pick<JointShardRef, 'shardId' | 'rowStart' | 'rowCount'>[];
}

/**
 * Lessee: checks the third participant's answer against the expected shards and the
 * program's output shape (size limits before SEAL parses anything), decrypts, and returns
 * the output rows in row order across shards (ascending rowStart).
 */
export function openJointResult(keys: JointKeys, resultBytes: unknown, expected: JointResultExpectation): StrategyOutcome<number[][]> {
  const validated = validateProgram(expected.program);
  if (!validated.ok) return failure(validated.code, validated.detail);
  const program = validated.value.program;
  const ctx = keys.he.context;
  const shards = [...expected.shards].sort((a, b) => a.rowStart - b.rowStart);
  const wants = shards.map((s) => {
    const shape = outputShape(program, s.rowCount);
    return { ...s, ...shape, perColumn: Math.ceil(shape.rows / ctx.slots) };
  });
  const maxBytes = 64 * 1024 + wants.reduce((n, w) => n + w.width * w.perColumn * (ctx.params.limits.ciphertextBytesMax + 16), 0);
  const decoded = decodeJointResult(resultBytes, maxBytes);
  if (!decoded.ok) return decoded;
  const message = decoded.value;
  if (message.paramSet !== keys.paramSet) return jointFail('JOINT_RESULT_SHAPE_MISMATCH', `result is ${message.paramSet}, keys are ${keys.paramSet}`);
  if (message.shards.length !== wants.length) return jointFail('JOINT_RESULT_SHAPE_MISMATCH', `result has ${message.shards.length} shards, expected ${wants.length}`);
  const rows: number[][] = [];
  for (const [i, want] of wants.entries()) {
    const got = message.shards[i];
    const fits =
      got !== undefined &&
      got.shardId === want.shardId &&
      got.rowStart === want.rowStart &&
      got.inputRows === want.rowCount &&
      got.rowCount === want.rows &&
      got.width === want.width &&
      got.ciphertextsPerColumn === want.perColumn;
    if (!fits) {
      return jointFail('JOINT_RESULT_SHAPE_MISMATCH', `result shard ${i} is not ${want.shardId} @${want.rowStart} (${want.rowCount} rows -> ${want.rows}x${want.width})`);
    }
    const table: SerializedTable = {
      paramSet: keys.paramSet,
      rowCount: want.rows,
      width: want.width,
      columns: Array.from({ length: want.width }, (_, c) => ({
        paramSet: keys.paramSet,
        length: want.rows,
        ciphertexts: got.ciphertexts.slice(c * want.perColumn, (c + 1) * want.perColumn),
      })),
    };
    const loaded = loadTable(ctx, table);
    if (!loaded.ok) return failure(loaded.code, `shard ${want.shardId}: ${loaded.detail}`);
    try {
      const scaled = loaded.value.columns.every((column) => column.ciphertexts.every((ct) => Math.abs(ct.scale / ctx.params.scale - 1) < 1e-6));
      if (!scaled) return jointFail('JOINT_RESULT_MALFORMED', `shard ${want.shardId}: ciphertext scale is not 2^${Math.log2(ctx.params.scale)}`);
      rows.push(...decryptTable(ctx, keys.he.secretKey, loaded.value));
    } catch (error) {
      return jointFail('JOINT_RESULT_MALFORMED', `shard ${want.shardId}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      loaded.value.dispose();
    }
  }
  return { ok: true, value: rows };
}
