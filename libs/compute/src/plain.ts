import { fail, ok, type ComputeResult } from './codes.js';
import { validateProgram, validateRows, type Op, type Operand } from './program.js';

export type Table = readonly (readonly number[])[];

function operandAt(operand: Operand, column: number): number {
  return typeof operand === 'number' ? operand : (operand[column] as number);
}

function mapCells(rows: Table, f: (x: number, column: number, row: readonly number[]) => number): number[][] {
  return rows.map((row) => row.map((x, c) => f(x, c, row)));
}

function dot(row: readonly number[], weights: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += (row[i] as number) * (weights[i] as number);
  return total;
}

function columnTotals(rows: Table): number[] {
  const width = rows[0]?.length ?? 0;
  const totals = new Array<number>(width).fill(0);
  for (const row of rows) for (let c = 0; c < width; c++) totals[c] = (totals[c] as number) + (row[c] as number);
  return totals;
}

/** Horner form; the HE evaluator computes the same polynomial with a different association. */
export function evalPoly(coefficients: readonly number[], x: number): number {
  let acc = 0;
  for (let k = coefficients.length - 1; k >= 0; k--) acc = acc * x + (coefficients[k] as number);
  return acc;
}

function applyOp(op: Op, rows: Table): ComputeResult<number[][]> {
  switch (op.op) {
    case 'add':
      return ok(mapCells(rows, (x, c) => x + operandAt(op.operand, c)));
    case 'mul':
      return ok(mapCells(rows, (x, c) => x * operandAt(op.operand, c)));
    case 'dot':
      return ok(rows.map((row) => [dot(row, op.weights) + (op.bias ?? 0)]));
    case 'matvec':
      return ok(rows.map((row) => op.matrix.map((weights, k) => dot(row, weights) + (op.bias?.[k] ?? 0))));
    case 'sum':
    case 'mean': {
      const scale = op.op === 'mean' ? (op.axis === 'rows' ? 1 / rows.length : 1 / (rows[0]?.length ?? 1)) : 1;
      if (op.axis === 'rows') return ok([columnTotals(rows).map((t) => t * scale)]);
      return ok(rows.map((row) => [row.reduce((a, b) => a + b, 0) * scale]));
    }
    case 'poly':
      return ok(mapCells(rows, (x) => evalPoly(op.coefficients, x)));
    case 'compare':
      return ok(mapCells(rows, (x) => (x > op.threshold ? 1 : 0)));
    case 'divide': {
      const zero = rows.findIndex((row) => row[op.column] === 0);
      if (zero >= 0) return fail('COMPUTE_DIVISION_BY_ZERO', `row ${zero}: column ${op.column} is 0`);
      return ok(mapCells(rows, (x, _c, row) => x / (row[op.column] as number)));
    }
  }
}

/**
 * Reference evaluator (claim 4): runs inside the enclave and on the lessee's
 * local share, and is the oracle the HE evaluator is tested against.
 */
export function evaluatePlain(programInput: unknown, rowsInput: unknown): ComputeResult<number[][]> {
  const validated = validateProgram(programInput);
  if (!validated.ok) return validated;
  const { program } = validated.value;
  const rows = validateRows(rowsInput, program.inputWidth);
  if (!rows.ok) return rows;
  let table: number[][] = rows.value.map((row) => [...row]);
  for (const op of program.ops) {
    const next = applyOp(op, table);
    if (!next.ok) return next;
    table = next.value;
  }
  return ok(table);
}
