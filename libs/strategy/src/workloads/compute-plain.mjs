// Enclave workload "compute/plain/v1": libs/compute's plaintext evaluator (validateProgram,
// validateRows, evaluatePlain) as ONE self-contained ESM file with no imports.
//
// Why a hand-kept copy: the simulated enclave imports its workload from the measured bytes
// through a data: URL, where relative imports do not resolve and absolute file: imports would
// run code the measurement does not cover. There is no bundler in this repository, so this
// file mirrors libs/compute/src/program.ts + plain.ts (same ops, limits and failure codes);
// libs/strategy/src/workloads/compute-plain.spec.ts checks it against evaluatePlain on random
// programs so the two cannot drift silently. The measurement therefore covers exactly this
// file (plus the enclave entry and protocol), NOT libs/compute's TypeScript: a change there
// changes no measurement until it is mirrored here.
//
// program: a libs/compute Program (the attested instruction text, parsed by the enclave)
// input:   { rows: number[][] }
// output:  number[][]; failures throw an error whose `code` is the libs/compute code name.
export const workloadName = 'compute/plain/v1';

const LIMITS = { opsMax: 32, columnsMax: 256, rowsMax: 65_536, constantAbsMax: 1_000_000, polyDegreeMax: 3 };

class ComputeError extends Error {
  constructor(code) {
    super(code);
    this.code = code;
  }
}

const isRecord = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkConstant(value) {
  if (typeof value !== 'number') throw new ComputeError('COMPUTE_INVALID_PROGRAM');
  if (!Number.isFinite(value)) throw new ComputeError('COMPUTE_NON_FINITE_CONSTANT');
  if (Math.abs(value) > LIMITS.constantAbsMax) throw new ComputeError('COMPUTE_CONSTANT_OUT_OF_RANGE');
}

function checkVector(value, length) {
  if (!Array.isArray(value)) throw new ComputeError('COMPUTE_INVALID_PROGRAM');
  if (value.length !== length) throw new ComputeError('COMPUTE_WIDTH_MISMATCH');
  for (const v of value) checkConstant(v);
}

function checkOperand(value, width) {
  if (typeof value === 'number') checkConstant(value);
  else checkVector(value, width);
}

/** Returns the width after `op`. Same order of checks as program.ts checkOp. */
function checkOp(op, width) {
  switch (op.op) {
    case 'add':
    case 'mul':
      checkOperand(op.operand, width);
      return width;
    case 'dot':
      checkVector(op.weights, width);
      if (op.bias !== undefined) checkConstant(op.bias);
      return 1;
    case 'matvec': {
      const m = op.matrix;
      if (!Array.isArray(m) || m.length === 0) throw new ComputeError('COMPUTE_INVALID_PROGRAM');
      if (m.length > LIMITS.columnsMax) throw new ComputeError('COMPUTE_TOO_MANY_COLUMNS');
      for (const row of m) checkVector(row, width);
      if (op.bias !== undefined) checkVector(op.bias, m.length);
      return m.length;
    }
    case 'sum':
    case 'mean':
      if (op.axis !== 'rows' && op.axis !== 'columns') throw new ComputeError('COMPUTE_INVALID_PROGRAM');
      return op.axis === 'columns' ? 1 : width;
    case 'poly': {
      const c = op.coefficients;
      if (!Array.isArray(c) || c.length < 1) throw new ComputeError('COMPUTE_INVALID_PROGRAM');
      if (c.length - 1 > LIMITS.polyDegreeMax) throw new ComputeError('COMPUTE_DEGREE_TOO_HIGH');
      checkVector(c, c.length);
      return width;
    }
    case 'compare':
      checkConstant(op.threshold);
      return width;
    case 'divide':
      if (typeof op.column !== 'number' || !Number.isInteger(op.column) || op.column < 0 || op.column >= width) throw new ComputeError('COMPUTE_WIDTH_MISMATCH');
      return width;
    default:
      throw new ComputeError('COMPUTE_UNKNOWN_OP');
  }
}

