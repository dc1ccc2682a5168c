/**
 * Byte formats of the joint computation (claims 6-7). Every message is one
 * `encodeMessage` frame (JSON header + raw binary attachments, strategies/codec.ts);
 * decoding is strict: size checked before decoding, exact field sets (an unknown field,
 * e.g. a smuggled `secretKey`, is a failure, not ignored), exact types and counts.
 */
import { createHash } from 'node:crypto';
import { isPublicOutputDigest, MAX_PUBLIC_PARTS, publicOutputDigest } from '#libs/enclave';
import { HE_PARAM_SETS, isHeParamSetName } from '#libs/he';
import { CodecError, decodeMessage, encodeMessage } from '../strategies/codec.js';
import { isRecord, type StrategyOutcome } from '../strategies/types.js';
import { jointFail, type JointCode } from './codes.js';

export const JOINT_WIRE_VERSION = 1;

/** Longest shard id (UTF-16 code units). */
export const JOINT_SHARD_ID_MAX = 128;

/** Public HE material the lessee sends to the third participant: never a secret key. */
export interface JointPublicMaterialMessage {
  readonly type: 'joint-public-material';
  readonly version: 1;
  readonly paramSet: string;
  /** SEAL-serialized (zstd) public key. */
  readonly publicKey: Uint8Array;
  /** Present only when the program multiplies two ciphertexts (poly of degree >= 2). */
  readonly relinKeys?: Uint8Array;
  /** Present exactly when `galoisSteps` is non-empty (the program sums over rows). */
  readonly galoisKeys?: Uint8Array;
  readonly galoisSteps: readonly number[];
}

/** The HE result of one lessor sub-task: tee-symmetric-he-result's public outputs plus their shape. */
export interface JointShardTableMessage {
  readonly type: 'joint-shard-table';
  readonly version: 1;
  readonly paramSet: string;
  readonly rowCount: number;
  readonly width: number;
  readonly ciphertextsPerColumn: number;
  /** Column-major, chunk order: column c, row r is ciphertext c*ciphertextsPerColumn + floor(r/slots), slot r % slots. */
  readonly ciphertexts: readonly Uint8Array[];
}

/**
 * One lessor result as it travels to the third participant. Rows
 * [rowStart, rowStart + rowCount) of the third participant's local rows belong to it.
 */
export interface JointShard {
  readonly shardId: string;
  readonly rowStart: number;
  readonly rowCount: number;
  readonly width: number;
  /** `encodeMessage(JointShardTableMessage)`. */
  readonly resultTable: Uint8Array;
  /** `jointShardDigest(...)`: SHA-256 hex over id, range, width and the table bytes. */
  readonly digest: string;
}

/** A shard without its bytes: what the lessee tells the third participant to expect (its manifest). */
export type JointShardRef = Omit<JointShard, 'resultTable'>;

/** Shape the enclave seals next to its HE result (tee-symmetric-he-result's manifest). */
export interface TeeHeResultShape {
  readonly paramSet: string;
  readonly rowCount: number;
  readonly width: number;
  readonly ciphertextsPerColumn: number;
}

/**
 * A lessor result that the lessor forwards to the third participant directly (B -> C): what the
 * lessee knows of it, i.e. placement, shape and the per-ciphertext digests the enclave sealed
 * (`publicOutputDigest`, in the enclave's output order). The lessee sends these to the third
 * participant instead of the bytes.
 */
export interface JointForwardedShardRef extends TeeHeResultShape {
  readonly shardId: string;
  readonly rowStart: number;
  /** `width * ciphertextsPerColumn` SHA-256 hex digests, column-major chunk order. */
  readonly ciphertextDigests: readonly string[];
}

/** The lessor host's message to the third participant: the lessee's forward directive and the enclave's public outputs. */
export interface JointForwardedMessage {
  readonly type: 'joint-forwarded';
  readonly version: 1;
  /** The `forward` directive exactly as the lessee sent it to the lessor host (JSON + bytes; not `undefined`). */
  readonly directive: unknown;
  readonly ciphertexts: readonly Uint8Array[];
}

