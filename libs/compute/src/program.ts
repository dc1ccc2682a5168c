import { fail, ok, type ComputeResult } from './codes.js';

/**
 * The sub-task instruction set (claims 3-4): a straight-line program over a
 * shard of rows, each row `inputWidth` numbers. Every op maps a table of
 * R rows x W columns to a new table; shapes are known statically, so width
 * errors are found before any data is touched.
 */
export type Operand = number | readonly number[];
export type Axis = 'rows' | 'columns';

export type Op =
  /** Element-wise x + c; a vector operand is per column (length = current width). */
  | { readonly op: 'add'; readonly operand: Operand }
  /** Element-wise x * c; a vector operand is per column. */
  | { readonly op: 'mul'; readonly operand: Operand }
  /** Linear score per row: sum_j w_j x_j + bias. Width becomes 1. */
  | { readonly op: 'dot'; readonly weights: readonly number[]; readonly bias?: number }
  /** Per row y = M x + b with M of shape k x W. Width becomes k. */
  | { readonly op: 'matvec'; readonly matrix: readonly (readonly number[])[]; readonly bias?: readonly number[] }
  /** axis 'rows': column totals (1 row out); axis 'columns': row totals (width 1 out). */
  | { readonly op: 'sum'; readonly axis: Axis }
  | { readonly op: 'mean'; readonly axis: Axis }
  /** Element-wise c0 + c1 x + c2 x^2 + c3 x^3 (e.g. sigmoid approximation 0.5 + 0.197x - 0.004x^3). */
  | { readonly op: 'poly'; readonly coefficients: readonly number[] }
  /** Element-wise x > threshold ? 1 : 0. Plaintext/enclave only: CKKS cannot compare. */
  | { readonly op: 'compare'; readonly threshold: number }
  /** Element-wise x / row[column] (division by data). Plaintext/enclave only. */
  | { readonly op: 'divide'; readonly column: number };

export type OpName = Op['op'];

export interface Program {
  readonly version: 1;
  readonly inputWidth: number;
  readonly ops: readonly Op[];
}

export const PROGRAM_LIMITS = {
  opsMax: 32,
  columnsMax: 256,
  rowsMax: 65_536,
  /** Keeps CKKS intermediate values far below the 2^19 wrap-around bound of ckks-8192. */
  constantAbsMax: 1_000_000,
  polyDegreeMax: 3,
} as const;

export const SIGMOID3: readonly number[] = [0.5, 0.197, 0, -0.004];

export const OP_NAMES: readonly OpName[] = ['add', 'mul', 'dot', 'matvec', 'sum', 'mean', 'poly', 'compare', 'divide'];

