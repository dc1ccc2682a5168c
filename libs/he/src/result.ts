/**
 * Stable reason codes for expected rejections at the HE boundary. Exceptions are
 * reserved for bugs and broken infrastructure (STYLE.md, habit 4).
 */
export type HeErrorCode =
  | 'HE_UNKNOWN_PARAM_SET'
  | 'HE_INPUT_TOO_LARGE'
  | 'HE_INPUT_MALFORMED'
  | 'HE_PARAM_SET_MISMATCH'
  | 'HE_VALUE_OUT_OF_RANGE'
  | 'HE_TOO_MANY_VALUES'
  | 'HE_QUEUE_FULL'
  | 'HE_POOL_CLOSED';

export type HeFailure = { readonly ok: false; readonly code: HeErrorCode; readonly detail: string };
export type HeResult<T> = { readonly ok: true; readonly value: T } | HeFailure;

export function heOk<T>(value: T): HeResult<T> {
  return { ok: true, value };
}

export function heFail(code: HeErrorCode, detail: string): HeFailure {
  return { ok: false, code, detail };
}

/** Thrown for programming mistakes (wrong scheme for an operation, use after dispose). */
export class HeUsageError extends Error {
  override readonly name = 'HeUsageError';
}
