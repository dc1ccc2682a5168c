/**
 * Third participant (C) of the joint computation (claims 6-7). C holds its own rows for
 * the same entities as the lessee's data, receives the lessee's PUBLIC HE material and a
 * program, and the lessors' HE-encrypted result shards; it encrypts its rows under the
 * lessee's key, evaluates the program over [shard columns ++ local columns] per row and
 * returns the still-encrypted result. C never holds a secret key and never sees the
 * lessee's data; the lessee decrypts only the program's output.
 */
import { performance } from 'node:perf_hooks';
import {
  encryptTable,
  evaluateHe,
  heFeasibility,
  loadTable,
  makeTable,
  PROGRAM_LIMITS,
  serializeTable,
  validateProgram,
  validateRows,
  type EncryptedTable,
  type Program,
  type SerializedTable,
} from '#libs/compute';
import { HE_PARAM_SETS, isHeParamSetName, type HeContext, validateGaloisSteps, type GaloisKeys, type PublicKey, type PublicMaterial, type RelinKeys } from '#libs/he';
import { encodeMessage } from '../strategies/codec.js';
import { failure, isRecord, outputShape, type StrategyOutcome } from '../strategies/types.js';
import { jointFail } from './codes.js';
import { jointContext } from './context.js';
import { JOINT_PARAM_SETS, needsRelinKeys } from './lessee.js';
import {
  decodeJointShard,
  decodePublicMaterial,
  decodeShardTable,
  jointProgramDigest,
  jointShardDigest,
  JOINT_WIRE_VERSION,
  type JointPublicMaterialMessage,
  type JointResultMessage,
  type JointResultShard,
  type JointShard,
  type JointShardRef,
  type JointShardTableMessage,
} from './wire.js';

/** Size and count limits of the third participant. Every limit is checked before decoding / SEAL parsing. */
export interface JointPartyLimits {
  /** Default 64. */
  readonly maxShards?: number;
  /** Public-material message bytes. Default: what the largest CKKS set allows (public + relin + 16 Galois keys) + 1 MiB. */
  readonly maxPublicMaterialBytes?: number;
  /** One shard's result-table bytes. Default: width x ciphertexts x the parameter set's ciphertext limit (+ framing). */
  readonly maxShardBytes?: number;
  /** Local rows. Default libs/compute's 65 536. */
  readonly maxLocalRows?: number;
}

/** What the third participant agrees to compute over its data. */
export interface JointPartyPolicy {
  /** Largest output width. Default 1: a wider output (e.g. no ops at all) would hand C's columns to the lessee. */
  readonly maxOutputWidth?: number;
  /** If set, only programs whose `jointProgramDigest` is listed are run. */
  readonly allowedProgramDigests?: readonly string[];
}

export interface JointPartyInput {
  /** From the lessee: `JointKeys.publicMaterial`. */
  readonly publicMaterial: unknown;
  /** From the lessee: C's program (libs/compute Program; validated here). */
  readonly program: unknown;
  /** From the lessors (or relayed by the lessee): `JointShard` objects or `encodeJointShard` bytes. */
  readonly shards: readonly unknown[];
  /** C's own rows, aligned with the lessee's rows (row i = the same entity). */
  readonly localRows: unknown;
  /**
   * From the lessee (authenticated by the caller's envelope): the shards it sent, with digests. When given,
   * exactly these shards must arrive, byte for byte; use it whenever shard bytes come through another party.
   */
  readonly expected?: readonly JointShardRef[];
  readonly limits?: JointPartyLimits;
  readonly policy?: JointPartyPolicy;
}

export interface JointPartyStats {
  readonly paramSet: string;
  readonly shards: number;
  readonly rows: number;
  readonly loadMs: number;
  readonly encryptMs: number;
  readonly evaluateMs: number;
  readonly resultBytes: number;
}

export interface JointPartyResult {
  /** `encodeMessage(JointResultMessage)`, for the lessee's `openJointResult`. */
  readonly result: Uint8Array;
  readonly stats: JointPartyStats;
}

const DEFAULT_MAX_SHARDS = 64;
const FRAME_SLACK_BYTES = 64 * 1024;