export interface JointResultShard {
  readonly shardId: string;
  readonly rowStart: number;
  /** Rows of the shard (input rows of the program). */
  readonly inputRows: number;
  /** Rows of the program's output for this shard (1 after a reduction over rows). */
  readonly rowCount: number;
  readonly width: number;
  readonly ciphertextsPerColumn: number;
  readonly ciphertexts: readonly Uint8Array[];
}

/** What the third participant sends back to the lessee: still encrypted under the lessee's key. */
export interface JointResultMessage {
  readonly type: 'joint-result';
  readonly version: 1;
  readonly paramSet: string;
  /** In ascending rowStart order. */
  readonly shards: readonly JointResultShard[];
}

export function sha256Hex(...parts: readonly Uint8Array[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex');
}

/**
 * SHA-256 hex of (JSON ["datanet/joint-shard/v1", shardId, rowStart, rowCount, width]) || 0x00 || resultTable.
 * JSON text never contains a raw 0x00 byte, so the split is unambiguous.
 */
export function jointShardDigest(shard: Omit<JointShard, 'digest'>): string {
  const head = Buffer.from(JSON.stringify(['datanet/joint-shard/v1', shard.shardId, shard.rowStart, shard.rowCount, shard.width]), 'utf8');
  return sha256Hex(head, Uint8Array.of(0), shard.resultTable);
}

/** SHA-256 hex of a program's canonical text (what a third participant may allow-list). */
export function jointProgramDigest(program: unknown): string {
  return sha256Hex(Buffer.from(JSON.stringify(program) ?? 'undefined', 'utf8'));
}

export function encodeJointShard(shard: JointShard): Uint8Array {
  return encodeMessage({ type: 'joint-shard', version: JOINT_WIRE_VERSION, ...shard });
}

/** Packs a lessor's raw HE result as the shard for the third participant's rows [rowStart, rowStart + rowCount). */
export function jointShardFromTeeResult(
  raw: { readonly shape: TeeHeResultShape; readonly ciphertexts: readonly Uint8Array[] },
  placement: { readonly shardId: string; readonly rowStart: number },
): JointShard {
  checkPlacement(placement);
  const { paramSet, rowCount, width, ciphertextsPerColumn } = raw.shape;
  const table: JointShardTableMessage = {
    type: 'joint-shard-table',
    version: JOINT_WIRE_VERSION,
    paramSet,
    rowCount,
    width,
    ciphertextsPerColumn,
    ciphertexts: raw.ciphertexts,
  };
  const unsigned = { shardId: placement.shardId, rowStart: placement.rowStart, rowCount, width, resultTable: encodeMessage(table) };
  return { ...unsigned, digest: jointShardDigest(unsigned) };
}

/** Throws RangeError for the lessee's own programming errors (bad id or rowStart). */
function checkPlacement(placement: { readonly shardId: string; readonly rowStart: number }): void {
  if (!isShardId(placement.shardId)) throw new RangeError(`invalid shard id ${JSON.stringify(placement.shardId)}`);
  if (!Number.isSafeInteger(placement.rowStart) || placement.rowStart < 0) throw new RangeError('rowStart must be a non-negative integer');
}

/**
 * Lessee: the reference to a forwarded lessor result (`runTeeHeResultForwarded`'s shape and
 * digests) for the third participant's rows [rowStart, rowStart + rowCount).
 */
export function jointForwardedRef(
  forwarded: { readonly shape: TeeHeResultShape; readonly ciphertextDigests: readonly string[] },
  placement: { readonly shardId: string; readonly rowStart: number },
): JointForwardedShardRef {
  checkPlacement(placement);
  return { shardId: placement.shardId, rowStart: placement.rowStart, ...forwarded.shape, ciphertextDigests: [...forwarded.ciphertextDigests] };
}

/** Lessor host -> third participant: `encodeMessage({ type: 'joint-forwarded', version: 1, directive, ciphertexts })`. */
export function encodeJointForwarded(forwarded: { readonly directive: unknown; readonly ciphertexts: readonly Uint8Array[] }): Uint8Array {
  const message: JointForwardedMessage = { type: 'joint-forwarded', version: JOINT_WIRE_VERSION, directive: forwarded.directive, ciphertexts: forwarded.ciphertexts };
  return encodeMessage(message);
}

/**
 * Third participant: a size bound for one forwarded message of `ref` (its ciphertexts at the parameter
 * set's per-ciphertext limit, plus frame slack), for `decodeJointForwarded`.
 */
export function jointForwardedMaxBytes(ref: Pick<JointForwardedShardRef, 'paramSet' | 'width' | 'ciphertextsPerColumn'>): number {
  const limit = isHeParamSetName(ref.paramSet) ? HE_PARAM_SETS[ref.paramSet].limits.ciphertextBytesMax : 0;
  return 64 * 1024 + ref.width * ref.ciphertextsPerColumn * (limit + 16);
}

/**
 * Third participant: checks forwarded ciphertexts against the lessee's reference (count, then each
 * ciphertext's digest: JOINT_SHARD_DIGEST_MISMATCH naming the index) and packs them as the shard
 * `runJointParty` takes (`expected: [jointShardRef(shard)]`). `ref` is validated as by
 * `decodeJointForwardedRef`; nothing throws.
 */
export function jointShardFromForwarded(ref: JointForwardedShardRef, ciphertexts: readonly Uint8Array[]): StrategyOutcome<JointShard> {
  const checked = decodeJointForwardedRef(ref);
  if (!checked.ok) return checked;
  const { shardId, rowStart, paramSet, rowCount, width, ciphertextsPerColumn, ciphertextDigests } = checked.value;
  const parts: unknown = ciphertexts;
  if (!Array.isArray(parts) || !parts.every((c) => c instanceof Uint8Array)) return jointFail('JOINT_SHARD_MALFORMED', `shard ${shardId}: ciphertexts must be byte arrays`);
  if (parts.length !== ciphertextDigests.length) {
    return jointFail('JOINT_SHARD_DIGEST_MISMATCH', `shard ${shardId}: ${parts.length} ciphertexts forwarded, the lessee expects ${ciphertextDigests.length}`);
  }
  const bad = parts.findIndex((c: Uint8Array, i) => publicOutputDigest(c) !== ciphertextDigests[i]);
  if (bad >= 0) return jointFail('JOINT_SHARD_DIGEST_MISMATCH', `shard ${shardId}: ciphertext ${bad} differs from the digest the enclave sealed`);
  return { ok: true, value: jointShardFromTeeResult({ shape: { paramSet, rowCount, width, ciphertextsPerColumn }, ciphertexts: parts }, { shardId, rowStart }) };
}

export function jointShardRef(shard: JointShard): JointShardRef {
  return { shardId: shard.shardId, rowStart: shard.rowStart, rowCount: shard.rowCount, width: shard.width, digest: shard.digest };
}

// ---------------------------------------------------------------------------------------------
// strict decoding helpers

/** Decodes one frame after a size check; anything wrong is `code`. */
export function decodeBounded(what: string, bytes: unknown, maxBytes: number, code: JointCode): StrategyOutcome<Record<string, unknown>> {
  if (!(bytes instanceof Uint8Array)) return jointFail(code, `${what}: expected bytes`);
  if (bytes.byteLength > maxBytes) return jointFail('JOINT_INPUT_TOO_LARGE', `${what}: ${bytes.byteLength} bytes exceeds limit ${maxBytes}`);
  let value: unknown;
  try {
    value = decodeMessage(bytes);
  } catch (error) {
    if (error instanceof CodecError) return jointFail(code, `${what}: ${error.message}`);
    throw error;
  }
  if (!isRecord(value)) return jointFail(code, `${what}: not an object`);
  return { ok: true, value };
}

/** Exactly the `required` keys plus any of `optional`, nothing else. */
export function hasExactKeys(value: Record<string, unknown>, required: readonly string[], optional: readonly string[] = []): string | undefined {
  for (const key of required) if (!(key in value)) return `missing field ${key}`;
  for (const key of Object.keys(value)) if (!required.includes(key) && !optional.includes(key)) return `unexpected field ${key}`;
  return undefined;
}

export function isCount(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max;
}

export function isBytesList(value: unknown, length: number): value is Uint8Array[] {
  return Array.isArray(value) && value.length === length && value.every((b) => b instanceof Uint8Array);
}

export function isShardId(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= JOINT_SHARD_ID_MAX && /^[\w.:-]+$/.test(value);
}

export function decodePublicMaterial(bytes: unknown, maxBytes: number): StrategyOutcome<JointPublicMaterialMessage> {
  const decoded = decodeBounded('public material', bytes, maxBytes, 'JOINT_MATERIAL_MALFORMED');
  if (!decoded.ok) return decoded;
  const m = decoded.value;
  const keys = hasExactKeys(m, ['type', 'version', 'paramSet', 'publicKey', 'galoisSteps'], ['relinKeys', 'galoisKeys']);
  if (keys) return jointFail('JOINT_MATERIAL_MALFORMED', `public material: ${keys}`);
  if (m.type !== 'joint-public-material' || m.version !== JOINT_WIRE_VERSION) return jointFail('JOINT_MATERIAL_MALFORMED', 'public material: wrong type or version');
  if (typeof m.paramSet !== 'string' || !(m.publicKey instanceof Uint8Array)) return jointFail('JOINT_MATERIAL_MALFORMED', 'public material: paramSet / publicKey');
  if (m.relinKeys !== undefined && !(m.relinKeys instanceof Uint8Array)) return jointFail('JOINT_MATERIAL_MALFORMED', 'public material: relinKeys must be bytes');
  if (!Array.isArray(m.galoisSteps) || !m.galoisSteps.every((s) => typeof s === 'number')) {
    return jointFail('JOINT_MATERIAL_MALFORMED', 'public material: galoisSteps must be numbers');
  }
  const hasGalois = m.galoisSteps.length > 0;
  if (hasGalois !== (m.galoisKeys instanceof Uint8Array) || (!hasGalois && m.galoisKeys !== undefined)) {
    return jointFail('JOINT_MATERIAL_MALFORMED', 'public material: galoisKeys must be present exactly when galoisSteps is non-empty');
  }
  return { ok: true, value: m as unknown as JointPublicMaterialMessage };
}

/** Decodes a shard given as bytes (`encodeJointShard`) or as an object; checks fields, not the digest. */
export function decodeJointShard(input: unknown, maxBytes: number): StrategyOutcome<JointShard> {
  let m: Record<string, unknown>;
  if (input instanceof Uint8Array) {
    const decoded = decodeBounded('shard', input, maxBytes + 64 * 1024, 'JOINT_SHARD_MALFORMED');
    if (!decoded.ok) return decoded;
    m = decoded.value;
    const keys = hasExactKeys(m, ['type', 'version', 'shardId', 'rowStart', 'rowCount', 'width', 'resultTable', 'digest']);
    if (keys) return jointFail('JOINT_SHARD_MALFORMED', `shard: ${keys}`);
    if (m.type !== 'joint-shard' || m.version !== JOINT_WIRE_VERSION) return jointFail('JOINT_SHARD_MALFORMED', 'shard: wrong type or version');
  } else if (isRecord(input)) {
    m = input;
    const keys = hasExactKeys(m, ['shardId', 'rowStart', 'rowCount', 'width', 'resultTable', 'digest']);
    if (keys) return jointFail('JOINT_SHARD_MALFORMED', `shard: ${keys}`);
  } else {
    return jointFail('JOINT_SHARD_MALFORMED', 'shard: expected bytes or a JointShard');
  }
  const id = isShardId(m.shardId) ? m.shardId : undefined;
  if (id === undefined) return jointFail('JOINT_SHARD_MALFORMED', `shard id must match [A-Za-z0-9_.:-]{1,${JOINT_SHARD_ID_MAX}}`);
  if (!isCount(m.rowStart, 0, Number.MAX_SAFE_INTEGER) || !isCount(m.rowCount, 1, Number.MAX_SAFE_INTEGER) || !isCount(m.width, 1, Number.MAX_SAFE_INTEGER)) {
    return jointFail('JOINT_SHARD_MALFORMED', `shard ${id}: rowStart >= 0, rowCount >= 1 and width >= 1 must be integers`);
  }
  if (!(m.resultTable instanceof Uint8Array)) return jointFail('JOINT_SHARD_MALFORMED', `shard ${id}: resultTable must be bytes`);
  if (m.resultTable.byteLength > maxBytes) return jointFail('JOINT_INPUT_TOO_LARGE', `shard ${id}: ${m.resultTable.byteLength} bytes exceeds limit ${maxBytes}`);
  if (typeof m.digest !== 'string' || !/^[0-9a-f]{64}$/.test(m.digest)) return jointFail('JOINT_SHARD_MALFORMED', `shard ${id}: digest must be SHA-256 hex`);
  return { ok: true, value: { shardId: id, rowStart: m.rowStart, rowCount: m.rowCount, width: m.width, resultTable: m.resultTable, digest: m.digest } };
}

export function decodeShardTable(shardId: string, bytes: Uint8Array, maxBytes: number): StrategyOutcome<JointShardTableMessage> {
  const decoded = decodeBounded(`shard ${shardId} table`, bytes, maxBytes, 'JOINT_SHARD_MALFORMED');
  if (!decoded.ok) return decoded;
  const m = decoded.value;
  const keys = hasExactKeys(m, ['type', 'version', 'paramSet', 'rowCount', 'width', 'ciphertextsPerColumn', 'ciphertexts']);
  if (keys) return jointFail('JOINT_SHARD_MALFORMED', `shard ${shardId} table: ${keys}`);
  if (m.type !== 'joint-shard-table' || m.version !== JOINT_WIRE_VERSION || typeof m.paramSet !== 'string') {
    return jointFail('JOINT_SHARD_MALFORMED', `shard ${shardId} table: wrong type, version or paramSet`);
  }
  if (!isCount(m.rowCount, 1, Number.MAX_SAFE_INTEGER) || !isCount(m.width, 1, Number.MAX_SAFE_INTEGER) || !isCount(m.ciphertextsPerColumn, 1, Number.MAX_SAFE_INTEGER)) {
    return jointFail('JOINT_SHARD_MALFORMED', `shard ${shardId} table: rowCount, width and ciphertextsPerColumn must be positive integers`);
  }
  if (!isBytesList(m.ciphertexts, m.width * m.ciphertextsPerColumn)) {
    return jointFail('JOINT_SHARD_MALFORMED', `shard ${shardId} table: expected ${m.width * m.ciphertextsPerColumn} ciphertexts`);
  }
  return { ok: true, value: m as unknown as JointShardTableMessage };
}

export function decodeJointResult(bytes: unknown, maxBytes: number): StrategyOutcome<JointResultMessage> {
  const decoded = decodeBounded('joint result', bytes, maxBytes, 'JOINT_RESULT_MALFORMED');
  if (!decoded.ok) return decoded;
  const m = decoded.value;
  const keys = hasExactKeys(m, ['type', 'version', 'paramSet', 'shards']);
  if (keys) return jointFail('JOINT_RESULT_MALFORMED', `joint result: ${keys}`);
  if (m.type !== 'joint-result' || m.version !== JOINT_WIRE_VERSION || typeof m.paramSet !== 'string' || !Array.isArray(m.shards)) {
    return jointFail('JOINT_RESULT_MALFORMED', 'joint result: wrong type, version, paramSet or shards');
  }
  for (const [i, s] of m.shards.entries()) {
    if (!isRecord(s)) return jointFail('JOINT_RESULT_MALFORMED', `joint result: shards[${i}] is not an object`);
    const shardKeys = hasExactKeys(s, ['shardId', 'rowStart', 'inputRows', 'rowCount', 'width', 'ciphertextsPerColumn', 'ciphertexts']);
    const fits =
      shardKeys === undefined &&
      isShardId(s.shardId) &&
      isCount(s.rowStart, 0, Number.MAX_SAFE_INTEGER) &&
      isCount(s.inputRows, 1, Number.MAX_SAFE_INTEGER) &&
      isCount(s.rowCount, 1, Number.MAX_SAFE_INTEGER) &&
      isCount(s.width, 1, Number.MAX_SAFE_INTEGER) &&
      isCount(s.ciphertextsPerColumn, 1, Number.MAX_SAFE_INTEGER) &&
      isBytesList(s.ciphertexts, s.width * s.ciphertextsPerColumn);
    if (!fits) return jointFail('JOINT_RESULT_MALFORMED', `joint result: shards[${i}] ${shardKeys ?? 'has a wrong field type or ciphertext count'}`);
  }
  return { ok: true, value: m as unknown as JointResultMessage };
}

/** Strict `JointForwardedShardRef` (exact fields, CKKS set, ciphertexts per column for its slots, one digest per ciphertext). */
export function decodeJointForwardedRef(input: unknown): StrategyOutcome<JointForwardedShardRef> {
  if (!isRecord(input)) return jointFail('JOINT_SHARD_MALFORMED', 'forwarded shard ref: not an object');
  const keys = hasExactKeys(input, ['shardId', 'rowStart', 'rowCount', 'width', 'paramSet', 'ciphertextsPerColumn', 'ciphertextDigests']);
  if (keys) return jointFail('JOINT_SHARD_MALFORMED', `forwarded shard ref: ${keys}`);
  const { shardId: id, rowStart, rowCount, width, paramSet, ciphertextsPerColumn: perColumn, ciphertextDigests: digests } = input;
  if (!isShardId(id)) return jointFail('JOINT_SHARD_MALFORMED', `forwarded shard ref: id must match [A-Za-z0-9_.:-]{1,${JOINT_SHARD_ID_MAX}}`);
  if (!isHeParamSetName(paramSet) || HE_PARAM_SETS[paramSet].scheme !== 'ckks') return jointFail('JOINT_SHARD_MALFORMED', `forwarded shard ${id}: paramSet must be a CKKS parameter set`);
  const fits =
    isCount(rowStart, 0, Number.MAX_SAFE_INTEGER) &&
    isCount(rowCount, 1, Number.MAX_SAFE_INTEGER) &&
    isCount(width, 1, MAX_PUBLIC_PARTS) &&
    perColumn === Math.ceil(rowCount / HE_PARAM_SETS[paramSet].slots) &&
    width * perColumn <= MAX_PUBLIC_PARTS;
  if (!fits) return jointFail('JOINT_SHARD_MALFORMED', `forwarded shard ${id}: rowStart, rowCount, width and ciphertextsPerColumn do not describe a ${paramSet} table`);
  if (!Array.isArray(digests) || digests.length !== width * perColumn || !digests.every(isPublicOutputDigest)) {
    return jointFail('JOINT_SHARD_MALFORMED', `forwarded shard ${id}: expected ${width * perColumn} SHA-256 hex ciphertext digests`);
  }
  return { ok: true, value: { shardId: id, rowStart, rowCount, width, paramSet, ciphertextsPerColumn: perColumn, ciphertextDigests: [...digests] } };
}

/** Strict `JointForwardedMessage`: byte limit before parsing, exact fields, 1..MAX_PUBLIC_PARTS byte-array ciphertexts. */
export function decodeJointForwarded(bytes: unknown, maxBytes: number): StrategyOutcome<{ directive: unknown; ciphertexts: Uint8Array[] }> {
  const decoded = decodeBounded('forwarded result', bytes, maxBytes, 'JOINT_SHARD_MALFORMED');
  if (!decoded.ok) return decoded;
  const m = decoded.value;
  const keys = hasExactKeys(m, ['type', 'version', 'directive', 'ciphertexts']);
  if (keys) return jointFail('JOINT_SHARD_MALFORMED', `forwarded result: ${keys}`);
  if (m.type !== 'joint-forwarded' || m.version !== JOINT_WIRE_VERSION) return jointFail('JOINT_SHARD_MALFORMED', 'forwarded result: wrong type or version');
  const parts = m.ciphertexts;
  if (!Array.isArray(parts) || parts.length < 1 || parts.length > MAX_PUBLIC_PARTS || !isBytesList(parts, parts.length)) {
    return jointFail('JOINT_SHARD_MALFORMED', `forwarded result: ciphertexts must be 1..${MAX_PUBLIC_PARTS} byte arrays`);
  }
  return { ok: true, value: { directive: m.directive, ciphertexts: parts } };
}
