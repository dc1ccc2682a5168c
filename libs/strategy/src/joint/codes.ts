import type { StrategyFailure } from '../strategies/types.js';

/**
 * Stable failure codes of the joint computation with a third participant (claims 6-7).
 * Other codes pass through unchanged from where they arise: libs/compute
 * (`COMPUTE_*`, `HE_DEPTH_EXCEEDED`, `HE_MISSING_KEYS`, `HE_INPUT_MISMATCH`, ...), libs/he
 * (`HE_INPUT_MALFORMED`, `HE_INPUT_TOO_LARGE`, `HE_PARAM_SET_MISMATCH`, ...), the enclave and
 * `STRATEGY_*` codes of tee-symmetric-he-result. Only append; never renumber or rename.
 */
export const JOINT_CODES = [
  /** Options or limits passed by the local caller are not usable (e.g. a negative limit). */
  'JOINT_INVALID_OPTIONS',
  /** Bytes exceed a size limit; checked before anything is decoded or parsed by SEAL. */
  'JOINT_INPUT_TOO_LARGE',
  /** Public-material message does not decode, has the wrong shape, or carries extra fields (e.g. a secret key). */
  'JOINT_MATERIAL_MALFORMED',
  /** A shard (or its result table) does not decode or is inconsistent with itself. */
  'JOINT_SHARD_MALFORMED',
  /** A shard's bytes do not match its digest, or its digest/range differs from the lessee's manifest. */
  'JOINT_SHARD_DIGEST_MISMATCH',
  /** A shard id is duplicated, unknown to the lessee's manifest, or a manifest shard is missing. */
  'JOINT_SHARD_UNEXPECTED',
  /** A shard's rows are not inside the third participant's local rows. */
  'JOINT_SHARD_OUT_OF_RANGE',
  /** Two shards cover a common row. */
  'JOINT_SHARD_OVERLAP',
  /** program.inputWidth != shard width + local width. */
  'JOINT_WIDTH_MISMATCH',
  /** More shards than the limit allows (or none). */
  'JOINT_TOO_MANY_SHARDS',
  /** The third participant's policy refuses the program (output too wide, program not allow-listed). */
  'JOINT_PROGRAM_REFUSED',
  /** SEAL refused an operation on well-formed-looking input (e.g. a Galois key missing inside the key set). */
  'JOINT_EVALUATION_FAILED',
  /** (Lessee) the result message does not decode or has the wrong shape. */
  'JOINT_RESULT_MALFORMED',
  /** (Lessee) the result's shards, rows or widths differ from what the lessee expects. */
  'JOINT_RESULT_SHAPE_MISMATCH',
] as const;

export type JointCode = (typeof JOINT_CODES)[number];

export function jointFail(code: JointCode, detail: string): StrategyFailure {
  return { ok: false, code, detail };
}