/** Shape of the table after each op: `widths[i]` is the width *before* op i; the last entry is the output width. */
export interface ProgramShape {
  readonly widths: readonly number[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkConstant(where: string, value: unknown): ComputeResult<number> {
  if (typeof value !== 'number') return fail('COMPUTE_INVALID_PROGRAM', `${where}: expected a number`);
  if (!Number.isFinite(value)) return fail('COMPUTE_NON_FINITE_CONSTANT', `${where}: ${value} is not finite`);
  if (Math.abs(value) > PROGRAM_LIMITS.constantAbsMax) {
    return fail('COMPUTE_CONSTANT_OUT_OF_RANGE', `${where}: |${value}| > ${PROGRAM_LIMITS.constantAbsMax}`);
  }
  return ok(value);
}

function checkVector(where: string, value: unknown, length: number): ComputeResult<void> {
  if (!Array.isArray(value)) return fail('COMPUTE_INVALID_PROGRAM', `${where}: expected an array`);
  if (value.length !== length) return fail('COMPUTE_WIDTH_MISMATCH', `${where}: length ${value.length}, expected ${length}`);
  for (let i = 0; i < value.length; i++) {
    const checked = checkConstant(`${where}[${i}]`, value[i]);
    if (!checked.ok) return checked;
  }
  return ok(undefined);
}

function checkOperand(where: string, value: unknown, width: number): ComputeResult<void> {
  if (typeof value === 'number') {
    const checked = checkConstant(where, value);
    return checked.ok ? ok(undefined) : checked;
  }
  return checkVector(where, value, width);
}

function checkAxis(where: string, value: unknown): ComputeResult<void> {
  return value === 'rows' || value === 'columns' ? ok(undefined) : fail('COMPUTE_INVALID_PROGRAM', `${where}: axis must be "rows" or "columns"`);
}

/** Validates one op against the current width; returns the width after it. */
function checkOp(index: number, op: Record<string, unknown>, width: number): ComputeResult<number> {
  const at = `ops[${index}]`;
  const name = op.op;
  switch (name) {
    case 'add':
    case 'mul': {
      const checked = checkOperand(`${at}.operand`, op.operand, width);
      return checked.ok ? ok(width) : checked;
    }
    case 'dot': {
      const checked = checkVector(`${at}.weights`, op.weights, width);
      if (!checked.ok) return checked;
      if (op.bias !== undefined) {
        const bias = checkConstant(`${at}.bias`, op.bias);
        if (!bias.ok) return bias;
      }
      return ok(1);
    }
    case 'matvec': {
      const matrix = op.matrix;
      if (!Array.isArray(matrix) || matrix.length === 0) return fail('COMPUTE_INVALID_PROGRAM', `${at}.matrix: expected a non-empty array of rows`);
      if (matrix.length > PROGRAM_LIMITS.columnsMax) {
        return fail('COMPUTE_TOO_MANY_COLUMNS', `${at}.matrix: ${matrix.length} output columns > ${PROGRAM_LIMITS.columnsMax}`);
      }
      for (let r = 0; r < matrix.length; r++) {
        const checked = checkVector(`${at}.matrix[${r}]`, matrix[r], width);
        if (!checked.ok) return checked;
      }
      if (op.bias !== undefined) {
        const bias = checkVector(`${at}.bias`, op.bias, matrix.length);
        if (!bias.ok) return bias;
      }
      return ok(matrix.length);
    }
    case 'sum':
    case 'mean': {
      const checked = checkAxis(`${at}.axis`, op.axis);
      if (!checked.ok) return checked;
      return ok(op.axis === 'columns' ? 1 : width);
    }
    case 'poly': {
      const coefficients = op.coefficients;
      if (!Array.isArray(coefficients) || coefficients.length < 1) return fail('COMPUTE_INVALID_PROGRAM', `${at}.coefficients: expected a non-empty array`);
      if (coefficients.length - 1 > PROGRAM_LIMITS.polyDegreeMax) {
        return fail('COMPUTE_DEGREE_TOO_HIGH', `${at}: degree ${coefficients.length - 1} > ${PROGRAM_LIMITS.polyDegreeMax}`);
      }
      const checked = checkVector(`${at}.coefficients`, coefficients, coefficients.length);
      return checked.ok ? ok(width) : checked;
    }
    case 'compare': {
      const checked = checkConstant(`${at}.threshold`, op.threshold);
      return checked.ok ? ok(width) : checked;
    }
    case 'divide': {
      const column = op.column;
      if (typeof column !== 'number' || !Number.isInteger(column) || column < 0 || column >= width) {
        return fail('COMPUTE_WIDTH_MISMATCH', `${at}.column: must be an integer in [0, ${width})`);
      }
      return ok(width);
    }
    default:
      return fail('COMPUTE_UNKNOWN_OP', `${at}.op: unknown op ${JSON.stringify(name)}`);
  }
}

/** Validates untrusted input (e.g. decoded from a sub-task message) into a typed program and its shape. */
export function validateProgram(input: unknown): ComputeResult<{ program: Program; shape: ProgramShape }> {
  if (!isRecord(input)) return fail('COMPUTE_INVALID_PROGRAM', 'program must be an object');
  if (input.version !== 1) return fail('COMPUTE_UNSUPPORTED_VERSION', `unsupported version ${JSON.stringify(input.version)}`);
  const width = input.inputWidth;
  if (typeof width !== 'number' || !Number.isInteger(width) || width < 1) {
    return fail('COMPUTE_INVALID_PROGRAM', 'inputWidth must be a positive integer');
  }
  if (width > PROGRAM_LIMITS.columnsMax) return fail('COMPUTE_TOO_MANY_COLUMNS', `inputWidth ${width} > ${PROGRAM_LIMITS.columnsMax}`);
  if (!Array.isArray(input.ops)) return fail('COMPUTE_INVALID_PROGRAM', 'ops must be an array');
  if (input.ops.length > PROGRAM_LIMITS.opsMax) return fail('COMPUTE_TOO_MANY_OPS', `${input.ops.length} ops > ${PROGRAM_LIMITS.opsMax}`);
  const widths = [width];
  let current = width;
  for (let i = 0; i < input.ops.length; i++) {
    const op: unknown = input.ops[i];
    if (!isRecord(op)) return fail('COMPUTE_INVALID_PROGRAM', `ops[${i}] must be an object`);
    const next = checkOp(i, op, current);
    if (!next.ok) return next;
    current = next.value;
    widths.push(current);
  }
  return ok({ program: input as unknown as Program, shape: { widths } });
}

/** Validates a shard of rows against the program's input width and the row limit. */
export function validateRows(rows: unknown, inputWidth: number): ComputeResult<readonly (readonly number[])[]> {
  if (!Array.isArray(rows)) return fail('COMPUTE_INVALID_INPUT', 'rows must be an array');
  if (rows.length === 0) return fail('COMPUTE_EMPTY_INPUT', 'at least one row is required');
  if (rows.length > PROGRAM_LIMITS.rowsMax) return fail('COMPUTE_TOO_MANY_ROWS', `${rows.length} rows > ${PROGRAM_LIMITS.rowsMax}`);
  for (let r = 0; r < rows.length; r++) {
    const row: unknown = rows[r];
    if (!Array.isArray(row)) return fail('COMPUTE_INVALID_INPUT', `rows[${r}] must be an array`);
    if (row.length !== inputWidth) return fail('COMPUTE_WIDTH_MISMATCH', `rows[${r}] has ${row.length} values, expected ${inputWidth}`);
    for (let c = 0; c < row.length; c++) {
      const v: unknown = row[c];
      if (typeof v !== 'number' || !Number.isFinite(v)) return fail('COMPUTE_INVALID_INPUT', `rows[${r}][${c}] is not a finite number`);
    }
  }
  return ok(rows as readonly (readonly number[])[]);
}