function validateProgram(p) {
  if (!isRecord(p)) throw new ComputeError('COMPUTE_INVALID_PROGRAM');
  if (p.version !== 1) throw new ComputeError('COMPUTE_UNSUPPORTED_VERSION');
  const w = p.inputWidth;
  if (typeof w !== 'number' || !Number.isInteger(w) || w < 1) throw new ComputeError('COMPUTE_INVALID_PROGRAM');
  if (w > LIMITS.columnsMax) throw new ComputeError('COMPUTE_TOO_MANY_COLUMNS');
  if (!Array.isArray(p.ops)) throw new ComputeError('COMPUTE_INVALID_PROGRAM');
  if (p.ops.length > LIMITS.opsMax) throw new ComputeError('COMPUTE_TOO_MANY_OPS');
  let width = w;
  for (const op of p.ops) {
    if (!isRecord(op)) throw new ComputeError('COMPUTE_INVALID_PROGRAM');
    width = checkOp(op, width);
  }
  return p;
}

function validateRows(rows, width) {
  if (!Array.isArray(rows)) throw new ComputeError('COMPUTE_INVALID_INPUT');
  if (rows.length === 0) throw new ComputeError('COMPUTE_EMPTY_INPUT');
  if (rows.length > LIMITS.rowsMax) throw new ComputeError('COMPUTE_TOO_MANY_ROWS');
  for (const row of rows) {
    if (!Array.isArray(row)) throw new ComputeError('COMPUTE_INVALID_INPUT');
    if (row.length !== width) throw new ComputeError('COMPUTE_WIDTH_MISMATCH');
    for (const v of row) if (typeof v !== 'number' || !Number.isFinite(v)) throw new ComputeError('COMPUTE_INVALID_INPUT');
  }
  return rows;
}

const operandAt = (operand, c) => (typeof operand === 'number' ? operand : operand[c]);
const mapCells = (rows, f) => rows.map((row) => row.map((x, c) => f(x, c, row)));

function dot(row, weights) {
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += row[i] * weights[i];
  return total;
}

function columnTotals(rows) {
  const width = rows[0]?.length ?? 0;
  const totals = new Array(width).fill(0);
  for (const row of rows) for (let c = 0; c < width; c++) totals[c] += row[c];
  return totals;
}

function evalPoly(coefficients, x) {
  let acc = 0;
  for (let k = coefficients.length - 1; k >= 0; k--) acc = acc * x + coefficients[k];
  return acc;
}

function applyOp(op, rows) {
  switch (op.op) {
    case 'add':
      return mapCells(rows, (x, c) => x + operandAt(op.operand, c));
    case 'mul':
      return mapCells(rows, (x, c) => x * operandAt(op.operand, c));
    case 'dot':
      return rows.map((row) => [dot(row, op.weights) + (op.bias ?? 0)]);
    case 'matvec':
      return rows.map((row) => op.matrix.map((weights, k) => dot(row, weights) + (op.bias?.[k] ?? 0)));
    case 'sum':
    case 'mean': {
      const scale = op.op === 'mean' ? (op.axis === 'rows' ? 1 / rows.length : 1 / (rows[0]?.length ?? 1)) : 1;
      if (op.axis === 'rows') return [columnTotals(rows).map((t) => t * scale)];
      return rows.map((row) => [row.reduce((a, b) => a + b, 0) * scale]);
    }
    case 'poly':
      return mapCells(rows, (x) => evalPoly(op.coefficients, x));
    case 'compare':
      return mapCells(rows, (x) => (x > op.threshold ? 1 : 0));
    case 'divide':
      if (rows.some((row) => row[op.column] === 0)) throw new ComputeError('COMPUTE_DIVISION_BY_ZERO');
      return mapCells(rows, (x, _c, row) => x / row[op.column]);
    default:
      throw new ComputeError('COMPUTE_UNKNOWN_OP');
  }
}

export function run(programInput, input) {
  const program = validateProgram(programInput);
  let table = validateRows(input?.rows, program.inputWidth).map((row) => [...row]);
  for (const op of program.ops) table = applyOp(op, table);
  return table;
}
