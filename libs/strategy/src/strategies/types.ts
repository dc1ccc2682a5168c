import type { Program } from '#libs/compute';

/** One sub-task as the lessee holds it: a validated libs/compute program and its shard of rows. */
export interface SubTaskSpec {
  readonly subTaskId: string;
  readonly program: Program;
  readonly rows: readonly (readonly number[])[];
}

/**
 * Expected failures are values with a stable code: a libs/compute or libs/he code,
 * an enclave code name (libs/enclave), or one of the STRATEGY_* codes below.
 */
export interface StrategyFailure {
  readonly ok: false;
  readonly code: string;
  readonly detail: string;
}

export type StrategyOutcome<T> = { readonly ok: true; readonly value: T } | StrategyFailure;

export const STRATEGY_CODES = [
  /** The peer's message did not decode or had the wrong shape. */
  'STRATEGY_PROTOCOL_ERROR',
  /** The peer answered for another sub-task. */
  'STRATEGY_SUBTASK_MISMATCH',
  /** The result has another shape than the program produces. */
  'STRATEGY_RESULT_SHAPE_MISMATCH',
  /** The peer reported a failure (its code is in the detail). */
  'STRATEGY_PEER_FAILED',
] as const;
export type StrategyCode = (typeof STRATEGY_CODES)[number];

export function failure(code: string, detail: string): StrategyFailure {
  return { ok: false, code, detail };
}

/** Rows and width a program produces for `rowCount` input rows (rows collapse to 1 after a reduction over rows). */
export function outputShape(program: Program, rowCount: number): { rows: number; width: number } {
  let rows = rowCount;
  let width = program.inputWidth;
  for (const op of program.ops) {
    switch (op.op) {
      case 'dot':
        width = 1;
        break;
      case 'matvec':
        width = op.matrix.length;
        break;
      case 'sum':
      case 'mean':
        if (op.axis === 'rows') rows = 1;
        else width = 1;
        break;
      case 'add':
      case 'mul':
      case 'poly':
      case 'compare':
      case 'divide':
        break;
    }
  }
  return { rows, width };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