function defaultMaxMaterialBytes(): number {
  return Math.max(
    ...JOINT_PARAM_SETS.map((name) => {
      const l = HE_PARAM_SETS[name].limits;
      return l.publicKeyBytesMax + l.relinKeysBytesMax + l.galoisKeysBytesMax;
    }),
  ) + 1024 * 1024;
}

function limitOk(value: number | undefined): boolean {
  return value === undefined || (Number.isSafeInteger(value) && value >= 1);
}

interface ShardPlan {
  readonly shard: JointShard;
  readonly table: JointShardTableMessage;
}

/** SEAL's Galois element for a CKKS rotation by `step` slots (GaloisTool::get_elt_from_step): 3^k mod 2N. */
function galoisElement(step: number, n: number): number {
  const slots = n / 2;
  const mask = 2 * n - 1;
  let k = ((step % slots) + slots) % slots;
  let element = 1;
  while (k-- > 0) element = (element * 3) & mask;
  return element;
}

/** Loads the lessee's public material with libs/he's per-part byte limits; relin keys are optional here. */
function loadMaterial(ctx: HeContext, m: JointPublicMaterialMessage): StrategyOutcome<PublicMaterial> {
  const steps = validateGaloisSteps(ctx, m.galoisSteps);
  if (!steps.ok) return failure(steps.code, `public material: ${steps.detail}`);
  if (steps.value.length !== m.galoisSteps.length) return jointFail('JOINT_MATERIAL_MALFORMED', 'public material: duplicate Galois steps');
  const { seal, context } = ctx;
  const limits = ctx.params.limits;
  const owned: { delete(): void }[] = [];
  const release = (): void => {
    while (owned.length > 0) owned.pop()?.delete();
  };
  const load = <T extends { delete(): void; loadArray(c: typeof context, b: Uint8Array): void }>(what: string, bytes: Uint8Array, max: number, target: T): StrategyOutcome<T> => {
    owned.push(target);
    if (bytes.byteLength > max) return failure('HE_INPUT_TOO_LARGE', `${what}: ${bytes.byteLength} bytes exceeds limit ${max}`);
    if (bytes.byteLength === 0) return failure('HE_INPUT_MALFORMED', `${what}: empty`);
    try {
      target.loadArray(context, bytes);
      return { ok: true, value: target };
    } catch (error) {
      return failure('HE_INPUT_MALFORMED', `${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const publicKey = load<PublicKey>('public key', m.publicKey, limits.publicKeyBytesMax, seal.PublicKey());
  if (!publicKey.ok) {
    release();
    return publicKey;
  }
  let relinKeys: RelinKeys;
  if (m.relinKeys) {
    const loaded = load<RelinKeys>('relin keys', m.relinKeys, limits.relinKeysBytesMax, seal.RelinKeys());
    if (!loaded.ok) {
      release();
      return loaded;
    }
    relinKeys = loaded.value;
  } else {
    // An empty placeholder: evaluateHe relinearizes only for poly degree >= 2, refused before this point.
    relinKeys = seal.RelinKeys();
    owned.push(relinKeys);
  }
  let galoisKeys: GaloisKeys | undefined;
  if (m.galoisKeys) {
    const loaded = load<GaloisKeys>('Galois keys', m.galoisKeys, limits.galoisKeysBytesMax, seal.GaloisKeys());
    if (!loaded.ok) {
      release();
      return loaded;
    }
    galoisKeys = loaded.value;
    const n = ctx.params.polyModulusDegree;
    const absent = steps.value.filter((step) => !loaded.value.hasKey(galoisElement(step, n)));
    if (absent.length > 0) {
      release();
      return jointFail('JOINT_MATERIAL_MALFORMED', `public material: Galois keys lack the declared steps [${absent.join(', ')}]`);
    }
  }
  return { ok: true, value: { context: ctx, publicKey: publicKey.value, relinKeys, galoisKeys, galoisSteps: steps.value, dispose: release } };
}

/**
 * Third participant: validates everything (sizes first, then shapes, digests, ranges, widths,
 * program feasibility under the RECEIVED keys), then for each shard encrypts its local rows
 * under the lessee's public key and evaluates the program on [shard columns ++ local columns].
 * Never throws on bad input: every rejection is `{ ok: false, code, detail }`.
 */
export async function runJointParty(input: JointPartyInput): Promise<StrategyOutcome<JointPartyResult>> {
  const limits = input.limits ?? {};
  const policy = input.policy ?? {};
  if (![limits.maxShards, limits.maxPublicMaterialBytes, limits.maxShardBytes, limits.maxLocalRows, policy.maxOutputWidth].every(limitOk)) {
    return jointFail('JOINT_INVALID_OPTIONS', 'limits and maxOutputWidth must be positive integers');
  }
  const tStart = performance.now();

  const expectedInput: unknown = input.expected;
  if (expectedInput !== undefined && !(Array.isArray(expectedInput) && expectedInput.every((e) => isRecord(e) && typeof e.shardId === 'string'))) {
    return jointFail('JOINT_INVALID_OPTIONS', 'expected must be an array of JointShardRef');
  }
  const expected = input.expected;

  // 1. Public material: bounded, strict (an extra field such as a secret key is refused).
  const material = decodePublicMaterial(input.publicMaterial, limits.maxPublicMaterialBytes ?? defaultMaxMaterialBytes());
  if (!material.ok) return material;
  const paramSet = material.value.paramSet;
  if (!isHeParamSetName(paramSet)) return failure('HE_UNKNOWN_PARAM_SET', `public material is for unknown parameter set "${paramSet}"`);
  const params = HE_PARAM_SETS[paramSet];
  if (params.scheme !== 'ckks') return failure('HE_OP_UNSUPPORTED', `${paramSet} is not a CKKS parameter set`);

  // 2. Program and C's policy.
  const validated = validateProgram(input.program);
  if (!validated.ok) return failure(validated.code, validated.detail);
  const program = validated.value.program;
  const outWidth = validated.value.shape.widths[validated.value.shape.widths.length - 1] ?? program.inputWidth;
  if (outWidth > (policy.maxOutputWidth ?? 1)) return jointFail('JOINT_PROGRAM_REFUSED', `output width ${outWidth} exceeds policy ${policy.maxOutputWidth ?? 1}`);
  if (policy.allowedProgramDigests && !policy.allowedProgramDigests.includes(jointProgramDigest(input.program))) {
    return jointFail('JOINT_PROGRAM_REFUSED', 'program is not in the allowed list');
  }

  // 3. Local rows.
  if (!Array.isArray(input.localRows)) return failure('COMPUTE_INVALID_INPUT', 'localRows must be an array');
  const maxLocal = Math.min(limits.maxLocalRows ?? PROGRAM_LIMITS.rowsMax, PROGRAM_LIMITS.rowsMax);
  if (input.localRows.length > maxLocal) return failure('COMPUTE_TOO_MANY_ROWS', `${input.localRows.length} local rows > ${maxLocal}`);
  const first: unknown = input.localRows[0];
  const localWidth = Array.isArray(first) ? first.length : 0;
  if (localWidth < 1) return failure('COMPUTE_EMPTY_INPUT', 'localRows must hold at least one non-empty row');
  const localRows = validateRows(input.localRows, localWidth);
  if (!localRows.ok) return failure(localRows.code, `localRows: ${localRows.detail}`);

  // 4. Shards: count, bytes, digests, manifest, ranges, widths.
  if (!Array.isArray(input.shards)) return jointFail('JOINT_SHARD_MALFORMED', 'shards must be an array');
  const maxShards = limits.maxShards ?? DEFAULT_MAX_SHARDS;
  if (input.shards.length < 1 || input.shards.length > maxShards) return jointFail('JOINT_TOO_MANY_SHARDS', `${input.shards.length} shards outside [1, ${maxShards}]`);
  const shardWidth = program.inputWidth - localWidth;
  if (shardWidth < 1) return jointFail('JOINT_WIDTH_MISMATCH', `program.inputWidth ${program.inputWidth} leaves no column for the shard next to ${localWidth} local columns`);
  const perColumnMax = Math.ceil(localRows.value.length / params.slots);
  const derivedMax = FRAME_SLACK_BYTES + shardWidth * perColumnMax * (params.limits.ciphertextBytesMax + 16);
  const maxShardBytes = Math.min(limits.maxShardBytes ?? derivedMax, derivedMax);
  const plans: ShardPlan[] = [];
  const ids = new Set<string>();
  for (const [i, raw] of input.shards.entries()) {
    const decoded = decodeJointShard(raw, maxShardBytes);
    if (!decoded.ok) return failure(decoded.code, `shards[${i}]: ${decoded.detail}`);
    const shard = decoded.value;
    if (ids.has(shard.shardId)) return jointFail('JOINT_SHARD_UNEXPECTED', `shard id ${shard.shardId} appears twice`);
    ids.add(shard.shardId);
    if (jointShardDigest(shard) !== shard.digest) return jointFail('JOINT_SHARD_DIGEST_MISMATCH', `shard ${shard.shardId}: bytes do not match its digest`);
    if (expected) {
      const want = expected.find((e) => e.shardId === shard.shardId);
      if (!want) return jointFail('JOINT_SHARD_UNEXPECTED', `shard ${shard.shardId} is not in the lessee's manifest`);
      if (want.digest !== shard.digest || want.rowStart !== shard.rowStart || want.rowCount !== shard.rowCount || want.width !== shard.width) {
        return jointFail('JOINT_SHARD_DIGEST_MISMATCH', `shard ${shard.shardId} differs from the lessee's manifest`);
      }
    }
    if (shard.rowStart + shard.rowCount > localRows.value.length) {
      return jointFail('JOINT_SHARD_OUT_OF_RANGE', `shard ${shard.shardId}: rows [${shard.rowStart}, ${shard.rowStart + shard.rowCount}) outside the ${localRows.value.length} local rows`);
    }
    if (shard.width !== shardWidth) {
      return jointFail('JOINT_WIDTH_MISMATCH', `shard ${shard.shardId}: width ${shard.width} + ${localWidth} local columns != program.inputWidth ${program.inputWidth}`);
    }
    const table = decodeShardTable(shard.shardId, shard.resultTable, maxShardBytes);
    if (!table.ok) return table;
    const t = table.value;
    if (t.paramSet !== paramSet) return failure('HE_PARAM_SET_MISMATCH', `shard ${shard.shardId} is ${t.paramSet}, keys are ${paramSet}`);
    if (t.rowCount !== shard.rowCount || t.width !== shard.width || t.ciphertextsPerColumn !== Math.ceil(shard.rowCount / params.slots)) {
      return jointFail('JOINT_SHARD_MALFORMED', `shard ${shard.shardId}: table ${t.rowCount}x${t.width} in ${t.ciphertextsPerColumn} ciphertexts/column does not match the shard`);
    }
    plans.push({ shard, table: t });
  }
  if (expected) {
    const missing = expected.filter((e) => !ids.has(e.shardId));
    if (missing.length > 0) return jointFail('JOINT_SHARD_UNEXPECTED', `missing shards: ${missing.map((e) => e.shardId).join(', ')}`);
  }
  plans.sort((a, b) => a.shard.rowStart - b.shard.rowStart);
  for (let i = 1; i < plans.length; i++) {
    const prev = (plans[i - 1] as ShardPlan).shard;
    const next = (plans[i] as ShardPlan).shard;
    if (prev.rowStart + prev.rowCount > next.rowStart) {
      return jointFail('JOINT_SHARD_OVERLAP', `shards ${prev.shardId} [${prev.rowStart}, ${prev.rowStart + prev.rowCount}) and ${next.shardId} [${next.rowStart}, ...) overlap`);
    }
  }

  // 5. Feasibility under the RECEIVED keys (depth of the set, rotation steps, relinearization).
  const maxRows = Math.max(...plans.map((p) => p.shard.rowCount));
  const feasible = heFeasibility(program, params, { rowCount: maxRows });
  if (!feasible.ok) return failure(feasible.code, feasible.detail);
  for (const p of plans) {
    const steps = heFeasibility(program, params, { rowCount: p.shard.rowCount });
    const missing = steps.ok ? steps.galoisSteps.filter((s) => !material.value.galoisSteps.includes(s)) : [];
    if (missing.length > 0) return failure('HE_MISSING_KEYS', `shard ${p.shard.shardId}: Galois keys for steps [${missing.join(', ')}] were not sent`);
  }
  if (needsRelinKeys(program) && !material.value.relinKeys) return failure('HE_MISSING_KEYS', 'the program multiplies ciphertexts but no relinearization keys were sent');

  // 6. SEAL: load keys, then per shard load, encrypt C's rows, evaluate, serialize.
  const ctx = await jointContext(paramSet);
  const loaded = loadMaterial(ctx, material.value);
  if (!loaded.ok) return loaded;
  const keys = loaded.value;
  try {
    let loadMs = performance.now() - tStart;
    let encryptMs = 0;
    let evaluateMs = 0;
    const out: JointResultShard[] = [];
    for (const { shard, table } of plans) {
      const step = runShard(ctx, keys, program, shard, table, localRows.value, localWidth);
      if (!step.ok) return step;
      out.push(step.value.shard);
      loadMs += step.value.loadMs;
      encryptMs += step.value.encryptMs;
      evaluateMs += step.value.evaluateMs;
    }
    const message: JointResultMessage = { type: 'joint-result', version: JOINT_WIRE_VERSION, paramSet, shards: out };
    const result = encodeMessage(message);
    const rows = plans.reduce((n, p) => n + p.shard.rowCount, 0);
    return { ok: true, value: { result, stats: { paramSet, shards: plans.length, rows, loadMs, encryptMs, evaluateMs, resultBytes: result.byteLength } } };
  } finally {
    keys.dispose();
  }
}

function runShard(
  ctx: HeContext,
  keys: PublicMaterial,
  program: Program,
  shard: JointShard,
  table: JointShardTableMessage,
  localRows: readonly (readonly number[])[],
  localWidth: number,
): StrategyOutcome<{ shard: JointResultShard; loadMs: number; encryptMs: number; evaluateMs: number }> {
  let t = performance.now();
  const perColumn = table.ciphertextsPerColumn;
  const serialized: SerializedTable = {
    paramSet: table.paramSet,
    rowCount: table.rowCount,
    width: table.width,
    columns: Array.from({ length: table.width }, (_, c) => ({
      paramSet: table.paramSet,
      length: table.rowCount,
      ciphertexts: table.ciphertexts.slice(c * perColumn, (c + 1) * perColumn),
    })),
  };
  const lessor = loadTable(ctx, serialized);
  if (!lessor.ok) return failure(lessor.code, `shard ${shard.shardId}: ${lessor.detail}`);
  const loadMs = performance.now() - t;
  let local: EncryptedTable | undefined;
  let output: EncryptedTable | undefined;
  try {
    t = performance.now();
    const mine = localRows.slice(shard.rowStart, shard.rowStart + shard.rowCount);
    const encrypted = encryptTable(ctx, keys.publicKey, mine, localWidth);
    if (!encrypted.ok) return failure(encrypted.code, `local rows [${shard.rowStart}, ${shard.rowStart + shard.rowCount}): ${encrypted.detail}`);
    local = encrypted.value;
    const encryptMs = performance.now() - t;
    t = performance.now();
    // Not disposed itself: its columns belong to `lessor` and `local`.
    const combined = makeTable(ctx.params.name, shard.rowCount, [...lessor.value.columns, ...local.columns]);
    let evaluated: ReturnType<typeof evaluateHe>;
    try {
      evaluated = evaluateHe(program, combined, keys);
    } catch (error) {
      return jointFail('JOINT_EVALUATION_FAILED', `shard ${shard.shardId}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!evaluated.ok) return failure(evaluated.code, `shard ${shard.shardId}: ${evaluated.detail}`);
    output = evaluated.value;
    const bytes = serializeTable(ctx, output);
    const evaluateMs = performance.now() - t;
    const shape = outputShape(program, shard.rowCount);
    return {
      ok: true,
      value: {
        shard: {
          shardId: shard.shardId,
          rowStart: shard.rowStart,
          inputRows: shard.rowCount,
          rowCount: shape.rows,
          width: shape.width,
          ciphertextsPerColumn: Math.ceil(shape.rows / ctx.slots),
          ciphertexts: bytes.columns.flatMap((column) => column.ciphertexts),
        },
        loadMs,
        encryptMs,
        evaluateMs,
      },
    };
  } finally {
    output?.dispose();
    local?.dispose();
    lessor.value.dispose();
  }
}
