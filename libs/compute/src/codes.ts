/**
 * Stable result codes for the sub-task instruction set, range 3000-3099.
 * Renumbering breaks stored results and deployed peers: only append.
 */
export const COMPUTE_CODES = {
  COMPUTE_INVALID_PROGRAM: 3000,
  COMPUTE_UNSUPPORTED_VERSION: 3001,
  COMPUTE_UNKNOWN_OP: 3002,
  COMPUTE_WIDTH_MISMATCH: 3003,
  COMPUTE_TOO_MANY_OPS: 3004,
  COMPUTE_TOO_MANY_ROWS: 3005,
  COMPUTE_TOO_MANY_COLUMNS: 3006,
  COMPUTE_NON_FINITE_CONSTANT: 3007,
  COMPUTE_CONSTANT_OUT_OF_RANGE: 3008,
  COMPUTE_DEGREE_TOO_HIGH: 3009,
  COMPUTE_INVALID_INPUT: 3010,
  COMPUTE_EMPTY_INPUT: 3011,
  COMPUTE_DIVISION_BY_ZERO: 3012,
  HE_DEPTH_EXCEEDED: 3050,
  HE_OP_UNSUPPORTED: 3051,
  HE_INPUT_MISMATCH: 3052,
  HE_MISSING_KEYS: 3053,
} as const;

export type ComputeCode = keyof typeof COMPUTE_CODES;

export interface ComputeFailure {
  readonly ok: false;
  readonly code: ComputeCode;
  /** COMPUTE_CODES[code], carried so logs and wire messages need no lookup table. */
  readonly numericCode: number;
  readonly detail: string;
}

export type ComputeResult<T> = { readonly ok: true; readonly value: T } | ComputeFailure;

export function ok<T>(value: T): ComputeResult<T> {
  return { ok: true, value };
}

export function fail(code: ComputeCode, detail: string): ComputeFailure {
  return { ok: false, code, numericCode: COMPUTE_CODES[code], detail };
}
